"""Fault injection: what may go wrong with one response, from a header or a server-side program.

Header `x-mock-fault: status=503; delay_ms=200` (items separated by `;` or `,`; flags such as
`reset` need no value). Program: `POST /_mock/faults` with a JSON list whose items are either such
a string or an object of `Fault` fields plus `times` (default 1; null = until `DELETE /_mock/faults`).
Each API request takes the head of the program; header faults override program fields.
"""

from collections import deque
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class FaultError(ValueError):
    """A fault description that cannot be parsed (answered with a 400 by the control routes)."""


class Fault(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    status: int | None = Field(None, ge=400, le=599, description="Answer with this error status, in the route's dialect.")
    delay_ms: float = Field(0, ge=0, description="Wait this long before sending the response headers.")
    first_byte_delay_ms: float = Field(0, ge=0, description="Send headers, then wait this long before the body.")
    drop_after_chunks: int | None = Field(
        None, ge=0, description="Close the connection after this many SSE events (non-streaming: after half the body)."
    )
    malformed_json: bool = Field(False, description="Body (or one SSE event's data) is truncated, invalid JSON.")
    malformed_sse: bool = Field(False, description="Break SSE framing mid-stream: a stray line and a missing event end.")
    truncated_end: bool = Field(
        False, description="Stream the deltas, then the first half of the next event and end the body cleanly: a "
                           "last event cut short (the body's own framing intact).")
    never_end: bool = Field(False, description="Keep streaming slowly forever (non-streaming: trickle whitespace).")
    reset: bool = Field(False, description="Abort the TCP connection (RST) without any response.")
    reject_stream_options: bool = Field(
        False, description="Answer 400 'Unrecognized request argument supplied: stream_options' to a request that "
                           "has the field (an OpenAI-compatible server that does not know it).")
    no_usage: bool = Field(
        False, description="Answer a non-streaming request with no usage block (an OpenAI-compatible server that "
                           "leaves it out; streams: no_stream_usage).")
    no_stream_usage: bool = Field(
        False, description="Stream no usage chunk even when `stream_options.include_usage` asks for one "
                           "(an OpenAI-compatible server that ignores the option).")
    usage_on_last_choice: bool = Field(
        False, description="Chat streams: put the usage block on the last finish_reason chunk instead of a chunk of "
                           "its own with empty choices (what some OpenAI-compatible servers send).")

    @property
    def active(self) -> bool:
        return self != _NO_FAULT

    def merged(self, override: "Fault") -> "Fault":
        """`override`'s explicitly set fields win over ours."""
        return self.model_copy(update=override.model_dump(exclude_unset=True))

    @classmethod
    def parse(cls, spec: str) -> "Fault":
        """Parse `status=503; delay_ms=10, reset` (header and program string form)."""
        fields: dict[str, Any] = {}
        for item in spec.replace(",", ";").split(";"):
            item = item.strip()
            if not item:
                continue
            name, sep, value = item.partition("=")
            fields[name.strip()] = value.strip() if sep else True
        try:
            return cls.model_validate(fields)
        except ValidationError as exc:
            raise FaultError(f"bad fault {spec!r}: {exc.errors()[0]['msg']} ({exc.errors()[0]['loc']})") from exc


_NO_FAULT = Fault()


class FaultProgram:
    """Faults queued server-side for the next requests; one per app (no module state)."""

    def __init__(self) -> None:
        self._entries: deque[list[Any]] = deque()  # [fault, remaining or None]

    def set(self, items: Any) -> None:
        if not isinstance(items, list):
            raise FaultError("the fault program must be a JSON list")
        entries: deque[list[Any]] = deque()
        for item in items:
            if isinstance(item, str):
                entries.append([Fault.parse(item), 1])
            elif isinstance(item, dict):
                fields = dict(item)
                times = fields.pop("times", 1)
                if times is not None and (not isinstance(times, int) or times < 1):
                    raise FaultError(f"times must be a positive integer or null, not {times!r}")
                try:
                    entries.append([Fault.model_validate(fields), times])
                except ValidationError as exc:
                    raise FaultError(f"bad fault {item!r}: {exc.errors()[0]['msg']} ({exc.errors()[0]['loc']})") from exc
            else:
                raise FaultError(f"a fault is a string or an object, not {item!r}")
        self._entries = entries

    def clear(self) -> None:
        self._entries.clear()

    def take(self) -> Fault:
        """The fault for the request arriving now (no fault when the program is empty)."""
        if not self._entries:
            return _NO_FAULT
        entry = self._entries[0]
        if entry[1] is not None:
            entry[1] -= 1
            if entry[1] == 0:
                self._entries.popleft()
        return entry[0]

    def describe(self) -> list[dict[str, Any]]:
        return [{**fault.model_dump(exclude_defaults=True), "times": times} for fault, times in self._entries]


def fault_for(program: FaultProgram, header: str | None) -> Fault:
    fault = program.take()
    if header:
        fault = fault.merged(Fault.parse(header))
    return fault
