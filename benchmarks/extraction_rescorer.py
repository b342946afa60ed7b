"""Train the extraction detector's learned re-scorer (gateway/extraction/rescorer.py), and screen it leaving one traffic
set out at a time:

    python -m benchmarks.extraction_rescorer --states DIR [--sets blind-v37,blind-v38] [--jobs 2] [--snapshots]
    python -m benchmarks.extraction_rescorer --states DIR [--snapshots] --export gateway/extraction/rescorer_model.json

DIR holds `<set>.states.jsonl` files, written by `python -m benchmarks.extraction_eval --states DIR` (every principal's
end state: signals, evidence, scores, campaign, label). For each held-out set, a gradient-boosted classifier
(scikit-learn's `HistGradientBoostingClassifier`) is trained on all the other sets; its threshold is the one that
flags 1 % of the benign accounts in out-of-fold predictions over those other sets (folds grouped by set, so the
threshold is set the way it would be for a set never seen). The held-out set's recall and FPR are then compared
with the detector's own end-state verdicts (any status but `ok`).

States written with `extraction_eval --snapshots 0.1,0.25,0.5,0.75` also hold every account's state part-way through
the log (`at` < 1). With `--snapshots` the classifier is trained on those too (from 5 requests, where the re-scorer
starts judging live), since live it judges accounts at every refresh, not at the end; thresholds and recall / FPR stay
on end states, and the `ever` columns count an account flagged at any snapshot or at the end.

What this screens and what it does not: end states and snapshots (no time to detect, no hysteresis, no block
decisions), and a model over the hand-written detector's own outputs (its campaign grouping feeds the campaign features). A set
whose twins look like an earlier set's attacks is where it fails; the per-set table shows those.

`--export` trains on every set the same way and writes the model the gateway ships, after checking that the written
trees give scikit-learn's own probabilities on every training account.

Needs scikit-learn (`pip install -e '.[train]'`), which the gateway itself does not. Set OMP_NUM_THREADS=1 on a
small machine and use --jobs instead: its threads thrash two cores.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from gateway.extraction.rescorer import FORMAT, CampaignStats, TreeEnsemble, feature_names, feature_row

TARGET_FPR = 0.01
MIN_REQUESTS = 5  # the policy's rescorer.min_requests default: younger snapshot states are not trained on
FOLDS = 5
MODEL = {"max_iter": 100, "learning_rate": 0.1, "max_leaf_nodes": 15, "min_samples_leaf": 40, "random_state": 0}


@dataclass
class StateSet:
    name: str
    x: np.ndarray  # one row per principal, columns the feature names
    y: np.ndarray  # 1 attack, 0 benign
    flagged: np.ndarray  # the detector's verdict (at that time) is not ok
    scenarios: list[str]
    at: np.ndarray  # the share of the log's time span replayed (1.0: end state; less: a snapshot, --snapshots)
    accounts: list[str]

    @property
    def end(self) -> np.ndarray:
        return self.at >= 1.0

    def rows(self, which: np.ndarray) -> StateSet:
        return StateSet(self.name, self.x[which], self.y[which], self.flagged[which],
                        [s for s, w in zip(self.scenarios, which, strict=True) if w], self.at[which],
                        [a for a, w in zip(self.accounts, which, strict=True) if w])


# Screened offline only, never online: the verdict's score is 0 for an account whose verdict is ok (it would feed
# the verdict back into itself), and a tenant's size is not known to a worker that holds one partition of accounts.
OFFLINE_ONLY = ("score", "log_tenant_accounts")


def load_set(path: Path, names: list[str] | None = None, extra: tuple[str, ...] = (),
             min_requests: int = MIN_REQUESTS) -> tuple[StateSet, list[str]]:
    """One set's states: every end state, and the snapshots' states (`at` < 1) of accounts with `min_requests`
    requests by then (younger ones the re-scorer does not judge live)."""
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    rows = [r for r in rows if r.get("label") in ("attack", "benign")
            and (r.get("at", 1.0) >= 1.0 or r.get("requests", 0) >= min_requests)]
    names = names or feature_names({k for r in rows for k in r.get("signals", {})},
                                   {k for r in rows for k in r.get("evidence", {})})
    own: dict[tuple[float, str], list[float]] = defaultdict(list)  # a campaign's members at one time
    tenants: dict[tuple[float, str], int] = defaultdict(int)
    for r in rows:
        at = r.get("at", 1.0)
        if r.get("campaign"):
            own[at, r["campaign"]].append(r.get("own_score", 0.0))
        tenants[at, r.get("tenant") or ""] += 1
    stats = {c: CampaignStats.of(scores) for c, scores in own.items()}
    x = []
    for r in rows:
        at = r.get("at", 1.0)
        row = feature_row(names, r.get("signals", {}), r.get("evidence", {}), r.get("own_score", 0.0),
                          r.get("requests", 0), stats.get((at, r.get("campaign") or "")))
        offline = {"score": r.get("score", 0.0),
                   "log_tenant_accounts": math.log1p(tenants[at, r.get("tenant") or ""])}
        x.append(row + [offline[e] for e in extra])
    return StateSet(
        name=path.name.removesuffix(".states.jsonl"), x=np.array(x, dtype=np.float64),
        y=np.array([r["label"] == "attack" for r in rows], dtype=np.int8),
        flagged=np.array([r.get("status", "ok") != "ok" for r in rows], dtype=bool),
        scenarios=[r.get("scenario") or "?" for r in rows], at=np.array([r.get("at", 1.0) for r in rows]),
        accounts=[r["principal"] for r in rows]), names


def _fit(x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**MODEL).fit(x, y)


def threshold_at(scores: np.ndarray, benign: np.ndarray, fpr: float = TARGET_FPR) -> float:
    """The lowest threshold that flags (score > threshold) at most `fpr` of the benign accounts."""
    b = np.sort(scores[benign])[::-1]
    allowed = int(math.floor(fpr * len(b)))
    return float(b[allowed]) if allowed < len(b) else float("-inf")


def _training(sets: list[StateSet], snapshots: bool) -> tuple[np.ndarray, np.ndarray]:
    rows = sets if snapshots else [s.rows(s.end) for s in sets]
    return np.vstack([s.x for s in rows]), np.concatenate([s.y for s in rows])


def oof_threshold(train: list[StateSet], snapshots: bool = False) -> float:
    """The threshold at 1 % FPR on out-of-fold predictions over `train`'s end states, folds grouped by set (trained
    on the snapshots' states too with `snapshots`)."""
    oof: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for k in range(FOLDS):
        fit_on = [s for j, s in enumerate(train) if j % FOLDS != k]
        judge = [s.rows(s.end) for j, s in enumerate(train) if j % FOLDS == k]
        model = _fit(*_training(fit_on, snapshots))
        for s in judge:
            oof.append(model.predict_proba(s.x)[:, 1])
            ys.append(s.y)
    scores, y = np.concatenate(oof), np.concatenate(ys)
    return threshold_at(scores, y == 0)


