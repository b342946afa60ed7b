"""Round 26: an item continued from several different partial answers (a student model's attempts, each cut where it
goes wrong, for the teacher to go on from: on-policy distillation) is evidence; a product continuing one text that
grows (a writer's draft, a function as the developer types, a chat's follow-ups) is not."""

from __future__ import annotations

from gateway.extraction.branches import INSTRUCTION, branch_point
from gateway.extraction.detector import Detector
from gateway.extraction.layout import W_BRANCHED, W_PREFIXED
from tests.extraction.helpers import TOOLS, event, problem

T0 = 1_767_225_600.0
ANTH, CHAT, RESP = "anthropic.messages", "openai.chat.completions", "openai.responses"


def item(i: int) -> str:
    return f"{problem(i)} Give the result to two decimals and say which rule you used."


def attempt(i: int, k: int, cut: int) -> str:
    """Sample k of a student's working on item i, cut after `cut` steps (samples differ from their first step)."""
    steps = [f"Step {s + 1}: sample {k} rewrites the quantities of problem {i} as {k * 7 + s} over {k + s + 2}."
             for s in range(cut)]
    return "\n".join(steps)


def prefill(api: str, prompt: str, partial: str) -> tuple[str, dict]:
    """The prompt, then `partial` as the assistant's turn: an Anthropic prefill, a final assistant message (chat),
    or the assistant's turn followed by "continue" (Responses input list)."""
    msgs = [{"role": "user", "content": prompt}, {"role": "assistant", "content": partial}]
    if api == RESP:
        return api, {"model": "gpt-4.1", "input": [*msgs, {"role": "user", "content": "continue"}]}
    key = "max_tokens"
    return api, {"model": "claude-haiku-4-5" if api == ANTH else "gpt-4.1-mini", key: 256, "temperature": 0,
                 "messages": msgs}


def follow_up(question: str, answer: str, ask: str, **body) -> dict:
    """A chat's second turn: the question, the answer the user was given, their follow-up."""
    return {**body, "messages": [{"role": "user", "content": question}, {"role": "assistant", "content": answer},
                                 {"role": "user", "content": ask}]}


def test_a_continued_turn_is_named_by_its_item_and_the_heads_of_its_text() -> None:
    long_text = attempt(1, 1, 12)
    for api in (ANTH, CHAT, RESP):
        _, body = prefill(api, item(1), long_text)
        ev = event("a", T0, body, api=api)
        assert len(ev.branch) == 4  # item, heads at 32, 128 and 512 characters
        assert ev.branch == event("b", T0, prefill(ANTH, item(1), long_text)[1], api=ANTH).branch
    shorter = branch_point([{"role": "user", "content": item(1)}, {"role": "assistant", "content": long_text[:100]}],
                           lambda c: c)
    assert shorter[:2] == event("a", T0, prefill(ANTH, item(1), long_text)[1], api=ANTH).branch[:2]  # one item, one head


def test_requests_that_continue_nothing_or_name_no_item_carry_no_branch() -> None:
    single = {"model": "gpt-4.1", "messages": [{"role": "user", "content": item(2)}]}
    short_item = prefill(ANTH, "Continue my draft.", attempt(2, 1, 3))[1]
    short_turn = prefill(ANTH, item(2), "Step 1: x")[1]
    tools = {**prefill(CHAT, item(2), attempt(2, 1, 3))[1], "tools": TOOLS}
    for body, api in ((single, CHAT), (short_item, ANTH), (short_turn, ANTH), (tools, CHAT)):
        assert event("a", T0, body, api=api).branch == ()


def run_student_model(det: Detector, who: str, items: int, api: str, per_item: int = 4) -> None:
    """A student model's attempts: each item continued from `per_item` different samples cut at different steps,
    a few seconds apart, short continuations (the teacher's next steps)."""
    t = T0
    for i in range(items):
        for k in range(per_item):
            a, body = prefill(api, item(i), attempt(i, k, 2 + (k + i) % 4))
            det.observe(event(who, t, body, api=a, output_tokens=30))
            t += 3.0
        t += 60.0


def test_an_operator_continuing_each_problem_from_several_student_attempts_is_throttled() -> None:
    # No request elicits reasoning, samples, or asks for a long answer: ~30 tokens each, at temperature 0.
    for api in (ANTH, CHAT, RESP):
        det = Detector()
        run_student_model(det, "student-model", 80, api)
        det.tick(T0 + 86400)
        d = det.principal_detail("student-model")
        assert d is not None and d["status"] == "throttle", d
        assert d["signals"]["branch_share"] >= 0.7
        assert any(r.startswith("branched_continuations") for r in d["reasons"]), d["reasons"]


def test_two_attempts_an_item_are_enough_when_the_account_works_that_way() -> None:
    det = Detector()
    run_student_model(det, "moderate", 120, CHAT, per_item=2)
    det.tick(T0 + 86400)
    d = det.principal_detail("moderate")
    assert d is not None and d["status"] != "ok" and 0.4 <= d["signals"]["branch_share"] <= 0.55


