"""Round 15: sentences that a crowd of small accounts sends with long answers (asks.py).

A hydra dresses every prompt in each account's own voice -- a greeting, a context line, a sign-off -- so the first
and last tokens of its prompts, which the template keys read, differ from account to account. The sentences its
pipeline appends to get the reasoning, and the items it draws from its pool, are sent verbatim by account after
account, each time with a long answer: that is what `shared_asks` counts."""

from __future__ import annotations

import random

from gateway.extraction import scoring
from gateway.extraction.asks import ASK_BITS, ASK_MIN_ACCOUNTS, AskTable, ask_hashes
from gateway.extraction.detector import Detector
from gateway.extraction.features import FeatureEvent
from tests.extraction.helpers import chat, event

T0 = 1_767_225_600.0
HOUR = 3600.0
# An operator's asks and items: none of them is in the elicitation lexicon, and none has numbers (no `problem`).
ASKS = ("Go over it the way an examiner would, and only then give the verdict",
        "Treat every consideration on its own before you settle on anything",
        "Walk around the question slowly and let me watch where you end up",
        "I want the long version with all of the weighing, not a one-liner")
TOPICS = ("the village council and the new ferry timetable", "the bakery that moved to the old station",
          "a choir deciding between two halls for its spring concert", "the orchard owner who sells only on Sundays",
          "the library that stopped charging late fees", "two neighbours arguing over a shared hedge",
          "the cycling club that changed its meeting day", "the museum that opened a night gallery")
EVERYDAY = ("what should i cook tonight with leeks", "how do i get a stain out of a wool jumper",
            "any tips for a long train journey with a toddler", "suggest a name for a reading group",
            "how do i politely decline a wedding invitation", "what's a good stretch for a stiff neck")
VOCAB = ("apple", "river", "quiet", "lamp", "orbit", "velvet", "candle", "harbor", "meadow", "pixel", "saffron",
         "tundra", "violin", "walnut", "yonder", "zephyr", "basket", "copper", "drizzle", "ember", "fable", "glacier",
         "hollow", "indigo", "jasmine", "kettle", "lantern", "marble", "nectar", "oyster", "pepper", "quartz")
ITEMS = ("Consider {t}: does their reasoning hold up under scrutiny",
         "Here is a case about {t}, and I am not sure the argument works",
         "{t} - is the conclusion they drew actually supported",
         "Look at {t} and tell me whether the decision follows from the facts",
         "About {t}: what is the weakest link in the argument")


def voice(k: int) -> tuple[list[str], list[str]]:
    """Account k's own ways of opening and closing a message (three each, of random words: no two accounts share
    one), longer than the template keys' frame."""
    rng = random.Random(1000 + k)
    lines = [" ".join(rng.choice(VOCAB) for _ in range(14)) for _ in range(6)]
    return lines[:3], lines[3:]


def crowd_prompt(rng: random.Random, k: int, ask: bool = True) -> str:
    """One of the operator's items and (usually) one of its asks, in account k's voice."""
    openers, closers = voice(k)
    item = rng.choice(ITEMS).format(t=rng.choice(TOPICS))
    lines = [rng.choice(openers) + "!", item + "?"]
    if ask:
        lines.append(rng.choice(ASKS) + ".")
    lines.append(rng.choice(closers))
    return "\n".join(lines)


def background(det: Detector, rng: random.Random, accounts: int, t0: float, hours: float) -> list[tuple]:
    """Ordinary small chat accounts: a few short everyday questions each."""
    out = []
    for a in range(accounts):
        for _ in range(rng.randint(6, 14)):
            out.append((t0 + rng.uniform(0, hours * HOUR), f"chat-{a}", chat(rng.choice(EVERYDAY)),
                        rng.randint(80, 300)))
    return out


