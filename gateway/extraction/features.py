"""Hot-path feature extraction: one request body -> a compact `FeatureEvent`.

Cost target: <= 100 us for a typical prompt. Only the last user message (and the system prompt,
for reasoning elicitation) is read, capped at `MAX_CHARS`; hashes are crc32 so every process
(gateways, workers, replay) computes the same signatures regardless of PYTHONHASHSEED.
"""

from __future__ import annotations

import ipaddress
import re
import struct
from dataclasses import dataclass, fields
from typing import Any
from zlib import crc32

from gateway.extraction.answers import answer_sketch
from gateway.extraction.answers import quote_grams as _quote_grams
from gateway.extraction.asks import ask_hashes
from gateway.extraction.branches import branch_point
from gateway.extraction.documents import (
    DOC_MIN_GRAMS,
    image_ids,
    infill_passages,
    machine_read,
    passage_hashes,
    scenario_passages,
)
from gateway.extraction.patterns import NARRATED, THINKING, CompiledPatterns

MAX_CHARS = 4000
FRAME_TOKENS = 12     # tokens kept at each end of the prompt: templates live in the instruction frame
OPH_BINS = 12         # one-permutation MinHash bins
BAND_ROWS = 3         # LSH: 4 bands of 3 bins -> P(share a band) = 1-(1-J^3)^4
_MASK32 = 0xFFFFFFFF
_EMPTY_BIN = _MASK32
_BAND = struct.Struct("<4I")
assert OPH_BINS == 12 and BAND_ROWS == 3  # the band keys below are unrolled for this layout
EDGE_TOKENS = 8       # exact keys of the first and last tokens: templates with a slot at one end
_HEAD_SEED, _TAIL_SEED = 0x68656164, 0x7461696C  # crc32 seeds: a head never equals a tail key
SYSTEM_CACHE = 1024       # memoised system prompts per extractor (cleared when full; <= ~4 MB)
TOKEN_HASH_CACHE = 50_000  # memoised per-token crc32s per extractor (cleared when full)
NARRATED_STEP_CHARS = 120  # text beside a tool call beyond a one-sentence preamble: the step narrates its reasoning
PROBLEM_CHARS = 1000      # a problem statement fits in its first 1000 characters (a pasted document would cost more)
PROBLEM_MIN_NUMBERS = 4   # distinct numbers for a prompt's quantities to identify a problem (with fewer, many
                          # different problems share them by chance)
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_NOT_DIGITS = bytes(b for b in range(256) if not 48 <= b <= 57)  # bytes.translate deletes them: C-level digit count

APIS = ("openai.chat.completions", "openai.completions", "openai.responses", "openai.embeddings",
        "anthropic.messages")