def ever_flagged(test: StateSet, flagged: np.ndarray) -> np.ndarray:
    """Per end-state row: whether the account was flagged at its end or at any snapshot (no hysteresis: a proxy for
    the replay's `ever` figures, which count every refresh)."""
    ever = {a for a, f in zip(test.accounts, flagged, strict=True) if f}
    return np.array([a in ever for a, e in zip(test.accounts, test.end, strict=True) if e], dtype=bool)


def held_out(sets: list[StateSet], i: int, snapshots: bool = False) -> dict[str, Any]:
    """Train on every set but `i`, threshold from grouped out-of-fold predictions, judge set `i` (end states; and
    flagged at any snapshot, where the set has them)."""
    train = [s for j, s in enumerate(sets) if j != i]
    t = oof_threshold(train, snapshots)
    model = _fit(*_training(train, snapshots))
    test = sets[i]
    every = model.predict_proba(test.x)[:, 1] > t
    end = test.rows(test.end)
    by_scenario: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sc, lab, f in zip(end.scenarios, end.y, every[test.end], strict=True):
        if lab or f:
            by_scenario[sc][0] += int(f)
            by_scenario[sc][1] += 1
    return {**_judged(test, every, t), "by_scenario": dict(by_scenario)}


def _judged(test: StateSet, every: np.ndarray, t: float) -> dict[str, Any]:
    """A set's figures: the re-scorer's flags (`every`, one per state) and the detector's, at the end and ever."""
    end = test.rows(test.end)
    return {"set": test.name, "threshold": t, **_rates(end.y, every[test.end], "rescorer"),
            **_rates(end.y, end.flagged, "detector"), **_rates(end.y, ever_flagged(test, every), "rescorer_ever"),
            **_rates(end.y, ever_flagged(test, test.flagged), "detector_ever")}


