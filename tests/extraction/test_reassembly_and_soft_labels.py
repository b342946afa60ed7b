"""Round 12: an answer cut at its cap and fetched piece by piece is one answer (reassembled answers); several samples
with their token probabilities are the output distribution itself, however short each sample (soft labels)."""

from __future__ import annotations

from gateway.extraction.detector import Detector
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import event, problem

T0 = 1_767_225_600.0
CAP = 600
ANTH, CHAT, RESP = "anthropic.messages", "openai.chat.completions", "openai.responses"


def pieces(api: str, text: str, total: int, job: int) -> list[tuple[str, dict, int]]:
    """One task's requests when its answer is fetched in CAP-token pieces until `total` tokens: an assistant
    prefill (Anthropic), an assistant turn and a "continue" (chat), or a chained "go on" (Responses)."""
    out, done = [], ""
    for k in range(-(-total // CAP)):
        tokens = min(CAP, total - k * CAP)
        if api == ANTH:
            msgs = [{"role": "user", "content": text}] + ([{"role": "assistant", "content": done}] if k else [])
            body = {"model": "claude-sonnet-4-5", "max_tokens": CAP, "messages": msgs}
        elif api == CHAT:
            msgs = [{"role": "user", "content": text}]
            if k:
                msgs += [{"role": "assistant", "content": done}, {"role": "user", "content": "continue"}]
            body = {"model": "gpt-4.1", "max_tokens": CAP, "messages": msgs}
        else:
            body = {"model": "gpt-4.1", "max_output_tokens": CAP, "input": "go on" if k else text}
            if k:
                body["previous_response_id"] = f"resp_{job}_{k}"
        out.append((api, body, tokens))
        done += f" part {k} of the worked answer to job {job}."
    return out


def run_jobs(det: Detector, who: str, jobs: int, totals, gap: float = 240.0) -> None:
    """`jobs` tasks (worked maths problems), two in flight at a time, their pieces interleaved."""
    t = T0
    apis = (ANTH, CHAT, RESP)
    for j in range(0, jobs, 2):
        a = pieces(apis[j % 3], f"{problem(j)} Explain the method.", totals(j), j)
        b = pieces(apis[(j + 1) % 3], f"{problem(j + 1)} Explain the method.", totals(j + 1), j + 1)
        for k in range(max(len(a), len(b))):
            for seq in (a, b):
                if k < len(seq):
                    api, body, tokens = seq[k]
                    det.observe(event(who, t, body, api=api, output_tokens=tokens))
                    t += 8.0
        t += gap


def test_a_harvester_fetching_every_cut_answer_to_its_end_is_flagged() -> None:
    # No request carries a long answer (the cap is 600), but every answer is continued until it is complete:
    # 1,750-2,350 tokens a task, reassembled from three or four pieces, over three APIs, two jobs interleaved.
    det = Detector()
    run_jobs(det, "harvester", 80, lambda j: 1750 + (j % 3) * 300)
    d = det.principal_detail("harvester")
    assert d is not None
    sig = d["signals"]
    assert sig["continued_cut_share"] > 0.9 and sig["reassembled_long_share"] > 0.9, sig
    assert sig["single_turn_share"] > 0.9  # the pieces are the fresh task's, not follow-ups
    assert det.verdict("harvester").status != "ok" and "reassembled_answers" in d["reasons"], d


def test_a_capped_study_app_whose_readers_continue_now_and_then_is_not() -> None:
    # The same cap and continuation shapes; about half of the cut answers are continued, once, by the reader
    # who wanted more; the rest stay cut (the reader had enough).
    det = Detector()
    run_jobs(det, "study_app", 120, lambda j: CAP * 2 if j % 2 else CAP)
    d = det.principal_detail("study_app")
    assert d is not None
    assert d["signals"]["continued_cut_share"] < 0.6, d["signals"]
    assert d["evidence"]["reassembled_answers"] == 0.0 and det.verdict("study_app").status == "ok", d


def test_a_chain_of_short_pieces_is_one_long_answer_to_a_fresh_task() -> None:
    det, t = Detector(), T0
    for api, body, tokens in pieces(CHAT, f"{problem(3)} Explain the method.", 1500, 3):  # 600 + 600 + 300
        det.observe(event("one", t, body, api=api, output_tokens=tokens))
        t += 10.0
    st: PrincipalState = det._states["one"]
    assert st.total == 3 and st.w_long == 1.0  # one long answer, counted when its pieces reached the size
    assert st.w_single == 3.0  # the continuations are the fresh task's, not follow-ups
    assert st.chains is None  # the chain closed with an uncut piece


def fim(i: int, n: int, max_tokens: int, logprobs: int = 5, temperature: float = 0.8) -> dict:
    prefix = f"def total_{i}(items):\n    result = 0\n    for item in items:\n"
    return {"model": "gpt-3.5-turbo-instruct", "prompt": prefix, "suffix": "\n    return result\n",
            "max_tokens": max_tokens, "n": n, "logprobs": logprobs, "temperature": temperature}


def test_short_code_samples_with_their_probabilities_are_harvesting() -> None:
    # A fill-in-the-middle sampler: 3-6 completions of every prompt with their top-5 logprobs, 48-256 tokens each.
    det, t = Detector(), T0
    for i in range(80):
        det.observe(event("fim_sampler", t, fim(i, 3 + i % 4, (48, 64, 128, 256)[i % 4]), api="openai.completions",
                          output_tokens=300))
        t += 400.0
    d = det.principal_detail("fim_sampler")
    assert d is not None and d["signals"]["harvest_share"] > 0.9, d["signals"]
    assert det.verdict("fim_sampler").status != "ok" and "distribution_harvesting" in d["reasons"], d


def test_a_completion_product_gating_on_confidence_and_a_scorer_are_not() -> None:
    # A code-completion product: one completion with logprobs (confidence gating), two or three alternatives
    # when a developer opens the panel (1 in 10). A scorer: five samples of a 4-token score with logprobs.
    det, t = Detector(), T0
    for i in range(200):
        det.observe(event("ide", t, fim(i, 2 if i % 10 == 0 else 1, 64, temperature=0.2), api="openai.completions",
                          output_tokens=40))
        det.observe(event("scorer", t + 1, fim(i, 5, 4, temperature=0.7), api="openai.completions", output_tokens=20))
        t += 200.0
    for who in ("ide", "scorer"):
        d = det.principal_detail(who)
        assert d is not None and d["signals"]["harvest_share"] < 0.15, (who, d["signals"])
        assert det.verdict(who).status == "ok", d


def test_a_completion_product_sending_a_sampling_campaigns_files_is_not_joined_to_it_on_one_request() -> None:
    # Five FIM samplers on one file pool form a campaign; a completion product completing the same files sends
    # two alternatives with logprobs now and then (its panel). One such short request is what the panel sends:
    # it counts for the product's own sampling share, but does not join it to the campaign on the spot.
    det, t = Detector(), T0
    for i in range(120):
        for k in range(5):
            det.observe(event(f"sampler{k}", t + k, fim(i % 12, 4, 64), api="openai.completions", output_tokens=200,
                              ip=f"10.{k}.0.1"))
        t += 300.0
    assert det.campaigns(), "the samplers should form a campaign"
    for i in range(40):
        det.observe(event("ide", t, fim(i % 12, 2 if i % 10 == 0 else 1, 64, temperature=0.2), api="openai.completions",
                          output_tokens=40, ip="10.9.0.1"))
        t += 60.0
    assert det.verdict("ide").status == "ok", det.principal_detail("ide")


def test_a_classifier_whose_one_token_answers_fill_their_cap_keeps_no_chains() -> None:
    # A label is not a cut answer: a 1-token classifier always "hits" its cap, and nothing of it is left unsaid.
    det, t = Detector(), T0
    for i in range(100):
        det.observe(event("classifier", t, {"model": "gpt-4o-mini", "max_tokens": 1, "logprobs": True,
                                             "messages": [{"role": "user", "content": f"Ticket {i}: refund? yes/no"}]},
                          output_tokens=1))
        t += 30.0
    st: PrincipalState = det._states["classifier"]
    assert st.chains is None and det.principal_detail("classifier")["signals"]["cut_answers"] == 0.0
