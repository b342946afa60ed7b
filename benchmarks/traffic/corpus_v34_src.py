"""The sources of the `v34` variant (long-form writing and summarisation; see corpus_v34.py; written blind the same
way: nothing here was tuned against a detector result): the articles summarised at several lengths and styles, the
outlines expanded section by section into prose, and the passages rewritten into many registers, each with the reply
a careful writer gives. Nothing here is harmful.
"""

from __future__ import annotations

import random
import re
from typing import Any

# ---- articles (one title, five sentences, a one-line key and a child's version each; {town} and {n} filled once) ----
_TOWNS = ("Harrowgate", "Lindum", "Port Ellis", "Kestrel Bay", "Ashby Vale", "Norbridge", "Wexmoor")
_NS = ("three", "four", "six", "twelve")
ARTICLES = (
    ("Library opens on Sundays", ("The central library in {town} will open on Sundays from next month.", "The council "
     "says {n} new staff have been hired to cover the extra hours.", "Families had asked for weekend opening in a "
     "survey last spring.", "The reading room and the children's corner will both be open.", "The trial runs for a "
     "year and will be reviewed in the autumn."), "{town}'s library opens on Sundays on a year's trial.", "The big "
     "library in {town} will now be open on Sundays too. Lots of families asked for it."),
    ("Bus routes get electric fleet", ("{town} is replacing its diesel buses with {n} electric ones.", "The first "
     "buses run on the two busiest routes.", "Drivers have had a week of training on the new vehicles.", "Chargers "
     "were fitted at the depot over the winter.", "The operator expects fuel costs to fall by a third."), "Electric "
     "buses arrive on {town}'s busiest routes.", "{town} has new buses that run on electricity instead of diesel. "
     "They are quieter and cleaner."),
    ("Community garden doubles in size", ("A community garden in {town} has taken over the empty lot next door.",
     "Volunteers cleared the ground in {n} weekends.", "The new beds will grow vegetables for the food bank.", "A "
     "local school will run lessons there on Fridays.", "The garden still needs more volunteers for watering."),
     "{town}'s community garden doubles to feed the food bank.", "People in {town} made their garden twice as big. "
     "They grow vegetables to share with people who need food."),
    ("Swimming pool reopens after repairs", ("The public pool in {town} reopened after {n} months of repairs.", "The "
     "roof leaked and the changing rooms needed new floors.", "Early-morning lane swimming is back from Monday.",
     "Prices stay the same until the end of the year.", "Lessons for beginners restart next week."), "{town}'s pool "
     "reopens with prices unchanged.", "The swimming pool in {town} was fixed and is open again. You can have "
     "swimming lessons there soon."),
    ("Night market comes to the harbour", ("A night market will open on {town}'s harbour every Friday this summer.",
     "{n} food stalls and a dozen craft stands have signed up.", "The market runs from six until eleven.", "Traders "
     "must use reusable plates and cups.", "The harbour road will close to cars on market nights."), "A Friday night "
     "market opens on {town}'s harbour.", "On Friday nights this summer there will be a market by the sea in {town}. "
     "You can buy food and crafts."),
    ("School starts a cycling scheme", ("A primary school in {town} is lending bikes to pupils who live nearby.", "The "
     "school bought {n} bikes with a grant from a local trust.", "Pupils take a safety course before they borrow "
     "one.", "Parents say the morning traffic outside the gates has eased.", "The school hopes to add more bikes next "
     "term."), "A {town} school lends bikes to its pupils.", "A school in {town} lends bikes to children so they "
     "can ride to school. They learn to ride safely first."),
    ("Museum puts its archive online", ("The town museum in {town} has put {n} thousand old photographs online.",
     "Volunteers spent two years scanning the collection.", "Anyone can search the pictures by street or by year.",
     "The museum is asking residents to help name the people in them.", "Printed copies can be ordered at the front "
     "desk."), "{town}'s museum puts its photo archive online.", "The museum in {town} put lots of old photos on the "
     "internet. Anyone can look at them for free."),
    ("Repair cafe marks its first year", ("A repair cafe in {town} has fixed more than {n} hundred items in its first "
     "year.", "Volunteers mend lamps, toasters, bikes and clothes.", "Visitors are shown how to do the repair "
     "themselves.", "The cafe meets in the church hall on the first Saturday of the month.", "It now wants a "
     "volunteer who can fix laptops."), "{town}'s repair cafe fixed hundreds of items in a year.", "In {town} people "
     "bring broken things to a cafe where helpers fix them. They show you how to fix it too."),
    ("Footbridge closes for painting", ("The footbridge over the river in {town} will close for {n} weeks.", "Workers "
     "will strip and repaint the steel to stop it rusting.", "Walkers will be sent over the road bridge instead.",
     "A free shuttle will run for people who cannot walk the longer way.", "The bridge is more than a hundred years "
     "old."), "{town}'s old footbridge closes for repainting.", "The old bridge in {town} is closed for a few weeks "
     "while it gets new paint. People will walk another way."),
    ("Orchard saved by residents", ("Residents in {town} have raised the money to buy an old orchard.", "The {n} acres "
     "were up for sale as building land.", "The orchard has apple and pear trees planted a century ago.", "A trust "
     "will now look after it and open it to the public.", "A harvest day is planned for the autumn."), "{town} "
     "residents buy their old orchard.", "People in {town} saved an old orchard full of apple trees. Now everyone "
     "can visit it."),
    ("Farmers trial a four-day week", ("{n} farms near {town} are trialling a four-day week for their workers.",
     "Staff work longer days from Monday to Thursday.", "The farms share machinery to keep the work on time.", "Early "
     "results show fewer sick days.", "The trial will be reported on at the county show."), "Farms near {town} trial "
     "a four-day week.", "Some farms near {town} are trying a shorter week for their workers. So far fewer people "
     "have been off sick."),
    ("Choir sings at the hospital", ("A choir from {town} sang on the children's ward at the hospital.", "The {n} "
     "singers learned songs chosen by the young patients.", "Nurses joined in for the last song.", "The choir plans "
     "to come back every month.", "Families said it was the best afternoon of the week."), "A {town} choir sings on "
     "a children's ward.", "A choir from {town} sang songs for children in hospital. The children picked the songs."),
)
STYLES = {"one-line": "in one sentence", "abstract": "as a short abstract of three sentences",
          "bullets": "as bullet points, one per fact", "child": "for a ten-year-old"}
