"""Block through a campaign needs the campaign's script (round 13).

A template many accounts send links them into a campaign, and a campaign's verdict applies to its members. But a
template is content: organisations that adopted the same public rubric or judge prompt send it too, each wrapped in
its own system prompt (a hiring platform grading take-home answers per client company). Block, the one action a
customer cannot work around, needs the member to run the campaign's script: to be one of at least `min_accounts`
strong members sending their suspicious requests under the same system prompt (or none). Everyone else the campaign
holds is throttled at most, until a reviewer confirms. Nor does a member that re-runs a fixed suite (round 18) or keeps
coming back to its own documents (round 19: a teacher marking class sets) count towards a script, and the members
that share a member's system prompt must be joined to it by the script's own links -- template, client, timing -- not
only by relayed answers or shared documents (round 25: v29's codemod bot).
"""

from __future__ import annotations

import random
from pathlib import Path

import orjson

from gateway.extraction.detector import Detector
from gateway.extraction.replay import replay
from tests.extraction.helpers import HYDRA_TEMPLATE, chat, event, problem

T0 = 1_767_225_600.0
RUBRIC = ("Correctness (0-4): is the answer right? Reasoning (0-3): is every step justified? Clarity (0-3): could a "
          "reader follow it? Score this answer on a scale of 1 to 10 and justify the score criterion by criterion.")
GRADE = "Question: {q}\n\nResponse: {a}\n\nRubric: " + RUBRIC
REWARD_SYS = "You are a reward model. Score the response against the rubric and explain your score in detail."
CLIENTS = ("Tallow & Finch", "Northwind Analytics", "Kestrel Bank", "Portside Retail")
SCREEN_SYS = "You are the assessment assistant of {co}'s hiring team. Grade the candidate's answer against the rubric."


def _grading(det: Detector, harvesters: int, product_keys: int, rng: random.Random, system_of) -> float:
    """`harvesters` accounts grading answers under one reward-model system prompt, and `product_keys` accounts of a
    grading product sending the same rubric template under the system prompt of the client each answer is for."""
    t = T0
    for k in range(40):
        for a in range(harvesters):
            t += rng.uniform(20.0, 90.0)
            body = chat(GRADE.format(q=problem(k * 7 + a), a=f"candidate answer {k}-{a}"), system=system_of(a),
                        max_tokens=800, temperature=0)
            det.observe(event(f"harvester-{a}", t, body, ip=f"10.{a}.0.1", output_tokens=rng.randint(150, 450)))
        for p in range(product_keys):
            t += rng.uniform(20.0, 90.0)
            co = rng.choice(CLIENTS)
            body = chat(GRADE.format(q=problem(k % 10 + 100 * p), a=f"take-home answer {k}"),
                        system=SCREEN_SYS.format(co=co), max_tokens=600, temperature=0)
            det.observe(event(f"screen-{p}", t, body, ip=f"172.16.{p}.1", output_tokens=rng.randint(80, 350)))
        if k % 5 == 4:
            det.tick(t)
    det.tick(t + 1)
    return t


def test_a_grading_product_sharing_a_harvesting_campaigns_rubric_is_never_blocked() -> None:
    det = Detector()
    _grading(det, 8, 2, random.Random(3), lambda a: REWARD_SYS)
    (camp,) = det.campaigns()
    detail = det.campaign(camp["campaign"])
    assert {f"harvester-{a}" for a in range(8)} <= set(detail["members"])
    assert detail["scripted_members"] == sorted(f"harvester-{a}" for a in range(8)), "the reviewer sees who can be blocked"
    assert all(det.verdict(f"harvester-{a}").status == "block" for a in range(8)), "one script on eight accounts"
    for p in range(2):
        v = det.verdict(f"screen-{p}")
        assert v.status != "block", v  # linked by the template it shares, but under system prompts of its own
        assert "block" not in {s for _, s, _ in det._states[f"screen-{p}"].timeline or ()}, "never blocked at any point"


def test_a_campaign_whose_accounts_each_wrap_the_template_in_their_own_system_prompt_is_throttled_until_confirmed() -> None:
    det = Detector()
    teams = ("Larkspur", "Ondine", "Tidewater", "Quillon", "Saffron", "Meridian", "Halcyon", "Kestrel")
    _grading(det, 8, 0, random.Random(5), lambda a: f"You are the grading assistant of the {teams[a]} evaluation team.")
    (camp,) = det.campaigns()
    statuses = {det.verdict(f"harvester-{a}").status for a in range(8)}
    assert statuses == {"throttle"}, statuses
    det.record_decision("harvester-0", "confirm", reviewer="analyst")
    assert det.verdict("harvester-0").status == "block", "a reviewer's confirmation still blocks"


