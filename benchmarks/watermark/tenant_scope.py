"""Does a reference scoped to the campaign's tenant help radioactivity detection?

    nice -n 19 python -m benchmarks.watermark.tenant_scope [--quick] [--seed N]

The setting the global gateway-recorded reference handles worst (docs/watermark.md, radioactivity):
most of the traffic the gateway served is *not* like the campaign's. Here the gateway serves

* tenant ``acme``: the campaign's accounts (the marked share of the training pool) and other acme
  accounts asking similar things -- held-out documents of the same source packages as the
  training pool (no document, and no near-duplicate of one, on both sides);
* other tenants: documents of other source packages (40 % of the words, as ``--split source``).

One student per marked share (0 / 5 / 10 / 25 %), trained and sampled as in
`benchmarks.watermark.radioactivity`, is scored against four references recorded from that traffic:

* ``global``: every response the gateway served (what `--reference gateway` reads);
* ``global, no similar accounts``: the campaign's originals and the other tenants only -- the
  earlier experiment's setting (1.4e-5 at 10 % on its full-size split);
* ``tenant acme``: the campaign's originals and the similar accounts (`--reference gateway --tenant acme`);
* ``campaign only``: the campaign's originals alone (no reference at 0 %);
* two controls of the tenant reference's size (the campaign's originals plus as many documents as
  the similar accounts served): a random subset of everything served, and the campaign's originals
  with a random subset of the other tenants' documents -- to tell the composition of a reference
  from its size.

Null checks: 200 independent keys (other master secrets) on the 0 % and the 10 % students against
the tenant-scoped reference. The per-tenant counts are checked once against the real recorder
(`ReferenceRecorder` with per-tenant tables on the memory store) at 10 % marked.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import time

import numpy as np

from benchmarks.watermark import radioactivity as radio
from benchmarks.watermark.corpus import human_documents
from benchmarks.watermark.student import NgramLM, Vocabulary, stream
from gateway.store.memory import MemoryCounterTables
from gateway.watermark.detect import KeyRegistry, _counts
from gateway.watermark.embed import Watermarker
from gateway.watermark.recorder import ReferenceRecorder, load_reference
from gateway.watermark.reference import Reference

SECRET = b"benchmark-master-secret-0123456789"
SHARES = (0.0, 0.05, 0.10, 0.25)
SIMILAR_SHARE = 0.25  # of the training side's documents: the tenant's other accounts
TENANT = "acme"
NULL_SHARES = (0.0, 0.10)


async def _recorded(wm: Watermarker, served: list[tuple[str, str, str]]) -> tuple[Reference, Reference]:
    """The global and the acme reference as the gateway's recorder stores them."""
    tables = MemoryCounterTables()
    rec = ReferenceRecorder(tables, max_tenants=10)
    served_wm = Watermarker(wm.master, table=wm.table)
    served_wm.tally = rec.tally_for(wm.table)
    for text, tenant, account in served:
        s = served_wm.stream(tenant, account)
        s.feed(text)
        s.flush()
        if served_wm.tally.pending >= 1000:
            served_wm.tally.observe_pending()
    await rec.flush()
    return await load_reference(tables, wm.table), await load_reference(tables, wm.table, TENANT)


