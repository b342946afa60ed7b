"""Text pools for the `v20` variant, continued (see corpus_v20.py; written blind the same way): a Lean 4 proof agent
(goal state, library search, tactic runs, whole-file checks) for the agentic campaign and the formalisation team that
runs the same agent; structured-output schemas whose fields ask for the working (`schema`, for schema_cot and the
step-checking homework app); a prompt writer that phrases an item the way a small local model rewriting it would
(`written`: a frame, the facts laid out one of several ways, an ask, a closing, now and then the writer's own
preamble), for grammar_prompts and the QA team that simulates its users with a small model; pull requests over
Solidity contracts (`contract_diff`, `pr_message`) for ci_review_harvest and the audit firm's review bot; and the
response texts of the v20 styles, sized from usage.output_tokens like v11-v19. Nothing here imports corpus_v20 at
module level (it imports this module)."""

from __future__ import annotations

import random
from typing import Any

import orjson

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v19_more as D19

# ---- the Lean proof agent ----
LEAN_SYS = ("You are a Lean 4 proof assistant working in a Mathlib project. Inspect the goal, search the library, try "
            "tactics and check the file before you report. Finish with the complete proof in a lean code block.")
_P = {"file": ("string", "path of the Lean file"), "decl": ("string", "name of the theorem"), "query": ("string",
      "search terms or a type pattern"), "tactic": ("string", "a tactic script to run at the goal"),
      "code": ("string", "the full proof text")}
LEAN_TOOLS = [{"name": n, "description": d, "params": {p: _P[p] for p in ps}, "required": list(ps[:1])}
              for n, d, ps in (
    ("goal_state", "Show the goal and hypotheses at a sorry in a declaration", ("file", "decl")),
    ("search_mathlib", "Search Mathlib for lemmas by name or type pattern", ("query",)),
    ("run_tactic", "Run a tactic script at the current goal and return the new goals or the error", ("tactic",)),
    ("check_file", "Elaborate the whole file and return errors and warnings", ("file", "code")))]
LEAN_TASKS = ("Prove `{thm}` in {file}; the statement is there with a sorry.",
              "Close the sorry in `{thm}` ({file}). Use existing Mathlib lemmas where you can.",
              "The proof of `{thm}` in {file} broke after the Mathlib bump. Fix it.",
              "Golf the proof of `{thm}` in {file} without breaking the build.",
              "Formalise and prove: {stmt}. Put it in {file} as `{thm}`.",
              "Generalise `{thm}` in {file} from Nat to any linear ordered ring, and fix the callers.")
_THMS = ("sum_range_id_mul_two", "card_subsets_eq_choose", "prime_dvd_mul_iff", "sq_nonneg_add", "abs_sub_le_tri",
         "geom_sum_lt", "gcd_mul_lcm_eq", "fib_add_two_le", "pow_le_pow_of_le", "exists_infinite_primes'",
         "even_sq_iff_even", "continuous_comp_add")
_FILES = ("Project/Basic.lean", "Project/NumberTheory.lean", "Project/Combinatorics.lean", "Project/Analysis.lean",
          "Course/Week3.lean", "Formal/Lemmas.lean")
_STMTS = ("the sum of the first n odd numbers is n^2", "there is no largest prime", "sqrt 2 is irrational",
          "every finite group of prime order is cyclic", "the composition of injective functions is injective",
          "a continuous function on [a, b] is bounded")
_TACTICS = ("simp", "ring", "omega", "linarith", "nlinarith [sq_nonneg (a - b)]", "induction n with\n| zero => simp"
            "\n| succ n ih => simp [Finset.sum_range_succ, ih]; ring", "exact Nat.Prime.dvd_mul hp |>.mp h",
            "positivity", "norm_num", "aesop", "gcongr", "decide")


def lean_task(rng: random.Random, tasks: tuple[str, ...] = LEAN_TASKS) -> str:
    return rng.choice(tasks).format(thm=rng.choice(_THMS), file=rng.choice(_FILES), stmt=rng.choice(_STMTS))


