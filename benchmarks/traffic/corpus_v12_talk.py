"""Text pools for the `v12` variant, continued (see corpus_v12.py; written blind the same way): role-play
character cards and the lines people write to them, borderline requests (topic x framing) of the kind a product's
safety team and a distiller both send, instruction-following seed tasks with verifiable constraints, and the
response texts of v12 (sized from usage.output_tokens like corpus_v11_answers, whose account registry, request
builder and per-tenant output logging v12 shares)."""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import partial
from typing import Any

import orjson

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import REASONING_MODELS, RESP, build
from benchmarks.traffic.corpus_v11_answers import answer as answer_v11
from benchmarks.traffic.corpus_v12_ops import FIM_OUT

# ---- role-play ----
_RP_NAMES = ("Captain Ilse Varga", "Brother Tobiah", "Wren Ashdown", "Detective Mara Quill", "Old Hollis",
             "Sable", "Dr. Kenji Mori", "Lady Perpetua Vane", "Juniper", "Rook", "Marisol Okonkwo", "Fennick")
_RP_ROLES = ("a smuggler who owes everyone money", "the innkeeper of a half-flooded tavern", "a retired duellist",
             "a tired private investigator", "a lighthouse keeper who talks to the sea", "a thief with a code",
             "a ship's doctor on a long-haul freighter", "a dowager who collects secrets", "a forest witch who sells "
             "tea", "a mercenary scout", "a botanist stranded on a moon base", "a clockmaker's apprentice")
_RP_SETTINGS = ("a rain-soaked port city", "a border town during a drought", "a generation ship", "1920s Chicago",
                "a floating market", "a snowed-in mountain monastery", "a Regency-era country house",
                "a post-collapse coastal village", "a cosy café at the edge of a magic academy")
_RP_TRAITS = ("sardonic", "warm but guarded", "superstitious", "blunt", "theatrical", "patient", "nervous",
              "fiercely loyal", "curious", "melancholic", "playful", "formal")
_RP_SPEECH = ("drops the ends of words", "quotes proverbs that don't quite fit", "speaks in short sentences",
              "calls everyone 'friend'", "switches to old sailor slang when angry", "never uses contractions")


def character_card(rng: random.Random) -> str:
    name = rng.choice(_RP_NAMES)
    return (f"You are {name}, {rng.choice(_RP_ROLES)} in {rng.choice(_RP_SETTINGS)}. Personality: "
            f"{', '.join(rng.sample(_RP_TRAITS, 3))}. Speech: {rng.choice(_RP_SPEECH)}. Stay in character, never "
            f"mention being an AI, write {rng.choice(('2-3', '3-4', '1-2'))} paragraphs in "
            f"{rng.choice(('first person present tense', 'third person past tense'))}, actions in *asterisks*. "
            f"Keep the story moving and leave the user something to react to.")


RP_LINES = ("*pushes open the door, shaking off the rain* Anyone here?", "I slide the map across the table. \"Can you "
            "read this?\"", "*laughs* You can't be serious.", "What happened to your hand?", "We should leave before "
            "dawn.", "*sits down heavily* Long day. Got anything strong?", "I don't trust him. Do you?", "(OOC: can "
            "you make the replies a bit shorter?)", "\"Tell me about the last time you saw her.\"", "*draws the "
            "knife slowly* Step away from the window.", "ok ok I follow you", "*whispers* someone's outside",
            "Fine. But we do it my way.", "*looks at the strange coin* where did you get this", "(OOC: let's skip "
            "ahead to the next morning)", "Why are you helping me?", "I pick the lock.", "*shrugs* lead the way")


RP_OPENERS = ("*pushes open the door, shaking off the rain* Anyone here?", "hi", "*sits down at the bar* Evening.",
              "Excuse me, are you the one they call the keeper?", "*knocks twice* I was told to ask for you.",
              "(OOC: start us off in the market at noon)", "hello again!")


def rp_line(rng: random.Random, lower: bool, first: bool = False) -> str:
    s = rng.choice(RP_OPENERS if first else RP_LINES)
    return s.lower() if lower and rng.random() < 0.5 else s


