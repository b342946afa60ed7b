"""Text pools for the `v15` variant, continued (see corpus_v15.py; written blind the same way): meeting and
interview transcripts with the summary formats people ask for, student drafts with critique and revision asks,
curriculum ladders (a concept at graded levels), a music-teaching studio's assistant agent with the results its
tools return, and the v15 response texts (sized from usage.output_tokens like v11-v14; other styles fall through
to corpus_v14.answer)."""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v15 as M
from benchmarks.traffic.corpus_v11_answers import ANTH, RESP

# ---- transcripts ----
MEETINGS = {
    "community orchestra committee": (
        ("Ruth", "Kelechi", "Tomas", "Aroha", "Bakyt"),
        ("the hall hire for the spring concert has gone up to {n} pounds a night", "we still have no second oboe "
         "for the Brahms", "ticket sales are at {n} with three weeks to go", "the insurance renewal is due and the "
         "quote went up", "the youth section wants a side-by-side rehearsal"),
        ("email the hall about a weekday discount", "ask the county youth orchestra for an oboist", "post the "
         "concert on the town noticeboard", "get two more insurance quotes", "draft the side-by-side schedule")),
    "product standup": (
        ("Dana", "Rafiq", "Mele", "Jun", "Chipo"),
        ("the export job failed twice overnight on the {n}k-row customers", "the design review for onboarding "
         "slipped to Thursday", "support tickets about login are up {n}% since the release", "the flaky payment "
         "test is blocking merges", "we promised the partner a demo on Monday"),
        ("add a retry and an alert to the export job", "move the design review and tell the agency", "pair with "
         "support on the login tickets", "quarantine the flaky test", "prepare the demo environment")),
    "school parents' association": (
        ("Mrs Alcaraz", "Mr Noorzai", "Ms Sydykova", "Mr Chanthavong", "Mrs Mutasa"),
        ("the book fair raised {n} dollars", "the crossing guard on the main road has quit", "parents want the "
         "sports day moved because of the heat", "the uniform exchange has too many small sizes", "the library "
         "roof leaked again"),
        ("write to the council about the crossing", "survey parents on the sports day date", "sort the uniform "
         "stock", "chase the maintenance contractor", "thank the volunteers in the newsletter")),
    "customer interview": (
        ("Interviewer", "Customer"),
        ("we spend about {n} minutes a day copying numbers between two spreadsheets", "the mobile app logs us out "
         "every time we switch apps", "our accountant needs the reports in a different format", "pricing per seat "
         "is hard for us because staff are seasonal", "we tried a competitor last year but the import broke"),
        ("share the notes with the product team", "send the customer the beta link", "check the export format with "
         "finance", "follow up on seasonal pricing", "log the import bug")),
    "allotment society meeting": (
        ("Graham", "Nomvula", "Sione", "Ainura", "Priya"),
        ("the water bill for the plots came to {n} pounds", "someone has been leaving the gate unlocked", "three "
         "plots have been untended since last summer", "the compost bays need rebuilding", "the council wants a "
         "new lease signed by March"),
        ("put up a gate notice", "write to the untended plot holders", "get quotes for the compost timber", "read "
         "the new lease and report back", "split the water bill by plot size")),
}
_FILLER = ("Sorry, you're on mute.", "Can everyone see my screen?", "Let's park that for now.", "Agreed.", "Who's "
           "taking that one?", "I'll have to drop at quarter past.", "Good point.", "Can we come back to that?",
           "Sorry, my connection dropped - what did I miss?", "Yes, that works for me.")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the 20th", "next week")


def transcript(rng: random.Random, lines: int | None = None, kind: str | None = None) -> str:
    """A meeting transcript: a header, then speaker lines mixing the agenda, filler and actions with owners."""
    kind = kind or rng.choice(list(MEETINGS))
    people, topics, actions = MEETINGS[kind]
    out = [f"Transcript - {kind}, 2026-0{rng.randint(1, 3)}-{rng.randint(10, 28)}"]
    for _ in range(lines or rng.randint(20, 70)):
        who, r = rng.choice(people), rng.random()
        if r < 0.45:
            text = rng.choice(("So, ", "Next, ", "Quick one: ", "", "Right - ")) + rng.choice(topics).format(
                n=rng.randint(3, 900)) + "."
        elif r < 0.7:
            text = f"{rng.choice(people)} will {rng.choice(actions)} by {rng.choice(_DAYS)}."
        else:
            text = rng.choice(_FILLER)
        out.append(f"{who}: {text}")
    return "\n".join(out)


