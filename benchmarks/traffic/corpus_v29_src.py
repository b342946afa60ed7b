"""The material of the `v29` variant (see corpus_v29.py; written blind the same way: nothing here was tuned against a
detector result): the texts a client holds before it asks the teacher to rewrite them, each drawn from parts so that
a few thousand rarely repeat, with the gold it was built from so that what comes back agrees with what went in:

- passages (`passage`): official and everyday prose (a council notice, a medicine leaflet, a rent letter, a museum
  history, a school trip letter, an insulation grant, a broadband outage notice) in the stiff register that gets
  rewritten; `document` joins one to three of them as sections; `page` wraps a document in what a scraper keeps of
  a web page (menu, cookie banner, share links, footer);
- source files with an edit (`lazy_edit`): a corpus_v27_docs file, a debug line added to one of its functions, the
  edit written the way editors and coding assistants write them (the changed lines between '... existing code ...'
  comments), and the merged file;
- recordings (`recording`, `transcript`): speech-recognition output of meetings, podcasts, calls and lectures
  (lower case, no punctuation, fillers, repeated words, misheard words, speaker tags on some engines), cut into
  segments, with the clean text of each segment;
- the instructions of the rewriting jobs: web-text rephrasing in the styles of the public rephrasing recipes
  (REPHRASE), code merging (APPLY_SYS), transcript clean-up (CLEAN_SYS).

Nothing here imports another v29 module.
"""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic import corpus_v27_docs as D

Doc = tuple[str, dict[str, Any]]

# ---- passages ----
_TOPICS: dict[str, tuple[str, ...]] = {
    "bins": ("With effect from {d} March, the collection of residual waste receptacles within the {area} area will "
             "be undertaken on {day}s.", "Residents are requested to ensure that receptacles are presented at the "
             "kerbside no later than 07:00 on the scheduled day of collection.", "Receptacles presented after this "
             "time may not be emptied, and no return visit will be scheduled.", "Garden waste subscriptions remain "
             "unaffected by this variation and continue on alternate {day2}s.", "Enquiries regarding this matter "
             "should be directed to the Environmental Services team on 0{n}.", "Side waste will not be collected "
             "unless it is contained within an approved sack."),
    "medicine": ("{drug} tablets should be taken {k} times daily, preferably with or immediately after food.",
                 "Patients who experience dizziness, blurred vision or palpitations should discontinue use and seek "
                 "medical advice without delay.", "The concurrent consumption of alcohol is not recommended during "
                 "the course of treatment.", "Do not exceed {m} tablets in any 24-hour period.", "Should a dose be "
                 "omitted, it should be taken as soon as remembered, unless the next dose is due within {k} "
                 "hours.", "Store below 25 degrees and keep out of the sight and reach of children."),
    "rent": ("Pursuant to clause {k} of your tenancy agreement, the monthly rent payable in respect of {addr} will "
             "increase by {pct}% with effect from {d} April.", "This adjustment reflects increases in maintenance, "
             "insurance and service costs incurred by the landlord.", "Tenants experiencing difficulty in meeting "
             "the revised amount may request a payment arrangement in writing.", "Payments received after the "
             "{k}th of the month will incur an administration charge of {fee} pounds.", "All other terms of the "
             "agreement remain in full force and effect."),
    "museum": ("The {name} Museum was established in 18{k}0 by a bequest of the merchant {person}.", "Its "
               "collections comprise in excess of {m},000 objects pertaining to the maritime and industrial history "
               "of the region.", "The principal gallery occupies the former customs house, a structure of "
               "considerable architectural significance.", "Admission is without charge on Sundays and for visitors "
               "under the age of {k}.", "Guided tours are conducted at 11:00 and 14:30 and may be booked at the "
               "reception desk."),
    "school": ("Pupils in Year {k} will participate in an educational visit to {place} on {day} {d} May.",
               "Participation is contingent upon receipt of the signed consent form by {day2}.", "A contribution of "
               "{fee} pounds is requested towards the cost of transportation and entry.", "Pupils are required to "
               "bring a packed lunch, a waterproof garment and suitable footwear.", "The coach will depart at 08:45 "
               "and is expected to return at approximately 16:00."),
    "grant": ("Householders in receipt of qualifying benefits may be eligible for a grant of up to {fee}0 pounds "
              "towards loft and cavity-wall insulation.", "Applications must be submitted prior to {d} June and "
              "accompanied by evidence of eligibility.", "An assessor will arrange a survey of the property within "
              "{k} weeks of a complete application.", "Installation works are to be carried out exclusively by "
              "accredited contractors.", "Properties in conservation areas may be subject to additional "
              "requirements."),
    "outage": ("Customers in the {area} exchange area may experience an interruption to broadband services between "
               "00:00 and 0{k}:00 on {day} {d} February.", "This interruption is necessitated by essential "
               "upgrade works to network infrastructure.", "Customers reliant on the service for telecare or "
               "emergency calls are advised to make alternative arrangements.", "No action is required on the "
               "part of the customer, and service will be restored automatically.", "Compensation is not payable "
               "in respect of planned maintenance notified in advance."),
}
TOPICS = tuple(_TOPICS)
_TITLES = {"bins": "Changes to bin collection days", "medicine": "Patient information", "rent": "Notice of rent "
           "review", "museum": "About the museum", "school": "Year group visit", "grant": "Home insulation grants",
           "outage": "Planned maintenance"}
