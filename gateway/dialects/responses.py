"""Complete (non-streaming) response bodies: usage and output text slots per API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gateway.dialects.offsets import offset_map, remap_annotations
from gateway.dialects.token_data import withhold
from gateway.dialects.usage_fields import usage_counts
from gateway.pipeline import TransformFactory, Usage


def read_usage(api: str, obj: dict, usage: Usage) -> None:
    u = obj.get("usage")
    if not isinstance(u, dict):
        return
    usage.input_tokens, usage.output_tokens = usage_counts(api, u)
    usage.reported = True


def _list(value: Any) -> list | tuple:
    """An array of the answer; anything else (a number where a list belongs) holds no output text to read."""
    return value if isinstance(value, list) else ()


def _slots(api: str, obj: dict) -> Iterator[tuple[Any, Any, dict | None]]:
    """(container, key, owner of its token data) for each output text: one per choice / content block."""
    if api == "openai.chat.completions":
        for choice in _list(obj.get("choices")):
            msg = choice.get("message") if isinstance(choice, dict) else None
            if isinstance(msg, dict) and isinstance(msg.get("content"), str):
                yield msg, "content", choice
    elif api == "openai.completions":
        for choice in _list(obj.get("choices")):
            if isinstance(choice, dict) and isinstance(choice.get("text"), str):
                yield choice, "text", choice
    elif api == "openai.responses":
        for item in _list(obj.get("output")):
            if isinstance(item, dict) and item.get("type") == "message":
                for part in _list(item.get("content")):
                    if isinstance(part, dict) and part.get("type") == "output_text" and isinstance(part.get("text"), str):
                        yield part, "text", part
    elif api == "anthropic.messages":
        for block in _list(obj.get("content")):
            if isinstance(block, dict) and block.get("type") == "text" and isinstance(block.get("text"), str):
                yield block, "text", None


def output_slots(api: str, obj: dict) -> Iterator[tuple[Any, Any]]:
    """(container, key) for each output text: one per choice / content block."""
    for container, key, _ in _slots(api, obj):
        yield container, key


def apply_transform(api: str, obj: dict, factory: TransformFactory) -> int:
    """Rewrite every output text in place; returns how many had their token data withheld."""
    withheld = 0
    for container, key, owner in _slots(api, obj):
        t = factory()
        before = container[key]
        after = container[key] = t.whole(before)
        if after != before and owner is not None:
            withheld += withhold(api, owner)  # its tokens spell the text before the change (token_data.py)
            annotations = container.get("annotations")  # chat: on the message; Responses: on the part
            if annotations:
                remap_annotations(annotations, offset_map(before, after))  # citations by offset (offsets.py)
    return withheld


def output_text(api: str, obj: dict) -> str:
    return "\n".join(c[k] for c, k in output_slots(api, obj))
