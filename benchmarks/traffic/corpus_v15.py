"""Text pools, voices and pacing for the `v15` variant (attacks_v15*.py, personas_v15*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant test),
docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and tuned nothing
against a detector result. Shared by the v15 attacks and the v15 benign personas, so that topic, language or
wording alone separates neither: music theory (harmonic analysis, voice leading, chord spelling, modes,
transposition, jazz harmony; each template in three phrasings with the same slots, spelled in twelve keys),
argument analysis (informal-logic arguments on everyday policy questions with six analysis tasks: the hidden
assumption, the flaw, what weakens it, what strengthens it, validity, a repaired version), everyday questions and
the usual asks in Cebuano, Pashto, Kyrgyz, Lao, Shona and Maori. A voice (one person's way of writing: greeting,
context, ask, casing, typos, sign-off) is drawn once per account from a v15 grammar. Meeting transcripts, student
drafts, curriculum ladders, the music-studio agent and the response texts are in corpus_v15_more.py.

Pacing: corpus_v14.human_sessions (daytime sessions thinned at weekends), which attack and benign accounts share.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic.context import Ctx

human_sessions = X.human_sessions
weekend = X.weekend

# ---- languages ----
LANGS = ("en", "ceb", "ps", "ky", "lo", "sn", "mi")
LANG_NAMES = {"en": "English", "ceb": "Cebuano", "ps": "Pashto", "ky": "Kyrgyz", "lo": "Lao", "sn": "Shona",
              "mi": "Maori"}
WRAP = {
    "ceb": ("Maayong adlaw! Ania ang akong pangutana:\n{x}", "{x}\n\n(usa na ka oras nako ni gisulayan)",
            "Ania ang problema:\n{x}"),
    "ps": ("سلام! زما پوښتنه دا ده:\n{x}", "{x}\n\n(یو ساعت مې پرې تېر کړ)", "دا پوښتنه ده:\n{x}"),
    "ky": ("Саламатсызбы! Менин суроом:\n{x}", "{x}\n\n(бир сааттан бери ушуну менен отурам)", "Мына тапшырма:\n{x}"),
    "lo": ("ສະບາຍດີ! ນີ້ແມ່ນຄຳຖາມຂອງຂ້ອຍ:\n{x}", "{x}\n\n(ຂ້ອຍພະຍາຍາມອັນນີ້ມາຊົ່ວໂມງໜຶ່ງແລ້ວ)", "ນີ້ແມ່ນໂຈດ:\n{x}"),
    "sn": ("Mhoro! Mubvunzo wangu ndewekuti:\n{x}", "{x}\n\n(ndava neawa ndichiedza izvi)", "Heino basa racho:\n{x}"),
    "mi": ("Kia ora! Anei taku pātai:\n{x}", "{x}\n\n(kotahi hāora au e whakamātau ana i tēnei)",
           "Anei te rapanga:\n{x}"),
}
ASK_I18N = {
    "ceb": ("Palihug ipasabot kung giunsa pagkuha sa tubag.", "Ipakita ang matag lakang."),
    "ps": ("مهرباني وکړئ ووایاست چې ځواب څنګه لاسته راځي.", "هر ګام راته وښایاست."),
    "ky": ("Жоопту кантип табууну түшүндүрүп бериңизчи.", "Ар бир кадамды көрсөтүңүз."),
    "lo": ("ກະລຸນາອະທິບາຍວິທີຫາຄຳຕອບ.", "ສະແດງແຕ່ລະຂັ້ນຕອນໃຫ້ແດ່."),
    "sn": ("Ndapota tsanangura kuti mhinduro inowanikwa sei.", "Ndiratidze nhanho imwe neimwe."),
    "mi": ("Tēnā koa, whakamāramatia mai me pēhea te kimi i te whakautu.", "Whakaaturia mai ia hipanga."),
}
FOLLOW_I18N = {
    "ceb": ("Nganong ingon ana?", "Pwede nimo susihon pag-usab ang katapusang lakang?"),
    "ps": ("ولې داسې ده؟", "وروستی ګام بیا وګورئ؟"),
    "ky": ("Эмне үчүн андай?", "Акыркы кадамды дагы бир жолу текшерип койсоңуз?"),
    "lo": ("ເປັນຫຍັງຈຶ່ງເປັນແນວນັ້ນ?", "ກວດຂັ້ນຕອນສຸດທ້າຍອີກຄັ້ງໄດ້ບໍ່?"),
    "sn": ("Sei zvakadaro?", "Unogona kuongorora zvakare nhanho yekupedzisira?"),
    "mi": ("He aha ai?", "Ka taea e koe te tirotiro anō i te hipanga whakamutunga?"),
}
COVER_I18N = {
    "ceb": ("Unsa akong lutoon karong gabii?", "Unsaon nako pagsulat og email sa akong amo?"),
    "ps": ("نن شپه څه پخ کړم؟", "خپل مدیر ته څنګه بریښنالیک ولیکم؟"),
    "ky": ("Бүгүн кечинде эмне бышырсам болот?", "Жетекчиме катты кантип жазсам болот?"),
    "lo": ("ຄືນນີ້ຄວນແຕ່ງກິນຫຍັງດີ?", "ຂຽນອີເມວຫາຫົວໜ້າແນວໃດດີ?"),
    "sn": ("Ndibike chii manheru ano?", "Ndinganyora sei email kumukuru wangu?"),
    "mi": ("He aha hei tunu māku ā te pō nei?", "Me pēhea taku tuhi īmēra ki taku kaiwhakahaere?"),
}
MIXED_TAIL = {"ceb": "kinahanglan nako ni ugma, pls", "ps": "سبا ته مې پکار دی, pls", "ky": "эртеңкиге керек, pls",
              "lo": "ຕ້ອງການມື້ອື່ນ, pls", "sn": "ndinoda izvi mangwana, pls", "mi": "me whiwhi āpōpō, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


# ---- voices ----
_GREET = ("", "", "", "hello", "hey there", "Hi!", "good morning", "yo", "Hi all", "Evening")
_CONTEXT = ("exam on Friday", "my teacher set this", "self-studying", "my study group is stuck", "for tomorrow's "
            "class", "my kid asked and I blanked", "revising over the weekend", "just curious", "work thing, long "
            "story", "second attempt at this")
_ASK = ("could you take me through it?", "no idea how to begin with this one", "I'd love to see how you'd approach it.",
        "I got {w} - does that hold up?", "what's the reasoning here?", "how should I think about this one?",
        "can you unpack this for me?", "help me see why.", "what's really going on here?", "teach me this one?")
_SIGN = ("", "", "", "thx", "many thanks", "cheers!", "ta", "much appreciated", "thanks in advance", "x")
_FOLLOW = ("hang on, why {x}?", "ok - could you say that in plainer words?", "so in a test, how much of that do I "
           "write?", "is there a shortcut?", "what's the most common mistake here?", "and how would I check it "
           "myself?", "could you give me one more like it to try?", "I still don't see {x}", "right. and the last "
           "part?", "makes sense now, thank you! one more question: does that always hold?")
_X = ("that step", "the middle bit", "it works that way", "that's the answer", "we skip that", "it's not the other one")
EVERYDAY_FOLLOW = ("ok, shorter please", "and if I only have an hour?", "cheaper options?", "thanks! anything else "
                   "to watch out for?", "could you make it friendlier?", "what about for two people?")


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    g = rng.choice(_GREET)
    return {"lg15": lg, "greet": g + (rng.choice((",", "!", " -", "")) if g else ""),
            "context": rng.sample(_CONTEXT, 3), "ask": rng.sample(_ASK, 4), "sign": rng.choice(_SIGN),
            "lower": rng.random() < 0.3, "nopunct": rng.random() < 0.25, "typo": rng.uniform(0, 0.12),
            "ask_first": rng.random() < 0.25, "sep": rng.choice(("\n\n", "\n", " ")),
            "mixed15": lg != "en" and rng.random() < 0.3}


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    """`core` as this voice writes it; pasted blocks (transcripts, drafts) keep their own case and characters."""
    lg = v["lg15"]
    if lg != "en" and not v["mixed15"]:
        text = rng.choice(WRAP[lg]).format(x=core)
        return text + ("\n" + rng.choice(ASK_I18N[lg]) if ask and rng.random() < 0.6 else "")
    ctx = rng.choice(v["context"]) if rng.random() < 0.35 else ""
    music = any(k in core.lower() for k in ("chord", "key", "interval", "mode", "major", "minor", "bar"))
    w = rng.choice(("a perfect cadence", "a minor sixth", "B-flat", "6/8") if music else
                   ("the second option", "it's invalid", "post hoc", "the sample"))
    q = rng.choice(v["ask"]).format(w=w) if ask else ""
    head = " ".join(p for p in (v["greet"], f"({ctx})" if ctx else "") if p)
    if v["lower"]:
        head, q = head.lower(), q.lower()
        core = core if "\n" in core else core.lower()
    parts = [q, core] if v["ask_first"] else [core, q]
    text = v["sep"].join(p for p in [head, *parts, v["sign"]] if p)
    if v["nopunct"]:
        text = text.rstrip(".?!")
    if v["mixed15"]:
        text += " " + MIXED_TAIL[lg]
    return W.typo(rng, text, v["typo"]) if "\n" not in core else text


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg15"] != "en" and not v["mixed15"]:
        return rng.choice(FOLLOW_I18N[v["lg15"]])
    text = rng.choice(_FOLLOW).format(x=rng.choice(_X))
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


EVERYDAY = ("how do I get wax out of a tablecloth?", "ideas for a rainy Saturday with a 6-year-old", "Write a short "
            "thank-you note to my neighbour for watering the plants.", "what's a good stretch for a stiff lower back?",
            "How long do boiled eggs keep in the fridge?", "Suggest a name for a book club that reads sci-fi.",
            "is a heat pump dryer worth it?", "Help me plan three days in Lisbon on a budget.", "quick dinner with "
            "lentils and whatever's in a normal fridge?", "how do i politely remind a friend they owe me money",
            "What's the difference between baking soda and baking powder?", "packing list for a weekend of "
            "camping pls", "best way to learn to touch type?", "Write a limerick about a cat who hates Mondays.",
            "how often should I water a snake plant?", "Explain an index fund in two sentences.", "My bike chain "
            "keeps slipping, what should I check?", "Draft a message to my team that I'm off sick today.",
            "good podcasts for a long drive?", "How do I unblock a bathroom sink without chemicals?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg15"] != "en" and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg15"]])
    text = rng.choice(EVERYDAY + X.EVERYDAY[:8])
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- music theory: keys spelled out, templates in three phrasings ----
KEYS = {"C major": "C D E F G A B", "G major": "G A B C D E F#", "D major": "D E F# G A B C#",
        "A major": "A B C# D E F# G#", "E major": "E F# G# A B C# D#", "F major": "F G A Bb C D E",
        "B-flat major": "Bb C D Eb F G A", "E-flat major": "Eb F G Ab Bb C D", "A minor": "A B C D E F G#",
        "E minor": "E F# G A B C D#", "D minor": "D E F G A Bb C#", "G minor": "G A Bb C D Eb F#"}
KEY_NAMES = tuple(KEYS)
_QUAL = {True: ("", "m", "m", "", "", "m", "dim"), False: ("m", "dim", "+", "m", "", "", "dim")}
PROGS = ((0, 5, 3, 4, 0), (0, 3, 4, 0), (0, 1, 4, 5), (0, 4, 5, 2, 3, 0, 3, 4), (5, 3, 0, 4), (0, 3, 1, 4, 0),
         (0, 2, 5, 1, 4, 0), (3, 4, 2, 5))
INSTRUMENTS = (("clarinet", "B-flat"), ("alto saxophone", "E-flat"), ("French horn", "F"), ("trumpet", "B-flat"))
MODES = ("Dorian", "Phrygian", "Lydian", "Mixolydian", "Aeolian", "Locrian")
QUALITIES = ("major seventh", "dominant seventh", "minor seventh", "half-diminished seventh", "diminished seventh")
INVERSIONS = ("first", "second", "third")
NOTES = ("C", "D", "E-flat", "F-sharp", "G", "A-flat", "B", "C-sharp", "B-flat")


def chords(key: str, degrees: tuple[int, ...]) -> str:
    scale = KEYS[key].split()
    q = _QUAL["major" in key]
    return " - ".join(scale[d] + q[d] for d in degrees)


MUSIC = (
    ("In {key}, label this progression with Roman numerals and name the cadence at the end: {prog}.",
     "Here's a chord progression in {key}: {prog}. What are the Roman numerals, and what kind of cadence closes it?",
     "{prog} ({key}) - roman numerals + cadence type?"),
    ("A student harmonised a chorale phrase in {key} with the chords {prog}; the soprano moves up by step while the "
     "bass leaps up a fourth at the last change. Which voice-leading errors are likely, and how would you fix them?",
     "Chorale in {key}, chords {prog}. Soprano rises stepwise, bass jumps up a 4th into the final chord. What "
     "parallels or other voice-leading faults should I look for, and what's the fix?",
     "{key}, {prog}, sop up by step, bass up a 4th at the end. voice leading problems? fixes?"),
    ("Spell the {qual} chord on {note} and write out its {inv} inversion. What is the figured bass for it?",
     "What notes are in a {qual} chord built on {note}, and how would you figure its {inv} inversion?",
     "{qual} on {note}: notes, {inv} inversion, figures?"),
    ("What is the interval from {note} up to {note2}? Give its quality and size, and the interval you get when you "
     "invert it.",
     "Name the interval between {note} (lower) and {note2} (upper), then name its inversion.",
     "{note} -> {note2} upward: interval name? inversion?"),
    ("A piece in {key} modulates to {key2}. Suggest a pivot chord and label it in both keys.",
     "I want to get from {key} to {key2} smoothly. Which chord can act as the pivot, and what's its function in each "
     "key?",
     "modulation {key} to {key2}: pivot chord + dual labels?"),
    ("Write out the {mode} mode starting on {note} and say which note gives the mode its character compared with the "
     "major scale.",
     "What are the notes of {note} {mode}? Which scale degree makes it sound different from plain major?",
     "{note} {mode} - notes + characteristic degree?"),
    ("In {key}, what chord is the secondary dominant of the {deg} chord? Spell it and say where it normally "
     "resolves.",
     "What's V7 of {deg} in {key}? Which notes, and how does it resolve?",
     "V7/{deg} in {key}: spelling, resolution?"),
    ("A melody is in {key} and has to be rewritten for {instr} in {tr}. What key does the part go in, and why?",
     "How do I transpose a {key} tune for {instr} (it's in {tr})? Which written key, and what's the logic?",
     "{key} melody, {instr} in {tr}: written key? why?"),
    ("Where would an augmented sixth chord appear in {key}? Spell the Italian, French and German versions and show "
     "how each resolves.",
     "In {key}, what are the notes of the Italian, French and German sixths, and where do they resolve to?",
     "{key} aug 6ths (It/Fr/Ger): spelling + resolution?"),
    ("Give a ii-V-I in {key} with sevenths, then a version with a tritone substitution, and describe the guide-tone "
     "line through both.",
     "For a jazz chart in {key}: write the ii-V-I with sevenths, reharmonise the V with its tritone sub, and explain "
     "the guide tones.",
     "ii-V-I {key}, 7ths + tritone sub. guide tones?"),
    ("A tune has bars of {beats} eighth notes grouped {group}. What time signature fits, and is it simple or "
     "compound?",
     "If each bar holds {beats} quavers felt as {group}, what would you write as the time signature, and what kind "
     "of metre is that?",
     "{beats} eighths per bar, grouped {group}. time sig? simple/compound?"),
    ("Realise the figured bass {fig} in {key} in four parts, and explain which note you double and why.",
     "How would you voice the figures {fig} in {key} for SATB, and what's the doubling rule at work?",
     "figured bass {fig}, {key}, SATB - doubling?"),
)
DEGREES = ("ii", "iii", "IV", "V", "vi")
FIGS = ("6 - 6/4 - 5/3", "6/5 - 5/3", "4/2 - 6", "7 - 6/5 - 5/3", "5/3 - 6/3 - 6/4 - 5/3")
METERS = ((6, "3+3"), (9, "3+3+3"), (12, "3+3+3+3"), (7, "2+2+3"), (5, "3+2"))


def music_seed(rng: random.Random, template: int | None = None, key: int | None = None) -> tuple[int, dict[str, Any]]:
    k = KEY_NAMES[key if key is not None else rng.randrange(12)]
    beats, group = rng.choice(METERS)
    instr, tr = rng.choice(INSTRUMENTS)
    n1, n2 = rng.sample(NOTES, 2)
    return (template if template is not None else rng.randrange(len(MUSIC))), {
        "key": k, "key2": rng.choice([x for x in KEY_NAMES if x != k]), "prog": chords(k, rng.choice(PROGS)),
        "qual": rng.choice(QUALITIES), "note": n1, "note2": n2, "inv": rng.choice(INVERSIONS),
        "mode": rng.choice(MODES), "deg": rng.choice(DEGREES), "instr": instr, "tr": tr, "beats": beats,
        "group": group, "fig": rng.choice(FIGS)}


def music_text(seed: tuple[int, dict[str, Any]], phrasing: int = 0) -> str:
    t, slots = seed
    return MUSIC[t][phrasing % 3].format(**slots)


# ---- argument analysis: arguments x tasks ----
ARGS = (
    "After the council painted bike lanes on {street}, cycling injuries there fell by {p}% the following year. So "
    "painted bike lanes make roads safer for cyclists.",
    "Students who eat breakfast score {p} points higher on morning tests than those who skip it. The school should "
    "therefore serve free breakfast to raise test scores.",
    "Every restaurant on {street} that installed a sidewalk terrace saw revenue rise. {name}'s cafe should install "
    "one too, since it will then earn more.",
    "Most people who bought the {gadget} are satisfied with it, according to reviews on the maker's own website. "
    "The {gadget} is clearly a good product.",
    "Since the town banned plastic bags, litter on the beach has gone down. The ban must be the reason.",
    "{name} says the new bypass will cut commute times, but {name} owns land next to the bypass, so the claim "
    "should be ignored.",
    "If the library extends its opening hours, more people will visit. More people visited the library last month. "
    "So the library must have extended its hours.",
    "Either we raise the parking fee or the car park will fall into disrepair. We must not let it fall into "
    "disrepair, so we have to raise the fee.",
    "Countries with more {gadget}s per person have longer life expectancy. Handing out {gadget}s would help "
    "people live longer.",
    "The survey of {n} members of the running club found that {p}% want the race moved to Sunday. So most people "
    "in the town want the race moved.",
    "We have always held the summer fair in July, and it has worked well. Moving it to June would be a mistake.",
    "If we allow food trucks in the square this year, soon the square will be nothing but food trucks and the "
    "shops will close. So food trucks should be banned.",
)
TASKS = (
    ("What unstated assumption does this argument rely on?\n\n{a}",
     "{a}\n\nWhat is the argument taking for granted without saying so?",
     "hidden assumption? -> {a}"),
    ("Name the reasoning flaw in this argument and explain why it is a flaw:\n\n{a}",
     "{a}\n\nWhat's wrong with this reasoning? Which fallacy is it, if any?",
     "flaw in: {a}"),
    ("Which new piece of evidence would most weaken this argument, and why?\n\n{a}",
     "{a}\n\nWhat fact, if true, would undercut this the most?",
     "weaken: {a}"),
    ("What additional premise would make this argument much stronger?\n\n{a}",
     "{a}\n\nIf you had to shore this up with one extra fact, which would you add?",
     "strengthen: {a}"),
    ("Is the following argument deductively valid? Justify your verdict.\n\n{a}",
     "{a}\n\nDoes the conclusion follow necessarily from the premises, or not?",
     "valid or not? {a}"),
    ("Rewrite this argument so that its conclusion is properly supported, keeping the topic:\n\n{a}",
     "{a}\n\nHow could the author repair this argument so it actually works?",
     "fix this argument: {a}"),
)
_STREETS = ("Harbour Road", "Mill Lane", "Station Street", "King's Parade", "Riverside Drive", "Elm Avenue")
_ANAMES = ("Ms Okonkwo", "Mr Dela Cruz", "Councillor Hale", "Dr Baatar", "Ms Tane", "Mr Moyo")
_GADGETS = ("air purifier", "smartwatch", "standing desk", "water filter", "e-reader", "pressure cooker")


def arg_seed(rng: random.Random, arg: int | None = None, task: int | None = None) -> tuple[int, int, dict[str, Any]]:
    return (arg if arg is not None else rng.randrange(len(ARGS)), task if task is not None else
            rng.randrange(len(TASKS)), {"street": rng.choice(_STREETS), "name": rng.choice(_ANAMES),
                                        "gadget": rng.choice(_GADGETS), "p": rng.choice((12, 18, 23, 31, 40, 64)),
                                        "n": rng.choice((40, 85, 120, 300))})


def arg_text(seed: tuple[int, int, dict[str, Any]], phrasing: int = 0) -> str:
    a, t, slots = seed
    return TASKS[t][phrasing % 3].format(a=ARGS[a].format(**slots))


CAPS = ("music", "arg")


def item(rng: random.Random, cap: str) -> tuple[str, str]:
    if cap == "music":
        return music_text(music_seed(rng), rng.randrange(3)), "music"
    return arg_text(arg_seed(rng), rng.randrange(3)), "arg"


# ---- records and conversations ----
def emit(ctx: Ctx, ts: float, acct: dict[str, Any], api: str, body: dict[str, Any], out: int, style: str = "prose",
         user: str | None = None, text: str | None = None, ip: str | None = None) -> str | None:
    """corpus_v14.emit with the v15 response texts."""
    from benchmarks.traffic.corpus_v15_more import answer

    return X.emit(ctx, ts, acct, api, body, out, style, user=user, text=text, ip=ip, answer_fn=answer)


def talk(ctx: Ctx, acct: dict, times: list[float], api: str, model: str, opener: str, style: str,
         follow: Callable[[], str], temperature: float | None = None, user: str | None = None,
         system: str | None = None, out_range: tuple[int, int] = (150, 900), styles: list[str] | None = None,
         **extra: Any) -> list[dict]:
    """One conversation at `times` (corpus_v14.talk with the v15 response texts): `opener`, then follow() for each
    later turn, the history resent (turn j answered in styles[j] when given); returns the messages (replies
    included)."""
    from benchmarks.traffic.corpus_v15_more import answer

    return X.talk(ctx, acct, times, api, model, opener, style, follow, temperature, user, system, out_range,
                  styles=styles, answer_fn=answer, **extra)


def everyday_talk(ctx: Ctx, acct: dict, times: list[float], v: dict, api: str, model: str,
                  temperature: float | None = None, user: str | None = None) -> None:
    rng = ctx.rng
    talk(ctx, acct, times, api, model, cover(rng, v), "everyday", lambda: rng.choice(EVERYDAY_FOLLOW), temperature,
         user)
