"""One mock teacher per test module (starting one costs a few ms, but SDK clients are reused)."""

from collections.abc import Iterator

import pytest

from gateway.mock_teacher import MockSettings
from tests.support.mock_teacher import MockTeacherHandle, running_mock_teacher


@pytest.fixture(scope="module")
def mock() -> Iterator[MockTeacherHandle]:
    with running_mock_teacher(MockSettings(never_end_interval_ms=10)) as handle:
        yield handle


@pytest.fixture(autouse=True)
def _fresh_state(request: pytest.FixtureRequest) -> None:
    if "mock" in request.fixturenames:
        handle = request.getfixturevalue("mock")
        handle.clear_faults()
        handle.clear_requests()
