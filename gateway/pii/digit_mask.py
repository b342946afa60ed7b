"""Hide the digits that cannot belong to a phone number, so phonenumbers' matcher skips them.

phonenumbers' matcher parses every digit run in the text as a candidate ("18 months", "2025"):
on digit-dense text that is most of the PII scan's cost, even when only one run can be a phone
number. `mask_dead_digits` replaces (same length, so offsets hold) the digits of every *dead
group*: digits that are far from any trigger match (a necessary condition for a valid number,
gateway/pii/triggers.py `phone_gate`).

Why the matcher's findings do not change. Digit runs are grouped when the gap between them
holds at most `GAP_WEIGHT` characters outside `FREE` (the characters phonenumbers' candidate
pattern may repeat without bound: the extension separators ``[ \\xa0\\t,-]``). Every other
part of a candidate is bounded: at most 2 lead characters with 4 punctuation each before the
first digit (10), at most 4 punctuation characters between digit blocks, an extension marker
("extensión", "anexo", ";ext=", ...) of at most 12 characters before its digits; the matcher's
look-arounds (the character before and after, a ``:[0-5]\\d`` time suffix) reach 3 characters.
So a candidate never joins digits of two groups, a dead group's candidates hold fewer digits
than any valid number (they fail, inner matches included) and end before a live group's
candidates can start; removing them leaves the live groups' candidates, and their results,
as they were. Checked against the unmasked matcher by tests/pii/test_prefilter_equivalence.py.
"""

from __future__ import annotations

import re

GAP_WEIGHT = 32  # > 10 + 12 + 3 with margin
FREE = " \xa0\t,-"
_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_DROP_FREE = str.maketrans("", "", FREE)
MASK_CHAR = "\x00"  # not a digit, letter or phone punctuation


def live_spans(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]] | None:
    """[start, end) of the digit groups holding a trigger match; None when every group is live."""
    groups: list[list[int]] = []  # [start, end, live]
    for m in _DIGITS.finditer(text):
        a, b = m.span()
        if groups:
            gap_start = groups[-1][1]
            if a - gap_start <= GAP_WEIGHT or len(text[gap_start:a].translate(_DROP_FREE)) <= GAP_WEIGHT:
                groups[-1][1] = b
                continue
        groups.append([a, b, 0])
    if len(groups) <= 1:
        return None
    i = 0
    pos = 0
    while (m := trigger.search(text, pos)) is not None:
        while groups[i][1] < m.end():  # trigger matches lie inside one group (gaps of at most 4)
            i += 1
        groups[i][2] = 1
        pos = groups[i][1]
    if all(g[2] for g in groups):
        return None
    return [(g[0], g[1]) for g in groups if g[2]]


def mask_dead_digits(text: str, trigger: re.Pattern[str]) -> str:
    """`text` with the digits of dead groups replaced by MASK_CHAR (same length)."""
    live = live_spans(text, trigger)
    if live is None:
        return text
    pieces: list[str] = []
    at = 0
    for a, b in live:
        pieces.append(_DIGIT.sub(MASK_CHAR, text[at:a]))
        pieces.append(text[a:b])
        at = b
    pieces.append(_DIGIT.sub(MASK_CHAR, text[at:]))
    return "".join(pieces)
