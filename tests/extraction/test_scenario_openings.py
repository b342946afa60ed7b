"""Round 24: the scenario a conversation opens on is a passage (documents.py, `scenario_passages`).

An operator that rents the teacher as the environment of its own agent -- the simulated customer of a task card, the
engine of a text world, the opponent in a game -- writes each episode's scenario into the system prompt and has the
teacher play it out, one short turn at a time; nothing asks for reasoning or a long answer. What crosses tenants is the
scenario: each card is rolled out on a few accounts of different tenants, hours apart, as a long-context pipeline deals
a document. So the paragraphs of a system prompt that opens a conversation are passages of that opening; a product's
own prompts stay in one tenant, a support-bot vendor's regression suite comes back to its own cards night after
night, and a template's fixed rules paragraph, sent by everyone, is popular text that is no account's document."""

from __future__ import annotations

import random

from gateway.extraction.detector import Detector
from gateway.extraction.documents import PASSAGE_CHARS, SCENARIO_PARAGRAPHS, DocumentTable, scenario_passages
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import event
from tests.extraction.test_shared_documents import chatter, replay

T0 = 1_767_225_600.0
HOUR = 3600.0
RULES = ("Rules:\n- Write only the customer's next message, one line at a time.\n- Do not reveal the whole instruction at "
         "once.\n- When the goal is reached, write ###STOP### on its own.\n- Stay in character.")
GOALS = ("your parcel {n} never arrived and you want a refund", "you were charged twice for order {n}",
         "you want to move your delivery of order {n} to next week", "webhooks for account {n} stopped yesterday")
AGENT_TURNS = ("Hi, you're chatting with the support assistant. How can I help?", "Could you give me the order number?",
               "Thanks, I can see the order. One moment.", "I've opened a ticket for you. Anything else?")


def card(rng: random.Random, n: int) -> str:
    name = rng.choice(("Una Rossi", "Kofi Mensah", "Aiko Sato", "Lena Berg"))
    return (f"You are playing a customer talking to a support agent.\n\nInstruction: {GOALS[n % 4].format(n=10_000 + n)}. "
            f"Your name is {name}; your account id is acct_{rng.getrandbits(32):08x}. Personality: "
            f"{rng.choice(('patient', 'sceptical', 'in a hurry'))}, answers only what is asked.\n\n{RULES}")


def turn(system: str, turns: int) -> dict:
    """The agent's side arrives as the user; the teacher's earlier lines are the assistant turns."""
    msgs = [{"role": "system", "content": system}, {"role": "user", "content": AGENT_TURNS[0]}]
    for k in range(1, turns):
        msgs += [{"role": "assistant", "content": "My parcel never came."}, {"role": "user", "content": AGENT_TURNS[k % 4]}]
    return {"model": "gpt-4.1-mini", "messages": msgs, "max_tokens": 256, "temperature": 0.7}


def episode(t: float, principal: str, tenant: str, system: str, rng: random.Random) -> list[tuple]:
    """One rollout: a short customer line per turn, the agent's next turn seconds after the teacher's."""
    rows = []
    for k in range(1, rng.randint(4, 7)):
        rows.append((t, principal, tenant, turn(system, k), rng.randint(5, 20)))
        t += rng.uniform(2, 12)
    return rows


def user_simulator(rng: random.Random, accounts: int, cards: int) -> list[tuple]:
    """Each new card's four rollouts on four different accounts (each its own tenant), 1-12 hours apart."""
    rows = []
    for i in range(cards):
        system, t = card(rng, i), T0 + rng.uniform(0, 60 * HOUR)
        for k in rng.sample(range(accounts), 4):
            rows += episode(t, f"sim-{k}", f"tenant-sim-{k}", system, rng)
            t += rng.uniform(1, 12) * HOUR
    return rows


def qa_harness(rng: random.Random, vendors: int, suite: int, nights: int) -> list[tuple]:
    """A support-bot vendor's regression suite: its own cards, each rolled out three times in a row, every night."""
    rows = []
    for v in range(vendors):
        cards = [card(rng, 1000 * (v + 1) + i) for i in range(suite)]
        for night in range(nights):
            t = T0 + night * 24 * HOUR + 2 * HOUR
            for c in cards:
                for _ in range(3):
                    rows += episode(t, f"qa-{v}", f"tenant-qa-{v}", c, rng)
                    t += 90.0
    return rows


def benchmark_labs(rng: random.Random, tasks: int, runs: int) -> list[tuple]:
    """Two labs (two tenants) running the same public benchmark's tasks, each run every task in turn."""
    cards = [card(random.Random(99), 5000 + i) for i in range(tasks)]
    rows = []
    for lab in range(2):
        for run in range(runs):
            t = T0 + run * 20 * HOUR + lab * 5 * HOUR
            for c in cards:
                rows += episode(t, f"lab-{lab}", f"tenant-lab-{lab}", c, rng)
                t += 120.0
    return rows


