"""Server-sent event streams: read usage and output text, and rewrite text deltas in place.

Without an output transform, upstream bytes are forwarded exactly as they arrive and events
are parsed on the side (usage, text length). With one, each text delta is fed through the
transform of its choice / content block, and the transform is flushed where that text ends
(finish_reason, content_block_stop, output_text.done, or the end of the stream). Token data
(`logprobs`) of transformed text is held back and released at that end, whole if the text came
out unchanged and withheld if not (token_data.py); citation annotations are held back too and
released there with their offsets carried into the rewritten text (offsets.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from gateway.dialects.generated import anthropic_event_chars, chat_delta_chars, responses_event_chars
from gateway.dialects.offsets import offset_map, remap_annotations
from gateway.dialects.response_ids import seal_response_object
from gateway.dialects.token_data import HeldTokens, withhold
from gateway.dialects.usage_fields import ANTHROPIC_INPUT_FIELDS, count, usage_counts
from gateway.errors import UpstreamError
from gateway.pipeline import TextTransform, TransformFactory, Usage


class MalformedStream(UpstreamError):
    code = "upstream_malformed_stream"


class _TransformFailed(Exception):
    """An output transform raised (its own error, the `__cause__`): never taken for the upstream's malformed event."""


def _event_bytes(name: str | None, obj: Any) -> bytes:
    data = b"data: " + orjson.dumps(obj) + b"\n\n"
    return b"event: " + name.encode() + b"\n" + data if name else data