@dataclass(slots=True)
class FeatureEvent:
    """What the detector learns from one request. All ints/floats/short strings: cheap to publish."""

    ts: float
    principal: str
    tenant: str | None
    key_id: str | None
    api: str
    bands: tuple[int, ...]       # head/tail keys (long prompts), then LSH band keys of the instruction frame
    content_hash: int            # the exact last user message (repeats of the same prompt)
    prior_hash: int              # the user message this request continues (see _split_messages), 0 if none
    sys_hash: int                # masked system prompt, 0 if none
    prompt_chars: int
    reasoning: int               # bit flags, see patterns.COT...
    category: int                # index into patterns.CATEGORIES
    single_turn: bool
    n: int
    logprobs: int                # 0 none, else max(1, top_logprobs)
    temperature: float           # -1 when unset
    max_tokens: int              # 0 when unset
    has_tools: bool
    user_hash: int               # hash of the `user` / metadata.user_id field, 0 if none
    ip_prefix: int               # hash of /24 (v4) or /48 (v6), 0 if unknown
    ua_hash: int
    output_tokens: int = 0       # filled from usage when known
    excerpt: str = ""            # short prompt excerpt for review, empty when not kept
    stem_hash: int = 0           # logprob requests: the prompt minus its last word (high 32 bits) and minus its
                                 # last sentence (low 32 bits), for prefix probing; 0 otherwise
    chained: bool = False        # Responses request continuing a stored response (previous_response_id)
    toolset: int = 0             # crc32 of the declared tools' sorted names, 0 without tools
    think_tool: bool = False     # a declared tool whose only input is a thought (the model writes its reasoning)
    problem: int = 0             # crc32 of the distinct numbers of the last user message (>= 4 of them), else 0:
                                 # the same problem in other words or another language keeps its quantities
    schema_hash: int = 0         # round 11: crc32 of the sorted top-level property names of the declared output
                                 # schema (response_format / text.format json_schema), 0 without one
    quote_grams: tuple[int, ...] = ()   # round 11: gram hashes of the prompt (answers.py), () for most prompts
    answer_grams: tuple[int, ...] = ()  # round 11: bottom-k sketch of the response text (answers.answer_sketch),
                                        # filled after the exchange when the gateway kept the output; () if not
    asks: tuple[int, ...] = ()   # round 15: hashes of the prompt's sentences (asks.ask_hashes), () without tools-free text
    passages: tuple[int, ...] = ()  # round 22: crc32 of the prompt's passage(s) (documents.passage_hashes) when a
                                    # program reads the answer (documents.machine_read), () for most
    scenario: tuple[int, ...] = ()  # round 24: crc32 of the system prompt's paragraphs (documents.scenario_passages)
                                    # when the request opens a conversation, () for most
    branch: tuple[int, ...] = ()  # round 26: a continued turn's item and heads (branches.branch_point), () for most
    answered: int = 0            # round 27: 0 no answer kept, 1 the answer kept, 2 it declined the request

    def to_row(self) -> list[Any]:
        return [getattr(self, f) for f in _FIELDS]

    @classmethod
    def from_row(cls, row: list[Any]) -> FeatureEvent:
        # Rows from gateways of earlier releases, during a rolling upgrade (trailing fields are defaulted): no
        # `answered` (before round 27), no `branch` (before round 26), no `scenario` (before round 24), no `passages`
        # (before round 22), no `asks` (before round 15), none of the three round-11 fields, no `problem`, none of the
        # three fields before it, no stem_hash; and the release before that had no prior_hash either (a request that
        # continues nothing), which is not a trailing field.
        if len(row) == len(_FIELDS) - _NO_PRIOR_HASH:
            row = [*row[:_PRIOR_AT], 0, *row[_PRIOR_AT:]]
        ev = cls(*row)
        ev.bands = tuple(ev.bands)
        ev.quote_grams = tuple(ev.quote_grams)
        ev.answer_grams = tuple(ev.answer_grams)
        ev.asks = tuple(ev.asks)
        ev.passages = tuple(ev.passages)
        ev.scenario = tuple(ev.scenario)
        ev.branch = tuple(ev.branch)
        return ev


_FIELDS = tuple(f.name for f in fields(FeatureEvent))
_PRIOR_AT = _FIELDS.index("prior_hash")
_NO_PRIOR_HASH = 14  # fields the release without prior_hash lacked: it and the thirteen trailing ones since


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict):
                t = part.get("text") or part.get("input_text")
                if t is None and part.get("type") == "document":
                    # Round 16: an Anthropic document block with a text source is text the caller sent, as the
                    # same document pasted into a text part is (a PDF or an image source carries no text here).
                    src = part.get("source")
                    t = src.get("data") if isinstance(src, dict) and src.get("type") == "text" else None
                if isinstance(t, str):
                    parts.append(t)
        return "\n".join(parts)
    return ""


def _is_tool_result(content: Any) -> bool:
    """An Anthropic user turn that only carries tool results (an agent loop's observation)."""
    return isinstance(content, list) and bool(content) and all(
        isinstance(part, dict) and part.get("type") == "tool_result" for part in content)


