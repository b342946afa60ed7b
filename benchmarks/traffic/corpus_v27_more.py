"""Text pools and request shapes for the `v27` variant, continued (see corpus_v27.py; written blind the same way):
the request shapes of the teacher's newer surfaces (`request`: Responses `reasoning` and `store`/`include`, Anthropic
`thinking` and `cache_control` on system blocks, chat, and legacy completions with a `suffix`), how many hidden
tokens reasoning spends (`hidden`) and the summary it shows (`thought`); image content parts (`image_part`); a
research agent's tools (web search, page fetch, a Python sandbox, notes) for the agentic campaign and the benign
research agent; the asks of reasoning, infill and captioning work; and the response texts of the v27 styles, sized
from usage.output_tokens like v11-v26. Nothing here imports corpus_v27 (it imports this module)."""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v26 as C26
from benchmarks.traffic import corpus_v27_docs as D
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, REASONING_MODELS, RESP, build

COMP = "openai.completions"
FIM_MODELS = ("gpt-3.5-turbo-instruct", "davinci-002")
THINKING_MODELS = ("claude-sonnet-4-5", "claude-haiku-4-5")
EFFORTS = ("low", "medium", "high")
_HIDDEN = {"minimal": (40, 200), "low": (150, 900), "medium": (600, 3500), "high": (2500, 14000)}


# ---- request shapes ----
def surface(api: str, model: str, *, effort: str | None = None, summary: str | None = None, budget: int | None = None,
            cache: bool = False, store: bool | None = None, chain: bool = True) -> dict[str, Any]:
    """How a client uses its API: reasoning effort and summary (Responses, reasoning models only), a thinking budget
    (Anthropic), a cached system prompt (Anthropic), store=false with encrypted reasoning handed back (Responses), and
    whether later turns chain on previous_response_id (Responses, when stored)."""
    return {"effort": effort if api == RESP and model in REASONING_MODELS else None,
            "summary": summary if api == RESP and model in REASONING_MODELS else None,
            "budget": budget if api == ANTH and model in THINKING_MODELS else None,
            "cache": cache and api == ANTH, "store": store if api == RESP else None,
            "chain": chain and api == RESP and store is not False}


def request(api: str, model: str, system: str | None, msgs: list[dict], max_tokens: int | None, s: dict[str, Any],
            prev: str | None = None, **extra: Any) -> dict[str, Any]:
    """One request in the API's own shape with the surface's parameters; max_tokens None: the API's default (not on
    Anthropic, which needs one)."""
    params = dict(extra)
    if api == ANTH:
        if s.get("budget"):
            params["thinking"] = {"type": "enabled", "budget_tokens": s["budget"]}
            params.pop("temperature", None)
            max_tokens = max(max_tokens or 0, s["budget"] + 4096)
        body = build(ANTH, model, None, msgs, max_tokens or 4096, **params)
        if system:
            body["system"] = [{"type": "text", "text": system, "cache_control": {"type": "ephemeral"}}] \
                if s.get("cache") else system
        return body
    if api == RESP:
        params.pop("temperature", None)
        if s.get("effort"):
            params["reasoning"] = {"effort": s["effort"], **({"summary": s["summary"]} if s.get("summary") else {})}
        if s.get("store") is False:
            params.update(store=False, include=["reasoning.encrypted_content"])
        body = build(RESP, model, system, msgs, max_tokens or 1, prev, **params)
        if max_tokens is None:
            body.pop("max_output_tokens")
        return body
    body = build(CHAT, model, system, msgs, max_tokens or 1, **params)
    if max_tokens is None:
        body.pop("max_tokens")
    return body