def export(sets: list[StateSet], names: list[str], path: Path, snapshots: bool = False) -> dict[str, Any]:
    """Train on every set, threshold from grouped out-of-fold predictions, and write the model as package data
    (gateway/extraction/rescorer.py's format); checked against scikit-learn's own predictions before it is kept."""
    import sklearn

    t = oof_threshold(sets, snapshots)
    x, y = _training(sets, snapshots)
    model = _fit(x, y)
    trees = []
    for (predictor,) in model._predictors:  # noqa: SLF001 - the fitted trees; no public accessor exists
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({"feature": [-1 if lf else int(f) for lf, f in zip(leaf, nodes["feature_idx"], strict=True)],
                      "threshold": [float(v) for v in nodes["num_threshold"]],
                      "left": [int(v) for v in nodes["left"]], "right": [int(v) for v in nodes["right"]],
                      "value": [float(v) if lf else 0.0 for lf, v in zip(leaf, nodes["value"], strict=True)]})
    doc = {"format": FORMAT, "features": names, "threshold": t,
           "baseline": float(np.ravel(model._baseline_prediction)[0]),  # noqa: SLF001
           "trained_on": [s.name for s in sets], "snapshots": snapshots,
           "accounts": int(sum(s.end.sum() for s in sets)), "attack_accounts": int(sum(s.y[s.end].sum() for s in sets)),
           "rows": int(len(y)),
           "model": {"kind": "HistGradientBoostingClassifier", "sklearn": sklearn.__version__, **MODEL,
                     "iterations": int(model.n_iter_)},
           "target_fpr": TARGET_FPR, "folds": FOLDS, "trees": trees}
    ours = TreeEnsemble(doc)
    theirs = model.predict_proba(x)[:, 1]
    worst = max(abs(ours.probability(row) - p) for row, p in zip(x.tolist(), theirs, strict=True))
    if worst > 1e-9:
        raise SystemExit(f"export: the exported trees disagree with scikit-learn by up to {worst:.3g}")
    path.write_bytes(orjson.dumps(doc) + b"\n")
    return {"threshold": t, "trees": len(trees), "max_abs_diff": float(worst), "accounts": doc["accounts"],
            "rows": int(len(y))}


def _rates(y: np.ndarray, flagged: np.ndarray, who: str) -> dict[str, Any]:
    attack, benign = y == 1, y == 0
    return {f"{who}_tp": int((flagged & attack).sum()), f"{who}_fp": int((flagged & benign).sum()),
            "attack": int(attack.sum()), "benign": int(benign.sum())}


def _fmt(r: dict[str, Any], who: str) -> str:
    rec = r[f"{who}_tp"] / max(r["attack"], 1)
    fpr = r[f"{who}_fp"] / max(r["benign"], 1)
    return f"{rec:6.3f} {100 * fpr:6.2f} %"


WHO = ("detector", "rescorer", "detector_ever", "rescorer_ever")


