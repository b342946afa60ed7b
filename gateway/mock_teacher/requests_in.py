"""Read OpenAI and Anthropic request bodies into one `ReplyRequest` the reply engine understands."""

from dataclasses import dataclass, field
from typing import Any


class BadRequest(ValueError):
    """The body is not a request this route accepts (rendered as a 400 in the route's dialect)."""


@dataclass(frozen=True)
class ToolSpec:
    name: str
    schema: dict[str, Any]


@dataclass(frozen=True)
class ReplyRequest:
    prompt: str  # all the input text, in order
    messages: int  # input messages, for the per-message token overhead
    model: str
    max_tokens: int | None
    n: int = 1
    json_mode: bool = False
    json_schema: dict[str, Any] | None = None
    tools: tuple[ToolSpec, ...] = ()
    tool_choice: str = "auto"  # "auto" | "none" | "required" | a tool name
    after_tool_result: bool = False  # the last input is a tool result: answer in prose
    stream: bool = False
    include_usage: bool = False
    logprobs: int | None = None  # token data requested: how many alternatives per token (0: none)
    best_of: int = 0  # legacy completions: candidates generated (and charged) server-side, the best `n` returned
    stop: tuple[str, ...] = ()  # stop sequences: prose ends before the first one (not included), as the APIs do
    extra: dict[str, Any] = field(default_factory=dict)


def _text_of(content: Any) -> str:
    """Text of a message content: a string or a list of parts/blocks of the various shapes."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts: list[str] = []
        for part in content:
            if isinstance(part, str):
                texts.append(part)
            elif isinstance(part, dict):
                if isinstance(part.get("text"), str):
                    texts.append(part["text"])
                elif part.get("type") in ("tool_result", "function_call_output"):
                    texts.append(_text_of(part.get("content", part.get("output"))))
                elif part.get("type") == "tool_use":
                    texts.append(str(part.get("input", "")))
        return "\n".join(t for t in texts if t)
    return str(content)


def _require_object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise BadRequest("request body must be a JSON object")
    if not isinstance(body.get("model"), str) or not body["model"]:
        raise BadRequest("you must provide a model parameter")
    return body


def _int_or_none(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise BadRequest(f"{name} must be a positive integer")
    return value


def _chat_logprobs(body: dict[str, Any]) -> int | None:
    top = body.get("top_logprobs")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or not 0 <= top <= 20):
        raise BadRequest("top_logprobs must be an integer between 0 and 20")
    if not body.get("logprobs"):
        if top:
            raise BadRequest("top_logprobs requires logprobs to be true")
        return None
    return top or 0


def _completion_logprobs(body: dict[str, Any]) -> int | None:
    value = body.get("logprobs")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
        raise BadRequest("logprobs must be an integer between 0 and 5")
    return value


def _stops(value: Any, name: str, most: int | None) -> tuple[str, ...]:
    """OpenAI's `stop` (a string or up to `most` strings) or Anthropic's `stop_sequences` (strings)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRequest(f"{name} must be a string or an array of strings" if most else
                         f"{name}: Input should be a valid list of strings")
    if most is not None and len(value) > most:
        raise BadRequest(f"{name} may hold at most {most} sequences, got {len(value)}")
    return tuple(v for v in value if v)


def _tool_choice(choice: Any) -> str:
    if choice is None:
        return "auto"
    if isinstance(choice, str):
        return {"any": "required"}.get(choice, choice)
    if isinstance(choice, dict):
        kind = choice.get("type")
        if kind == "function":
            fn = choice.get("function") or {}
            return str(fn.get("name") or choice.get("name") or "required")
        if kind == "tool":
            return str(choice.get("name") or "required")
        if kind == "any":
            return "required"
        if kind in ("auto", "none"):
            return kind
    return "auto"


MAX_ANSWERS = 128  # the API's bounds on `n` and on legacy `best_of`
MAX_BEST_OF = 20


def _answers(body: dict) -> int:
    n = _int_or_none(body.get("n"), "n") or 1
    if n > MAX_ANSWERS:
        raise BadRequest(f"n must be at most {MAX_ANSWERS}")
    return n


def openai_chat(body: Any) -> ReplyRequest:
    body = _require_object(body)
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise BadRequest("messages must be a non-empty array")
    prompt = "\n".join(_text_of(m.get("content")) for m in messages if isinstance(m, dict))
    last = messages[-1] if isinstance(messages[-1], dict) else {}
    fmt = body.get("response_format") or {}
    schema = (fmt.get("json_schema") or {}).get("schema") if fmt.get("type") == "json_schema" else None
    tools = tuple(
        ToolSpec(t["function"]["name"], t["function"].get("parameters") or {"type": "object", "properties": {}})
        for t in body.get("tools") or ()
        if isinstance(t, dict) and isinstance(t.get("function"), dict) and t["function"].get("name")
    )
    n = _answers(body)
    return ReplyRequest(
        prompt=prompt,
        messages=len(messages),
        model=body["model"],
        max_tokens=_int_or_none(body.get("max_completion_tokens", body.get("max_tokens")), "max_tokens"),
        n=n,
        json_mode=fmt.get("type") in ("json_object", "json_schema"),
        json_schema=schema if isinstance(schema, dict) else None,
        tools=tools,
        tool_choice=_tool_choice(body.get("tool_choice")),
        after_tool_result=last.get("role") in ("tool", "function"),
        stream=bool(body.get("stream")),
        include_usage=_include_usage(body),
        logprobs=_chat_logprobs(body),
        stop=_stops(body.get("stop"), "stop", 4),
    )


