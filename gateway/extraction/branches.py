"""Round 26: one item continued from several different partial answers (on-policy distillation).

A distiller that already has a student model sends the student's own partial answers for the teacher to
continue: the problem as the user turn, the student's attempt so far as the assistant's turn (an Anthropic
prefill, a final assistant message, or that turn followed by "continue"), each problem with several attempts
cut at different points. The continuations teach the student where it goes wrong, in a few dozen tokens each,
so none of the long-answer or elicitation evidence sees them. A product that continues text extends *one*
prefix: a writer presses "continue" again on the draft plus what they kept, an editor plugin re-completes a
function as the developer types (each prefix the last plus a little more), a chat user follows up on the answer
they were given.

So a request whose last assistant turn is followed by at most one user turn is a *continuation*: the user turn
before it, at its position in the conversation and with the conversation's opening turn, is its item (at least
MIN_CONTEXT characters: a short fixed instruction names no item; two turns, not the whole history, keep the hot
path's cost flat) and the assistant turn's heads (crc32 of the first 32, 128 and 512 bytes of its UTF-8, those it
has) say whether two continuations of one item extend one prefix (equal at every head both have) or *branch*
(they differ at one). An account remembers its last BRANCH_RING items; an item's branches count when it leaves
them (a problem's attempts come together, then the next problems push it out). An item continued from more than
MAX_ITEM_BRANCHES different texts is an instruction many texts are continued under (a "continue my story" button
whose prompt is the whole user turn), not an item, and counts nothing; such an instruction, used all the time, stays
among the recent items and never counts (counting at once would count its first branches while the account is
young).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from zlib import crc32

from gateway.extraction.layout import W_BRANCHED, W_PREFIXED

if TYPE_CHECKING:
    from gateway.extraction.state import PrincipalState

HEADS = (32, 128, 512)   # UTF-8 prefix lengths (bytes) whose crc32 compare two continuations of an item
MIN_CONTEXT = 60         # characters of the user turn before the continued one for it to name an item
MAX_ITEM_CHARS = 4000    # ... of which these identify it
BRANCH_RING = 4          # items an account remembers (a problem's attempts come together)
MAX_ITEM_BRANCHES = 8    # branches of one item beyond which it is an instruction, not an item
_ENTRY = 2 + len(HEADS)  # ring entry: item, its branches (INSTRUCTION once it is one), heads (0: too short)
INSTRUCTION = 0xFFFFFFFF


def branch_point(msgs: Any, text_of: Callable[[Any], str]) -> tuple[int, ...]:
    """(item hash, heads...) of a continuation request (chat, Anthropic or Responses message list), else ()."""
    if not isinstance(msgs, list) or len(msgs) < 2:
        return ()
    last = msgs[-1]
    at = len(msgs) - 2 if isinstance(last, dict) and last.get("role") == "user" else len(msgs) - 1
    turn, ask = msgs[at], msgs[at - 1] if at >= 1 else None
    if (not isinstance(turn, dict) or turn.get("role") != "assistant" or not isinstance(ask, dict)
            or ask.get("role") != "user"):
        return ()
    raw = text_of(turn.get("content"))[:HEADS[2]].encode(errors="surrogatepass")
    context = text_of(ask.get("content"))
    if len(raw) < HEADS[0] or len(context) < MIN_CONTEXT:
        return ()
    item = at  # its position, then the conversation's opening turn (a fixed follow-up opens nothing) and itself
    if at > 1 and isinstance(first := msgs[0], dict) and first.get("role") == "user":
        item = crc32(text_of(first.get("content"))[:MAX_ITEM_CHARS].encode(errors="surrogatepass"), item)
    item = crc32(context[:MAX_ITEM_CHARS].encode(errors="surrogatepass"), item)
    if len(raw) < HEADS[1]:
        return item, crc32(raw[:HEADS[0]])
    if len(raw) < HEADS[2]:
        return item, crc32(raw[:HEADS[0]]), crc32(raw[:HEADS[1]])
    return item, crc32(raw[:HEADS[0]]), crc32(raw[:HEADS[1]]), crc32(raw[:HEADS[2]])


def note_continuation(st: PrincipalState, branch: tuple[int, ...], user_hash: int) -> None:
    """Count a continuation of the account's; a branch of one of its recent items is noted with the item, and
    counts when the item leaves them (see the module docstring). An item is its end user's (`user_hash`, 0 for
    none): a key fronting many users sees a popular question come back in other users' conversations, each on
    the answer that user was given."""
    num = st.num
    num[W_PREFIXED] += 1.0
    item = branch[0] ^ user_hash
    heads = (*branch[1:], 0, 0, 0)[:len(HEADS)]
    ring = st.branches
    if ring is None:
        st.branches = array("I", (item, 0, *heads))
        return
    for at in range(0, len(ring), _ENTRY):
        if ring[at] != item:
            continue
        count = ring[at + 1]
        old = ring[at + 2:at + _ENTRY]
        if count != INSTRUCTION and any(a and b and a != b for a, b in zip(old, heads, strict=True)):
            count = INSTRUCTION if count >= MAX_ITEM_BRANCHES else count + 1
        entry = (item, count, *(heads if sum(map(bool, heads)) >= sum(map(bool, old)) else old))
        del ring[at:at + _ENTRY]
        ring.extend(entry)  # the most recent item last
        return
    ring.extend((item, 0, *heads))
    if len(ring) > BRANCH_RING * _ENTRY:
        if ring[1] != INSTRUCTION:  # an item's branches count once it is done with (see the module docstring)
            num[W_BRANCHED] += ring[1]
        del ring[:_ENTRY]