def report(results: list[dict[str, Any]]) -> list[str]:
    """End states per set; `ever`: flagged at the end or at any snapshot (sets written with --snapshots)."""
    lines = ["| set | attack | benign | detector recall / FPR | re-scorer recall / FPR | meets target "
             "| detector ever | re-scorer ever |", "|---|---:|---:|---|---|---|---|---|"]
    for r in results:
        rec = r["rescorer_tp"] / max(r["attack"], 1)
        fpr = r["rescorer_fp"] / max(r["benign"], 1)
        ok = "yes" if rec >= 0.9 and fpr <= TARGET_FPR else "no"
        lines.append(f"| {r['set']} | {r['attack']} | {r['benign']} | {_fmt(r, 'detector')} | {_fmt(r, 'rescorer')} "
                     f"| {ok} | {_fmt(r, 'detector_ever')} | {_fmt(r, 'rescorer_ever')} |")
    tot = {k: sum(r[k] for r in results) for k in ("attack", "benign", *(f"{w}_{c}" for w in WHO for c in "tp fp".split()))}
    lines.append(f"| all {len(results)} (pooled) | {tot['attack']} | {tot['benign']} | {_fmt(tot, 'detector')} "
                 f"| {_fmt(tot, 'rescorer')} | | {_fmt(tot, 'detector_ever')} | {_fmt(tot, 'rescorer_ever')} |")
    for who in WHO:
        recs = [r[f"{who}_tp"] / max(r["attack"], 1) for r in results]
        fprs = [r[f"{who}_fp"] / max(r["benign"], 1) for r in results]
        met = sum(1 for a, b in zip(recs, fprs, strict=True) if a >= 0.9 and b <= TARGET_FPR)
        lines.append(f"{who}: median recall {statistics.median(recs):.3f} (min {min(recs):.3f}), median FPR "
                     f"{100 * statistics.median(fprs):.2f} % (max {100 * max(fprs):.2f} %), sets meeting recall >= 0.9 "
                     f"at FPR <= 1 %: {met} of {len(results)}")
    return lines


def _job(args: tuple[list[StateSet], int, bool]) -> dict[str, Any]:
    return held_out(*args)


def _fold_job(args: tuple[list[StateSet], int, int, bool]) -> list[np.ndarray]:
    sets, k, folds, snapshots = args
    model = _fit(*_training([s for j, s in enumerate(sets) if j % folds != k], snapshots))
    return [model.predict_proba(s.x)[:, 1] for j, s in enumerate(sets) if j % folds == k]


