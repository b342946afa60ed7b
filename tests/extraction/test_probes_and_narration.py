"""Request shapes that carry no elicitation wording: next-token probes along a solution prefix, agent loops
that have the model narrate its reasoning beside every tool call, and hot repeats under a short cap."""

from __future__ import annotations

from gateway.extraction.detector import Detector
from gateway.extraction.patterns import NARRATED
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import ANTHROPIC_TOOLS, chat, chat_tool_loop, event, problem

T0 = 1_767_225_600.0
PLAN = ("REFLECT: the disk report shows the cache directory grew overnight. PLAN: list the largest files under "
        "the cache next, since that decides whether the cleanup is safe.")
SOLUTION = ("First count the pairs of same colour.", "There are two ways to pick both red.",
            "Then add the ways to pick both blue.", "Divide by all pairs of marbles.", "So the probability follows.")


def chat_loop(task: str, steps: int, narration: str | None) -> dict:
    return chat_tool_loop(task, steps, narration, system="You operate the tools to finish the task.", model="gpt-4.1")


def anthropic_loop(task: str, steps: int, narration: str) -> dict:
    messages: list[dict] = [{"role": "user", "content": task}]
    for k in range(steps):
        messages += [{"role": "assistant", "content": [{"type": "text", "text": narration},
                                                       {"type": "tool_use", "id": f"t{k}", "name": "run_shell",
                                                        "input": {}}]},
                     {"role": "user", "content": [{"type": "tool_result", "tool_use_id": f"t{k}", "content": "ok"}]}]
    return {"model": "claude", "max_tokens": 2000, "tools": ANTHROPIC_TOOLS, "messages": messages}


def test_a_loop_whose_tool_calls_come_with_narrated_reasoning_is_flagged_narrated_in_either_dialect() -> None:
    assert event("a", 0, chat_loop("free disk space on the build box", 3, PLAN)).reasoning & NARRATED
    ev = event("a", 0, anthropic_loop("free disk space on the build box", 3, f"<reasoning>{PLAN}</reasoning>"),
               api="anthropic.messages")
    assert ev.reasoning & NARRATED


def test_bare_tool_calls_a_short_remark_or_a_first_step_are_not_narrated() -> None:
    assert not event("a", 0, chat_loop("free disk space", 3, None)).reasoning & NARRATED
    assert not event("a", 0, chat_loop("free disk space", 3, "Let me check the logs.")).reasoning & NARRATED
    preamble = "I'll look at the largest directories under the cache first to see what is taking the space."
    assert not event("a", 0, chat_loop("free disk space", 3, preamble)).reasoning & NARRATED
    assert not event("a", 0, chat_loop("free disk space", 0, None)).reasoning & NARRATED
    # A chat history with a long answer but no tool call is a conversation, not a narrated loop.
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": PLAN},
                                       {"role": "user", "content": "and then?"}]}
    assert not event("a", 0, body).reasoning & NARRATED


def run_loops(principal: str, narration: str | None, tasks: int = 8, steps: int = 6) -> Detector:
    det = Detector()
    t = T0
    for i in range(tasks):
        for k in range(steps):
            det.observe(event(principal, t, chat_loop(f"task {i}: clean the cache of box {i}", k, narration),
                              output_tokens=300))
            t += 40.0
        t += 3 * 3600.0
    return det


def test_an_account_running_narrated_tool_loops_is_flagged_while_bare_loops_are_not() -> None:
    narrated = run_loops("harvester", PLAN)
    assert narrated.verdict("harvester").status != "ok"
    assert "narrated_tool_loops" in narrated.verdict("harvester").reasons
    bare = run_loops("agent", None)
    assert bare.verdict("agent").status == "ok"
    assert bare.score_of("agent") < 0.2


def probe(prefix_of: str, k: int, max_tokens: int = 1) -> dict:
    text = f"Q: {prefix_of}\nA: " + " ".join(SOLUTION[:k])
    return {"model": "gpt-3.5-turbo-instruct", "prompt": text, "max_tokens": max_tokens, "logprobs": 5, "temperature": 0}


def counted_harvest(evs: list) -> float:
    st = PrincipalState(evs[0])
    for ev in evs:
        st.count(ev, 3 * 86400.0)
    return st.w_harvest


def test_next_token_probes_along_a_growing_prefix_are_harvesting_whatever_max_tokens() -> None:
    evs = [event("p", T0 + k, probe(problem(1), k), api="openai.completions") for k in range(1, 6)]
    assert counted_harvest(evs) >= 3.9  # every probe after the first extends an earlier prompt


def test_word_by_word_probes_are_recognised_too() -> None:
    words = "the top of the ladder slides down at a rate we can compute".split()
    evs = [event("p", T0 + k, {"model": "m", "prompt": " ".join(words[:k]), "max_tokens": 1, "logprobs": 5},
                 api="openai.completions") for k in range(1, len(words))]
    assert counted_harvest(evs) >= len(evs) - 2


def test_a_one_token_classifier_with_logprobs_is_not_a_probe() -> None:
    # One fixed template, new content in every request, a label set for an answer: never an extension.
    evs = [event("c", T0 + k, chat(f"Classify this claim as ROUTINE, REVIEW or REFER. Answer with one word.\n\n"
                                   f"Claim: {problem(k)}", max_tokens=1, logprobs=True, top_logprobs=5))
           for k in range(40)]
    assert counted_harvest(evs) == 0.0


def test_the_same_probe_without_logprobs_carries_no_stem() -> None:
    ev = event("p", T0, {"model": "m", "prompt": "Q: x\nA: First. Second.", "max_tokens": 1},
               api="openai.completions")
    assert ev.stem_hash == 0


def test_hot_repeats_harvest_only_when_the_answers_can_be_long() -> None:
    def repeats(max_tokens: int) -> float:
        body = chat("Scene: the player asks for directions to the old mill. One line of dialogue.", n=6,
                    temperature=1.2, max_tokens=max_tokens)
        return counted_harvest([event("g", T0 + k, body) for k in range(10)])

    assert repeats(60) == 0.0     # game dialogue variants: one-liners, no capability in their distribution
    assert repeats(1500) == 10.0  # the same prompt sampled for long answers
