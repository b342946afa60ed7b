"""Detection: marked text is detected and attributed, unmarked text is not, evasions do not help."""

from __future__ import annotations

import itertools
import random
import unicodedata

import numpy as np
import pytest

from gateway.watermark import fragile
from gateway.watermark.detect import KeyRegistry, detect, detect_corpus, observe
from gateway.watermark.embed import FRAGILE_SPACING, Watermarker
from gateway.watermark.stats import upper_tail
from tests.watermark.prose import prose

SECRET = b"test-master-secret-0123456789abcdef"
ACCOUNTS = [("t1", f"acct-{i}") for i in range(200)] + [("t2", f"acct-{i}") for i in range(50)]


@pytest.fixture(scope="module")
def wm() -> Watermarker:
    return Watermarker(SECRET)


@pytest.fixture(scope="module")
def registry(wm: Watermarker) -> KeyRegistry:
    return KeyRegistry(wm, ACCOUNTS)


def test_exact_tail_matches_binomial() -> None:
    # 20 binary sets, first occurrence each: P(S >= 15) = sum_{k>=15} C(20,k) / 2^20
    counts = np.zeros((20, 4), dtype=np.int64)
    counts[:, 0] = 1
    sizes = np.full(20, 2)
    from math import comb
    p, z, method = upper_tail(15, counts, sizes)
    assert method == "exact"
    assert p == pytest.approx(sum(comb(20, k) for k in range(15, 21)) / 2**20)
    assert z == pytest.approx((15 - 10) / np.sqrt(5))


def test_writer_habits_do_not_fake_a_signal() -> None:
    # 300 documents all using member 0 of 10 sets: the conditional null knows the score is 0 or 300
    counts = np.zeros((10, 4), dtype=np.int64)
    counts[:, 0] = 300
    p, _, _ = upper_tail(300 * 6, counts, np.full(10, 2))
    assert p == pytest.approx(sum(__import__("math").comb(10, k) for k in range(6, 11)) / 2**10)


def test_marked_text_detected_and_attributed(wm: Watermarker, registry: KeyRegistry) -> None:
    for i in range(5):
        tenant, account = ACCOUNTS[i * 37]
        text = prose(wm.table, 120, seed=i)
        res = detect(wm.mark(text, tenant=tenant, account=account), registry)
        assert res.detected and res.p_value < 1e-6
        assert (res.tenant, res.account) == (tenant, account)
        assert res.candidates[0].account == account
        assert res.positions_scored >= 100


def test_unmarked_text_not_detected(wm: Watermarker, registry: KeyRegistry) -> None:
    ps = [detect(prose(wm.table, 120, seed=100 + i), registry).p_value for i in range(40)]
    assert min(ps) > 1e-4
    assert all(r is None for r in [detect(prose(wm.table, 120, seed=7), registry).account])


def test_unknown_account_detected_but_not_attributed(wm: Watermarker, registry: KeyRegistry) -> None:
    text = wm.mark(prose(wm.table, 150, seed=3), tenant="t9", account="not-registered")
    res = detect(text, registry)
    assert res.shared_p_value < 1e-6 and res.detected
    assert res.account is None


def test_repetition_counts_once(wm: Watermarker, registry: KeyRegistry) -> None:
    one = prose(wm.table, 40, seed=11)
    assert detect(one * 20, registry).positions_scored == detect(one, registry).positions_scored


def test_robust_to_case_whitespace_nfkc_and_junk(wm: Watermarker, registry: KeyRegistry) -> None:
    tenant, account = ACCOUNTS[5]
    marked = wm.mark(prose(wm.table, 120, seed=21), tenant=tenant, account=account)
    rng = random.Random(0)
    variants = {
        "upper": marked.upper(),
        "whitespace": "\n   ".join(marked.split(" ")),
        "nfkc": unicodedata.normalize("NFKC", marked.replace(" ", "\u00a0")),
        "fullwidth": marked.replace("a", "\uff41"),  # NFKC folds it back
        "zero-width": "\u200b".join(marked),
        "junk-inserted": " ".join(w + (" 🙂" if rng.random() < 0.5 else "") for w in marked.split()),
    }
    for name, text in variants.items():
        res = detect(text, registry)
        assert res.detected and res.account == account, name


def test_observe_prefers_prose_occurrences(wm: Watermarker) -> None:
    big, large = wm.table.index["big"], wm.table.index["large"]
    assert observe("```\nbig\n```\nThe large one.", wm) == {large[0]: large[1]}
    assert observe("```\nbig\n```\n", wm) == {big[0]: big[1]}  # only in code: still counted


def test_code_words_are_not_evidence_beside_prose(wm: Watermarker) -> None:
    """The words of an answer's code block were never marked: beside prose they are not read (they only
    diluted the evidence); a text with no eligible prose at all is read in its code (a disguised leak)."""
    big, improve = wm.table.index["big"], wm.table.index["improve"]
    text = "The big one.\n\n```\n# improve the loop\n```\n"
    assert observe(text, wm) == {big[0]: big[1]}
    assert observe("```\n# improve the loop\n```\n", wm) == {improve[0]: improve[1]}


def test_observe_reads_the_occurrence_marking_rewrites(wm: Watermarker) -> None:
    """Marking leaves a mid-sentence capital (a name) alone: a later lower-case occurrence is the evidence."""
    big, large = wm.table.index["big"], wm.table.index["large"]
    assert observe("We met at the Large Hadron Collider; a big one.", wm) == {big[0]: big[1]}
    assert observe("We met at the Large Hadron Collider.", wm) == {large[0]: large[1]}  # no other: still counted
    assert observe("Done. Large ones work; big ones too.", wm) == {large[0]: large[1]}  # a sentence start is marked
    assert observe("WE MET AT THE LARGE HADRON COLLIDER; A BIG ONE.", wm) == {large[0]: large[1]}  # case changed


