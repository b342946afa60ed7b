"""Evaluate the extraction detector on synthetic traffic:
`python -m benchmarks.extraction_eval [--quick] [--datasets tuning,heldout-seed,heldout,fresh,blind-v3,...]`.

One table per dataset (`DATASETS` below):

- `tuning`: the tuning seed with the base scenarios, which the detector was tuned on.
- `heldout-seed`: a held-out seed with the base scenarios (new random draws, same phrasings and shapes).
- `heldout`: the held-out seed with the `heldout` scenario variants (other phrasings, slot positions,
  languages, APIs, sizes, an agentic-distillation campaign). These were written to be held out, but the
  engineer who broadened the detector's lexicon had seen them, so they are no longer a clean test.
- `fresh`: the held-out seed with the `fresh` variants (benchmarks/traffic/attacks_fresh.py and
  personas_fresh.py), written blind by someone without access to the detector's lexicon, features or
  scoring: new elicitation phrasings in seven languages, new template shapes, and extra hard-negative
  benign personas. This is the dataset that says how the detector generalises; do not tune against it.
  Its benign population is the other datasets' plus ~130 hard-negative accounts, so its FPR is not
  directly comparable with theirs.
- `blind-v3`, `blind-v4`, ... (every `blind-vN` in `DATASETS`): new seeds and variants written blind the same way,
  one or more per round of detector work; each was run once to judge its round and then became
  tuning data for the next (the history is in docs/extraction-history.md). The newest one not yet tuned on is the honest
  figure.

Each table is followed by the false positives' census (the benign accounts flagged at the end, by their strongest reason
and by scenario), and a run of several datasets ends with the census over all of them: which evidence the false
positives come from, and which kinds of benign traffic. `--states DIR` also writes every principal's end state (signals,
evidence, verdict, label) per dataset: a change to the evidence terms can be screened on those files, by recomputing
`scoring.evidence` from the signals, before a full run.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections import Counter, defaultdict
from functools import partial
from pathlib import Path
from typing import IO, Any

import orjson

from benchmarks.traffic.generate import generate
from gateway.extraction.detector import Detector
from gateway.extraction.policy import ExtractionAllowlist, ExtractionPolicy, ExtractionRescorer
from gateway.extraction.replay import replay
from gateway.extraction.rescorer import TreeEnsemble

TUNING_SEED = 1
HELDOUT_SEED = 7331
DATASETS = {  # key: (title, seed, variant)
    "tuning": ("tuning seed, base scenarios", TUNING_SEED, "base"),
    "heldout-seed": ("held-out seed, base scenarios", HELDOUT_SEED, "base"),
    "heldout": ("held-out seed, held-out scenario variants (seen during lexicon work)", HELDOUT_SEED, "heldout"),
    "fresh": ("held-out seed, fresh variants (written blind)", HELDOUT_SEED, "fresh"),
    "blind-v3": ("new seed, v3 variants (written blind)", 424242, "v3"),
    "blind-v4": ("new seed, v4 variants (written blind)", 8675309, "v4"),
    "blind-v5": ("new seed, v5 variants (written blind)", 31337, "v5"),
    "blind-v6": ("new seed, v6 variants (written blind)", 271828, "v6"),
    "blind-v7": ("new seed, v7 variants (written blind)", 161803, "v7"),
    "blind-v8": ("new seed, v8 variants (written blind)", 577215, "v8"),
    "blind-v9": ("new seed, v9 variants (written blind)", 141421, "v9"),
    "blind-v10": ("new seed, v10 variants (written blind)", 173205, "v10"),
    "blind-v11": ("new seed, v11 variants (written blind)", 223606, "v11"),
    "blind-v12": ("new seed, v12 variants (written blind)", 264575, "v12"),
    "blind-v13": ("new seed, v13 variants (written blind)", 331662, "v13"),
    "blind-v14": ("new seed, v14 variants (written blind)", 360555, "v14"),
    "blind-v15": ("new seed, v15 variants (written blind)", 412310, "v15"),
    "blind-v16": ("new seed, v16 variants (written blind)", 435889, "v16"),
    "blind-v17": ("new seed, v17 variants (written blind)", 793548, "v17"),
    "blind-v18": ("new seed, v18 variants (written blind)", 905171, "v18"),
    "blind-v19": ("new seed, v19 variants (written blind)", 819246, "v19"),
    "blind-v20": ("new seed, v20 variants (written blind)", 309687, "v20"),
    "blind-v21": ("new seed, v21 variants (written blind)", 384723, "v21"),
    "blind-v22": ("new seed, v22 variants (written blind)", 225238, "v22"),
    "blind-v23": ("new seed, v23 variants (written blind)", 853565, "v23"),
    "blind-v24": ("new seed, v24 variants (written blind)", 731906, "v24"),
    "blind-v25": ("new seed, v25 variants (written blind)", 381317, "v25"),
    "blind-v26": ("new seed, v26 variants (written blind)", 640271, "v26"),
    "blind-v27": ("new seed, v27 variants (written blind)", 360364, "v27"),
    "blind-v28": ("new seed, v28 variants (written blind)", 453923, "v28"),
    "blind-v29": ("new seed, v29 variants (written blind)", 694545, "v29"),
    "blind-v30": ("new seed, v30 variants (written blind)", 517093, "v30"),
    "blind-v31": ("new seed, v31 variants (written blind)", 655136, "v31"),
    "blind-v32": ("new seed, v32 variants (written blind)", 447454, "v32"),
    "blind-v33": ("new seed, v33 variants (written blind)", 471936, "v33"),
    "blind-v34": ("new seed, v34 variants (written blind)", 816170, "v34"),
    "blind-v35": ("new seed, v35 variants (written blind)", 557497, "v35"),
    "blind-v36": ("new seed, v36 variants (written blind)", 532900, "v36"),
    "blind-v37": ("new seed, v37 variants (written blind)", 444185, "v37"),
    "blind-v38": ("new seed, v38 variants (written blind)", 618327, "v38"),
    "blind-v39": ("new seed, v39 variants (written blind)", 566923, "v39"),
    "blind-v40": ("new seed, v40 variants (written blind)", 747974, "v40"),
    "blind-v41": ("new seed, v41 variants (written blind)", 594662, "v41"),
    "blind-v42": ("new seed, v42 variants (written blind)", 584971, "v42"),
    "blind-v43": ("new seed, v43 variants (written blind)", 517544, "v43"),
}
WORKDIR = Path("/tmp/covenant-extraction-eval")


def _load(path: Path) -> dict[str, dict[str, Any]]:
    out = {}
    with path.open("rb") as f:
        for line in f:
            row = orjson.loads(line)
            out[row["principal"]] = row
    return out


def _first_ts_by_principal_before(traffic: Path, cutoffs: dict[str, float]) -> dict[str, int]:
    """Requests per principal served up to its scenario's first flag (campaign-level time to detect).

    `first_flagged_ts` is the timestamp of the request whose observation raised the flag; that request was
    served (the verdict is looked up before the request is observed), so it counts: `<=`, not `<`."""
    counts: dict[str, int] = defaultdict(int)
    with traffic.open("rb") as f:
        for line in f:
            rec = orjson.loads(line)
            sc = cutoffs.get(rec["principal"])
            if sc is not None and rec["ts"] <= sc:
                counts[rec["principal"]] += 1
    return counts


def write_states(det: Detector, labels: dict[str, dict[str, Any]], out: IO[bytes], at: float = 1.0) -> None:
    """Every principal's state as the reviewer's detail shows it (status, score, signals, evidence, campaign; no
    timeline or examples) with its label and scenario, one JSON line each: what a candidate change to the evidence is
    screened on (`scoring.evidence(signals, requests)` again, changed) before a full run, and what the re-scorer is
    trained on. `at`: the share of the log's time span replayed so far (1.0: the end state)."""
    for st in det.all_states():
        detail = det.principal_detail(st.principal) or {}
        for k in ("timeline", "examples"):
            detail.pop(k, None)
        lab = labels.get(st.principal, {})
        out.write(orjson.dumps({**detail, "label": lab.get("label"), "scenario": lab.get("scenario"), "at": at})
                  + b"\n")


