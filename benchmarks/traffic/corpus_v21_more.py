"""Text pools for the `v21` variant, continued (see corpus_v21.py; written blind the same way): an RTL verification
agent (lint, simulation, synthesis reports, waveforms) for the agentic campaign and the hardware team that runs the
same agent; tutoring ladders (`ladder`: a conversation that takes one step of a worked problem per turn, the asks
for the next step, the values a student echoes back) for socratic_ladder and the tutoring app; a concept graph over
the three capabilities (`concept`, `children`, `crawl_reply`: every explanation names related concepts) for
frontier_crawl, the learning app's "explore related" chips and the standards glossary; program-of-thought asks
(the working asked for as a commented script); and the response texts of the v21 styles, sized from
usage.output_tokens like v11-v20. Nothing here imports corpus_v21 at module level (it imports this module)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v17 as C17
from benchmarks.traffic import corpus_v20_more as D20
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import CHAT, RESP, build

# ---- the RTL verification agent ----
RTL_SYS = ("You are a hardware verification assistant in an FPGA project. Lint and simulate before you claim "
           "anything works, read the synthesis report for timing, and finish with the corrected RTL in a verilog "
           "code block.")
_P = {"file": ("string", "path of the RTL file"), "top": ("string", "top module name"),
      "test": ("string", "testbench name"), "signal": ("string", "hierarchical signal name"),
      "window": ("string", "time window, e.g. 0-2us")}
RTL_TOOLS = [{"name": n, "description": d, "params": {p: _P[p] for p in ps}, "required": list(ps[:1])}
             for n, d, ps in (
    ("lint", "Run Verilator lint on a file and return warnings and errors", ("file",)),
    ("simulate", "Run a testbench and return pass/fail and the first assertion failures", ("test", "top")),
    ("synth_report", "Synthesise the top module and return utilisation and worst timing paths", ("top",)),
    ("waveform", "Return the values of a signal over a time window from the last simulation", ("signal", "window")))]
RTL_TASKS = ("The testbench {tb} fails on {mod}; find the bug and fix it.",
             "Make {mod} meet timing at {f} MHz without changing its interface.",
             "Lint {file} and fix every warning that could be a real bug.",
             "Add an AXI-Stream skid buffer in front of {mod} and check that {tb} still passes.",
             "{mod} drops a word when the FIFO is full and written in the same cycle as it is read; fix it.",
             "Port {mod} from the vendor's primitives to generic RTL and keep the latency.")
_MODS = ("uart_rx", "spi_master", "axi_fifo", "crc32_engine", "pwm_gen", "i2c_ctrl", "fir_filter", "dma_arbiter",
         "seq_detector", "gray_sync", "sha256_core", "vga_timing")
_TBS = ("tb_smoke", "tb_random", "tb_backpressure", "tb_corner", "tb_regress")


def rtl_task(rng: random.Random, tasks: tuple[str, ...] = RTL_TASKS) -> str:
    mod = rng.choice(_MODS)
    return rng.choice(tasks).format(mod=mod, tb=rng.choice(_TBS), file=f"rtl/{mod}.sv", f=rng.choice((100, 150, 250)))


def rtl_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of an agent episode; stub results when not `realistic`."""
    name = "lint" if k == 0 else rng.choice([t["name"] for t in RTL_TOOLS])
    if not realistic:
        return name, {"file": "x"}, "ok"
    mod = rng.choice(_MODS)
    if name == "lint":
        return name, {"file": f"rtl/{mod}.sv"}, rng.choice((
            f"%Warning-WIDTH: rtl/{mod}.sv:{rng.randint(10, 300)}: Operator ASSIGN expects {rng.choice((8, 16, 32))} "
            f"bits", f"%Warning-BLKSEQ: rtl/{mod}.sv:{rng.randint(10, 300)}: Blocking assignment in sequential logic",
            "0 warnings, 0 errors", f"%Warning-LATCH: rtl/{mod}.sv:{rng.randint(10, 300)}: Latch inferred"))
    if name == "simulate":
        res = rng.choice(("PASS 512/512", f"FAIL at {rng.randint(100, 9000)} ns: assert_no_overflow",
                          f"FAIL at {rng.randint(100, 9000)} ns: expected 0x{rng.getrandbits(16):04x}",
                          "TIMEOUT after 2 ms"))
        return name, {"test": rng.choice(_TBS), "top": mod}, res
    if name == "synth_report":
        return name, {"top": mod}, (f"LUT {rng.randint(200, 9000)}, FF {rng.randint(100, 6000)}, BRAM "
                                    f"{rng.randint(0, 12)}; WNS {rng.uniform(-1.5, 0.8):.3f} ns on "
                                    f"{mod}/{rng.choice(('acc_reg', 'cnt_q', 'state_q', 'data_q'))}")
    sig = f"{mod}.{rng.choice(('wr_en', 'full', 'rd_ptr', 'state_q', 'valid', 'ready'))}"
    vals = " ".join(f"{rng.randint(0, 500) * 10}ns:{rng.randint(0, 1)}" for _ in range(rng.randint(3, 8)))
    return name, {"signal": sig, "window": "0-2us"}, vals