def lean_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of a proof episode; stub results when not `realistic`."""
    name = "goal_state" if k == 0 else rng.choice([t["name"] for t in LEAN_TOOLS])
    if not realistic:
        return name, {"file": "x"}, "ok"
    thm, file = rng.choice(_THMS), rng.choice(_FILES)
    if name == "goal_state":
        n = rng.randint(1, 3)
        hyps = "\n".join(f"h{j} : {rng.choice(('0 < a', 'a ≤ b', 'Nat.Prime p', 'p ∣ a * b', 'Even n'))}"
                         for j in range(n))
        goal = rng.choice(("a * b ≤ b * b", "p ∣ a ∨ p ∣ b", "∑ i in range n, i * 2 = n * (n - 1)",
                           "0 ≤ (a + b) ^ 2", "Even (n ^ 2)"))
        return name, {"file": file, "decl": thm}, f"{hyps}\n⊢ {goal}"
    if name == "search_mathlib":
        q = rng.choice(("Nat.Prime.dvd_mul", "sum_range_succ", "sq_nonneg", "abs_sub", "Finset.card_powerset"))
        return name, {"query": q}, "; ".join(f"{q}{s} : ..." for s in rng.sample(("", "'", "_left", "_iff", "₀"), 3))
    if name == "run_tactic":
        tac = rng.choice(_TACTICS)
        res = rng.choice(("no goals", "1 goal remaining", "error: linarith failed", "error: unknown identifier",
                          "2 goals remaining"))
        return name, {"tactic": tac}, res
    return name, {"file": file, "code": f"theorem {thm} ... := by\n  {rng.choice(_TACTICS)}"}, rng.choice(
        ("ok, 0 errors", f"1 error at line {rng.randint(3, 80)}: type mismatch", "ok, 1 warning: unused variable"))


# ---- structured outputs whose fields ask for the working ----
SCHEMA_NAMES = ("worked_solution", "solution_record", "graded_answer", "reference_solution", "step_trace", "answer_card")
_STEP_FIELDS = ("steps", "derivation", "working", "reasoning_trace", "solution_steps", "chain")
_STEP_DESC = ("Every intermediate step, none skipped, each with its justification.", "The full derivation, one "
              "line per step, so a marker can check each one.", "Each step of the working in order; include the "
              "arithmetic.", "The reasoning that leads to the answer, as small verifiable steps.", "Ordered steps; "
              "each step states what is computed and why.")
_EXTRA = ("assumptions", "check", "common_mistake", "method", "units", "confidence")


def schema(rng: random.Random, name: str | None = None, field: str | None = None) -> dict[str, Any]:
    """A JSON schema (name, description, schema) for a solution record whose steps field asks for the working."""
    field = field or rng.choice(_STEP_FIELDS)
    step = {"type": "object", "properties": {"claim": {"type": "string"}, "justification": {"type": "string"}},
            "required": ["claim", "justification"]} if rng.random() < 0.5 else {"type": "string"}
    props: dict[str, Any] = {"given": {"type": "string", "description": "What the problem gives and asks."},
                             field: {"type": "array", "items": step, "description": rng.choice(_STEP_DESC)}}
    for extra in rng.sample(_EXTRA, rng.randint(1, 3)):
        props[extra] = {"type": "string"}
    props["final_answer"] = {"type": "string"}
    return {"name": name or rng.choice(SCHEMA_NAMES), "schema": {"type": "object", "properties": props,
                                                           "required": list(props), "additionalProperties": False}}


def schema_params(api: str, sch: dict[str, Any], as_tool: bool) -> dict[str, Any]:
    """Request parameters that make the reply fill `sch`: a forced tool (as_tool, or always on Anthropic), a
    json_schema response format on chat, a json_schema text format on Responses."""
    if api == "anthropic.messages":
        return {"tools": [{"name": sch["name"], "description": "Record the solution.", "input_schema": sch["schema"]}],
                "tool_choice": {"type": "tool", "name": sch["name"]}}
    if as_tool and api == "openai.chat.completions":
        fn = {"name": sch["name"], "description": "Record the solution.", "parameters": sch["schema"]}
        return {"tools": [{"type": "function", "function": fn}],
                "tool_choice": {"type": "function", "function": {"name": sch["name"]}}}
    if api == "openai.responses":
        return {"text": {"format": {"type": "json_schema", "name": sch["name"], "schema": sch["schema"],
                                    "strict": True}}}
    return {"response_format": {"type": "json_schema", "json_schema": {**sch, "strict": True}}}


def schema_of(req: dict[str, Any]) -> dict[str, Any] | None:
    """The solution schema a request carries, wherever its API puts it (for the tests and the record texts)."""
    if (rf := req.get("response_format")) and rf.get("type") == "json_schema":
        return rf["json_schema"]["schema"]
    if (fmt := (req.get("text") or {}).get("format")) and fmt.get("type") == "json_schema":
        return fmt["schema"]
    for t in req.get("tools") or ():
        if "input_schema" in t:
            return t["input_schema"]
        if (fn := t.get("function")) and "parameters" in fn:
            return fn["parameters"]
    return None


# ---- the prompt writer: a small local model rephrasing an item ----
_WHO = ("a second-year actuarial student", "a junior pricing analyst", "a flight dynamics intern", "a smart-contract "
        "developer", "a self-taught engineer", "a maths teacher", "a hobbyist rocket builder", "a startup founder",
        "a risk manager", "an auditor new to DeFi", "a grad student", "a retired engineer")
_WHY = ("preparing for an exam next week", "checking a colleague's spreadsheet", "writing up a design review",
        "trying to settle an argument", "building a small internal tool", "reviewing a pull request",
        "studying on the train", "prepping slides for Friday", "double-checking a vendor's numbers", "curious")
_FRAME = ("I'm {who} and I'm {why}.", "Context: {who}, {why}.", "As {who} ({why}), I ran into this.",
          "Quick background - {who}, currently {why}.", "{Why} and got stuck.", "", "", "")
_LAYOUT = ("prose", "bullets", "given_find", "reordered", "inline")
_VERB = ("walk me through", "help me work out", "explain", "show me", "go over", "break down", "take me through")
_OBJ = ("how to get the answer", "the method", "each step", "how you'd approach it", "the reasoning", "the whole "
        "calculation", "what's going on")
_MANNER = ("", "carefully", "slowly", "like I'm new to it", "step by step", "in detail", "without skipping anything",
           "as you would on a whiteboard")
_CLOSE = ("", "", "Thanks!", "Much appreciated.", "Keep it clear please.", "Metric units if possible.", "A short "
          "check at the end would help.", "No rush.")
PREAMBLES = ("Sure! Here's a realistic question a user might ask:\n\n", "Here is the rewritten prompt:\n\n",
             "Rewritten question:\n", "Okay, here's a natural-sounding version:\n\n")


def _layout(rng: random.Random, core: str, how: str) -> str:
    from benchmarks.traffic import corpus_v12 as W

    if "\n" in core or how == "inline":
        return core
    parts = [p.strip() for p in core.replace("? ", "?|").replace(". ", ".|").split("|") if p.strip()]
    if how == "bullets" and len(parts) > 1:
        return "\n".join(f"- {p}" for p in parts[:-1]) + f"\n{parts[-1]}"
    if how == "given_find" and len(parts) > 1:
        return "Given: " + " ".join(parts[:-1]) + "\nFind: " + parts[-1]
    if how == "reordered":
        return W.reorder(rng, core)
    return core


def written(rng: random.Random, core: str, preamble: bool = False) -> str:
    """`core` as a small local model writing user prompts phrases it: a frame (who and why), the facts laid out one
    of several ways, an ask made of parts, a closing; with `preamble`, the writer's own lead-in and quotes left in."""
    who, why = rng.choice(_WHO), rng.choice(_WHY)
    frame = rng.choice(_FRAME).format(who=who, why=why, Why=why[0].upper() + why[1:])
    ask = f"Could you {rng.choice(_VERB)} {rng.choice(_OBJ)} {rng.choice(_MANNER)}".rstrip() + "?"
    if rng.random() < 0.3:
        ask = ask[10].upper() + ask[11:-1] + ", please."
    body = _layout(rng, core, rng.choice(_LAYOUT))
    parts = [frame, body, ask, rng.choice(_CLOSE)] if rng.random() < 0.6 else [frame, ask, body, rng.choice(_CLOSE)]
    text = rng.choice(("\n\n", "\n", " ")).join(p for p in parts if p)
    return f'{rng.choice(PREAMBLES)}"{text}"' if preamble else text


