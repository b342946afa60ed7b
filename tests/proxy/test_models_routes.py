"""Listing and retrieving models: both SDKs call GET /v1/models and /v1/models/{id}; the gateway answers in
the caller's dialect, forwards the list's query string, and sends a model id upstream as one path segment."""

from __future__ import annotations

import anthropic
import httpx
import openai
import pytest


@pytest.fixture
def oai(gateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.openai_base_url, api_key=gateway.keys.alice, max_retries=0)


@pytest.fixture
def ant(gateway) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=gateway.url, api_key=gateway.keys.alice, max_retries=0)


def test_openai_sdk_lists_and_retrieves_a_model(oai, teacher_log):
    assert [m.id for m in oai.models.list()]
    model = oai.models.retrieve("gpt-4o-mini")
    assert model.id == "gpt-4o-mini" and model.object == "model"
    assert [r["path"] for r in teacher_log.requests()] == ["/v1/models", "/v1/models/gpt-4o-mini"]


def test_anthropic_sdk_gets_anthropic_pages_with_its_query_string(ant, teacher_log):
    page = ant.models.list(limit=2)
    assert len(page.data) == 2 and page.data[0].type == "model" and page.has_more
    assert ant.models.retrieve("claude-mock-1").display_name == "claude-mock-1"
    listed = teacher_log.requests()[0]
    assert listed["path"] == "/v1/models" and "limit=2" in listed["query"]
    assert "anthropic-version" in listed["headers"]


def test_a_model_id_goes_upstream_as_one_encoded_segment(gateway, teacher_log):
    headers = {"Authorization": f"Bearer {gateway.keys.alice}"}
    r = httpx.get(gateway.url + "/v1/models/..%2Ffiles", headers=headers)
    assert r.status_code == 200 and r.json()["id"] == "../files"
    assert teacher_log.requests()[-1]["raw_path"] == "/v1/models/..%2Ffiles"
    r = httpx.get(gateway.url + "/v1/models/org%2Fmodel-7b", headers=headers)
    assert r.json()["id"] == "org/model-7b"
    assert teacher_log.requests()[-1]["raw_path"] == "/v1/models/org%2Fmodel-7b"


def test_dot_segments_name_no_model(gateway, teacher_log):
    for segment in ("%2E%2E", "%2E", "%2e%2E"):  # encoded: HTTP clients resolve a literal ".." themselves
        r = httpx.get(gateway.url + "/v1/models/" + segment, headers={"Authorization": f"Bearer {gateway.keys.alice}"})
        assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_route", segment
    assert teacher_log.requests() == []


def test_other_methods_on_the_models_paths_are_not_allowed(gateway):
    for path in ("/v1/models", "/v1/models/gpt-4o"):
        r = httpx.post(gateway.url + path, headers={"Authorization": f"Bearer {gateway.keys.alice}"}, json={})
        assert r.status_code == 405, path
        assert r.json()["error"]["code"] == "method_not_allowed"


def test_access_policy_applies_to_the_retrieved_model(gateway):
    free = openai.OpenAI(base_url=gateway.openai_base_url, api_key=gateway.keys.free, max_retries=0)
    assert free.models.retrieve("gpt-4o-mini").id == "gpt-4o-mini"
    with pytest.raises(openai.PermissionDeniedError, match="not available on the free tier"):
        free.models.retrieve("gpt-4o")


def test_errors_on_the_models_routes_come_in_the_callers_dialect(gateway):
    with pytest.raises(anthropic.AuthenticationError) as caught:
        anthropic.Anthropic(base_url=gateway.url, api_key="sk-wrong", max_retries=0).models.list()
    assert caught.value.body["type"] == "error" and caught.value.body["error"]["type"] == "authentication_error"
    with pytest.raises(openai.AuthenticationError) as caught:
        openai.OpenAI(base_url=gateway.openai_base_url, api_key="sk-wrong", max_retries=0).models.retrieve("x")
    assert "error" in caught.value.body or caught.value.code