# ---- tutoring ladders: one step per turn ----
ONE_STEP = ("Don't give me the whole thing - just the first step, I want to try it myself.",
            "Can we go one step at a time? Only the first step for now.", "Just a hint for the first step please.",
            "Only tell me where to start, I'll ask for more.", "Step 1 only, then I'll try the rest.")
NEXT = ("ok, next step?", "got it. what comes next?", "and then?", "makes sense - next?", "ok I did that. now what?",
        "right. what's after that?", "next one please", "cool, continue", "alright, keep going")
ECHO = ("so I get {val}? what's next", "I got {val} too. continue?", "ok {val}. then?", "wait, {val}? ok I see it. "
        "next", "{val} - yes. next step?")
BLUNT_NEXT = "Next step."
FINAL_ASK = ("and the final answer?", "so what's the answer in the end?", "ok, final result?")
_NUM = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])")


def echo_value(rng: random.Random, reply: str) -> str | None:
    """A number from the reply, as a student repeats the value they got (None: the reply has none)."""
    nums = [n for n in _NUM.findall(reply) if len(n) > 1]
    return rng.choice(nums) if nums else None


def steps_of(s: tuple[str, int, dict]) -> int:
    """How many steps the worked solution of item s takes (by template)."""
    return 5 + (s[1] * 3 + len(str(sorted(s[2].items())))) % 5


def ladder(ctx: Ctx, acct: dict, t: float, api: str, model: str, opener: str, cap: str, turns: int,
           next_msg: Callable[[str, int], str], *, v: dict | None = None, system: str | None = None,
           user: str | None = None, temperature: float | None = None, gap: tuple[float, float] | None = None,
           emit: Callable[..., Any], out_range: tuple[int, int] = (40, 180)) -> float:
    """A tutoring conversation of `turns` turns: the opener, then next_msg(previous reply, turn) each time; the
    replies are single steps (short); the history is resent every turn; the next turn waits for reading and typing
    (corpus_v17.reply_gap with voice v) or, with `gap`, a fixed pause drawn from it. Returns the end time."""
    rng = ctx.rng
    msgs: list[dict] = []
    nxt = opener
    for j in range(turns):
        msgs = msgs + [{"role": "user", "content": nxt}]
        out = rng.randint(*out_range)
        reply = answer(rng, f"step_{cap}", out, model)
        params = {"temperature": temperature} if temperature is not None and api != RESP else {}
        body = build(api, model, system, msgs, 1024 if api != CHAT else 800, **params)
        emit(ctx, t, acct, api, body, out, text=reply, user=user)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        if j == turns - 1:
            break
        nxt = next_msg(reply, j + 1)
        t += rng.uniform(*gap) + out / rng.uniform(60, 110) if gap else C17.reply_gap(rng, out, len(nxt), v)
    return t


