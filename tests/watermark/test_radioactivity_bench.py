"""The radioactivity benchmark's pieces: the n-gram student, the disjoint split, the one-pass scorer."""

from __future__ import annotations

import numpy as np

from benchmarks.watermark.radioactivity import ObservedCorpus, split_by_source, windows
from benchmarks.watermark.student import EOS, NgramLM, Vocabulary, stream
from gateway.watermark.detect import KeyRegistry, detect_corpus
from gateway.watermark.embed import Watermarker
from gateway.watermark.reference import Reference
from tests.watermark.prose import prose

SECRET = b"test-master-secret-0123456789abcdef"


def test_student_keeps_glued_tokens_and_only_writes_what_it_read() -> None:
    vocab = Vocabulary()
    docs = ["Fix select() in foo.c, retain-gids works. It is large.", "The big dog is large; it is not small!"]
    ids = [vocab.encode(d) for d in docs]
    assert vocab.decode(ids[0]) == "Fix select() in foo.c, retain-gids works. It is large."
    for order in (1, 2, 3):
        lm = NgramLM(order, len(vocab.words)).train(stream(ids, order))
        rows = lm.generate(200, 30, np.random.default_rng(order))
        seen = {t for d in ids for t in d.tolist()} | {EOS}
        assert set(rows.ravel().tolist()) <= seen
        if order == 3:  # every trigram of a sample occurs in training (contexts here are all seen)
            grams = {tuple(d[i:i + 3].tolist()) for d in ids for i in range(len(d) - 2)}
            for row in rows[:50]:
                toks = row[:int(np.argmax(row == EOS))] if (row == EOS).any() else row
                assert all(tuple(toks[i:i + 3].tolist()) in grams for i in range(len(toks) - 2))


def test_windows_cut_rows_and_drop_short_tails() -> None:
    vocab = Vocabulary()
    row = vocab.encode(" ".join(f"w{i}" for i in range(25)))
    assert [t.split()[0] for t in windows(vocab, [row], 10)] == ["w0", "w10", "w20"]
    assert len(windows(vocab, [row[:24]], 10)) == 2  # a tail of 4 < 10 / 2 is dropped


def test_split_is_disjoint_and_drops_near_duplicates() -> None:
    table = Watermarker(SECRET).table
    docs = [(f"/usr/share/doc/pkg{i % 7}/file{i % 3}", prose(table, 12, seed=i)) for i in range(40)]
    docs += [(f"/usr/share/doc/other{i}/copy", t) for i, (_, t) in enumerate(docs[:3])]  # copies elsewhere
    for by in ("document", "file", "source"):
        pools = split_by_source(docs, 0.4, seed=1, by=by)
        assert pools.dropped_near_duplicates >= 3
        assert not set(pools.train) & set(pools.reference)
        assert len(pools.train) + len(pools.reference) == len(docs) - pools.dropped_near_duplicates


def test_observed_corpus_scores_like_detect_corpus() -> None:
    wm = Watermarker(SECRET)
    reg = KeyRegistry(wm, [("t", f"a{i}") for i in range(20)])
    paras = [prose(wm.table, 15, seed=i) for i in range(60)]
    texts = [wm.mark(p, tenant="t", account=f"a{i % 20}") if i % 2 else p for i, p in enumerate(paras)]
    ref = Reference.from_texts(paras[::-1], wm)
    corpus = ObservedCorpus(texts, wm)
    for reference in (None, ref):
        a, b = corpus.score(reg, reference), detect_corpus(texts, reg, reference=reference)
        assert (a.p_value, a.shared_p_value, a.positions_scored, a.documents) == \
            (b.p_value, b.shared_p_value, b.positions_scored, b.documents)


def test_served_documents_record_what_detection_observes_on_the_original() -> None:
    from benchmarks.watermark.radioactivity import _LastResponse, serve
    from gateway.watermark.detect import observe

    wm = Watermarker(SECRET)
    served = Watermarker(SECRET, table=wm.table)
    sink = served.tally = _LastResponse(wm)
    for i in range(20):
        text = prose(wm.table, 12, seed=i) + ' "quoted large" and `big` TYPICALLY'
        out, seen = serve(served, text, "t", f"a{i}", sink)
        assert out == wm.mark(text, tenant="t", account=f"a{i}")
        assert seen == observe(text, wm)


async def test_tenant_scope_benchmark_records_through_the_real_recorder_per_tenant() -> None:
    from benchmarks.watermark.tenant_scope import TENANT, _recorded

    wm = Watermarker(SECRET)
    texts = [prose(wm.table, 10, seed=i) for i in range(12)]
    served = [(t, TENANT if i % 3 else "other", f"a{i}") for i, t in enumerate(texts)]
    everyone, acme = await _recorded(wm, served)
    mine = [t for t, tenant, _ in served if tenant == TENANT]
    assert np.array_equal(everyone.counts, Reference.from_texts(texts, wm).counts) and everyone.documents == 12
    assert np.array_equal(acme.counts, Reference.from_texts(mine, wm).counts) and acme.documents == len(mine) == 8