def _time_span(traffic: Path) -> tuple[float, float]:
    """The first and last records' times (the log is in time order)."""
    with traffic.open("rb") as f:
        first = orjson.loads(f.readline())["ts"]
        f.seek(max(0, f.seek(0, 2) - (1 << 20)))  # the last line lies in the last MB
        last = orjson.loads(f.read().splitlines()[-1])["ts"]
    return first, last


def evaluate(name: str, traffic: Path, labels: dict[str, dict[str, Any]], policy: ExtractionPolicy,
             states: Path | None = None, progress: bool = False, snapshots: tuple[float, ...] = (),
             model: TreeEnsemble | None = None) -> dict[str, Any]:
    slug = "".join(c if c.isalnum() else "-" for c in name).strip("-")
    out_path = traffic.with_suffix(f".{slug}.verdicts.jsonl")
    det = Detector(policy, rescorer=model)
    with states.open("wb") if states is not None else contextlib.nullcontext() as states_out:
        checkpoints = []
        if states_out is not None and snapshots:
            first, last = _time_span(traffic)
            checkpoints = [(first + f * (last - first), partial(write_states, det, labels, states_out, f))
                           for f in snapshots]
        t0, c0 = time.perf_counter(), time.process_time()
        summary = replay(traffic, policy, out_path, progress=progress, detector=det, checkpoints=checkpoints)
        wall = time.perf_counter() - t0
        cpu = time.process_time() - c0  # CPU time of this process: what one core gives, on a shared machine
        if states_out is not None:
            write_states(det, labels, states_out)
    verdicts = _load(out_path)
    by_scenario: dict[str, list[str]] = defaultdict(list)
    for p, lab in labels.items():
        if p in verdicts:
            by_scenario[lab["scenario"]].append(p)
    # Campaign-level time to detect: requests of the scenario served before its first flag.
    first_flag: dict[str, float] = {}
    for sc, members in by_scenario.items():
        ts = [verdicts[p]["first_flagged_ts"] for p in members if verdicts[p]["first_flagged_ts"] is not None]
        if ts:
            first_flag[sc] = min(ts)
    cut = {p: first_flag.get(labels[p]["scenario"], float("inf")) for p in verdicts if p in labels}
    before_first = _first_ts_by_principal_before(traffic, cut)
    rows = []
    tot = defaultdict(int)
    fp_reasons: Counter[str] = Counter()
    fp_scenarios: Counter[str] = Counter()
    for p, lab in labels.items():
        v = verdicts.get(p)
        if v is not None and lab["label"] == "benign" and v["verdict"] != "ok":
            fp_reasons[v["reasons"][0].split(":")[0] if v["reasons"] else "-"] += 1
            fp_scenarios[lab["scenario"]] += 1
    for sc, members in sorted(by_scenario.items(), key=lambda kv: (labels[kv[1][0]]["label"], kv[0])):
        label = labels[members[0]]["label"]
        flagged = [p for p in members if verdicts[p]["verdict"] != "ok"]
        ever = [p for p in members if verdicts[p]["first_flagged_ts"] is not None]
        blocked = [p for p in members if verdicts[p]["verdict"] == "block"]
        # Blocked at any time: at the end, or refused a request under a block that lifted before the end.
        blocked_ever = [p for p in members if verdicts[p]["verdict"] == "block" or verdicts[p]["requests_blocked"]]
        reqs = sum(verdicts[p]["requests"] for p in members)
        served_unflagged = sum(verdicts[p]["requests_before_flag"] for p in members)
        row = {"scenario": sc, "label": label, "accounts": len(members), "flagged": len(flagged), "ever": len(ever),
               "blocked": len(blocked), "blocked_ever": len(blocked_ever), "requests": reqs,
               "ttd_first": sum(before_first[p] for p in members) if sc in first_flag else None,
               "served_unflagged": served_unflagged}
        rows.append(row)
        tot[label + "_accounts"] += len(members)
        tot[label + "_flagged"] += len(flagged)
        tot[label + "_ever"] += len(ever)
        tot[label + "_blocked"] += len(blocked)
        tot[label + "_blocked_ever"] += len(blocked_ever)
        tot[label + "_requests"] += reqs
        tot[label + "_served_unflagged"] += served_unflagged
    flagged_total = tot["attack_flagged"] + tot["benign_flagged"]
    return {
        "name": name, "rows": rows, "requests": summary.requests, "replay_rps": summary.requests / wall,
        "replay_rps_cpu": summary.requests / max(cpu, 1e-9),
        "campaigns": summary.campaigns,
        "recall": tot["attack_flagged"] / max(1, tot["attack_accounts"]),
        "precision": tot["attack_flagged"] / max(1, flagged_total),
        "fpr": tot["benign_flagged"] / max(1, tot["benign_accounts"]),
        "recall_ever": tot["attack_ever"] / max(1, tot["attack_accounts"]),
        "fpr_ever": tot["benign_ever"] / max(1, tot["benign_accounts"]),
        "benign_blocked": tot["benign_blocked"], "benign_blocked_ever": tot["benign_blocked_ever"],
        "attack_served_unflagged_share": tot["attack_served_unflagged"] / max(1, tot["attack_requests"]),
        "fp_reasons": fp_reasons, "fp_scenarios": fp_scenarios,
    }


