"""Markdown code fences (``` or ~~~ lines), tracked incrementally so a stream and a whole text agree."""

from __future__ import annotations

_MAX_INDENT = 3  # CommonMark: a fence line may be indented by up to three spaces


class FenceTracker:
    """Feeds text in any chunking; `spans` are the fenced regions seen so far.

    A fenced region runs from the start of its opening fence line to the end of its closing
    fence line; an unclosed region runs to infinity (so to the end of whatever text follows).
    """

    def __init__(self) -> None:
        self._pos = 0  # absolute offset of the next character fed
        self._line_start = 0
        self._head = ""  # first characters of the current line, until it is decided
        self._decided = False  # whether the current line is known to be (or not be) a fence line
        self._open: tuple[str, int] | None = None  # (fence char, start) of the unclosed region
        self._closed: list[tuple[int, int]] = []
        self._is_fence = False
        self._fence_char = ""
        self._closing_line = False  # the current line closes the open region

    @property
    def spans(self) -> list[tuple[int, float]]:
        spans: list[tuple[int, float]] = list(self._closed)
        if self._open is not None:
            spans.append((self._open[1], float("inf")))
        return spans

    def feed(self, text: str) -> None:
        if not self._closing_line and "`" not in text and "~" not in text:
            # No fence character: no line ending or starting in `text` is a fence line, so lines
            # need no character-by-character look (prose answers, most stream deltas).
            nl = text.rfind("\n")
            if nl < 0 and self._decided:
                self._pos += len(text)
                return
            if nl >= 0 or not self._head:
                first = text[nl + 1:nl + 2]  # of the line still open at the end ("" = none yet)
                if first != " ":
                    if nl >= 0:
                        self._line_start = self._pos + nl + 1
                    self._head, self._decided, self._is_fence = "", bool(first), False
                    self._pos += len(text)
                    return
        self._feed_lines(text)

    def _feed_lines(self, text: str) -> None:
        i, n = 0, len(text)
        while i < n:
            if not self._decided:
                j = i
                while j < n and len(self._head) < _MAX_INDENT + 3 and text[j] != "\n":
                    self._head += text[j]
                    j += 1
                i = j
                self._decide(final=i < n)  # a newline or a full head decides the line
                if not self._decided:
                    break
            nl = text.find("\n", i)
            if nl < 0:
                break
            self._end_line(self._pos + nl)
            i = nl + 1
            self._line_start = self._pos + i
            self._head, self._decided = "", False
        self._pos += n

    def _decide(self, final: bool) -> None:
        stripped = self._head.lstrip(" ")
        indent = len(self._head) - len(stripped)
        if indent > _MAX_INDENT or (stripped and stripped[0] not in "`~"):
            self._decided, self._is_fence = True, False
        elif len(stripped) >= 3 and stripped[:3] in ("```", "~~~"):
            self._decided, self._is_fence = True, True
            self._fence_char = stripped[0]
        elif final or (stripped and len(set(stripped)) > 1):
            self._decided, self._is_fence = True, False
        if self._decided and self._is_fence:
            self._toggle()

    def _toggle(self) -> None:
        if self._open is None:
            self._open = (self._fence_char, self._line_start)
        elif self._open[0] == self._fence_char:
            self._closing_line = True

    def _end_line(self, newline_at: int) -> None:
        if self._open is not None and self._closing_line:
            self._closed.append((self._open[1], newline_at + 1))
            self._open, self._closing_line = None, False

    def finish(self) -> None:
        """End of text: a closing fence line without a trailing newline closes its region."""
        if self._open is not None and self._closing_line:
            self._closed.append((self._open[1], self._pos))
            self._open, self._closing_line = None, False


def fence_spans(text: str) -> list[tuple[int, float]]:
    tracker = FenceTracker()
    tracker.feed(text)
    tracker.finish()
    return tracker.spans
