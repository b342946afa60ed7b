"""Text pools for the `v19` variant, continued (see corpus_v19.py; written blind the same way): a supply-chain
planning agent (demand forecast, inventory, supplier quotes, shipments and an LP solver as tools) for the agentic
campaign and the logistics firm that runs the same agent for its planners; human-written answers (terse forum and
lecture-note answers to the v19 items, `passage`) for the backtranslation campaign and the help-centre teams that
turn their own community answers into FAQ entries; evaluation prompts (suite headers, few-shot exemplars, answer
formats, `eval_prompt`) for eval_masquerade and the lab that runs its private benchmark; long teacher prompts (a
house style and many worked examples, `teacher_prompt`) for context_distill and the tutoring products whose
system prompt is their style guide; and the response texts of the v19 styles, sized from usage.output_tokens like
v11-v18. Nothing here imports corpus_v19 at module level (it imports this module)."""

from __future__ import annotations

import random
from typing import Any

import orjson

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v18_more as D18

# ---- the supply-chain planning agent ----
SCM_SYS = ("You are a supply-chain planning assistant with tools for demand forecasts, inventory positions, supplier "
           "quotes, shipment planning and an LP solver. Check every number against the tools before recommending "
           "a plan and finish with a short plan summary.")
_P = {"sku": ("string", "item code"), "site": ("string", "warehouse or plant code"), "horizon": ("string",
      "forecast horizon, e.g. 8 weeks"), "qty": ("integer", "quantity in units"), "lane": ("string",
      "origin-destination lane"), "model": ("string", "LP model in a compact text form")}
SCM_TOOLS = [{"name": n, "description": d, "params": {p: _P[p] for p in ps}, "required": list(ps[:1])}
             for n, d, ps in (
    ("forecast_demand", "Weekly demand forecast for an item at a site", ("sku", "site", "horizon")),
    ("check_inventory", "On-hand, on-order and safety stock of an item at a site", ("sku", "site")),
    ("supplier_quote", "Price and lead time for a quantity from the approved suppliers", ("sku", "qty")),
    ("plan_shipment", "Cost and transit time of moving a quantity on a lane", ("lane", "qty")),
    ("solve_lp", "Solve a small linear or integer program and return the optimum", ("model",)))]
SCM_TASKS = ("Plan next month's replenishment of {sku} for our {k} distribution centres without breaking the "
             "{b} budget.",
             "Demand for {sku} jumped {p}% last week. Re-plan safety stock and orders for the next {w} weeks.",
             "Which of our suppliers should get the {q}-unit order of {sku}, given price and lead time?",
             "Rebalance {sku} between {s1} and {s2}: one is overstocked, the other keeps stocking out.",
             "Find the cheapest way to ship {q} units from {s1} to the {k} stores in the south region this week.",
             "The {s1} plant loses a line for {w} weeks. Re-plan production of {sku} across the other plants.")
_SKUS = ("SKU-10442", "PAL-2210", "CHR-0871", "BKF-5530", "TBL-7719", "GIN-0300", "VDK-1120", "BRK-4418")
_SITES = ("DC-North", "DC-East", "DC-Rotterdam", "PLANT-2", "PLANT-7", "DC-Accra", "DC-Suva", "DC-Kampala")


def scm_task(rng: random.Random, tasks: tuple[str, ...] = SCM_TASKS) -> str:
    s1, s2 = rng.sample(_SITES, 2)
    return rng.choice(tasks).format(sku=rng.choice(_SKUS), k=rng.choice((3, 4, 6, 9)), b=rng.choice(("40k EUR",
                                    "120k USD", "75k GBP")), p=rng.choice((18, 35, 60)), w=rng.choice((2, 4, 6, 8)),
                                    q=rng.choice((500, 1200, 4000, 9000)), s1=s1, s2=s2)


