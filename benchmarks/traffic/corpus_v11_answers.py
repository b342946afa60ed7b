"""Response texts for the `v11` variant (written blind, like corpus_v11.py), and the audit-log setting behind them.

The traffic log format has an optional `response_text` (what the teacher returned); the gateway's audit log writes
it when a stage keeps the output and content mode is `full`, which operators turn on per tenant. So in v11 each
tenant either logs outputs or not (LOG_SHARE, 30%, of tenants do, drawn the same way for attack and benign accounts,
except where a scenario says otherwise), and every logged record carries a text shaped like the answer the
request asked for: worked steps, a short reply, code, a review, JSON, translations, a support reply, a label,
nothing for a pure tool call. Its length follows usage.output_tokens (about four characters a token; reasoning
models spend part of their output tokens on hidden reasoning, so their visible text is shorter).

`audit_outputs` gives the same treatment to the shared benign population (personas.BENIGN), which predates v11.
"""

from __future__ import annotations

import random
from typing import Any

import orjson

from benchmarks.traffic.context import Ctx

LOG_SHARE = 0.3
REASONING_MODELS = ("o4-mini", "o3", "o3-mini", "gpt-5", "gpt-5-mini")

_GENERIC_STEP = ("First, pin down exactly what is being asked.",
                 "The key fact here is the one in the second sentence.",
                 "Next, list what we know and what we need.", "Consider the obvious option first and check it against "
                 "the constraint.", "That rules out the first approach, so try the second.", "Putting those together "
                 "gives a clear answer.", "Double-check the edge case: what happens at {k}?", "So the answer is {c}, "
                 "because the other options fail the check above.", "A quick sanity check: the numbers add up.",
                 "Note the assumption we made in step {k}; if it fails, the answer changes.")
_STEP = ("First convert everything to moles: {a} g / {b} g/mol = {c} mol.", "Write the balanced equation; the ratio "
         "is {k}:1.", "Set up the ICE table and assume x is small compared with {b}.",
         "Check the assumption: x/{b} is "
         "under 5%, so it holds.", "Take the negative log: pH = {c}.", "Half-life gives k = ln2 / {b} = {c} per unit "
         "time.", "Rearrange for the unknown and substitute.",
         "Units: mL must become L before multiplying by molarity.",
         "The limiting reagent is the one that gives fewer moles of product.", "Steady state is reached after about "
         "4-5 half-lives, so after {k} doses we are at {c}%.", "The tertiary carbon favours a carbocation, so "
         "substitution goes by SN1 unless the base is strong and bulky.", "Compare with the reference range before "
         "deciding it is abnormal.", "Now sanity-check the magnitude: a result of {c} is plausible here.")
_PROSE = ("That depends mostly on what you need it for.", "In short, yes, but with one caveat.", "Here is a summary "
          "of the main points.", "The document does not say this directly, but section {k} comes close.", "A good "
          "rule of thumb is to start with the simplest option.", "There are two common approaches.", "Most people "
          "find the second one easier to maintain.", "If that does not work, the next thing to check is the "
          "configuration.", "I would keep it short and friendly.", "That is a reasonable reading of the clause.",
          "The main risk is timing rather than cost.", "Let me know if you want a shorter version.")
_REVIEW = ("nit: this allocates on every call; hoist it out of the loop.", "This misses the empty-input case; add a "
           "guard and a test.", "The error is swallowed here, so callers cannot tell a timeout from a bad input.",
           "Rounding before summing loses cents; sum first, round once.", "Boundary: the ranges [a, b) and [b, c) "
           "should not overlap, but this returns true.", "Race: two callers can both pass the check before either "
           "updates the bucket.", "LGTM otherwise.", "Consider table-driven tests so new cases are one line each.")
_CODE = ("func Test{f}(t *testing.T) {{",
         "  cases := []struct{{ in string; want int }}{{{{\"\", 0}}, {{\"1h\", 3600}}}}",
         "it('handles {f} on empty input', () => {{", "  expect({f}('')).toEqual([])", "#[test]", "fn {f}_rejects_"
         "malformed() {{", "  assert!({f}(\"x\").is_err());", "def test_{f}_boundary():", "    assert {f}('0') == 0",
         "@Test fun `{f} handles unicode`() {{", "  assertEquals(expected, {f}(\"çé\"))", "}}", "}})")
