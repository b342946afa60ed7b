"""Round 27: an account most of whose answers decline its requests, at a habit's count and on new asks, is mapping
where the teacher refuses and what it offers instead (safety-behaviour distillation); users and products declined
now and then are not, and a red-team suite that re-runs its fixed cases night after night fades out."""

from __future__ import annotations

import itertools
import re
import time

import openai
import orjson
import yaml

from gateway.extraction.detector import Detector
from gateway.extraction.patterns import _REFUSAL, CompiledPatterns
from gateway.extraction.replay import replay
from gateway.extraction.rescorer import TreeEnsemble
from gateway.mock_teacher import MockSettings
from tests.extraction.helpers import FX
from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher

T0 = 1_767_225_600.0
CHAT = "openai.chat.completions"
DECLINES = ("I can't help with getting into someone else's account. If you're worried about them, talk to them first.",
            "I'm sorry, but I won't write that. I can help you write an honest, sourced piece instead.",
            "I’m not able to provide that. A pharmacist or a poison-control line can answer it safely.")
HELPS = ("Open the security settings and choose two-step verification; keep the backup codes offline.",
         "Fact-checkers trace a claim to its first source, then ask independent experts.",
         "Store it below 25 °C, away from children; the leaflet lists what not to combine it with.")


def ask(i: int, rung: int) -> dict:
    """Rung `rung` (0 plainly fine, 1 ambiguous, 2 over the line) of graded ask `i`."""
    framing = ("How do I help my friend {n} with", "My friend {n} is locked out of", "How do I secretly get into")[rung]
    return {"model": "gpt-4.1-mini", "temperature": 0,
            "messages": [{"role": "user", "content": f"{framing.format(n=f'P{i}')} account number {i} on forum {i % 7}?"}]}