FORMATS = ("a one-sentence TL;DR", "five bullet points", "a list of action items, each with owner and due date",
           "formal minutes: attendees, decisions, open questions", "a 150-word paragraph for someone who missed it",
           "a short email to everyone who wasn't there")
SUMMARY_ASKS = ("Can you turn this into {fmt}?\n\n{doc}", "{doc}\n\nI need {fmt} from the above, please.",
                "Here's the transcript from today. Could you give me {fmt}?\n---\n{doc}",
                "{doc}\n\nSummarise it as {fmt}.")

# ---- drafts for critique and revision ----
# one plausible student mistake per music template (corpus_v15.MUSIC) and per argument task (corpus_v15.TASKS)
_MUSIC_DRAFTS = ("It ends with a plagal cadence because the last chord is I.", "There are parallel fifths between "
                 "the alto and the bass, so I moved the alto up an octave.", "The figures are 6/4 because it's the "
                 "first inversion.", "It's a major sixth and its inversion is a major third.", "The pivot chord is "
                 "V because it is in both keys.", "The raised sixth makes it sound sad, and that's the point of it.",
                 "V7 of that chord is just the normal V7, and it goes back to I.", "You write it a tone lower because "
                 "the instrument sounds a tone higher.", "They're all the same chord, just spelled differently.",
                 "Tritone sub means you play the chord a tritone higher, the guide tones don't change.", "It's 7/8 "
                 "so it's compound.", "You double the third because it's the most important note.")
_ARG_DRAFTS = ("The assumption is that the evidence is true.", "The flaw is that the author attacks the person "
               "instead of the argument.", "It would be weakened if some people didn't like it.", "Add that more "
               "people agree with it.", "It's valid because the premises are true.", "To fix it, you just need to "
               "add more evidence.")
POSITIONS = ("Our town should pedestrianise the high street on weekends.", "Homework should be banned in primary "
             "schools.", "Music lessons should be compulsory until age sixteen.", "Libraries matter more now than "
             "twenty years ago.", "Local councils should publish every contract they sign.", "Four-day school weeks "
             "would help teachers and pupils alike.")
_ESSAY = ("Many people think this, and I agree.", "It would be better for everyone.", "For example, some cities "
          "have done it and it worked.", "Some people disagree but they are wrong.", "In conclusion, it is the "
          "right thing to do.", "Studies show it is good.", "This is important because of the economy.")


def draft(rng: random.Random) -> tuple[str, str]:
    """(the draft as pasted, its style): a student's flawed answer to an item, or a short persuasive paragraph."""
    r = rng.random()
    if r < 0.35:
        t = rng.randrange(len(M.MUSIC))
        q = M.music_text(M.music_seed(rng, t), rng.randrange(3))
        return f"Question: {q}\nMy answer: {_MUSIC_DRAFTS[t]}", "critique"
    if r < 0.7:
        seed = M.arg_seed(rng)
        return f"Question: {M.arg_text(seed, rng.randrange(3))}\nMy answer: {_ARG_DRAFTS[seed[1]]}", "critique"
    body = " ".join(rng.sample(_ESSAY, rng.randint(3, 5)))
    return f"Paragraph arguing: {rng.choice(POSITIONS)}\n\n{body}", "critique"


CRITIQUE_ASKS = ("How would a tough marker grade this, and why?", "Be honest - where is this weak?", "Mark this out "
                 "of 10 and tell me what's missing.", "Give me feedback on this before I hand it in.", "Is this "
                 "any good? Don't be nice about it.")
REVISE_ASKS = ("OK, now rewrite it fixing all of that.", "Can you show me what the improved version would look "
               "like?", "Write the version that would get full marks.", "Right, redo it properly then.")
RECHECK_ASKS = ("And is the new one actually better? What's still weak?", "Would the examiner still take marks "
                "off anywhere?", "Compare the two versions for me in a few lines.")