def test_the_paragraphs_of_a_system_prompt_that_opens_a_conversation_are_its_passages() -> None:
    rng = random.Random(1)
    system = card(rng, 3)
    opening = event("a", T0, turn(system, 1)).scenario
    assert opening == scenario_passages(system) and len(opening) == 2  # the instruction and the rules; not the short role line
    assert all(len(p) >= PASSAGE_CHARS for p in system.split("\n\n")[1:])
    # The same scenario on Anthropic (system blocks) and on the Responses API (instructions) is the same passage.
    anth = {"model": "claude-haiku-4-5", "max_tokens": 256, "system": [{"type": "text", "text": system}],
            "messages": [{"role": "user", "content": AGENT_TURNS[0]}]}
    resp = {"model": "gpt-4.1", "instructions": system, "input": AGENT_TURNS[0]}
    assert event("a", T0, anth, api="anthropic.messages").scenario == opening
    assert event("a", T0, resp, api="openai.responses").scenario == opening
    # Later turns resend the scenario with the history: not a new opening. Nor is a chained Responses turn.
    assert event("a", T0, turn(system, 3)).scenario == ()
    assert event("a", T0, dict(resp, previous_response_id="resp_1"), api="openai.responses").scenario == ()
    # A short system prompt (a product's one-line role) has no passage.
    assert event("a", T0, {"model": "m", "messages": [{"role": "system", "content": "You are a helpful assistant."},
                                                      {"role": "user", "content": "hi"}]}).scenario == ()
    many = "\n\n".join(f"Paragraph {i}: " + "x" * PASSAGE_CHARS for i in range(SCENARIO_PARAGRAPHS + 3))
    assert len(scenario_passages(many)) == SCENARIO_PARAGRAPHS


def test_a_scenario_opened_in_a_row_is_one_visit_coming_back_is_a_return_and_popular_text_is_no_document() -> None:
    table = DocumentTable(1000)
    st = PrincipalState(event("p", T0, turn("x", 1)))
    for _ in range(3):  # the same card rolled out three times in a row: one visit
        table.note_scenario(st, "t-p", (11, 12))
    assert (st.docs[0], st.docs[1], len(st.docs) - 2) == (2, 0, 2)
    table.note_scenario(st, "t-p", (13, 12))  # the next card, with the same rules paragraph (not popular yet)
    assert (st.docs[0], st.docs[1], len(st.docs) - 2) == (4, 1, 3)
    table.note_scenario(st, "t-p", (11, 12))  # back to the first card after another: a return, as a library's
    assert (st.docs[0], st.docs[1]) == (6, 3)
    # A product opening every conversation on its one prompt holds one document and never returns to it.
    app = PrincipalState(event("app", T0, turn("x", 1)))
    for _ in range(50):
        table.note_scenario(app, "t-app", (77,))
    assert (app.docs[0], app.docs[1]) == (1, 0)
    # A paragraph that more than a few accounts send (a template's rules) stops entering their rings.
    others = [PrincipalState(event(f"o{i}", T0, turn("x", 1))) for i in range(8)]
    for i, o in enumerate(others):
        table.note_scenario(o, f"t-o{i}", (12, 100 + i))
    assert [len(o.docs) - 2 for o in others] == [2] * 5 + [1] * 3  # from the sixth other account on: its own card only
    assert table.split(others[0].docs, "o0", "t-o0")[0] == 0  # a popular paragraph splits nothing


def test_a_request_that_brings_its_own_text_is_about_that_text_not_a_scenario() -> None:
    system = "Extract the fields below from the review the user sends, as JSON.\n\n" + "Fields: " + ", ".join(
        f"field_{i} (a short string)" for i in range(12))
    review = "The blender is loud but it crushes ice in seconds, and the jug is easy to clean after smoothies. " * 2
    body = {"model": "gpt-4.1-mini", "messages": [{"role": "system", "content": system}, {"role": "user", "content": review}],
            "response_format": {"type": "json_schema", "json_schema": {"name": "r", "schema": {
                "type": "object", "properties": {"field_0": {"type": "string"}}}}}}
    ev = event("a", T0, body)
    assert ev.passages and ev.scenario == ()  # the review is the work item; the system prompt is the instruction
    body["messages"][1]["content"] = "Hi, how can I help you today?"
    assert event("a", T0, body).scenario == scenario_passages(system) != ()


def test_a_user_simulator_dealing_cards_over_tenants_is_flagged_and_a_qa_suite_and_benchmark_labs_are_not() -> None:
    rng = random.Random(24)
    rows = (user_simulator(rng, 16, 200) + qa_harness(rng, 3, 40, 3) + benchmark_labs(rng, 60, 3)
            + chatter(rng, 150))
    det = replay(Detector(), rows)
    sims = [det.principal_detail(f"sim-{k}") for k in range(16)]
    assert all(d["signals"]["split_documents"] >= 4 for d in sims)
    assert sum(det.verdict(f"sim-{k}").status != "ok" for k in range(16)) >= 13
    for v in range(3):  # its own cards, night after night, in its own tenant: nothing split
        signals = det.principal_detail(f"qa-{v}")["signals"]
        assert signals["split_documents"] == 0 and signals["requests"] >= 1000
        assert det.verdict(f"qa-{v}").status == "ok"
    for lab in range(2):  # every task shared with the same other lab: a team's overlap, not a pipeline's spread
        signals = det.principal_detail(f"lab-{lab}")["signals"]
        assert signals["split_documents"] >= 4 and signals["document_overlap"] == 1.0
        assert det.verdict(f"lab-{lab}").status == "ok"
    assert all(det.verdict(f"chat-{a}").status == "ok" for a in range(150))