def run(quick: bool, seed: int) -> dict:
    t0 = time.perf_counter()
    wm = Watermarker(SECRET)
    reg = KeyRegistry(wm, [(TENANT if i < 100 else f"tenant-{i % 50}", f"account-{i}")
                           for i in range(1000 if quick else 10_000)])
    docs = human_documents(8000 if quick else 10**7, min_words=50, max_words=300)
    pools = radio.split_by_source([(d.path, d.text) for d in docs], radio.REFERENCE_SHARE, seed=11 + seed,
                                  by="source")
    rng = random.Random(seed)
    side = pools.train[:]  # the training side (already shuffled): similar accounts, then the campaign's pool
    n_similar = int(len(side) * SIMILAR_SHARE)
    similar, train, others = side[:n_similar], side[n_similar:], pools.reference
    design = radio.Design(sequences=3000 if quick else radio.Design.sequences, seed=4 + seed)
    print(f"# tenant-scoped reference: {len(train):,} training documents, {len(similar):,} similar (tenant "
          f"{TENANT}'s other accounts), {len(others):,} other tenants' (other source packages); "
          f"{pools.dropped_near_duplicates} near-duplicates dropped ({time.perf_counter() - t0:.0f} s)", flush=True)

    campaign = reg.principals[:design.campaign_accounts]  # acme's accounts
    served_wm = Watermarker(wm.master, table=wm.table)
    sink = served_wm.tally = radio._LastResponse(wm)  # noqa: SLF001 - the benchmark's recording path
    marked, premark, drawn = [], [], []
    for text in train:
        tenant, account = rng.choice(campaign)
        out, seen = radio.serve(served_wm, text, tenant, account, sink)
        marked.append(out)
        premark.append(seen)
        drawn.append((text, tenant, account))
    n_sets = len(wm.table.sets)
    similar_seen = [radio.serve(served_wm, t, TENANT, "acme-other", sink)[1] for t in similar]
    other_seen = [radio.serve(served_wm, t, f"tenant-{i % 50}", f"o-{i}", sink)[1] for i, t in enumerate(others)]
    similar_counts, other_counts = _counts(similar_seen, n_sets), _counts(other_seen, n_sets)
    pick = random.Random(seed + 7)
    others_at_size = _counts(pick.sample(other_seen, len(similar)), n_sets)  # controls: the tenant's size
    print(f"  served and recorded ({time.perf_counter() - t0:.0f} s)", flush=True)

    vocab = Vocabulary()
    clean_ids = [vocab.encode(t) for t in train]
    marked_ids = [vocab.encode(t) for t in marked]
    del marked
    rows, refs, corpora = [], {}, {}
    for share in SHARES:
        t1 = time.perf_counter()
        k = int(round(share * len(train)))
        camp = _counts(premark[:k], n_sets)
        scoped = {
            "global": Reference(camp + similar_counts + other_counts, k + len(similar) + len(others), wm.table.digest),
            "global, no similar accounts": Reference(camp + other_counts, k + len(others), wm.table.digest),
            f"tenant {TENANT}": Reference(camp + similar_counts, k + len(similar), wm.table.digest),
        }
        if k:
            scoped["campaign only"] = Reference(camp, k, wm.table.digest)
        # controls at the tenant reference's size: is it the composition or the size?
        everyone = premark[:k] + similar_seen + other_seen
        scoped["global, subsampled to the tenant's size"] = Reference(
            _counts(pick.sample(everyone, k + len(similar)), n_sets), k + len(similar), wm.table.digest)
        scoped["campaign + other tenants at the tenant's size"] = Reference(
            camp + others_at_size, k + len(similar), wm.table.digest)
        if share == 0.10:  # the real recorder, per tenant, gives the same counts
            g, t = asyncio.run(_recorded(wm, [(d, a, b) for d, a, b in drawn[:k]]
                                         + [(d, TENANT, "acme-other") for d in similar]
                                         + [(d, f"tenant-{i % 50}", f"o-{i}") for i, d in enumerate(others)]))
            if not (np.array_equal(g.counts, scoped["global"].counts)
                    and np.array_equal(t.counts, scoped[f"tenant {TENANT}"].counts)
                    and t.documents == scoped[f"tenant {TENANT}"].documents):
                raise AssertionError("the recorder's per-tenant tables differ from the benchmark's counts")
        refs[share] = scoped
        lm = NgramLM(design.order, len(vocab.words)).train(stream(marked_ids[:k] + clean_ids[k:], design.order))
        gen = lm.generate(design.sequences, design.max_tokens, np.random.default_rng(design.seed + 1))
        texts = radio.windows(vocab, gen, design.window)
        del lm, gen
        corpora[share] = corpus = radio.ObservedCorpus(texts, wm)
        for name, ref in scoped.items():
            r = corpus.score(reg, ref)
            rows.append({"share": share, "reference": name, "reference_docs": ref.documents,
                         "positions": r.positions_scored, "shared_p": r.shared_p_value, "p": r.p_value,
                         "account": r.account})
        print(f"  {share:4.0%} marked: {len(texts)} windows, " + ", ".join(
            f"{r['reference']} {r['p']:.3g}" for r in rows if r["share"] == share)
            + f" ({time.perf_counter() - t1:.0f} s)", flush=True)
    null: dict[float, list[float]] = {s: [] for s in NULL_SHARES}
    for i in range(design.null_keys):
        other = KeyRegistry(Watermarker(hashlib.sha256(f"null-key-{i}".encode()).digest(), table=wm.table), [])
        for share in NULL_SHARES:
            null[share].append(corpora[share].score(other, refs[share][f"tenant {TENANT}"]).shared_p_value)
    return {"rows": rows, "null": {s: sorted(p) for s, p in null.items()}, "train": len(train),
            "similar": len(similar), "others": len(others), "seconds": time.perf_counter() - t0}


def report(res: dict) -> None:
    names = list(dict.fromkeys(r["reference"] for r in res["rows"]))
    print(f"\n## corrected p by reference and marked share ({res['train']:,} training documents, "
          f"{res['similar']:,} similar, {res['others']:,} other tenants'; {res['seconds']:.0f} s)\n")
    print("| reference | " + " | ".join(f"{s:.0%}" for s in SHARES) + " |")
    print("|---|" + "---|" * len(SHARES))
    for name in names:
        cells = []
        for s in SHARES:
            r = next((r for r in res["rows"] if r["share"] == s and r["reference"] == name), None)
            cells.append("-" if r is None else f"{r['p']:.2g} ({r['reference_docs']:,} docs)")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\n## tenant-scoped reference under the null ({len(res['null'][0.0])} independent keys, shared p)\n")
    print("| student | p <= 0.01 | p <= 0.05 | median | campaign key's shared p (keys below it) |")
    print("|---|---|---|---|---|")
    for share, ps in res["null"].items():
        key_p = next(r["shared_p"] for r in res["rows"] if r["share"] == share and r["reference"] == f"tenant {TENANT}")
        print(f"| {share:.0%} marked | {sum(p <= 0.01 for p in ps) / len(ps):.1%} | "
              f"{sum(p <= 0.05 for p in ps) / len(ps):.1%} | {ps[len(ps) // 2]:.2f} | "
              f"{key_p:.2g} ({sum(p < key_p for p in ps)}) |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="8,000 documents, 3,000 samples per student")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    report(run(args.quick, args.seed))


if __name__ == "__main__":
    main()