# ---- a concept graph over the capabilities (frontier_crawl, the explore chips, the glossary) ----
BASES = {
    "crypto": ("modular exponentiation", "Euler's totient", "the Chinese remainder theorem", "RSA padding",
               "Diffie-Hellman key exchange", "elliptic-curve point addition", "the discrete logarithm problem",
               "the birthday bound", "nonce reuse", "authenticated encryption", "Montgomery multiplication",
               "Fermat's little theorem", "the extended Euclidean algorithm", "quadratic residues",
               "side-channel timing leaks", "key derivation functions", "Merkle-Damgard hashing", "Schnorr signatures",
               "the small-subgroup attack", "Pollard's rho", "safe primes", "constant-time comparison",
               "hash-based MACs", "forward secrecy"),
    "struct": ("bending moment diagrams", "shear flow", "Euler buckling", "lateral-torsional buckling",
               "the method of sections", "virtual work", "moment distribution", "plastic hinges",
               "effective length", "the neutral axis", "second moment of area", "reinforcement ratio",
               "creep in concrete", "bolt group eccentricity", "fatigue detail categories", "thermal restraint",
               "Mohr's circle", "influence lines", "serviceability deflection limits", "load combinations",
               "punching shear", "prestress losses", "web crippling", "composite action"),
    "rtl": ("setup and hold time", "clock skew", "metastability", "two-flop synchronisers", "Gray code counters",
            "FIFO depth sizing", "Moore and Mealy machines", "state encoding", "carry-lookahead adders",
            "Karnaugh maps", "pipeline hazards", "operand forwarding", "blocking and non-blocking assignments",
            "clock gating", "reset synchronisation", "static timing analysis", "retiming", "multicycle paths",
            "AXI-Stream handshakes", "skid buffers", "one-hot encoding", "glitch-free clock muxing",
            "false paths", "latch inference"),
}
QUALS = {"crypto": ("", "for small moduli", "in embedded devices", "under fault injection", "with a worked example",
                    "in TLS 1.3", "in smart cards", "over binary fields", "in threshold schemes", "in post-quantum "
                    "migration", "for beginners", "in constant time"),
         "struct": ("", "in timber", "in cold-formed steel", "under seismic load", "with a worked example",
                    "in precast concrete", "at elevated temperature", "in pedestrian bridges", "under fatigue",
                    "in tall buildings", "for beginners", "in masonry"),
         "rtl": ("", "on FPGAs", "in ASIC flows", "at high clock rates", "with a worked example", "in low-power "
                 "designs", "across clock domains", "in SystemVerilog", "in safety-critical designs",
                 "for beginners", "in DSP blocks", "in RISC-V cores")}
APPS = ("", "in practice", "and common mistakes", "and how to test it", "versus the textbook version",
        "in code review", "in exam questions")
Concept = tuple[str, int, int, int]


def concept(c: Concept) -> str:
    cap, b, q, a = c
    return " ".join(p for p in (BASES[cap][b], QUALS[cap][q], APPS[a]) if p)


def roots(cap: str) -> list[Concept]:
    return [(cap, b, 0, 0) for b in range(len(BASES[cap]))]


def children(c: Concept) -> list[Concept]:
    """The three concepts an explanation of c names as related (one coordinate of c changed each)."""
    cap, b, q, a = c
    nb, nq = len(BASES[cap]), len(QUALS[cap])
    return [(cap, b, (q + 1 + (b + a) % (nq - 1)) % nq, a), (cap, (b * 7 + q + a + 1) % nb, q, a),
            (cap, b, q, (a + 1 + q % (len(APPS) - 1)) % len(APPS))]


def crawl_reply(rng: random.Random, c: Concept, out_tokens: int, model: str = "") -> str:
    """An explanation of c (the capability's response sentences) ending in the related concepts it names."""
    tail = "\n\nRelated topics: " + "; ".join(concept(k) for k in children(c)) + "."
    body = answer(rng, c[0], max(1, int(out_tokens - len(tail) / 3.9)), model)
    return body + tail


