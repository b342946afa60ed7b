"""Episodes of suspicious requests: a one-off burst that lapses is released, recurring harvesting is not;
young accounts that send a crowd's suspicious template are flagged for review before they are judged alone."""

from __future__ import annotations

import random

from gateway.extraction.detector import Detector
from gateway.extraction.state import LAPSE_REQUESTS, LAPSE_S
from gateway.extraction.verdicts import YOUNG_MIN_REQUESTS
from tests.extraction.helpers import HYDRA_TEMPLATE, chat, event, problem

T0 = 1_767_225_600.0
HOUR = 3600.0
CHAT = ("What are some good gift ideas for my dad?", "How do I get red wine out of a carpet?",
        "Write a short poem about autumn.", "What should I pack for Lisbon?", "Can you recommend a sci-fi novel?",
        "How long should I boil an egg?", "What's a good name for a cat?")


def elicited(principal: str, i: int, ts: float):
    """A single-turn, reasoning-elicited maths request with a long answer: a distillation-subset request."""
    return event(principal, ts, chat(f"Solve: {problem(i)}\nShow your complete reasoning step by step.",
                                     max_tokens=3000), output_tokens=1500)


def ordinary(principal: str, i: int, ts: float):
    return event(principal, ts, chat(CHAT[i % len(CHAT)]), output_tokens=200)


def chat_days(det: Detector, principal: str, start: float, days: float, per_day: int) -> float:
    t = start
    for i in range(int(days * per_day)):
        t += 86400.0 / per_day
        det.observe(ordinary(principal, i, t))
    return t


def burst(det: Detector, principal: str, start: float, requests: int, offset: int = 0) -> float:
    t = start
    for i in range(requests):
        t += 240.0
        det.observe(elicited(principal, offset + i, t))
    return t


def test_a_one_off_burst_is_flagged_then_released_once_the_account_is_back_to_ordinary_chat() -> None:
    det = Detector()
    t = chat_days(det, "adopter", T0, days=1.5, per_day=12)  # an established, ordinary account
    t = burst(det, "adopter", t, 30)                            # tries a new model on puzzles, one afternoon
    assert det.verdict("adopter").status != "ok", "the burst itself is reviewed"
    st = det._states["adopter"]
    assert not st.lapsed()
    t = chat_days(det, "adopter", t, days=0.5, per_day=12)
    assert not st.lapsed(), f"not lapsed before {LAPSE_S / HOUR:.0f} h"
    t = chat_days(det, "adopter", t, days=1.5, per_day=12)
    assert st.quiet >= LAPSE_REQUESTS and st.lapsed()
    assert det.verdict("adopter").status == "ok", "a lapsed one-off episode is released"
    detail = det.principal_detail("adopter")
    assert detail is not None and detail["signals"]["lapsed_episode"] == 1.0


def test_harvesting_that_recurs_day_after_day_is_not_a_lapsed_episode() -> None:
    det = Detector()
    t = T0
    for day in range(4):
        t = chat_days(det, "harvester", t, days=0.5, per_day=24)
        t = burst(det, "harvester", t, 12, offset=100 * day)  # back every day for more
    t = chat_days(det, "harvester", t, days=1.2, per_day=12)
    st = det._states["harvester"]
    assert st.episodes >= 3 and not st.lapsed()
    assert det.verdict("harvester").status != "ok"


def test_long_answers_after_the_burst_are_not_a_return_to_ordinary_use() -> None:
    det = Detector()
    t = burst(det, "harvester", T0, 30)
    for i in range(40):  # the same problems, no elicitation wording, long answers: still harvesting
        t += 3600.0
        det.observe(event("harvester", t, chat(f"Solve: {problem(200 + i)}"), output_tokens=1500))
    st = det._states["harvester"]
    assert st.quiet == 0 and not st.lapsed()


def test_a_few_ordinary_requests_among_continued_long_answers_are_no_return_to_ordinary_use() -> None:
    det = Detector()
    t = burst(det, "harvester", T0, 30)
    for i in range(60):  # one chat message in four, the rest long answers outside the capability categories
        t += 3600.0
        body = chat(CHAT[i % len(CHAT)]) if i % 4 == 0 else chat(f"Write a long essay on topic {i}.")
        det.observe(event("harvester", t, body, output_tokens=200 if i % 4 == 0 else 1500))
    st = det._states["harvester"]
    assert st.quiet >= LAPSE_REQUESTS and not st.lapsed()


def test_an_account_that_stops_after_its_burst_is_not_released_by_silence() -> None:
    det = Detector()
    t = burst(det, "throwaway", T0, 40)
    det.tick(t + 3 * 86400.0)  # nothing more from it: no ordinary requests, no lapse
    st = det._states["throwaway"]
    assert not st.lapsed()
    assert det.verdict("throwaway").status != "ok"


