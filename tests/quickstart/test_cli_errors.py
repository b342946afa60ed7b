"""Commands given something that is not there, or not what it should be, say so in one line (exit 1 for a missing
input, 2 for a malformed one), never with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.ports import closed_port


def covenant(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "gateway", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, env={**os.environ, **env}, input="")


@pytest.mark.parametrize(("args", "said"), [
    (("watermark", "detect", "missing.txt"), "covenant: cannot read missing.txt: No such file or directory"),
    (("watermark", "detect", "--corpus", "missing.jsonl"), "covenant: cannot read missing.jsonl: No such file or directory"),
    (("extraction", "replay", "missing.jsonl"), "covenant: cannot read missing.jsonl: No such file or directory"),
    (("extraction", "replay", "."), "covenant: cannot read .: Is a directory"),
    (("policy", "test", "--policies", "nowhere"), "nowhere: no such file or directory"),
    (("policy", "validate", "nowhere"), "nowhere: no such file or directory"),
])
def test_a_missing_input_is_one_line(tmp_path, args, said):
    out = covenant(tmp_path, *args)
    assert out.returncode == 1 and said in out.stderr.splitlines(), out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("args", [("config", "docs", "-o"), ("policy", "docs", "--output"),
                                  ("extraction", "replay", "-", "--output")])
def test_an_output_file_that_cannot_be_written_says_write(tmp_path, args):
    out = covenant(tmp_path, *args, "nowhere/out.md")
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert "covenant: cannot write nowhere/out.md: No such file or directory" in out.stderr.splitlines(), out.stderr


def test_an_unreachable_gateway_is_one_line(tmp_path):
    with closed_port() as port:
        url = f"http://127.0.0.1:{port}"
        out = covenant(tmp_path, "watermark", "trace", "some leaked text", "--gateway", url, COVENANT_ADMIN_TOKEN="t")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith(f"covenant watermark trace: cannot reach the gateway at {url}/admin/v1/watermark/trace")


def test_detect_does_not_speak_like_a_serving_gateway(tmp_path):
    out = covenant(tmp_path, "watermark", "detect", "-", COVENANT_WATERMARK_SECRET="s" * 32)
    assert out.returncode == 0 and "scoring against 0 known accounts" in out.stderr
    assert "no API keys yet" not in out.stderr and "DEVELOPMENT KEY" not in out.stderr


def test_a_corpus_line_that_is_not_json_is_named_with_its_line(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"text": "hello"}\nnot json\n')
    out = covenant(tmp_path, "watermark", "detect", "--corpus", "bad.jsonl", COVENANT_WATERMARK_SECRET="s" * 32)
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    assert out.stderr.splitlines()[-1].startswith("covenant watermark detect: bad.jsonl:2: not a JSON line")


@pytest.mark.parametrize("content", ["{bad", "[]", '{"keys": [{"id": "x"}]}'])
@pytest.mark.parametrize("command", [("keys", "list"), ("keys", "revoke", "x"), ("keys", "create", "--tenant", "t",
                                                                                  "--account", "a")])
def test_a_corrupt_keys_file_is_one_line_and_left_as_it_was(tmp_path, content, command):
    (tmp_path / "covenant-keys.json").write_text(content)
    out = covenant(tmp_path, *command)
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    assert out.stderr.strip().splitlines()[-1].startswith("covenant: covenant-keys.json: not a keys file:")
    assert (tmp_path / "covenant-keys.json").read_text() == content


@pytest.mark.parametrize(("content", "said"), [
    ('["A big house.", "Usually large."]', "not a reference export"),  # documents belong in .txt / .jsonl
    ('{"table": "ab", "docu', "not a reference export"),  # cut short
    ('{"table": "00", "documents": 3, "counts": {}}', "built with a different equivalence table"),
    ('{"table": "{digest}", "counts": {"0": [1, 0, 0, 0]}}', "not a reference export"),  # no "documents"
    ('{"table": "{digest}", "documents": 1, "counts": {"99999": [1, 0]}}', "not a reference export"),
])
def test_a_reference_json_that_is_not_a_reference_export_is_one_line(tmp_path, content, said):
    """A .json reference is the counts `covenant watermark reference export` writes; anything else was read as
    one plain document (a silently useless reference) or ended in a traceback."""
    from gateway.watermark.table import load_table

    (tmp_path / "student.jsonl").write_text('{"text": "A big house is usually large."}\n')
    (tmp_path / "ref.json").write_text(content.replace("{digest}", load_table().digest.hex()))
    out = covenant(tmp_path, "watermark", "detect", "--corpus", "student.jsonl", "--reference", "ref.json",
                   COVENANT_WATERMARK_SECRET="s" * 32)
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    last = out.stderr.splitlines()[-1]
    assert last.startswith("covenant watermark detect: ref.json: ") and said in last, last


@pytest.mark.parametrize("args", [("policy", "schema"), ("config", "docs"), ("policy", "docs"), ("keys", "list")])
def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path, args):
    """`covenant policy schema | head -1`: once the reader has gone, the command stops with status 0 and no
    traceback (the pipe's read end is closed before the command writes, as `head` closes it after a line)."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        out = subprocess.run([sys.executable, "-m", "gateway", *args], cwd=tmp_path, stdout=write_end,
                             stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write_end)
    assert out.returncode == 0 and out.stderr == "", out.stderr


@pytest.mark.parametrize("line", ['{"messages": [{"role": "assistant", "content": "hello"}]}', '{"content": "hello"}',
                                  "null", "42"])
def test_a_corpus_line_that_holds_no_document_is_named_with_its_line(tmp_path, line):
    """A JSON line with no text where a document was expected (a chat-format training set, a "content" field) was
    skipped without a word: a corpus of such lines was scored as 0 documents and reported 'not detected'."""
    (tmp_path / "set.jsonl").write_text('{"text": "hello"}\n' + line + "\n")
    for args in (("--corpus", "set.jsonl"), ("--corpus", "-", "--reference", "set.jsonl")):
        out = covenant(tmp_path, "watermark", "detect", *args, COVENANT_WATERMARK_SECRET="s" * 32)
        assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
        last = out.stderr.splitlines()[-1]
        assert last.startswith("covenant watermark detect: set.jsonl:2: no document in this line"), last
