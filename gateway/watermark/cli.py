"""Plain functions behind `covenant watermark detect|trace` (the CLI module only parses arguments)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import orjson

from gateway.watermark.detect import DEFAULT_THRESHOLD, KeyRegistry, detect, detect_corpus
from gateway.watermark.provenance import MemoryProvenanceIndex, RedisProvenanceIndex
from gateway.watermark.reference import Reference


def _read(path: str) -> str:
    return sys.stdin.read() if path == "-" else Path(path).read_text("utf-8", errors="replace")


def _jsonl_texts(raw: str) -> list[str]:
    """One document per line: a JSON string, or an object with "text" (or "completion"/"output")."""
    texts = []
    for line in raw.splitlines():
        if not line.strip():
            continue
        item = orjson.loads(line)
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, dict):
            for k in ("text", "completion", "output", "response"):
                if isinstance(item.get(k), str):
                    texts.append(item[k])
                    break
    return texts


def _documents(paths: Sequence[str]) -> list[str]:
    texts: list[str] = []
    for p in paths:
        raw = _read(p)
        texts.extend(_jsonl_texts(raw) if p.endswith(".jsonl") else [raw])
    return texts


def detect_files(paths: Sequence[str], registry: KeyRegistry, corpus: bool = False, *,
                 strength: float = 1.0, threshold: float = DEFAULT_THRESHOLD,
                 reference: Sequence[str] = ()) -> dict:
    """Per file results, or (corpus=True) one aggregated result over every document of every file.

    In corpus mode ``.jsonl`` files contribute one document per line, other files one each;
    ``reference`` files hold unmarked documents of the same source (scored on residuals against them).
    """
    if corpus:
        ref = Reference.from_texts(_documents(reference), registry.wm) if reference else None
        res = detect_corpus(_documents(paths), registry, strength=strength, threshold=threshold, reference=ref)
        out = {"corpus": res.to_dict()}
        if ref is not None:
            out["corpus"]["reference_documents"] = ref.documents
        return out
    return {"files": {p: detect(_read(p), registry, strength=strength, threshold=threshold).to_dict()
                      for p in paths}}


async def trace_text(text: str, index: MemoryProvenanceIndex | RedisProvenanceIndex, *,
                     min_similarity: float = 0.1, limit: int = 10) -> list[dict]:
    matches = await index.trace(text, min_similarity=min_similarity, limit=limit)
    return [asdict(m) for m in matches]