def test_a_code_completion_plugin_recompleting_as_the_developer_types_counts_no_branch() -> None:
    # Each burst re-completes one function, its prefix the last one plus what the developer typed since.
    det = Detector()
    t = T0
    for f in range(300):
        above = f"# module {f % 40}\nimport math\n\ndef helper_{f}(values):\n    '''Return the mean of values.'''\n"
        body_so_far = f"def solve_{f}(data):\n    total = 0\n"
        for k in range(1 + f % 6):
            body_so_far += f"    total += data[{k}] * {f}\n"
            _, body = prefill(ANTH if f % 3 else CHAT, f"Complete the function at the cursor.\n\n{above}", body_so_far)
            det.observe(event("ide", t, body, api=ANTH if f % 3 else CHAT, output_tokens=25))
            t += 6.0
        t += 90.0
    st = det._states["ide"]
    assert st.num[W_PREFIXED] > 100 and st.num[W_BRANCHED] == 0.0
    assert det.verdict("ide").status == "ok"


def test_a_continue_button_under_one_fixed_instruction_is_an_instruction_not_an_item() -> None:
    # Hundreds of writers' different drafts continued under one of three long instructions: the instruction is the
    # whole user turn, so every draft "branches" it - beyond MAX_ITEM_BRANCHES it is an instruction and counts
    # nothing, and it never counted while the app was young either.
    det = Detector()
    asks = ("Continue the draft below in the same voice and tense, one more paragraph, no headings or lists.",
            "Write the next paragraph of this story. Keep the characters, the tense and the point of view.",
            "Carry on from where my text stops; match my style and do not repeat what is already written.")
    for w in range(400):
        draft = f"Writer {w} opens the chapter at the harbour, where the fog has not lifted for {w % 9 + 2} days."
        _, body = prefill(ANTH, asks[w % 3], draft)
        assert det.observe(event("writing-app", T0 + w * 40.0, body, api=ANTH, output_tokens=180)).status == "ok"
    st = det._states["writing-app"]
    assert st.num[W_PREFIXED] > 300 and st.num[W_BRANCHED] == 0.0
    assert all(st.branches[k + 1] == INSTRUCTION for k in range(0, len(st.branches), len(st.branches) // 3))


def test_a_chat_user_who_regenerates_now_and_then_is_not_flagged() -> None:
    # Follow-ups continue the answer the user was given; twice in forty conversations the user regenerated the first
    # answer and followed up on the new one (a branch each).
    det = Detector()
    t = T0
    for c in range(40):
        first = f"Here is a plan for trip {c}: leave early, take the coast road and stop at the lighthouse museum."
        again = f"For trip {c}, start at the castle, then walk down to the river and end with the tile museum."
        answers = [first, again] if c % 20 == 3 else [first]
        question = f"Plan a day trip {c} from Lisbon for two people who like history and the sea."
        for a in answers:
            body = follow_up(question, a, "What should we eat there?", model="gpt-4o")
            det.observe(event("traveller", t, body, output_tokens=300))
            t += 400.0
        t += 3600.0
    st = det._states["traveller"]
    assert st.num[W_BRANCHED] >= 1.0
    assert det.verdict("traveller").status == "ok"


def test_a_popular_question_followed_up_by_many_end_users_is_each_users_own_item() -> None:
    # A rules helper fronting many players: a question of the day comes from three players in a row, each following up
    # on the answer they were given (which differs every time). One question, three conversations - no branch.
    det = Detector()
    t = T0
    for n in range(300):
        question = f"If I reach 12 points on someone else's turn, do I win? Explain how rule {n // 3} settles it."
        answer = f"Answer {n}: the turn order matters here; player {n % 37} scores and the round ends at once."
        body = follow_up(question, answer, "but what if it's the last round?", model="claude-haiku-4-5", max_tokens=400,
                         metadata={"user_id": f"player-{n}"})
        det.observe(event("rules-helper", t, body, api=ANTH, output_tokens=120))
        t += 120.0
    st = det._states["rules-helper"]
    assert st.num[W_PREFIXED] > 200 and st.num[W_BRANCHED] == 0.0
    assert det.verdict("rules-helper").status == "ok"


def test_a_draft_in_a_script_of_several_bytes_a_character_extends_as_it_grows() -> None:
    # Heads are byte prefixes: a 300-character Chinese draft (900 bytes) and the same draft grown to 600 characters
    # agree on their first 32, 128 and 512 bytes.
    ask = "请继续写下面的草稿，保持同样的语气和时态，再写一段，不要标题也不要列表。" * 2
    draft = "港口的雾已经三天没有散去，渔船都停在码头边上。" * 14
    short, grown = (branch_point([{"role": "user", "content": ask}, {"role": "assistant", "content": text}], str)
                    for text in (draft[:300], draft[:600]))
    assert len(short) == len(grown) == 4 and short == grown
