"""The suite's report: every repeat's figures per target (`Row`), the markdown table, and the issue-9
targets checked against one run."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

SATURATED = 0.95  # share of all CPUs busy at which a scaling run measures the machine, not the gateway


@dataclass
class Row:
    """Every repeat's figures for one target (lists, so the table can show median and min-max)."""

    p50: list[float] = field(default_factory=list)
    p99: list[float] = field(default_factory=list)
    rps32: list[float] = field(default_factory=list)
    rps128: list[float] = field(default_factory=list)
    cpu_us: list[float] = field(default_factory=list)
    worker_cpu_us: list[float] = field(default_factory=list)  # `covenant worker` (Redis store), apart
    rss: list[float] = field(default_factory=list)
    ttft: list[float] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    ttft_busy: list[float] = field(default_factory=list)  # TTFT while other requests keep the target warm
    scale: dict[str, list[float]] = field(default_factory=dict)
    errors: int = 0
    note: str = ""


def _finite(values: list[float]) -> list[float]:
    """Without NaN (a repeat with no successful sample, e.g. no stream got through): left in, it makes
    `statistics.median` return whichever neighbour sorting happens to leave in the middle."""
    return [v for v in values if v == v]


def _fmt(values: list[float], digits: int = 3) -> str:
    values = _finite(values)
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:,.{digits}f}"
    return f"{statistics.median(values):,.{digits}f} ({min(values):,.{digits}f}–{max(values):,.{digits}f})"


def _added(values: list[float], base: list[float], digits: int = 3) -> str:
    values, base = _finite(values), _finite(base)
    if not values or not base:
        return "-"
    b = statistics.median(base)
    return _fmt([v - b for v in values], digits)


