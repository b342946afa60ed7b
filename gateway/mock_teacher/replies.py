"""The reply engine: from a `ReplyRequest` to deterministic text, JSON or tool calls, with token counts."""

import math
import struct
from dataclasses import dataclass

import orjson

from gateway.mock_teacher.prose import ProseGenerator, count_tokens, prompt_topics, reply_key, rng_for
from gateway.mock_teacher.requests_in import BadRequest, ReplyRequest
from gateway.mock_teacher.settings import MockSettings
from gateway.mock_teacher.structured import SchemaInstances

_PER_MESSAGE_TOKENS = 3  # like OpenAI's chat overhead: role and separators per message
_PRIMING_TOKENS = 3


@dataclass(frozen=True, slots=True)
class ToolCall:
    call_id: str  # hex digest; dialects add their prefix (call_, toolu_, fc_)
    name: str
    arguments: str  # JSON text


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    tokens: int  # completion tokens this choice produced
    truncated: bool  # stopped by the token limit
    tool_calls: tuple[ToolCall, ...] = ()
    stop_sequence: str | None = None  # the request's stop sequence that ended the text (not part of it)

    @property
    def finish_reason(self) -> str:
        """OpenAI's vocabulary; dialects translate it."""
        return "tool_calls" if self.tool_calls else "length" if self.truncated else "stop"


class ReplyEngine:
    def __init__(self, settings: MockSettings) -> None:
        self._settings = settings
        self._prose = ProseGenerator(settings.reply_cache_size)
        self._schemas = SchemaInstances(self._prose)
        self._declines = tuple(p.lower() for p in settings.decline_phrases)

    def prompt_tokens(self, request: ReplyRequest) -> int:
        return count_tokens(request.prompt) + _PER_MESSAGE_TOKENS * request.messages + _PRIMING_TOKENS

    def replies(self, request: ReplyRequest) -> list[Reply]:
        return [self.reply(request, index) for index in range(request.n)]

    def reply(self, request: ReplyRequest, index: int = 0) -> Reply:
        cap = self._settings.max_output_tokens
        if request.max_tokens is not None and request.max_tokens > cap:
            raise BadRequest(f"max_tokens is too large: {request.max_tokens}. This model supports at most {cap} "
                             f"completion tokens, whereas you provided {request.max_tokens}.")
        limit = request.max_tokens or self._settings.default_max_tokens
        key = reply_key(request.prompt, request.model, self._settings.seed, index)
        topics = prompt_topics(request.prompt)
        tool = self._chosen_tool(request, key)
        if tool is not None:
            arguments = orjson.dumps(self._schemas.instance(tool.schema, rng_for(key), topics)).decode()
            call = ToolCall(key.hex()[:24], tool.name, arguments)
            return Reply("", count_tokens(tool.name) + count_tokens(arguments), False, (call,))
        if self._declines and self._declined(request.prompt):
            text = f"I can't help with that request. {self._prose.sentence(rng_for(key)).strip()}"
            return _stopped(Reply(text, count_tokens(text), False), request.stop)
        if request.json_mode:
            # valid JSON matters more than the limit: structured replies are never cut
            rng = rng_for(key)
            value = (self._schemas.instance(request.json_schema, rng, topics) if request.json_schema
                     else self._schemas.json_object(rng, topics))
            text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
            return Reply(text, count_tokens(text), False)
        prose = self._prose.reply(key, limit, topics)
        return _stopped(Reply(prose.text, prose.tokens, prose.truncated), request.stop)

    def _declined(self, prompt: str) -> bool:
        lowered = prompt.lower()
        return any(p in lowered for p in self._declines)

    def filler(self, request: ReplyRequest, index: int) -> str:
        """Endless extra text for `never_end` streams: one sentence per call."""
        rng = rng_for(reply_key(request.prompt, request.model, self._settings.seed, "filler", index))
        return " " + self._prose.sentence(rng)

    def _chosen_tool(self, request: ReplyRequest, key: bytes):
        if not request.tools or request.tool_choice == "none" or request.after_tool_result:
            return None
        for tool in request.tools:
            if tool.name == request.tool_choice:
                return tool
        return request.tools[key[8] % len(request.tools)]

    def embedding(self, text: str, model: str, dimensions: int) -> list[float]:
        """A unit vector drawn from a hash of (text, model, seed): equal inputs, equal vectors."""
        rng = rng_for(reply_key("embedding", text, model, self._settings.seed))
        vector = [rng.gauss(0.0, 1.0) for _ in range(dimensions)]
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]


def _stopped(reply: Reply, stops: tuple[str, ...]) -> Reply:
    """The reply cut before the first of the stop sequences it contains (prose only: structured replies and tool
    calls are never cut); a cut reply ended on its stop sequence, not on the token limit."""
    found = [(i, s) for s in stops if (i := reply.text.find(s)) >= 0]
    if not found:
        return reply
    at, seq = min(found)
    text = reply.text[:at]
    return Reply(text, count_tokens(text), False, stop_sequence=seq)


def pack_float32(vector: list[float]) -> bytes:
    """The bytes behind OpenAI's `encoding_format: base64` (little-endian float32)."""
    return struct.pack(f"<{len(vector)}f", *vector)
