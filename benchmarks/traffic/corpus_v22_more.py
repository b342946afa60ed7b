"""Text pools for the `v22` variant, continued (see corpus_v22.py; written blind the same way): worked attempts with
at most one wrong step (`attempt`: a chain of small calculations, each using the value before it, so a slip carries
into every later step as it does on paper; `wrong_steps` finds the step whose arithmetic does not hold) for
planted_errors, the study groups and the course autograder; the asks that come with an attempt; a water-network
modelling agent (hydraulic runs, node pressures, pipe changes, leak scans, costs) for the agentic campaign and the
water utility's engineers; the replies that find a slip; and the response texts of the v22 styles, sized from
usage.output_tokens like v11-v21. Nothing here imports corpus_v22 at module level (it imports this module)."""

from __future__ import annotations

import operator
import random
import re
import zlib
from typing import Any

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v21_more as D21

# ---- worked attempts: a chain of calculations, at most one of them wrong ----
_OPS = {"+": operator.add, "-": operator.sub, "x": operator.mul, "/": operator.truediv}
STEP_LABELS = {"hydro": ("flow area", "velocity", "Reynolds number", "relative roughness", "friction factor",
                         "head loss", "hydraulic radius", "discharge", "Froude number", "pump head", "power"),
               "quantum": ("amplitude", "probability", "rotation angle", "iterations", "phase", "fidelity",
                           "error budget", "norm", "Bloch angle", "success probability"),
               "survey": ("misclosure", "precision ratio", "correction", "rise", "fall", "reduced level",
                          "central angle", "tangent length", "curve length", "area", "grid distance")}
_STEP = re.compile(r"step (\d+): (.+?) = (\S+) ([-+x/]) (\S+) = (\S+?)\s*$", re.I | re.M)


def fmt(x: float) -> str:
    return f"{x:.6g}"


def _key(s: tuple[str, int, dict]) -> int:
    return zlib.crc32(f"{s[0]}|{s[1]}|{sorted((k, str(v)) for k, v in s[2].items())}".encode())


def steps_of(s: tuple[str, int, dict]) -> int:
    """How many steps the attempt at item s takes (4-7)."""
    return 4 + _key(s) % 4


def _calc(op: str, a: str, b: str) -> str:
    return fmt(_OPS[op](float(a), float(b)))


def attempt(s: tuple[str, int, dict], err: int | None = None, kind: int = 0) -> list[str]:
    """The step lines of a worked attempt at item s ('Step i: label = a op b = value', each a the value before);
    the same item always gives the same correct chain. Step `err` (if any) gets a wrong value of kind `kind` (a
    factor of ten, a lost sign, a halving, an off-by-one), which every later step carries on from."""
    nums = [float(v) for _, v in sorted(s[2].items()) if isinstance(v, int | float) and not isinstance(v, bool)
            and v not in (0, 1)]
    r = random.Random(_key(s))
    a = fmt(r.choice(nums) if nums else r.randint(2, 9))
    lines = []
    for i in range(1, steps_of(s) + 1):
        op = r.choice("+-x/")
        b = fmt(r.choice(nums) if nums else r.randint(2, 9))
        val = _calc(op, a, b)
        if i == err:
            x = float(val)
            wrong = (x * 10, -x if x else 1.0, x / 2 if x else 1.0, x + 1)[kind % 4]
            val = fmt(wrong) if fmt(wrong) != val else fmt(x * 10 if x else 1.0)
        lines.append(f"Step {i}: {r.choice(STEP_LABELS[s[0]])} = {a} {op} {b} = {val}")
        a = val
    return lines


def wrong_steps(text: str) -> list[int]:
    """The steps of the attempt in `text` whose arithmetic does not hold."""
    out = []
    for m in _STEP.finditer(text):
        i, _, a, op, b, val = m.groups()
        try:
            if _calc(op, a, b) != val:
                out.append(int(i))
        except (ValueError, ZeroDivisionError):
            out.append(int(i))
    return out


def first_step(text: str) -> str | None:
    """The first step line of the attempt in `text` (an attempt's fingerprint: a slip is never in step 1)."""
    m = _STEP.search(text)
    return m.group(0).strip() if m else None


CHECK_ASKS = ("Can you check my working? My answer doesn't match the one in the back of the book.",
              "Where did I go wrong here?", "is this right? something feels off", "I got a different answer from "
              "my friend - which of us is right?", "Could you mark my attempt and tell me the first mistake, if "
              "any?", "I'm not sure about one of these steps. Can you look?", "pls check, exam on friday",
              "Be honest - is my method OK?")
ATTEMPT_LEADS = ("My working:", "Here's what I did:", "my attempt:", "What I've got so far:", "Working:")
CHECK_FOLLOW = ("so what should that step be?", "ok and what's the right final answer then?", "and after fixing "
                "that, does the rest follow?", "why is that step wrong exactly?")
BLUNT_CHECK = ("Verify each step of the following solution. Mark every step CORRECT or INCORRECT, then give the "
               "corrected full solution.\n\nProblem: {x}\n\nSolution:\n{w}")