def crowd(rng: random.Random, accounts: int, t0: float, hours: float, long_answers: bool = True,
          prefix: str = "crowd", everyday: float = 0.15) -> list[tuple]:
    """Small accounts, each in its own voice: items with the operator's asks (long answers), and some everyday chat
    (`everyday`: its share of the requests)."""
    out = []
    for k in range(accounts):
        for _ in range(rng.randint(16, 24)):
            t = t0 + rng.uniform(0, hours * HOUR)
            if rng.random() < everyday:
                out.append((t, f"{prefix}-{k}", chat(rng.choice(EVERYDAY)), rng.randint(80, 300)))
            else:
                out.append((t, f"{prefix}-{k}", chat(crowd_prompt(rng, k)),
                            rng.randint(900, 1600) if long_answers else rng.randint(100, 400)))
    return out


def replay(det: Detector, rows: list[tuple]) -> None:
    for t, p, body, out in sorted(rows, key=lambda r: (r[0], r[1])):
        det.observe(event(p, t, body, output_tokens=out))
    det.tick(max(r[0] for r in rows))


def test_a_sentence_keeps_its_hash_whatever_voice_wraps_it() -> None:
    a = ask_hashes("hi! (note 1)\nconsider the case of the bakery.\n"
                   "treat every consideration on its own before you settle on anything.\nthanks!")
    b = ask_hashes("good evening! treat every consideration on its own before you settle on anything? ta")
    shared = set(a) & set(b)
    assert len(shared) == 1  # the ask; the greetings, notes and sign-offs are too short to count
    assert ask_hashes("how do i get wax out of a tablecloth") == ask_hashes("how do i get wax out of a tablecloth?")
    assert ask_hashes("thanks, see you") == ()  # under 24 characters
    # A voice line run into the sentence (no full stop, question mark or line break between) makes another sentence.
    assert not set(ask_hashes("so, treat every consideration on its own before you settle on anything")) & set(a)
    long_doc = "\n".join(f"sentence number {i} of a long pasted document, plainly" for i in range(20))
    assert len(ask_hashes(long_doc)) == 6  # the first and the last three


def test_ask_hashes_are_crc32_so_every_process_agrees() -> None:
    # Same value in every process whatever PYTHONHASHSEED: gateways, workers and replay share the table's keys.
    assert ask_hashes("treat every consideration on its own before you settle") == (2256271975,)


def test_a_crowd_of_small_accounts_sending_the_same_asks_with_long_answers_is_flagged(monkeypatch) -> None:
    def run() -> tuple[Detector, list[str]]:
        rng, det = random.Random(11), Detector()
        replay(det, background(det, rng, 200, T0, 48) + crowd(rng, 40, T0, 48))
        return det, [f"crowd-{k}" for k in range(40) if det.verdict(f"crowd-{k}").status != "ok"]

    det, flagged = run()
    assert len(flagged) >= 35
    details = [det.principal_detail(f"crowd-{k}") for k in range(40)]
    assert sum(d["own_score"] >= 0.5 for d in details) >= 30  # on its own evidence, not only a campaign's
    assert sum(d["evidence"]["shared_asks"] >= 0.4 for d in details) >= 25
    assert any("shared_asks" in d["reasons"] for d in details)
    assert all(d["signals"]["reasoning_share"] == 0.0 for d in details)  # no lexicon phrase: the crowd flags it
    assert all(det.verdict(f"chat-{a}").status == "ok" for a in range(200))
    # Without the term, the voices hide the crowd from the template keys: nobody is flagged.
    monkeypatch.setattr(scoring, "W_ASKS", 0.0)
    _, without = run()
    assert len(without) <= 5


def test_an_account_using_the_crowd_sentences_in_a_minority_of_its_requests_gets_no_shared_asks() -> None:
    # The crowd's sentences are popular content too: a student who appends a common phrase to part of her homework
    # among much else shares them. Only an account dedicated to them -- most of its requests long answers to the
    # crowd's sentences, like an account linked by a shared template -- gets the evidence.
    rng, det = random.Random(15), Detector()
    replay(det, background(det, rng, 200, T0, 48) + crowd(rng, 40, T0, 48)
           + crowd(rng, 20, T0, 48, prefix="student", everyday=0.65))
    students = [det.principal_detail(f"student-{k}") for k in range(20)]
    assert all(d["signals"]["crowd_asks"] >= 1.0 for d in students)  # they do send the crowd's sentences ...
    assert all(d["evidence"]["shared_asks"] == 0.0 for d in students)  # ... in a minority of their requests
    assert sum(det.principal_detail(f"crowd-{k}")["evidence"]["shared_asks"] > 0.0 for k in range(40)) >= 20


