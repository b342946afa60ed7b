"""Detector behaviour: campaigns, allowlists, decisions, bounded state."""

from __future__ import annotations

from gateway.extraction.detector import Detector
from gateway.extraction.policy import ExtractionAllowlist, ExtractionPolicy, ExtractionWindow
from tests.extraction.helpers import HYDRA_TEMPLATE, chat, event, problem

T0 = 1_767_225_600.0
CHAT = ("What are some good gift ideas for my dad?", "How do I get red wine out of a carpet?",
        "Write a short poem about autumn.", "What should I pack for Lisbon?", "Summarize: the market grew.",
        "Can you recommend a sci-fi novel?", "How do I fix a leaky tap?", "Translate 'good morning' into French.")


def hydra_events(accounts: int, per_account: int, start: float = T0):
    """Round-robin over accounts, one request every 7 minutes overall, each account its own IP."""
    out = []
    for i in range(accounts * per_account):
        acct = f"hydra-{i % accounts}"
        body = chat(HYDRA_TEMPLATE.format(p=problem(i)), max_tokens=3000, temperature=0.6)
        out.append(event(acct, start + i * 420, body, ip=f"198.{i % accounts}.7.1", output_tokens=1500))
    return out


def chat_events(principal: str, n: int, start: float = T0):
    out = []
    for i in range(n):
        history = 2 if i % 3 else 0
        out.append(event(principal, start + i * 900 + (i * 37) % 600, chat(CHAT[i % len(CHAT)], history=history),
                         ip="203.0.113.9", output_tokens=200))
    return out


def run(det: Detector, events) -> None:
    for ev in sorted(events, key=lambda e: e.ts):
        det.observe(ev)


def test_small_hydra_is_grouped_into_one_campaign_and_benign_users_stay_ok() -> None:
    det = Detector()
    run(det, hydra_events(accounts=6, per_account=8) + chat_events("alice", 40) + chat_events("bob", 30))
    det.tick(T0 + 86400)
    camps = det.campaigns()
    assert len(camps) == 1, camps
    detail = det.campaign(camps[0]["campaign"])
    assert detail is not None
    assert sorted(detail["members"]) == [f"hydra-{i}" for i in range(6)]
    assert detail["evidence"].get("shared_template", 0) >= 1
    assert detail["templates"] and detail["templates"][0]["accounts"] >= 6
    for i in range(6):
        v = det.verdict(f"hydra-{i}")
        assert v.status == "block" and v.campaign_id == camps[0]["campaign"], v
    assert det.verdict("alice").status == "ok" and det.verdict("bob").status == "ok"


def test_a_new_account_sending_the_campaign_template_inherits_the_campaign_verdict() -> None:
    det = Detector()
    run(det, hydra_events(accounts=6, per_account=8))
    det.tick(T0 + 86400)
    (camp,) = det.campaigns()
    newcomer = event("newcomer", T0 + 86401, chat(HYDRA_TEMPLATE.format(p=problem(3)), max_tokens=3000))
    v = det.observe(newcomer)
    assert v.campaign_id == camp["campaign"] and v.status != "ok"


def test_a_newcomer_joins_a_campaign_on_its_template_at_flag_until_a_regrouping_links_it() -> None:
    det = Detector()
    run(det, hydra_events(accounts=6, per_account=8))
    det.tick(T0 + 86400)
    (camp,) = det.campaigns()
    t = T0 + 86401
    v = det.observe(event("newcomer", t, chat(HYDRA_TEMPLATE.format(p=problem(3)), max_tokens=3000),
                          output_tokens=1500))
    assert v.campaign_id == camp["campaign"] and v.status == "flag", "review at once, no block on one request"
    for i in range(6):
        t += 420
        det.observe(event("newcomer", t, chat(HYDRA_TEMPLATE.format(p=problem(10 + i)), max_tokens=3000),
                          output_tokens=1500))
    det.tick(t + 1)
    assert det.verdict("newcomer").status == "block", "linked by the shared template: the campaign's verdict"