SUITE = ("Evaluation suite: reasoning-hard, item {i}.\n\nQuestion: {q}\n\nThink step by step and show every "
         "intermediate step, then give the final answer on a line that starts with 'Answer:'.")
NIGHT = 86_400.0


def _suite_nights(det: Detector, nights: int, rng: random.Random) -> None:
    """Six harvesters send the suite template with new items every night (a private bank that keeps growing); a lab
    sends the same template, under the same (empty) system prompt, over its fixed 300-item benchmark every night."""
    bank = list(range(100_000, 100_300))
    fresh = iter(range(10**6))
    for night in range(nights):
        t = T0 + night * NIGHT + 3_600.0
        jobs = [("lab", i) for i in rng.sample(bank, len(bank))]
        jobs += [(f"harvester-{a}", next(fresh)) for _ in range(150) for a in range(6)]
        rng.shuffle(jobs)
        for who, i in jobs:
            t += rng.uniform(2.0, 8.0)
            body = chat(SUITE.format(i=i, q=problem(i)), max_tokens=2048, temperature=0)
            ip = "10.99.0.1" if who == "lab" else f"10.{who[-1]}.0.1"
            det.observe(event(who, t, body, ip=ip, output_tokens=rng.randint(850, 1400)))
            if rng.random() < 0.01:
                det.tick(t)
        det.tick(t + 1)


def test_a_lab_re_running_its_fixed_benchmark_under_a_campaigns_script_is_not_blocked_through_it() -> None:
    # Round 18 (v19's private benchmark lab): the lab sends the campaign's template the campaign's way, so it is a
    # strong member running the same script; what sets it apart is that its items come back every night, where a
    # harvest asks for answers it does not have yet.
    det = Detector()
    _suite_nights(det, 4, random.Random(7))
    lab = det.principal_detail("lab")
    assert lab["campaign"] is not None, "linked by the template it shares"
    assert lab["signals"]["rerun_share"] > 0.6, lab["signals"]["rerun_share"]
    assert det.verdict("lab").status != "block"
    detail = det.campaign(lab["campaign"])
    assert detail["scripted_members"] == sorted(f"harvester-{a}" for a in range(6))
    for a in range(6):
        assert det.principal_detail(f"harvester-{a}")["signals"]["rerun_share"] < 0.2
        assert det.verdict(f"harvester-{a}").status == "block", "new items every night: still the campaign's script"


CLASS_TASK = ("Assignment {t}: a lab report on a cooling experiment.\nThe class measured the temperature of {t} cups "
              "of water every minute.\nEach group plotted the readings of its {t} cups and fitted a decay curve.\n"
              "They then estimated the cooling constant of cup {t} from the fitted curve.\nFinally each group compared "
              "the constant of cup {t} with an insulated cup.\nThe report on assignment {t} states the method, the "
              "result and one source of error.")
MARK_RUBRIC = ("Rubric for this assignment, out of ten points:\nMethod described so that another group could "
               "repeat it (3).\nResult stated with units and a sensible precision (3).\nOne source of error named and "
               "its direction explained (2).\nClear writing, with the graph referred to in the text (2).")
MARK = ("Mark this student answer against the rubric, criterion by criterion, and justify every point you give or "
        "take away.\n\n{task}\n\n{rubric}\n\nStudent answer:\n{answer}")


def _answer(seed: int) -> str:
    return "\n".join(f"Student {seed} line {j}: we measured the cups and fitted curve number {seed * 7 + j}."
                     for j in range(3))


