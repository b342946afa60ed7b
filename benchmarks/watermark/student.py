"""A small student for the radioactivity experiment: a word n-gram language model (maximum
likelihood, backing off to the longest context seen in training), trained on token-id arrays and
sampled for many sequences at once with numpy, so millions of training words and tens of thousands
of generations take seconds instead of minutes.

Tokens are whitespace-separated words with trailing sentence punctuation split off, case kept, so
what is glued in the teacher's text stays glued in the student's (``select()``, ``retain-gids``,
``foo.c``: the watermark scanner never treats those as words); ``<s>`` pads the start of each
training document and ``</s>`` ends it. Line breaks and indentation are not kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

_TOKEN = re.compile(r"[.,;:!?]|[^\s.,;:!?]+(?:[.,;:!?]+[^\s.,;:!?]+)*")
BOS, EOS = 0, 1
_PUNCT = frozenset(".,;:!?")


class Vocabulary:
    """Token <-> id; ids 0 and 1 are ``<s>`` and ``</s>``."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {"<s>": BOS, "</s>": EOS}
        self.words: list[str] = ["<s>", "</s>"]

    def encode(self, text: str) -> np.ndarray:
        ids, words = self.ids, self.words
        out = []
        for tok in _TOKEN.findall(text):
            i = ids.get(tok)
            if i is None:
                i = ids[tok] = len(words)
                words.append(tok)
            out.append(i)
        return np.asarray(out, dtype=np.int64)

    def decode(self, row: np.ndarray) -> str:
        text = []
        for i in row.tolist():
            if i == EOS:
                break
            w = self.words[i]
            text.append(w if w in _PUNCT else " " + w)
        return "".join(text).strip()


def stream(docs: Iterable[np.ndarray], order: int) -> np.ndarray:
    """Training documents as one token stream: ``order - 1`` x ``<s>``, the tokens, ``</s>``."""
    pad = np.full(order - 1, BOS, dtype=np.int64)
    end = np.array([EOS], dtype=np.int64)
    parts = []
    for d in docs:
        parts += [pad, d, end]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


class _Level:
    """Counts of (context, next token) for one context length, sorted by context then token."""

    def __init__(self, ctx: np.ndarray, nxt: np.ndarray, vocab: int) -> None:
        self.ctx, ctx_id = np.unique(ctx, return_inverse=True)  # packed contexts, sorted
        key, count = np.unique(ctx_id * vocab + nxt, return_counts=True)
        self.next = key % vocab
        _, start = np.unique(key // vocab, return_index=True)
        self.cum = np.cumsum(count)  # inclusive
        end = np.append(start[1:], len(key))
        self.base = np.where(start > 0, self.cum[np.maximum(start - 1, 0)], 0)
        self.total = self.cum[end - 1] - self.base

    def sample(self, ctx: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """(found, token) for each context; token is meaningless where not found."""
        i = np.minimum(np.searchsorted(self.ctx, ctx), len(self.ctx) - 1)
        found = self.ctx[i] == ctx
        u = np.floor(rng.random(len(ctx)) * self.total[i]).astype(np.int64)
        j = np.minimum(np.searchsorted(self.cum, self.base[i] + u, side="right"), len(self.next) - 1)
        return found, self.next[j]


class NgramLM:
    """Order-``order`` model: P(next | previous order-1 tokens) by maximum likelihood; a context never
    seen in training backs off to the next shorter one (down to the unigram distribution)."""

    def __init__(self, order: int, vocab_size: int) -> None:
        if not 1 <= order <= 3:
            raise ValueError("order must be 1, 2 or 3 (contexts are packed into one int64)")
        if order == 3 and vocab_size >= 3_000_000_000:
            raise ValueError("vocabulary too large to pack two tokens into one int64")
        self.order = order
        self.vocab = vocab_size
        self.levels: list[_Level] = []

    def train(self, tokens: np.ndarray) -> NgramLM:
        """``tokens``: a `stream` of the training documents built with the same order."""
        V, n = self.vocab, self.order
        nxt = tokens[n - 1:]
        keep = nxt != BOS  # never predict the padding of the next document
        self.levels = []
        for k in range(n - 1, -1, -1):  # context length k, longest first
            ctx = np.zeros(len(nxt), dtype=np.int64)
            for j in range(k):
                ctx = ctx * V + tokens[n - 1 - k + j: len(tokens) - k + j]
            self.levels.append(_Level(ctx[keep], nxt[keep], V))
        return self

    def generate(self, n: int, max_tokens: int, rng: np.random.Generator) -> np.ndarray:
        """``n`` sequences of at most ``max_tokens`` tokens (rows end at ``</s>`` or the limit)."""
        V, order = self.vocab, self.order
        hist = np.full((n, order - 1), BOS, dtype=np.int64)
        out = np.full((n, max_tokens), EOS, dtype=np.int64)
        live = np.arange(n)  # rows that have not produced </s>
        for t in range(max_tokens):
            if not len(live):
                break
            tok = np.empty(len(live), dtype=np.int64)
            todo = np.arange(len(live))  # positions in ``live`` still without a token
            for k, level in zip(range(order - 1, -1, -1), self.levels, strict=True):
                ctx = np.zeros(len(todo), dtype=np.int64)
                for j in range(order - 1 - k, order - 1):
                    ctx = ctx * V + hist[live[todo], j]
                found, pick = level.sample(ctx, rng)
                if not k:
                    found[:] = True
                tok[todo[found]] = pick[found]
                todo = todo[~found]
                if not len(todo):
                    break
            out[live, t] = tok
            if order > 1:
                hist[live, :-1] = hist[live, 1:]
                hist[live, -1] = tok
            live = live[tok != EOS]
        return out
