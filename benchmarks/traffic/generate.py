"""Generate labelled synthetic traffic: `python -m benchmarks.traffic.generate --seed S --out FILE [--variant V]`.

Writes FILE (traffic JSONL in time order, the format of docs/extraction.md) and FILE.labels.json
({principal: {label, scenario, campaign}}); labels never appear in the traffic itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import orjson

from benchmarks.traffic.attacks import ATTACKS_BASE, ATTACKS_HELDOUT
from benchmarks.traffic.attacks_fresh import ATTACKS_FRESH
from benchmarks.traffic.attacks_v3 import ATTACKS_V3
from benchmarks.traffic.attacks_v4 import ATTACKS_V4
from benchmarks.traffic.attacks_v5 import ATTACKS_V5
from benchmarks.traffic.attacks_v6 import ATTACKS_V6
from benchmarks.traffic.attacks_v7 import ATTACKS_V7
from benchmarks.traffic.attacks_v8 import ATTACKS_V8
from benchmarks.traffic.attacks_v9 import ATTACKS_V9
from benchmarks.traffic.attacks_v10 import ATTACKS_V10
from benchmarks.traffic.attacks_v11 import ATTACKS_V11
from benchmarks.traffic.attacks_v12 import ATTACKS_V12
from benchmarks.traffic.attacks_v13 import ATTACKS_V13
from benchmarks.traffic.attacks_v14 import ATTACKS_V14
from benchmarks.traffic.attacks_v15 import ATTACKS_V15
from benchmarks.traffic.attacks_v16 import ATTACKS_V16
from benchmarks.traffic.attacks_v17 import ATTACKS_V17
from benchmarks.traffic.attacks_v18 import ATTACKS_V18
from benchmarks.traffic.attacks_v19 import ATTACKS_V19
from benchmarks.traffic.attacks_v20 import ATTACKS_V20
from benchmarks.traffic.attacks_v21 import ATTACKS_V21
from benchmarks.traffic.attacks_v22 import ATTACKS_V22
from benchmarks.traffic.attacks_v23 import ATTACKS_V23
from benchmarks.traffic.attacks_v24 import ATTACKS_V24
from benchmarks.traffic.attacks_v25 import ATTACKS_V25
from benchmarks.traffic.attacks_v26 import ATTACKS_V26
from benchmarks.traffic.attacks_v27 import ATTACKS_V27
from benchmarks.traffic.attacks_v28 import ATTACKS_V28
from benchmarks.traffic.attacks_v29 import ATTACKS_V29
from benchmarks.traffic.attacks_v30 import ATTACKS_V30
from benchmarks.traffic.attacks_v31 import ATTACKS_V31
from benchmarks.traffic.attacks_v32 import ATTACKS_V32
from benchmarks.traffic.attacks_v33 import ATTACKS_V33
from benchmarks.traffic.attacks_v34 import ATTACKS_V34
from benchmarks.traffic.attacks_v35 import ATTACKS_V35
from benchmarks.traffic.attacks_v36 import ATTACKS_V36
from benchmarks.traffic.attacks_v37 import ATTACKS_V37
from benchmarks.traffic.attacks_v38 import ATTACKS_V38
from benchmarks.traffic.attacks_v39 import ATTACKS_V39
from benchmarks.traffic.attacks_v40 import ATTACKS_V40
from benchmarks.traffic.attacks_v41 import ATTACKS_V41
from benchmarks.traffic.attacks_v42 import ATTACKS_V42
from benchmarks.traffic.attacks_v43 import ATTACKS_V43
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import audit_outputs
from benchmarks.traffic.personas import BENIGN
from benchmarks.traffic.personas_fresh import BENIGN_FRESH
from benchmarks.traffic.personas_v3 import BENIGN_V3
from benchmarks.traffic.personas_v4 import BENIGN_V4
from benchmarks.traffic.personas_v5 import BENIGN_V5
from benchmarks.traffic.personas_v6 import BENIGN_V6
from benchmarks.traffic.personas_v7 import BENIGN_V7
from benchmarks.traffic.personas_v8 import BENIGN_V8
from benchmarks.traffic.personas_v9 import BENIGN_V9
from benchmarks.traffic.personas_v10 import BENIGN_V10
from benchmarks.traffic.personas_v11 import BENIGN_V11
from benchmarks.traffic.personas_v12 import BENIGN_V12
from benchmarks.traffic.personas_v13 import BENIGN_V13
from benchmarks.traffic.personas_v14 import BENIGN_V14
from benchmarks.traffic.personas_v15 import BENIGN_V15
from benchmarks.traffic.personas_v16 import BENIGN_V16
from benchmarks.traffic.personas_v17 import BENIGN_V17
from benchmarks.traffic.personas_v18 import BENIGN_V18
from benchmarks.traffic.personas_v19 import BENIGN_V19
from benchmarks.traffic.personas_v20 import BENIGN_V20
from benchmarks.traffic.personas_v21 import BENIGN_V21
from benchmarks.traffic.personas_v22 import BENIGN_V22
from benchmarks.traffic.personas_v23 import BENIGN_V23
from benchmarks.traffic.personas_v24 import BENIGN_V24
from benchmarks.traffic.personas_v25 import BENIGN_V25
from benchmarks.traffic.personas_v26 import BENIGN_V26
from benchmarks.traffic.personas_v27 import BENIGN_V27
from benchmarks.traffic.personas_v28 import BENIGN_V28
from benchmarks.traffic.personas_v29 import BENIGN_V29
from benchmarks.traffic.personas_v30 import BENIGN_V30
from benchmarks.traffic.personas_v31 import BENIGN_V31
from benchmarks.traffic.personas_v32 import BENIGN_V32
from benchmarks.traffic.personas_v33 import BENIGN_V33
from benchmarks.traffic.personas_v34 import BENIGN_V34
from benchmarks.traffic.personas_v35 import BENIGN_V35
from benchmarks.traffic.personas_v36 import BENIGN_V36
from benchmarks.traffic.personas_v37 import BENIGN_V37
from benchmarks.traffic.personas_v38 import BENIGN_V38
from benchmarks.traffic.personas_v39 import BENIGN_V39
from benchmarks.traffic.personas_v40 import BENIGN_V40
from benchmarks.traffic.personas_v41 import BENIGN_V41
from benchmarks.traffic.personas_v42 import BENIGN_V42
from benchmarks.traffic.personas_v43 import BENIGN_V43
from benchmarks.traffic.rng import TrafficRandom

START = 1_767_225_600.0  # 2026-01-01T00:00:00Z
VARIANTS = ("base", "heldout", "fresh", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13",
            "v14", "v15", "v16", "v17", "v18", "v19", "v20", "v21", "v22", "v23", "v24", "v25", "v26", "v27",
            "v28", "v29", "v30", "v31", "v32", "v33", "v34", "v35", "v36", "v37", "v38", "v39", "v40", "v41", "v42",
            "v43")
ATTACKS = {"base": ATTACKS_BASE, "heldout": ATTACKS_HELDOUT, "fresh": ATTACKS_FRESH, "v3": ATTACKS_V3,
           "v4": ATTACKS_V4, "v5": ATTACKS_V5, "v6": ATTACKS_V6, "v7": ATTACKS_V7, "v8": ATTACKS_V8,
           "v9": ATTACKS_V9, "v10": ATTACKS_V10, "v11": ATTACKS_V11, "v12": ATTACKS_V12,
           "v13": ATTACKS_V13, "v14": ATTACKS_V14, "v15": ATTACKS_V15, "v16": ATTACKS_V16,
           "v17": ATTACKS_V17, "v18": ATTACKS_V18, "v19": ATTACKS_V19, "v20": ATTACKS_V20,
           "v21": ATTACKS_V21, "v22": ATTACKS_V22, "v23": ATTACKS_V23, "v24": ATTACKS_V24,
           "v25": ATTACKS_V25, "v26": ATTACKS_V26, "v27": ATTACKS_V27, "v28": ATTACKS_V28,
           "v29": ATTACKS_V29, "v30": ATTACKS_V30, "v31": ATTACKS_V31, "v32": ATTACKS_V32,
           "v33": ATTACKS_V33, "v34": ATTACKS_V34, "v35": ATTACKS_V35,
           "v36": ATTACKS_V36, "v37": ATTACKS_V37, "v38": ATTACKS_V38,
           "v39": ATTACKS_V39, "v40": ATTACKS_V40, "v41": ATTACKS_V41, "v42": ATTACKS_V42,
           "v43": ATTACKS_V43}
# Passes over the finished traffic: v11 ... v43 give the whole population (the shared benign accounts too) the
# audit log's per-tenant output logging, so a share of all records carries response_text.
FINISH = {"v11": audit_outputs, "v12": audit_outputs, "v13": audit_outputs, "v14": audit_outputs,
          "v15": audit_outputs, "v16": audit_outputs, "v17": audit_outputs, "v18": audit_outputs,
          "v19": audit_outputs, "v20": audit_outputs, "v21": audit_outputs,
          "v22": audit_outputs, "v23": audit_outputs, "v24": audit_outputs, "v25": audit_outputs,
          "v26": audit_outputs, "v27": audit_outputs, "v28": audit_outputs, "v29": audit_outputs,
          "v30": audit_outputs, "v31": audit_outputs, "v32": audit_outputs, "v33": audit_outputs,
          "v34": audit_outputs, "v35": audit_outputs, "v36": audit_outputs,
          "v37": audit_outputs, "v38": audit_outputs, "v39": audit_outputs, "v40": audit_outputs,
          "v41": audit_outputs, "v42": audit_outputs,
          "v43": audit_outputs}


def generate_records(seed: int, days: float = 4.0, scale: float = 1.0,
                     variant: str = "base") -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The records of a log in time order and the labels of its accounts, in memory: what `generate` writes."""
    if variant not in ATTACKS:
        raise ValueError(f"unknown variant {variant!r}; expected one of {', '.join(VARIANTS)}")
    ctx = Ctx(rng=TrafficRandom(seed), start=START, days=days)
    # The fresh and v3 ... v43 variants keep the same benign population (drawn first, so a seed gives
    # the same accounts) and add their own hard-negative personas.
    extra = {"fresh": BENIGN_FRESH, "v3": BENIGN_V3, "v4": BENIGN_V4, "v5": BENIGN_V5,
             "v6": BENIGN_V6, "v7": BENIGN_V7, "v8": BENIGN_V8, "v9": BENIGN_V9, "v10": BENIGN_V10,
             "v11": BENIGN_V11, "v12": BENIGN_V12, "v13": BENIGN_V13, "v14": BENIGN_V14,
             "v15": BENIGN_V15, "v16": BENIGN_V16, "v17": BENIGN_V17, "v18": BENIGN_V18,
             "v19": BENIGN_V19, "v20": BENIGN_V20, "v21": BENIGN_V21, "v22": BENIGN_V22,
             "v23": BENIGN_V23, "v24": BENIGN_V24, "v25": BENIGN_V25, "v26": BENIGN_V26,
             "v27": BENIGN_V27, "v28": BENIGN_V28, "v29": BENIGN_V29,
             "v30": BENIGN_V30, "v31": BENIGN_V31, "v32": BENIGN_V32, "v33": BENIGN_V33,
             "v34": BENIGN_V34, "v35": BENIGN_V35, "v36": BENIGN_V36,
             "v37": BENIGN_V37, "v38": BENIGN_V38, "v39": BENIGN_V39, "v40": BENIGN_V40,
             "v41": BENIGN_V41, "v42": BENIGN_V42,
             "v43": BENIGN_V43}.get(variant, {})
    personas = list(BENIGN.values()) + list(extra.values())
    for fn, count in personas:
        fn(ctx, max(1, round(count * scale)))
    for attack in ATTACKS[variant]:
        attack(ctx, variant)
    if variant in FINISH:
        FINISH[variant](ctx)
    ctx.records.sort(key=lambda r: (r[0], r[1]))
    return [rec for _, _, rec in ctx.records], ctx.labels


