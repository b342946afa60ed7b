"""Agents: a Responses chain continued by previous_response_id is a conversation, whatever reasoning it asks
for; tool steps that hand back the model's reasoning across many tool sets are a catalogue sweep."""

from __future__ import annotations

import random

from gateway.extraction.detector import Detector
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import event, problem

T0 = 1_767_225_600.0
SWE_TOOLS = [{"type": "function", "name": n, "parameters": {"type": "object", "properties": {"arg": {"type": "string"}}}}
             for n in ("read_file", "search_code", "run_tests", "apply_patch", "bash")]
THINK = {"name": "think", "description": "Think about something.",
         "input_schema": {"type": "object", "properties": {"thought": {"type": "string"}}}}
DOMAINS = [[f"{d}_{verb}" for verb in ("lookup", "update", "cancel", "list", "notify")]
           for d in ("airline", "retail", "bank", "telecom", "clinic", "hotel", "logistics", "hr")]


def responses_step(task: str, prev: str | None, tools: list[dict], summary: str = "auto") -> dict:
    body: dict = {"model": "o4-mini", "instructions": "You are an agent. Finish the task.", "tools": tools,
                  "reasoning": {"effort": "medium", "summary": summary}, "max_output_tokens": 8000}
    if prev is None:
        body["input"] = task
    else:
        body["previous_response_id"] = prev
        body["input"] = [{"type": "function_call_output", "call_id": "call_1", "output": "3 tests failed"}]
    return body


def tools_of(names: list[str]) -> list[dict]:
    return [{"type": "function", "name": n, "parameters": {"type": "object", "properties": {"id": {"type": "string"}}}}
            for n in names]


def run_agent(principal: str, toolsets: list[list[dict]], episodes: int = 40, steps: int = 10,
              summary: str = "auto") -> Detector:
    det, t = Detector(), T0
    for i in range(episodes):
        # Tickets quote popular exercises, the same ones campaigns harvest.
        task = f"Ticket #{1000 + i}: the export fails.\n\n{problem(i)} Language: Python."
        prev = None
        for k in range(steps):
            det.observe(event(principal, t, responses_step(task, prev, toolsets[i % len(toolsets)], summary),
                              api="openai.responses", output_tokens=900 if k == 0 else 400))
            prev, t = f"resp_{i}_{k}", t + 20.0
        t += 1800.0
    return det


def test_a_previous_response_id_chain_is_a_continuation_and_a_tool_set_is_hashed_by_its_names() -> None:
    first = event("a", T0, responses_step("fix the bug", None, SWE_TOOLS), api="openai.responses")
    step = event("a", T0 + 5, responses_step("fix the bug", "resp_1", SWE_TOOLS), api="openai.responses")
    assert not first.chained and step.chained
    assert step.toolset == first.toolset != 0
    assert event("a", T0, responses_step("x", None, SWE_TOOLS[::-1]), api="openai.responses").toolset == first.toolset
    st = PrincipalState(first)
    st.count(first, 86400.0)
    st.count(step, 86400.0)
    assert st.w_single == 1.0  # the chained step continues the account's own stored response


def test_a_thought_tool_is_recognised_by_its_only_input_whatever_its_name() -> None:
    body = {"model": "claude", "max_tokens": 1000, "tools": [THINK], "messages": [{"role": "user", "content": "go"}]}
    assert event("a", T0, body, api="anthropic.messages").think_tool
    renamed = dict(THINK, name="scratch")
    assert event("a", T0, dict(body, tools=[renamed]), api="anthropic.messages").think_tool
    two_inputs = dict(THINK, input_schema={"type": "object", "properties": {"thought": {}, "order_id": {}}})
    assert not event("a", T0, dict(body, tools=[two_inputs]), api="anthropic.messages").think_tool


def test_a_working_agent_with_reasoning_summaries_on_one_tool_set_is_not_flagged() -> None:
    det = run_agent("swe", [SWE_TOOLS])
    v = det.verdict("swe")
    assert v.status == "ok", v
    assert det.score_of("swe") < 0.3


def test_reasoning_exposing_steps_across_many_tool_sets_are_a_catalogue_sweep() -> None:
    det = run_agent("sweeper", [tools_of(names) for names in DOMAINS], summary="detailed")
    v = det.verdict("sweeper")
    assert v.status != "ok" and "catalogue_sweep" in v.reasons


