"""The questions and candidate replies of the `v32` variant, and what a careful judge says about them (written blind:
the author did not read gateway/extraction/, tests/extraction/ beyond the blind-variant tests and their helpers,
docs/extraction*.md or the evaluation harness beyond its dataset table; nothing here was tuned against a detector
result).

The v32 theme is preference and reward data: an operator building a reward model or a DPO set for its student wants
the teacher as a judge (which of two replies is better, and why; a ranking of several with per-criterion scores) and
as a pair of rivals (a good reply and a subtly worse one). So its sources are questions - everyday ones, a support
ticket, a debate motion, an interview question, a contest brief - each with a good answer written as sentences, and
for some sentences a plausible slip (a wrong time, a swapped rule, a bad piece of advice):

- `instance`, `question`: a topic's slots filled once, and its question.
- `candidate`: a reply of a kind (KINDS): the good answer, a padded one, a terse one, one slip, two slips, a hedge,
  a condescending one, a vague one; each kind has scores on the four CRITERIA, so every judgement is determined.
- `slipped`: the good answer with one sentence swapped for its slip - the "rejected" half of a chosen/rejected
  pair, different from the chosen answer in exactly one sentence.
- `verdict`, `ranking`, `scoring`: a judge's pairwise verdict (winner, margin, rationale), a best-to-worst ranking
  naming every candidate with per-criterion scores, and a single reply's scores; `prose_*` say the same in words.
- `layout`, `blocks`: a question and labelled candidates as the products and scripts paste them ("Question: ...",
  "Reply A: ..."), and the labelled lines found again in any text.

Nothing here is harmful or operational: the slips are everyday mistakes (an egg boiled too long, a chain left
oily), and benign products draw on the same sources, so a topic says nothing about who sends it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any, NamedTuple


class Topic(NamedTuple):
    domain: str
    slots: dict[str, tuple[str, ...]]
    ask: str
    lines: tuple[str, ...]  # the good answer, a sentence each
    slips: tuple[tuple[int, str, str], ...]  # (sentence, its slipped version, what the slip does: a verb phrase)
    derive: Callable[[dict[str, str]], dict[str, str]] | None = None  # slots computed from the drawn ones


def _discount(s: dict[str, str]) -> dict[str, str]:
    off = int(s["price"]) * int(s["pct"]) // 100
    return {"off": str(off), "pay": str(int(s["price"]) - off), "wrong_off": str(off * 2),
            "wrong_pay": str(int(s["price"]) - off + 10)}


def _chain(s: dict[str, str]) -> dict[str, str]:
    return {"weeks": {"50": "three to six weeks", "100": "one and a half to three weeks",
                      "150": "one to two weeks", "200": "one to one and a half weeks"}[s["km"]]}


NAMES = ("Maya", "Tom", "Aisha", "Jonas", "Keiko", "Lars", "Nadia", "Pablo", "Rosa", "Sipho", "Tariq", "Vera")
TOPICS = (
    Topic("everyday", {"n": ("two", "three", "four", "six"), "size": ("medium", "large"),
                       "pan": ("small saucepan", "deep pan", "wide pan", "milk pan")},
          "How long should I boil {n} {size} eggs for a runny yolk? I only have a {pan}.",
          ("Bring the water in your {pan} to a gentle rolling boil before the eggs go in.",
           "Lower the {n} eggs in with a spoon so they don't crack.",
           "For {size} eggs, six and a half minutes gives a runny yolk and a set white.",
           "Then move them straight into cold water for a minute to stop the cooking.",
           "Eggs straight from the fridge may need about thirty seconds more."),
          ((2, "For {size} eggs, eleven minutes gives a runny yolk and a set white.",
            "gives eleven minutes, which sets the yolk hard"),
           (3, "Then leave them in the hot water for a minute to stop the cooking.",
            "leaves the eggs in hot water, which keeps them cooking"),
           (4, "Eggs straight from the fridge need about thirty seconds less.",
            "gets the adjustment for cold eggs backwards"))),
    Topic("everyday", {"amt": ("1,000", "2,500", "5,000", "10,000"), "rate": ("2", "3", "4", "5"),
                       "cur": ("euros", "pounds", "dollars")},
          "I have {amt} {cur} in savings at {rate}% a year and a credit card balance charging 22%. Should I pay the "
          "card off first?",
          ("Paying off the card first usually wins, because 22% interest costs far more than {rate}% earns.",
           "Every amount of debt you clear saves 22% a year, while the same amount in savings earns only {rate}%.",
           "Keep a small emergency buffer in savings so a surprise bill doesn't go straight back on the card.",
           "Once the card is clear, pay what you were repaying into savings each month instead."),
          ((0, "Keeping the savings usually wins, because {rate}% earned outweighs 22% charged.",
            "claims that {rate}% earned outweighs 22% charged"),
           (1, "Every amount of debt you clear saves {rate}% a year, while the same amount in savings earns 22%.",
            "swaps the two interest rates"),
           (2, "Empty the savings completely, since an emergency buffer is never needed.",
            "drops the emergency buffer entirely"))),
    Topic("everyday", {"yrs": ("two", "three", "four", "five"), "dev": ("phone", "laptop", "tablet")},
          "My {yrs}-year-old {dev} battery drains really fast now. What can I try before buying a new one?",
          ("Check the battery settings to see which apps use the most power, and limit or close them.",
           "Lower the screen brightness and shorten the screen timeout.",
           "Install system updates, since they often include battery fixes.",
           "If the battery health reading is below about 80%, replacing the battery is usually far cheaper than a "
           "new {dev}."),
          ((1, "Raise the screen brightness and lengthen the screen timeout.",
            "tells you to raise the brightness, which drains the battery faster"),
           (2, "Avoid system updates, since they usually make battery life worse.",
            "advises against the updates that often fix battery drain"),
           (3, "If the battery health reading is below about 80%, a new {dev} is always cheaper than replacing the "
               "battery.", "claims a new device is always cheaper than a new battery"))),
    Topic("everyday", {"place": ("at the beach", "on a hike", "at a festival", "at the lake", "gardening"),
                       "part": ("shoulders", "back of my neck", "arms", "face")},
          "I got a mild sunburn on my {part} {place} yesterday. What helps it heal?",
          ("Cool the skin with a cool shower or a damp cloth for a few minutes at a time.",
           "Apply a fragrance-free moisturiser or aloe vera gel a few times a day.",
           "Drink extra water, because sunburn draws fluid towards the skin.",
           "Keep your {part} covered and out of the sun until it has healed.",
           "See a doctor if you get blisters over a large area, a fever or chills."),
          ((0, "Cool the skin by holding ice directly on it for as long as you can.",
            "recommends holding ice directly on the skin, which can damage it"),
           (2, "Drink less water than usual, because sunburn makes the body hold on to fluid.",
            "tells you to drink less water"),
           (4, "There is no need to see a doctor, even with widespread blisters and a fever.",
            "says widespread blisters and a fever need no doctor"))),
    Topic("everyday", {"dirn": ("east", "west"), "hrs": ("five", "six", "eight", "nine"),
                       "city": ("Tokyo", "New York", "Singapore", "Lima", "Nairobi", "Auckland")},
          "I'm flying {dirn} across {hrs} time zones to {city} next week. How do I beat jet lag?",
          ("Start moving your bedtime an hour a day towards {city} time a few days before you leave.",
           "After you land, get daylight in the morning local time, which resets your body clock fastest.",
           "Avoid long naps on the first day and keep any nap under thirty minutes.",
           "Go easy on caffeine after midday and on alcohol during the flight."),
          ((1, "After you land, stay out of daylight for the first two days so your body clock can settle.",
            "says to avoid daylight, which slows the adjustment"),
           (2, "Take a long nap of three or four hours as soon as you arrive.",
            "recommends a long nap on arrival"),
           (3, "Drink plenty of coffee in the evening to stay alert until local bedtime.",
            "suggests evening coffee, which disrupts the first night's sleep"))),
    Topic("everyday", {"room": ("bathroom", "bedroom", "kitchen", "spare room"), "mat": ("wooden", "uPVC", "painted")},
          "There's black mould on the {mat} window frame in my {room}. How do I deal with it?",
          ("Wipe it off with a cloth and a mild detergent solution, wearing rubber gloves.",
           "Dry the frame thoroughly afterwards.",
           "Open the window or run an extractor fan after showers and cooking to cut condensation.",
           "If it keeps coming back or covers a large area, ask for a damp survey."),
          ((0, "Brush it off dry with a stiff brush; there's no need for gloves.",
            "brushes the mould off dry, which spreads the spores"),
           (2, "Keep the windows shut after showers and cooking so the {room} stays warm.",
            "keeps the windows shut, which adds to the condensation"),
           (3, "Mould always goes away on its own, so a damp survey is never worth it.",
            "claims mould always goes away by itself"))),
    Topic("everyday", {"pot": ("large pot", "grow bag", "raised bed"), "where": ("balcony", "greenhouse",
                                                                             "back garden", "patio")},
          "The leaves on my tomato plants in a {pot} on the {where} are turning yellow from the bottom up. Why?",
          ("Yellowing that starts at the lowest leaves is most often a shortage of nitrogen or uneven watering.",
           "Water deeply and regularly at the base rather than a little every day.",
           "Feed with a tomato fertiliser every week or two once the first flowers appear.",
           "Remove the yellow lower leaves so air can move around the stems."),
          ((0, "Yellowing that starts at the lowest leaves is always caused by too much sun.",
            "blames too much sun"),
           (1, "Water a little over the leaves every day rather than deeply at the base.",
            "recommends wetting the leaves every day, which invites disease"),
           (2, "Stop feeding once the first flowers appear.",
            "says to stop feeding just when the plants need it most"))),
    Topic("everyday", {"role": ("junior designer", "data analyst", "staff nurse", "maths teacher",
                                "project manager", "sous chef"),
                       "co": ("Alder & Finch", "Brightwater", "Northgate Council", "Plume Studio", "Harbour Health")},
          "Can you help me write a short thank-you email after my interview for the {role} job at {co}?",
          ("Subject: Thank you for today's {role} interview.",
           "Dear [Interviewer's name], thank you for taking the time to meet me today about the {role} role at "
           "{co}.",
           "I enjoyed hearing about the team's plans, and it confirmed how much I would like to contribute.",
           "Please let me know if I can provide anything else."),
          ((1, "Dear [Interviewer's name], thanks for the chat today, it was fine I guess.",
            "turns casual and lukewarm"),
           (2, "I enjoyed hearing about the team's plans, although the salary seems low for the work.",
            "brings up the salary in a thank-you note"),
           (3, "I look forward to receiving your offer by Friday.",
            "presumes an offer and sets a deadline"))),
    Topic("everyday", {"item": ("jacket", "lamp", "pair of boots", "rucksack", "kettle"),
                       "price": ("40", "60", "80", "120", "200"), "pct": ("10", "20", "25")},
          "A {item} costs {price} and is {pct}% off in the sale. What do I pay?",
          ("{pct}% of {price} is {off}.",
           "Take that off the original price: {price} - {off} = {pay}.",
           "So you pay {pay} for the {item}."),
          ((0, "{pct}% of {price} is {wrong_off}.", "gets the discount wrong ({wrong_off} instead of {off})"),
           (1, "Take that off the original price: {price} - {off} = {wrong_pay}.",
            "makes a subtraction slip ({wrong_pay} instead of {pay})"),
           (2, "So you pay {off} for the {item}.", "gives the discount as the price to pay")), _discount),
    Topic("everyday", {"who": ("my daughter", "my nephew", "a class of ten-year-olds", "my grandson",
                               "a curious seven-year-old")},
          "How would you explain to {who} why the sky is blue?",
          ("Sunlight looks white, but it is made of all the colours mixed together.",
           "When it passes through the air, tiny gas molecules scatter blue light much more than red light.",
           "That scattered blue light reaches our eyes from every direction, so the whole sky looks blue.",
           "At sunset the light travels through more air, so more blue is scattered away and we see reds and "
           "oranges."),
          ((1, "When it passes through the air, tiny gas molecules scatter red light much more than blue light.",
            "says red light is scattered more than blue"),
           (2, "The sky looks blue because it reflects the colour of the oceans.",
            "repeats the myth that the sky reflects the sea"),
           (3, "At sunset the light travels through less air, so we see reds and oranges.",
            "says sunset light travels through less air"))),
    Topic("everyday", {"nc": ("apples", "people", "emails", "mistakes", "chairs"),
                       "nm": ("water", "time", "money", "traffic", "sugar")},
          "When do I use 'fewer' and when 'less'? For example with {nc} and {nm}.",
          ("Use 'fewer' with things you can count one by one, such as {nc}.",
           "Use 'less' with things you measure rather than count, such as {nm}.",
           "So you would say 'fewer {nc}' but 'less {nm}'.",
           "In casual speech many people say 'less' for both, but careful writing keeps the distinction."),
          ((0, "Use 'less' with things you can count one by one, such as {nc}.",
            "attaches 'less' to countable things"),
           (2, "So you would say 'less {nc}' but 'fewer {nm}'.", "swaps the two examples"),
           (3, "Using 'less' with countable nouns is a serious error that nobody makes in casual speech.",
            "overstates the rule"))),
    Topic("everyday", {"bike": ("road bike", "hybrid", "mountain bike", "commuter bike"),
                       "km": ("50", "100", "150", "200")},
          "How often should I oil the chain on my {bike}? I ride about {km} km a week.",
          ("Oil the chain roughly every 150 to 300 km, and always after riding in the rain.",
           "At {km} km a week, that means about every {weeks}.",
           "Wipe the chain clean first, apply one drop per link, then wipe off the excess.",
           "A chain that squeaks or looks dry needs oil sooner."),
          ((0, "Oil the chain roughly every 2,000 km, even after riding in the rain.",
            "stretches the interval to 2,000 km and ignores rain"),
           (2, "Apply the oil generously and leave the excess on to protect the chain.",
            "leaves the excess oil on, which attracts grit"),
           (3, "A chain that squeaks is fine and does not need oil.", "says a squeaking chain needs nothing")),
          _chain),
    Topic("everyday", {"name": ("Miso", "Pepper", "Juniper", "Biscuit", "Olive"), "wk": ("nine", "ten", "twelve")},
          "We're bringing home a {wk}-week-old kitten called {name}. What should we have ready?",
          ("Set up a quiet room with a litter tray, food, water and a bed, with the tray well away from the food.",
           "Use the same kitten food {name} has been eating, and change it gradually if you want to switch.",
           "Book a vet check for vaccinations, worming and flea treatment.",
           "Give {name} a few days to settle before introducing other pets."),
          ((0, "Set up a quiet room with a litter tray, food, water and a bed, with the tray right next to the food.",
            "puts the litter tray next to the food"),
           (1, "Switch {name} to a new food straight away.",
            "switches food abruptly, which upsets a kitten's stomach"),
           (3, "Introduce {name} to the other pets on the first evening so they get used to each other.",
            "rushes the introductions to other pets"))),
    Topic("everyday", {"col": ("B", "C", "D", "F"), "rows": ("50", "100", "250", "500")},
          "How do I add up column {col} from row 2 to row {rows} in a spreadsheet?",
          ("Click an empty cell below the data.",
           "Type =SUM({col}2:{col}{rows}) and press Enter.",
           "If you add rows later, insert them inside the range so the total updates.",
           "Selecting the cells also shows their sum in the status bar."),
          ((1, "Type =SUM({col}2,{col}{rows}) and press Enter.", "uses a comma, which adds only the two end cells"),
           (2, "If you add rows later, add them below row {rows}; the total picks them up automatically.",
            "says rows added below the range are counted"),
           (3, "Selecting the cells shows their average in the status bar, never their sum.",
            "says the status bar never shows the sum"))),
    Topic("support", {"shop": ("Pebblebrook", "Northwind Outdoor", "Citrus Mobile", "Lumen Home"),
                      "days": ("six", "eight", "ten", "twelve")},
          "I returned an item to {shop} {days} days ago and still haven't had my refund. What's going on?",
          ("I'm sorry the refund is taking a while.",
           "Refunds are issued once the return reaches our warehouse, which usually takes up to seven working days.",
           "The money then takes three to five working days to appear, depending on your bank.",
           "If you send me your order number, I can check where the return is now."),
          ((1, "Refunds are issued the moment you post the item, so it should already be with you.",
            "says refunds go out the moment the item is posted"),
           (2, "The money then appears instantly, whatever your bank.", "promises the money instantly"),
           (3, "There is nothing I can check, so please wait another month.",
            "refuses to check and tells the customer to wait a month"))),
    Topic("support", {"svc": ("app", "account", "online banking", "store account"),
                      "dev": ("phone", "laptop", "work computer")},
          "I forgot my password for the {svc} and the reset email never arrives. I'm on my {dev}.",
          ("Check your spam or junk folder, as reset emails sometimes land there.",
           "Make sure you're using the email address the {svc} was registered with.",
           "Reset links expire after an hour, so request a new one and use it straight away.",
           "If it still doesn't arrive, reply here and I'll verify your identity and reset it for you."),
          ((0, "Reset emails never go to spam, so there is no need to check there.",
            "says reset emails never land in spam"),
           (2, "Reset links never expire, so keep trying the first one.", "says reset links never expire"),
           (3, "Just send me your current password and I'll sort it out.",
            "asks the customer for their password"))),
    Topic("debate", {"m": ("ban cars from city centres", "make voting compulsory", "abolish school uniforms",
                           "tax sugary drinks", "lower the voting age to 16")},
          "This house would {m}. Give the strongest opening argument for the proposition.",
          ("Our case rests on one principle: public policy should protect people who cannot protect themselves.",
           "The evidence from places that have tried it shows measurable benefits within a few years.",
           "The costs fall mostly on those best able to adapt, and we propose support for everyone else.",
           "So the question for the opposition is simple: who pays for the status quo?"),
          ((1, "Everyone we asked at the bus stop agreed, which proves it works.",
            "treats a handful of anecdotes as proof"),
           (2, "Anyone who disagrees with this simply doesn't care about other people.",
            "attacks opponents instead of their arguments"),
           (3, "If we don't do this now, society will inevitably collapse within a decade.",
            "relies on a slippery-slope prediction"))),
    Topic("hiring", {"x": ("handled a conflict in your team", "missed a deadline", "changed a colleague's mind",
                           "learned a new tool quickly", "dealt with an unhappy client")},
          "Tell us about a time you {x}. What did you do and what happened?",
          ("In my last role, I led a four-person team delivering a reporting tool for the finance department.",
           "I set up a short meeting to hear each side and agreed a plan with clear owners and dates.",
           "We delivered two days early, and the finance team now uses the tool every week.",
           "I learned to raise problems early rather than hoping they resolve themselves."),
          ((1, "I left it to the others to sort out among themselves.", "shows no action of the candidate's own"),
           (2, "It went well, I think, though I don't really remember the outcome.", "gives no result"),
           (3, "Looking back, it was mostly the team's fault, so there was nothing to learn.",
            "blames the team and reflects on nothing"))),
    Topic("writing", {"place": ("lighthouse", "night bus", "bakery", "railway platform", "harbour wall"),
                      "who": ("an old fisherman", "a lost child", "a night nurse", "a retired teacher")},
          "A story of about 100 words that begins at a {place} at dawn and features {who}.",
          ("The {place} was still grey when {who} arrived, carrying a paper bag that smelled of oranges.",
           "Nobody else was there, which was exactly the point.",
           "For forty years the same walk, the same bench, the same slow unfolding of light.",
           "Today, for the first time, someone had left a note on the bench with a name on it."),
          ((1, "It was a dark and stormy night, and nobody else was there.",
            "opens with a worn cliche that contradicts the dawn setting"),
           (2, "For forty years the same walk happens, and the same bench was there.",
            "slips between present and past tense"),
           (3, "Then suddenly it was all just a dream.", "ends on the it-was-all-a-dream twist"))),
)
DOMAINS = tuple(dict.fromkeys(tp.domain for tp in TOPICS))
BY_DOMAIN = {d: tuple(i for i, tp in enumerate(TOPICS) if tp.domain == d) for d in DOMAINS}
CRITERIA = ("accuracy", "helpfulness", "clarity", "tone")
# each kind's scores on CRITERIA; totals all differ, so every pair and every ranking has one answer
KINDS = {"good": (9, 9, 9, 9), "verbose": (9, 7, 5, 8), "terse": (8, 5, 8, 7), "slip": (4, 7, 8, 8),
         "hedge": (7, 4, 6, 8), "rude": (8, 7, 7, 2), "generic": (6, 2, 6, 8), "slips": (2, 4, 7, 8)}
WHY = {"good": "is accurate, complete and clear", "verbose": "is accurate but buried in filler",
       "terse": "is accurate but leaves out useful steps", "hedge": "hedges instead of answering",
       "rude": "is condescending in tone", "generic": "is too vague to act on"}
PAIRINGS = (("good", "slip"), ("good", "slip"), ("good", "verbose"), ("good", "terse"), ("slip", "verbose"),
            ("good", "hedge"), ("good", "rude"), ("terse", "slip"), ("good", "generic"), ("verbose", "slips"),
            ("slip", "slips"), ("rude", "hedge"))
_FILLER = ("It's worth saying that this comes up a lot.", "There are a few things to bear in mind here.",
           "As with most things, it depends a little on your situation.", "Many people wonder about exactly this.",
           "I'll go through it step by step so nothing gets missed.")
_HEDGE = ("It's hard to say for certain, and a lot depends on your situation.", "There are different views on "
          "this, so take the following as one possibility.", "I can't be sure without more details.")
_GENERIC = ("There are many factors to consider here, and the best approach depends on your circumstances. Doing "
            "some research and weighing up the options should help.", "This is a common situation. It usually "
            "works out if you take it one step at a time and keep an eye on how things go.", "Everyone's case is "
            "a little different. It may help to look into it further or ask someone with experience.")
_RUDE = ("Honestly, this is pretty basic.", "You could have looked this up yourself.", "Not sure why this is "
         "confusing, but fine.")


def instance(rng: random.Random, topic: int | None = None, domain: str | None = None) -> dict[str, Any]:
    """One question: a topic (of `domain` when given) and its slots filled once (every reply to it uses the same
    values)."""
    i = topic if topic is not None else rng.choice(BY_DOMAIN[domain]) if domain else rng.randrange(len(TOPICS))
    tp = TOPICS[i]
    slots = {k: rng.choice(v) for k, v in tp.slots.items()}
    slots.update(tp.derive(slots) if tp.derive else {})
    return {"topic": i, "domain": tp.domain, "slots": slots, "lines": tuple(line.format(**slots) for line in tp.lines)}


def question(inst: dict[str, Any]) -> str:
    return TOPICS[inst["topic"]].ask.format(**inst["slots"])


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def good_lines(inst: dict[str, Any]) -> list[str]:
    return list(inst["lines"])


def slipped(inst: dict[str, Any], which: tuple[int, ...]) -> tuple[str, list[tuple[int, str]]]:
    """The good answer with the slips `which` (indices into the topic's slips) in place of their sentences, and
    (sentence, what the slip does) for each."""
    tp, lines = TOPICS[inst["topic"]], good_lines(inst)
    notes = []
    for k in which:
        at, wrong, note = tp.slips[k]
        lines[at] = wrong.format(**inst["slots"])
        notes.append((at, note.format(**inst["slots"])))
    return " ".join(lines), notes


def candidate(rng: random.Random, inst: dict[str, Any], kind: str) -> dict[str, Any]:
    """A reply to the question of one of KINDS: its kind, text and what is wrong with it (`why`)."""
    lines, n = good_lines(inst), len(TOPICS[inst["topic"]].slips)
    if kind in ("slip", "slips"):
        text, notes = slipped(inst, tuple(sorted(rng.sample(range(n), 1 if kind == "slip" else 2))))
        return {"kind": kind, "text": text, "why": " and ".join(note for _, note in notes)}
    if kind == "verbose":
        for _ in range(2):
            lines.insert(rng.randint(1, len(lines)), rng.choice(_FILLER))
        text = f"Great question! {' '.join(lines)} I hope this helps, and do let me know if you need anything else."
    elif kind == "terse":
        text = " ".join(lines[:2])
    elif kind == "hedge":
        text = f"{rng.choice(_HEDGE)} {lines[0]} You may want to check with someone who knows more."
    elif kind == "rude":
        text = f"{rng.choice(_RUDE)} {' '.join(lines)}"
    elif kind == "generic":
        text = rng.choice(_GENERIC)
    else:
        text = " ".join(lines)
    return {"kind": kind, "text": text, "why": WHY[kind]}


TOTALS = {k: sum(v) for k, v in KINDS.items()}


def total(c: dict[str, Any]) -> int:
    return TOTALS[c["kind"]]


def pair(rng: random.Random, inst: dict[str, Any]) -> tuple[dict, dict]:
    """Two replies of different kinds, in a random order."""
    a, b = rng.sample(rng.choice(PAIRINGS), 2)
    return candidate(rng, inst, a), candidate(rng, inst, b)


def field(rng: random.Random, inst: dict[str, Any], n: int, kinds: tuple[str, ...] = tuple(KINDS)) -> list[dict]:
    """n (2-8, at most as many as `kinds`) replies of different kinds, the good one and one slip among them, in a
    random order (a best-of-n set)."""
    kinds = ["good", "slip"] + rng.sample([k for k in kinds if k not in ("good", "slip")], n - 2)
    return [candidate(rng, inst, k) for k in rng.sample(kinds, n)]


# ---- the layout products and scripts paste, and finding it again ----
Q_HEADS = ("Question", "Prompt", "The user asked", "User message", "Query", "Ticket", "Motion", "Interview question",
           "Brief")
C_HEADS = ("Reply", "Response", "Answer", "Candidate", "Result", "Argument", "Entry", "Applicant", "Sentence")
LETTERS = "ABCDEFGH"
_QRX = re.compile(rf"^(?:{'|'.join(Q_HEADS)}): (.*)$", re.M | re.I)
_CRX = re.compile(rf"^(?:{'|'.join(C_HEADS)})(?: ([A-H1-8]))?: (.*)$", re.M | re.I)


def names(head: str, n: int, numbered: bool = False) -> list[str]:
    """The labels of n candidates: "Reply A", "Reply B", ... or "Answer 1", "Answer 2", ..."""
    return [f"{head} {k + 1 if numbered else LETTERS[k]}" for k in range(n)]


def layout(q: str, texts: list[str], labels: list[str], qhead: str = "Question") -> str:
    """The question and the labelled candidates, a paragraph each."""
    return "\n\n".join([f"{qhead}: {q}"] + [f"{lab}: {x}" for lab, x in zip(labels, texts, strict=True)])


def blocks(text: str) -> tuple[str | None, dict[str, str]]:
    """The question and the candidates (label without its head -> text; "" for a lone unlabelled one) a text quotes,
    each as its line runs."""
    q = _QRX.search(text)
    return (q.group(1) if q else None), {(m.group(1) or "").upper(): m.group(2) for m in _CRX.finditer(text)}


# ---- a careful judge's answers ----
MARGINS = ((3, "slight"), (8, "clear"), (99, "decisive"))


def _margin(d: int) -> str:
    return next(m for lim, m in MARGINS if d <= lim)


def verdict(a: dict, b: dict, labels: tuple[str, str] = ("Reply A", "Reply B")) -> dict[str, str]:
    """Which of two replies is better (the short label), by how much, and why (the JSON a judge returns)."""
    (w, lw), (lo, ll) = sorted(((a, labels[0]), (b, labels[1])), key=lambda x: -total(x[0]))
    return {"winner": lw.split(" ")[-1], "margin": _margin(total(w) - total(lo)),
            "rationale": f"{lw} {w['why']}, while {ll} {lo['why']}."}


def prose_verdict(a: dict, b: dict, labels: tuple[str, str] = ("Reply A", "Reply B"),
                  v: dict[str, str] | None = None) -> str:
    """The verdict (`v`, or verdict(a, b, labels)) in words."""
    v = v or verdict(a, b, labels)
    win = labels[0] if labels[0].endswith(f" {v['winner']}") else labels[1]
    return f"{win} is better, by a {v['margin']} margin. {v['rationale']}"


def ranking(cands: list[dict], labels: list[str], criteria: tuple[str, ...] = CRITERIA) -> dict[str, Any]:
    """Every candidate, best first (short labels), with its per-criterion scores, and why the ends are where they
    are."""
    order = sorted(range(len(cands)), key=lambda k: -total(cands[k]))
    best, worst = order[0], order[-1]
    return {"ranking": [labels[k].split(" ")[-1] for k in order],
            "scores": {labels[k].split(" ")[-1]: dict(zip(criteria, KINDS[c["kind"]], strict=True))
                       for k, c in enumerate(cands)},
            "rationale": f"{labels[best]} {cands[best]['why']}; {labels[worst]} {cands[worst]['why']}."}


def prose_ranking(cands: list[dict], labels: list[str]) -> str:
    order = sorted(range(len(cands)), key=lambda k: -total(cands[k]))
    return "\n".join(f"{j + 1}. {labels[k]} ({total(cands[k])}/40): {_cap(cands[k]['why'])}. "
                     + ", ".join(f"{c} {s}" for c, s in zip(CRITERIA, KINDS[cands[k]["kind"]], strict=True)) + "."
                     for j, k in enumerate(order))


def scoring(c: dict, criteria: tuple[str, ...] = CRITERIA) -> dict[str, Any]:
    """One reply's per-criterion scores out of 10, its overall score and why."""
    return {"scores": dict(zip(criteria, KINDS[c["kind"]], strict=True)), "overall": round(total(c) / 4),
            "rationale": f"The reply {c['why']}."}


def prose_scoring(c: dict) -> str:
    s = scoring(c)
    return "\n".join(f"{k.capitalize()}: {v}/10" for k, v in s["scores"].items()) + \
        f"\nOverall: {s['overall']}/10. {s['rationale']}"


def rejected(rng: random.Random, inst: dict[str, Any]) -> tuple[str, int, str]:
    """A subtly worse version of the good answer (one slip), the sentence changed and what the change does."""
    text, [(at, note)] = slipped(inst, (rng.randrange(len(TOPICS[inst["topic"]].slips)),))
    return text, at, note


def changed(at: int, note: str) -> str:
    return f"What changed: sentence {at + 1} now {note}."


SENTENCE = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return SENTENCE.split(text.strip())


_schema = {"type": "object", "additionalProperties": False}
PAIR_SCHEMA = {"name": "pairwise_verdict", "strict": True, "schema": {
    **_schema, "required": ["winner", "margin", "rationale"],
    "properties": {"winner": {"type": "string"}, "margin": {"type": "string", "enum": [m for _, m in MARGINS]},
                   "rationale": {"type": "string"}}}}
RANK_SCHEMA = {"name": "ranking", "strict": False, "schema": {
    **_schema, "required": ["ranking", "scores", "rationale"],
    "properties": {"ranking": {"type": "array", "items": {"type": "string"}}, "scores": {"type": "object"},
                   "rationale": {"type": "string"}}}}
SCORE_SCHEMA = {"name": "rubric_score", "strict": False, "schema": {
    **_schema, "required": ["scores", "overall", "rationale"],
    "properties": {"scores": {"type": "object"}, "overall": {"type": "integer"}, "rationale": {"type": "string"}}}}
REJECT_SCHEMA = {"name": "preference_pair", "strict": True, "schema": {
    **_schema, "required": ["rejected", "changed"],
    "properties": {"rejected": {"type": "string"}, "changed": {"type": "string"}}}}