def _include_usage(body: dict[str, Any]) -> bool:
    options = body.get("stream_options")
    if options is not None and not isinstance(options, dict):
        raise BadRequest(f"Invalid type for 'stream_options': expected an object, but got {type(options).__name__}")
    return bool((options or {}).get("include_usage"))


def _completion_prompt(prompt: Any) -> str:
    """A legacy `prompt`: a string, strings, token ids, or lists of token ids (several prompts read as one)."""
    def tokens(p: Any) -> bool:
        return isinstance(p, list) and all(isinstance(t, int) for t in p)

    if prompt is None or isinstance(prompt, str):
        return prompt or ""
    if tokens(prompt):
        return " ".join(map(str, prompt))
    if isinstance(prompt, list) and all(isinstance(p, str) or tokens(p) for p in prompt):
        return "\n".join(p if isinstance(p, str) else " ".join(map(str, p)) for p in prompt)
    raise BadRequest("prompt must be a string, an array of strings, an array of tokens or an array of token arrays")


def openai_completion(body: Any) -> ReplyRequest:
    body = _require_object(body)
    prompt = _completion_prompt(body.get("prompt"))
    n = _answers(body)
    best_of = _int_or_none(body.get("best_of"), "best_of") or 0
    if best_of > MAX_BEST_OF:
        raise BadRequest(f"best_of must be at most {MAX_BEST_OF}")
    if best_of and best_of < n:
        raise BadRequest("best_of must be greater than or equal to n")
    if best_of > 1 and body.get("stream"):
        raise BadRequest("Cannot stream results with best_of greater than 1")
    return ReplyRequest(
        prompt=str(prompt),
        messages=1,
        model=body["model"],
        max_tokens=_int_or_none(body.get("max_tokens"), "max_tokens") or 16,  # the API's own default
        n=n,
        best_of=best_of,
        stream=bool(body.get("stream")),
        include_usage=_include_usage(body),
        logprobs=_completion_logprobs(body),
        stop=_stops(body.get("stop"), "stop", 4),
    )


def openai_responses(body: Any) -> ReplyRequest:
    body = _require_object(body)
    items = body.get("input", "")
    instructions = body.get("instructions") or ""
    if isinstance(items, str):
        texts, count, last = [items], 1, {}
    elif isinstance(items, list):
        texts = [_text_of(i.get("content", i.get("output")) if isinstance(i, dict) else i) for i in items]
        count, last = len(items), items[-1] if items and isinstance(items[-1], dict) else {}
    else:
        raise BadRequest("input must be a string or an array")
    fmt = (body.get("text") or {}).get("format") or {}
    tools = tuple(
        ToolSpec(t["name"], t.get("parameters") or {"type": "object", "properties": {}})
        for t in body.get("tools") or ()
        if isinstance(t, dict) and t.get("type") == "function" and t.get("name")
    )
    return ReplyRequest(
        prompt="\n".join([instructions, *texts]) if instructions else "\n".join(texts),
        messages=count,
        model=body["model"],
        max_tokens=_int_or_none(body.get("max_output_tokens"), "max_output_tokens"),
        json_mode=fmt.get("type") in ("json_object", "json_schema"),
        json_schema=fmt.get("schema") if fmt.get("type") == "json_schema" else None,
        tools=tools,
        tool_choice=_tool_choice(body.get("tool_choice")),
        after_tool_result=last.get("type") == "function_call_output",
        stream=bool(body.get("stream")),
        extra={"instructions": body.get("instructions"), "tools": body.get("tools") or [],
               "max_output_tokens": body.get("max_output_tokens"),
               "previous_response_id": body.get("previous_response_id")},
    )


def anthropic_messages(body: Any, count_only: bool = False) -> ReplyRequest:
    body = _require_object(body)
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise BadRequest("messages: at least one message is required")
    system = _text_of(body.get("system"))
    texts = [_text_of(m.get("content")) for m in messages if isinstance(m, dict)]
    last = messages[-1] if isinstance(messages[-1], dict) else {}
    last_content = last.get("content")
    after_tool = isinstance(last_content, list) and any(
        isinstance(b, dict) and b.get("type") == "tool_result" for b in last_content
    )
    tools = tuple(
        ToolSpec(t["name"], t.get("input_schema") or {"type": "object", "properties": {}})
        for t in body.get("tools") or ()
        if isinstance(t, dict) and t.get("name") and "input_schema" in t
    )
    max_tokens = None if count_only else _int_or_none(body.get("max_tokens"), "max_tokens")
    fmt = body.get("output_format") or {}
    return ReplyRequest(
        prompt="\n".join([system, *texts]) if system else "\n".join(texts),
        messages=len(messages),
        model=body["model"],
        max_tokens=max_tokens,
        json_mode=fmt.get("type") == "json_schema",
        json_schema=fmt.get("schema") if isinstance(fmt.get("schema"), dict) else None,
        tools=tools,
        tool_choice=_tool_choice(body.get("tool_choice")),
        after_tool_result=after_tool,
        stream=bool(body.get("stream")),
        stop=_stops(body.get("stop_sequences"), "stop_sequences", None),
    )