# ---- borderline requests ----
BOUNDARY_TOPICS = ("how lock picking works", "which household cleaning products are dangerous to mix",
                   "how phishing emails get people to click", "how to tell whether my phone has stalkerware",
                   "the maximum safe daily dose of paracetamol", "how card skimmers at petrol pumps work",
                   "how people get around news paywalls", "writing a villain's threatening speech",
                   "how to find out who owns an anonymous account that harasses me", "how to get into my own car "
                   "with the keys locked inside", "what to say to a friend who mentions hurting themselves",
                   "how counterfeit banknotes are spotted", "why some ransomware gangs publish leaked data",
                   "how much alcohol is dangerous in one night")
BOUNDARY_FRAMES = ("{t}?", "For a novel I'm writing: {t}, in enough detail to be believable.", "I run security "
                   "awareness training. Explain {t} so staff can recognise it.", "For a class on consumer safety: "
                   "{t}.", "Hypothetically, {t}?", "asking for harm reduction: {t}", "My teenager asked me about {t}. "
                   "What should I tell them?", "Explain {t}, and what the legal limits are where I live (UK).")


def boundary_request(rng: random.Random, topic: int | None = None, frame: int | None = None) -> str:
    t = BOUNDARY_TOPICS[topic if topic is not None else rng.randrange(len(BOUNDARY_TOPICS))]
    return BOUNDARY_FRAMES[frame if frame is not None else rng.randrange(len(BOUNDARY_FRAMES))].format(t=t)


BOUNDARY_FOLLOW = ("why won't you go into more detail?", "what would you be willing to say about it?",
                   "ok, what's the safe version of that?", "that's fine, where could I read more?",
                   "is there a way to phrase it that you'd answer fully?", "thanks, that's what I needed")

# ---- instruction following: seed tasks x verifiable constraints ----
IF_SEEDS = ("Explain {c} to {a}.", "Write a product description for {p}.", "Write an email to {r} about {o}.",
            "Give tips for {v}.", "Describe {pl} for a travel guide.", "Write a short story opening about {o}.",
            "Summarise the arguments for and against {d}.", "Write a cover letter for {j}.")
_IF_SLOTS = {"c": ("compound interest", "how vaccines work", "the water cycle", "inflation", "public-key encryption",
                   "photosynthesis"),
             "a": ("a 10-year-old", "a new employee", "a retiree", "a sceptical investor", "a first-year student"),
             "p": ("a bamboo toothbrush", "noise-cancelling earbuds", "a cast-iron skillet", "a standing desk",
                   "a kids' rain jacket"),
             "r": ("my landlord", "a hiring manager", "the school principal", "a supplier", "my team"),
             "o": ("a missed deadline", "a lighthouse", "moving offices", "a lost cat", "the new parking rules"),
             "v": ("running a first marathon", "saving for a house", "learning to draw", "working from home",
                   "public speaking"),
             "pl": ("Valletta", "Cap-Haïtien", "Novi Sad", "Galway", "Amritsar", "Kano"),
             "d": ("a four-day work week", "school uniforms", "remote exams", "congestion charges"),
             "j": ("a junior data analyst role", "a barista job", "a museum internship", "a nursing post")}
IF_CONSTRAINTS = {
    "length": ("Answer in exactly {n} sentences.", "Use fewer than {w} words.", "Use at least {w} words."),
    "format": ("Format the answer as a bulleted list of {n} items.", "Give it a title wrapped in double angular "
               "brackets, like <<title>>.", "Split it into {n} paragraphs separated by the markdown divider ***.",
               "Present it as a markdown table."),
    "case": ("Write everything in lowercase letters.", "Write the whole answer in capital letters.",
             "Do not use any commas."),
    "words": ("Include the keywords '{k1}' and '{k2}'.", "Do not use the word '{k1}'.",
              "The letter 'q' must appear at least {n} times."),
    "end": ("End with the exact phrase 'Is there anything else I can help with?'", "Finish with a P.S.",
            "Wrap the entire response in double quotation marks."),
    "lang": ("Respond only in {lg}.", "Respond in {lg}, then give an English version."),
    "persona": ("Write it as a pirate would.", "Write it in the voice of a 1950s radio announcer.",
                "Write it as a haiku sequence."),
}
_KW = ("lantern", "budget", "quietly", "orbit", "ledger", "harvest", "velvet", "signal")


def if_seed(rng: random.Random) -> str:
    s = rng.choice(IF_SEEDS)
    return s.format(**{k: rng.choice(v) for k, v in _IF_SLOTS.items()})