def generate(seed: int, out: Path, days: float = 4.0, scale: float = 1.0, variant: str = "base") -> dict[str, int]:
    """Write the log and its labels. Both go to temporary names first and the log is renamed last: the evaluations
    reuse a log that exists (benchmarks/extraction_eval.py), so an interrupted write must not leave one behind."""
    records, labels = generate_records(seed, days, scale, variant)
    labels_path = Path(str(out) + ".labels.json")
    tmp_log, tmp_labels = Path(str(out) + ".partial"), Path(str(labels_path) + ".partial")
    try:
        with tmp_log.open("wb") as f:
            for rec in records:
                f.write(orjson.dumps(rec))
                f.write(b"\n")
        tmp_labels.write_bytes(orjson.dumps(labels, option=orjson.OPT_INDENT_2))
        os.replace(tmp_labels, labels_path)
        os.replace(tmp_log, out)
    finally:
        tmp_log.unlink(missing_ok=True)
        tmp_labels.unlink(missing_ok=True)
    attack_accounts = sum(1 for v in labels.values() if v["label"] == "attack")
    return {"requests": len(records), "accounts": len(labels), "attack_accounts": attack_accounts}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--days", type=float, default=4.0)
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies benign persona counts")
    ap.add_argument("--variant", choices=VARIANTS, default="base",
                    help="base: tuned on; heldout: seen during lexicon work; "
                         "fresh, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, v31, v32, v33, v34, v35, v36, v37, v38, v39, v40, v41, v42, v43: written blind")
    args = ap.parse_args(argv)
    stats = generate(args.seed, args.out, args.days, args.scale, args.variant)
    print(orjson.dumps(stats).decode(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
