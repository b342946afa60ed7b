"""A configuration that does not load says where and why, one line per problem, and the command stops
with status 2 instead of a traceback: the file's line and column, the environment variable or the flag
that set the bad value."""

from __future__ import annotations

import os
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


@pytest.mark.parametrize(("var", "value", "said"), [
    ("COVENANT_LOG_LEVEL", "verbose",
     "COVENANT_LOG_LEVEL: log_level: unknown log level 'verbose': use one of debug, info, warning, error, critical"),
    ("COVENANT_PORT", "99999", "COVENANT_PORT: port: Input should be less than or equal to 65535"),
    ("COVENANT_PORT", "tcp://10.0.0.1:80", "COVENANT_PORT: port: 'tcp://10.0.0.1:80' is a Kubernetes service link"),
    ("COVENANT_ADMIN_PORT", "8080", "COVENANT_ADMIN_PORT: admin_port: 8080 is also the proxy's port"),
    ("COVENANT_STORE", "redsi://:hunter2@cache:6379", "COVENANT_STORE: store: unknown store URL 'redsi://***@cache:6379'"),
    ("COVENANT_STORE_TIMEOUT_MS", "0", "COVENANT_STORE_TIMEOUT_MS: store_timeout_ms: Input should be greater than 0"),
    ("COVENANT_DRAIN_SECONDS", "-1", "COVENANT_DRAIN_SECONDS: drain_seconds: Input should be greater than or equal to 0"),
    ("COVENANT_LIMITS__MAX_BODY_BYTES", "0",
     "COVENANT_LIMITS__MAX_BODY_BYTES: limits.max_body_bytes: Input should be greater than or equal to 1"),
])
def test_a_value_the_gateway_cannot_run_with_is_refused_by_its_variable(tmp_path, monkeypatch, var, value, said):
    """These once started the gateway anyway: a log level crashed it with a traceback, port
    99999 printed "running on :99999", a mistyped store scheme or an admin port equal to the proxy's failed only
    after the whole start-up, and a zero body limit answered every request 413."""
    monkeypatch.setenv(var, value)
    (error,) = _errors(tmp_path, "port: 8080\n")
    assert error.startswith(said), error
    assert "hunter2" not in error


def test_log_levels_are_taken_in_any_case(tmp_path, monkeypatch):
    monkeypatch.setenv("COVENANT_LOG_LEVEL", "WARNING")
    assert load_settings(str(_write(tmp_path, "port: 8080\n"))).log_level == "warning"


def test_a_mistyped_variable_is_named_with_the_setting_it_resembles():
    from gateway.config import unknown_environment

    environ = {
        "COVENANT_ADMIN_TOKN": "x", "COVENANT_LIMITZ__MAX_BODY_BYTES": "1", "COVENANT_VERSION": "3",
        "COVENANT_CONFIG_FILE": "c.yaml",  # `--config` chooses the file: a setting of its own would be ignored
        # settings, nested settings, and variables other commands read: not reported
        "COVENANT_ADMIN_TOKEN": "x", "covenant_port": "9000", "COVENANT_LIMITS__MAX_BODY_BYTES": "1",
        "COVENANT_WORKER_NICE": "5",
        # what Kubernetes sets for a Service named covenant-gateway (service links)
        "COVENANT_GATEWAY_SERVICE_HOST": "10.0.0.1", "COVENANT_GATEWAY_SERVICE_PORT_HTTP": "80",
        "COVENANT_GATEWAY_PORT": "tcp://10.0.0.1:80", "COVENANT_GATEWAY_PORT_80_TCP_ADDR": "10.0.0.1",
        "PATH": "/bin",
    }
    assert unknown_environment(environ) == [
        "COVENANT_ADMIN_TOKN is not a setting, ignored (did you mean COVENANT_ADMIN_TOKEN?)",
        "COVENANT_CONFIG_FILE is not a setting, ignored",
        "COVENANT_LIMITZ__MAX_BODY_BYTES is not a setting, ignored (did you mean COVENANT_LIMITS?)",
        "COVENANT_VERSION is not a setting, ignored",
    ]


def test_a_malformed_worker_variable_is_the_worker_commands_error_only(tmp_path):
    """The worker's defaults were read when the command line was built: COVENANT_WORKER_NICE=abc stopped every
    command, `serve` and `keys list` included, with a traceback."""
    env = {**os.environ, "COVENANT_WORKER_NICE": "abc"}
    run = lambda *args: subprocess.run([sys.executable, "-m", "gateway", *args], cwd=tmp_path,  # noqa: E731
                                       capture_output=True, text=True, timeout=60, env=env)
    assert run("keys", "list").returncode == 0
    worker = run("worker")
    assert worker.returncode == 2
    assert "argument --nice: expected a whole number (the flag or COVENANT_WORKER_NICE), got 'abc'" in worker.stderr


def test_key_commands_use_redis_for_every_redis_url():
    """A `unix://` socket is a Redis store to the gateway: `covenant keys create` wrote such keys to the keys file,
    where the gateway never looked."""
    from gateway.cli_keys import open_key_store
    from gateway.identity import RedisKeyStore

    keys, store = open_key_store(load_settings(None, store="unix:///run/redis/redis.sock"))
    assert isinstance(keys, RedisKeyStore) and store is not None


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "covenant.yaml"
    path.write_text(text)
    return path


def test_settings_that_cannot_serve_together_stop_serve_as_a_configuration_error(tmp_path):
    """They ended `covenant serve` with status 1 and a bare sentence."""
    (tmp_path / "covenant.yaml").write_text("admin_port: 9191\n")
    done = subprocess.run([sys.executable, "-m", "gateway", "serve", "--workers", "2"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr == ("covenant: the configuration does not load:\n"
                           "  admin_port: needs workers=1; with several workers serve admin on the main port\n")
