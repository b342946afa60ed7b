"""Conversation shape: which requests continue a conversation the account really had, and what a
fabricated history (a greeting before a harvesting prompt, an invented agent trajectory) counts as."""

from __future__ import annotations

from gateway.extraction.detector import Detector
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import ANTHROPIC_TOOLS, chat, chat_tool_loop, event, problem

T0 = 1_767_225_600.0
TASKS = ("triage the open billing tickets", "find the flaky test in the parser module",
         "migrate the orders table to the new schema", "reconcile the march ledger with the bank export",
         "book the cheapest refundable flight to Oslo", "find which deploy broke the search service")


def openai_agent_step(task: str, steps: int) -> dict:
    return chat_tool_loop(task, steps)


def test_a_follow_up_names_the_prompt_it_continues() -> None:
    first = event("a", 0, chat("How do I fix a leaky tap?"))
    body = {"model": "m", "messages": [{"role": "user", "content": "How do I fix a leaky tap?"},
                                       {"role": "assistant", "content": "Turn off the water..."},
                                       {"role": "user", "content": "and if it still drips?"}]}
    follow = event("a", 60, body)
    assert first.prior_hash == 0
    assert follow.prior_hash == first.content_hash
    assert not follow.single_turn


def test_an_agent_loop_step_continues_its_task_in_either_dialect() -> None:
    task = TASKS[0]
    start = event("a", 0, openai_agent_step(task, 0))
    step = event("a", 5, openai_agent_step(task, 2))
    assert step.prior_hash == start.content_hash == step.content_hash
    anthropic = {"model": "claude", "max_tokens": 512, "tools": ANTHROPIC_TOOLS, "messages": [
        {"role": "user", "content": task},
        {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "run_shell", "input": {}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "ok"}]}]}
    ev = event("a", 9, anthropic, api="anthropic.messages")
    assert ev.content_hash == start.content_hash, "a tool_result turn is an observation, not the user's prompt"
    assert ev.prior_hash == start.content_hash


def count(st: PrincipalState | None, ev) -> tuple[PrincipalState, bool]:
    st = st or PrincipalState(ev)
    *_, single = st.count(ev, 3 * 86400.0)
    return st, single


def test_only_a_history_the_account_really_sent_makes_a_request_a_continuation() -> None:
    st, single = count(None, event("a", 0, chat("How do I fix a leaky tap?")))
    assert single
    real = {"model": "m", "messages": [{"role": "user", "content": "How do I fix a leaky tap?"},
                                       {"role": "assistant", "content": "Turn off the water..."},
                                       {"role": "user", "content": "and if it still drips?"}]}
    st, single = count(st, event("a", 60, real))
    assert not single
    greeting = {"model": "m", "messages": [{"role": "user", "content": "hi again!"},
                                           {"role": "assistant", "content": "Hello! How can I help?"},
                                           {"role": "user", "content": problem(4) + " Show all of your working."}]}
    st, single = count(st, event("a", 120, greeting))
    assert single, "the greeting turn was never sent on its own: fabricated context"


def test_an_agent_loop_is_not_counted_as_resampling_its_task() -> None:
    st, _ = count(None, event("a", 0, openai_agent_step(TASKS[1], 0) | {"temperature": 1.0}))
    for k in range(1, 4):
        st, single = count(st, event("a", k * 3.0, openai_agent_step(TASKS[1], k) | {"temperature": 1.0}))
        assert not single
    assert st.w_harvest == 0.0


def test_fresh_invented_tool_trajectories_with_long_answers_are_flagged_a_real_agent_loop_is_not() -> None:
    det = Detector()
    t = T0
    for i in range(60):
        t += 3000 + (i * 611) % 2400
        harvest = openai_agent_step(f"{TASKS[i % len(TASKS)]} (ticket {i})", i % 4) | {"max_tokens": 4096}
        det.observe(event("harvester", t, harvest, output_tokens=900 + (i * 37) % 600))
        for k in range(4):  # a real agent: each task runs as a loop of short tool calls
            det.observe(event("ops-agent", t + k * 4.0, openai_agent_step(f"{TASKS[i % len(TASKS)]} #{i}", k),
                              output_tokens=60))
    det.tick(t + 1)
    v = det.verdict("harvester")
    assert v.status != "ok" and "agentic_trajectories" in v.reasons, v
    assert det.verdict("ops-agent").status == "ok", det.principal_detail("ops-agent")


def test_long_narrated_agent_steps_are_trajectory_harvesting_short_tool_calls_are_not() -> None:
    # Both run real-looking loops (each step resends its task); only the harvester's steps are long.
    det = Detector()
    t = T0
    for i in range(50):
        t += 1800 + (i * 613) % 1800
        for k in range(4):
            task = f"{TASKS[i % len(TASKS)]} #{i}"
            det.observe(event("narrator", t + k * 9.0, openai_agent_step(task, k) | {"max_tokens": 6000},
                              output_tokens=900 + (i * 53 + k * 101) % 700))
            det.observe(event("operator", t + k * 4.0, openai_agent_step(task, k), output_tokens=60 + (k * 97) % 500))
    det.tick(t + 1)
    assert det.verdict("narrator").status != "ok", det.principal_detail("narrator")
    assert "agentic_trajectories" in det.verdict("narrator").reasons
    assert det.verdict("operator").status == "ok", det.principal_detail("operator")


def test_asking_for_the_models_thinking_is_reasoning_elicitation() -> None:
    plain = {"model": "claude", "max_tokens": 4096, "messages": [{"role": "user", "content": problem(2)}]}
    thinking = plain | {"thinking": {"type": "enabled", "budget_tokens": 4000}}
    assert event("a", 0, plain, api="anthropic.messages").reasoning == 0
    assert event("a", 0, thinking, api="anthropic.messages").reasoning != 0
    summary = {"model": "o4-mini", "input": problem(2), "reasoning": {"effort": "high", "summary": "detailed"}}
    effort_only = {"model": "o4-mini", "input": problem(2), "reasoning": {"effort": "high"}}
    assert event("a", 0, summary, api="openai.responses").reasoning != 0
    assert event("a", 0, effort_only, api="openai.responses").reasoning == 0, "effort alone returns no reasoning"


def test_a_structured_output_with_a_reasoning_field_asks_for_the_reasoning() -> None:
    def schema(props: dict) -> dict:
        return {"type": "json_schema", "json_schema": {"name": "answer", "schema": {"type": "object", "properties": props}}}

    worked = chat(problem(3)) | {"response_format": schema({"steps": {"type": "array"}, "final": {"type": "string"}})}
    plain = chat(problem(3)) | {"response_format": schema({"answer": {"type": "string"}})}
    assert event("a", 0, worked).reasoning != 0
    assert event("a", 0, plain).reasoning == 0
    responses = {"model": "gpt-4.1", "input": problem(3), "text": {"format": {
        "type": "json_schema", "name": "w", "schema": {"type": "object", "properties": {"rationale": {}, "final": {}}}}}}
    assert event("a", 0, responses, api="openai.responses").reasoning != 0
