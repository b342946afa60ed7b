"""Round 22: short scraped texts are documents too (documents.py, passages), when a program reads the answer.

An annotation harvest wants the teacher's labels on a scraped corpus of reviews, abstracts and notes: each text's
label schemes are dealt over a few accounts of different tenants hours apart, every request a one-token answer with
its label probabilities, and the same texts go out again as embedding batches. Nothing in one request is long,
elicits reasoning or repeats; the scraped text crossing tenants is what shows. A moderation product labels its own
users' posts (each seen once, under its own tenant), colleagues of one tenant labelling the same items are one
organisation, and annotators of a study who each read the model's label for the same items are people reading."""

from __future__ import annotations

import random

from gateway.extraction import scoring
from gateway.extraction.detector import Detector
from gateway.extraction.documents import DOC_MIN_GRAMS, PASSAGE_CHARS, passage_hashes
from tests.extraction.helpers import FX, chat, event
from tests.extraction.test_shared_documents import (  # everyday accounts; replay with own addresses
    chatter,
    replay,
)

T0 = 1_767_225_600.0
HOUR = 3600.0
PRODUCTS = ("hiking boots", "rice cooker", "desk lamp", "rain jacket", "blender", "office chair", "backpack")
PARTS = ("The sole came loose after {n} weeks of light use.", "Customer service replaced a faulty part without fuss.",
         "Overpriced at ${p} for what you get.", "Stayed completely dry through a {n}-hour downpour.",
         "The manual is useless and the app keeps crashing.", "Arrived two days early and well packed.",
         "My back aches after {n} hours in it.", "Battery lasts about {n} days between charges.")
SCHEMES = ("Classify this product review by polarity. Labels: positive, negative, mixed. Answer with the label only.",
           "Which aspect does this review talk about most? Labels: price, quality, service, delivery. One word.",
           "Does this review mention a defect? Answer yes or no.")


def review(rng: random.Random) -> str:
    parts = rng.sample(PARTS, 4)
    body = " ".join(p.format(n=rng.randint(2, 40), p=rng.randint(20, 300)) for p in parts)
    return f"{rng.choice(PRODUCTS).capitalize()} - {rng.getrandbits(24):06x}\n{body}"


def label(scheme: str, text: str, logprobs: bool = True) -> dict:
    body = chat(f"{scheme}\n\n{text}")
    return {**body, "max_tokens": 1, "temperature": 0, **({"logprobs": True, "top_logprobs": 20} if logprobs else {})}


def harvest(rng: random.Random, accounts: int, docs: int, logprobs: bool = True, who: str = "labels") -> list[tuple]:
    """Each scraped review's three label schemes dealt to three accounts (each its own tenant) hours apart."""
    rows = []
    for _ in range(docs):
        doc, t = review(rng), T0 + rng.uniform(0, 60 * HOUR)
        for j, (k, scheme) in enumerate(zip(rng.sample(range(accounts), 3), SCHEMES, strict=True)):
            rows.append((t + j * rng.uniform(2, 6) * HOUR, f"{who}-{k}", f"tenant-{who}-{k}",
                         label(scheme, doc, logprobs), 1))
    return rows


def moderation(rng: random.Random, accounts: int, posts: int) -> list[tuple]:
    """A moderation product: its own users' posts, each labelled once, one tenant per product."""
    return [(T0 + rng.uniform(0, 60 * HOUR), f"mod-{k}", f"tenant-mod-{k}", label(SCHEMES[0], review(rng)), 1)
            for k in range(accounts) for _ in range(posts)]


def test_a_passage_is_the_longest_paragraph_whatever_instruction_wraps_it() -> None:
    doc = review(random.Random(1))
    a, b = (event("a", T0, label(s, doc)).passages for s in SCHEMES[:2])
    assert len(a) == 1 and a == b  # one review, two label schemes
    assert event("a", T0, label(SCHEMES[0], review(random.Random(2)))).passages != a
    assert event("a", T0, chat("How much interest is due on an invoice paid 20 days late?")).passages == ()
    assert passage_hashes("x" * (PASSAGE_CHARS - 1)) == ()


def test_an_embedding_batch_has_a_passage_per_input_and_the_same_text_is_the_same_passage() -> None:
    rng = random.Random(3)
    docs = [review(rng).replace("\n", " ") for _ in range(3)]
    ev = FX.extract("openai.embeddings", {"model": "text-embedding-3-small", "input": [*docs, "short query"]}, "e", T0)
    assert ev.passages == tuple(passage_hashes(d)[0] for d in docs)
    assert event("a", T0, label(SCHEMES[1], docs[0])).passages == ev.passages[:1]


def test_a_prompt_that_is_a_document_by_its_grams_is_not_read_for_passages() -> None:
    lines = "\n".join(f"{i}. The supplier delivers batch {i} of the order within {i + 3} working days." for i in range(12))
    ev = event("a", T0, chat(f"Summarise:\n\n{lines}", logprobs=True))
    assert len(ev.quote_grams) >= DOC_MIN_GRAMS and ev.passages == ()


def test_a_label_harvest_dealing_each_text_over_tenants_is_flagged_and_a_moderation_product_is_not(monkeypatch) -> None:
    def run() -> Detector:
        rng = random.Random(7)
        return replay(Detector(), harvest(rng, 12, 160) + moderation(rng, 3, 150) + chatter(rng, 150))

    det = run()
    pipeline = [det.principal_detail(f"labels-{k}") for k in range(12)]
    assert all(d["signals"]["split_documents"] >= 3 for d in pipeline)
    assert sum(det.verdict(f"labels-{k}").status != "ok" for k in range(12)) >= 10
    assert all(det.principal_detail(f"mod-{k}")["signals"]["split_documents"] == 0 for k in range(3))
    assert all(det.verdict(f"mod-{k}").status == "ok" for k in range(3))
    assert all(det.verdict(f"chat-{a}").status == "ok" for a in range(150))
    # Without the documents term nothing sees it: one-token answers, no reasoning asked, no prompt repeated.
    monkeypatch.setattr(scoring, "W_DOCS", 0.0)
    det = run()
    assert sum(det.verdict(f"labels-{k}").status != "ok" for k in range(12)) == 0


def test_colleagues_of_one_tenant_labelling_the_same_texts_are_not_a_pipeline() -> None:
    rng = random.Random(5)
    rows = [(t, p, "tenant-acme", body, out) for t, p, _, body, out in harvest(rng, 12, 160)]
    det = replay(Detector(), rows + chatter(rng, 50))
    assert all(det.principal_detail(f"labels-{k}")["signals"]["split_documents"] == 0 for k in range(12))
    assert all(det.verdict(f"labels-{k}").status == "ok" for k in range(12))


def test_people_reading_labels_for_shared_items_record_no_passages() -> None:
    # The same deal of items over accounts of different tenants, but no label probabilities, schema, tool or
    # embedding: an annotator-agreement study's students read the model's label. Round 22 counts a passage only when
    # a program reads the answer (`blind-v26`'s study was flagged 37 of 40 when every short answer counted).
    rng = random.Random(11)
    det = replay(Detector(), harvest(rng, 12, 160, logprobs=False, who="study") + chatter(rng, 50))
    assert all(not det._states[f"study-{k}"].docs for k in range(12))
    assert all(det.verdict(f"study-{k}").status == "ok" for k in range(12))
