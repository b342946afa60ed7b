"""Round 23: images and code files are documents too (documents.py, `image_ids`, `infill_passages`).

A caption harvest sends one scraped image set to the teacher in many caption styles, each image dealt to a few
accounts of different tenants; an infill harvest cuts holes in a scraped code corpus and asks fill-in-the-middle
completions for them. The image (its URL or its data) and the file around the hole are the work items crossing
tenants, as a pasted document is. A program working one item several ways in a row (every caption style, every hole
of a file) is one visit to it, not a return: returning to documents is what a team's own library does."""

from __future__ import annotations

import random

from gateway.extraction.detector import Detector
from gateway.extraction.documents import image_ids, infill_passages
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import event
from tests.extraction.test_shared_documents import chatter, replay

T0 = 1_767_225_600.0
HOUR = 3600.0
STYLES = ("Write alt text for this image: one sentence, under 125 characters.",
          "Describe this image in detail for a visually impaired reader.",
          "Give this photo a short, catchy caption for social media.")
URL = "https://media-dump.example.com/images/{:07d}.jpg"


def captioned(style: str, image: str, api: str = "openai.chat.completions") -> tuple[str, dict]:
    if api == "anthropic.messages":
        src = ({"type": "base64", "media_type": "image/png", "data": image} if not image.startswith("http")
               else {"type": "url", "url": image})
        content = [{"type": "image", "source": src}, {"type": "text", "text": style}]
        return api, {"model": "claude-haiku-4-5", "max_tokens": 300, "messages": [{"role": "user", "content": content}]}
    if api == "openai.responses":
        content = [{"type": "input_text", "text": style}, {"type": "input_image", "image_url": image}]
        return api, {"model": "gpt-4.1", "input": [{"role": "user", "content": content}]}
    content = [{"type": "text", "text": style}, {"type": "image_url", "image_url": {"url": image, "detail": "high"}}]
    return api, {"model": "gpt-4.1-mini", "messages": [{"role": "user", "content": content}], "max_tokens": 300}


def source_file(rng: random.Random, name: str) -> str:
    funcs = []
    for k in range(4):
        body = "\n".join(f"    total_{name}_{k} += item[{j}] * weight_{j}  # step {j} of {name}" for j in range(4 + 2 * k))
        funcs.append(f"def {name}_{k}_{rng.getrandbits(16):04x}(items):\n    total_{name}_{k} = 0\n"
                     f"    for item in items:\n{body}\n    return total_{name}_{k}")
    return "\n\n\n".join(funcs) + "\n"


def infill(text: str, at: int, width: int = 30) -> dict:
    return {"model": "gpt-3.5-turbo-instruct", "prompt": text[:at], "suffix": text[at + width:], "max_tokens": 64,
            "temperature": 0}


def test_an_image_is_the_same_document_on_every_api_and_text_parts_are_not_images() -> None:
    url, data = URL.format(7), "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    ids = {api: event("a", T0, body, api=api).passages
           for api, body in (captioned(STYLES[0], url, a) for a in ("openai.chat.completions", "openai.responses",
                                                                    "anthropic.messages"))}
    assert len(set(ids.values())) == 1 and len(ids["openai.responses"]) == 1
    assert event("a", T0, captioned(STYLES[1], data, "anthropic.messages")[1], api="anthropic.messages").passages \
        == image_ids([{"type": "input_image", "image_url": data}])
    assert image_ids([{"type": "text", "text": url}, {"type": None}, "plain", {"image_url": url}]) == ()
    assert image_ids("a string prompt") == ()
    big = "data:image/png;base64," + "iVBORw0K" * 10_000  # an image's first 64 KiB name it; the rest is not hashed
    assert image_ids([{"type": "input_image", "image_url": big + "A"}]) == image_ids(
        [{"type": "input_image", "image_url": big + "B"}]) != image_ids([{"type": "input_image", "image_url": "B" + big}])


def test_holes_cut_from_one_file_share_its_passage_and_other_files_do_not() -> None:
    rng = random.Random(2)
    text, other = source_file(rng, "orders"), source_file(rng, "tickets")
    cut = text.index("def ", 10) + 40  # in the second function: the longest paragraph is the last one
    a = event("a", T0, infill(text, 40), api="openai.completions").passages
    b = event("a", T0, infill(text, cut), api="openai.completions").passages
    assert len(a) == 1 and a == b == infill_passages(text[:40], text[70:])
    assert event("a", T0, infill(other, 40), api="openai.completions").passages != a
    # The same file without a suffix is an ordinary completion prompt: read for passages only when machine-read.
    assert event("a", T0, {"model": "gpt-3.5-turbo-instruct", "prompt": text}, api="openai.completions").passages == ()


def test_working_one_passage_in_a_row_is_one_visit_and_coming_back_to_it_is_a_return() -> None:
    st = PrincipalState(event("p", T0, captioned(STYLES[0], URL.format(1))[1]))
    for doc in (1, 1, 1, 2, 2, 3):
        st.add_visit([doc])
    assert (st.docs[0], st.docs[1]) == (3, 0)
    st.add_visit([1])
    assert (st.docs[0], st.docs[1]) == (4, 1)
    # A pasted document (by its grams) counts every paste: a teacher marking a class set returns to its task.
    st.add_document(5)
    st.add_document(5)
    assert (st.docs[0], st.docs[1]) == (6, 2)


def caption_harvest(rng: random.Random, accounts: int, images: int) -> list[tuple]:
    """Each scraped image dealt to three accounts (each its own tenant), one caption style each, hours apart."""
    rows = []
    for i in range(images):
        t = T0 + rng.uniform(0, 60 * HOUR)
        for j, k in enumerate(rng.sample(range(accounts), 3)):
            api, body = captioned(STYLES[j], URL.format(i), rng.choice(("openai.chat.completions", "openai.responses")))
            rows.append((t + j * rng.uniform(2, 6) * HOUR, f"cap-{k}", f"tenant-cap-{k}", body, 40, api))
    return rows


def alt_text_service(rng: random.Random, accounts: int, images: int) -> list[tuple]:
    """A publisher's alt-text service: its own images, every style of each in a row, one tenant per publisher."""
    return [(T0 + i * 600.0 + j, f"pub-{k}", f"tenant-pub-{k}",
             captioned(style, f"https://cdn.publisher-{k}.example/{i:05d}.webp")[1], 40, "openai.chat.completions")
            for k in range(accounts) for i in range(images) for j, style in enumerate(STYLES)]


def test_a_caption_harvest_dealing_images_over_tenants_is_flagged_and_a_publishers_service_is_not() -> None:
    rng = random.Random(7)
    det = replay(Detector(), caption_harvest(rng, 12, 150) + alt_text_service(rng, 3, 120) + chatter(rng, 150))
    pipeline = [det.principal_detail(f"cap-{k}") for k in range(12)]
    assert all(d["signals"]["split_documents"] >= 3 for d in pipeline)
    assert sum(det.verdict(f"cap-{k}").status != "ok" for k in range(12)) >= 10
    for k in range(3):
        signals = det.principal_detail(f"pub-{k}")["signals"]
        assert signals.get("split_documents", 0) == 0 and signals.get("returning_document_share", 0) == 0
        assert det.verdict(f"pub-{k}").status == "ok"
    assert all(det.verdict(f"chat-{a}").status == "ok" for a in range(150))