def _split_messages(api: str, body: dict[str, Any]) -> tuple[str, str, str, int, int, bool, Any]:
    """(system text, last user text, prior user text, user turns, assistant turns, narrated, last user content).

    The prior user text is what the request continues: in a chat, the user message before the last one
    (the previous request's prompt); in an agent loop (the last user message is followed by assistant or
    tool turns), the last user message itself (the task every step of the loop resends). The detector
    checks whether the account really sent it: a history that was never sent is fabricated context, and
    such a request is a fresh, single-turn exchange however many turns it carries.

    Narrated: the history holds tool calls, and most of them came with visible reasoning text (a plan or
    reflection of NARRATED_STEP_CHARS or more beside the call). A trajectory harvester has the model narrate
    every step, since the narration is what it trains on; a working agent's steps are mostly bare tool calls.
    """
    system, messages = "", None
    if api == "anthropic.messages":
        system = _text_of(body.get("system"))
        messages = body.get("messages")
    elif api == "openai.chat.completions":
        messages = body.get("messages")
    elif api == "openai.responses":
        system = _text_of(body.get("instructions"))
        inp = body.get("input")
        if isinstance(inp, str):
            return system, inp, "", 1, 1 if body.get("previous_response_id") else 0, False, None
        messages = inp
    else:  # completions, embeddings
        prompt = body.get("prompt") if api == "openai.completions" else body.get("input")
        if isinstance(prompt, list):
            prompt = next((p for p in prompt if isinstance(p, str)), "")
        return "", prompt if isinstance(prompt, str) else "", "", 1, 0, False, None
    if not isinstance(messages, list):
        return system, "", "", 0, 0, False, None
    users = assistants = calls = narrated = 0
    last_user = prev_user = ""
    answered = False  # assistant or tool turns after the last user message
    last_content: Any = None
    sys_parts = [system] if system else []
    for m in messages:
        if not isinstance(m, dict):
            continue
        role = m.get("role")
        if role == "user" and not _is_tool_result(m.get("content")):
            users += 1
            last_content = m.get("content")
            prev_user, last_user = last_user, _text_of(last_content)
            answered = False
        elif role in ("system", "developer"):
            sys_parts.append(_text_of(m.get("content")))
        elif role in ("assistant", "tool", "user") or m.get("type") in ("function_call_output", "function_call"):
            assistants += 1
            answered = True
            if role == "assistant":
                content = m.get("content")
                if m.get("tool_calls") or (isinstance(content, list) and any(
                        isinstance(b, dict) and b.get("type") == "tool_use" for b in content)):
                    calls += 1
                    if len(_text_of(content)) >= NARRATED_STEP_CHARS:
                        narrated += 1
    return ("\n".join(sys_parts), last_user, last_user if answered else prev_user, users, assistants,
            calls > 0 and 2 * narrated >= calls, last_content)


def _problem(text: str) -> int:
    """crc32 of the distinct (ASCII) numbers of a prompt (decimal commas read as points), when it has at least
    PROBLEM_MIN_NUMBERS of them; else 0. A problem re-worded, re-skinned with another story or translated
    keeps its quantities, which no template key sees: many accounts asking problems with the same
    quantities are asking the same problems."""
    nums = _NUMBER.findall(text, 0, PROBLEM_CHARS)
    if len(nums) < PROBLEM_MIN_NUMBERS:
        return 0
    distinct = sorted({n.replace(",", ".") for n in nums})
    if len(distinct) < PROBLEM_MIN_NUMBERS:
        return 0
    return crc32(" ".join(distinct).encode())


def _stem_hash(text: str) -> int:
    """Hashes of the prompt minus its last word (high 32 bits) and minus its last sentence (low 32 bits).

    A next-token probe walks a solution prefix by prefix: each prompt is an earlier one plus a token or a
    sentence, so one of its stems is a prompt the account sent before.
    """
    t = text.rstrip()
    word = t.rsplit(None, 1)[0] if " " in t or "\n" in t else ""
    cut = max(t.rfind(". "), t.rfind("? "), t.rfind("! "), t.rfind("\n"))
    sentence = t[:cut + 1].rstrip() if cut > 0 else ""
    return ((crc32(word.encode(errors="surrogatepass")) if word else 0) << 32) | (
        crc32(sentence.encode(errors="surrogatepass")) if sentence else 0)


_REASONING_FIELDS = frozenset(("reasoning", "rationale", "steps", "working", "derivation", "thoughts", "thinking",
                               "scratchpad", "chain_of_thought", "explanation", "justification", "analysis"))