def test_a_person_asking_one_similar_question_with_a_short_answer_does_not_join_a_campaign() -> None:
    det = Detector()
    run(det, hydra_events(accounts=6, per_account=8))
    det.tick(T0 + 86400)
    run(det, chat_events("carol", 3, start=T0 + 86401))
    v = det.observe(event("carol", T0 + 90000, chat(HYDRA_TEMPLATE.format(p=problem(3))), output_tokens=250))
    assert v.status == "ok" and v.campaign_id is None


def test_single_heavy_harvester_is_flagged_but_not_blocked_without_a_campaign() -> None:
    det = Detector()
    events = [event("harvester", T0 + i * 30,
                    chat(f"Question: {problem(i)}\n\nProvide a rigorous solution. Think step by step.", max_tokens=4096),
                    output_tokens=1500) for i in range(300)]
    run(det, events)
    v = det.verdict("harvester")
    assert v.status == "throttle", v  # block needs a campaign (policy default block_requires_campaign)
    assert any(r.startswith("distillation_pattern") for r in v.reasons)
    detail = det.principal_detail("harvester")
    assert detail is not None
    assert detail["signals"]["reasoning_share"] > 0.9 and detail["signals"]["capability_concentration"] > 0.8
    assert detail["examples"] and detail["timeline"][0]["status"] != "ok"
    assert detail["first_flagged_ts"] is not None and detail["first_flagged_ts"] <= T0 + 10 * 30


def test_an_allowlisted_heavy_user_is_not_flagged() -> None:
    events = [event("eval-lab", T0 + i * 10, chat(f"Q: {problem(i)}\nA: Let's think step by step.", max_tokens=512),
                    key_id="lab-key", output_tokens=300) for i in range(400)]
    flagged = Detector()
    run(flagged, events)
    assert flagged.verdict("eval-lab").status != "ok"  # the same traffic without the allowlist is flagged
    for allow in (ExtractionAllowlist(accounts=frozenset({"eval-lab"})), ExtractionAllowlist(key_ids=frozenset({"lab-key"}))):
        det = Detector(ExtractionPolicy(allowlist=allow))
        run(det, events)
        assert det.verdict("eval-lab").status == "ok"
        assert det.principals("flagged") == []


def test_an_allowlisted_account_is_named_as_the_gateway_names_it_by_its_account_or_its_principal() -> None:
    """The gateway allowlists `accounts: [eval-lab]` for the principal acme/eval-lab (docs/extraction.md's example
    names the bare account): a replay of its traffic must not flag it either."""
    events = [event("acme/eval-lab", T0 + i * 10, chat(f"Q: {problem(i)}\nA: Let's think step by step.",
                                                       max_tokens=512), tenant="acme", output_tokens=300)
              for i in range(400)]
    for accounts in ({"eval-lab"}, {"acme/eval-lab"}):
        allow = ExtractionAllowlist(accounts=frozenset(accounts))
        assert allow.allows("acme/eval-lab", "acme", None)
        det = Detector(ExtractionPolicy(allowlist=allow))
        run(det, events)
        assert det.principals("flagged") == [], accounts
    assert not ExtractionAllowlist(accounts=frozenset({"eval-lab"})).allows("other/eval-lab-2", "other", None)


def test_an_event_older_than_the_last_one_is_scored_at_the_latest_time_seen() -> None:
    """Events come in the order exchanges end, stamped with the time they started: a long stream ends after a short
    request that began later (and gateways' clocks differ). Such an event raised a math domain error, which lost the
    embedded detector's whole batch and stopped a worker."""
    det = Detector()
    det.observe(event("a", T0 + 10, chat("What should I cook tonight?")))
    det.observe(event("a", T0 + 3, chat("Write me a long story about a lighthouse keeper.")))
    det.observe(event("b", T0 + 2, chat("hello")))
    assert det.principal_detail("a")["requests"] == 2 and det.principal_detail("b")["requests"] == 1
    assert det.last_event_ts == T0 + 10 and det.principal_detail("a")["last_seen_ts"] == T0 + 10


