"""A tiny student: a word trigram language model with stupid back-off, trained on text and sampled."""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict

_TOKEN = re.compile(r"[A-Za-z']+|[.,;:!?]")


class TrigramLM:
    def __init__(self) -> None:
        self.tri: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.bi: dict[str, Counter[str]] = defaultdict(Counter)
        self.uni: Counter[str] = Counter()

    def train(self, texts: list[str]) -> None:
        for text in texts:
            toks = ["<s>", "<s>"] + _TOKEN.findall(text) + ["</s>"]
            for a, b, c in zip(toks, toks[1:], toks[2:], strict=False):
                self.tri[(a, b)][c] += 1
                self.bi[b][c] += 1
                self.uni[c] += 1

    def _pick(self, counts: Counter[str], rng: random.Random) -> str:
        words, weights = zip(*counts.items(), strict=True)
        return rng.choices(words, weights=weights)[0]

    def generate(self, rng: random.Random, max_tokens: int = 250) -> str:
        a, b = "<s>", "<s>"
        out: list[str] = []
        for _ in range(max_tokens):
            counts = self.tri.get((a, b)) or self.bi.get(b) or self.uni
            c = self._pick(counts, rng)
            if c == "</s>":
                break
            out.append(c)
            a, b = b, c
        text = ""
        for t in out:
            text += t if t in ".,;:!?" else " " + t
        return text.strip()
