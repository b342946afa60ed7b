"""Shared asks (round 15): sentences that a crowd of small accounts sends with long answers.

A distillation operator spreads its harvest over many small accounts and can dress every prompt in the account's
own voice (a greeting, a context line, a sign-off), so that no template key sees one template: the first and last
tokens of each prompt, which the frame, head and tail keys read, are the voice's. What its pipeline adds survives
the voice: the sentences it appends to get the reasoning ("go through every consideration before the verdict")
and the items it draws from its pool are whole sentences, sent verbatim by account after account with long answers.

A prompt's sentences (split at `.`, `?`, `!` and line breaks; lowercased; 24-240 characters: a greeting or a
sign-off is shorter, a pasted paragraph longer) are hashed on the hot path (`ask_hashes`: at most
`ASKS_PER_PROMPT`, the first and the last three). The detector keeps, per sentence that a small account got a long
answer to (`AskTable`), a linear-counting bitmap of those accounts and how many of the sentence's sendings were
answered at length. A sentence is a *crowd ask* when `crowd` small accounts got a long answer to it -- `crowd` is
`ASK_CROWD_SHARE` of the active accounts, at least `ASK_MIN_ACCOUNTS`, at most `ASK_MAX_ACCOUNTS` (the bitmap's
range) -- and at least `ASK_LONG_SHARE` of its sendings got one (an everyday phrase is sent by many accounts too, but
mostly gets a short answer). A small account's long answer to a crowd ask counts for it (`W_CROWD`).

Only small accounts count, on both sides (a decayed volume at most `SMALL_RATE` times the population median): a
heavy account is judged by its own volume and shares, and a product serving many users sends popular sentences at
volume for its own reasons. The evidence (`scoring`, `shared_asks`) needs the account to be *dedicated* to the
crowd's sentences -- most of its requests long answers to them, the rule that links accounts through a shared
template (`campaigns.DEDICATED_SHARE`) -- because the same sentences are popular content too: students of a course
type the same help phrases, and a campaign that speaks like them shares their sentences (`blind-v7`, `v8`, `v9`,
`v10`), so an account that sends them in a minority of its requests among other work is not judged by them. The
hole this leaves: a crowd member that hides its crowd requests among as many ordinary ones (`blind-v15`'s careful
hydra, a fifth to a third of its requests) is not seen by this term.
"""

from __future__ import annotations

import math
import re
from zlib import crc32

ASK_CHARS = 1000        # sentences are read in the prompt's first 1000 characters
ASK_MIN_CHARS = 24      # shorter: a greeting, a sign-off, "thanks in advance"
ASK_MAX_CHARS = 240     # longer: a pasted paragraph, not a sentence a pipeline appends
ASKS_PER_PROMPT = 6     # the first and the last three sentences (asks sit at the ends, items in between)
ASK_BITS = 512          # linear-counting bitmap of the small accounts per sentence (one Python int, <= ~90 bytes)
ASK_MIN_ACCOUNTS = 24   # a crowd is at least this many small accounts ...
ASK_CROWD_SHARE = 0.05  # ... and this share of the active accounts ...
ASK_MAX_ACCOUNTS = 256  # ... capped where the bitmap still counts well (see the module notes on scale)
ASK_LONG_SHARE = 0.4    # share of a sentence's sendings answered at length: an ask or an item, not a phrase
SMALL_RATE = 3.0        # small account: decayed volume at most this many times the population median
_SEED = 0x61736B73      # crc32 seed: ask hashes are another family than problem and template keys
_SENTENCE = re.compile(r"[.?!\n]+")


def ask_hashes(lowered: str) -> tuple[int, ...]:
    """Hashes of the prompt's sentences of ASK_MIN_CHARS..ASK_MAX_CHARS characters (lowercased text in); at most
    ASKS_PER_PROMPT, the first and the last ones."""
    if len(lowered) < ASK_MIN_CHARS:
        return ()
    parts = [s for p in _SENTENCE.split(lowered[:ASK_CHARS]) if ASK_MIN_CHARS <= len(s := p.strip()) <= ASK_MAX_CHARS]
    if not parts:
        return ()
    if len(parts) > ASKS_PER_PROMPT:
        parts = parts[:ASKS_PER_PROMPT // 2] + parts[-(ASKS_PER_PROMPT // 2):]
    return tuple(dict.fromkeys([crc32(s.encode(errors="surrogatepass"), _SEED) for s in parts]))


def _accounts(bitmap: int) -> float:
    """Linear-counting estimate of the distinct accounts in a bitmap of ASK_BITS bits."""
    zeros = ASK_BITS - bitmap.bit_count()
    return ASK_BITS * math.log(ASK_BITS / zeros) if zeros else float(ASK_BITS * math.log(ASK_BITS))


class AskTable(dict[int, list]):
    """sentence hash -> [bitmap of the small accounts that sent it with a long answer, sendings, long sendings].

    Entries are made by small accounts' long answers only (most sentences never get one); the oldest are dropped
    first beyond `max_asks`. `crowd` (accounts for a crowd ask) is refreshed with the population (`refresh`)."""

    __slots__ = ("max_asks", "crowd")

    def __init__(self, max_asks: int) -> None:
        super().__init__()
        self.max_asks = max_asks
        self.crowd = float(ASK_MIN_ACCOUNTS)

    def refresh(self, active_accounts: int) -> None:
        self.crowd = min(float(ASK_MAX_ACCOUNTS), max(float(ASK_MIN_ACCOUNTS), ASK_CROWD_SHARE * active_accounts))

    def note(self, principal: str, asks: tuple[int, ...], long_out: bool, small: bool) -> bool:
        """Count one sending of `asks`; True when it is a small account's long answer to a crowd ask."""
        crowd = False
        bit = 0
        for h in asks:
            entry = self.get(h)
            if entry is None:
                if not (long_out and small):
                    continue
                if len(self) >= self.max_asks:
                    del self[next(iter(self))]
                entry = self[h] = [0, 0, 0]
            entry[1] += 1
            if long_out:
                entry[2] += 1
                if small:
                    if not bit:
                        bit = 1 << (crc32(principal.encode(errors="surrogatepass")) % ASK_BITS)
                    entry[0] |= bit
                    if entry[2] >= ASK_LONG_SHARE * entry[1] and _accounts(entry[0]) >= self.crowd:
                        crowd = True
        return crowd
