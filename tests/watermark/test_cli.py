"""The functions behind `covenant watermark detect|trace` read files and JSONL corpora."""

from __future__ import annotations

import orjson

from gateway.watermark.cli import detect_files, trace_text
from gateway.watermark.detect import KeyRegistry
from gateway.watermark.embed import Watermarker
from gateway.watermark.provenance import Fingerprinter, MemoryProvenanceIndex
from tests.watermark.prose import prose

SECRET = b"test-master-secret-0123456789abcdef"


def test_detect_files_and_corpus(tmp_path) -> None:
    wm = Watermarker(SECRET)
    reg = KeyRegistry(wm, [("t1", f"a{i}") for i in range(20)])
    marked = tmp_path / "leak.txt"
    marked.write_text(wm.mark(prose(wm.table, 120, seed=1), tenant="t1", account="a7"))
    clean = tmp_path / "clean.txt"
    clean.write_text(prose(wm.table, 120, seed=2))
    out = detect_files([str(marked), str(clean)], reg)
    assert out["files"][str(marked)]["detected"] and out["files"][str(marked)]["account"] == "a7"
    assert not out["files"][str(clean)]["detected"]
    corpus = tmp_path / "set.jsonl"
    lines = [{"text": wm.mark(prose(wm.table, 6, seed=50 + i), tenant="t1", account="a3")} for i in range(60)]
    corpus.write_bytes(b"\n".join(orjson.dumps(x) for x in lines))
    res = detect_files([str(corpus)], reg, corpus=True)["corpus"]
    assert res["documents"] == 60 and res["detected"] and res["account"] == "a3"
    orjson.dumps(out)  # JSON-ready for the admin route


async def test_trace_text() -> None:
    index = MemoryProvenanceIndex(Fingerprinter(SECRET))
    text = prose(Watermarker(SECRET).table, 40, seed=3)
    await index.add("resp-1", text, tenant="t1", account="a1", ts=5.0)
    rows = await trace_text(text, index)
    assert rows == [{"similarity": 1.0, "account": "a1", "tenant": "t1", "ts": 5.0, "response_id": "resp-1"}]


def test_corpus_detection_against_reference_files(tmp_path) -> None:
    wm = Watermarker(SECRET)
    reg = KeyRegistry(wm, [("t1", f"a{i}") for i in range(20)])
    corpus, reference = tmp_path / "student.jsonl", tmp_path / "unmarked.jsonl"
    corpus.write_bytes(b"\n".join(orjson.dumps(wm.mark(prose(wm.table, 6, seed=50 + i), tenant="t1", account="a3"))
                                  for i in range(60)))
    reference.write_bytes(b"\n".join(orjson.dumps({"text": prose(wm.table, 6, seed=5000 + i)}) for i in range(80)))
    res = detect_files([str(corpus)], reg, corpus=True, reference=[str(reference)])["corpus"]
    assert res["reference_documents"] == 80 and res["detected"] and res["account"] == "a3"