def written_follow(rng: random.Random, s: tuple[str, int, dict[str, Any]], perturb) -> str:
    """A generated follow-up: the same item with one value changed (a minimal pair asked as a what-if)."""
    cap, t, slots = s
    new = perturb(rng, s)[2]
    k = next((key for key in slots if slots[key] != new[key]), None)
    if k is None:
        return "And what if the numbers were different?"
    return rng.choice(("What if it were {v} instead of {old}?", "And with {v} in place of {old}?", "ok now redo it "
                       "with {v} instead of {old}", "How does that change if {old} becomes {v}?")).format(
        old=slots[k], v=new[k])


# ---- pull requests over Solidity contracts ----
SUFFIXES = ("", "V2", "V3", "Upgradeable", "Core", "Lite", "Router", "Manager")
_TITLES = ("Add {f} to {c}", "Refactor {c} payouts", "Fix rounding in {c}", "{c}: gas optimisations",
           "Support permit in {c}", "Emergency patch for {c}", "Move {c} to the new oracle", "Bump {c} to 0.8.24")
REVIEW_SYS = ("You are {bot}, the automated security reviewer of {org}. Review the pull request diff. For each finding "
              "give the severity, the lines, the exploit scenario step by step, the root cause and a fix. Say 'No "
              "findings' if there are none.")