RELATED = re.compile(r"Related topics: (.*)\.$")
_BASE_RX = re.compile("|".join(re.escape(b) for bs in BASES.values() for b in sorted(bs, key=len, reverse=True)),
                      re.I)
_BASE_AT = {b.lower(): (cap, i) for cap, bs in BASES.items() for i, b in enumerate(bs)}


def concept_in(text: str) -> Concept | None:
    """The first concept named in `text` (its base and the longest qualifier and application that follow; case
    does not matter)."""
    m = _BASE_RX.search(text)
    if not m:
        return None
    cap, b = _BASE_AT[m.group(0).lower()]
    rest, q, a = text[m.end():].lower(), 0, 0
    for j, qual in sorted(enumerate(QUALS[cap]), key=lambda x: -len(x[1])):
        if qual and rest.startswith(" " + qual.lower()):
            q, rest = j, rest[len(qual) + 1:]
            break
    for j, app in sorted(enumerate(APPS), key=lambda x: -len(x[1])):
        if app and rest.startswith(" " + app):
            a = j
            break
    return cap, b, q, a


def parents() -> dict[Concept, set[Concept]]:
    """Every concept of the graph and the concepts whose explanations name it."""
    out: dict[Concept, set[Concept]] = {}
    for cap in BASES:
        for c in ((cap, b, q, a) for b in range(len(BASES[cap])) for q in range(len(QUALS[cap]))
                  for a in range(len(APPS))):
            out.setdefault(c, set())
            for k in children(c):
                out.setdefault(k, set()).add(c)
    return out


CRAWL_ASKS = ("What is {c}?", "I keep running into {c} - what is it, and where is it used?", "Can you explain {c} "
              "with a small numerical example?", "How does {c} relate to {p}?", "{c}: what do I actually need to "
              "know?", "Quick one: {c}. How does it work?", "{c} came up while I was reading about {p}. What's that?")
BLUNT_CRAWL = "Explain {c} in depth with a fully worked example."
CHIP = "Tell me more about {c}"

# ---- program of thought: the working asked for as a commented script ----
POT_ASKS = ("Write a short Python script that computes this, with a comment on every line saying what it does and "
            "why.", "Can you do it as Python code? Comment each line so I can follow the logic.",
            "Solve it by writing a small program - explain each line in a comment.",
            "I'd rather see this as a commented script than prose, please.")
RUN_IT = ("run it in your head - what does it print?", "what's the output if I run that?", "ok and the printed "
          "result?")


# ---- response texts ----
_CRYPTO = ("n = p q = {k}{j}{k}; phi(n) = (p - 1)(q - 1) = {j}{k}{j}.", "d is the inverse of e mod phi(n): d = "
           "{k}{j}{k}.", "Square-and-multiply: write the exponent in binary, square each step, multiply on the 1 bits.",
           "x ≡ {k} (mod {j}{k}) combines with the next congruence to x = {k}{j}{k}.", "Alice sends A = g^a mod p = "
           "{k}{j}; Bob sends B = {j}{k}.", "The shared secret is B^a mod p = A^b mod p = {k}{j}.", "The slope is (3x^2 "
           "+ a) / (2y) mod p = {k}{j}.", "About 1.18 x 2^(n/2) hashes give an even chance of a collision.",
           "XOR of the two ciphertexts equals the XOR of the plaintexts, so known bytes reveal the other message.",
           "Never reuse a nonce under one key; use a counter or a random 96-bit nonce with a key limit.",
           "Back-substitute the remainders: {k} = {j}{k} - {j} x {k}, so s = -{k}, t = {j}.", "Check: {k}{j} x "
           "{j}{k} ≡ 1 (mod {k}{j}{j}).")