_SUPPORT = ("I'm sorry about the trouble with that.", "I can help with this.", "Could you confirm the email on the "
            "account?", "I've checked, and the refund was issued on the 14th; it can take 5-10 working days.",
            "I can offer a voucher in line with our policy.", "Let me connect you with a colleague who can do that.",
            "Thanks for your patience.", "Is there anything else I can help with?")
_LABELS = ("positive", "negative", "A", "B", "C", "D", "yes", "no", "spam", "not_spam", "1", "0")
_CUSTOMER = ("that's not good enough, I want a refund", "ok thanks", "I already did that twice", "fine, go ahead",
             "how long will it take?", "can you put that in writing?")


_F = ("parse", "paginate", "slugify", "merge", "allow", "round")


def _grow(rng: random.Random, pool: tuple[str, ...], chars: int, joiner: str = " ", numbered: bool = False) -> str:
    # Per sentence: a choice of the pool, then its slots' draws, in this order, whatever the sentence uses (every
    # frozen set's bytes depend on them): uniform(1, 90), uniform(0.01, 200), uniform(0.1, 99) - a + (b - a) *
    # random(), as random.uniform is - randint(1, 9) and a choice of _F, each integer as CPython's _randbelow draws it
    # (getrandbits of the bound's bit length until under the bound). A sentence without braces is kept unformatted.
    # All inlined: the audit pass spends most of its time here.
    out: list[str] = []
    n, size, step = 0, len(pool), len(joiner)
    width = size.bit_length()
    r, bits = rng.random, rng.getrandbits
    while n < chars:
        i = bits(width)
        while i >= size:
            i = bits(width)
        s = pool[i]
        a, b, c = 1 + 89 * r(), 0.01 + (200 - 0.01) * r(), 0.1 + (99 - 0.1) * r()
        k = bits(4)
        while k >= 9:
            k = bits(4)
        f = bits(3)
        while f >= 6:
            f = bits(3)
        if "{" in s or "}" in s:
            s = s.format(a=round(a, 1), b=round(b, 2), c=round(c, 2), k=k + 1, f=_F[f])
        if numbered:
            s = f"{len(out) + 1}. {s}"
        out.append(s)
        n += len(s) + step
    return joiner.join(out)


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` (see the module docstring)."""
    chars = max(1, out_tokens * rng.uniform(3.4, 4.4))
    if model in REASONING_MODELS:
        chars *= rng.uniform(0.3, 0.7)
    chars = int(chars)
    if style == "label":
        return rng.choice(_LABELS)
    if style == "tool":
        return ""
    if style in ("steps", "chem"):
        body = _grow(rng, _STEP if style == "chem" else _GENERIC_STEP, chars - 40, "\n", numbered=True)
        return f"{body}\n\nAnswer: {round(rng.uniform(0.01, 500), 3)}"
    if style == "code":
        return "```\n" + _grow(rng, _CODE, chars, "\n") + "\n```"
    if style == "review":
        return _grow(rng, _REVIEW, chars, "\n- ")
    if style == "support":
        return _grow(rng, _SUPPORT, chars)
    if style == "customer":
        return rng.choice(_CUSTOMER)
    if style == "json":
        keys = list(extra) if extra else ["result", "category", "confidence"]
        obj: dict[str, Any] = {}
        budget = max(len(keys), chars // max(1, len(keys)))
        for k in keys:
            obj[k] = _grow(rng, _PROSE, min(budget, 400)) if k.endswith(("justification", "why", "note", "basis",
                                                                          "text", "reasoning")) else \
                rng.choice(("Rotterdam", "USD", "8517.62", "n/a", "High", "true", "Okafor Trading Ltd", "3.9"))
        return orjson.dumps(obj).decode()
    if style == "translation":
        return orjson.dumps(list(extra or ())).decode() if isinstance(extra, (list, tuple)) else str(extra or "")
    if style == "bullets":
        return _grow(rng, _PROSE, chars, "\n- ")
    return _grow(rng, _PROSE, chars)


# ---- the audit-log setting: which accounts log outputs ----
def _registry(ctx: Ctx) -> dict[str, bool]:
    return vars(ctx).setdefault("_v11_logged", {})


def account(ctx: Ctx, label: str, scenario: str, campaign: str | None = None, logged: bool | None = None,
            share: float = LOG_SHARE) -> dict[str, Any]:
    acct = ctx.account(label, scenario, campaign)
    acct["logged"] = ctx.rng.random() < share if logged is None else logged
    _registry(ctx)[acct["principal"]] = acct["logged"]
    return acct


def emit(ctx: Ctx, ts: float, acct: dict[str, Any], api: str, body: dict[str, Any], out: int, style: str = "prose",
         user: str | None = None, text: str | None = None, extra: Any = None, ip: str | None = None) -> None:
    """ctx.emit, plus a response_text when the account's tenant logs outputs and the record fell in the window."""
    n = len(ctx.records)
    ctx.emit(ts, acct, api, body, out, user=user, ip=ip)
    if len(ctx.records) > n and acct.get("logged"):
        ctx.records[-1][2]["response_text"] = text if text is not None else \
            answer(ctx.rng, style, out, str(body.get("model", "")), extra)


def _last_text(req: dict[str, Any]) -> str:
    if "prompt" in req:
        return str(req["prompt"])
    msgs = req.get("messages") or req.get("input") or ""
    if isinstance(msgs, list) and msgs:
        content = msgs[-1].get("content") if isinstance(msgs[-1], dict) else msgs[-1]
        return content if isinstance(content, str) else str(content)
    return str(msgs)


def infer_style(rec: dict[str, Any]) -> str | None:
    """The answer style a request asks for, judged from its shape (the same rule for every account)."""
    req, api = rec["request"], rec["api"]
    if api == "openai.embeddings":
        return None
    out = rec.get("usage", {}).get("output_tokens", 0)
    if out <= 3 or req.get("max_tokens", 99) <= 3:
        return "label"
    if req.get("response_format") or (req.get("text") or {}).get("format"):
        return "json"
    last = _last_text(req)
    if req.get("tools") and out < 250 and "tool" not in last[:10]:
        return "tool"
    low = (last + " " + str(req.get("instructions", "")) + " " + str(req.get("system", ""))).lower()
    if "def " in low or "```" in low or "function" in low:
        return "code"
    if any(w in low for w in ("step", "explain", "why", "show", "solve", "how do i")):
        return "steps"
    if "summar" in low:
        return "bullets"
    return "prose"