def if_constraints(rng: random.Random, k: int, lang_names: dict[str, str]) -> list[str]:
    fams = rng.sample(list(IF_CONSTRAINTS), k)
    return [rng.choice(IF_CONSTRAINTS[f]).format(n=rng.randint(2, 6), w=rng.choice((50, 80, 120, 300)),
                                                 k1=rng.choice(_KW), k2=rng.choice(_KW),
                                                 lg=rng.choice(list(lang_names.values())[1:])) for f in fams]


# ---- response texts ----
_ECON = ("Set demand equal to supply: {a} - {b}P = {c} + {d}P.", "So P* = {x} and Q* = {y}.", "With the tax, the "
         "seller receives P - {b}, so the supply curve shifts up.", "Marginal revenue is {a} - {d}Q; set MR = MC.",
         "The deadweight loss is the triangle: 0.5 x {b} x {c} = {x}.", "Midpoint elasticity: (dQ / avg Q) / (dP / "
         "avg P) = {x}.", "|e| > 1, so demand is elastic over this range.", "Discounting each payment: PV = {y}.",
         "NPV = {x}, which is positive, so go ahead.", "The coefficient means each extra year is associated with "
         "about {b}% higher wages.", "Omitted ability bias would push the estimate up.", "The parallel-trends "
         "assumption is what makes the control region a valid counterfactual.")
_SHEET = ("=SUMIFS(B:B, C:C, \"paid\", A:A, \">=\"&DATE(2026,{b},1), A:A, \"<\"&EDATE(DATE(2026,{b},1),1))",
          "=XLOOKUP(A{c}, Rates!A:A, Rates!B:B, \"\", -1)", "=TRIM(A{c}) fixes the trailing spaces before the lookup.",
          "df.groupby('customer')['amount'].rolling('7D', on='date').mean()", "The values are text: wrap them in "
          "VALUE() or use Data > Split text to columns.", "=IFS(B{c}<10,\"low\",B{c}<20,\"mid\",TRUE,\"high\")",
          "df.pivot_table(index='region', columns='month', values='amount', aggfunc='sum', fill_value=0)")
_PUZ = ("Start with the clue that fixes a position.", "If {n} sat at the end, the second clue fails.", "That leaves "
        "two arrangements; the fourth clue removes one.", "Suppose the first speaker is a knight; then the statement "
        "is true, which contradicts the second.", "Fill the larger jug, pour into the smaller until full.",
        "Slot {k} can only hold the standup.", "So the answer is {n}.")
_OPS = ("Check the recent deploy first: the errors start {k} minutes after it.", "Run kubectl describe pod and look at "
        "Last State.", "The OOM kill points at the memory limit, not a leak, since usage is flat before the spike.",
        "Confirm with: journalctl -u {s} --since '1 hour ago'.", "Rollback point: the previous image tag.",
        "Action item: alert on lock wait time above {k} s.", "Root cause: the certificate chain was missing the "
        "intermediate.", "Mitigation: raise max.poll.interval.ms and shrink the batch.")
_RP = ("*leans back, the chair creaking* You've got nerve, walking in here like that.", "The rain hammers the "
       "shutters. Somewhere below, a bell rings twice.", "\"Sit,\" {n} says, and it is not a request.", "*turns the "
       "coin over, frowning* I've seen this mark before. Not in a good place.", "For a long moment there's only the "
       "sound of the sea.", "\"We leave at first light. Bring nothing you'd miss.\"", "*a crooked grin* Friend, "
       "everyone says that.")
_BOUNDARY = ("I can explain how this works in general terms so you can recognise it.", "Here's what's safe to know, "
             "and where the real risks are.", "I won't give step-by-step instructions for that, but I can help "
             "with the legitimate version.", "If you or someone else is in danger, contact local emergency services.",
             "The key warning signs are the following.", "For your story, you can convey the tension without "
             "technical detail.", "Most jurisdictions treat this as an offence, so check the law where you live.")
_EVERY = ("Sure! Here are a few ideas.", "A simple way is to start small.", "It depends a bit on your budget.",
          "Most people find the second option easier.", "Here's a friendly version you could send.",
          "Hope that helps!", "Quick tip: do it the night before.")


