"""Watermark evaluation: false positives, TPR vs length and attacks, attribution, provenance,
radioactivity, quality, speed.  Run:  python -m benchmarks.watermark_eval [--quick]

Human-written documents are read at run time from /usr/share/doc (not committed); "teacher" prose
comes from the project's mock teacher (gateway.mock_teacher.prose).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable

import numpy as np

from benchmarks.watermark import attacks
from benchmarks.watermark import radioactivity as radio
from benchmarks.watermark.corpus import Doc, human_documents, prefix_words
from benchmarks.watermark.fragile_eval import fragile_attribution
from benchmarks.watermark.recall import top1_recall
from gateway.mock_teacher.prose import ProseGenerator, reply_key, split_deltas
from gateway.watermark.detect import KeyRegistry, detect, detect_corpus, observe
from gateway.watermark.embed import Watermarker
from gateway.watermark.provenance import Fingerprinter, MemoryProvenanceIndex

SECRET = b"benchmark-master-secret-0123456789"
SECRETS = 4  # detection and attacks rotate over this many master secrets (see detection_vs_length)
THRESHOLD = 1e-6


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    cells = [[str(c) for c in header]] + [[f"{c:.3g}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n## {title}\n")
    for i, r in enumerate(cells):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def teacher_texts(n: int, words: int, salt: str) -> list[str]:
    gen = ProseGenerator()
    out = []
    i = 0
    while len(out) < n:
        text = gen.reply(reply_key(salt, i), int(words * 1.6) + 50).text
        p = prefix_words(text, words)
        if p is not None:
            out.append(p)
        i += 1
    return out


def false_positives(wm: Watermarker, reg: KeyRegistry, docs: list[Doc]) -> None:
    rows = []
    for name, sel in (("all", docs), ("prose", [d for d in docs if not d.code_heavy]),
                      ("code-heavy", [d for d in docs if d.code_heavy])):
        res = [detect(d.text, reg) for d in sel]
        p = np.array([r.p_value for r in res])
        ps = np.array([r.shared_p_value for r in res])
        pos = [r.positions_scored for r in res]
        rows.append([name, len(sel), statistics.median(pos), float(np.mean(ps <= 0.01)), float(np.mean(ps <= 0.001)),
                     float(np.mean(p <= 0.01)), int(np.sum(p <= THRESHOLD)), sum(r.account is not None for r in res)])
    table(f"False positives on human documents (/usr/share/doc), {len(reg)} accounts searched",
          ["docs", "n", "median positions", "shared p<=0.01", "shared p<=0.001", "corrected p<=0.01",
           "detected at 1e-6", "account named"], rows)


def calibration(reg: KeyRegistry, docs: list[Doc], group: int = 25) -> None:
    """p-values of unmarked text should be uniform; single short documents give too few positions
    to show it (their p-values are discrete and conservative), so documents are pooled: joined into
    one long text, and scored in corpus mode (where writers' habits would bias a naive test)."""
    rng = random.Random(7)
    shuffled = docs[:]
    rng.shuffle(shuffled)
    groups = [shuffled[i:i + group] for i in range(0, len(shuffled) - group + 1, group)]
    rows = []
    for name, score in (("joined text", lambda g: detect("\n\n".join(d.text for d in g), reg)),
                        ("corpus mode", lambda g: detect_corpus([d.text for d in g], reg))):
        res = [score(g) for g in groups]
        ps = np.array([r.shared_p_value for r in res])
        rows.append([name, len(groups), statistics.median(r.positions_scored for r in res),
                     *(float(np.mean(ps <= a)) for a in (0.5, 0.1, 0.05, 0.01, 0.001)),
                     float(np.mean([r.p_value <= THRESHOLD for r in res]))])
    table(f"Calibration of shared-channel p-values on unmarked human text ({group} documents pooled)",
          ["scoring", "groups", "median positions", "p<=0.5", "p<=0.1", "p<=0.05", "p<=0.01", "p<=0.001",
           "detected at 1e-6"], rows)


Keyed = list[tuple[Watermarker, KeyRegistry]]


def detection_vs_length(keys: Keyed, sources: dict[str, Callable[[int], list[str]]]) -> None:
    """Texts are marked and scored under the master secrets in turn (text i under secret i mod k): the mock
    teacher's prose touches only ~30 sets, so one secret's split of them into the shared and the account
    channel moves its figures a lot (44 % or 60 % of the positions shared for two secrets)."""
    rows = []
    rng = random.Random(1)
    for name, make in sources.items():
        for length in (100, 200, 400, 800, 1600, 3200):
            texts = make(length)
            if not texts:
                rows.append([name, length, 0, "-", "-", "-", "-", "-"])
                continue
            det = named = top1 = loose = 0
            pos = []
            for i, text in enumerate(texts):
                wm, reg = keys[i % len(keys)]
                tenant, account = reg.principals[rng.randrange(len(reg))]
                r = detect(wm.mark(text, tenant=tenant, account=account), reg)
                det += r.detected
                loose += r.p_value <= 1e-3
                named += r.account == account
                top1 += bool(r.candidates) and r.candidates[0].account == account
                pos.append(r.positions_scored)
            n = len(texts)
            rows.append([name, length, n, statistics.median(pos), det / n, loose / n, named / n, top1 / n])
    reg = keys[0][1]
    table(f"Detection (TPR at corrected p <= {THRESHOLD}) and attribution among {len(reg)} accounts, "
          f"{len(keys)} master secrets in turn",
          ["text", "words", "n", "median positions", "TPR", "TPR at p<=1e-3", "account named", "top-1 correct"], rows)


def channel_split(keys: Keyed, texts: list[str]) -> None:
    """How each secret splits the positions of these texts between the shared and the account channel."""
    shares = []
    for wm, _ in keys:
        shared = total = 0
        for text in texts:
            ids = list(observe(text, wm))
            shared += int(wm.layout.is_shared[ids].sum())
            total += len(ids)
        shares.append(f"{shared / max(1, total):.2f}")
    print(f"\nshare of teacher-prose positions in the shared channel, per secret: {', '.join(shares)}")


def under_attack(keys: Keyed, texts_by_len: dict[int, list[str]]) -> None:
    rng = random.Random(2)
    t = keys[0][0].table
    attack_fns: dict[str, Callable[[str], str]] = {
        "none": lambda s: s,
        "delete 10%": lambda s: attacks.delete_words(s, 0.1, rng),
        "delete 20%": lambda s: attacks.delete_words(s, 0.2, rng),
        "delete 30%": lambda s: attacks.delete_words(s, 0.3, rng),
        "insert 10%": lambda s: attacks.insert_words(s, 0.1, rng),
        "insert 20%": lambda s: attacks.insert_words(s, 0.2, rng),
        "insert 30%": lambda s: attacks.insert_words(s, 0.3, rng),
        "delete+insert 20%": lambda s: attacks.insert_words(attacks.delete_words(s, 0.2, rng), 0.2, rng),
        "replace 30% of words": lambda s: attacks.replace_words(s, 0.3, rng),
        "table synonyms re-drawn 50%": lambda s: attacks.synonym_attack(s, t, 0.5, rng),
        "table synonyms re-drawn 100%": lambda s: attacks.synonym_attack(s, t, 1.0, rng),
        "case + whitespace": lambda s: attacks.case_whitespace(s, rng),
        "NFKC": attacks.nfkc,
        "sentence shuffle": lambda s: attacks.shuffle_sentences(s, rng),
        "truncate to 50%": lambda s: attacks.truncate(s, 0.5),
    }
    rows = []
    for name, fn in attack_fns.items():
        row: list[object] = [name]
        for texts in texts_by_len.values():
            det = loose = 0
            pos = []
            for i, text in enumerate(texts):
                wm, reg = keys[i % len(keys)]
                tenant, account = reg.principals[rng.randrange(len(reg))]
                r = detect(fn(wm.mark(text, tenant=tenant, account=account)), reg)
                det += r.detected
                loose += r.p_value <= 1e-3
                pos.append(r.positions_scored)
            row += [det / len(texts), loose / len(texts), statistics.median(pos)]
        rows.append(row)
    header = ["attack"]
    for length in texts_by_len:
        header += [f"TPR@1e-6 {length}w", f"TPR@1e-3 {length}w", f"positions {length}w"]
    table(f"Detection after attacks (teacher prose, {len(keys)} master secrets in turn)", header, rows)


def provenance(n_index: int, n_query: int) -> None:
    fp = Fingerprinter(SECRET)
    index = MemoryProvenanceIndex(fp, capacity=n_index)
    texts = teacher_texts(n_index, 300, "prov")

    async def run() -> tuple[float, float, float, float, float]:
        t0 = time.perf_counter()
        for i, text in enumerate(texts):
            await index.add(f"r{i}", text, tenant="t", account=f"a{i % 500}", ts=float(i))
        add_ms = (time.perf_counter() - t0) / len(texts) * 1e3
        ok, ok_del, q_ms = await top1_recall(index, texts, n_query)
        small = MemoryProvenanceIndex(fp, capacity=1000)
        tracemalloc.start()
        for i, text in enumerate(texts[:1000]):
            await small.add(f"r{i}", text, tenant="t", account=f"a{i % 500}", ts=float(i))
        mem = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        return ok, ok_del, add_ms, q_ms, mem / min(1000, len(texts))

    acc, acc_del, add_ms, q_ms, bytes_per = asyncio.run(run())
    table("Provenance index (memory store; 300-word responses)",
          ["responses indexed", "queries", "top-1 after 30% words replaced", "top-1 after 30% deleted",
           "add ms", "trace ms", "bytes/response (python heap)"],
          [[n_index, n_query, acc, acc_del, add_ms, q_ms, int(bytes_per)]])


def radioactivity_report(source: str, res: dict, pools: radio.Pools) -> None:
    rows = [[f"{r['share']:.0%}", r["test"], r["train_docs"], r["marked_docs"], r["windows"], r["positions"],
             r["shared_p"], r["p"], round(r["z"], 2), r["detected"], r["account"] or "-"] for r in res["rows"]]
    table(f"Radioactivity ({source}): n-gram student trained on the pool with a share of it marked, detected "
          f"from its samples (corpus mode; training pool {len(pools.train):,} documents / {res['train_tokens']:,} "
          f"tokens from {pools.train_groups:,} groups; reference {res['reference_docs']:,} other documents from "
          f"{pools.reference_groups:,} groups, {res['reference_windows']:,} windows; {res['seconds']:.0f} s)",
          ["marked share", "test", "train docs", "marked docs", "windows scored", "positions", "shared p",
           "corrected p", "z", "detected", "account named"], rows)
    ps = res["null_p"]
    null0 = next(r["shared_p"] for r in res["rows"] if r["share"] == 0 and r["test"] == "reference residuals")
    table(f"Reference test under the null ({source}): the 0%-marked student's samples, {len(ps)} independent keys "
          f"(shared p)",
          ["keys", "share p <= 0.01", "share p <= 0.05", "share p <= 0.5", "min p", "median p",
           "campaign key's p (0% student)", "keys with a smaller p"],
          [[len(ps), sum(p <= 0.01 for p in ps) / len(ps), sum(p <= 0.05 for p in ps) / len(ps),
            sum(p <= 0.5 for p in ps) / len(ps), ps[0], ps[len(ps) // 2], null0, sum(p < null0 for p in ps)]])
    for share, ps in res["null_p_gateway"].items():
        key_p = next(r["shared_p"] for r in res["rows"] if r["share"] == share and r["test"] == "gateway reference")
        table(f"Gateway-recorded reference under the null ({source}): the {share:.0%}-marked student's samples, "
              f"{len(ps)} independent keys (shared p; reference = pre-mark counts of "
              f"{res['gateway_reference_docs'][share]:,} served responses)",
              ["keys", "share p <= 0.01", "share p <= 0.05", "share p <= 0.5", "min p", "median p",
               "campaign key's p", "keys with a smaller p"],
              [[len(ps), sum(p <= 0.01 for p in ps) / len(ps), sum(p <= 0.05 for p in ps) / len(ps),
                sum(p <= 0.5 for p in ps) / len(ps), ps[0], ps[len(ps) // 2], key_p, sum(p < key_p for p in ps)]])


def radioactivity_both(wm: Watermarker, reg: KeyRegistry, q: bool, splits: tuple[str, ...] = ("document",),
                       seed: int = 0) -> None:
    """Two teachers: the mock teacher (closed ~400-word vocabulary: its answers touch only ~30 sets,
    so the exact test cannot go below ~2^-14 whatever the share) and human-written documentation
    standing in for a real model's varied prose (`benchmarks.watermark.radioactivity`)."""
    t0 = time.perf_counter()
    keys = 40 if q else 200
    n_teacher = 600 if q else 2000
    print("\n# radioactivity: mock teacher", flush=True)
    pools = radio.Pools(teacher_texts(n_teacher, 250, "train"), teacher_texts(n_teacher, 250, "reference"), 1, 1, 0)
    design = radio.Design(sequences=2000 if q else 5000, max_tokens=250, null_keys=keys)
    radioactivity_report("mock-teacher prose", radio.run(wm, reg, pools, design, log=_log), pools)
    print("\n# radioactivity: human documentation", flush=True)
    docs = human_documents(8000 if q else 10**7, min_words=50, max_words=300)
    for by in splits:
        label = radio.SPLITS[by]
        t1 = time.perf_counter()
        pools = radio.split_by_source([(d.path, d.text) for d in docs], radio.REFERENCE_SHARE, seed=11 + seed, by=by)
        _log(f"  split by {by} ({time.perf_counter() - t1:.0f} s): {pools.dropped_near_duplicates} near-duplicate "
             f"documents dropped first")
        design = radio.Design(sequences=3000 if q else radio.Design.sequences, null_keys=keys, seed=4 + seed)
        radioactivity_report(f"human documentation as the teacher's answers; reference: {label}",
                             radio.run(wm, reg, pools, design, log=_log), pools)
    print(f"\nradioactivity: {time.perf_counter() - t0:.0f} s", flush=True)


def _log(line: str) -> None:
    print(line, flush=True)


def quality(wm: Watermarker, teacher: list[str], docs: list[Doc]) -> None:
    patterns = {
        "fenced code": re.compile(r"```.*?```", re.S),
        "inline code": re.compile(r"`[^`\n]+`"),
        "URL": re.compile(r"https?://\S+"),
        "e-mail": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        "number": re.compile(r"\d+(?:\.\d+)*"),
        "quoted": re.compile(r"\"[^\"\n]{1,200}\""),
    }
    rows = []
    for name, texts in (("teacher prose", teacher), ("human docs", [d.text for d in docs])):
        changed = total = 0
        span_total = span_kept = 0
        for i, text in enumerate(texts):
            marked = wm.mark(text, tenant="t", account=f"a{i}")
            a, b = text.split(), marked.split()
            total += len(a)
            if len(a) == len(b):
                changed += sum(x != y for x, y in zip(a, b, strict=True))
            else:  # a phrase became one word ("do not" -> "don't"): original words that disappeared
                changed += sum((Counter(a) - Counter(b)).values())
            for rx in patterns.values():
                for m in rx.findall(text):
                    span_total += 1
                    span_kept += m in marked
        rows.append([name, len(texts), total, changed / max(1, total), span_total, span_kept / max(1, span_total)])
    table("Quality: words changed and protected spans byte-identical",
          ["text", "docs", "words", "share of words changed", "protected spans", "kept byte-identical"], rows)


def speed(wm: Watermarker, teacher: list[str], docs: list[Doc]) -> None:
    rows = []
    for name, texts in (("teacher prose", teacher), ("human docs", [d.text for d in docs[:3000]])):
        blob = "\n\n".join(texts)
        mb = len(blob.encode()) / 1e6
        t0 = time.perf_counter()
        wm.mark(blob, tenant="t", account="a")
        whole = mb / (time.perf_counter() - t0)
        per_chunk: list[float] = []
        for i, text in enumerate(texts[:300]):
            s = wm.stream("t", f"a{i}")
            for delta in split_deltas(text, 4):
                t1 = time.perf_counter()
                s.feed(delta)
                per_chunk.append(time.perf_counter() - t1)
            s.flush()
        us = np.array(per_chunk) * 1e6
        rows.append([name, round(mb, 2), whole, float(np.median(us)), float(np.percentile(us, 99)), len(us)])
    table("Speed (one core, machine shared with other jobs)",
          ["text", "MB", "mark MB/s", "stream feed median µs", "stream feed p99 µs", "chunks (4 words)"], rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller samples (~1 minute)")
    ap.add_argument("--only", choices=("radioactivity", "detection", "fragile"),
                    help="run one part: radioactivity, detection (false positives, calibration, detection against "
                         "length, attacks, fragile channel), or the fragile channel alone")
    ap.add_argument("--split", choices=(*radio.SPLITS, "both"), default="document",
                    help="radioactivity reference: other documents of the same sources (default), documents of "
                         "other source packages only, or both runs")
    ap.add_argument("--seed", type=int, default=0, help="radioactivity: another split, campaign and sampling")
    args = ap.parse_args()
    q = args.quick
    splits = tuple(radio.SPLITS) if args.split == "both" else (args.split,)
    n_accounts = 1000 if q else 10_000
    t0 = time.perf_counter()
    wm = Watermarker(SECRET)
    reg = KeyRegistry(wm, [(f"tenant-{i % 50}", f"account-{i}") for i in range(n_accounts)])
    print(f"# Watermark evaluation ({'quick' if q else 'full'}); table: {len(wm.table.sets)} sets, "
          f"{len(wm.table.index)} words; registry of {n_accounts} accounts built in {time.perf_counter() - t0:.1f} s")

    if args.only == "radioactivity":
        radioactivity_both(wm, reg, q, splits, args.seed)
        return
    m = 40 if q else 200
    fragile_texts = {100: teacher_texts(m, 100, "fr100"), 400: teacher_texts(m, 400, "fr400"),
                     800: teacher_texts(m, 800, "fr800")}
    if args.only == "fragile":
        fragile_attribution(wm, reg, fragile_texts, table)
        print(f"\ntotal {time.perf_counter() - t0:.0f} s")
        return
    docs = human_documents(2000 if q else 12_000)
    false_positives(wm, reg, docs)
    calibration(reg, docs)

    long_docs = [d for d in human_documents(1500 if q else 6000, min_words=100, max_words=1600) if not d.code_heavy]
    n = 60 if q else 300

    def human(length: int) -> list[str]:
        return [p for p in (prefix_words(d.text, length) for d in long_docs) if p][:n]

    principals = reg.principals
    keys: Keyed = [(wm, reg)] + [(w, KeyRegistry(w, principals)) for w in
                                 (Watermarker(SECRET + f"-{k}".encode()) for k in range(1, SECRETS))]
    channel_split(keys, teacher_texts(100, 800, "split"))
    detection_vs_length(keys, {"teacher prose": lambda L: teacher_texts(n, L, f"len{L}"), "human docs": human})
    under_attack(keys, {800: teacher_texts(m, 800, "atk800"), 1600: teacher_texts(m, 1600, "atk1600")})
    fragile_attribution(wm, reg, fragile_texts, table)
    if args.only == "detection":
        print(f"\ntotal {time.perf_counter() - t0:.0f} s")
        return
    provenance(2000 if q else 10_000, 200 if q else 1000)
    radioactivity_both(wm, reg, q, splits, args.seed)
    teacher = teacher_texts(200 if q else 1000, 400, "quality")
    quality(wm, teacher, docs[:2000])
    speed(wm, teacher, docs)
    print(f"\ntotal {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