# ---- curriculum ladders ----
CONCEPTS = ("intervals", "triads and their inversions", "seventh chords", "cadences", "secondary dominants",
            "modulation to closely related keys", "the church modes", "augmented sixth chords", "compound metre",
            "premises and conclusions", "necessary versus sufficient conditions", "correlation and causation",
            "biased samples", "attacks on the person", "slippery-slope arguments", "false dilemmas",
            "validity and soundness", "arguments by analogy")
AUDIENCES = ("a class of 14-year-olds", "adult beginners", "first-year university students", "a grade-5 theory "
             "exam group", "a debate club", "home-schooled teenagers")
LEVEL_WORDS = ("very easy", "easy", "gentle", "moderate", "a bit harder", "challenging", "hard", "exam-level",
               "stretch", "olympiad-style")

# ---- the music-teaching studio assistant agent ----
STUDIO_SYS = ("You are the assistant of a music-teaching studio. You can look up students, practice logs and the "
              "lesson calendar, book lessons, assign pieces and message families. Confirm before changing bookings "
              "and end with a short summary of what you did.")
STUDIO_TOOLS = ("list_students", "get_practice_log", "find_lesson_slots", "book_lesson", "assign_piece",
                "send_message", "create_invoice")
_STUDENTS = ("Amihan Reyes", "Zarlasht Safi", "Aibek Toktogulov", "Keo Vongsa", "Tendai Moyo", "Mere Parata",
             "Lily Chen", "Oscar Brandt")
_PIECES = ("Clementi Sonatina Op. 36 No. 1", "Bach Minuet in G", "Satie Gymnopedie No. 1", "a blues scale study",
           "Grade 3 sight-reading set B", "Beethoven Fur Elise (first section)")
STUDIO_TASKS = ("Move {s}'s lesson to next {d} and let the family know.", "Find everyone who hasn't logged practice "
                "this week and send them a friendly nudge.", "Assign {p} to all grade-3 students and book a "
                "15-minute check-in with each.", "Invoice {s}'s family for this month's four lessons.", "Who has "
                "an exam in March? Book them an extra lesson before it.", "Swap {s}'s piece for {p}; it's too hard "
                "right now.", "Send this week's lesson notes to {s}'s parents.", "Find two free slots on {d} for "
                "a trial lesson and hold one.")


def studio_tools(api: str) -> list[dict[str, Any]]:
    props = {"student": {"type": "string"}, "when": {"type": "string"}, "piece": {"type": "string"},
             "message": {"type": "string"}}
    params = {"type": "object", "properties": props}
    if api == ANTH:
        return [{"name": n, "description": n.replace("_", " "), "input_schema": params} for n in STUDIO_TOOLS]
    if api == RESP:
        return [{"type": "function", "name": n, "description": n.replace("_", " "), "parameters": params}
                for n in STUDIO_TOOLS]
    return [{"type": "function", "function": {"name": n, "description": n.replace("_", " "), "parameters": params}}
            for n in STUDIO_TOOLS]


def studio_task(rng: random.Random, tasks: tuple[str, ...] = STUDIO_TASKS) -> str:
    return rng.choice(tasks).format(s=rng.choice(_STUDENTS), p=rng.choice(_PIECES), d=rng.choice(_DAYS[:5]))