_THOUGHT_PARAMS = frozenset(("thought", "thoughts", "thinking", "reasoning", "reflection", "scratchpad"))


def _toolset(tools: Any) -> tuple[int, bool]:
    """(crc32 of the declared tools' sorted names, whether one of them is a thought tool).

    A product agent declares the same tools with every request; a trajectory harvester sweeps a catalogue
    of domains, one tool set per episode. A thought tool (a "think" tool whose only input is a thought)
    has the model write its reasoning into the call, which the client receives like a reasoning summary.
    """
    if not isinstance(tools, list) or not tools:
        return 0, False
    names, think = [], False
    for t in tools:
        if not isinstance(t, dict):
            continue
        fn = t.get("function") if isinstance(t.get("function"), dict) else t
        name = fn.get("name")
        if isinstance(name, str):
            names.append(name)
        schema = fn.get("parameters") or fn.get("input_schema")
        props = schema.get("properties") if isinstance(schema, dict) else None
        if isinstance(props, dict) and len(props) == 1 and next(iter(props)) in _THOUGHT_PARAMS:
            think = True
    names.sort()
    return crc32("\n".join(names).encode()), think


def _thinking_requested(body: dict[str, Any]) -> int:
    """THINKING when the request asks for the model's reasoning itself: Anthropic extended thinking
    (`thinking: {"type": "enabled" | "adaptive"}`), an OpenAI Responses reasoning summary
    (`reasoning: {"summary": ...}`; effort alone returns no reasoning text), or a structured output whose
    JSON schema has a top-level reasoning field (`steps`, `reasoning`, `rationale`, ...)."""
    th = body.get("thinking")
    if isinstance(th, dict) and th.get("type") in ("enabled", "adaptive"):
        return THINKING
    rs = body.get("reasoning")
    if isinstance(rs, dict) and rs.get("summary") not in (None, "none"):
        return THINKING
    fmt = body.get("response_format")
    if fmt is None and isinstance(body.get("text"), dict):
        fmt = body["text"].get("format")  # Responses API
    if isinstance(fmt, dict):
        schema = fmt.get("json_schema", fmt)
        schema = schema.get("schema", schema) if isinstance(schema, dict) else None
        props = schema.get("properties") if isinstance(schema, dict) else None
        if isinstance(props, dict) and not _REASONING_FIELDS.isdisjoint(props):
            return THINKING
    return 0


def _schema_hash(body: dict[str, Any]) -> int:
    """crc32 of the sorted top-level property names of a declared JSON output schema, 0 without one. An
    application's output contract is code: the same few schemas with every request. A generator of
    structured-output training data draws the fields per example."""
    fmt = body.get("response_format")
    if fmt is None and isinstance(body.get("text"), dict):
        fmt = body["text"].get("format")  # Responses API
    if not isinstance(fmt, dict):
        return 0
    schema = fmt.get("json_schema", fmt)
    schema = schema.get("schema", schema) if isinstance(schema, dict) else None
    props = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(props, dict) or not props:
        return 0
    return crc32("\n".join(sorted(str(k) for k in props)).encode(errors="surrogatepass"))


def _ip_prefix(ip: str | None) -> int:
    if not ip:
        return 0
    if ip.count(".") == 3 and ":" not in ip:  # IPv4 fast path: the /24
        return crc32(ip.rpartition(".")[0].encode())
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return crc32(ip.encode())
    plen = 24 if addr.version == 4 else 48
    net = ipaddress.ip_network(f"{addr}/{plen}", strict=False)
    return crc32(str(net).encode())


