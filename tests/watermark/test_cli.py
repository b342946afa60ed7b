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


def test_a_corpus_on_standard_input_is_one_document_per_line(tmp_path) -> None:
    """`covenant watermark detect --corpus [--reference R] < set.jsonl` scored standard input as one plain text and
    ignored --corpus and --reference (even a file that does not exist); it is a corpus of JSON lines."""
    import json
    import os
    import subprocess
    import sys

    wm = Watermarker(SECRET)
    lines = [orjson.dumps({"text": wm.mark(prose(wm.table, 6, seed=50 + i), tenant="t1", account="a3")})
             for i in range(60)]
    (tmp_path / "unmarked.jsonl").write_bytes(b"\n".join(orjson.dumps(prose(wm.table, 6, seed=5000 + i))
                                                         for i in range(80)))

    def detect(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "gateway", "watermark", "detect", *args], cwd=tmp_path,
                              input=b"\n".join(lines), capture_output=True, timeout=120,
                              env={**os.environ, "COVENANT_WATERMARK_SECRET": SECRET.decode()})

    for args in (["--corpus"], ["--corpus", "-"], ["--corpus", "--reference", "unmarked.jsonl"]):
        out = detect("--account", "t1/a3", *args)
        assert out.returncode == 0, out.stderr
        res = json.loads(out.stdout)["corpus"]
        assert res["documents"] == 60 and res["detected"] and res["account"] == "a3", (args, res)
    assert json.loads(detect("--corpus", "--reference", "unmarked.jsonl").stdout)["corpus"]["reference_documents"] == 80
    out = detect("--corpus", "--reference", "missing.jsonl")
    assert out.returncode == 1 and "cannot read missing.jsonl" in out.stderr.decode()
    out = detect("--reference", "unmarked.jsonl")  # standard input, not a corpus
    assert out.returncode == 1 and "--reference applies to --corpus detection" in out.stderr.decode()
