"""Round 14: tool menus that come round again are the account's own set, not a generator's draws.

Menu churn and interface churn compare a fresh request's tool menu with the account's last eight. An application
with more menus than that (an integration platform with dozens of workspaces, a CI suite of a few hundred
catalogues replayed every night) looks new against the last eight nearly every time, yet returns to menus it
declared before; a generator of function-calling data draws a new menu per example and never returns.

Round 18, the same for suspicious prompts (`count_return`): a lab re-running a fixed benchmark asks its items again in
every sitting; a harvest asks new ones."""

from __future__ import annotations

import random

from gateway.extraction.detector import Detector
from gateway.extraction.layout import W_RET_BACK, W_RET_FRESH
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import event

T0 = 1_767_225_600.0
DAY = 86_400.0
NOUNS = ["invoice", "lead", "ticket", "shipment", "contact", "deal", "task", "calendar", "file", "payment", "order",
         "refund", "report", "channel", "campaign", "asset", "contract", "survey", "booking", "employee"]
VERBS = ["get", "list", "create", "update", "delete", "search", "archive", "send", "sync", "export"]


def catalogue(rng: random.Random) -> list[dict]:
    names = {f"{rng.choice(VERBS)}_{rng.choice(NOUNS)}_{rng.randrange(1000)}" for _ in range(rng.randint(3, 8))}
    return [{"type": "function", "function": {"name": n, "parameters": {"type": "object", "properties": {
        "id": {"type": "string"}}}}} for n in sorted(names)]


def tool_request(tools: list[dict], i: int) -> dict:
    name = tools[i % len(tools)]["function"]["name"]
    return {"model": "gpt-4.1", "temperature": 0, "tools": tools,
            "messages": [{"role": "user", "content": f"Call {name} for record {i} and report what it returns."}]}


def test_a_generator_drawing_a_new_menu_per_request_is_flagged_for_menu_churn() -> None:
    rng, det = random.Random(1), Detector()
    t = T0
    for i in range(1200):  # 300 a day around the clock, a new random catalogue every time
        det.observe(event("gen", t, tool_request(catalogue(rng), i), output_tokens=60))
        t += 288.0
    v = det.verdict("gen")
    d = det.principal_detail("gen")
    assert v.status == "flag" and "menu_churn" in v.reasons, d
    assert d["signals"]["returning_interface_share"] < 0.3  # chance collisions in the bitmap only


def test_a_ci_suite_of_200_catalogues_replayed_every_night_is_not_flagged_at_the_end() -> None:
    # Every catalogue is new against the last eight each time (the suite is 200 long), but from the second night
    # on every one of them is one the account declared before.
    rng, det = random.Random(2), Detector()
    suite = [catalogue(rng) for _ in range(200)]
    for night in range(6):
        t = T0 + night * DAY
        for i, tools in enumerate(suite):
            det.observe(event("ci", t, tool_request(tools, i), output_tokens=60))
            t += 0.25
    d = det.principal_detail("ci")
    assert d["signals"]["new_menu_share"] > 0.9  # new against the ring of recent menus, as before
    assert d["signals"]["returning_interface_share"] > 0.85
    assert d["evidence"]["menu_churn"] == 0.0 and d["evidence"]["interface_churn"] == 0.0
    assert det.verdict("ci").status == "ok"


def test_a_platform_with_sixty_fixed_workspaces_is_not_flagged() -> None:
    rng, det = random.Random(3), Detector()
    spaces = [catalogue(rng) for _ in range(60)]
    t = T0
    for i in range(2000):
        det.observe(event("platform", t, tool_request(rng.choice(spaces), i), output_tokens=60))
        t += 150.0
    d = det.principal_detail("platform")
    assert d["signals"]["returning_interface_share"] > 0.85
    assert det.verdict("platform").status == "ok", d


def test_a_generator_drawing_field_subsets_from_a_finite_space_keeps_its_churn() -> None:
    # A structured-output generator whose schemas are random subsets of one document type's fields: the space is
    # finite, so some schemas come back, but far from all (v11's structured_distill: 0.56-0.66 returning).
    fields = [f"field_{k}" for k in range(12)]
    rng, det = random.Random(5), Detector()
    t = T0
    for i in range(1500):
        props = {f: {"type": "string"} for f in rng.sample(fields, rng.randint(3, 6))}
        body = {"model": "gpt-4.1", "temperature": 0, "messages": [{"role": "user", "content": f"Extract doc {i}."}],
                "response_format": {"type": "json_schema", "json_schema": {"name": "doc", "schema": {
                    "type": "object", "properties": props}}}}
        det.observe(event("fields", t, body, output_tokens=600))
        t += 230.0
    d = det.principal_detail("fields")
    assert d["signals"]["returning_interface_share"] < 0.7
    assert d["evidence"]["interface_churn"] > 0.5 and det.verdict("fields").status != "ok", d


def test_returning_is_counted_on_a_sample_of_new_interfaces_and_the_bitmap_is_bounded() -> None:
    st = PrincipalState(event("acct", T0, tool_request(catalogue(random.Random(4)), 0)))
    for h in range(1, 40_001):  # 40,000 distinct interface hashes spread over the 32-bit space
        st.count_interface((h * 2_654_435_761) & 0xFFFFFFFF)
    assert 0.08 < st.w_iface_sampled / st.w_new_iface < 0.17  # about 1 in 8 is sampled
    assert st.iface_seen.bit_count() <= 1024 // 3 + 1  # cleared when a third of it is set
    assert st.w_iface_back / st.w_iface_sampled < 0.3


def _sampled(n: int, start: int = 0) -> list[int]:
    """Content hashes that the returning-prompt sketch samples (top 5 bits clear), distinct modulo its 512 bits."""
    return [(start + k) % 512 + 512 * k for k in range(n)]


def _suspicious_state() -> PrincipalState:
    return PrincipalState(event("acct", T0, {"model": "m", "messages": [{"role": "user", "content": "hi"}]}))


def test_a_prompt_asked_again_in_a_later_sitting_returns_but_not_within_its_sitting() -> None:
    st = _suspicious_state()
    bank = _sampled(20)
    for h in bank + bank:  # the same items on two models in one run: each counted once, none returning
        st.count_return(h, T0 + 60.0)
    assert (st.num[W_RET_FRESH], st.num[W_RET_BACK]) == (20.0, 0.0)
    for h in bank:  # the next night
        st.count_return(h, T0 + DAY)
    assert (st.num[W_RET_FRESH], st.num[W_RET_BACK]) == (40.0, 20.0)
    assert st.rerun_share() == 0.5 and st.reruns()
    st.count_return(1 << 27, T0 + DAY)  # outside the 1-in-32 sample: not counted
    assert st.num[W_RET_FRESH] == 40.0


def test_new_prompts_every_sitting_do_not_return_and_the_memory_is_cleared_before_it_fills() -> None:
    st = _suspicious_state()
    for night in range(12):  # 40 new sampled prompts a night: 480 in all, more than the 512-bit bitmap should hold
        for h in _sampled(40, start=night * 40):
            st.count_return(h, T0 + night * DAY)
    assert (st.num[W_RET_FRESH], st.num[W_RET_BACK]) == (480.0, 0.0)
    assert (st.returns >> 512).bit_count() <= 512 // 4 + 40
    assert not st.reruns()
