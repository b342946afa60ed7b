"""A mock teacher on its own port, shared by this package's gateways."""

from __future__ import annotations

import pytest

from tests.support.mock_teacher import MockTeacherHandle, running_mock_teacher


@pytest.fixture(scope="package")
def teacher() -> MockTeacherHandle:
    with running_mock_teacher() as handle:
        yield handle