_STRUCT = ("R = wL/2 = {k}{j}.{j} kN at each support.", "M_max = wL^2/8 = {k}{j}.{k} kNm at midspan.", "W_el,req = "
           "M/fy = {k}{j}{k} x 10^3 mm^3.", "Tip deflection = PL^3 / (3EI) = {k}.{j} mm.", "sigma = M y / I = "
           "{k}{j}{k} MPa.", "P_cr = pi^2 E I / (K L)^2 = {k}{j}{k} kN.", "Cut through the midspan panel and take "
           "moments about the top node: F = {k}{j}{k} kN tension.", "Lever arm z = d (0.5 + sqrt(0.25 - K/1.134)) = "
           "{k}{j}{k} mm; As = M / (0.87 fyk z) = {k}{j}{j} mm^2.", "The most loaded bolt takes {k}{j}.{k} kN "
           "against a resistance of {j}{k}.{j} kN.", "sigma = E alpha dT = {k}{j} MPa; N = sigma A = {j}{k}{k} kN.",
           "Centre C = (sx + sy)/2 = {k}{j} MPa, radius R = {j}{k}.{k} MPa.", "Check: the utilisation is 0.{k}{j}, "
           "below 1.0.")
_RTL = ("The detector needs {k} states: S0 (nothing), S1, S2, S3 (matched so far).", "Setup slack = T - (tcq + "
        "tlogic + tsu) + skew = {k}.{j} ns.", "fmax = 1 / (tcq + tlogic + tsu - skew) = {k}{j}{k} MHz.", "A multi-bit "
        "value sampled bit by bit can be caught mid-change, so bits from two counts mix.", "Gray code changes one bit "
        "per increment, so the synchronised value is the old count or the new one.", "Depth = burst - burst x "
        "(read rate / write rate) = {k}{j} words; round up to {j}{k}.", "The minimal SOP is F = B'D' + BD + A'C'D.",
        "Ripple carry: 2n gate delays = {k}{j}{k}0 ps; lookahead: {k}{j}0 ps.", "CPI = 1 + loads x load-use x 1 + "
        "branches x penalty = 1.{k}{j}.", "Blocking assignments update at once, so every stage takes the input in "
        "the same time step.", "```verilog\nalways @(posedge clk) q <= {{q[{k}:0], d}};\n```", "Check: simulate "
        "{k}{j} random cycles against a reference model.")
_RTL_AGENT = ("Lint flags a blocking assignment in the sequential block.", "The failure is at the cycle where full "
              "and wr_en rise together.", "The worst path goes through the 32-bit compare; register it.",
              "```verilog\nalways_ff @(posedge clk) if (wr_en && !full) mem[wr_ptr] <= din;\n```",
              "The testbench now passes 512/512.", "WNS is positive after retiming.")
_POT = ("# {k}: the given values", "p, q, e = {k}{j}, {j}{k}, 17  # the primes and the public exponent",
        "phi = (p - 1) * (q - 1)  # Euler's totient of n", "d = pow(e, -1, phi)  # private exponent: inverse of e",
        "M = w * L ** 2 / 8  # midspan moment of a simply supported beam, kNm",
        "defl = P * L ** 3 / (3 * E * I)  # cantilever tip deflection",
        "slack = T - (tcq + tlogic + tsu) + skew  # setup slack, ns",
        "depth = math.ceil(burst * (1 - rd / wr))  # words left in the FIFO after a burst",
        "for i in range({k}):  # repeat for every stage", "print(round(x, {k}))  # the result")
POOLS = {"crypto": (_CRYPTO, "\n", True), "struct": (_STRUCT, "\n", True), "rtl": (_RTL, "\n", True),
         "rtl_agent": (_RTL_AGENT, " ", False), "pot": (_POT, "\n", False),
         **{f"step_{c}": (p, " ", False) for c, p in (("crypto", _CRYPTO), ("struct", _STRUCT), ("rtl", _RTL))}}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` (corpus_v14.answer over the v21 pools); styles of earlier
    variants fall through to corpus_v20_more.answer."""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=D20.answer,
                    bracketed="-")