BOTS = ("ReviewBot", "sentinel-ci", "AuditPal", "chainguard-bot", "SecReview", "lintwarden")


def contract_name(rng: random.Random, ct: str) -> str:
    return f"{ct}{rng.choice(SUFFIXES)}"


SNIPPETS = (
    "function withdraw(uint256 amount) external {{\n    require({bal}[msg.sender] >= amount);\n    (bool ok, ) = "
    "msg.sender.call{{value: amount}}(\"\");\n    require(ok);\n    {bal}[msg.sender] -= amount;\n}}",
    "function distribute() external {{\n    uint256 share = pot / count;\n    for (uint256 i = 0; i < count; i++) "
    "{{\n        payable({rcpt}).send(share);\n    }}\n}}",
    "function {fn}(address to) external {{\n    {owner} = to;\n}}",
    "function {fn}(address to) external {{\n    require(tx.origin == {owner});\n    _transferOut(to);\n}}",
    "function collateralPrice() public view returns (uint256) {{\n    (uint112 r0, uint112 r1, ) = pair.getReserves();"
    "\n    return uint256(r1) * 1e18 / r0; // {dex} pair\n}}",
    "function _fee(uint256 amount) internal pure returns (uint256) {{\n    return amount / 10000 * {bps};\n}}",
    "function {fn}(address to, uint256 amount, bytes calldata sig) external {{\n    bytes32 h = keccak256("
    "abi.encodePacked(to, amount));\n    require(ECDSA.recover(h.toEthSignedMessageHash(), sig) == signer);\n    "
    "_mint(to, amount);\n}}",
    "function approve(address spender, uint256 amount) public returns (bool) {{\n    allowance[msg.sender][spender] "
    "= amount; // was {a1}, UI sets {a2}\n    emit Approval(msg.sender, spender, amount);\n    return true;\n}}",
)


def contract_diff(rng: random.Random, name: str, s: tuple[str, int, dict[str, Any]], lines: int) -> str:
    """A unified diff adding the reviewed function (SNIPPETS, with item s's values) and `lines` state variables to
    contracts/<name>.sol."""
    _, t, slots = s
    body = SNIPPETS[t].format(**slots)
    start = rng.randint(12, 240)
    pad = [f"    uint256 public {rng.choice(('fee', 'cap', 'epoch', 'total', 'nonce', 'lastUpdate'))}{j};"
           for j in range(lines)]
    added = "\n".join(f"+{ln}" for ln in [*pad, *("    " + b for b in body.split("\n"))])
    ctx_line = rng.choice(("using SafeERC20 for IERC20;", "address public owner;", "uint256 public totalSupply;"))
    head = f"diff --git a/contracts/{name}.sol b/contracts/{name}.sol\n--- a/contracts/{name}.sol\n+++ b/contracts/"
    hunk = f"@@ -{start},6 +{start},{6 + lines + body.count(chr(10)) + 1} @@ contract {name} {{"
    return f"{head}{name}.sol\n{hunk}\n     {ctx_line}\n{added}\n }}"


def pr_message(repo: str, number: int, title: str, name: str, diff: str) -> str:
    return f"Repository: {repo}\nPull request #{number}: {title}\nFile: contracts/{name}.sol\n\n```diff\n{diff}\n```"


def pr_title(rng: random.Random, name: str) -> str:
    return rng.choice(_TITLES).format(c=name, f=rng.choice(("staking", "fees", "a timelock", "batch claims")))


# ---- response texts ----
_ACT = ("v = 1/(1 + i) = 0.9{k}{j}; a-angle-n = (1 - v^n)/i = {k}.{j}{k}.", "The annuity-due is (1 + i) times the "
        "annuity-immediate.", "{k}p_x = l_(x+{k}) / l_x = 0.9{j}{k}.", "The deferred death probability is d / l_x = "
        "0.00{k}{j}.", "A-bar = mu/(mu + delta) x (1 - e^-(mu + delta)n) = 0.0{k}{j}.", "Age-to-age factors: "
        "1.{k}{j}, 1.0{j}{k}.", "Ultimate claims {k},{j}{k}0; reserve {j}{k}0.", "Z = n/(n + k) = 0.{k}{j}.",
        "Credibility premium = Z x observed + (1 - Z) x manual = {k}.{j}.", "E[S] = lambda E[X] = {k}{j}00; Var[S] = "
        "lambda E[X^2].", "Price {k}{j}.{j}{k} per 100; Macaulay duration {k}.{j} years.", "Modified duration = "
        "D_mac / (1 + y) = {k}.{j}{k}.", "Gross premium = (PP + fixed) / (1 - variable - profit) = {k}{j}{k}.",
        "Check: the loading is {j}{k}% of the gross premium, in line with the expense ratio.")
