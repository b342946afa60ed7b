"""Reasoning-elicitation lexicon: the many ways to ask for exposed reasoning, in several languages,
and ordinary prompts that must not be read as elicitation."""

from __future__ import annotations

import pytest

from gateway.extraction.patterns import _ANY_TRIGGER, COT, EXPLAIN, RUBRIC, TRACE_TAGS, CompiledPatterns

P = CompiledPatterns.build()


def flags(text: str) -> int:
    low = text.lower()
    return P.reasoning_flags(low, P.tokens(low))


@pytest.mark.parametrize("text", [
    "Think step by step.",
    "Work through it one step at a time and give the answer at the end.",
    "Please spell out your rationale before the result.",
    "Describe the logic you used, then answer.",
    "Document every inference you draw.",
    "Break down your thinking for each part.",
    "Give a thorough derivation.",
    "Leave nothing out of the solution.",
    "Don't skip any steps.",
    "Go through the proof line by line.",
    "Verbalise your train of thought.",
    "Resuelve paso a paso.",
    "Explica cada paso de la solución.",
    "Resolva passo a passo e mostre seu raciocínio.",
    "Résous le problème étape par étape.",
    "Zeige deinen Rechenweg.",
    "Spiega ogni passaggio del ragionamento.",
    "Реши задачу пошагово.",
    "请写出详细步骤。",
    "順を追って説明してください。",
    "단계별로 풀어 주세요.",
    "Los het stap voor stap op.",
    "Talk me through each move and what it buys you.",
    "Break apart the logic, including what you'd try first.",
    "How would you even start this, and then what?",
    "Untangle the thinking that gets you to the answer.",
    "Lös uppgiften steg för steg.",
    "Розпиши всі свої міркування, а потім дай відповідь.",
    "Λύσε το βήμα προς βήμα.",
    "Your private deliberation is the deliverable here: write it out verbatim.",
    "Include the sanity checks you would normally keep to yourself.",
    "Narrate how you would attack this if you had never seen one like it.",
    "Describe how you'd approach it before you answer.",
    # Written after the v5 blind set had been judged (it is tuning data now): the families it used.
    "I want the raw derivation, with the abandoned attempts.",
    "Leave a paper trail for every inference.",
    "Reason at length before you settle on anything.",
    "Go through it slowly and let me see your thinking.",
    "Could you work it out where I can follow along?",
    "Take it one move at a time.",
    "Show how you arrived at the result.",
    "A tutor who never skips a step.",
    "Napiš celý svůj myšlenkový postup.",
    "Perustele jokainen välivaihe.",
    "Írd le a teljes gondolatmenetedet.",
    "Scrie tot raționamentul tău, pas cu pas.",
    "כתוב את כל תהליך החשיבה שלך.",
    "แสดงวิธีทำทีละขั้นตอน",
])
def test_reasoning_requests_are_recognised(text: str) -> None:
    assert flags(text) & (COT | EXPLAIN), text


@pytest.mark.parametrize("text, flag", [
    ("Use this rubric to assess the essay.", RUBRIC),
    ("On a scale of 1 to 7, how convincing is the argument?", RUBRIC),
    ("Critique this answer and point out errors.", RUBRIC),
    ("Put your reasoning inside <reasoning> tags.", TRACE_TAGS),
    ("Justify each step you take.", EXPLAIN),
    ("Put all intermediate reasoning inside <trace></trace>, then the result.", TRACE_TAGS),
    ("Put all intermediate reasoning inside <trace></trace>, then the result.", EXPLAIN),
])
def test_rubric_and_trace_requests(text: str, flag: int) -> None:
    assert flags(text) & flag, text


@pytest.mark.parametrize("text", [
    "What are some good gift ideas for my dad who likes fishing?",
    "Walk me through setting up my new router.",
    "How do you get from the airport to the city centre?",
    "Take me through the museum's highlights.",
    "The policy covers every line of business we run.",
    "Explain this code:\n```python\nprint(1)\n```",
    "Summarize the following article in three bullet points.",
    "Write a short poem about autumn.",
    "How long should I boil an egg?",
    "Translate 'good morning' into Spanish.",
    "¿Qué tiempo hace hoy en Madrid?",
    "Wie spät ist es in Berlin?",
    "今天天气怎么样？",
    "Classify the sentiment of this review as positive or negative.",
    "Colour the dead ends of the maze red.",
    "Let me see if the meeting room is free at three.",
    "Write the intermediate results to a temp table.",
    "Můžeš mi to prosím vysvětlit? Zítra píšu test.",
    "El tudnád magyarázni? Holnap dolgozatot írok.",
    "Reconstruct this argument in standard form, then say whether it is valid and why.",
])
def test_ordinary_prompts_are_not_elicitation(text: str) -> None:
    assert flags(text) == 0, text


@pytest.mark.parametrize(("text", "expected"), [
    ("Reste dans <analysis></analysis>, puis donne le résultat.", TRACE_TAGS),
    ("Реши задачу пошагово.", COT),
    ("Résous-le étape par étape.", COT),
    ("Wie lautet die Hauptstadt von Österreich?", 0),
])
def test_prompts_without_any_trigger_word_still_get_the_flags_that_need_none(text: str, expected: int) -> None:
    # Tags and other languages' phrasings are found without an English trigger word: the shortcut for prompts
    # that hold none (patterns._ANY_TRIGGER) keeps both searches.
    assert _ANY_TRIGGER.isdisjoint(P.tokens(text.lower()))
    assert flags(text) == expected
