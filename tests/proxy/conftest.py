"""A real gateway (uvicorn subprocess) in front of the mock teacher on its own port."""

from __future__ import annotations

from dataclasses import dataclass

import openai
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import MockTeacherHandle, running_mock_teacher
from tests.support.ports import closed_port


@pytest.fixture(scope="package")
def teacher() -> MockTeacherHandle:
    with running_mock_teacher() as handle:
        yield handle


@pytest.fixture(scope="module")
def dead_port() -> int:
    """A port that refuses connections for the module's life: a dead upstream's."""
    with closed_port() as port:
        yield port


@dataclass
class Keys:
    alice: str
    free: str


@pytest.fixture(scope="package")
def gateway(teacher: MockTeacherHandle) -> GatewayProcess:
    # Pass-through fidelity is checked here; watermarking has its own end-to-end tests.
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=("30-watermark*",))
    gw.keys = Keys(alice=gw.create_key("acme", "alice", tier="pro"), free=gw.create_key("acme", "trial", tier="free"))
    gw.start()
    yield gw
    gw.stop()


@pytest.fixture
def teacher_log(teacher: MockTeacherHandle) -> MockTeacherHandle:
    teacher.clear_requests()
    teacher.clear_faults()
    return teacher


@pytest.fixture
def alice(gateway: GatewayProcess) -> openai.OpenAI:
    """The OpenAI SDK as account acme/alice."""
    return openai.OpenAI(base_url=gateway.openai_base_url, api_key=gateway.keys.alice, max_retries=0)


@pytest.fixture
def other(gateway: GatewayProcess) -> openai.OpenAI:
    """The OpenAI SDK as another account of the same tenant (acme/trial)."""
    return openai.OpenAI(base_url=gateway.openai_base_url, api_key=gateway.keys.free, max_retries=0)