class FeatureExtractor:
    """Holds the compiled patterns; `extract` is the hot-path call."""

    __slots__ = ("_p", "_keep_excerpt", "_token_hash", "_system")

    def __init__(self, keep_excerpt: bool = True) -> None:
        self._p = CompiledPatterns.build()
        self._keep_excerpt = keep_excerpt
        self._token_hash: dict[str, tuple[int, bytes]] = {}
        self._system: dict[str, tuple[int, int, tuple[int, ...]]] = {}  # system prompt -> (flags, hash, passages)

    def describe(self, api: str, body: dict[str, Any], principal: str, ts: float, *, tenant: str | None = None,
                 key_id: str | None = None, client_ip: str | None = None, user_agent: str | None = None,
                 output_tokens: int = 0, answer: str = "") -> FeatureEvent:
        """One finished exchange as the detector sees it, live (the stage) and replayed alike: the request's
        features, the output tokens, and a sketch of the answer when it was kept."""
        ev = self.extract(api, body, principal, ts, tenant, key_id, client_ip, user_agent)
        ev.output_tokens = output_tokens
        if answer:
            ev.answer_grams = answer_sketch(answer)
            ev.answered = 2 if self._p.refused(answer) else 1
        return ev

    def extract(
        self,
        api: str,
        body: dict[str, Any],
        principal: str,
        ts: float,
        tenant: str | None = None,
        key_id: str | None = None,
        client_ip: str | None = None,
        user_agent: str | None = None,
    ) -> FeatureEvent:
        p = self._p
        system, user, prior, users, assistants, narrated, content = _split_messages(api, body)
        user = user[:MAX_CHARS]
        lowered = user.lower()
        tokens = p.tokens(lowered)
        bands = _signatures(tokens, self._token_hash)
        tools = body.get("tools") or body.get("functions")
        has_tools = bool(tools)
        toolset, think_tool = _toolset(tools) if has_tools else (0, False)
        reasoning = p.reasoning_flags(lowered, tokens) | _thinking_requested(body) | (NARRATED if narrated else 0)
        sys_hash = 0
        scenario: tuple[int, ...] = ()
        if system:
            # Apps send the same system prompt with every request: its flags and hash are memoised.
            cached = self._system.get(system)
            if cached is None:
                sys_low = system[:MAX_CHARS].lower()
                sys_tokens = p.tokens(sys_low)
                cached = (p.reasoning_flags(sys_low, sys_tokens), crc32(" ".join(sys_tokens[:64]).encode()),
                          scenario_passages(system))
                if len(self._system) >= SYSTEM_CACHE:
                    self._system.clear()
                self._system[system] = cached
            reasoning |= cached[0]
            sys_hash = cached[1]
            scenario = cached[2]
        category = 9 if api == "openai.embeddings" else p.category(tokens, lowered, has_tools)
        lp = body.get("logprobs")
        top = body.get("top_logprobs") or 0
        logprobs = 0
        if lp:  # bool for chat, int for completions
            logprobs = max(1, int(top) if isinstance(top, int) else 1, lp if isinstance(lp, int) and lp is not True else 1)
        temp = body.get("temperature")
        max_tokens = body.get("max_tokens") or body.get("max_completion_tokens") or body.get("max_output_tokens") or 0
        user_field = body.get("user")
        if user_field is None and isinstance(body.get("metadata"), dict):
            user_field = body["metadata"].get("user_id")
        n = body.get("n") or 1
        raw = user.encode(errors="surrogatepass")
        ev = FeatureEvent(
            ts=float(ts),
            principal=principal,
            tenant=tenant,
            key_id=key_id,
            api=api,
            bands=bands,
            content_hash=crc32(raw),
            prior_hash=crc32(prior[:MAX_CHARS].encode(errors="surrogatepass")) if prior else 0,
            sys_hash=sys_hash,
            prompt_chars=len(user) + len(system),
            reasoning=reasoning,
            category=category,
            single_turn=users <= 1 and assistants == 0,
            n=int(n) if isinstance(n, int) else 1,
            logprobs=logprobs,
            temperature=float(temp) if isinstance(temp, (int, float)) else -1.0,
            max_tokens=int(max_tokens) if isinstance(max_tokens, int) else 0,
            has_tools=has_tools,
            user_hash=crc32(str(user_field).encode()) if user_field is not None else 0,
            ip_prefix=_ip_prefix(client_ip),
            ua_hash=crc32(user_agent.encode()) if user_agent else 0,
            excerpt=user[:160] if self._keep_excerpt else "",
            stem_hash=_stem_hash(user) if logprobs else 0,
            # The upstream resolves previous_response_id only to the caller's own stored response: such a
            # chain cannot be fabricated, so the request continues a conversation the account holds.
            chained=api == "openai.responses" and bool(body.get("previous_response_id")),
            toolset=toolset,
            think_tool=think_tool,
            # The regex only for prompts with enough digits (a C-level count): most prompts have none.
            problem=_problem(user) if len(raw.translate(None, _NOT_DIGITS)) >= PROBLEM_MIN_NUMBERS else 0,
            schema_hash=_schema_hash(body) if ("response_format" in body or "text" in body) else 0,
            quote_grams=_quote_grams(user),
            asks=() if has_tools else ask_hashes(lowered),
        )
        # Round 22: passages only where the detector counts them (a program reads the answer), and not again for
        # a prompt that is a document by its grams.
        # Round 23: an infill's file is read by an editor, so its passage always counts; images are documents.
        suffix = body.get("suffix") if api == "openai.completions" else None
        if isinstance(suffix, str) and suffix:
            ev.passages = infill_passages(user, suffix[:MAX_CHARS])
        elif machine_read(ev) and len(ev.quote_grams) < DOC_MIN_GRAMS:
            ev.passages = passage_hashes(body.get("input") if api == "openai.embeddings" else user)
        if isinstance(content, list):
            ev.passages += image_ids(content)
        if scenario and not assistants and not ev.chained and not ev.passages and len(ev.quote_grams) < DOC_MIN_GRAMS:
            # Round 24: a conversation opening on a system prompt whose paragraphs are its scenario (a task card, a
            # world to run), whatever reads the answer (documents.py, *Scenarios*). A request that brings the text it
            # works on (a document, a passage) is about that text: its system prompt is the program's instruction.
            ev.scenario = scenario
        if assistants and not has_tools:  # round 26: a continuation's item and heads (branches.py)
            ev.branch = branch_point(body.get("input") if api == "openai.responses" else body.get("messages"), _text_of)
        return ev


