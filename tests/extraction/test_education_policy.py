"""The shipped education policy (policies/35-education.yaml): keys labelled segment=education are reviewed, never
throttled or blocked, by the extraction detector. Through the real gateway, under a strict extraction policy that
blocks a chain-of-thought harvester on its own, the same harvest from a class's key is only put in the review queue."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import openai
import pytest

from tests.extraction.test_gateway_extraction import harvest
from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gw():
    with running_mock_teacher() as teacher:
        g = GatewayProcess(upstream_url=teacher.url, policies=Path(__file__).parent / "policies_strict")
        shutil.copy(ROOT / "policies" / "35-education.yaml", g.policy_dir)
        g.scripted = g.create_key("acme", "scripted")
        g.student = g.create_key("kingsmere", "student-17", segment="education")
        g.start()
        yield g
        g.stop()


def run(gw, key: str, n: int = 80) -> int | None:
    """Send the harvest; the request number that was refused (403 or 429), or None."""
    client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0)
    for i in range(n):
        try:
            harvest(client, i)
        except (openai.PermissionDeniedError, openai.RateLimitError):
            return i
        time.sleep(0.02)  # the detector scores off the request path
    return None


def flagged(gw) -> set[str]:
    out = gw.admin("GET", "/admin/v1/extraction/principals", params={"status": "flagged"}).json()["principals"]
    return {p["principal"] for p in out}


def test_the_harvest_that_blocks_an_ordinary_key_only_puts_a_class_key_in_the_review_queue(gw) -> None:
    assert run(gw, gw.scripted) is not None, "the strict policy did not block the harvester: the contrast is lost"
    assert run(gw, gw.student) is None, "a key labelled segment=education was throttled or blocked"
    assert "kingsmere/student-17" in flagged(gw)  # reviewed all the same