def test_an_agent_benchmark_sweeping_the_catalogue_without_exposed_reasoning_is_not_a_sweep() -> None:
    det, t = Detector(), T0
    for i in range(40):
        messages: list[dict] = [{"role": "user", "content": f"task {i}: rebook the customer"}]
        for k in range(6):
            det.observe(event("bench", t, {"model": "gpt-4.1", "temperature": 0, "messages": list(messages),
                                            "tools": [{"type": "function", "function": t_}
                                                      for t_ in tools_of(DOMAINS[i % len(DOMAINS)])]},
                              output_tokens=150))
            messages += [{"role": "assistant", "content": None, "tool_calls": [
                {"id": f"c{k}", "type": "function", "function": {"name": "x", "arguments": "{}"}}]},
                {"role": "tool", "tool_call_id": f"c{k}", "content": "ok"}]
            t += 10.0
        t += 600.0
    d = det.principal_detail("bench")
    assert d is not None and d["signals"]["tool_sets"] >= 6
    assert d["evidence"]["catalogue_sweep"] == 0.0 and det.verdict("bench").status == "ok"


def test_thought_tool_loops_across_many_tool_sets_are_a_sweep_and_on_one_tool_set_are_not() -> None:
    def loops(principal: str, domains: list[list[str]]) -> Detector:
        det, t = Detector(), T0
        for i in range(40):
            tools = [THINK] + [{"name": n, "input_schema": {"type": "object", "properties": {"id": {}}}}
                               for n in domains[i % len(domains)]]
            messages: list[dict] = [{"role": "user", "content": f"task {i}: handle the refund"}]
            for k in range(6):
                det.observe(event(principal, t, {"model": "claude", "max_tokens": 4096, "tools": tools,
                                                 "messages": list(messages)}, api="anthropic.messages",
                                  output_tokens=300))
                messages += [{"role": "assistant", "content": [{"type": "tool_use", "id": f"t{k}", "name": "think",
                                                                "input": {"thought": "plan"}}]},
                             {"role": "user", "content": [{"type": "tool_result", "tool_use_id": f"t{k}",
                                                           "content": ""}]}]
                t += 10.0
            t += 1800.0
        return det

    sweep = loops("sweeper", DOMAINS)
    assert "catalogue_sweep" in sweep.verdict("sweeper").reasons
    support = loops("support", DOMAINS[:1])
    assert support.verdict("support").status == "ok"


def test_a_task_handed_to_an_agent_is_not_a_distillation_subset_request() -> None:
    # Same elicited, single-turn, capability request with a long answer: with tools declared it is an agent's
    # task (answered by a tool call), judged by the agentic terms, not a worked solution to harvest.
    text = f"{problem(3)} Show all your reasoning step by step."
    plain = event("a", T0, {"model": "m", "messages": [{"role": "user", "content": text}]}, output_tokens=1200)
    agent = event("a", T0, {"model": "m", "messages": [{"role": "user", "content": text}],
                            "tools": [{"type": "function", "function": t} for t in tools_of(["run_tests"])]},
                  output_tokens=1200)
    assert plain.reasoning and agent.reasoning
    for ev, expected in ((plain, 1.0), (agent, 0.0)):
        st = PrincipalState(ev)
        st.count(ev, 86400.0)
        assert st.w_elicit == expected


def test_fresh_tool_requests_with_a_new_menu_nearly_every_time_are_menu_churn() -> None:
    # Function-calling data generation: each request a new task and a menu drawn at random from a catalogue.
    # (Until round 14 the menu was (i * 7 + j * 5) % len(catalogue): the same 24 menus in turn, which is an
    # application's own set coming round again -- see test_returning_interfaces.py -- not random draws.)
    catalogue = [f"{d[0]}_{k}" for d in DOMAINS for k in range(3)]
    rng = random.Random(7)
    det, t = Detector(), T0
    for i in range(60):
        menu = rng.sample(catalogue, 6)
        det.observe(event("generator", t, {"model": "gpt-4.1", "input": f"task {i}: book the cheapest option",
                                           "tools": tools_of(menu), "tool_choice": "required"},
                          api="openai.responses", output_tokens=120))
        t += 4.0
    v = det.verdict("generator")
    assert v.status != "ok" and "menu_churn" in v.reasons, det.principal_detail("generator")


def test_an_agent_or_a_benchmark_keeping_a_few_menus_has_no_menu_churn() -> None:
    det, t = Detector(), T0
    for i in range(60):  # a voice assistant: one menu; a benchmark: eight domains in turn
        det.observe(event("voice", t, {"model": "gpt-4.1", "input": f"turn on light {i}", "tools": tools_of(DOMAINS[0]),
                                       "tool_choice": "required"}, api="openai.responses", output_tokens=40))
        det.observe(event("bench", t, {"model": "gpt-4.1", "input": f"task {i}", "tools": tools_of(DOMAINS[i % 8])},
                          api="openai.responses", output_tokens=120))
        t += 4.0
    for who in ("voice", "bench"):
        d = det.principal_detail(who)
        assert d is not None and d["evidence"]["menu_churn"] == 0.0 and det.verdict(who).status == "ok"