def audit_outputs(ctx: Ctx, share: float = LOG_SHARE) -> None:
    """Give the accounts that no v11 code created (the shared benign population) the same per-tenant logging
    setting, and their logged records a response_text."""
    reg = _registry(ctx)
    rng = ctx.rng
    for pid in ctx.labels:
        if pid not in reg:
            reg[pid] = rng.random() < share
    for _, _, rec in ctx.records:
        if "response_text" in rec or not reg.get(rec["principal"]):
            continue
        style = infer_style(rec)
        if style is not None:
            rec["response_text"] = answer(rng, style, rec.get("usage", {}).get("output_tokens", 100),
                                          str(rec["request"].get("model", "")))


# ---- request bodies ----
CHAT, ANTH, RESP = "openai.chat.completions", "anthropic.messages", "openai.responses"
MODELS = {CHAT: ("gpt-4.1", "gpt-4.1-mini", "gpt-4o"), ANTH: ("claude-sonnet-4-5", "claude-haiku-4-5"),
          RESP: ("o4-mini", "gpt-4.1", "gpt-5-mini")}


def resp_id(rng: random.Random) -> str:
    return f"resp_{rng.getrandbits(96):024x}"


def build(api: str, model: str, system: str | None, msgs: list[dict[str, Any]], max_tokens: int = 2000,
          prev: str | None = None, **extra: Any) -> dict[str, Any]:
    """One request in the API's own shape: the system text where the API puts it; on the Responses API a chained
    turn (prev) sends only the newest message."""
    if api == ANTH:
        body: dict[str, Any] = {"model": model, "max_tokens": max_tokens, "messages": list(msgs), **extra}
        if system:
            body["system"] = system
        return body
    if api == RESP:
        inp: Any = msgs[-1]["content"] if prev or len(msgs) == 1 else list(msgs)
        if isinstance(inp, list) and inp and inp[0].get("type", "").startswith("input_"):
            inp = [{"role": "user", "content": inp}]  # content parts (text, image) go inside a message item
        body = {"model": model, "input": inp, "max_output_tokens": max_tokens, **extra}
        if system:
            body["instructions"] = system
        if prev:
            body["previous_response_id"] = prev
        return body
    sys_msgs = [{"role": "system", "content": system}] if system else []
    return {"model": model, "messages": sys_msgs + list(msgs), "max_tokens": max_tokens, **extra}
