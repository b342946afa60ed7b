"""Keeps each blind traffic variant's tests on one xdist worker (`--dist loadgroup` in pyproject.toml).

A variant's logs are module-scoped fixtures that take 5-60 s to generate; spread over two workers, each worker
generated them again (a third of the blind-variant tests' time). A test is grouped by the variant its fixtures
generate: `vNN_log`, `vNN_small` and the like by name, `variant_log` by its parameter."""

from __future__ import annotations

import re

import pytest

VARIANT_FIXTURE = re.compile(r"^(v\d+)_[a-z_]+$")


def _variant(item: pytest.Item) -> str | None:
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "variant_log" in callspec.params:
        return str(callspec.params["variant_log"])
    for name in getattr(item, "fixturenames", ()):
        m = VARIANT_FIXTURE.match(name)
        if m:
            return m.group(1)
    return None


@pytest.hookimpl(tryfirst=True)  # before xdist's hook reads the marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "test_traffic_blind_variants" not in item.nodeid:
            continue
        variant = _variant(item)
        if variant is not None:
            item.add_marker(pytest.mark.xdist_group(f"blind-{variant}"))