def scm_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of a planning episode; stub results when not `realistic`."""
    name = "forecast_demand" if k == 0 else rng.choice([t["name"] for t in SCM_TOOLS])
    if not realistic:
        return name, {"sku": "x"}, "ok"
    sku, site = rng.choice(_SKUS), rng.choice(_SITES)
    if name == "forecast_demand":
        weeks = ", ".join(str(rng.randint(80, 2400)) for _ in range(rng.randint(4, 8)))
        return name, {"sku": sku, "site": site, "horizon": "8 weeks"}, f"{sku}@{site} weekly: {weeks} (MAPE " \
                                                                       f"{rng.randint(6, 31)}%)"
    if name == "check_inventory":
        return name, {"sku": sku, "site": site}, f"on hand {rng.randint(0, 9000)}, on order {rng.randint(0, 5000)}, " \
                                                 f"safety stock {rng.randint(100, 1500)}"
    if name == "supplier_quote":
        return name, {"sku": sku, "qty": rng.choice((500, 1000, 5000))}, "; ".join(
            f"{s}: {rng.uniform(1.5, 80):.2f}/unit, lead {rng.randint(3, 45)} d" for s in rng.sample(
                ("Halvorsen AS", "Kerjean SARL", "Owusu Supply", "Ratu Trading", "Ashgabat Metal", "Kato Ltd"), 3))
    if name == "plan_shipment":
        s1, s2 = rng.sample(_SITES, 2)
        return name, {"lane": f"{s1}>{s2}", "qty": rng.choice((200, 800, 3000))}, \
            f"{rng.choice(('FTL', 'LTL', 'rail', 'sea'))}: {rng.randint(180, 9000)} EUR, {rng.randint(1, 21)} d"
    return name, {"model": "min c'x s.t. Ax>=b"}, f"optimal, objective {rng.uniform(1e3, 9e5):.1f}, " \
                                                  f"{rng.randint(2, 40)} nonzero vars, {rng.randint(1, 900)} ms"


# ---- human-written answers: what a forum or a lecture-notes page says about an item ----
PASSAGES = {
    "opt": ("Let x = {p1}, y = {p2}. max {c1}x + {c2}y st {a1}x + {a2}y <= {ma}, {b1}x + {b2}y <= {mb}, x,y >= 0. "
            "Check the corners of the feasible region, the best one is usually where both constraints bind. Solve "
            "the 2x2 and you're done.",
            "Add slacks to both rows. Entering variable = most negative in the objective row (so whichever of {c1} "
            "and {c2} is bigger), ratio test on {ma} and {mb} picks the pivot row. Pivot, repeat. Took me 2 pivots.",
            "Least cost method: fill the cheapest cell first, cross out the row/col that's used up, repeat. Then "
            "MODI: u_i + v_j = c_ij on basic cells, check reduced costs everywhere else. Negative one -> loop and "
            "shift. Supplies {s1}/{s2}/{s3}, demands {d1}/{d2}.",
            "EOQ = sqrt(2DS/H), D = {dem}, S = {co}, H = {h}% of {up}. Orders/yr = D/EOQ. For the discount compare "
            "total cost at EOQ vs at {qb} with the {disc}% lower price, and remember H changes with the price.",
            "rho = lambda/(c mu) = {lam}/({c} x {mu}). Erlang C gives P(wait), then Wq = P(wait)/(c mu - lambda). "
            "The tables in the back of the book have it for small c.",
            "Hungarian: subtract row minima, then column minima, cover zeros with min lines; fewer than 4 lines -> "
            "subtract the smallest uncovered from uncovered, add at intersections. Matrix {mat}.",
            "EDD = sort by due date ({dd}), SPT = sort by processing time ({pt}). Work out completion times, "
            "tardiness = max(0, C - d), sum up. SPT wins on mean flow time, EDD on max lateness.",
            "Ford-Fulkerson: keep finding augmenting paths in {net} until there are none. Max flow = capacity of "
            "the min cut, i.e. the arcs leaving the set you can still reach from s."),
    "dsp": ("It folds around fs/2: alias = |{f1} - k x {fs}| for the k that lands it in [0, fs/2]. Put the "
            "anti-alias corner well under {fs}/2, a decade if you can afford it.",
            "Bin spacing = fs/N = {fs}/{n}. Bin index = f/spacing, round. {win} window widens the main lobe but "
            "the sidelobes drop a lot, so less leakage from the big tone.",
            "Ideal LPF h[n] = 2fc/fs sinc(2fc/fs (n - M/2)), M = {taps} - 1, times the {win} window. Transition "
            "width is roughly a constant over the length, look the constant up for {win}.",
            "Take Z of both sides: Y(z)(1 - {a}z^-1) = X(z)(1 - {b}z^-1). Pole at {a}, zero at {b}. Stable iff "
            "|{a}| < 1 for a causal system.",
            "Closed loop char eq: {tau}s^2 + s + {k}K = 0. Match to s^2 + 2 zeta wn s + wn^2, solve for K with zeta "
            "= {zeta}. Overshoot = exp(-pi zeta/sqrt(1 - zeta^2)).",
            "Gain margin: find where the phase is -180 and read 1/|L|. Phase margin: find |L| = 1, 180 + phase. "
            "With poles at {pa} and {pb} and gain {k} you need the cubic... actually a second order never hits -180 "
            "so GM is infinite.",
            "Standard 2nd order formulas: Mp = exp(-pi zeta/sqrt(1-zeta^2)), ts ~ 4/(zeta wn), tr ~ 1.8/wn. Plug "
            "wn = {wn}, zeta = {zeta}.",
            "q = 2 x {vfs}/2^{bits}. SNR = 6.02 x {bits} + 1.76 dB for a full-scale sine. Oversampling by {ovs} "
            "gives 10log10({ovs}) dB more after filtering."),
    "conc": ("counter++ is load/add/store, so increments get lost. Final value anywhere from 2 to 2 x {n} in "
             "theory. Use an atomic or a lock. ({lang})",
             "A holds {r1} and waits for {r2}, B holds {r2} and waits for {r1}: classic. Fix: always lock in the "
             "same global order, or tryLock with a timeout and back off.",
             "Buffer of {n} slots, {prim}. Wait in a while loop, not an if, because of spurious wakeups and "
             "because another consumer can grab the item first.",
             "With {ord} the reader isn't guaranteed to see the data unless the flag store is a release and the "
             "load an acquire. Relaxed on both = no guarantee at all.",
             "Sequential awaits: {k} x {ms} ms. Gather them instead and cap with a semaphore of {lim}, total is "
             "about ceil({k}/{lim}) x {ms} ms.",
             "Threads may outlive the borrow, so &{ds} can't be sent to {k} spawned threads. Arc gives shared "
             "ownership, Mutex gives the mutation. Or use scoped threads.",
             "Amdahl: S = 1/((1-p) + p/N) with p = {p}%. For N = {k} just plug in. {s}x may be impossible if "
             "1/(1-p) is below it.",
             "ABA: thread 1 reads head A, gets preempted, others pop A, pop B, push A back, thread 1's CAS succeeds "
             "on a stale next. Fix: tagged pointers / hazard pointers. ({lang})"),
}
_FORUM_HEAD = ("", "", "Short answer: ", "Had the same problem set last year. ", "Not sure this is still relevant, "
               "but ", "From my lecture notes: ", "Quick sketch: ")
_FORUM_TAIL = ("", "", " Hope this helps.", " Edit: fixed a typo in the second line.", " (double-check the "
               "arithmetic, did it on my phone)", " Source: my course notes.", " -- upvote if it worked")


def passage(rng: random.Random, s: tuple[str, int, dict[str, Any]]) -> str:
    """A human-written answer to item seed s, as scraped from a forum or a course page."""
    cap, t, slots = s
    return f"{rng.choice(_FORUM_HEAD)}{PASSAGES[cap][t].format(**slots)}{rng.choice(_FORUM_TAIL)}"


# ---- evaluation prompts: suite headers, few-shot exemplars, answer formats ----
SUBJECTS = {"opt": "operations research", "dsp": "signal processing and control", "conc": "concurrent programming"}
EVAL_FORMATS = (
    "The following are questions about {subject}. Think step by step, then finish with \"Answer: <answer>\".\n\n"
    "{shots}Question: {q}\nAnswer: Let's think step by step.",
    "{shots}Q: {q}\nA:",
    "<question>{q}</question>\nThink it through inside <reasoning> tags, then give the result inside <answer> tags.",
    "Problem:\n{q}\n\nSolve the problem. Reason step by step and write the final answer on the last line as "
    "'Final answer: ...'.",
)
SHOT_FORMS = ("Question: {q}\nAnswer: Let's think step by step. {a} Answer: {r}\n\n", "Q: {q}\nA: {a} The answer is "
              "{r}.\n\n", "", "")
EVAL_SYS = ("You are being evaluated. Answer carefully.", "Solve the following problem.", None, None)


def eval_prompt(fmt: int, cap: str, shots: list[tuple[str, str, str]], q: str) -> str:
    """One evaluation prompt in suite format `fmt` with its few-shot exemplars ((question, working, result))."""
    shot_text = "".join(SHOT_FORMS[fmt].format(q=sq, a=sa, r=sr) for sq, sa, sr in shots) if SHOT_FORMS[fmt] else ""
    return EVAL_FORMATS[fmt].format(subject=SUBJECTS[cap], shots=shot_text, q=q)


def worked(rng: random.Random, cap: str, chars: int) -> str:
    """A short worked answer (the working of a few-shot exemplar or of a style-guide example)."""
    pool = POOLS[cap][0]
    out: list[str] = []
    while sum(len(s) + 1 for s in out) < chars:
        out.append(_fill(rng, rng.choice(pool)))
    return " ".join(out)


def shots(rng: random.Random, cap: str, k: int) -> list[tuple[str, str, str]]:
    """k fixed exemplars of a suite: an item, its working and its result."""
    from benchmarks.traffic.corpus_v19 import item

    return [(item(rng, cap)[0], worked(rng, cap, rng.randint(150, 320)), f"{rng.uniform(0.5, 900):.3g}")
            for _ in range(k)]


# ---- long teacher prompts: a house style and many worked examples ----
RULES = ("Start from what is given and what is asked, in one line each.", "Name the method before using it and say "
         "why it fits.", "Show every intermediate quantity with its units.", "When a step could go two ways, say "
         "which and why.", "Check the result against a quick estimate or a limiting case.", "Point out the most "
         "common mistake on this kind of problem.", "End with the result on its own line, prefixed 'Result:'.",
         "Prefer exact fractions until the last step, then round to 3 significant figures.", "Never skip the "
         "algebra between two displayed lines.", "If the problem is ambiguous, state the reading you use.", "Keep a "
         "friendly, encouraging tone, but do not pad.", "Use plain text formulas; no LaTeX.")
PERSONAS = {"opt": "an operations research tutor", "dsp": "a signals and control tutor",
            "conc": "a senior engineer who teaches concurrency"}


def teacher_prompt(rng: random.Random, cap: str, name: str, n_examples: int) -> list:
    """The parts of a long system prompt: its name, its rules and its worked examples ((question, answer))."""
    from benchmarks.traffic.corpus_v19 import seed, text

    rules = rng.sample(RULES, rng.randint(8, 11))
    examples = [(text(seed(rng, cap), rng.randrange(3)), worked(rng, cap, rng.randint(300, 600)))
                for _ in range(n_examples)]
    return [name, cap, rules, examples]


def revise(rng: random.Random, prompt: list) -> list:
    """The next version of a teacher prompt: one rule changed, two examples replaced (a prompt iteration)."""
    from benchmarks.traffic.corpus_v19 import seed, text

    name, cap, rules, examples = prompt
    rules = list(rules)
    rules[rng.randrange(len(rules))] = rng.choice([r for r in RULES if r not in rules] or RULES)
    examples = list(examples)
    for j in rng.sample(range(len(examples)), 2):
        examples[j] = (text(seed(rng, cap), rng.randrange(3)), worked(rng, cap, rng.randint(300, 600)))
    return [name, cap, rules, examples]


def render(prompt: list) -> str:
    name, cap, rules, examples = prompt
    head = f"You are {name}, {PERSONAS[cap]}. Follow the house style below in every answer.\n\n## House style\n"
    body = "\n".join(f"- {r}" for r in rules)
    ex = "\n\n".join(f"### Example {k + 1}\nUser: {q}\n\nAssistant: {a}" for k, (q, a) in enumerate(examples))
    return f"{head}{body}\n\n## Worked examples\n\n{ex}\n\nAnswer the next message in exactly this style."


def system_for(api: str, prompt_text: str, cached: bool) -> Any:
    """The long prompt where the API puts it; on Anthropic as a cached content block when `cached`."""
    if api == "anthropic.messages" and cached:
        return [{"type": "text", "text": prompt_text, "cache_control": {"type": "ephemeral"}}]
    return prompt_text


# ---- response texts ----
_OPT = ("Let x and y be the weekly quantities; the objective is {k}{j}x + {j}{k}y.", "The binding constraints meet at "
        "x = {k}{j}, y = {j}{k}.", "The corner point method gives a maximum profit of {k}{j}00.", "x enters; the "
        "ratio test picks row {k}.", "After the second pivot every reduced cost is nonnegative, so this is optimal.",
        "Least-cost start: total cost {k}{j}0; the reduced cost of cell ({k},{j}) is negative, so shift {k}0 units.",
        "EOQ = sqrt(2DS/H) = {k}{j}0 units, about {j} orders a year.", "With the discount the total cost falls by "
        "{k}{j}0, so take it.", "rho = 0.{k}{j}; Erlang C gives P(wait) = 0.{j}{k}.", "Wq = {k}.{j} minutes.",
        "Hungarian method: after reduction, four independent zeros give cost {k}{j}.", "EDD total tardiness {k}{j} "
        "days; SPT {j}{k} days.", "Max flow = {k}{j}, equal to the cut {{s-a, b-t}}.")
_DSP = ("The tone aliases to {k}{j}0 Hz.", "Bin spacing fs/N = {k}.{j} Hz, so the tone lands in bin {k}{j}.", "The "
        "window lowers the first sidelobe to about -{k}{j} dB.", "h[n] = 2fc/fs sinc(2fc/fs (n - M/2)) w[n].",
        "H(z) = (1 - 0.{k}z^-1) / (1 - 0.{j}z^-1); the pole is inside the unit circle, so it is stable.", "Matching "
        "coefficients gives K = {k}.{j}.", "Overshoot = exp(-pi zeta / sqrt(1 - zeta^2)) = {k}{j}%.", "The phase "
        "margin is {k}{j} degrees at {j}.{k} rad/s.", "Rise time ~ 1.8 / wn = 0.{k}{j} s; settling ~ 4 / (zeta wn) = "
        "{k}.{j} s.", "Ideal SNR = 6.02N + 1.76 = {k}{j}.{j} dB.", "Oversampling adds 10 log10(OSR) = {k}.{j} dB.")
_CONC = ("counter++ is a read-modify-write, so two threads can both read {k}{j} and both write {k}{j}+1.", "Use an "
         "atomic increment or hold the lock around the update.", "Deadlock: A holds the first lock and waits for "
         "the second while B does the opposite.", "Always acquire locks in one global order.", "Wait in a while "
         "loop: the condition may be false again when the thread wakes.", "A release store paired with an acquire "
         "load orders the data write before the read.", "Sequential awaits take {k} x {k}{j}0 ms; gathering with a "
         "limit of {k} takes about {k}{j}0 ms.", "Arc<Mutex<Vec<T>>> gives shared ownership and exclusive mutation.",
         "Amdahl: S = 1 / ((1 - p) + p / N) = {k}.{j}.", "ABA: the CAS succeeds on a recycled node; a version tag "
         "makes it fail.", "```\nlet data = Arc::new(Mutex::new(vec![]));\n```")
_SCM = ("The forecast for the next {k} weeks averages {k}{j}0 units a week.", "Stock at the second site covers {j} "
        "weeks, so move {k}{j}0 units.", "The cheapest supplier is {k}.{j}% dearer than the fastest but saves "
        "{k}{j}00 overall.", "The solver's plan costs {k}{j},{j}00 and meets every store's demand.", "Plan summary: "
        "{k} orders, {j} transfers, within budget.")
_INSTR = ("How do I set this up as a linear program?", "What is the question this answers? Most likely: how many "
          "units of each product maximise profit?", "Rating: {k}/5 - correct idea, skips the arithmetic.", "Users "
          "might ask: 'why does my count come out wrong with two threads?'", "Possible titles: 'Aliasing of a "
          "sampled tone', 'Choosing an anti-alias corner'.", "The instruction is probably: explain the ABA problem "
          "and how to avoid it.", "It answers: what is the EOQ and should we take the discount?")
POOLS = {"opt": (_OPT, "\n", True), "dsp": (_DSP, "\n", True), "conc": (_CONC, "\n", True),
         "scm_agent": (_SCM, " ", False), "instr": (_INSTR, "\n", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` (corpus_v14.answer over the v19 pools); 'faq_json' and
    'bt_json_<capability>' are the JSON replies of the question-writing and backtranslation requests; styles of
    earlier variants fall through to corpus_v18_more.answer."""
    if style == "faq_json" or style.startswith("bt_json"):
        chars = max(40, out_tokens * rng.uniform(3.4, 4.4))
        if style == "faq_json":
            qs: list[str] = []
            while sum(len(q) + 4 for q in qs) < chars - 20:
                qs.append(_fill(rng, rng.choice(_INSTR)))
            return orjson.dumps({"questions": qs}).decode()
        instr = _fill(rng, rng.choice(_INSTR))
        cap = style.rsplit("_", 1)[-1]
        body = X.answer(rng, cap, max(1, int((chars - len(instr) - 60) / 4)), "", None, pools=POOLS, fill=_fill,
                        fallback=D18.answer, bracketed="-")
        return orjson.dumps({"instruction": instr, "score": rng.randint(2, 5), "rewrite": body}).decode()
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=D18.answer,
                    bracketed="-")