def studio_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of a studio episode; stub results when not `realistic`."""
    s = rng.choice(_STUDENTS)
    if k == 0:
        rows = "\n".join(f"{n} | grade {rng.randint(1, 6)} | {rng.choice(('piano', 'violin', 'guitar', 'voice'))}"
                         for n in rng.sample(_STUDENTS, rng.randint(3, 7)))
        return "list_students", {}, rows if realistic else "ok"
    name = rng.choice(STUDIO_TOOLS[1:])
    if not realistic:
        return name, {"student": "x"}, "ok"
    if name == "get_practice_log":
        return name, {"student": s}, ", ".join(f"{d}: {rng.choice((0, 10, 15, 20, 30, 45))} min"
                                               for d in ("Mon", "Tue", "Wed", "Thu", "Fri"))
    if name == "find_lesson_slots":
        return name, {"when": rng.choice(_DAYS[:5])}, "; ".join(f"{h}:{rng.choice(('00', '30'))}" for h in
                                                               sorted(rng.sample(range(14, 20), 3)))
    return name, {"student": s, "when": f"{rng.choice(_DAYS[:5])} 16:30"}, f"{name} ok ref={rng.getrandbits(28):07x}"


# ---- response texts ----
_MUSIC = ("The key signature and the raised leading tone point to {key}.", "Chord {k} is built on the {deg}: "
          "root, third and fifth.", "The last two chords move V to I, so this is a perfect authentic cadence.",
          "Check each pair of voices: the alto and bass move in parallel fifths between chords {k} and {j}.",
          "Double the root in root position; avoid doubling the leading tone.", "The interval spans {k} letter "
          "names, so it is a {k}th; count the semitones to get the quality.", "Inversions add to nine: a {k}th "
          "inverts to a {j}th.", "The pivot chord is diatonic in both keys: vi in the first is ii in the second.",
          "The characteristic degree is the one that differs from the major scale on the same tonic.", "A B-flat "
          "instrument sounds a tone lower than written, so write the part a tone higher.", "Resolve the augmented "
          "sixth outwards to the octave on the dominant.", "Guide tones: the third of each chord moves by step to "
          "the seventh of the next.")
_ARG = ("The conclusion is that {c}; the evidence offered is a single comparison.", "Hidden assumption: nothing "
        "else changed over the same period.", "This is a post hoc inference: the order of events is taken as proof "
        "of cause.", "The sample is drawn from people who chose to respond, so it cannot speak for the whole town.",
        "The argument affirms the consequent, so it is not deductively valid.", "Evidence that the injuries fell "
        "just as much on streets without lanes would weaken it most.", "Attacking the speaker's motives says "
        "nothing about whether the claim is true.", "The dilemma ignores a third option, such as a grant or a "
        "volunteer scheme.", "A repaired version would compare like with like and rule out the obvious confounder.")
_SUMMARY = ("{n} agreed to {a} by Friday.", "Decision: the date stays as planned.", "Open question: who covers the "
            "extra cost?", "Main issue raised: {t}.", "Action: {n} to follow up with the council.", "Next meeting "
            "in two weeks.", "Everyone agreed the budget is tight this term.", "Concern noted about the timeline.")
_CRITIQUE = ("Score: {k}/10.", "The answer names the right idea but never shows why it applies here.", "Your "
             "second sentence is an assertion, not a reason - what is the evidence?", "The cadence label is "
             "wrong: the final motion is V to I, not IV to I.", "You identify the fallacy but do not explain why "
             "the reasoning fails.", "Revised version: {c}.", "This version fixes the main weakness but still "
             "overstates the conclusion.", "An examiner would want the counter-argument addressed in one line.")
_LADDER = ('{{"level": {k}, "exercise": "Identify the hidden premise in the passage.", "solution": "Step 1: '
           'find the claim. Step 2: ...", "skill": "argument analysis"}}', '{{"level": {j}, "exercise": "Spell the '
           'chord and label it.", "solution": "The root is ..., so ...", "skill": "chord spelling"}}')
_STUDIO = ("Done: I moved the lesson and messaged the family.", "I booked {k} check-ins and assigned the piece.",
           "Three students logged no practice; I sent each a short reminder.", "The invoice is ready and was sent "
           "to the family's email.")
POOLS = {"music": (_MUSIC, "\n", True), "arg": (_ARG, "\n", True), "summary": (_SUMMARY, "\n- ", False),
         "critique": (_CRITIQUE, "\n", False), "ladder": (_LADDER, ",\n", False), "studio": (_STUDIO, " ", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(key=rng.choice(M.KEY_NAMES), k=rng.randint(2, 9), j=rng.randint(2, 9), deg=rng.choice(
        ("tonic", "subdominant", "dominant", "submediant")), c=rng.choice(("bike lanes cause safety", "breakfast "
        "raises scores", "the fee must rise", "the ban reduced litter")), n=rng.choice(("Ruth", "Dana", "Graham",
        "Mrs Mutasa")), a=rng.choice(("email the hall", "get quotes", "survey parents")), t=rng.choice((
            "the budget", "the venue", "the deadline")))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` (corpus_v14.answer over the v15 pools); styles of earlier
    variants fall through to corpus_v14."""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=X.answer,
                    bracketed="ladder")
