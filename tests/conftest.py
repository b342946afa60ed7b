"""Shared fixtures: real servers on loopback; how xdist deals tests to workers."""

import os
import re

import pytest

# Presidio's e-mail recognizer must use its bundled public-suffix list, never the network.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from tests.support.redis_server import RedisServer, start_redis  # noqa: E402


@pytest.fixture(scope="session")
def redis_server() -> RedisServer:
    """One redis-server for the session; tests flush what they use."""
    server = start_redis()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    redis_server.cli("FLUSHALL")
    return redis_server.url


@pytest.fixture
def own_redis() -> RedisServer:
    """A redis-server of this test's own, for tests that kill, slow or fill it."""
    server = start_redis()
    yield server
    server.stop()


# `--dist loadgroup` (pyproject.toml): each test module runs on one xdist worker, in order, so a module-scoped
# fixture (a gateway process, ~5 s of CPU to start; a generated traffic log, 5-60 s) is made once, and a test that
# reads what the module's earlier tests did through the shared gateway sees it. The blind traffic variants' module
# is split by variant (its 165 tests would otherwise load one worker): a test goes with the variant its fixtures
# generate - `vNN_log`, `vNN_small` and the like by name, `variant_log` by its parameter.
VARIANT_FIXTURE = re.compile(r"^(v\d+)_[a-z_]+$")


def _xdist_group(item: pytest.Item) -> str:
    module = item.nodeid.split("::", 1)[0]
    if "test_traffic_blind_variants" in module:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "variant_log" in callspec.params:
            return f"blind-{callspec.params['variant_log']}"
        for name in getattr(item, "fixturenames", ()):
            if m := VARIANT_FIXTURE.match(name):
                return f"blind-{m.group(1)}"
    return module


# A frozen blind set's audit: the tests that read its full window (`vNN_log`: days of traffic, 5-20 s of CPU to
# generate each) re-check properties of data whose bytes the default suite pins (`vNN_small`'s sha256). They are
# the `blind_audit` tier (pyproject.toml deselects it by default; `python -m benchmarks.blind_audit` runs it).
FULL_WINDOW_FIXTURE = re.compile(r"^v\d+_log$")


def pytest_terminal_summary(terminalreporter, config) -> None:
    """Say that the audit tier was left out (xdist's summary line does not count what its workers deselect)."""
    if "not blind_audit" in (config.getoption("markexpr") or ""):
        terminalreporter.write_line("the blind_audit tier (frozen blind traffic sets' full windows) was deselected: "
                                    "python -m benchmarks.blind_audit runs it")


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.xdist_group(_xdist_group(item)))
        if any(FULL_WINDOW_FIXTURE.match(name) for name in getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.blind_audit)