def exchange(det: Detector, who: str, ts: float, body: dict, answer: str) -> None:
    det.observe(FX.describe(CHAT, body, who, ts, answer=answer, output_tokens=len(answer) // 4))


def sweep(det: Detector, who: str, ladders: int, t: float = T0, gap: float = 40.0) -> float:
    """New ladders, rung after rung: the fine and ambiguous rungs answered, the last declined."""
    for i in range(ladders):
        for rung in range(3):
            exchange(det, who, t, ask(i, rung), DECLINES[i % 3] if rung == 2 else HELPS[i % 3])
            t += gap
    return t


def test_an_answer_that_opens_by_declining_is_told_from_one_that_helps() -> None:
    body = ask(1, 2)
    assert FX.describe(CHAT, body, "a", T0).answered == 0  # no answer kept: nothing is known
    for text in DECLINES + ("We cannot provide medical dosing advice here; please ask your doctor.",
                            "Sorry, I can't assist with that request."):
        assert FX.describe(CHAT, body, "a", T0, answer=text).answered == 2, text
    for text in HELPS + ("I can't wait to try it: here is the recipe.", "You can't help noticing the pattern: ...",
                         "Sure. " + "Here are the steps. " * 40 + "I can't help with anything illegal, of course."):
        assert FX.describe(CHAT, body, "a", T0, answer=text).answered == 1, text


def test_the_cheap_cue_test_in_front_of_the_refusal_search_never_hides_a_refusal() -> None:
    """`refused` runs the regex only on answers holding one of a few substrings: every phrasing the regex knows,
    in every combination of subject, apology, negation and verb, is still found, and a text with no cue is not."""
    patterns, full = CompiledPatterns.build(), re.compile(_REFUSAL)
    subjects = ("I", "We", "I'm", "I am", "we're", "We are")
    apologies = ("", "really sorry, but I ", "sorry ", "Sorry, i ", "truly sorry, but we ")
    negations = ("can't", "cannot", "can not", "won't", "will not", "am not able to", "'m unable to", "are not able to",
                 "unable to", "must decline", "have to decline", "am not going to", "'m not going to", "shouldn’t",
                 "should not", "not able to")
    verbs = ("help", "assist", "provide", "write", "do that", "comply", "make", "draft", "walk you")
    found = 0
    for subject, apology, negation, verb in itertools.product(subjects, apologies, negations, verbs):
        for text in (f"{subject} {apology}{negation} {verb} with it.", f"Well, {subject}{negation} {verb} that."):
            expected = full.search(text.lower().replace("’", "'")) is not None
            assert patterns.refused(text) is expected, text
            found += expected
    for text in ("We must refuse this one.", "I have to decline.", "I'm declining this request.",
                 "That's not something I can help with."):
        assert patterns.refused(text), text
    assert found > 4000  # the grid above is mostly refusals (4,500 of 8,640): the check is not vacuous
    assert not patterns.refused("I help with that every day; we provide the steps below.")


def test_a_sweep_of_graded_asks_a_third_of_them_declined_is_flagged() -> None:
    det = Detector()
    sweep(det, "sweeper", ladders=12)
    v = det.verdict("sweeper")
    assert v.status == "flag" and "refused_asks" in v.reasons, (v, det.score_of("sweeper"))


def test_users_and_products_declined_now_and_then_are_not() -> None:
    det = Detector()
    t = T0
    for i in range(300):  # a support bot: one ask in twelve over the line
        exchange(det, "support_bot", t, ask(i, 2 if i % 12 == 0 else i % 2), DECLINES[i % 3] if i % 12 == 0 else HELPS[i % 3])
        t += 90.0
    t = T0
    for i in range(12):  # a user who tried three times in an evening, then went back to ordinary questions
        exchange(det, "user", t, ask(i, 2 if i < 3 else 0), DECLINES[0] if i < 3 else HELPS[0])
        t += 300.0
    for who in ("support_bot", "user"):
        assert det.verdict(who).status == "ok", (who, det.verdict(who), det.score_of(who))


def test_a_suite_that_reruns_its_fixed_cases_every_night_fades_out_where_a_sweep_of_new_ones_does_not() -> None:
    det = Detector()
    t = T0
    for _night in range(3):  # the same 200 ladders each night, rung after rung seconds apart
        sweep(det, "suite", ladders=200, t=t, gap=3.0)
        t += 86400.0
    sweep(det, "sweeper", ladders=600, t=T0, gap=3.0 * 86400 / 1800)  # as many declines, new ladders, three days
    suite, sweeper = det.verdict("suite"), det.verdict("sweeper")
    assert suite.status == "ok" and det.score_of("suite") < 0.1, (suite, det.score_of("suite"))
    assert sweeper.status == "flag" and "refused_asks" in sweeper.reasons, sweeper


def test_replay_judges_declines_from_the_logged_answers_and_cannot_without_them(tmp_path) -> None:
    def log(with_answers: bool) -> str:
        path = tmp_path / f"sweep-{with_answers}.jsonl"
        lines, t = [], T0
        for i in range(12):
            for rung in range(3):
                rec = {"ts": t, "principal": "sweeper", "api": CHAT, "request": ask(i, rung)}
                if with_answers:
                    rec["response_text"] = DECLINES[i % 3] if rung == 2 else HELPS[i % 3]
                lines.append(orjson.dumps(rec))
                t += 40.0
        path.write_bytes(b"\n".join(lines) + b"\n")
        return str(path)

    for with_answers, status in ((True, "flag"), (False, "ok")):
        out = tmp_path / f"verdicts-{with_answers}.jsonl"
        replay(log(with_answers), output_path=out, progress=False)
        row = orjson.loads(out.read_bytes().splitlines()[0])
        assert row["verdict"] == status, (with_answers, row)


def _sweep_through_the_gateway(learned: bool) -> dict:
    """The live path: the teacher's answers (kept because the audit log records them) reach the detector with the
    request; returns the reviewer's detail of the sweeping account once the detector has judged it."""
    with running_mock_teacher(MockSettings(decline_phrases=("secretly get into",))) as teacher:
        gw = GatewayProcess(upstream_url=teacher.url, extra_config={"audit": {"sink": "file", "content": "hash"}})
        shipped = gw.policy_dir / "40-extraction.yaml"
        doc = yaml.safe_load(shipped.read_text())
        assert doc["spec"]["extraction"]["rescorer"] == {"enabled": True}  # on in the shipped examples
        doc["spec"]["extraction"]["rescorer"]["enabled"] = learned
        shipped.write_text(yaml.safe_dump(doc))
        key = gw.create_key("acme", "sweeper")
        gw.start()
        try:
            client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0)
            for i in range(14):
                for rung in range(3):
                    client.chat.completions.create(**ask(i, rung))
            deadline, detail = time.monotonic() + 15.0, {}
            while time.monotonic() < deadline:  # the detector scores off the request path
                detail = gw.admin("GET", "/admin/v1/extraction/principals/acme/sweeper").json()
                if detail.get("requests") == 42 and (detail.get("status") == "flag" or learned):
                    break
                time.sleep(0.2)
            return detail
        finally:
            gw.stop()


def test_through_the_gateway_a_sweep_the_teacher_declines_is_flagged_for_review() -> None:
    # The hand-written evidence alone (the re-scorer off): the reviewer sees the reason and the share declined.
    detail = _sweep_through_the_gateway(learned=False)
    assert detail.get("status") == "flag", detail
    assert any(r.startswith("refused_asks") for r in detail["reasons"]), detail
    assert 0.3 <= detail["signals"]["refused_share"] <= 0.4, detail["signals"]
    assert "learned_p" not in detail


def test_through_the_gateway_the_shipped_policies_judge_with_the_re_scorer() -> None:
    # With the re-scorer on (the shipped examples), the same sweep is judged by its probability as well: flagged
    # only above the model's threshold. (The shipped model leaves this small single-account sweep alone.)
    detail = _sweep_through_the_gateway(learned=True)
    threshold = TreeEnsemble.load().threshold
    assert detail["requests"] == 42 and 0.0 <= detail["learned_p"] <= 1.0, detail
    assert detail["status"] == ("flag" if detail["learned_p"] > threshold else "ok"), detail
    assert 0.3 <= detail["signals"]["refused_share"] <= 0.4, detail["signals"]
