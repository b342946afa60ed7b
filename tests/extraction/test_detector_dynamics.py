"""Verdict dynamics: hysteresis, harvesting mixed into ordinary chat, end-user counting."""

from __future__ import annotations

from gateway.extraction.detector import Detector
from gateway.extraction.state import PrincipalState
from gateway.extraction.verdicts import HOLD_S, RELEASE_RATIO
from tests.extraction.helpers import chat, event, problem

T0 = 1_767_225_600.0
CHAT = ("What are some good gift ideas for my dad?", "How do I get red wine out of a carpet?",
        "Write a short poem about autumn.", "What should I pack for Lisbon?", "Can you recommend a sci-fi novel?")


def harvest(principal: str, i: int, ts: float):
    return event(principal, ts, chat(f"Solve: {problem(i)}\nShow your complete reasoning step by step.",
                                     max_tokens=3000), output_tokens=1500)


def ordinary(principal: str, i: int, ts: float):
    return event(principal, ts, chat(CHAT[i % len(CHAT)], history=2 if i % 2 else 0), output_tokens=200)


def test_a_flagged_account_is_held_in_the_release_band_then_released() -> None:
    det = Detector()
    t = T0
    for i in range(40):
        t += 300
        det.observe(harvest("acct", i, t))
    assert det.verdict("acct").status != "ok"
    held = False
    flag = det.policy.thresholds.flag
    for i in range(400):  # the account turns to ordinary chat: its score falls through the release band
        t += 300
        v = det.observe(ordinary("acct", i, t))
        if v.status != "ok" and det.score_of("acct") < flag:
            held = True  # below the flag threshold, still flagged: hysteresis
        if v.status == "ok":
            break
    assert held, "the verdict dropped as soon as the score crossed the threshold"
    assert det.verdict("acct").status == "ok", "released once the score left the band or the hold expired"
    st = det._states["acct"]
    assert det.score_of("acct") < RELEASE_RATIO * flag or t - st.confirm_ts >= HOLD_S, \
        "released inside the band before the hold expired"


def test_the_hold_expires_without_new_traffic() -> None:
    det = Detector()
    t = T0
    for i in range(40):
        t += 300
        det.observe(harvest("acct", i, t))
    st = det._states["acct"]
    st.score = det.policy.thresholds.flag * (RELEASE_RATIO + 0.05)  # in the band, below the threshold
    det.tick(t + 60)
    assert det.verdict("acct").status != "ok", "in the band and recent: held"
    det.tick(st.confirm_ts + HOLD_S + 1)
    assert det.verdict("acct").status == "ok", "hold expired: released at the next tick"


def test_harvesting_mixed_into_ordinary_chat_is_flagged_but_occasional_step_questions_are_not() -> None:
    det = Detector()
    t = T0
    for i in range(150):
        t += 600
        # 30 % of the traffic: single-turn elicited maths with long answers; the rest ordinary chat.
        det.observe(harvest("mixer", i, t) if i % 10 < 3 else ordinary("mixer", i, t))
        human = chat(f"{problem(i)} Can you show the steps?") if i % 10 == 0 else chat(CHAT[i % len(CHAT)])
        det.observe(event("human", t + 1, human, output_tokens=300))
    assert det.verdict("mixer").status != "ok", det.principal_detail("mixer")
    assert any(r.startswith("elicited_subset") for r in det.verdict("mixer").reasons), det.verdict("mixer")
    assert det.verdict("human").status == "ok", det.principal_detail("human")


def test_harvesting_into_a_template_many_accounts_send_is_flagged_after_a_few_such_requests() -> None:
    det = Detector()
    t = T0
    for i in range(60):  # six harvesters share the template
        t += 120
        det.observe(harvest(f"harvester-{i % 6}", i, t))
    for i in range(30):  # a chat user with a history of ordinary traffic
        t += 600
        det.observe(ordinary("mixer", i, t))
    assert det.verdict("mixer").status == "ok"
    served = 0
    for i in range(4):  # then one harvesting session
        t += 60
        served += det.verdict("mixer").status == "ok"
        det.observe(harvest("mixer", 100 + i, t))
    assert det.verdict("mixer").status != "ok", det.principal_detail("mixer")
    assert served <= 2, "flagged from the second harvesting request into the shared template"
    assert "campaign_template_subset" in det.verdict("mixer").reasons


def test_end_users_are_counted_in_a_bounded_bitmap() -> None:
    st = PrincipalState(event("reseller", T0, chat("hi")))
    for u in range(40):
        st.add_user(hash(("u", u)) & 0xFFFFFFFF)
    assert 30 <= st.end_users() <= 50
    for u in range(100_000):
        st.add_user(u * 2654435761 & 0xFFFFFFFF)
    assert st.end_users() >= 256  # saturates at a large count, never grows the state
    assert st.users.bit_length() <= 256


def test_an_accounts_top_clusters_keep_32_bit_ids_exactly_and_evict_the_lightest() -> None:
    from gateway.extraction.clusters import TOP_CLUSTERS, TopClusters

    tc = TopClusters()
    ids = [0xFFFFFFFF - i * 0x01010101 for i in range(TOP_CLUSTERS)]
    for k, cid in enumerate(ids):
        for _ in range(k + 1):
            tc.add(cid, suspicious=k % 2 == 0, single=True)
    assert list(tc) == ids and len(tc) == TOP_CLUSTERS
    assert tc.get(ids[2]) == (3.0, 3.0, 3.0) and tc.suspicious_ids(2.0) == [ids[2], ids[4]]
    tc.add(0x12345678, suspicious=False, single=False)  # full: replaces the lightest, inheriting its count
    assert ids[0] not in tc and tc.get(0x12345678) == (2.0, 0.0, 0.0)
    assert tc.top() == (ids[-1], (float(TOP_CLUSTERS), 0.0, float(TOP_CLUSTERS)))