def hidden(rng: random.Random, s: dict[str, Any]) -> int:
    """Output tokens spent on reasoning the client does not see (as thinking: Anthropic shows a summary of it)."""
    if s.get("budget"):
        return rng.randint(s["budget"] // 5, s["budget"])
    if s.get("effort"):
        return rng.randint(*_HIDDEN[s["effort"]])
    return 0


def summary_tokens(rng: random.Random, s: dict[str, Any], h: int) -> int:
    """How many tokens of a visible summary `h` hidden reasoning tokens come back as: Anthropic's summarised thinking
    (most of a small budget, at most about 1,500 tokens), or the Responses summary the client asked for."""
    if s.get("budget"):
        return min(int(h * rng.uniform(0.6, 1.0)), rng.randint(900, 1500))
    share = {"detailed": (0.15, 0.3), "auto": (0.05, 0.15), "concise": (0.02, 0.06)}.get(s.get("summary") or "")
    return min(int(h * rng.uniform(*share)), 1500) if share else 0


def image_part(api: str, url: str | None = None, stub: tuple[str, str] | None = None,
               detail: str | None = None) -> dict[str, Any]:
    """An image content part in the API's own shape: a URL, or an inline base64 stub (media type, data)."""
    if api == ANTH:
        src = {"type": "url", "url": url} if url else {"type": "base64", "media_type": stub[0], "data": stub[1]}
        return {"type": "image", "source": src}
    ref = url or f"data:{stub[0]};base64,{stub[1]}"
    if api == RESP:
        return {"type": "input_image", "image_url": ref, **({"detail": detail} if detail else {})}
    return {"type": "image_url", "image_url": {"url": ref, **({"detail": detail} if detail else {})}}


def with_image(api: str, text: str, part: dict[str, Any], image_first: bool = False) -> dict[str, Any]:
    """A user message with an image part and a text part."""
    txt = {"type": "input_text" if api == RESP else "text", "text": text}
    return {"role": "user", "content": [part, txt] if image_first else [txt, part]}


def fim_body(model: str, pre: str, suf: str, max_tokens: int, temperature: float, *, n: int = 1,
             logprobs: int | None = None, stop: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    """A legacy completions request with a suffix (fill-in-the-middle)."""
    body: dict[str, Any] = {"model": model, "prompt": pre, "suffix": suf, "max_tokens": max_tokens,
                            "temperature": temperature}
    if n > 1:
        body["n"] = n
    if logprobs:
        body["logprobs"] = logprobs
    if stop:
        body["stop"] = stop
    return {**body, **extra}


# ---- a research agent (agentic_distill; the benign research agent) ----
RESEARCH_SYS = ("You are a research assistant. Plan, search the web, read the most relevant sources, run code to check "
                "numbers, keep notes, and finish with a cited summary.")
_RP = {"query": ("string", "search query"), "url": ("string", "page to read"), "code": ("string", "Python to run"),
       "title": ("string", "note title"), "body": ("string", "note text"), "k": ("integer", "how many results")}
RESEARCH_TOOLS = [{"name": n, "description": d, "params": {p: _RP[p] for p in ps}, "required": list(ps[:1])}
                  for n, d, ps in (("web_search", "Search the web", ("query", "k")),
                                   ("open_url", "Fetch a page and return its readable text", ("url",)),
                                   ("run_python", "Run Python in a sandbox and return stdout", ("code",)),
                                   ("save_note", "Save a research note", ("title", "body")))]
RESEARCH_TASKS = ("Compare the {a} and {b} approaches to {topic}: evidence, costs, open questions.",
                  "What is the current consensus on {topic}? Summarise the strongest sources for and against.",
                  "Estimate {metric} for {topic} from public data and show the calculation.",
                  "Write a literature brief on {topic} for a reader new to it, with citations.")
_TOPICS = ("heat pumps in cold climates", "sodium-ion batteries", "four-day work weeks", "urban tree canopy and heat",
           "microplastics in drinking water", "remote proctoring", "congestion pricing", "seaweed farming")
_AB = (("top-down", "bottom-up"), ("subsidy", "regulation"), ("centralised", "distributed"), ("lab", "field"))
_METRICS = ("the payback period", "the cost per tonne of CO2 avoided", "the adoption rate in 2030", "the error bars")


def research_task(rng: random.Random, tasks: tuple[str, ...] = RESEARCH_TASKS) -> str:
    a, b = rng.choice(_AB)
    return rng.choice(tasks).format(a=a, b=b, topic=rng.choice(_TOPICS), metric=rng.choice(_METRICS))


def research_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of a research episode; stub results when not `realistic`."""
    name = "web_search" if k == 0 else rng.choice([t["name"] for t in RESEARCH_TOOLS])
    if not realistic:
        return name, {"query": "x"}, "ok"
    if name == "web_search":
        return name, {"query": rng.choice(_TOPICS), "k": 5}, "\n".join(
            f"[{j + 1}] https://{rng.choice(('arxiv.org/abs', 'www.nature.com/articles', 'ourworldindata.org', 'www.iea.org/reports'))}"
            f"/{rng.getrandbits(32):08x} - {rng.choice(_TOPICS).capitalize()}" for j in range(rng.randint(3, 5)))
    if name == "open_url":
        return name, {"url": f"https://example.org/{rng.getrandbits(32):08x}"}, (
            f"{rng.choice(_TOPICS).capitalize()}: a review of {rng.randint(12, 140)} studies finds effects of "
            f"{rng.randint(3, 40)}% with wide uncertainty; the authors note {rng.choice(('small samples', 'selection bias', 'short follow-up'))}.")
    if name == "run_python":
        return name, {"code": "print(round(a / b, 2))"}, f"{rng.uniform(0.1, 90):.2f}"
    return name, {"title": "draft", "body": "(notes)"}, "saved"


# ---- the asks ----
REASON_SYS = ("Reason exhaustively before answering. Show every step of your thinking, every alternative you "
              "considered and why you rejected it, then the final answer.")
FULL_ASKS = ("Walk me through your whole line of thought, including the dead ends.", "Please show all of your "
             "reasoning, not just the answer.", "I'd like to see how you would think about this from scratch, every "
             "step.", "Take your time and think it all the way through; I want the full working.")
STEP_ASKS = ("Expand step {k}: why does it hold?", "go back over step {k} in more detail?", "What would go wrong if we "
             "skipped step {k}?", "can you justify step {k} more carefully")
CARD_ASKS = ("Can you show me the full proof, every step justified? I'm preparing for the olympiad.", "I got stuck; "
             "please work through it completely so I can see where I went wrong.", "My coach says to always check "
             "the full solution - can you write it out?")
FIM_CHAT = ("Fill in the code at <FILL>. Reply with the missing code only.\n\n```{lang}\n{pre}<FILL>{suf}\n```",
            "```{lang}\n{pre}<CURSOR>{suf}\n```\nWhat goes at the cursor? Code only, no explanation.")
REVIEW_SYS = ("You are {co}'s code-review bot. House style guide:\n{guide}\nComment only on real problems: "
              "correctness, security, performance, then style. Quote the line you comment on.")
GUIDE = "\n".join(f"- {r}" for r in (
    "Functions do one thing; keep them under 40 lines.", "Name booleans as questions (is_ready, hasItems).",
    "No bare except / catch-all without logging.", "Every retry loop has a bounded number of attempts and a backoff.",
    "Prefer early returns over nested conditionals.", "Money is never a float; use integer cents or Decimal.",
    "Public functions have a docstring or doc comment.", "Tests name the behaviour, not the method.",
    "No network calls in constructors.", "Timeouts on every outbound request.", "Log with structured fields.",
    "Avoid quadratic loops over user-supplied input.", "Feature flags are removed within two releases."))

# ---- response texts ----
_OLYMP = ("Let n be a positive integer; we argue by induction on n.", "Base case: n = 1 gives {v}, which works.",
          "Inductive step: assume the claim for n and multiply both sides by {k}.", "Factor: (x - y)(x + y) = {v}, "
          "so both factors have the same parity.", "Count the factor pairs of matching parity: there are {k} of them.",
          "By the median formula, 4m^2 = 2b^2 + 2c^2 - a^2 = {v}.", "Put the chosen numbers in the gaps between the "
          "others: C(n - k + 1, k) = {v}.", "Check a small case by hand: it gives {v}, as claimed.", "Modulo {k}, the "
          "left side is 0 but the right side is {j}, a contradiction.", "Hence the statement holds for every n.")
_DEBUG = ("The loop bound is off by one, so the last element is skipped.", "Use `>` rather than `>=`: items exactly at "
          "the limit should not count.", "`lo = mid` never moves past mid when hi = lo + 1, so the loop never ends.",
          "The backoff multiplies by 1, so every retry waits the same {k}00 ms.", "Add a test with exactly {k} "
          "elements; it fails before the fix and passes after.", "Root cause: the window count is n - k + 1, not n "
          "- k.", "```\nlo = mid + 1\n```", "Performance is fine: O(n) time, O(1) extra space.")
_POLICY = ("Clause {k} governs this: the item is within the {d}-day window.", "The customer is entitled to a refund "
           "to the original payment method.", "Shipping is refunded only because the item arrived damaged.",
           "Store credit may be offered, but only if the customer agrees.", "This needs a supervisor: the refund is "
           "above the agent's limit.", "Personalised items are excluded, so a refund is not owed; offer an exchange "
           "if stock allows.", "Ask for a photo of the damage within 7 days and send a prepaid label.")
_PHOTO = ("The photo shows a figure in the foreground against a softly blurred background.", "The light is low and "
          "warm, which suggests late afternoon.", "There is no legible text in the frame.", "For a screen-reader "
          "user, lead with the subject and leave out the colours unless they matter.", "Nothing here would be "
          "unsuitable; the scene is ordinary and nobody is identifiable.", "The composition follows the rule of "
          "thirds, with the subject on the left line.")
_THINK = ("**Reading the problem**\nI need to pin down what is given and what is asked.", "**Trying small cases**\n"
          "Checking {k} by hand gives {v}, so the pattern seems to hold.", "**Looking for an invariant**\nParity "
          "looks promising; let me see whether it survives each step.", "**Checking the policy**\nClause {k} seems "
          "to govern this case, but clause {j} might override it.", "**Tracing the loop**\nOn the last iteration i "
          "is len - {k}; does the body still run?", "**Weighing two approaches**\nInduction looks cleaner than a "
          "direct count here.", "**Verifying**\nSubstituting back gives {v}, consistent with the claim.",
          "**Looking at the image**\nThe subject is in the foreground; the background is out of focus.")
_REASON = ("Restate the question: what exactly must be shown or found?", "List the given facts and the unknowns.",
           "First idea: try the direct approach and see where it fails.", "It fails at step {k} because a case is "
           "missing; note that.", "Second idea: change the viewpoint and use an invariant.", "Check the edge case "
           "{v} separately.", "Combine the two partial results.", "Verify the final answer against a small example.",
           "Alternative rejected: it would need an assumption we do not have.", "Final answer: {v}.")
_AGENT = ("Summary: {k} of the sources agree on the direction of the effect; the size is uncertain.", "The strongest "
          "evidence is the {k}-site field study [2].", "My calculation gives {v}, in line with [1].", "Open question: "
          "whether the results transfer to colder regions.", "Notes saved.")
_REVIEW = ("`{k}:` this retry loop has no timeout on the request (guide: timeouts on every outbound request).",
           "Nit: name the boolean as a question.", "The window count is off by one: use `len - k + 1`.", "Money as "
           "float here - use integer cents.", "LGTM once the test for the empty input is in.", "This catches every "
           "exception without logging it.")
_SUPPORT = ("Hi, thanks for getting in touch, and I'm sorry about the trouble with your order.", "I've checked "
            "order {o}: it is within our 30-day return window.", "I've sent a prepaid return label to your email.",
            "Your refund will go back to your original payment method within 5-10 business days.", "As a goodwill "
            "gesture I've added a 10% voucher to your account.", "Could you send a photo of the damage so I can "
            "process this today?", "Best wishes, Sam")
POOLS = {"olympiad": (_OLYMP, "\n", True), "debug": (_DEBUG, "\n", False), "policy": (_POLICY, "\n", False),
         "photo": (_PHOTO, " ", False), "think": (_THINK, "\n\n", False), "reason": (_REASON, "\n", True),
         "research": (_AGENT, " ", False), "review27": (_REVIEW, "\n- ", False), "support27": (_SUPPORT, " ", False)}


def _fill(rng: random.Random, s: str) -> str:
    if "{" not in s:
        return s
    slots = {"k": lambda: rng.randint(2, 9), "j": lambda: rng.randint(1, 9), "d": lambda: rng.choice((14, 30)),
             "v": lambda: rng.randint(2, 400) if rng.random() < 0.5 else round(rng.uniform(0.5, 90), 2),
             "o": lambda: f"#{rng.randint(100000, 999999)}"}
    return s.format(**{k: f() for k, f in slots.items() if "{" + k + "}" in s})


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` over the v27 pools (corpus_v14.answer): a caption
    ("caption:<style>", of a fresh scene), an infill ("infill", a middle of a fresh file), or a pool's sentences;
    styles of earlier variants fall through to corpus_v26.answer."""
    kind, _, arg = style.partition(":")
    if kind == "caption":
        return D.caption(D.scene(rng), arg if arg in D.CAPTION_STYLES else "alt")
    if kind == "infill":
        return rng.choice(D.holes(D.code_file(rng)[0]))[2]
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=C26.answer,
                    bracketed="-")


def thought(rng: random.Random, tokens: int) -> str:
    """A visible summary of hidden reasoning, about `tokens` long."""
    return answer(rng, "think", max(1, tokens), "") if tokens > 0 else ""