_AREAS = ("Northfield", "Eastgate", "Harbourside", "Millbrook", "Westcliff", "Old Town")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_DRUGS = ("Ferrolan", "Dorexa", "Quinaval", "Lisotrin")
_PEOPLE = ("Josiah Penrose", "Amelia Hartley", "Tobias Wren", "Harriet Lowe")
_PLACES = ("the Science Centre", "Castle Rise Farm", "the city aquarium", "the National Railway Museum")
_SITES = ("northfield.gov.example", "harbourside-homes.example", "wrenmuseum.example", "fibrelink.example",
          "stmarys-school.example", "warmhomes.example")


def _fill(rng: random.Random, s: str) -> str:
    if "{" not in s:
        return s
    return s.format(d=rng.randint(1, 28), day=rng.choice(_DAYS), day2=rng.choice(_DAYS), area=rng.choice(_AREAS),
                    n=rng.randint(1000000000, 1999999999), k=rng.randint(2, 9), m=rng.randint(3, 12),
                    drug=rng.choice(_DRUGS), addr=f"{rng.randint(1, 140)} {rng.choice(_AREAS)} Road",
                    pct=rng.choice((3, 4, 5, 6, 7)), fee=rng.choice((12, 25, 40, 60)),
                    name=rng.choice(("Penrose", "Harbour", "Wren", "Lowe")), person=rng.choice(_PEOPLE),
                    place=rng.choice(_PLACES))


def passage(rng: random.Random, topic: str | None = None, sentences: tuple[int, int] = (3, 5)) -> Doc:
    """A passage of 3-5 sentences (in order) of one topic, and its gold (topic, sentences)."""
    topic = topic or rng.choice(TOPICS)
    pool = _TOPICS[topic]
    n = min(len(pool), rng.randint(*sentences))
    idx = sorted(rng.sample(range(len(pool)), n))
    sents = [_fill(rng, pool[i]) for i in idx]
    return " ".join(sents), {"topic": topic, "sentences": sents}


def document(rng: random.Random, sections: tuple[int, int] = (1, 3)) -> Doc:
    """A document of 1-3 sections (passages of different topics, as a newsletter or a council page has them), and its
    gold (the first section's topic, the sections)."""
    parts = [passage(rng, t) for t in rng.sample(TOPICS, rng.randint(*sections))]
    return "\n\n".join(p for p, _ in parts), {"topic": parts[0][1]["topic"], "sections": [p for p, _ in parts]}