def test_stray_requests_before_or_after_the_burst_are_not_episodes() -> None:
    det = Detector()
    det.observe(elicited("adopter", 0, T0))  # one long worked answer now and then is no episode
    t = chat_days(det, "adopter", T0, days=1.0, per_day=12)
    t = burst(det, "adopter", t, 20, offset=1)
    t = chat_days(det, "adopter", t, days=0.7, per_day=12)
    t += 3600.0
    det.observe(elicited("adopter", 50, t))
    t = chat_days(det, "adopter", t, days=0.8, per_day=12)
    st = det._states["adopter"]
    assert st.episodes == 1 and st.lapsed()
    assert det.verdict("adopter").status == "ok"


def _crowd(det: Detector, accounts: int, requests: int) -> float:
    """Accounts sending one elicitation template within one regrouping interval (no campaign is formed yet)."""
    t = T0
    for k in range(requests):
        for a in range(accounts):
            t += 1.0
            det.observe(event(f"crowd-{a}", t, chat(HYDRA_TEMPLATE.format(p=problem(7 * a + k)), max_tokens=4000),
                              output_tokens=1800))
    return t


def test_a_young_account_sending_a_crowd_s_suspicious_template_is_flagged_for_review_only() -> None:
    det = Detector()
    t = _crowd(det, accounts=10, requests=6)
    for i in range(YOUNG_MIN_REQUESTS):
        assert det.verdict("young").status == "ok", "below YOUNG_MIN_REQUESTS: not judged"
        t += 1.0
        det.observe(event("young", t, chat(HYDRA_TEMPLATE.format(p=problem(500 + i)), max_tokens=4000),
                          output_tokens=1800))
    assert det._states["young"].campaign_id is None
    assert det.verdict("young").status == "flag", "flagged, never throttled or blocked, while young"


def test_a_young_account_with_elicited_requests_of_its_own_is_not_judged_before_min_requests() -> None:
    det = Detector()
    t = T0
    for i in range(det.policy.window.min_requests - 1):
        t += 60.0
        det.observe(elicited("student", i, t))
    assert det.verdict("student").status == "ok", "no shared template: a young account waits for its history"


REWRITES = ("Make this more formal:\n", "Continue this:\n", "Shorten this:\n", "Fix the grammar:\n")
WORDS = ("meeting", "garden", "tomatoes", "venue", "squirrel", "onboarding", "screen", "thursday", "caterers",
         "summer", "letter", "budget", "holiday", "neighbour", "recipe", "invoice", "train", "museum", "chapter")


def prose(i: int) -> str:
    """Users' own texts: no two alike (a rewrite app is not a template)."""
    rng = random.Random(i)
    return " ".join(rng.choice(WORDS) for _ in range(30))


def test_alternatives_sampled_on_rewrites_count_half_as_harvesting() -> None:
    """A writing app's "regenerate" and confidence highlighting (n = 3, top_logprobs) on rewrites is not
    throttled on sampling alone; the same sampling on maths problems is distribution harvesting."""
    det = Detector()
    t = T0
    for i in range(200):
        t += 30.0
        det.observe(event("writing-app", t, chat(REWRITES[i % 4] + prose(i), n=3,
                                                 logprobs=True, top_logprobs=5, temperature=1.0,
                                                 user=f"u{i % 150}"), output_tokens=400))
        det.observe(event("sampler", t, chat(f"Solve: {problem(i)}", n=3, logprobs=True, top_logprobs=5,
                                             temperature=1.0), output_tokens=400))
    writing = det.principal_detail("writing-app")
    assert writing is not None and writing["evidence"]["distribution_harvesting"] <= 0.75 / 2 + 1e-9
    assert det.verdict("writing-app").status == "ok"
    assert det.verdict("sampler").status != "ok"


def test_stray_suspicious_requests_after_the_episode_count_against_its_lapse() -> None:
    # Round 14: after its one episode, an account that sends a long elicited answer in every sitting, each sitting
    # more than 6 h from the last (so no second episode forms), has not gone back to ordinary use: those requests
    # count as not ordinary (until round 13 they counted as neither, and the account lapsed on its few ordinary ones).
    det = Detector()
    t = chat_days(det, "sitter", T0, days=1.0, per_day=12)
    t = burst(det, "sitter", t, 12)
    st = det._states["sitter"]
    for k in range(10):  # sittings 7 h apart: one stray elicited request each, an ordinary one in six of them
        t += 7 * HOUR
        det.observe(elicited("sitter", 100 + k, t))
        if k % 5 < 3:
            det.observe(ordinary("sitter", k, t + 600.0))
    assert st.episodes == 1, "the stray requests form no second episode"
    assert st.loud == 10 and st.quiet == 6
    assert not st.lapsed()


def test_an_adopter_with_one_stray_puzzle_among_much_chat_still_lapses() -> None:
    det = Detector()
    t = chat_days(det, "adopter", T0, days=1.0, per_day=12)
    t = burst(det, "adopter", t, 20)
    t = chat_days(det, "adopter", t, days=1.0, per_day=12)
    det.observe(elicited("adopter", 500, t + 7 * HOUR))  # one more puzzle, on its own, the next day
    t = chat_days(det, "adopter", t + 7 * HOUR, days=0.5, per_day=12)
    st = det._states["adopter"]
    assert st.loud == 1 and st.lapsed()
