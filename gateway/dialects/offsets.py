"""Character offsets into a text that an output stage rewrote: citation annotations.

Web-search answers cite their sources by character range (`url_citation` `start_index` /
`end_index`, also of `container_file_citation`). The watermark swaps words of other lengths and the PII
redaction replaces values with tags, so the upstream's offsets would point beside the cited words.
The two texts are aligned word by word (only when an answer carries annotations) and each offset
is carried over: inside an unchanged stretch it moves by the shift so far; inside a rewritten word
a start goes to the rewrite's start and an end to its end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


_MAX_OLD, _MAX_NEW, _ANCHOR = 24, 12, 3  # a rewrite spans at most this many tokens; resync on 3 equal ones


def _blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int, int, bool]]:
    """Token ranges (old start, old end, new start, new end, equal), in order. Linear: the stages
    rewrite a few tokens at a time (a word, a phrase, an address), so after a difference the two
    texts meet again within a short window; past the window the rest is one rewritten block."""
    blocks, i, j, n, m = [], 0, 0, len(a), len(b)
    eq_i, eq_j = 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            step = 256  # skip long equal runs a slice at a time (compared in C), then narrow down
            while step:
                if a[i:i + step] == b[j:j + step] and i + step <= n and j + step <= m:
                    i += step
                    j += step
                else:
                    step >>= 2
            continue
        found = None
        for total in range(1, _MAX_OLD + _MAX_NEW + 1):
            for da in range(max(0, total - _MAX_NEW), min(total, _MAX_OLD) + 1):
                db = total - da
                if a[i + da:i + da + _ANCHOR] == b[j + db:j + db + _ANCHOR] and i + da <= n and j + db <= m:
                    found = (da, db)
                    break
            if found:
                break
        if eq_i < i:
            blocks.append((eq_i, i, eq_j, j, True))
        da, db = found or (n - i, m - j)
        blocks.append((i, i + da, j, j + db, False))
        i, j = i + da, j + db
        eq_i, eq_j = i, j
    if eq_i < n or eq_j < m:
        blocks.append((eq_i, n, eq_j, m, i == n and j == m))
    return blocks


def offset_map(old: str, new: str) -> Callable[[int, bool], int]:
    """f(offset in old, is_end) -> offset in new."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ao, bo = list(accumulate(map(len, a), initial=0)), list(accumulate(map(len, b), initial=0))
    blocks = [(ao[i1], ao[i2], bo[j1], bo[j2], eq) for i1, i2, j1, j2, eq in _blocks(a, b)]
    starts = [blk[0] for blk in blocks]

    def carry(offset: int, is_end: bool) -> int:
        if not blocks or offset >= len(old):
            return len(new) + (offset - len(old))
        k = max(0, bisect_right(starts, offset) - 1)
        o1, o2, n1, n2, equal = blocks[k]
        if equal:
            return n1 + (offset - o1)
        if offset == o1:
            return n1
        return n2 if is_end else n1

    return carry


def remap_annotations(annotations: Any, carry: Callable[[int, bool], int]) -> None:
    """Carry the offsets of every annotation (chat's nest theirs under `url_citation`) in place."""
    if not isinstance(annotations, list):
        return
    for ann in annotations:
        if not isinstance(ann, dict):
            continue
        for holder in (ann, ann.get("url_citation")):
            if not isinstance(holder, dict):
                continue
            if isinstance(holder.get("start_index"), int):
                holder["start_index"] = carry(holder["start_index"], False)
            if isinstance(holder.get("end_index"), int):
                holder["end_index"] = carry(holder["end_index"], True)