def census_lines(fp_reasons: Counter[str], fp_scenarios: Counter[str], top: int = 10) -> list[str]:
    """The false positives by strongest reason and by scenario (most first)."""
    if not fp_reasons:
        return ["benign flagged at end: none"]
    return [f"benign flagged at end ({sum(fp_reasons.values())}) by strongest reason: "
            + ", ".join(f"{r} {n}" for r, n in fp_reasons.most_common()),
            "  by scenario: " + ", ".join(f"{sc} {n}" for sc, n in fp_scenarios.most_common(top))]


def print_report(res: dict[str, Any]) -> None:
    print(f"\n## {res['name']}: {res['requests']} requests, replay {res['replay_rps']:.0f} req/s wall-clock, "
          f"{res['replay_rps_cpu']:.0f} req/s per CPU-second (incl. writing the verdict file), "
          f"{res['campaigns']} campaigns")
    print("| scenario | label | accounts | flagged at end | ever flagged | blocked at end | requests "
          "| before 1st flag (campaign) | served while unflagged |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in res["rows"]:
        ttd = "never" if r["ttd_first"] is None else f"{r['ttd_first']} ({r['ttd_first'] / max(1, r['requests']):.1%})"
        su = f"{r['served_unflagged']} ({r['served_unflagged'] / max(1, r['requests']):.1%})"
        print(f"| {r['scenario']} | {r['label']} | {r['accounts']} | {r['flagged']} | {r['ever']} | {r['blocked']} | "
              f"{r['requests']} | {ttd if r['label'] == 'attack' else '-'} | {su if r['label'] == 'attack' else '-'} |")
    print(f"ever flagged: recall {res['recall_ever']:.3f}  FPR {res['fpr_ever']:.4f}  "
          f"benign blocked at any time {res['benign_blocked_ever']}")
    print(f"at end: recall {res['recall']:.3f}  precision {res['precision']:.3f}  FPR {res['fpr']:.4f}  "
          f"benign blocked {res['benign_blocked']}  attack requests served unflagged "
          f"{res['attack_served_unflagged_share']:.1%}")
    print("\n".join(census_lines(res["fp_reasons"], res["fp_scenarios"])))


def measure_costs(traffic: Path, sample: int = 5000) -> None:
    """Hot-path feature extraction cost per request and detector memory per account."""
    import gc
    import statistics
    import timeit
    import tracemalloc

    from gateway.extraction.detector import Detector
    from gateway.extraction.features import FeatureExtractor

    recs = []
    with traffic.open("rb") as f:
        for line in f:
            recs.append(orjson.loads(line))
            if len(recs) >= sample:
                break
    fx = FeatureExtractor()
    per = []
    for rec in recs:
        t0 = time.perf_counter()
        fx.extract(rec["api"], rec["request"], rec["principal"], rec["ts"], client_ip=rec["client"]["ip"],
                   user_agent=rec["client"]["user_agent"])
        per.append((time.perf_counter() - t0) * 1e6)
    per.sort()
    baseline = timeit.timeit("sum(range(1000))", number=2000) / 2000 * 1e6
    print(f"\n## costs (this machine: sum(range(1000)) takes {baseline:.1f} us)")
    print("| measure | value |\n|---|---|")
    print(f"| feature extraction, mean | {statistics.fmean(per):.1f} us |")
    print(f"| feature extraction, p50 / p99 | {per[len(per) // 2]:.1f} / {per[int(len(per) * 0.99)]:.1f} us |")
    # Memory: 2,000 synthetic accounts with 40 requests each, mixed prompts.
    det = Detector()
    # Every observation gets a freshly extracted event (its own strings and ints, as in production):
    # reusing event objects would share them across accounts and understate the memory.
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    n_acc = 2000
    for i in range(n_acc * 40):
        r = recs[(i * 7919) % len(recs)]
        ev = fx.extract(r["api"], r["request"], f"mem-{i % n_acc}", 1_767_225_600.0 + i * 3.0,
                        client_ip=r["client"]["ip"], user_agent=r["client"]["user_agent"])
        ev.output_tokens = r["usage"]["output_tokens"]
        det.observe(ev)
    fx = FeatureExtractor()  # drop the extractor's token cache: not detector state
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    used = sum(st.size_diff for st in after.compare_to(before, "filename"))
    print(f"| detector memory per active account (incl. its share of clusters) | {used / n_acc:.0f} bytes |")


def _note(line: str) -> None:
    """Progress on stderr, flushed: a full run takes about an hour, and its tables go to stdout (often a file,
    block-buffered) only as each dataset ends."""
    print(line, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="2 days at 0.3x benign scale instead of 4 days at 1x")
    ap.add_argument("--workdir", type=Path, default=WORKDIR)
    ap.add_argument("--skip-costs", action="store_true", help="skip the extraction-cost and memory measurement")
    ap.add_argument("--states", type=Path, metavar="DIR",
                    help="also write every principal's end state (signals, evidence, verdict, label) to "
                         "DIR/<dataset>.states.jsonl (e.g. DIR/blind-v36.states.jsonl), for screening a change to "
                         "the evidence without a full run")
    ap.add_argument("--snapshots", default="", metavar="SHARES",
                    help="with --states, also write every principal's state part-way through each log, at these "
                         "comma-separated shares of its time span (e.g. 0.1,0.25,0.5,0.75; each line's `at`), for "
                         "training the re-scorer on what it sees live; the snapshots' time counts in replay_rps")
    ap.add_argument("--rescorer", nargs="?", const="{}", metavar="JSON",
                    help="judge with the learned re-scorer on (policy extraction.rescorer; round 28), with these "
                         "settings besides enabled (e.g. '{\"min_requests\": 12}')")
    ap.add_argument("--model", type=Path, metavar="MODEL_JSON",
                    help="with --rescorer, this re-scorer model instead of the shipped one (e.g. one written by "
                         "extraction_rescorer --export)")
    ap.add_argument("--no-allowlisted-run", action="store_true",
                    help="skip each dataset's second replay with the eval lab allowlisted (e.g. when only --states "
                         "are wanted)")
    ap.add_argument("--datasets", default=",".join(DATASETS),
                    help=f"comma-separated subset of {', '.join(DATASETS)} (default: all)")
    args = ap.parse_args(argv)
    chosen = [d.strip() for d in args.datasets.split(",") if d.strip()]
    unknown = [d for d in chosen if d not in DATASETS]
    if unknown or not chosen:
        ap.error(f"--datasets: unknown {', '.join(unknown) or '(empty)'}; choose from {', '.join(DATASETS)}")
    try:
        snapshots = tuple(sorted(float(x) for x in args.snapshots.split(",") if x.strip()))
    except ValueError:
        ap.error(f"--snapshots: not a list of numbers: {args.snapshots}")
    if any(not 0.0 < f < 1.0 for f in snapshots) or (snapshots and args.states is None):
        ap.error("--snapshots: shares between 0 and 1 (exclusive), with --states")
    if args.model is not None and args.rescorer is None:
        ap.error("--model needs --rescorer")
    model = TreeEnsemble.load(args.model) if args.model is not None else None
    days, scale = (2.0, 0.3) if args.quick else (4.0, 1.0)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.states is not None:
        args.states.mkdir(parents=True, exist_ok=True)
    base = ExtractionPolicy(rescorer=ExtractionRescorer(enabled=True, **orjson.loads(args.rescorer))
                            if args.rescorer is not None else ExtractionRescorer())
    all_reasons: Counter[str] = Counter()
    all_scenarios: Counter[str] = Counter()
    started = time.perf_counter()
    for i, d in enumerate(chosen, 1):
        title, seed, variant = DATASETS[d]
        step = f"[{i}/{len(chosen)}] {d}"
        traffic = args.workdir / f"traffic-s{seed}-{variant}-d{days:g}-x{scale:g}.jsonl"
        if not traffic.exists():
            _note(f"{step}: generating {traffic.name}")
            generate(seed, traffic, days=days, scale=scale, variant=variant)
        labels = orjson.loads(Path(str(traffic) + ".labels.json").read_bytes())
        _note(f"{step}: replaying {traffic.name}")
        if args.rescorer is not None:
            title += f" + re-scorer {args.rescorer}" if args.rescorer != "{}" else " + re-scorer"
            title += f" ({args.model.name})" if args.model is not None else ""
        res = evaluate(title, traffic, labels, base,
                       args.states / f"{d}.states.jsonl" if args.states is not None else None, progress=True,
                       snapshots=snapshots, model=model)
        print_report(res)
        sys.stdout.flush()
        all_reasons.update(res["fp_reasons"])
        all_scenarios.update({f"{variant}/{sc}": n for sc, n in res["fp_scenarios"].items()})
        if args.no_allowlisted_run:
            _note(f"{step}: done, {time.perf_counter() - started:.0f} s into the run")
            continue
        # What operators do for known heavy benign users: allowlist the evaluation lab.
        evals = frozenset(p for p, lab in labels.items() if lab["scenario"] == "eval_run")
        pol = base.model_copy(update={"allowlist": ExtractionAllowlist(accounts=evals)})
        _note(f"{step}: replaying again with the eval lab allowlisted")
        res = evaluate(title + " + eval lab allowlisted", traffic, labels, pol, progress=True, model=model)
        print(f"with the eval lab allowlisted (at end): recall {res['recall']:.3f}  FPR {res['fpr']:.4f}  "
              f"benign blocked {res['benign_blocked']}", flush=True)
        _note(f"{step}: done, {time.perf_counter() - started:.0f} s into the run")
    if len(chosen) > 1:
        print(f"\n## false positives over the {len(chosen)} datasets")
        print("\n".join(census_lines(all_reasons, all_scenarios, top=20)))
    if not args.skip_costs:
        costs_traffic = args.workdir / f"traffic-s{TUNING_SEED}-base-d{days:g}-x{scale:g}.jsonl"
        if not costs_traffic.exists():
            _note(f"costs: generating {costs_traffic.name}")
            generate(TUNING_SEED, costs_traffic, days=days, scale=scale, variant="base")
        _note("costs: feature extraction and detector memory")
        measure_costs(costs_traffic)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
