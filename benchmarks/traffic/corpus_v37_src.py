"""The sources of the `v37` variant (data-to-text; see corpus_v37.py; written blind the same way: nothing here was
tuned against a detector result): venues as E2E-style meaning representations (name[...], eatType[...], ...) whose
attributes can be given in any subset, made-up entities as subject | predicate | object triples given a growing
prefix at a time, and monthly data series cut into windows - each with the text a careful writer produces from them:
a description that says every given attribute and nothing else, one sentence a triple, and a two-sentence trend
summary with the change, the peak and the low. Every venue, entity, place and series is invented; nothing here is
harmful.
"""

from __future__ import annotations

import math
import random
import re
from typing import Any

# ---- venues: E2E-style meaning representations ----
SLOTS = ("name", "eatType", "food", "priceRange", "customer rating", "area", "familyFriendly", "near")
VALUES = {"name": ("The Copper Kettle", "Alder House", "The Wandering Fox", "Saffron Lane", "The Old Ferry",
                   "Bluebell Kitchen", "Cafe Marlow", "The Tin Lantern", "Juniper Rooms", "The Salt Loft",
                   "Harbour Lights", "Pepper & Pine", "The Quiet Otter", "Loom & Ladle", "The Blue Heron",
                   "Fig Tree Yard"),
          "eatType": ("pub", "coffee shop", "restaurant"),
          "food": ("French", "Italian", "Japanese", "Chinese", "Indian", "English", "fast food"),
          "priceRange": ("cheap", "moderate", "high", "less than £20", "£20-25", "more than £30"),
          "customer rating": ("low", "average", "high", "1 out of 5", "3 out of 5", "5 out of 5"),
          "area": ("city centre", "riverside"),
          "familyFriendly": ("yes", "no"),
          "near": ("the railway station", "the cathedral", "Crown Bridge", "the Corn Exchange", "the market square",
                   "the university", "the museum", "Elm Park")}


def venue(rng: random.Random) -> dict[str, Any]:
    """A venue: a value for every attribute, and the order its description's last two sentences come in."""
    return {**{k: rng.choice(v) for k, v in VALUES.items()}, "style": rng.randrange(2)}


def subset(rng: random.Random, least: int = 2) -> tuple[str, ...]:
    """Some of a venue's attributes (the name and `least`-1 or more others), in the E2E order."""
    keep = set(rng.sample(SLOTS[1:], rng.randint(least - 1, len(SLOTS) - 1)))
    return tuple(k for k in SLOTS if k == "name" or k in keep)


def mr(v: dict[str, Any], keys: tuple[str, ...] = SLOTS) -> str:
    return ", ".join(f"{k}[{v[k]}]" for k in SLOTS if k in keys)