def test_the_same_sentences_with_short_answers_are_a_phrase_not_an_ask() -> None:
    rng, det = random.Random(12), Detector()
    replay(det, background(det, rng, 200, T0, 48) + crowd(rng, 40, T0, 48, long_answers=False))
    assert all(det.principal_detail(f"crowd-{k}")["signals"]["crowd_asks"] == 0.0 for k in range(40))
    assert all(det.verdict(f"crowd-{k}").status == "ok" for k in range(40))


def test_fewer_accounts_than_a_crowd_get_no_shared_asks_evidence() -> None:
    rng, det = random.Random(13), Detector()
    replay(det, background(det, rng, 200, T0, 48) + crowd(rng, ASK_MIN_ACCOUNTS // 2, T0, 48))
    assert all(det.principal_detail(f"crowd-{k}")["evidence"]["shared_asks"] == 0.0
               for k in range(ASK_MIN_ACCOUNTS // 2))


def test_a_heavy_account_sending_the_crowd_sentences_at_volume_is_not_counted() -> None:
    # A product sending the same items and asks for its users at volume: its harvest, if any, is for its own
    # volume and shares to judge; it neither joins the crowd nor is credited with crowd asks.
    rng, det = random.Random(14), Detector()
    rows = background(det, rng, 200, T0, 48) + crowd(rng, 40, T0, 48)
    rows += [(T0 + 2 * HOUR + i * 40.0, "product", chat(crowd_prompt(rng, i % 30)), rng.randint(900, 1600))
             for i in range(3000)]
    replay(det, rows)
    assert det.principal_detail("product")["signals"]["crowd_asks"] < 1.0


def test_the_table_counts_accounts_not_requests() -> None:
    table = AskTable(1000)
    table.refresh(0)
    h = ask_hashes("treat every consideration on its own before you settle on anything")
    for _ in range(100):  # one account sending the ask again and again is no crowd
        assert not table.note("one", h, True, True)
    hits = [table.note(f"acct-{k}", h, True, True) for k in range(ASK_MIN_ACCOUNTS + 10)]
    assert not hits[0] and hits[-1]  # the crowd is recognised once enough distinct accounts sent it
    assert table[h[0]][0].bit_count() <= ASK_BITS


def test_shared_asks_counts_once_with_the_other_content_terms() -> None:
    # Content many accounts send is one kind of evidence, whichever key sees it (template, problem, sentence): an
    # account with shared problems gets from shared_asks only what it adds beyond them.
    det = Detector()
    ev = event("x", T0, chat("hello"))
    det.observe(ev)
    sig = scoring.signals(det._states["x"], {}, scoring.Population())
    sig.update(crowd_asks=10.0, crowd_ask_share=0.8)
    alone = scoring.evidence(sig, 40)["shared_asks"]
    assert alone == scoring.W_ASKS
    sig.update(shared_problems=3.0, shared_problem_share=1.0)
    evi = scoring.evidence(sig, 40)
    assert evi["shared_problems"] == scoring.W_PROBLEMS
    assert abs(evi["shared_asks"] - (scoring.W_ASKS - scoring.W_PROBLEMS)) < 1e-9


def test_feature_rows_of_the_previous_release_decode_without_asks() -> None:
    ev = event("p", T0, chat("treat every consideration on its own before you settle on anything"))
    assert ev.asks
    row = ev.to_row()[:-5]  # a gateway of the release before round 22: no `asks`, `passages`, `scenario`, `branch`,
    # `answered`
    old = FeatureEvent.from_row(row)
    assert old.asks == () and old.content_hash == ev.content_hash
    assert FeatureEvent.from_row(ev.to_row()).asks == ev.asks