def page(rng: random.Random) -> Doc:
    """A scraped web page: a longer passage under the site's menu and cookie banner, over its share links and footer
    (what a crawler keeps), and its gold (topic, url, the passage)."""
    body, g = document(rng)
    topic = g["topic"]
    site = rng.choice(_SITES)
    url = f"https://{site}/{topic}/{rng.getrandbits(28):07x}"
    menu = rng.choice(("Home | News | Services | Contact", "Skip to content\nMenu  Search  Sign in",
                       "HOME  ABOUT  NEWS  CONTACT US"))
    banner = rng.choice(("We use cookies to improve your experience. [Accept] [Reject]", "This site uses cookies. "
                         "By continuing you agree to our cookie policy.", ""))
    foot = rng.choice(("Share: Facebook | X | Email", "Was this page helpful? Yes / No", "Related: Contact us | "
                       "Opening times | Accessibility"))
    text = "\n".join(p for p in (menu, banner, _TITLES[topic], body, foot, f"(c) 2025 {site}. All rights reserved.")
                     if p)
    return text, {"topic": topic, "url": url, "body": body}


# ---- source files with an edit ----
_COMMENT = {"Python": "#", "TypeScript": "//", "Go": "//", "Rust": "//"}
_DEBUG = {"Python": '{i}logger.debug("{f} called")', "TypeScript": '{i}console.debug("{f} called");',
          "Go": '{i}log.Printf("{f} called")', "Rust": '{i}log::debug!("{f} called");'}


def _names(f: str, lang: str) -> tuple[str, ...]:
    camel = f.split("_")[0] + "".join(w.title() for w in f.split("_")[1:])
    return (f"def {f}(",) if lang == "Python" else (f"func {camel[0].upper() + camel[1:]}(",) if lang == "Go" else \
        (f"fn {f}(",) if lang == "Rust" else (f"function {camel}(",)


def lazy_edit(rng: random.Random, doc: Doc | None = None) -> tuple[str, str, dict[str, Any]]:
    """(file, edit, gold) for a debug line added at the top of one function of a source file: the edit is that
    function's first lines with the new one, between '... existing code ...' comments; gold has the path, the
    function, the language and the merged file."""
    file, g = doc or D.code_file(rng)
    lines = file.split("\n")
    for f in rng.sample(g["names"], len(g["names"])):
        at = next((i for i, ln in enumerate(lines) if any(m in ln for m in _names(f, g["lang"]))), None)
        if at is not None:
            break
    else:  # no signature found: the edit goes at the end of the file
        f, at = g["names"][0], len(lines) - 1
    nxt = lines[at + 1] if at + 1 < len(lines) else ""
    indent = nxt[:len(nxt) - len(nxt.lstrip())] or ("\t" if g["lang"] == "Go" else "    ")
    new = _DEBUG[g["lang"]].format(i=indent, f=f)
    c = _COMMENT[g["lang"]]
    edit = "\n".join((f"{c} ... existing code ...", lines[at], new, nxt, f"{c} ... existing code ..."))
    merged = "\n".join(lines[:at + 1] + [new] + lines[at + 1:])
    return file, edit, {"path": g["path"], "f": f, "lang": g["lang"], "merged": merged, "line": new.strip()}


def sized_code(rng: random.Random, chars: int) -> str:
    """Source text about `chars` long (what a merged file looks like in the log)."""
    out = ""
    while len(out) < chars:
        out += ("\n\n" if out else "") + D.code_file(rng)[0]
    return out[:max(chars, 1)]


# ---- recordings ----
_SPOKEN = {
    "budget": ("so the main thing today is the budget for next quarter", "we are about {k} percent over on travel "
               "again", "can we move the workshop to {day}", "i think so i will check with the venue", "next item "
               "is hiring we have {k} candidates for the second round", "the invoice from the printer came in at "
               "{k} hundred"),
    "garden": ("welcome back to the show today we are talking about compost", "the trick is to keep it as damp as "
               "a wrung out sponge", "you want roughly {k} parts brown to one part green", "turn it every couple "
               "of weeks and it will be ready by {day} of next month well by spring", "a listener asked about "
               "slugs in the raised beds", "copper tape helps but honestly beer traps work better"),
    "delivery": ("hi i am calling about an order that has not arrived", "the order number is {k}{k}4{k}1",
                 "it says delivered on {day} but there is nothing here", "can you check the photo the driver took",
                 "if it cannot be found i would like a refund please", "okay so you will call me back within {k} "
                 "days"),
    "tides": ("right so today we are looking at why there are two tides a day", "the moon pulls the near side of "
              "the ocean a bit more than the middle of the earth", "and the far side a bit less so you get two "
              "bulges", "the sun does the same thing but only about {k} tenths as strongly", "when they line up you "
              "get spring tides", "for next {day} read chapter {k} and try the problem set"),
}
_FILLERS = ("um", "uh", "you know", "like", "i mean", "sort of", "er")
_MISHEAR = {"compost": "come post", "invoice": "in voice", "refund": "re fund", "chapter": "chap ter",
            "workshop": "work shop", "candidates": "can did eights"}