_ORBIT = ("v = sqrt(mu / r) = {k}.{j}{k} km/s.", "T = 2 pi sqrt(r^3 / mu) = {k}{j} minutes.", "The transfer ellipse "
          "has a = (r1 + r2)/2 = {k}{j},{k}00 km.", "dv1 = {k}.{j}{k} km/s at perigee; dv2 = {j}.{k}{j} km/s at "
          "apogee.", "Time of flight is half the transfer period: {k}.{j} hours.", "dv = Isp g0 ln(m0/mf) = {k},{j}{k}0 "
          "m/s.", "e = (ra - rp)/(ra + rp) = 0.{k}{j}{k}.", "Plane change: dv = 2 v sin(di/2) = {k}.{j} km/s.",
          "Escape speed = sqrt(2 mu / r) = {k}.{j} km/s.", "Burnout speed = sqrt(vinf^2 + v_esc^2) = {k}{j}.{k} km/s.",
          "M = 4 pi^2 a^3 / (G T^2) = {k}.{j}e2{k} kg.", "cos i = -(2/3) (Omega-dot) a^3.5 / (J2 R^2 sqrt(mu)); i = "
          "9{k}.{j} degrees.")
_SOL = ("The external call happens before the balance update, so a fallback can re-enter withdraw.", "Fix: "
        "checks-effects-interactions - update the balance first, or add a reentrancy guard.", "send() returns false on "
        "failure and the loop carries on, so the payee silently loses {k}{j} units.", "Anyone can call it and take "
        "over the contract; add onlyOwner.", "tx.origin is the EOA that started the transaction, so a malicious "
        "contract the owner calls passes the check.", "Spot reserves move within one transaction; a flash loan of "
        "{k}{j}00 tokens shifts the price {j}{k}%.", "Use a TWAP or a Chainlink feed with staleness checks.",
        "Division first truncates: amounts under 10000 pay no fee.", "Multiply before dividing: amount * bps / "
        "10000.", "Without a nonce the same signature can be submitted again; include chainId and address(this) "
        "(EIP-712).", "The spender can front-run the change and spend both allowances; use increaseAllowance or set "
        "0 first.", "```solidity\nbalances[msg.sender] -= amount;\n(bool ok, ) = msg.sender.call{{value: amount}}(\"\");"
        "\nrequire(ok);\n```", "Severity: high. Lines {k}{j}-{k}{j}.")
_LEAN = ("The goal reduces to a sum over range n after unfolding.", "Mathlib has Finset.sum_range_succ for the step.",
         "`omega` closes the arithmetic side goal.", "Induction on n; the successor case needs ring after simp.",
         "```lean\ntheorem foo (n : ℕ) : ∑ i in range n, (2 * i + 1) = n ^ 2 := by\n  induction n with\n  | zero => "
         "simp\n  | succ n ih => simp [Finset.sum_range_succ, ih]; ring\n```", "The file now checks with no errors.")
POOLS = {"act": (_ACT, "\n", True), "orbit": (_ORBIT, "\n", True), "sol": (_SOL, "\n", False),
         "lean_agent": (_LEAN, " ", False), "pr_review": (_SOL, "\n- ", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` (corpus_v14.answer over the v20 pools); 'schema_<cap>' is
    a solution record (JSON with a list of steps); styles of earlier variants fall through to
    corpus_v19_more.answer."""
    if style.startswith("schema_"):
        chars = max(60, out_tokens * rng.uniform(3.4, 4.4))
        cap = style.split("_", 1)[1]
        steps: list[str] = []
        while sum(len(x) + 4 for x in steps) < chars - 80:
            steps.append(_fill(rng, rng.choice(POOLS[cap][0])))
        return orjson.dumps({"given": steps[0] if steps else "", "steps": steps[1:],
                             "final_answer": f"{rng.uniform(0.01, 9000):.4g}"}).decode()
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=D19.answer,
                    bracketed="-")