class SSEProcessor:
    __slots__ = ("api", "usage", "factory", "keep", "texts", "_buf", "_t", "_accum", "_last", "_openai_chat_like",
                 "_lazy", "_skipped", "_orig", "_held", "_seal", "_rewrites", "_notes",
                 "_same", "withheld", "released", "_drop_usage", "_spare", "_input", "_seq", "_shift")

    def __init__(self, api: str, usage: Usage, factory: TransformFactory | None, keep_output: bool,
                 seal_id: Callable[[str], str] | None = None, drop_usage: bool = False) -> None:
        self.api = api
        self.usage = usage
        self.factory = factory
        self.keep = keep_output or factory is not None
        self.texts: dict[Any, list[str]] = {}
        self._buf = b""
        self._t: dict[Any, TextTransform] = {}
        self._accum: dict[Any, list[str]] = {}  # transformed text per key (responses API "done" events)
        self._last: dict | None = None
        self._openai_chat_like = api in ("openai.chat.completions", "openai.completions")
        # Pass-through without a consumer of the text: parse only events that may carry usage (or
        # errors); keep the others unparsed, to count their text only if no usage block arrives.
        self._seal = seal_id  # Responses API: ids of `response` objects go out sealed (response_ids.py)
        # The usage chunk the gateway asked for on the caller's behalf is read, not forwarded (stream_usage.py).
        self._drop_usage = drop_usage
        self._rewrites = factory is not None or seal_id is not None or drop_usage  # else the bytes pass as they came
        self._lazy = factory is None and seal_id is None and not self.keep
        self._skipped: list[bytes] = []
        self._orig: dict[Any, list[str]] = {}  # upstream text per key, while a transform rewrites it
        self._held: dict[Any, HeldTokens] = {}  # token data per key, until its text ends
        self._notes: dict[Any, list] = {}  # citation annotations per key (chat) / their events (Responses)
        self._same: dict[Any, bool] = {}  # per ended key: did its text come out unchanged
        self.withheld = 0  # choices / parts whose token data was withheld (for the audit record)
        self.released = b""  # what close() released before it raised on a last event cut short
        # The first text's transform is made now, while the upstream works on the answer, not on the first
        # token's path: there, after an idle spell, building it took 40-80 µs (a cold interpreter).
        self._spare = factory() if factory is not None else None
        self._input: dict[str, int] = {}  # Anthropic: input counts by field, message_start's until a delta's own
        # Responses API: the sequence_number of the last event sent, and how far the deltas the gateway added
        # (a transform's held rest) moved the upstream's numbers up: they stay unique and increasing.
        self._seq, self._shift = -1, 0

    # -- public -------------------------------------------------------------------------------
    def feed(self, chunk: bytes) -> bytes:
        sent = len(self._buf)  # pass-through: the bytes of earlier chunks were forwarded as they came
        buf = self._buf + chunk if self._buf else chunk
        crlf = b"\r" in chunk
        if crlf:
            buf = buf.replace(b"\r\n", b"\n")
        out: list[bytes] = []
        start = 0
        while True:
            cut = buf.find(b"\n\n", start)
            if cut < 0:
                break
            try:
                out.append(self._event(buf[start:cut + 2]))
            except MalformedStream:
                self._buf = b""
                # The events before the broken one are still the caller's (cut()).
                if self._rewrites:
                    self.released = b"".join(out)
                elif not crlf and start > sent:
                    self.released = chunk[:start - sent]
                raise
            start = cut + 2
        self._buf = buf[start:]
        if not self._rewrites:
            return chunk  # pass-through: the bytes as they came, events parsed on the side
        return b"".join(out)

    def close(self) -> bytes:
        """End of the upstream stream: release whatever transforms still hold. A last event cut short raises
        MalformedStream once the rest is done; `released` then holds what the transforms gave back."""
        broken = None
        try:
            tail = self._event(self._buf + b"\n\n") if self._buf.strip() else b""
        except MalformedStream as exc:
            tail, broken = b"", exc
        self._buf = b""
        self.count_skipped()
        try:
            pending = self._flush_all()
        except _TransformFailed as exc:
            raise exc.__cause__ from None
        out = tail + pending if self._rewrites else b""
        if broken is not None:
            self.released = out
            raise broken
        return out

    def cut(self) -> bytes:
        """The stream ends early (the upstream broke, an event did not parse, time ran out), before the gateway's
        error event: what is still the caller's. The events read before a broken one, then the text the transforms
        hold, which came before the failure (the SDKs stop reading at the error event)."""
        out, self.released = self.released, b""
        try:
            return out + self._flush_all()
        except _TransformFailed:  # the transform's own failure: the stream's error event is sent all the same
            return out

    def count_skipped(self) -> None:
        """No usage block came: count the streamed text of the events skipped on the way. Also for a stream
        that ended without close() (the upstream cut it, the client left): its text was sent all the same.
        An event that does not parse is not counted, and raised once the others are."""
        if not self._skipped or self.usage.reported:
            return
        skipped, self._skipped = self._skipped, []
        self._lazy = False
        broken = None
        for raw in skipped:
            try:
                self._event(raw)
            except MalformedStream as exc:
                broken = broken or exc
        if broken is not None:
            raise broken

    def output_text(self) -> str:
        return "\n".join("".join(parts) for parts in self.texts.values())

    # -- internals ----------------------------------------------------------------------------
    def _event(self, raw: bytes) -> bytes:
        try:
            return self._read_event(raw)
        except _TransformFailed as exc:
            raise exc.__cause__ from None
        except (AttributeError, TypeError) as exc:  # a field of a shape its API never sends (a string for an object)
            raise MalformedStream("the upstream sent an event of an unexpected shape") from exc

    def _read_event(self, raw: bytes) -> bytes:
        if (self._lazy and (b'"usage"' not in raw or b'"usage":null' in raw) and b'"error"' not in raw
                and b"[DONE]" not in raw):
            # Only well-framed JSON events are skipped; anything else is parsed (and rejected if broken).
            if raw.endswith(b"}\n\n") and (raw.startswith(b"data: {") or raw.startswith(b"event: ")):
                self._skipped.append(raw)
                return raw
        name = None
        data_lines = []
        for line in raw.split(b"\n"):
            if line.startswith(b"data:"):
                data_lines.append(line[5:].lstrip(b" "))
            elif line.startswith(b"event:"):
                name = line[6:].strip().decode("utf-8", "replace")
        if not data_lines:
            return raw
        data = b"\n".join(data_lines)
        if data == b"[DONE]":
            return self._flush_all() + raw if self.factory else raw
        try:
            obj = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise MalformedStream("the upstream sent a malformed event stream") from exc
        if not isinstance(obj, dict):
            raise MalformedStream("the upstream sent a malformed event stream")
        if "error" in obj and self._openai_chat_like:
            return self._before_error(raw)  # an upstream error event: forward untouched
        if self._openai_chat_like:
            return self._openai_chunk(obj, raw)
        if self.api == "openai.responses":
            return self._responses_event(name, obj, raw)
        if self.api == "anthropic.messages":
            return self._anthropic_event(name, obj, raw)
        return raw

    def _feed_text(self, key: Any, text: str) -> str:
        self.usage.output_chars += len(text)
        if self.factory is not None:
            self._orig.setdefault(key, []).append(text)
            t = self._t.get(key)
            try:
                if t is None:
                    t, self._spare = (self.factory() if self._spare is None else self._spare), None
                    self._t[key] = t
                text = t.feed(text)
            except Exception as exc:
                raise _TransformFailed from exc
        if self.keep:
            self.texts.setdefault(key, []).append(text)
        return text

    def _flush(self, key: Any) -> str:
        t = self._t.pop(key, None)
        if t is None:
            return ""
        try:
            rest = t.flush()
        except Exception as exc:
            raise _TransformFailed from exc
        if rest:
            self.texts.setdefault(key, []).append(rest)
        return rest

    def _flush_all(self) -> bytes:
        out = []
        for key in list(self._t):
            rest = self._flush(key)
            if rest:
                out.append(self._synthetic_delta(key, rest))
        return b"".join(out)

    def _before_error(self, raw: bytes) -> bytes:
        """An upstream error event ends the stream, and the SDKs stop reading at it: the text the transforms
        still hold goes out before it."""
        return self._flush_all() + raw if self.factory is not None else raw

    def _hold(self, key: Any, value: Any) -> None:
        held = self._held.get(key)
        if held is None:
            held = self._held[key] = HeldTokens(self.api)
        held.add(value)

    def _unchanged(self, key: Any) -> bool:
        same = self._same.get(key)
        if same is None:
            same = "".join(self._orig.get(key, ())) == "".join(self.texts.get(key, ()))
            if key not in self._t:  # the text has ended (flushed): the answer cannot change any more
                self._same[key] = same
        return same

    def _carry(self, key: Any, annotations: Any) -> None:
        """Move annotation offsets from the upstream's text of `key` into the text sent."""
        before, after = "".join(self._orig.get(key, ())), "".join(self.texts.get(key, ()))
        if annotations and before != after:
            remap_annotations(annotations, offset_map(before, after))

    def _release(self, key: Any) -> Any:
        """The held token data of a text that has ended: whole if unchanged, else withheld."""
        held = self._held.pop(key, None)
        if held is None:
            return None
        if self._unchanged(key) and not held.overflow:
            return held.release()
        self.withheld += 1
        return held.withheld()

    def _synthetic_delta(self, key: Any, text: str) -> bytes:
        last = self._last or {}
        if self.api == "openai.chat.completions":
            return _event_bytes(None, {"id": last.get("id", ""), "object": "chat.completion.chunk",
                                       "created": last.get("created", 0), "model": last.get("model", ""),
                                       "choices": [{"index": key, "delta": {"content": text}, "finish_reason": None}]})
        if self.api == "openai.completions":
            return _event_bytes(None, {"id": last.get("id", ""), "object": "text_completion",
                                       "created": last.get("created", 0), "model": last.get("model", ""),
                                       "choices": [{"index": key, "text": text, "finish_reason": None, "logprobs": None}]})
        if self.api == "openai.responses":
            self._accum.setdefault(key, []).append(text)
            return _event_bytes("response.output_text.delta", {
                "type": "response.output_text.delta", "item_id": last.get("item_id", ""),
                "output_index": key[0], "content_index": key[1], "delta": text,
                "sequence_number": self._next_seq()})
        return _event_bytes("content_block_delta", {"type": "content_block_delta", "index": key,
                                                    "delta": {"type": "text_delta", "text": text}})

    def _openai_chunk(self, obj: dict, raw: bytes) -> bytes:
        usage = obj.get("usage")
        if isinstance(usage, dict):
            self.usage.input_tokens, self.usage.output_tokens = usage_counts(self.api, usage)
            self.usage.reported = True
            if self._drop_usage and not obj.get("choices"):
                return b""
        self._last = obj
        changed = False
        if self._drop_usage and isinstance(usage, dict):
            obj["usage"] = None  # usage on a choice chunk (some compatible servers): read, not forwarded
            changed = True
        field = "text" if self.api == "openai.completions" else None
        for choice in obj.get("choices") or ():
            if not isinstance(choice, dict):
                continue
            key = choice.get("index", 0)
            holder, name = (choice, "text") if field else (choice.get("delta") or {}, "content")
            if not field:
                self.usage.output_chars += chat_delta_chars(holder)
            text = holder.get(name)
            if isinstance(text, str) and text:
                new = self._feed_text(key, text)
                if new != text:
                    holder[name] = new
                    changed = True
            if self.factory is not None and choice.get("logprobs") is not None:
                self._hold(key, choice["logprobs"])
                choice["logprobs"] = None
                changed = True
            if self.factory is not None and not field and (choice.get("delta") or {}).get("annotations"):
                self._notes.setdefault(key, []).extend(choice["delta"].pop("annotations"))
                changed = True
            if choice.get("finish_reason") is not None and self.factory is not None:
                rest = self._flush(key)
                if rest:
                    holder[name] = (holder.get(name) or "") + rest
                    if not field:
                        choice["delta"] = holder
                    changed = True
                if key in self._held:
                    choice["logprobs"] = self._release(key)
                    changed = True
                notes = self._notes.pop(key, None)
                if notes:
                    self._carry(key, notes)
                    delta = choice.get("delta")
                    if not isinstance(delta, dict):
                        delta = choice["delta"] = {}
                    delta["annotations"] = notes
                    changed = True
        return _event_bytes(None, obj) if changed else raw

    def _responses_event(self, name: str | None, obj: dict, raw: bytes) -> bytes:
        etype = obj.get("type")
        self.usage.output_chars += responses_event_chars(etype, obj)
        if etype == "response.output_text.delta":
            key = (obj.get("output_index", 0), obj.get("content_index", 0))
            self._last = obj
            text = obj.get("delta") or ""
            if not isinstance(text, str):
                raise TypeError("a text delta that is not a string")
            new = self._feed_text(key, text)
            if self.factory is None:
                return raw
            self._accum.setdefault(key, []).append(new)
            obj["delta"] = new
            if obj.get("logprobs"):
                self._hold(key, obj["logprobs"])
                obj["logprobs"] = []
            return self._numbered(name, obj)
        if etype == "response.output_text.annotation.added" and self.factory is not None:
            key = (obj.get("output_index", 0), obj.get("content_index", 0))
            self._notes.setdefault(key, []).append((name, obj))  # sent with output_text.done, carried over
            return b""
        if etype == "response.output_text.done" and self.factory is not None:
            key = (obj.get("output_index", 0), obj.get("content_index", 0))
            rest = self._flush(key)
            pre = b""
            held_notes = self._notes.pop(key, ())
            if held_notes:  # before the added delta: they came before output_text.done, and keep their numbers
                self._carry(key, [o.get("annotation") for _, o in held_notes])
                pre = b"".join(self._numbered(n, o) for n, o in held_notes)
            if rest:
                pre += self._synthetic_delta(key, rest)
            obj["text"] = "".join(self._accum.get(key, ()))
            held = self._release(key)
            if not self._unchanged(key) and withhold(self.api, obj) and not held:
                self.withheld += 1  # the upstream's own list on the done event
            elif held and not obj.get("logprobs"):
                obj["logprobs"] = held
            return pre + self._numbered(name, obj)
        if etype == "error":
            return (self._flush_all() if self.factory is not None else b"") + self._numbered(name, obj, raw)
        final = etype in ("response.completed", "response.incomplete", "response.failed")
        pre, changed = b"", False
        if (final or etype in ("response.content_part.done", "response.output_item.done")) and self.factory:
            # A last event with texts still open (no output_text.done before it, as a failed response ends): they
            # end here, their rest sent before it, so its texts are the deltas' text.
            pre = self._flush_all() if final else b""
            self._rewrite_response_texts(obj)
            changed = True
        response = obj.get("response")
        if self._seal is not None and isinstance(response, dict) and seal_response_object(response, self._seal):
            changed = True
        out = pre + self._numbered(name, obj, None if changed else raw)
        if final:
            usage = (obj.get("response") or {}).get("usage")
            if isinstance(usage, dict):
                self.usage.input_tokens, self.usage.output_tokens = usage_counts(self.api, usage)
                self.usage.reported = True
        return out

    def _numbered(self, name: str | None, obj: dict, raw: bytes | None = None) -> bytes:
        """A Responses event as sent (`raw` if unchanged): numbered after the deltas the gateway added before it."""
        seq = obj.get("sequence_number")
        if type(seq) is int:
            if self._shift:
                obj["sequence_number"] = seq = seq + self._shift
                raw = None
            self._seq = seq
        return raw if raw is not None else _event_bytes(name, obj)

    def _next_seq(self) -> int:
        """The number of a delta the gateway adds: the next one; the upstream's events after it move up by one."""
        self._seq += 1
        self._shift += 1
        return self._seq

    def _rewrite_response_texts(self, obj: dict) -> None:
        if obj.get("type") == "response.content_part.done":
            key = (obj.get("output_index", 0), obj.get("content_index", 0))
            part = obj.get("part") or {}
            if key in self._accum and "text" in part:
                self._fix_part(key, part)
            return
        items = [(obj.get("output_index", 0), obj.get("item") or {})] if obj.get("type") == "response.output_item.done" \
            else list(enumerate((obj.get("response") or {}).get("output") or ()))
        for out_idx, item in items:
            for c_idx, part in enumerate(item.get("content") or ()):
                key = (out_idx, c_idx)
                if isinstance(part, dict) and key in self._accum and "text" in part:
                    self._fix_part(key, part)

    def _fix_part(self, key: Any, part: dict) -> None:
        """A finished Responses content part: the text sent, its token data and citation offsets."""
        part["text"] = "".join(self._accum[key])
        if not self._unchanged(key):
            withhold(self.api, part)
            self._carry(key, part.get("annotations"))

    def _anthropic_event(self, name: str | None, obj: dict, raw: bytes) -> bytes:
        etype = obj.get("type")
        self.usage.output_chars += anthropic_event_chars(etype, obj)
        if etype == "content_block_delta":
            delta = obj.get("delta") or {}
            if delta.get("type") == "text_delta" and isinstance(delta.get("text"), str):
                key = obj.get("index", 0)
                new = self._feed_text(key, delta["text"])
                if self.factory is not None and new != delta["text"]:
                    delta["text"] = new
                    return _event_bytes(name, obj)
            return raw
        if etype == "error":
            return self._before_error(raw)
        if etype == "content_block_stop" and self.factory is not None:
            key = obj.get("index", 0)
            rest = self._flush(key)
            return (self._synthetic_delta(key, rest) if rest else b"") + raw
        if etype == "message_start":
            usage = (obj.get("message") or {}).get("usage") or {}
            self.usage.input_tokens, self.usage.output_tokens = usage_counts(self.api, usage)
            self._input = {name: count(usage.get(name)) for name in ANTHROPIC_INPUT_FIELDS}
        elif etype == "message_delta":
            usage = obj.get("usage") or {}
            if "output_tokens" in usage:
                self.usage.output_tokens = count(usage["output_tokens"])
                self.usage.reported = True
            # Cumulative counts, the optional ones left out (or null) when not applicable: each count given
            # replaces its own, the others stay message_start's (as the SDK's get_final_message() reads them).
            given = {name: n for name in ANTHROPIC_INPUT_FIELDS if (n := count(usage.get(name)))}
            if given:
                self._input.update(given)
                self.usage.input_tokens = sum(self._input.values())
        return raw
