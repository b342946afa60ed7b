"""Human-written documents read at run time from /usr/share/doc (never committed)."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

DOC_ROOT = "/usr/share/doc"
_CODE_LINE = re.compile(r"[{};=()<>\[\]$#]|^\s{4,}\S|^\s*(?:def|class|import|if|for|return)\b")
_PARA = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Doc:
    path: str
    text: str
    words: int
    code_heavy: bool


def _read(path: str) -> str | None:
    try:
        with open(path, "rb") as f:
            raw = f.read(2_000_000)
        if path.endswith(".gz"):
            raw = gzip.decompress(raw)[:2_000_000]
        elif raw[:2] == b"\x1f\x8b" or path.endswith((".bz2", ".xz", ".png", ".jpg", ".pdf", ".zst")):
            return None
        if b"\x00" in raw[:4096]:
            return None
        return raw.decode("utf-8")
    except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile):
        return None


def _chunks(text: str, max_words: int) -> Iterator[str]:
    """Paragraph-aligned chunks of at most ~max_words words (the original whitespace kept)."""
    buf: list[str] = []
    n = 0
    for para in _PARA.split(text):
        w = len(para.split())
        if n and n + w > max_words:
            yield "\n\n".join(buf)
            buf, n = [], 0
        buf.append(para)
        n += w
    if buf:
        yield "\n\n".join(buf)


def human_documents(limit: int, min_words: int = 20, max_words: int = 800) -> list[Doc]:
    """Up to ``limit`` distinct chunks of the plain-text documentation under /usr/share/doc."""
    docs: list[Doc] = []
    seen: set[bytes] = set()
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(DOC_ROOT) for f in fs)
    for path in paths:
        if os.path.islink(path):
            continue
        text = _read(path)
        if not text:
            continue
        for chunk in _chunks(text, max_words):
            words = len(chunk.split())
            if words < min_words:
                continue
            h = hashlib.blake2b(" ".join(chunk.split()).encode(), digest_size=16).digest()
            if h in seen:  # the GPL and friends are installed many times
                continue
            seen.add(h)
            lines = [ln for ln in chunk.splitlines() if ln.strip()]
            code = sum(1 for ln in lines if _CODE_LINE.search(ln)) / max(1, len(lines))
            docs.append(Doc(path, chunk, words, code >= 0.3))
            if len(docs) >= limit:
                return docs
    return docs


def prefix_words(text: str, n: int) -> str | None:
    """The prefix of ``text`` holding its first ``n`` words (original formatting), or None if shorter."""
    count = 0
    for m in re.finditer(r"\S+", text):
        count += 1
        if count == n:
            return text[:m.end()]
    return None