def _a(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def describe(v: dict[str, Any], keys: tuple[str, ...] = SLOTS) -> dict[str, Any]:
    """The venue with the attributes `keys`: its MR, the description that says each of them and nothing else, and
    the JSON reply."""
    has = set(keys).__contains__
    fam = "family-friendly " if has("familyFriendly") and v["familyFriendly"] == "yes" else ""
    kind = v["eatType"] if has("eatType") else "place"
    first = f"{v['name']} is {_a(fam or kind)} {fam}{kind}"
    first += f" serving {v['food']}{'' if v['food'].endswith('food') else ' food'}" if has("food") else ""
    first += f" in the {v['area']}" if has("area") else ""
    first += f" near {v['near']}" if has("near") else ""
    rating = v["customer rating"]
    rated = f"It has a customer rating of {rating}." if " " in rating else \
        f"It has {_a(rating)} {rating} customer rating."
    rest = [f"Its price range is {v['priceRange']}." if has("priceRange") else "",
            rated if has("customer rating") else ""]
    rest = [x for x in (rest[::-1] if v["style"] else rest) if x]
    rest += ["It is not family-friendly."] if has("familyFriendly") and v["familyFriendly"] == "no" else []
    text = " ".join([f"{first}.", *rest])
    used = [k for k in SLOTS if has(k)]
    return {"mr": mr(v, keys), "text": text, "obj": {"description": text, "attributes": used}}


# ---- entities: subject | predicate | object triples, one sentence a triple ----
CITIES = ("Alderton", "Kestrel Bay", "Port Elm", "Saltmere", "Northgate", "Millbrook", "Greyfield", "Seabrook",
          "Elmsford", "Thornbury")
COUNTRIES = ("Norland", "Vesteria", "Calder", "Ostmark", "Lindara")
PEOPLE = ("Mara Quell", "Tobias Venn", "Ines Harrow", "Olu Adeyemi", "Priya Sandhu", "Jonas Brandt", "Lena Ortiz",
          "Sami Korhonen")
ORGS = ("the Coastal Transport Board", "Harrow Holdings", "the Northern Universities Group", "Venn & Partners",
        "the City of Alderton", "Lantern Records", "Greyfield Estates")


def _n(lo: int, hi: int):
    return lambda rng: str(rng.randint(lo, hi))


def _of(pool: tuple[str, ...]):
    return lambda rng: rng.choice(pool)


# kind: (names, ((predicate, value drawer, first sentence, later sentence), ...)); {s}: the subject, {o}: the object
KINDS = {
    "airports": (("Aldwick Airport", "Kestrel Field", "Port Elm Airport", "Saltmere Airport", "Moorside Airfield"), (
        ("location", _of(COUNTRIES), "{s} is in {o}.", "It is in {o}."),
        ("runwayLength", _n(1500, 3900), "{s} has a runway {o} metres long.", "Its runway is {o} metres long."),
        ("elevationAboveSeaLevel", _n(5, 900), "{s} lies {o} metres above sea level.", "It lies {o} metres above "
         "sea level."),
        ("operatingOrganisation", _of(ORGS), "{s} is operated by {o}.", "It is operated by {o}."),
        ("cityServed", _of(CITIES), "{s} serves {o}.", "It serves {o}."),
        ("openingYear", _n(1931, 2015), "{s} opened in {o}.", "It opened in {o}."))),
    "universities": (("Alderton University", "Kestrel Institute", "Saltmere College", "Northgate University"), (
        ("city", _of(CITIES), "{s} is in {o}.", "It is in {o}."),
        ("established", _n(1820, 1990), "{s} was founded in {o}.", "It was founded in {o}."),
        ("numberOfStudents", _n(2000, 40000), "{s} has {o} students.", "It has {o} students."),
        ("chancellor", _of(PEOPLE), "The chancellor of {s} is {o}.", "Its chancellor is {o}."),
        ("academicStaffSize", _n(200, 3000), "{s} employs {o} academic staff.", "It employs {o} academic staff."),
        ("affiliation", _of(ORGS), "{s} belongs to {o}.", "It belongs to {o}."))),
    "rivers": (("the Harrow", "the Quell", "the Lindwater", "the Brand", "the Osk"), (
        ("country", _of(COUNTRIES), "{S} flows through {o}.", "It flows through {o}."),
        ("length", _n(40, 900), "{S} is {o} kilometres long.", "It is {o} kilometres long."),
        ("source", _of(("the Harrow Hills", "Lake Venn", "the Grey Moors", "Mount Osk")), "{S} rises in {o}.",
         "It rises in {o}."),
        ("mouth", _of(("the Grey Sea", "the Northern Gulf", "Kestrel Bay", "the Straits of Calder")),
         "{S} flows into {o}.", "It flows into {o}."),
        ("city", _of(CITIES), "{S} passes through {o}.", "It passes through {o}."),
        ("dischargeRate", _n(12, 2400), "{S} discharges {o} cubic metres per second.", "It discharges {o} cubic "
         "metres per second."))),
    "bands": (("The Paper Lanterns", "Moth Parade", "Velvet Harbour", "The Quiet Engines", "North of Nowhere"), (
        ("genre", _of(("indie rock", "folk", "synth-pop", "jazz fusion", "post-punk")), "{s} play {o}.",
         "They play {o}."),
        ("origin", _of(CITIES), "{s} come from {o}.", "They come from {o}."),
        ("activeSince", _n(1978, 2020), "{s} have been active since {o}.", "They have been active since {o}."),
        ("recordLabel", _of(("Lantern Records", "Saltmere Sound", "Grey Owl Music")), "{s} are signed to {o}.",
         "They are signed to {o}."),
        ("member", _of(PEOPLE), "{o} is a member of {s}.", "{o} is one of their members."),
        ("numberOfAlbums", _n(1, 14), "{s} have released {o} albums.", "They have released {o} albums."))),
    "dishes": (("Harrow pie", "Saltmere stew", "Lindara dumpling soup", "Kestrel tart", "Osk flatbread"), (
        ("country", _of(COUNTRIES), "{S} comes from {o}.", "It comes from {o}."),
        ("mainIngredient", _of(("lamb", "lentils", "smoked fish", "apples", "barley", "goat cheese")),
         "The main ingredient of {s} is {o}.", "Its main ingredient is {o}."),
        ("course", _of(("a starter", "a main course", "a dessert")), "{S} is served as {o}.",
         "It is served as {o}."),
        ("region", _of(("the northern coast", "the lake district", "the highlands", "the river valley")),
         "{S} is a speciality of {o}.", "It is a speciality of {o}."),
        ("servingTemperature", _of(("hot", "cold", "warm")), "{S} is eaten {o}.", "It is eaten {o}."),
        ("accompaniment", _of(("pickled onions", "rye bread", "a green salad", "plain rice")),
         "{S} comes with {o}.", "It comes with {o}."))),
    "buildings": (("Harrow Tower", "The Lantern Building", "Quell House", "Venn Hall", "The Granary"), (
        ("location", _of(CITIES), "{s} is in {o}.", "It is in {o}."),
        ("architect", _of(PEOPLE), "{s} was designed by {o}.", "It was designed by {o}."),
        ("floorCount", _n(3, 88), "{s} has {o} floors.", "It has {o} floors."),
        ("completionYear", _n(1890, 2022), "{s} was completed in {o}.", "It was completed in {o}."),
        ("height", _n(12, 340), "{s} is {o} metres tall.", "It is {o} metres tall."),
        ("owner", _of(ORGS), "{s} is owned by {o}.", "It is owned by {o}."))),
}
DOMAINS = ("venues", *KINDS)


def entity(rng: random.Random, kind: str | None = None) -> dict[str, Any]:
    """An entity (of `kind`, or any) with a value for each of its kind's predicates, in the order its triples are
    given (a fixed order per entity, the one a growing fact set follows)."""
    kind = kind or rng.choice(tuple(KINDS))
    names, preds = KINDS[kind]
    name = rng.choice(names)
    rows = [(p, draw(rng), first, later) for p, draw, first, later in rng.sample(preds, len(preds))]
    return {"kind": kind, "name": name, "rows": tuple(rows)}


def _sentence(e: dict[str, Any], j: int) -> str:
    _, o, first, later = e["rows"][j]
    s = e["name"]
    return (first if j == 0 else later).format(s=s, S=s[0].upper() + s[1:], o=o)


def verbalise(e: dict[str, Any], k: int) -> dict[str, Any]:
    """The entity's first k triples: their layout, the text (one sentence a triple, the subject named in the first)
    and the JSON reply."""
    triples = [f"{e['name']} | {p} | {o}" for p, o, _, _ in e["rows"][:k]]
    text = " ".join(_sentence(e, j) for j in range(k))
    return {"layout": "\n".join(f"- {x}" for x in triples), "text": text, "obj": {"text": text, "facts": k}}


# ---- monthly series: a window's trend ----
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SERIES = (("Monthly visitors to the Harbour Museum (thousands)", 40, 0.35, 6),
          ("Average monthly rainfall in Kestrel Bay (mm)", 70, 0.5, 0),
          ("Monthly bike-share trips in Alderton (thousands)", 120, 0.4, 6),
          ("Monthly electricity use of Brook School (MWh)", 55, 0.3, 0),
          ("Monthly pie sales at the Copper Kettle (hundreds)", 30, 0.25, 11),
          ("Average daily ferry passengers at Port Elm (hundreds)", 18, 0.45, 7),
          ("Monthly library loans in Millbrook (thousands)", 24, 0.2, 1),
          ("Monthly solar output of the Greyfield array (MWh)", 90, 0.6, 6),
          ("Monthly hotel occupancy in Saltmere (%)", 62, 0.3, 7),
          ("Monthly parcel deliveries at the Northgate depot (thousands)", 210, 0.25, 11),
          ("Monthly swimming-pool visits in Elmsford (thousands)", 15, 0.35, 7),
          ("Monthly ice-cream sales at the Seabrook kiosk (hundreds)", 45, 0.7, 7))
WINDOWS = tuple((i, i + n) for n in (3, 6) for i in range(13 - n)) + ((0, 12),)  # [start, end) month indices


def series(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    """A series (the k-th, or any): its title and twelve monthly values (one decimal, all different: a seasonal swing
    around a level, a drift and noise)."""
    k = rng.randrange(len(SERIES)) if k is None else k % len(SERIES)
    title, level, swing, peak = SERIES[k]
    while True:
        drift = rng.uniform(-0.2, 0.2)
        vals = tuple(round(level * (1 + swing * math.cos(2 * math.pi * (m - peak) / 12) + drift * m / 11 +
                                    rng.uniform(-0.06, 0.06)), 1) for m in range(12))
        if len(set(vals)) == 12 and min(vals) > 0:
            return {"k": k, "title": title, "values": vals}


def trend(sr: dict[str, Any], w: tuple[int, int]) -> dict[str, Any]:
    """The series cut to window w: its rows, the two-sentence summary (the change, the peak, the low) and the JSON
    reply."""
    i, j = w
    vals = sr["values"][i:j]
    hi, lo = max(range(len(vals)), key=vals.__getitem__), min(range(len(vals)), key=vals.__getitem__)
    verb = "rose" if vals[-1] > vals[0] else "fell"
    what = sr["title"].rsplit(" (", 1)[0]
    text = (f"From {MONTHS[i]} to {MONTHS[j - 1]}, {what[0].lower() + what[1:]} {verb} from {vals[0]:.1f} to "
            f"{vals[-1]:.1f}. It peaked at {vals[hi]:.1f} in {MONTHS[i + hi]} and was lowest at {vals[lo]:.1f} in "
            f"{MONTHS[i + lo]}.")
    rows = "\n".join(f"{MONTHS[i + m]}: {x:.1f}" for m, x in enumerate(vals))
    return {"rows": rows, "text": text, "obj": {"summary": text, "direction": verb, "peak": MONTHS[i + hi],
                                                "low": MONTHS[i + lo]}}


# ---- example records, each with its text ----
def fields(domain: str) -> str:
    return ", ".join(SLOTS if domain == "venues" else (p for p, *_ in KINDS[domain][1]))


def record_list(rng: random.Random, domain: str, n: int) -> str:
    """n example records of a domain (a venue's MR with some attributes, or two or three triples of an entity), each
    with its text."""
    out = []
    for j in range(n):
        if domain == "venues":
            d = describe(venue(rng), subset(rng, 3))
            rec, text = d["mr"], d["text"]
        else:
            v = verbalise(entity(rng, domain), rng.randint(2, 3))
            rec, text = v["layout"].replace("\n- ", "; ")[2:], v["text"]
        out.append(f"{j + 1}. {rec}\n   => {text}")
    return "\n".join(out)


# ---- the pasted layouts found again ----
MR_HEADS = ("Venue", "Meaning representation", "Listing", "Attributes")
TRIPLE_HEADS = ("Triples", "Facts", "Knowledge graph", "Data")
SERIES_HEADS = ("Series", "Chart data", "Data series", "Metric")
_RX = {"mr": re.compile(rf"^(?:{'|'.join(MR_HEADS)}): (name\[[^\n]+\])$", re.M),
       "triples": re.compile(rf"^(?:{'|'.join(TRIPLE_HEADS)}):\n((?:- [^\n|]+ \| \w+ \| [^\n|]+\n?)+)", re.M),
       "series": re.compile(rf"^(?:{'|'.join(SERIES_HEADS)}): (.+)$", re.M),
       "rows": re.compile(rf"^((?:(?:{'|'.join(MONTHS)}): [\d.]+(?:\n|$))+)", re.M)}


def blocks(text: str) -> dict[str, str]:
    """What a text pastes: a venue's MR, an entity's triples, a series' title and its monthly rows - only those it
    has."""
    return {k: m.group(1).rstrip("\n") for k, rx in _RX.items() if (m := rx.search(text))}


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
DESCRIBE_SCHEMA = {"name": "venue_description", "strict": True, "schema": {
    **_obj, "required": ["description", "attributes"],
    "properties": {"description": {"type": "string"}, "attributes": {"type": "array", "items": {"type": "string"}}}}}
VERBALISE_SCHEMA = {"name": "verbalisation", "strict": True, "schema": {
    **_obj, "required": ["text", "facts"],
    "properties": {"text": {"type": "string"}, "facts": {"type": "integer"}}}}
TREND_SCHEMA = {"name": "trend_summary", "strict": True, "schema": {
    **_obj, "required": ["summary", "direction", "peak", "low"],
    "properties": {"summary": {"type": "string"}, "direction": {"type": "string", "enum": ["rose", "fell"]},
                   "peak": {"type": "string"}, "low": {"type": "string"}}}}