GRADER_T = ("Student submission for problem {pid}.\n\nProblem: {x}\n\nStudent's working:\n{w}\n\nIdentify the first "
            "incorrect step, if any, explain the error in one or two sentences, and give the corrected value.")


def with_attempt(x: str, lines: list[str], lead: str, ask: str) -> str:
    return f"{x}\n\n{lead}\n" + "\n".join(lines) + f"\n\n{ask}"


def check_reply(rng: random.Random, s: tuple[str, int, dict], err: int | None, out_tokens: int, model: str = "") -> str:
    """A reply to an attempt: where it goes wrong (or that it holds), the corrected chain, then the capability's
    explanation, sized from out_tokens."""
    good = attempt(s)
    if err is None:
        head = "Your working is correct. Checking each step:\n" + "\n".join(good)
    else:
        head = (f"Everything up to step {err - 1} is right. Step {err} is where it goes wrong: it should read\n"
                f"{good[err - 1]}\nand carrying that through:\n" + "\n".join(good[err:]))
    body = answer(rng, s[0], max(1, int(out_tokens - len(head) / 3.9)), model)
    return f"{head}\n\n{body}"


# ---- the water-network modelling agent ----
WATER_SYS = ("You are a hydraulic modelling assistant for a water utility. Run the model before you conclude "
             "anything, quote pressures and flows with units, and end with the recommended change and its cost.")
_P = {"scenario": ("string", "demand scenario, e.g. peak_morning"), "node": ("string", "junction id"),
      "hour": ("integer", "hour of the extended-period run"), "pipe": ("string", "pipe id"),
      "diameter_mm": ("integer", "new internal diameter"), "zone": ("string", "pressure zone"),
      "changes": ("string", "comma-separated list of changes")}
WATER_TOOLS = [{"name": n, "description": d, "params": {p: _P[p] for p in ps}, "required": list(ps[:1])}
               for n, d, ps in (
    ("run_hydraulics", "Run an extended-period simulation of the network for a demand scenario", ("scenario",)),
    ("node_pressure", "Pressure head at a junction over the last run", ("node", "hour")),
    ("set_pipe", "Change a pipe's diameter in the working copy of the model", ("pipe", "diameter_mm")),
    ("leak_scan", "Night-flow analysis of a pressure zone: minimum night flow and likely leaks", ("zone",)),
    ("cost_estimate", "Capital cost of a set of model changes", ("changes",)))]
WATER_TASKS = ("Zone {z} drops below 20 m of pressure at {j} in the morning peak; find the cause and the cheapest fix.",
               "Check whether the network can supply a {f} L/s fire flow at {j} while keeping 15 m elsewhere.",
               "Night flow in zone {z} is up this month; find where the leak probably is.",
               "Size the new main to the {z} development so pressures stay above 25 m at peak.",
               "Pump station {z} trips at peak demand; see whether a parallel pipe avoids upgrading the pumps.",
               "Calibrate the {z} model against the logger at {j}: the model reads 6 m high at night.")
_ZONES = ("north_hill", "riverside", "pz_7", "old_town", "airport_rd", "dz_12", "east_res", "marina")


def water_task(rng: random.Random, tasks: tuple[str, ...] = WATER_TASKS) -> str:
    return rng.choice(tasks).format(z=rng.choice(_ZONES), j=f"J-{rng.randint(100, 4999)}",
                                    f=rng.choice((25, 32, 50, 75)))