def test_reviewer_decisions_are_respected() -> None:
    det = Detector()
    events = [event("h", T0 + i * 30, chat(f"{problem(i)} Think step by step.", max_tokens=4096), output_tokens=1500)
              for i in range(60)]
    run(det, events[:40])
    assert det.verdict("h").status != "ok"
    record = det.record_decision("h", "clear", reviewer="rita", note="tutoring customer", ts=T0 + 40 * 30)
    assert record["decision"] == "clear" and record["reviewer"] == "rita"
    run(det, events[40:])
    assert det.verdict("h").status == "ok", "cleared: stays ok while the score does not rise"
    det.record_decision("h", "confirm", reviewer="rita")
    assert det.verdict("h").status == "block" and det.verdict("h").reasons == ("confirmed_by_reviewer",)
    det.record_decision("h", "allowlist", reviewer="rita")
    det.observe(event("h", T0 + 99999, chat("Think step by step: 1+1", max_tokens=4096)))
    assert det.verdict("h").status == "ok"
    assert det.principal_detail("h")["decision"]["decision"] == "allowlist"


def test_decisions_survive_eviction_of_the_account_state() -> None:
    det = Detector(ExtractionPolicy(window=ExtractionWindow(max_principals=10)))
    det.record_decision("x", "allowlist", reviewer="r")
    for i in range(50):
        det.observe(event(f"filler-{i}", T0 + i, chat("hello")))
    assert len(det.all_states()) <= 10
    for i in range(30):
        det.observe(event("x", T0 + 100 + i, chat(f"{problem(i)} Think step by step.", max_tokens=4096)))
    assert det.verdict("x").status == "ok"


def test_a_confirmed_account_is_blocked_before_its_next_request_even_unseen_or_evicted() -> None:
    """The gateway looks the verdict up before a request is observed: a confirmation must stand at once, for an
    account the detector has not seen yet and for one whose state the LRU bound evicted (a blocked account sends
    nothing, so it is the first to be evicted)."""
    det = Detector(ExtractionPolicy(window=ExtractionWindow(max_principals=10)))
    det.record_decision("unseen", "confirm", reviewer="r")
    assert det.verdict("unseen").status == "block"
    assert "unseen" in [p["principal"] for p in det.principals("block")]
    det.observe(event("seen", T0, chat("hello")))
    det.record_decision("seen", "confirm", reviewer="r")
    for i in range(50):
        det.observe(event(f"filler-{i}", T0 + 1 + i, chat("hello")))
    assert "seen" not in {st.principal for st in det.all_states()}
    assert det.verdict("seen").status == "block" and det.verdict("unseen").status == "block"
    det.record_decision("unseen", "clear", reviewer="r")
    assert det.verdict("unseen").status == "ok"


def test_shadow_mode_and_actions() -> None:
    pol = ExtractionPolicy.model_validate({
        "mode": "shadow",
        "on_throttle": [{"action": "throttle", "rate_limit": "extraction-slow"}, {"action": "escalate_watermark"}],
    })
    acts = pol.actions_for("throttle")
    assert [a.action for a in acts] == ["throttle", "escalate_watermark"]
    assert all(a.mode == "shadow" for a in acts) and acts[0].rate_limit == "extraction-slow"
    assert pol.status_for(0.99, in_campaign=False) == "throttle"
    assert pol.status_for(0.99, in_campaign=True) == "block"
    assert pol.actions_for("ok") == ()


def test_policy_rejects_unknown_keys_and_throttle_without_limit() -> None:
    import pydantic
    import pytest

    with pytest.raises(pydantic.ValidationError, match="rate_limit"):
        ExtractionPolicy.model_validate({"on_flag": [{"action": "throttle"}]})
    with pytest.raises(pydantic.ValidationError, match="extra"):
        ExtractionPolicy.model_validate({"treshold": 1})
    with pytest.raises(pydantic.ValidationError, match="flag <= throttle <= block"):
        ExtractionPolicy.model_validate({"thresholds": {"flag": 0.9, "throttle": 0.5}})