RECORDING_TOPICS = {"budget": "the quarterly budget", "garden": "composting", "delivery": "a missing parcel",
                    "tides": "tides"}


def _raw(rng: random.Random, line: str, tag: str) -> str:
    words = line.split()
    out: list[str] = []
    for w in words:
        if rng.random() < 0.12:
            out.append(rng.choice(_FILLERS))
        out.append(w if rng.random() > 0.15 else _MISHEAR.get(w, w))
        if rng.random() < 0.05:
            out.append(w)  # a repeated word
    return f"{tag}{' '.join(out)}"


def transcript(rng: random.Random, topic: str | None = None, turns: int = 6, tags: int | None = None) -> Doc:
    """A stretch of raw speech-recognition output (`turns` utterances by two speakers, tagged 'spk_0:' or 'SPEAKER_01'
    by some engines, untagged by others), and its gold (topic, the clean lines)."""
    topic = topic or rng.choice(tuple(_SPOKEN))
    tags = rng.randrange(3) if tags is None else tags
    raw, clean = [], []
    for j in range(turns):
        line = rng.choice(_SPOKEN[topic]).format(k=rng.randint(2, 9), day=rng.choice(_DAYS).lower())
        who = j % 2
        tag = ("", f"spk_{who}: ", f"SPEAKER_0{who + 1} ")[tags]
        raw.append(_raw(rng, line, tag))
        clean.append(f"Speaker {who + 1}: {line[0].upper()}{line[1:]}.")
    return ("\n" if tags else " ").join(raw), {"topic": RECORDING_TOPICS[topic], "clean": "\n".join(clean)}


def recording(rng: random.Random, segments: int) -> list[Doc]:
    """A recording cut into `segments` consecutive transcript segments of one topic and one engine."""
    topic, tags = rng.choice(tuple(_SPOKEN)), rng.randrange(3)
    return [transcript(rng, topic, rng.randint(5, 12), tags) for _ in range(segments)]


# ---- the jobs' instructions ----
REPHRASE = {
    "wiki": "For the following paragraph give me a paraphrase of the same in high-quality English language as in "
            "sentences on Wikipedia.",
    "qa": "Convert the following paragraph into a conversational format with multiple tags of \"Question:\" "
          "followed by \"Answer:\".",
    "facts": "Extract the key facts from the text below as a concise bullet list. Leave out menus, cookie notices "
             "and anything else that is not information.",
    "plain": "Rewrite the text below in plain language for a reader of about twelve, keeping every fact.",
}
REPHRASE_STYLES = tuple(REPHRASE)
REPHRASE_SYS = "You are a helpful assistant that rewrites text. Reply with the rewritten text only."
APPLY_SYS = ("You merge code edits. The edit shows only the changed lines; '... existing code ...' comments stand for "
             "unchanged code. Apply the edit to the original file and output the complete updated file, nothing "
             "else.")
APPLY_USER = ("<code>\n{file}\n</code>\n<update>\n{edit}\n</update>",
              "Original file ({path}):\n```\n{file}\n```\n\nEdit:\n```\n{edit}\n```\n\nReturn the full updated file.")
CLEAN_SYS = ("You clean up speech-recognition transcripts. Add punctuation and capitals, remove filler words (um, uh, "
             "you know), false starts and repeated words, fix obvious mishearings and label the speakers 'Speaker "
             "1:', 'Speaker 2:'. Do not add, drop or reword content. Output the cleaned transcript only.")
CLEAN_USER = ("Segment {i} of {n}:\n{t}", "Previous segment (context only, do not output it):\n{prev}\n\nSegment {i} "
              "of {n}:\n{t}", "{t}")