def _signatures(tokens: list[str], token_crc: dict[str, tuple[int, bytes]]) -> tuple[int, ...]:
    """LSH band keys of the instruction frame (first and last FRAME_TOKENS tokens).

    One-permutation MinHash: each bigram shingle is hashed once and kept as the minimum of its bin,
    which estimates Jaccard like k independent MinHashes at 1/k of the cost. A bigram's hash is
    crc32("a b"), computed as crc32(b, crc32("a ")) from memoised per-token values (`token_crc`:
    token -> (crc32 of "token ", token bytes)), so no string is formatted per bigram.
    """
    if len(tokens) > 2 * FRAME_TOKENS:
        frame = tokens[:FRAME_TOKENS] + ["|"] + tokens[-FRAME_TOKENS:]
    else:
        frame = tokens
    if not frame:
        return ()
    if len(frame) == 1:
        frame = frame + ["|"]
    if len(token_crc) >= TOKEN_HASH_CACHE:
        token_crc.clear()
    mins = [_EMPTY_BIN] * OPH_BINS
    get = token_crc.get
    prev = None
    for t in frame:
        entry = get(t)
        if entry is None:
            raw = t.encode()
            entry = token_crc[t] = (crc32(raw + b" "), raw)
        if prev is not None:
            h = crc32(entry[1], prev)
            b = h % OPH_BINS
            v = h // OPH_BINS
            if v < mins[b]:
                mins[b] = v
        prev = entry[0]
    # Band key: crc32 of (band index, its BAND_ROWS minima) packed as little-endian uint32s.
    bands = (crc32(_BAND.pack(0, mins[0], mins[1], mins[2])), crc32(_BAND.pack(1, mins[3], mins[4], mins[5])),
             crc32(_BAND.pack(2, mins[6], mins[7], mins[8])), crc32(_BAND.pack(3, mins[9], mins[10], mins[11])))
    if len(tokens) > 2 * EDGE_TOKENS:
        # Edge keys first: a template whose slot sits at one end ("Solve: {problem}\n<instructions>")
        # has a fixed head or tail, while its MinHash frame also holds slot words and splits it per slot.
        bands = (crc32(" ".join(tokens[:EDGE_TOKENS]).encode(), _HEAD_SEED),
                 crc32(" ".join(tokens[-EDGE_TOKENS:]).encode(), _TAIL_SEED)) + bands
    return bands
