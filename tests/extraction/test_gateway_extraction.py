"""Extraction detection through the real gateway: a chain-of-thought harvester is flagged, then
blocked with a clear reason in the caller's dialect; a reviewer can clear it; ordinary use is not."""

from __future__ import annotations

import time
from pathlib import Path

import openai
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher

TOPICS = ["integrals", "prime numbers", "graph colouring", "binary search", "eigenvalues", "recursion",
          "dynamic programming", "probability", "matrix rank", "hash tables", "sorting", "limits"]
CHAT = ["What should I cook tonight?", "Help me write a birthday card for my sister.",
        "Is it going to be a cold winter?", "Recommend a novel like Dune.", "How do I fix a flat tyre?",
        "Translate 'good morning' to Italian.", "Plan a weekend in Lisbon."]


@pytest.fixture(scope="module")
def gw():
    with running_mock_teacher() as teacher:
        g = GatewayProcess(upstream_url=teacher.url, policies=Path(__file__).parent / "policies_strict")
        g.harvester = g.create_key("acme", "harvester")
        g.person = g.create_key("acme", "person")
        for name in ("zoe", "yan", "xia"):
            g.create_key("paged", name)
        g.start()
        yield g
        g.stop()


def harvest(client, i: int):
    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content":
        f"Solve the following problem about {TOPICS[i % len(TOPICS)]} (case {i}). Think step by step and show all "
        "of your reasoning, explaining every intermediate step before giving the final answer."}])


def test_harvester_is_blocked_and_a_reviewer_can_clear_it(gw):
    client = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.harvester, max_retries=0)
    blocked_at = None
    for i in range(80):
        try:
            harvest(client, i)
        except openai.PermissionDeniedError as err:
            blocked_at = i
            assert err.body["code"] == "extraction_blocked"
            assert "bulk extraction" in err.message
            break
        time.sleep(0.02)  # the detector scores off the request path
    assert blocked_at is not None, "a templated chain-of-thought harvester was never blocked"
    flagged = gw.admin("GET", "/admin/v1/extraction/principals", params={"status": "flagged"}).json()["principals"]
    assert "acme/harvester" in [p["principal"] for p in flagged]
    raw = gw.admin("GET", "/admin/v1/extraction/principals/acme/harvester")
    detail = raw.json()
    assert detail and any("reason" in k or "signal" in k for k in detail)
    assert "-0.0" not in raw.text  # zero-valued estimators are reported as 0.0

    r = gw.admin("POST", "/admin/v1/extraction/principals/acme/harvester/decision",
                 json={"decision": "clear", "reviewer": "rita", "note": "partner evaluation"})
    assert r.status_code == 200 and r.json()["decision"] == "clear"
    harvest(client, 999)  # allowed again right after the decision


def test_ordinary_chat_is_not_flagged(gw):
    client = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.person, max_retries=0)
    for i in range(20):
        client.chat.completions.create(model="gpt-4o-mini", max_tokens=60,
                                       messages=[{"role": "user", "content": CHAT[i % len(CHAT)]}])
    flagged = gw.admin("GET", "/admin/v1/extraction/principals", params={"status": "flagged"}).json()["principals"]
    assert "acme/person" not in [p["principal"] for p in flagged]


def test_the_review_list_is_paged_highest_score_first(gw):
    """Confirmed accounts (score 1) are listed before others; `limit` and `offset` page the list, `total` counts it."""
    for name in ("zoe", "yan", "xia"):
        r = gw.admin("POST", f"/admin/v1/extraction/principals/paged/{name}/decision",
                     json={"decision": "confirm", "reviewer": "rita"})
        assert r.status_code == 200
    everyone = gw.admin("GET", "/admin/v1/extraction/principals", params={"status": "block"}).json()
    assert everyone["total"] == len(everyone["principals"]) >= 3
    scores = [p["score"] for p in everyone["principals"]]
    assert scores == sorted(scores, reverse=True)
    page = gw.admin("GET", "/admin/v1/extraction/principals",
                    params={"status": "block", "limit": 2, "offset": 1}).json()
    assert page["principals"] == everyone["principals"][1:3] and page["total"] == everyone["total"]
    assert gw.admin("GET", "/admin/v1/extraction/principals", params={"limit": 0}).status_code == 422
    # every entry of the list opens, those confirmed before they sent anything too
    detail = gw.admin("GET", "/admin/v1/extraction/principals/paged/zoe")
    assert detail.status_code == 200, detail.text
    assert detail.json()["status"] == "block" and detail.json()["decision"]["reviewer"] == "rita"
    assert detail.json()["requests"] == 0


def test_a_decision_on_an_account_no_key_was_issued_to_is_refused(gw):
    """A mistyped account id was recorded with 200, and the account the reviewer meant went on unblocked."""
    for path in ("acme/harvestr", ""):
        r = gw.admin("POST", f"/admin/v1/extraction/principals/{path}/decision",
                     json={"decision": "confirm", "reviewer": "rita"})
        assert r.status_code == 404 and "no API key" in r.json()["detail"], r.text
    flagged = gw.admin("GET", "/admin/v1/extraction/principals").json()["principals"]
    assert "acme/harvestr" not in [p["principal"] for p in flagged]
    r = gw.admin("POST", "/admin/v1/extraction/principals/acme/person/decision",  # a key, no verdict yet: recorded
                 json={"decision": "allowlist", "reviewer": "rita", "note": "known lab"})
    assert r.status_code == 200 and r.json()["decision"] == "allowlist"