def test_code_beside_prose_does_not_dilute_the_mark(wm: Watermarker, registry: KeyRegistry) -> None:
    tenant, account = ACCOUNTS[11]
    marked = wm.mark(prose(wm.table, 60, seed=5), tenant=tenant, account=account)
    unmarked_code = "```\n" + prose(wm.table, 200, seed=6) + "\n```\n"
    alone, beside = detect(marked, registry), detect(marked + "\n\n" + unmarked_code, registry)
    assert beside.positions_scored == alone.positions_scored and beside.p_value == alone.p_value


def test_hiding_text_in_code_does_not_hide_the_mark(wm: Watermarker, registry: KeyRegistry) -> None:
    tenant, account = ACCOUNTS[9]
    marked = wm.mark(prose(wm.table, 120, seed=33), tenant=tenant, account=account)
    for disguised in ("```\n" + marked + "\n```", "\n".join("    " + ln for ln in marked.split(". "))):
        res = detect(disguised, registry)
        assert res.detected and res.account == account


def test_corpus_mode_aggregates_weak_evidence(wm: Watermarker, registry: KeyRegistry) -> None:
    tenant, account = ACCOUNTS[3]
    docs = []
    for i in range(60):  # each document alone is too short to detect
        text = prose(wm.table, 6, seed=300 + i)
        docs.append(wm.mark(text, tenant=tenant, account=account))
    assert all(not detect(d, registry).detected for d in docs)
    res = detect_corpus(docs + docs, registry)  # duplicates are scored once
    assert res.documents == 60 and res.detected and res.account == account
    clean = detect_corpus([prose(wm.table, 6, seed=900 + i) for i in range(60)], registry)
    assert not clean.detected and clean.p_value > 1e-4


def test_fragile_channel_round_trip_and_erasure(wm: Watermarker) -> None:
    text = prose(wm.table, 10, seed=2)
    marked = wm.mark(text, tenant="t1", account="acct-1", fragile_ts=29_000_000)
    found = fragile.decode(SECRET, marked)
    assert found == [fragile.FragileMark(fragile.account_tag(SECRET, "t1", "acct-1"), 29_000_000)]
    assert fragile.decode(SECRET, marked.replace("\u200b", "")) == []  # a stripper erases it
    assert fragile.decode(b"another-master-secret-0123456789", marked) == []  # MAC does not verify
    assert wm.mark(text, tenant="t1", account="acct-1") == fragile.PAYLOAD_RE.sub("", marked)


def test_fragile_copies_recur_so_a_deleted_or_cut_word_does_not_take_the_payload(wm: Watermarker) -> None:
    text = prose(wm.table, 150, seed=11)
    marked = wm.mark(text, tenant="t1", account="acct-1", fragile_ts=29_000_000)
    spans = [m.span() for m in fragile.PAYLOAD_RE.finditer(marked)]
    assert len(spans) >= 3
    gaps = [b[0] - a[1] for a, b in itertools.pairwise(spans)]
    assert min(gaps) >= 0.8 * FRAGILE_SPACING  # spacing counted in the text as received; swaps change lengths
    mark = fragile.FragileMark(fragile.account_tag(SECRET, "t1", "acct-1"), 29_000_000)
    words = marked.split(" ")
    first = next(i for i, w in enumerate(words) if fragile.PAYLOAD_RE.search(w))
    assert set(fragile.decode(SECRET, " ".join(words[:first] + words[first + 1:]))) == {mark}  # its word deleted
    assert set(fragile.decode(SECRET, marked[spans[1][0] - 200:])) == {mark}  # the beginning cut off


def test_detection_reads_the_fragile_payload_without_counting_it_as_evidence(wm: Watermarker, registry) -> None:
    text = prose(wm.table, 10, seed=2)
    marked = wm.mark(text, tenant="t1", account="acct-7", fragile_ts=29_000_001)  # 2025-02-19T21:21Z
    plain = wm.mark(text, tenant="t1", account="acct-7")
    result = detect(marked, registry)
    assert [(f.tenant, f.account, f.first_served, f.payloads) for f in result.fragile] == [
        ("t1", "acct-7", "2025-02-19T21:21Z", 1)]
    assert result.p_value == detect(plain, registry).p_value  # the payload is not part of the test
    assert detect(plain, registry).fragile == []
    assert detect(marked.replace("\u200c", ""), registry).fragile == []  # damaged: the MAC fails
    unknown = detect(wm.mark(text, tenant="t9", account="stranger", fragile_ts=29_000_001), registry).fragile
    assert [(f.tenant, f.account) for f in unknown] == [(None, None)]
    assert unknown[0].account_tag == f"{fragile.account_tag(SECRET, 't9', 'stranger'):08x}"


def test_corpus_detection_groups_fragile_payloads_per_account(wm: Watermarker, registry) -> None:
    docs = [wm.mark(prose(wm.table, 6, seed=s), tenant="t2", account="acct-3", fragile_ts=29_000_000 + s)
            for s in range(4)]
    docs.append(wm.mark(prose(wm.table, 6, seed=9), tenant="t1", account="acct-0", fragile_ts=29_000_050))
    found = detect_corpus(docs + docs[:1], registry).fragile  # an exact duplicate counts once
    assert [(f.account, f.documents, f.first_served, f.last_served) for f in found] == [
        ("acct-3", 4, "2025-02-19T21:20Z", "2025-02-19T21:23Z"), ("acct-0", 1, "2025-02-19T22:10Z",
                                                                   "2025-02-19T22:10Z")]