def water_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of an agent episode; stub results when not `realistic`."""
    name = "run_hydraulics" if k == 0 else rng.choice([t["name"] for t in WATER_TOOLS])
    if not realistic:
        return name, {"scenario": "x"}, "ok"
    if name == "run_hydraulics":
        sc = rng.choice(("peak_morning", "night_min", "fire_flow", "summer_max", "avg_day"))
        return name, {"scenario": sc}, (f"converged in {rng.randint(3, 40)} trials; {rng.randint(0, 30)} junctions "
                                        f"below 20 m; max velocity {rng.uniform(0.4, 3.1):.2f} m/s")
    if name == "node_pressure":
        j = f"J-{rng.randint(100, 4999)}"
        return name, {"node": j, "hour": rng.randint(0, 23)}, f"{j}: {rng.uniform(8, 65):.1f} m"
    if name == "set_pipe":
        return name, {"pipe": f"P-{rng.randint(1000, 9999)}", "diameter_mm": rng.choice((150, 200, 250, 300))}, "ok"
    if name == "leak_scan":
        z = rng.choice(_ZONES)
        return name, {"zone": z}, (f"MNF {rng.uniform(2, 40):.1f} L/s, expected {rng.uniform(1, 10):.1f}; suspect "
                                   f"P-{rng.randint(1000, 9999)}")
    return name, {"changes": f"P-{rng.randint(1000, 9999)}:250"}, f"EUR {rng.randint(20, 900)}k"


# ---- response texts ----
_HYDRO = ("v = Q / A = {k}.{j}{k} m/s.", "Re = v D / nu = {k}{j}{k}000, so the flow is turbulent.", "Swamee-Jain "
          "gives f = 0.0{k}{j}.", "h_f = f (L/D) v^2 / 2g = {k}{j}.{k} m.", "Hydraulic radius R = A / P = 0.{k}{j} m.",
          "Q = (1/n) A R^(2/3) S^(1/2) = {k}.{j}{k} m^3/s.", "Fr = v / sqrt(g y) = 0.{k}{j}, so the flow is "
          "subcritical.", "Total head = static lift + friction + minor losses = {k}{j}.{k} m.", "Shaft power = rho g "
          "Q H / eta = {k}{j}.{j} kW.", "Joukowsky: dP = rho a dv = {k}.{j} MPa.", "The closure time is under "
          "2L/a = {k}.{j} s, so the closure is rapid.", "Weir: Q = (2/3) Cd b sqrt(2g) H^(3/2) = {k}{j} L/s.",
          "Check: the continuity and energy balances close to within {k}%.")
_QUANTUM = ("H|0> = (|0> + |1>)/sqrt(2); the CNOT then gives (|00> + |11>)/sqrt(2).", "Each outcome has probability "
            "1/2, and the two qubits are perfectly correlated.", "The optimal number of iterations is about "
            "(pi/4) sqrt(N/M) = {k}{j}.", "The success probability is sin^2((2k + 1) theta) = 0.9{k}{j}.",
            "Ry(theta)|0> = cos(theta/2)|0> + sin(theta/2)|1>.", "Rz only adds a relative phase, so P(1) stays "
            "sin^2(theta/2) = 0.{k}{j}.", "On the Bloch sphere the state sits at polar angle {k}{j} degrees.",
            "For measurement {k}{j} Bob applies X then Z to recover the state.", "Fidelity is roughly the product "
            "(1 - e)^n = 0.{k}{j}.", "That leaves room for about {k}{j} more two-qubit gates.", "The eigenphase is "
            "exactly representable in t bits, so the outcome is certain.", "Check: the amplitudes' squared "
            "magnitudes sum to 1.")
_SURVEY = ("Linear misclosure = sqrt(sum_lat^2 + sum_dep^2) = 0.{k}{j}{k} m.", "Precision = 1 : {k}{j}{k}00.",
           "Bowditch: the correction is proportional to the leg length, {j}.{k}{j} mm here.", "Rise = BS - FS = "
           "0.{k}{j}{k} m; the next reduced level is {k}{j}.{j}{k}{j} m.", "Arithmetic check: sum BS - sum FS = "
           "last RL - first RL = {k}.{j}{k}{j} m.", "Haversine: d = 2R asin(sqrt(a)) = {k}{j}{k}{j} km.",
           "Initial bearing = atan2(sin dlon cos lat2, ...) = {k}{j}.{k} degrees.", "Shoelace: A = 1/2 |sum(E_i N_i+1 "
           "- E_i+1 N_i)| = {k}.{j}{k} ha.", "Tangent length T = R tan(D/2) = {k}{j}.{j}{k} m.", "Curve length "
           "L = R D pi / 180 = {k}{j}{k}.{j} m.", "Horizontal = S cos(VA) = {k}{j}{k}.{j}{k}{j} m; the grid distance "
           "applies the height and scale factors.", "Check: the reduced line closes within {k} mm.")
_TABLE = ("| {k} | flow area A | pi D^2 / 4 | 0.0{k}{j} | m^2 |", "| {k} | velocity v | Q / A | {k}.{j}{k} | m/s |",
          "| {k} | Reynolds number | v D / nu | {k}{j}{k}000 | - |", "| {k} | friction factor | Swamee-Jain | "
          "0.0{k}{j} | - |", "| {k} | head loss | f L v^2 / (2 g D) | {k}{j}.{k} | m |", "| {k} | probability | "
          "|amplitude|^2 | 0.{k}{j} | - |", "| {k} | iterations | floor(pi/4 sqrt(N/M)) | {k}{j} | - |",
          "| {k} | misclosure | sqrt(lat^2 + dep^2) | 0.{k}{j} | m |", "| {k} | reduced level | RL + rise | "
          "{k}{j}.{j}{k} | m |", "| {k} | grid distance | k x ellipsoidal | {k}{j}{k}.{j} | m |")
_WATER = ("The peak-hour run shows {k}{j} junctions under 20 m, all downstream of the 150 mm link.", "Upsizing "
          "P-{k}{j}{j}{k} to 250 mm lifts J-{k}{j}{k} to {j}{k}.{k} m.", "Minimum night flow is {k}.{j} L/s above "
          "the expected background leakage.", "The fire-flow run keeps {k}{j} m at the worst junction.",
          "Recommended change: parallel 200 mm main, estimated EUR {k}{j}{j}k.", "The calibration offset comes from "
          "a closed boundary valve in zone {k}.")
POOLS = {"hydro": (_HYDRO, "\n", True), "quantum": (_QUANTUM, "\n", True), "survey": (_SURVEY, "\n", True),
         "table": (_TABLE, "\n", False), "water_agent": (_WATER, " ", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` (corpus_v14.answer over the v22 pools); styles of earlier
    variants fall through to corpus_v21_more.answer."""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=D21.answer,
                    bracketed="-")
