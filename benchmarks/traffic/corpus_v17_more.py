"""Text pools for the `v17` variant, continued (see corpus_v17.py; written blind the same way): a circuit-design
agent (simulation, measurement and datasheet tools) for the agentic campaign and the EDA product that runs the same
agent for its customers; the partial assistant turns (prefills) that Anthropic clients send to pin a reply's
opening; and the response texts of the v17 styles, sized from usage.output_tokens like v11-v16."""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v16_more as D16

# ---- the circuit-design agent ----
EDA_SYS = ("You are a circuit design assistant with access to a SPICE simulator, a parts database and datasheets "
           "through tools. Check your design numerically before recommending it and finish with a short summary.")
_P = {"netlist": ("string", "SPICE netlist"), "node": ("string", "node or branch name"), "part": ("string",
      "manufacturer part number"), "param": ("string", "component or parameter to sweep"), "query": ("string",
      "parametric search"), "analysis": ("string", "op, tran or ac")}
EDA_TOOLS = [{"name": n, "description": d, "params": {p: _P[p] for p in ps}, "required": list(ps[:1])} for n, d, ps in (
    ("simulate", "Run a SPICE analysis on a netlist", ("netlist", "analysis")),
    ("measure", "Measure a node voltage or branch current in the last simulation", ("node",)),
    ("sweep", "Sweep a component value and report the measured node", ("param", "node")),
    ("search_parts", "Search the parts database", ("query",)),
    ("read_datasheet", "Key parameters from a datasheet", ("part",)))]
EDA_TASKS = ("Design a {v} V to {vo} V linear supply for a {ma} mA load and check the regulator's dissipation.",
             "Our {f} Hz anti-alias filter rolls off too early. Find out why and fix the component values.",
             "Pick an op-amp for a x{g} gain stage at {f} Hz with a {v} V single supply and verify the headroom.",
             "The LED driver on board rev {r} runs hot. Simulate it and propose a cooler design.",
             "Size the bulk capacitor so the {v} V rail droops less than 5% during a {ma} mA load step.",
             "Check whether this RC snubber ({rr} ohm, {c} nF) actually damps the relay coil ringing.",
             "Find a cheaper drop-in replacement for the MOSFET in the motor driver and confirm it switches cleanly.",
             "Work out why the ADC reading drifts with temperature on the {v} V sensor front end.")
_PARTS = ("LM317", "TLV9062", "AO3400A", "MCP6002", "LD1117-3.3", "NE5532", "IRLZ44N", "OPA2333")


def eda_task(rng: random.Random, tasks: tuple[str, ...] = EDA_TASKS) -> str:
    return rng.choice(tasks).format(v=rng.choice((5, 9, 12, 24)), vo=rng.choice((3.3, 5)), ma=rng.choice((50, 150,
                                    400, 800)), f=rng.choice((100, 1000, 20000)), g=rng.choice((5, 10, 47)),
                                    r=rng.choice("BCDE"), rr=rng.choice((47, 100, 220)), c=rng.choice((10, 47, 100)))


def eda_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of a design episode; stub results when not `realistic`."""
    name = "simulate" if k == 0 else rng.choice([t["name"] for t in EDA_TOOLS])
    if not realistic:
        return name, {"netlist": "x"}, "ok"
    if name == "simulate":
        net = "\n".join(f"R{j} n{j} n{j + 1} {rng.choice((100, 470, 1000, 4700))}" for j in range(rng.randint(2, 5)))
        return name, {"netlist": f"V1 n1 0 {rng.choice((5, 12))}\n{net}\n.end", "analysis": rng.choice(("op", "tran",
                                                                                                       "ac"))}, \
            ", ".join(f"V(n{j})={rng.uniform(0.1, 12):.3f}" for j in range(1, rng.randint(3, 6)))
    if name == "measure":
        return name, {"node": f"n{rng.randint(1, 5)}"}, f"{rng.uniform(0.01, 12):.4f} V"
    if name == "sweep":
        return name, {"param": f"R{rng.randint(1, 4)}", "node": "out"}, "; ".join(
            f"{r}: {rng.uniform(0.1, 5):.3f} V" for r in (100, 220, 470, 1000))
    if name == "search_parts":
        return name, {"query": "LDO 3.3V 500mA SOT-223"}, ", ".join(rng.sample(_PARTS, 3))
    part = rng.choice(_PARTS)
    return name, {"part": part}, f"{part}: Vin max {rng.choice((16, 36, 40))} V, Iq {rng.randint(1, 900)} uA, " \
                                 f"theta_JA {rng.randint(40, 160)} C/W"


# ---- assistant prefills (Anthropic: the last message is a partial assistant turn) ----
REASONING_PREFILLS = ("Let me set this up carefully before computing anything.", "Working through it piece by piece:",
                      "First, what is given and what is asked:")
FORMAT_PREFILLS = ("{", "<review>", "Entry-by-entry check:", "| Account | Debit | Credit |")


# ---- response texts ----
_CIRCUIT = ("The total resistance is R1 + R2 = {k}{j}0 ohm, so I = V / R.", "By the divider rule, Vout = Vin x R2 / "
            "(R1 + R2).", "The time constant is tau = RC = {k}.{j} ms.", "After n time constants the capacitor "
            "reaches 1 - e^-n of the supply.", "Inverting gain is -Rf / Rin = -{k}.{j}.", "Check the output stays "
            "inside the rails; otherwise it clips.", "Short the source and look back from the load for R_th.",
            "fc = 1 / (2 pi R C) = {k}{j}0 Hz.", "R = (Vs - Vf) / I, then round up to the next E12 value.",
            "P = I^2 R = {k}{j} mW, well inside a quarter watt.", "Vrms = Vpk / sqrt(2).", "i(t) = (V/R)(1 - "
            "e^(-t R / L)).")
_LEDGER = ("Debit Equipment, credit Accounts Payable for the full amount.", "On payment, debit Accounts Payable and "
           "credit Cash for {k}0%.", "Straight-line: (cost - residual) / life = {k}{j}00 a year.", "Double-declining "
           "applies 2 / life to the opening book value.", "FIFO charges the oldest units first, so COGS is lower "
           "when prices rise.", "Current ratio = CA / CL = {k}.{j}.", "The quick ratio excludes inventory.",
           "Add outstanding cheques back to the statement; deduct the fee from the cash book.", "{k} of 12 months "
           "are prepaid at the year end.", "VAT payable = output VAT - input VAT.", "Break-even = fixed costs / "
           "(price - variable cost) = {k}{j}0 units.", "=SUMIFS(D:D, B:B, \"Travel\", A:A, \">=\"&DATE(2026,3,1), "
           "A:A, \"<\"&DATE(2026,4,1))", "Withholdings are a liability until paid over.")
_EDA = ("The simulation shows the regulator dropping {k}.{j} V at full load, so it dissipates about {k} W.", "With "
        "the new values the corner moves to {k}{j}0 Hz.", "I'd pick the second part: lower Iq and it fits the "
        "footprint.", "The ringing is damped after two cycles with the snubber in place.", "Headroom is fine down "
        "to a {j} V supply.")
POOLS = {"circuit": (_CIRCUIT, "\n", True), "ledger": (_LEDGER, "\n", True), "eda": (_EDA, " ", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` (corpus_v14.answer over the v17 pools); styles of earlier
    variants fall through to corpus_v16_more.answer."""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=D16.answer,
                    bracketed="-")