def table(rows: dict[str, Row]) -> str:
    d = rows.get("direct", Row())
    lines = ["| target | added p50 ms c=1 | added p99 ms c=1 | req/s c=32 | req/s c=128 | CPU µs/req | RSS MB | "
             "TTFT ms (added) | TTFT busy ms (added) | stream total ms (added) | 2 workers / 1 (c=32; c=128) | errors | "
             "note |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in rows.items():
        direct = name == "direct"
        ttft = _fmt(r.ttft, 2) + ("" if direct or not r.ttft else f" (+{_added(r.ttft, d.ttft, 2)})")
        busy = _fmt(r.ttft_busy, 2) + ("" if direct or not r.ttft_busy else f" (+{_added(r.ttft_busy, d.ttft_busy, 2)})")
        total = _fmt(r.total, 1) + ("" if direct or not r.total else f" (+{_added(r.total, d.total, 1)})")
        scale = "-"
        if r.scale.get("w1c32") and r.scale.get("w2c32"):
            s32 = statistics.median(r.scale["w2c32"]) / statistics.median(r.scale["w1c32"])
            s128 = statistics.median(r.scale["w2c128"]) / statistics.median(r.scale["w1c128"])
            scale = (f"{s32:.2f}× ({statistics.median(r.scale['w1c32']):,.0f}→"
                     f"{statistics.median(r.scale['w2c32']):,.0f}); {s128:.2f}×")
            if r.scale.get("cpu_w1") and r.scale.get("cpu_w2"):  # ~1: the workers share nothing that costs CPU
                scale += (f"; CPU/req {statistics.median(r.scale['cpu_w1']):,.0f}→"
                          f"{statistics.median(r.scale['cpu_w2']):,.0f} µs")
            if r.scale.get("busy_w1") and r.scale.get("busy_w2"):
                scale += (f"; CPUs busy {100 * statistics.median(r.scale['busy_w1']):.0f}→"
                          f"{100 * statistics.median(r.scale['busy_w2']):.0f} %")
        lines.append(
            f"| {name} | {'-' if direct else _added(r.p50, d.p50)} | {'-' if direct else _added(r.p99, d.p99)} | "
            f"{_fmt(r.rps32, 0)} | {_fmt(r.rps128, 0)} | {_fmt(r.cpu_us, 0)} | {_fmt(r.rss, 0)} | {ttft} | {busy} | {total} | "
            f"{scale} | {r.errors} | {_note(r)} |")
    return "\n".join(lines)


def _note(r: Row) -> str:
    if not r.worker_cpu_us:
        return r.note
    worker = f"+ analysis worker {_fmt(r.worker_cpu_us, 0)} CPU µs/req (CPU 0)"
    return f"{r.note}; {worker}" if r.note else worker


def verdicts(rows: dict[str, Row]) -> list[str]:
    """The issue-9 targets, measured against this run."""
    out = []
    d, e, f = rows.get("direct", Row()), rows.get("covenant-empty", Row()), rows.get("covenant-full", Row())

    def med(v: list[float]) -> float | None:
        v = _finite(v)
        return statistics.median(v) if v else None

    def check(label: str, value: float | None, goal: float, higher: bool, unit: str) -> None:
        if value is None:
            out.append(f"- {label}: not measured")
            return
        ok = value >= goal if higher else value <= goal
        out.append(f"- {label}: {value:,.3g} {unit} (target {'≥' if higher else '≤'} {goal:,} {unit}) "
                   f"{'MET' if ok else 'MISSED'}")

    def added(v: list[float], b: list[float]) -> float | None:
        mv, mb = med(v), med(b)
        return mv - mb if mv is not None and mb is not None else None

    check("no policies, added p50 c=1", added(e.p50, d.p50), 0.35, False, "ms")
    check("no policies, req/s c=32", med(e.rps32), 5000, True, "req/s")
    check("full set, added p50 c=1", added(f.p50, d.p50), 1.0, False, "ms")
    check("full set, added p99 c=1", added(f.p99, d.p99), 3.0, False, "ms")
    check("full set, req/s c=32", med(f.rps32), 2500, True, "req/s")
    for peer, factor in (("portkey", 3), ("litellm", 20)):
        p = rows.get(peer)
        if p and p.rps32 and f.rps32:
            check(f"full set vs {peer} req/s c=32", med(f.rps32) / med(p.rps32), factor, True, "×")
        else:
            out.append(f"- full set vs {peer}: not measured")
    nh = rows.get("covenant-full-no-holdback", Row())
    check("streaming TTFT added, no policies", added(e.ttft, d.ttft), 1.0, False, "ms")
    check("streaming TTFT added, full set without PII hold-back", added(nh.ttft, d.ttft), 1.0, False, "ms")
    check("  the same with other traffic flowing (busy)", added(nh.ttft_busy, d.ttft_busy), 1.0, False, "ms")
    io = rows.get("covenant-full-no-holdback-in-order", Row())
    off, off_busy = added(io.ttft, d.ttft), added(io.ttft_busy, d.ttft_busy)
    if off is not None and med(nh.ttft) is not None:  # None: not measured (e.g. no `direct` to subtract)
        out.append(f"  (speculative admission off: TTFT added {off:.3g} ms idle"
                   + (f", {off_busy:.3g} ms busy)" if off_busy is not None else ")"))
    for name, r in (("no policies", e), ("full set", f)):
        if r.scale.get("w1c32") and r.scale.get("w2c32"):
            check(f"{name}, 2 workers / 1 (c=32)", med(r.scale["w2c32"]) / med(r.scale["w1c32"]), 1.8, True, "×")
            busy = med(r.scale.get("busy_w2", []))
            if busy is not None and busy >= SATURATED:  # the target holds "when the machine has the cores"
                out.append(f"  (the machine's CPUs were {100 * busy:.0f} % busy with two workers, load generator, "
                           "upstream and Redis on the same cores: no core was left to scale into)")
    check("full set, RSS per worker (Presidio loaded)", med(f.rss), 250, False, "MB")
    return out
