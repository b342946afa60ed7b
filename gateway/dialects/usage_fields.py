"""Reading an upstream's usage block: counts as the gateway charges them, whatever the upstream put there."""

from __future__ import annotations

from typing import Any


def count(value: Any) -> int:
    """A usage field as a token count: a non-negative integer (or a string of digits), 0 for anything else (null, a
    bool, other text) - an odd upstream must not break the stream it belongs to, nor be charged a negative amount."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return max(value, 0)
    if isinstance(value, float) and value == value and value not in (float("inf"), float("-inf")):
        return max(int(value), 0)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return 0


ANTHROPIC_INPUT_FIELDS = ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens")


def anthropic_input(usage: dict) -> int:
    """Anthropic's input tokens: `input_tokens` leaves out the prompt-cache reads and writes, which are input
    all the same (OpenAI's `prompt_tokens` includes its cached tokens) and would otherwise escape token and
    spend limits through `cache_control`."""
    return sum(count(usage.get(name)) for name in ANTHROPIC_INPUT_FIELDS)


def usage_counts(api: str, usage: dict) -> tuple[int, int]:
    """(input, output) tokens of a whole usage block, by the API's field names (one place for both the JSON
    answers and the streams' final usage)."""
    if api.startswith("anthropic"):
        return anthropic_input(usage), count(usage.get("output_tokens"))
    if api == "openai.responses":
        return count(usage.get("input_tokens")), count(usage.get("output_tokens"))
    return count(usage.get("prompt_tokens")), count(usage.get("completion_tokens"))
