"""A configuration that does not load says where and why, one line per problem, and the command stops
with status 2 instead of a traceback: the file's line and column, the environment variable or the flag
that set the bad value."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gateway.config import ConfigError, load_settings


def _errors(tmp_path: Path, text: str, **overrides) -> list[str]:
    path = tmp_path / "covenant.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_settings(str(path), **overrides)
    return [e.replace(str(path), "covenant.yaml") for e in caught.value.errors]


def test_file_errors_point_at_their_line(tmp_path):
    text = "port: 8080\nstorre: memory://\naudit:\n  sink: kafka\nupstreams:\n  - {name: a, dialect: openaj}\n"
    assert sorted(_errors(tmp_path, text)) == [
        "covenant.yaml:2:1: storre: unknown setting",
        "covenant.yaml:4:3: audit.sink: Input should be 'none', 'stdout', 'file' or 'redis'",
        "covenant.yaml:6:15: upstreams[0].dialect: Input should be 'openai', 'anthropic' or 'any'",
    ]


def test_broken_yaml_and_a_file_that_is_not_a_mapping(tmp_path):
    assert _errors(tmp_path, "port: [1\n") == ["covenant.yaml:2:1: (yaml): expected ',' or ']', but got '<stream end>'"]
    assert _errors(tmp_path, "- just a list\n") == ["covenant.yaml:1:1: the config file must be a mapping of settings"]
    with pytest.raises(ConfigError, match="cannot read the config file"):
        load_settings(str(tmp_path / "missing.yaml"))


def test_environment_and_flags_are_named(tmp_path, monkeypatch):
    monkeypatch.setenv("COVENANT_AUDIT__SINK", "kafka")
    assert _errors(tmp_path, "port: 8080\n") == [
        "COVENANT_AUDIT__SINK: audit.sink: Input should be 'none', 'stdout', 'file' or 'redis'"]
    monkeypatch.delenv("COVENANT_AUDIT__SINK")
    assert _errors(tmp_path, "port: 8080\n", workers="two")[0].startswith("--workers: workers: Input should be")


def test_the_command_stops_with_the_reasons_and_status_2(tmp_path):
    (tmp_path / "covenant.yaml").write_text("port: 8080\nstorre: memory://\n")
    for args in (["serve"], ["keys", "list"], ["report"]):
        done = subprocess.run([sys.executable, "-m", "gateway", *args], cwd=tmp_path, capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 2, done.stderr
        assert done.stderr == "covenant: the configuration does not load:\n  covenant.yaml:2:1: storre: unknown setting\n"