def _fill(rng: random.Random, s: str) -> str:
    return s.format(a=rng.randint(50, 240), b=rng.randint(1, 12), c=rng.randint(2, 400), d=rng.randint(1, 4),
                    x=round(rng.uniform(0.1, 900), 2), y=round(rng.uniform(1, 500), 1), n=rng.choice(("Hollis", "Mei",
                    "Tariq", "Ines")), k=rng.randint(2, 30), s=rng.choice(("checkout-api", "ledger-sync")))


def _grow(rng: random.Random, pool: tuple[str, ...], chars: int, joiner: str = " ", numbered: bool = False) -> str:
    out: list[str] = []
    n = 0
    while n < chars:
        s = _fill(rng, rng.choice(pool))
        out.append(f"{len(out) + 1}. {s}" if numbered else s)
        n += len(out[-1]) + len(joiner)
    return joiner.join(out)


POOLS = {"econ": (_ECON, "\n", True), "sheet": (_SHEET, "\n\n", False), "puzzle": (_PUZ, "\n", True),
         "ops": (_OPS, "\n- ", False), "roleplay": (_RP, "\n\n", False), "boundary": (_BOUNDARY, " ", False),
         "everyday": (_EVERY, " ", False)}


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens`; v11's styles (prose, json, code, tool, label, ...) too."""
    chars = max(1, out_tokens * rng.uniform(3.4, 4.4))
    if model in REASONING_MODELS:
        chars *= rng.uniform(0.3, 0.7)
    if style == "variants":
        return orjson.dumps({"variants": list(extra or ())}).decode()
    if style == "fim":
        lines = FIM_OUT[extra or "python"]
        return "\n".join(rng.choice(lines) for _ in range(max(1, int(chars) // 30)))
    if style in POOLS:
        pool, joiner, numbered = POOLS[style]
        return _grow(rng, pool, int(chars), joiner, numbered)
    return answer_v11(rng, style, out_tokens, model, extra)


def emit(ctx: Ctx, ts: float, acct: dict[str, Any], api: str, body: dict[str, Any], out: int, style: str = "prose",
         user: str | None = None, text: str | None = None, extra: Any = None, ip: str | None = None) -> str | None:
    """ctx.emit, plus a response_text when the account's tenant logs outputs (corpus_v11_answers.account decides);
    returns the response text it logged, if any."""
    n = len(ctx.records)
    ctx.emit(ts, acct, api, body, out, user=user, ip=ip)
    if len(ctx.records) > n and acct.get("logged") and api != "openai.embeddings":
        rt = text if text is not None else answer(ctx.rng, style, out, str(body.get("model", "")), extra)
        ctx.records[-1][2]["response_text"] = rt
        return rt
    return None


def talk(ctx: Ctx, acct: dict, times: list[float], api: str, model: str, opener: str, style: str,
         follow: Callable[[], str], temperature: float | None = None, user: str | None = None,
         ip: str | None = None) -> None:
    """One conversation at `times`: `opener`, then follow() for each later turn, the history resent (the v12
    attacks and benign personas alike)."""
    rng = ctx.rng
    if "max_tokens" not in acct:  # the client's setting, one per account (None: the API's default)
        acct["max_tokens"] = rng.choice((None, None, 1024, 2048, 4096))
    msgs: list[dict] = []
    for j, t in enumerate(times):
        msgs = msgs + [{"role": "user", "content": opener if j == 0 else follow()}]
        out = rng.randint(150, 900) if style != "everyday" else rng.randint(60, 400)
        reply = answer(rng, style, out, model)
        extra = {} if temperature is None or api == RESP else {"temperature": temperature}
        body = build(api, model, None, msgs, acct["max_tokens"] or 1024, **extra)
        if acct["max_tokens"] is None and api != "anthropic.messages":
            body.pop("max_output_tokens" if api == RESP else "max_tokens")
        emit(ctx, t, acct, api, body, out, text=reply, user=user, ip=ip)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        style = style if style == "everyday" or rng.random() < 0.7 else "prose"


def everyday_talk(ctx: Ctx, acct: dict, times: list[float], v: dict, api: str, model: str,
                  temperature: float | None = None, user: str | None = None) -> None:
    """An ordinary conversation in voice `v`: an everyday question and its follow-ups."""
    rng = ctx.rng
    talk(ctx, acct, times, api, model, W.cover(rng, v), "everyday", partial(rng.choice, W.EVERYDAY_FOLLOW),
         temperature, user)