def test_a_template_cluster_counts_the_accounts_that_send_it_not_their_requests() -> None:
    det = Detector()
    run(det, [event(f"user-{a}", T0 + 60 * (10 * a + i), chat(HYDRA_TEMPLATE.format(p=problem(1))),
                    output_tokens=1500) for a in range(2) for i in range(10)])
    (detail,) = [c for c in det._clusters.values() if c.n >= 20]
    assert detail.account_count() == 2, "20 requests from 2 accounts: one cluster sent by 2 accounts"


def test_an_established_chat_account_sending_a_campaign_template_the_campaign_way_is_reviewed_at_once() -> None:
    det = Detector()
    run(det, hydra_events(accounts=6, per_account=8) + chat_events("mixer", 40, start=T0))
    det.tick(T0 + 86400)
    (camp,) = det.campaigns()
    assert det.verdict("mixer").status == "ok"
    v = det.observe(event("mixer", T0 + 86401, chat(HYDRA_TEMPLATE.format(p=problem(5)), max_tokens=3000),
                          output_tokens=1500))
    assert v.status == "flag" and v.campaign_id == camp["campaign"], "a small share of its traffic is enough"


def test_content_many_accounts_send_counts_less_behind_a_key_that_fronts_many_end_users() -> None:
    # A campaign harvests a problem set. Two keys send the same campaign-scale content the same way; one
    # names a different student in `user` on each request (a homework platform), the other names nobody.
    det = Detector()
    run(det, hydra_events(accounts=8, per_account=10))
    t = T0 + 86400
    det.tick(t)
    for i in range(40):
        t += 240
        for key in ("platform", "anonymous"):
            body = chat(HYDRA_TEMPLATE.format(p=problem(i)), max_tokens=3000)
            if key == "platform":
                body["user"] = f"student-{i * 7919 % 4000}"
            det.observe(event(key, t, body, output_tokens=1200, ip="192.0.2.50" if key == "platform" else "192.0.2.60"))
    platform, anonymous = det.principal_detail("platform"), det.principal_detail("anonymous")
    assert platform is not None and anonymous is not None and platform["signals"]["end_users"] > 30
    assert anonymous["evidence"]["campaign_template_subset"] >= 0.4
    assert platform["evidence"]["campaign_template_subset"] < 0.5 * anonymous["evidence"]["campaign_template_subset"]
    assert platform["evidence"]["elicited_subset"] == anonymous["evidence"]["elicited_subset"], \
        "the key's own harvesting is not discounted"


def test_a_weak_member_is_never_blocked_through_its_weak_link() -> None:
    # A heavy harvester of its own problems (own score above block) that also sends a few of a campaign's
    # template requests is linked to the campaign only weakly: throttled on its own score, not blocked.
    det = Detector()
    run(det, hydra_events(accounts=6, per_account=8))
    t = T0 + 3600
    for i in range(60):
        t += 60
        text = f"Question {i}: {problem(i)}\n\nProvide a rigorous solution. Think step by step."
        det.observe(event("solo", t, chat(text, max_tokens=4096), ip="203.0.113.50", output_tokens=1500))
        if i % 20 == 0:
            det.observe(event("solo", t + 1, chat(HYDRA_TEMPLATE.format(p=problem(500 + i)), max_tokens=3000),
                              ip="203.0.113.50", output_tokens=1500))
    det.tick(t + 600)
    (camp,) = det.campaigns()
    detail = det.campaign(camp["campaign"])
    assert detail is not None and "solo" in detail["members"]
    assert det.principal_detail("solo")["own_score"] >= 0.85
    v = det.verdict("solo")
    assert v.campaign_id == camp["campaign"] and v.status == "throttle", v
