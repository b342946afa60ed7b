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


_TEXT_FIELDS = ("text", "completion", "output", "response")


class InputError(ValueError):
    """An input file the command cannot read as what it was given for (told in one line, file and line)."""


def _jsonl_texts(raw: str, path: str = "-") -> list[str]:
    """One document per line: a JSON string, or an object with "text" (or "completion"/"output"/"response");
    any other line is an InputError naming it (skipping it would score fewer documents without a word)."""
    texts = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not a JSON line ({exc}); a .jsonl file holds one document per "
                             "line: a JSON string or an object with a \"text\" field") from None
        if isinstance(item, dict):
            item = next((item[k] for k in _TEXT_FIELDS if isinstance(item.get(k), str)), None)
        if not isinstance(item, str):
            raise InputError(f"{path}:{number}: no document in this line; a .jsonl file holds one document per "
                             f"line: a JSON string or an object with a string field {' or '.join(_TEXT_FIELDS)}")
        texts.append(item)
    return texts


def _documents(paths: Sequence[str]) -> list[str]:
    texts: list[str] = []
    for p in paths:
        raw = _read(p)
        texts.extend(_jsonl_texts(raw, p) if p.endswith(".jsonl") or p == "-" else [raw])  # "-": a piped .jsonl
    return texts


def load_references(paths: Sequence[str], wm, recorded: Reference | None = None) -> Reference | None:
    """One reference from documents (text / .jsonl files), exported counts (.json, `Reference.to_json`, e.g.
    from `covenant watermark reference export`; any other .json is an InputError) and the gateway-recorded
    reference: their counts add up."""
    counted, docs = [], []
    for p in paths:  # each file read once
        if not p.endswith(".json"):
            docs.append(p)
            continue
        try:
            counted.append(Reference.from_json(_read(p).encode(), wm))
        except ValueError as exc:
            raise InputError(f"{p}: {exc}") from None
    parts = counted + ([Reference.from_texts(_documents(docs), wm)] if docs else [])
    parts += [recorded] if recorded is not None else []
    if not parts:
        return None
    return Reference(sum(r.counts for r in parts), sum(r.documents for r in parts), wm.table.digest)


def detect_files(paths: Sequence[str], registry: KeyRegistry, corpus: bool = False, *,
                 strength: float = 1.0, threshold: float = DEFAULT_THRESHOLD,
                 reference: Sequence[str] = (), recorded: Reference | None = None) -> dict:
    """Per file results, or (corpus=True) one aggregated result over every document of every file.

    In corpus mode ``.jsonl`` files and standard input (``-``) contribute one document per line, other files
    one each;
    ``reference`` files hold unmarked documents of the same source, or reference counts (.json from
    `covenant watermark reference export`), and ``recorded`` is the gateway-recorded reference:
    sets are scored on residuals against all of them together.
    """
    if corpus:
        ref = load_references(reference, registry.wm, recorded)
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