def _marking(det: Detector, rng: random.Random) -> None:
    """Eight graders send the marking template with a new task each time (a judgement harvest); three teachers send
    the same template for class sets: one task and rubric, twenty-five students' answers, then the next task."""
    t = T0
    for k in range(100):
        for a in range(8):
            t += rng.uniform(20.0, 60.0)
            body = chat(MARK.format(task=CLASS_TASK.format(t=10_000 + k * 8 + a), rubric=MARK_RUBRIC,
                                    answer=_answer(k * 8 + a)), max_tokens=1200, temperature=0)
            det.observe(event(f"grader-{a}", t, body, ip=f"10.{a}.0.1", output_tokens=rng.randint(400, 900)))
        for c in range(3):
            t += rng.uniform(20.0, 60.0)
            body = chat(MARK.format(task=CLASS_TASK.format(t=100 * c + k // 25), rubric=MARK_RUBRIC,
                                    answer=_answer(1000 * c + k)), max_tokens=1200, temperature=0)
            det.observe(event(f"teacher-{c}", t, body, ip=f"192.168.{c}.1", output_tokens=rng.randint(400, 900)))
        if k % 10 == 9:
            det.tick(t)
    det.tick(t + 1)


def test_a_teacher_marking_class_sets_under_a_graders_script_is_not_blocked_through_it() -> None:
    # Round 19 (v24's essay-grading teachers): linked to a campaign of rubric graders by the marking template and sending
    # it the same way, the teachers keep coming back to their own documents (one task and rubric, a class of answers).
    det = Detector()
    _marking(det, random.Random(17))
    teacher = det.principal_detail("teacher-0")
    assert teacher["campaign"] is not None, "linked by the template it shares"
    assert teacher["signals"]["returning_document_share"] >= 0.5, teacher["signals"]["returning_document_share"]
    detail = det.campaign(teacher["campaign"])
    assert detail["scripted_members"] == sorted(f"grader-{a}" for a in range(8))
    for c in range(3):
        assert det.verdict(f"teacher-{c}").status != "block"
    for a in range(8):
        assert det.principal_detail(f"grader-{a}")["signals"]["returning_document_share"] < 0.1
        assert det.verdict(f"grader-{a}").status == "block", "a new task every time: still the campaign's script"


STEP_WORDS = ("first", "we", "note", "that", "the", "sum", "of", "both", "sides", "gives", "a", "cleaner", "form", "then",
              "divide", "by", "factor", "and", "check", "each", "case", "carefully", "so", "result")


def _worked_solution(rng: random.Random, k: int) -> str:
    return "\n".join(" ".join(rng.choice(STEP_WORDS) for _ in range(14)) + f" (step {s} of solution {k})."
                     for s in range(6))


def test_a_pipeline_account_fed_the_campaigns_answers_is_throttled_with_it_not_blocked(tmp_path: Path) -> None:
    # Round 25 (v29's nightly codemod bot, whose files were ones an apply harvest had been sent back): eight harvesters
    # run one script (the template, no system prompt); a ninth account of another tenant, also with no system prompt,
    # sends their answers back in prompts of its own. The relays put it in their campaign -- content flows between
    # them -- but a relay joins the stages of a pipeline, not one script: it is throttled with them, and block stays
    # for the eight. (On round 24 it was blocked: it shared their missing system prompt.)
    rng = random.Random(11)
    recs, t, answers = [], T0, []
    for k in range(60):
        for a in range(8):
            t += rng.uniform(30.0, 120.0)
            body = chat(HYDRA_TEMPLATE.format(p=problem(k * 8 + a + 1000)), max_tokens=2000, temperature=0)
            answers.append(_worked_solution(rng, k * 8 + a))
            recs.append({"ts": t, "principal": f"harvester-{a}", "tenant": f"th{a}", "api": "openai.chat.completions",
                         "request": body, "usage": {"input_tokens": 90, "output_tokens": 700},
                         "client": {"ip": f"10.{a}.0.1"}, "response_text": answers[-1]})
        if k >= 2:
            t += rng.uniform(30.0, 120.0)
            body = chat("Apply the edit below to the file and return the whole updated file.\n\n"
                        + answers[-rng.randint(9, 16)] + "\n\nEdit: rename the step markers.", temperature=0)
            recs.append({"ts": t, "principal": "bot", "tenant": "tbot", "api": "openai.chat.completions",
                         "request": body, "usage": {"input_tokens": 300, "output_tokens": 300},
                         "client": {"ip": "192.168.7.1"}})
    (tmp_path / "traffic.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    det = Detector()
    replay(tmp_path / "traffic.jsonl", progress=False, detector=det)
    bot = det.principal_detail("bot")
    assert bot["signals"]["relayed_answers"] > 10, bot["signals"]
    assert bot["campaign"] is not None, "the relays put it in the harvesters' campaign"
    detail = det.campaign(bot["campaign"])
    assert detail["members"] == sorted(["bot", *(f"harvester-{a}" for a in range(8))])
    assert detail["scripted_members"] == sorted(f"harvester-{a}" for a in range(8))
    assert det.verdict("bot").status == "throttle", det.verdict("bot")
    assert "block" not in {s for _, s, _ in det._states["bot"].timeline or ()}, "never blocked at any point"
    for a in range(8):
        assert det.verdict(f"harvester-{a}").status == "block", "one template, one client kind, no system prompt"
