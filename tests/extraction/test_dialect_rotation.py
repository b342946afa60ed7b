"""Dialect rotation: a client speaks the API of its SDK. An account whose generation requests are dealt out over
several APIs, switching request by request, for long answers, is a script made to look like several clients;
a product that sends a share of its questions to a second API (a "deep answer" mode) or a RAG app that embeds
before it asks is not."""

from __future__ import annotations

import random

from gateway.extraction.detector import Detector
from tests.extraction.helpers import event

T0 = 1_767_225_600.0
SYSTEM = "You draft moderation decisions for the policy team."
CHAT, ANTH, RESP, EMB = "openai.chat.completions", "anthropic.messages", "openai.responses", "openai.embeddings"


def body(api: str, text: str) -> dict:
    if api == ANTH:
        return {"model": "claude-sonnet-4", "system": SYSTEM, "max_tokens": 3000,
                "messages": [{"role": "user", "content": text}]}
    if api == RESP:
        return {"model": "gpt-4.1", "instructions": SYSTEM, "input": text, "max_output_tokens": 3000}
    if api == EMB:
        return {"model": "text-embedding-3-small", "input": text}
    return {"model": "gpt-4.1", "max_tokens": 3000,
            "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": text}]}


def case(k: int) -> str:
    return (f"Policy area {k % 7}, surface {k % 5}: a post that quotes a slur to criticise it, case {k}. Decide "
            f"under the policy and write the reviewer's note.")


def run(apis: list[str], end_users: int = 0) -> dict:
    det, t = Detector(), T0
    for k, api in enumerate(apis):
        t += 900.0
        ev = event("acct", t, body(api, case(k)), api=api, output_tokens=0 if api == EMB else 1200)
        if end_users:
            ev.user_hash = 1 + k % end_users
        det.observe(ev)
    det.tick(t)
    d = det.principal_detail("acct")
    assert d is not None
    return d


def test_requests_dealt_out_over_three_apis_are_dialect_rotation() -> None:
    rng = random.Random(7)
    d = run([rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0] for _ in range(60)])
    assert d["signals"]["api_switch_share"] >= 0.45
    assert d["evidence"]["dialect_rotation"] >= 0.45


def test_one_api_or_a_second_api_for_a_share_of_requests_is_no_rotation() -> None:
    assert run([CHAT] * 60)["evidence"]["dialect_rotation"] == 0.0
    # a product's "deep answer" mode: one question in eight to a reasoning model on another API
    d = run([RESP if k % 8 == 3 else CHAT for k in range(60)])
    assert d["signals"]["api_switch_share"] < 0.3 and d["evidence"]["dialect_rotation"] == 0.0


def test_a_deep_mode_on_another_api_for_a_third_of_conversations_is_no_rotation() -> None:
    """A tutoring club: most questions on one API, a third on another with a thinking budget of its own."""
    det, t = Detector(), T0
    for k in range(60):
        t += 900.0
        if k % 3 == 1:
            b = {"model": "claude-sonnet-4", "max_tokens": 16000, "thinking": {"type": "enabled", "budget_tokens": 8000},
                 "messages": [{"role": "user", "content": case(k)}]}
            det.observe(event("club", t, b, api=ANTH, output_tokens=3000))
        else:
            b = {"model": "gpt-4.1", "temperature": 0.5, "messages": [{"role": "user", "content": case(k)}]}
            det.observe(event("club", t, b, output_tokens=1200))
    d = det.principal_detail("club")
    assert d is not None and d["signals"]["api_switch_share"] == 0.0 and d["evidence"]["dialect_rotation"] == 0.0


def test_embedding_before_every_question_is_no_switch() -> None:
    d = run([EMB, CHAT] * 30)
    assert d["signals"]["api_switch_share"] == 0.0 and d["evidence"]["dialect_rotation"] == 0.0


def test_rotation_behind_a_key_fronting_many_end_users_is_discounted() -> None:
    rng = random.Random(7)
    apis = [rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0] for _ in range(60)]
    assert run(apis, end_users=50)["evidence"]["dialect_rotation"] < 0.5 * run(apis)["evidence"]["dialect_rotation"]


def test_a_pipeline_answering_on_one_api_and_judging_on_another_is_no_rotation() -> None:
    det, t = Detector(), T0
    for k in range(40):
        t += 60.0
        det.observe(event("qa", t, {"model": "gpt-4o", "max_tokens": 1500, "messages": [
            {"role": "user", "content": case(k) + " Explain your reasoning first."}]}, output_tokens=1200))
        t += 5.0
        det.observe(event("qa", t, {"model": "claude-sonnet-4", "system": "Grade the answer with the rubric.",
                                    "max_tokens": 600, "messages": [{"role": "user", "content": f"Answer {k}: ..."}]},
                          api=ANTH, output_tokens=200))
    d = det.principal_detail("qa")
    assert d is not None and d["signals"]["api_switch_share"] == 0.0 and d["evidence"]["dialect_rotation"] == 0.0