def cross_validated(sets: list[StateSet], folds: int, snapshots: bool, jobs: int) -> list[dict[str, Any]]:
    """The quick screen: `folds` models, folds grouped by set, each set judged by the model not trained on it, one
    threshold at 1 % FPR over every set's pooled out-of-fold end states (a set sees its own predictions among ~40
    sets' in that threshold: a small leak the leave-one-set-out run does not have)."""
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        parts = list(pool.map(_fold_job, [(sets, k, folds, snapshots) for k in range(folds)]))
    probs: dict[int, np.ndarray] = {}
    for k, part in enumerate(parts):
        for j, p in zip([j for j in range(len(sets)) if j % folds == k], part, strict=True):
            probs[j] = p
    t = threshold_at(np.concatenate([probs[j][s.end] for j, s in enumerate(sets)]),
                     np.concatenate([s.y[s.end] == 0 for s in sets]))
    return [_judged(test, probs[j] > t, t) for j, test in enumerate(sets)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--states", type=Path, required=True, help="directory of <set>.states.jsonl files")
    ap.add_argument("--sets", default="", help="comma-separated sets to hold out (default: every one)")
    ap.add_argument("--jobs", type=int, default=1, help="held-out sets judged in parallel (processes)")
    ap.add_argument("--drop", default="", help="comma-separated features (or prefixes ending in '.') to leave out")
    ap.add_argument("--extra", default="", help=f"offline-only features to add: {', '.join(OFFLINE_ONLY)}")
    ap.add_argument("--snapshots", action="store_true",
                    help="train on the snapshots' states too (states written with extraction_eval --snapshots), not "
                         "the end states alone; thresholds and judgements stay on end states")
    ap.add_argument("--params", default="{}", metavar="JSON",
                    help=f"the classifier's settings over these (e.g. '{{\"max_iter\": 200}}'; default {MODEL})")
    ap.add_argument("--folds", type=int, default=0, metavar="K",
                    help="instead of leaving one set out at a time (41 x 6 fits), a quick screen: K folds grouped by "
                         "set, one pooled threshold (cross_validated)")
    ap.add_argument("--output", type=Path, help="also write the per-set results as JSON lines")
    ap.add_argument("--export", type=Path, metavar="MODEL_JSON",
                    help="instead of judging, train on every set and write the model (e.g. "
                         "gateway/extraction/rescorer_model.json)")
    args = ap.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        ap.error("needs scikit-learn: pip install -e '.[train]' (or pip install scikit-learn)")
    try:
        MODEL.update(orjson.loads(args.params))  # read by the judging processes too (forked after this)
    except (orjson.JSONDecodeError, TypeError, ValueError) as exc:
        ap.error(f"--params: {exc}")
    paths = sorted(args.states.glob("*.states.jsonl"))
    if len(paths) < FOLDS + 1:
        ap.error(f"{args.states}: {len(paths)} states files; at least {FOLDS + 1} are needed")
    extra = tuple(e.strip() for e in args.extra.split(",") if e.strip())
    if set(extra) - set(OFFLINE_ONLY):
        ap.error(f"--extra: choose from {', '.join(OFFLINE_ONLY)}")
    if extra and args.export:
        ap.error("--extra features cannot be exported: the detector does not compute them online")
    names: list[str] | None = None
    sets: list[StateSet] = []
    for p in paths:
        s, names = load_set(p, names, extra)
        sets.append(s)
    names = [*(names or []), *extra]
    drop = tuple(d.strip() for d in args.drop.split(",") if d.strip())
    if drop:
        keep = [j for j, n in enumerate(names or []) if not any(n == d or (d.endswith(".") and n.startswith(d))
                                                                for d in drop)]
        if len(keep) == len(names or []):
            ap.error(f"--drop: no feature matches {args.drop}")
        for s in sets:
            s.x = s.x[:, keep]
        names = [(names or [])[j] for j in keep]
    if args.export:
        print(f"exporting: {len(sets)} sets, {sum(len(s.y) for s in sets):,} states, {len(names)} features",
              file=sys.stderr, flush=True)
        print(orjson.dumps(export(sets, names, args.export, args.snapshots)).decode())
        return 0
    if args.folds:
        started = time.perf_counter()
        results = cross_validated(sets, args.folds, args.snapshots, args.jobs)
        print(f"{args.folds} folds in {time.perf_counter() - started:.0f} s, threshold {results[0]['threshold']:.3f}",
              file=sys.stderr, flush=True)
        return _emit(results, args.output)
    chosen = [s.strip() for s in args.sets.split(",") if s.strip()] or [s.name for s in sets]
    unknown = sorted(set(chosen) - {s.name for s in sets})
    if unknown:
        ap.error(f"--sets: no states for {', '.join(unknown)}")
    order = [i for i, s in enumerate(sets) if s.name in chosen]
    print(f"{len(sets)} sets, {sum(int(s.end.sum()) for s in sets):,} accounts ({sum(len(s.y) for s in sets):,} "
          f"states with the snapshots), {len(names or [])} features; "
          f"holding out {len(order)}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    results: list[dict[str, Any]] = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for n, r in enumerate(pool.map(_job, [(sets, i, args.snapshots) for i in order]), 1):
            results.append(r)
            print(f"[{n}/{len(order)}] {r['set']}: detector {_fmt(r, 'detector')}, re-scorer {_fmt(r, 'rescorer')} "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    return _emit(results, args.output)


def _emit(results: list[dict[str, Any]], output: Path | None) -> int:
    print("\n".join(report(results)))
    if output is not None:
        output.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