STYLE_NAMES = tuple(STYLES)


def article(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    """An article (the k-th, or any) with its slots filled once."""
    k = rng.randrange(len(ARTICLES)) if k is None else k % len(ARTICLES)
    title, lines, key, kid = ARTICLES[k]
    got = {"town": rng.choice(_TOWNS), "n": rng.choice(_NS)}
    filled = tuple(x.format(**got) for x in lines)
    return {"k": k, "title": title, "lines": filled, "text": " ".join(filled), "key": key.format(**got),
            "kid": kid.format(**got), "town": got["town"]}


def summarise(art: dict[str, Any], style: str) -> str:
    """The article at one of the lengths or styles: a sentence, three sentences, a bullet a fact, a child's version."""
    lines = art["lines"]
    if style == "one-line":
        return art["key"]
    if style == "abstract":
        return " ".join((lines[0], lines[1], lines[4]))
    if style == "bullets":
        return "\n".join(f"- {x}" for x in lines)
    return art["kid"]


def headlines(rng: random.Random, art: dict[str, Any], n: int) -> list[str]:
    forms = (art["title"], f"{art['town']}: {art['title'].lower()}", f"{art['title']} - what it means for "
             f"{art['town']}", f"Why {art['title'][0].lower()}{art['title'][1:]}", f"{art['key'].rstrip('.')}")
    return rng.sample(forms, n)


# ---- outlines (a subject, its readers, an example and a next step fill four sections of two points each) ----
TOPICS = (("composting at home", "people with a small garden", "a bin made from old pallets", "start with a bucket of "
           "kitchen scraps"), ("saving for a first home", "young renters", "a couple putting away a tenth of their "
           "pay", "open a separate savings account"), ("learning a second language", "busy adults", "ten minutes of "
           "listening on the way to work", "pick one short daily habit"), ("running a book club", "new organisers",
          "a club that meets in a cafe", "choose the first three books"), ("planning a vegetable patch", "first-time "
           "growers", "a two-metre bed of beans and lettuce", "draw a plan before buying seeds"), ("walking to work",
          "office workers", "a forty-minute walk along the canal", "try it one day a week"), ("keeping bees",
          "curious beginners", "a single hive in a back garden", "join a local beekeeping group"), ("baking bread",
          "home cooks", "a simple loaf made over a weekend", "bake the same recipe three times"), ("volunteering",
          "retired people", "an afternoon a week at a charity shop", "ask what the charity needs most"),
          ("repairing clothes", "students", "sewing on a button and patching jeans", "keep a small sewing kit"),
          ("birdwatching", "families", "a feeder outside the kitchen window", "learn five common birds"),
          ("cutting energy bills", "households", "turning the heating down by one degree", "read the meter weekly"),
          ("starting a podcast", "hobbyists", "a show recorded on a phone", "plan the first three episodes"),
          ("caring for houseplants", "people in flats", "a fern in a bathroom", "check the light in each room"))
SECTIONS = (("What {s} is", ("a plain description of {s}", "where readers meet it, such as {e}")),
            ("Why it matters to {a}", ("what {a} gain from it", "the common worries {a} have")),
            ("An example: {e}", ("how {e} works step by step", "what went well and what did not")),
            ("Getting started", ("the first step: {x}", "where to find help nearby")))


def outline(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    """An outline (the k-th topic's, or any): its title and four sections, each a heading and two points."""
    k = rng.randrange(len(TOPICS)) if k is None else k % len(TOPICS)
    s, a, e, x = TOPICS[k]
    secs = tuple((h.format(s=s, a=a, e=e, x=x), tuple(p.format(s=s, a=a, e=e, x=x) for p in ps)) for h, ps in SECTIONS)
    title = f"A beginner's guide to {s}"
    text = "\n".join(f"{j + 1}. {h} | {'; '.join(ps)}" for j, (h, ps) in enumerate(secs))
    return {"k": k, "title": title, "sections": secs, "text": f"{title}\n{text}"}


_LINKS = ("This is the part most readers ask about first.", "It helps to keep this concrete.", "None of this needs "
          "special equipment.", "A short example makes the point better than a long explanation.", "Readers can "
          "come back to this later.", "It is worth taking slowly.", "Most people find it easier than they expected.",
          "The details differ from place to place, but the idea is the same.")


def expand(rng: random.Random, out: dict[str, Any], j: int) -> str:
    """Section j of the outline as prose: its heading, then a paragraph a point, in the outline's order."""
    head, points = out["sections"][j]
    paras = [f"{p[0].upper()}{p[1:]} is where this part begins. " + " ".join(rng.sample(_LINKS, 4)) for p in points]
    return f"## {head}\n\n" + "\n\n".join(paras)


# ---- passages and registers ----
PASSAGES = ("The meeting on {day} is moved to the small hall because the main hall is being painted. Please bring "
            "your own cup.", "{name} has finished the new timetable. It starts next week and the early bus now "
            "leaves ten minutes later.", "The shop will be closed on {day} for stocktaking. Orders placed online "
            "will still be sent.", "Thank you to everyone who came to the open day. {name} counted more than two "
            "hundred visitors.", "The park gates will lock at dusk from {day}. Dog walkers should use the side "
            "entrance.", "{name} is leaving the team at the end of the month. There will be cake in the kitchen on "
            "{day}.", "Rent is due on the first of the month. If you will be late, tell {name} before {day}.",
            "The tap in the staff room is fixed. {name} asks that nobody uses the old kettle any more.", "Our "
            "volunteers planted forty trees on {day}. {name} thanks the school for lending its tools.", "The lift "
            "is out of order until {day}. Deliveries should go to the loading door.")
_NAMES, _DAYS = ("Priya", "Tomasz", "Aoife", "Kwame", "Mirela", "Joss"), ("Monday", "Wednesday", "Friday", "Saturday")
REGISTERS = {"formal": ("Please be advised as follows.", "Thank you for your attention."),
             "casual": ("Hey all, quick heads-up!", "Cheers!"),
             "legal": ("NOTICE. The following terms apply.", "This notice takes effect on the date stated above."),
             "poetic": ("Hear this, as the day turns -", "- and so it goes."),
             "plain English": ("Here is what is happening.", "Ask if anything is unclear."),
             "news": ("LOCAL NEWS:", "More updates will follow."),
             "children's story": ("Once upon a time, not long ago,", "And that is the end of the story."),
             "business email": ("Dear colleagues,", "Kind regards,")}
REGISTER_NAMES = tuple(REGISTERS)


def passage(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    k = rng.randrange(len(PASSAGES)) if k is None else k % len(PASSAGES)
    text = PASSAGES[k].format(name=rng.choice(_NAMES), day=rng.choice(_DAYS))
    return {"k": k, "text": text, "lines": tuple(re.split(r"(?<=\.) ", text))}


def restyle(p: dict[str, Any], register: str) -> str:
    """The passage in a register: its opening, the passage's sentences (a line each when poetic), its closing."""
    first, last = REGISTERS[register]
    body = "\n".join(p["lines"]) if register == "poetic" else p["text"]
    return f"{first}\n\n{body}\n\n{last}"


# ---- the pasted layouts found again ----
ARTICLE_HEADS = ("Article", "Story", "Piece")
PASSAGE_HEADS = ("Passage", "Original", "Paragraph")
_RX = {"article": re.compile(rf"^(?:{'|'.join(ARTICLE_HEADS)}): (.+)$", re.M),
       "passage": re.compile(rf"^(?:{'|'.join(PASSAGE_HEADS)}): (.+)$", re.M),
       "outline": re.compile(r"^Outline: (.+)$", re.M), "section": re.compile(r"^Section: \d\. (.+)$", re.M)}


def blocks(text: str) -> dict[str, str]:
    """What a text pastes: an article, a passage, an outline's title, the section asked for - only those it has."""
    return {k: m.group(1) for k, rx in _RX.items() if (m := rx.search(text))}


def outline_layout(out: dict[str, Any], j: int) -> str:
    return f"Outline: {out['text']}\n\nSection: {j + 1}. {out['sections'][j][0]}"


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
SUMMARY_SCHEMA = {"name": "summary", "strict": True, "schema": {
    **_obj, "required": ["style", "summary"],
    "properties": {"style": {"type": "string", "enum": list(STYLE_NAMES)}, "summary": {"type": "string"}}}}
RESTYLE_SCHEMA = {"name": "rewrite", "strict": True, "schema": {
    **_obj, "required": ["register", "text"],
    "properties": {"register": {"type": "string", "enum": list(REGISTER_NAMES)}, "text": {"type": "string"}}}}
