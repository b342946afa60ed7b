"""Edits an adversary (or an ordinary editor) applies to a leaked text."""

from __future__ import annotations

import random
import re
import unicodedata

from gateway.watermark.table import EquivalenceTable

_FILLER = ("the", "of", "and", "to", "in", "it", "is", "that", "for", "on", "with", "as", "this", "by", "we",
           "system", "value", "data", "note", "well", "just", "then", "here", "very", "much")


def delete_words(text: str, share: float, rng: random.Random) -> str:
    return " ".join(w for w in text.split() if rng.random() >= share)


def insert_words(text: str, share: float, rng: random.Random) -> str:
    out = []
    for w in text.split():
        out.append(w)
        if rng.random() < share:
            out.append(rng.choice(_FILLER))
    return " ".join(out)


def replace_words(text: str, share: float, rng: random.Random) -> str:
    return " ".join(rng.choice(_FILLER) if rng.random() < share else w for w in text.split())


def synonym_attack(text: str, table: EquivalenceTable, share: float, rng: random.Random) -> str:
    """An adversary who has the table: each table word is re-drawn uniformly with probability ``share``."""

    def swap(m: re.Match) -> str:
        w = m.group()
        entry = table.index.get(w.lower())
        if entry is None or rng.random() >= share:
            return w
        new = rng.choice(table.sets[entry[0]])
        return new.capitalize() if w[0].isupper() else new

    return re.sub(r"[A-Za-z]+", swap, text)


def case_whitespace(text: str, rng: random.Random) -> str:
    words = [w.upper() if rng.random() < 0.3 else w.lower() if rng.random() < 0.5 else w.title()
             for w in text.split()]
    return "".join(w + rng.choice([" ", "  ", "\n", "\t "]) for w in words)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def shuffle_sentences(text: str, rng: random.Random) -> str:
    parts = re.split(r"(?<=[.!?])\s+", text)
    rng.shuffle(parts)
    return " ".join(parts)


def truncate(text: str, share: float) -> str:
    words = text.split()
    return " ".join(words[: max(1, int(len(words) * share))])
