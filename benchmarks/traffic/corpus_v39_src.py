"""The sources of the `v39` variant (bibliographic reference formatting; see corpus_v39.py; written blind the same way:
nothing here was tuned against a detector result): BibTeX entries of invented journal articles and books, built from
parts so that a few thousand rarely repeat, whose optional fields (an issue, pages, a DOI, a year; an edition, a place
of publication, a DOI, a year) can each be given or withheld and whose author list can be cut to its first n names;
and six citation styles (APA 7, MLA 9, Chicago author-date, Harvard, Vancouver, IEEE) as written rules - each entry
with the text a careful reference formatter produces from it: the reference in a style, a reference list of several
entries in a style's order, and the in-text citations of an entry (parenthetical and narrative) in the author-date
styles. Every author, journal, publisher and DOI is invented (the DOIs use the 10.5555 test prefix); nothing here is
harmful.
"""

from __future__ import annotations

import random
import re
from typing import Any

# ---- the parts entries are drawn from ----
GIVEN = ("Adaeze", "Per", "Mei Ling", "Tomás", "Ingrid", "Kwabena", "Sofia", "Rhiannon", "Haruto", "Leila", "Mateus",
         "Oksana", "Dev", "Amara", "Jonas", "Yusuf", "Clara Beatriz", "Niamh", "Farid", "Elodie", "Kofi", "Saanvi",
         "Brynjar", "Lucía", "Tariq", "Hanna", "Emeka", "Ilse", "Rafael", "Wren")
FAMILY = ("Okafor", "Lindqvist", "Tan", "Ferreira", "Halvorsen", "Mensah", "Rossi", "Pryce", "Sato", "Haddad",
          "Albuquerque", "Kovalenko", "Raman", "Diallo", "Brandt", "Demir", "Moreno-Vidal", "Gallagher", "Karimi",
          "Marchetti", "Asante", "Iyer", "Eriksen", "Quintero", "Bashir", "Novak", "Eze", "Vermeulen", "Castillo",
          "Achterberg")
TOPICS = {"tidal mixing": "env", "soil carbon": "env", "reading fluency": "edu", "urban heat islands": "urban",
          "bus rapid transit": "urban", "peatland restoration": "env", "sleep quality": "health", "seed dispersal":
          "env", "household savings": "society", "coastal erosion": "env", "hospital discharge planning": "health",
          "wind turbine noise": "urban", "community gardens": "society", "river sediment": "env", "bilingual "
          "classrooms": "edu", "pollinator decline": "env", "grid-scale batteries": "urban", "volunteer retention":
          "society", "glacier retreat": "env", "school meals": "health"}  # each topic and its field
PLACES = ("the Brackwater estuary", "Eastholm", "northern Kelby", "the Marrow valley", "Stannick", "rural Wenford",
          "the Tollesby uplands", "Ashcombe", "Fennick Bay", "three coastal towns")
_ART_TITLES = ("{Topic} in {place}: A ten-year study", "Measuring {topic} across {place}", "Explaining {topic}: "
               "Evidence from {place}", "The costs of {topic} in {place}", "A field survey of {topic} in {place}",
               "Rethinking {topic}: Lessons from {place}", "Seasonal patterns of {topic} in {place}",
               "{Topic} under pressure in {place}")
_BOOK_TITLES = ("{Topic}: A practical guide", "Understanding {topic}", "The politics of {topic}", "{Topic} in "
                "practice", "A short history of {topic}", "Foundations of {topic}")
JOURNALS = {"env": ("Journal of Coastal Studies", "Annals of Environmental Change", "Quarterly Journal of Field "
                    "Ecology", "Soil and Society"),
            "urban": ("Review of Urban Systems", "Transport Futures", "Energy and Place"),
            "edu": ("Applied Learning Research", "Journal of Classroom Studies"),
            "health": ("Health Services Review", "Journal of Public Health Practice"),
            "society": ("Journal of Community Practice", "Review of Household Economics")}  # by field
PUBLISHERS = ("Harrowgate University Press", "Linden & Vale", "Northmere Academic", "Corbel Books", "Stannard "
              "Publishing", "Quayside Press")
CITIES = ("Oxford", "London", "Toronto", "Melbourne", "Chicago", "Edinburgh", "Cape Town", "Dublin")

KINDS = ("article", "book")
KIND_NAMES = {"article": "journal article", "book": "book"}
OPTIONAL = {"article": ("number", "pages", "doi", "year"), "book": ("edition", "address", "doi", "year")}
STYLES = ("APA 7", "MLA 9", "Chicago author-date", "Harvard", "Vancouver", "IEEE")
AUTHOR_DATE = STYLES[:4]  # the styles with author-date (or author-page) in-text citations
NUMBERED = ("Vancouver", "IEEE")  # the styles whose reference lists are numbered in citation order
_MINOR = {"a", "an", "the", "and", "but", "or", "for", "nor", "of", "on", "in", "to", "at", "by", "with", "as", "from",
          "into", "over", "across", "under"}


def entry(rng: random.Random, kind: str | None = None, authors: int | None = None) -> dict[str, Any]:
    """A new entry: every field given (the optional ones withheld later, by `withhold`), 1-8 authors unless
    `authors` says."""
    kind = kind or rng.choice(KINDS)
    n = authors or rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 7, 8))
    names = [(f, rng.choice(GIVEN)) for f in rng.sample(FAMILY, n)]
    topic, place = rng.choice(tuple(TOPICS)), rng.choice(PLACES)
    pattern = rng.choice(_ART_TITLES if kind == "article" else _BOOK_TITLES)
    title = pattern.format(Topic=topic[0].upper() + topic[1:], topic=topic, place=place)
    year = str(rng.randint(1998, 2025))
    key = f"{names[0][0].split('-')[0].lower()}{year}{topic.split()[-1].replace('-', '')}"
    e: dict[str, Any] = {"kind": kind, "key": key, "author": names, "title": title, "year": year,
                         "doi": f"10.5555/{rng.choice('abcdefghjk')}{rng.randint(1000, 9999)}.{rng.randint(10, 99)}"}
    if kind == "article":
        first = rng.randint(1, 400)
        e.update(journal=rng.choice(JOURNALS[TOPICS[topic]]), volume=str(rng.randint(3, 61)), number=str(rng.randint(1, 12)),
                 pages=f"{first}--{first + rng.randint(6, 30)}")
    else:
        e.update(publisher=rng.choice(PUBLISHERS), address=rng.choice(CITIES), edition=str(rng.randint(2, 5)))
    return e


def withhold(e: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """The entry without the optional `fields`."""
    return {k: v for k, v in e.items() if k not in fields}


def first_authors(e: dict[str, Any], n: int) -> dict[str, Any]:
    """The entry with its first n authors only."""
    return {**e, "author": e["author"][:n]}


# ---- BibTeX: written and read back ----
_ORDER = ("author", "title", "journal", "year", "volume", "number", "pages", "edition", "publisher", "address", "doi")


def bibtex(e: dict[str, Any]) -> str:
    names = " and ".join(f"{f}, {g}" for f, g in e["author"])
    rows = [f"  {k} = {{{names if k == 'author' else e[k]}}}" for k in _ORDER if k in e]
    return f"@{e['kind']}{{{e['key']},\n" + ",\n".join(rows) + "\n}"


_ENTRY = re.compile(r"@(article|book)\{([^,\n]+),\n((?:  \w+ = \{[^\n]*\},?\n)+)\}")
_FIELD = re.compile(r"^  (\w+) = \{(.*)\},?$", re.M)


def read_bibtex(text: str) -> list[dict[str, Any]]:
    """Every BibTeX entry in a text, read back, in order."""
    out = []
    for m in _ENTRY.finditer(text):
        e: dict[str, Any] = {"kind": m.group(1), "key": m.group(2)}
        for k, v in _FIELD.findall(m.group(3)):
            e[k] = [tuple(x.split(", ", 1)) for x in v.split(" and ")] if k == "author" else v
        out.append(e)
    return out


# ---- the pieces of a reference ----
def initials(given: str, sep: str = " ") -> str:
    """'Mei Ling' -> 'M. L.' (sep ' '), 'M.L.' (sep ''); Vancouver's 'ML' is initials(g, '').replace('.', '')."""
    return sep.join(f"{x[0]}." for x in given.split())


def title_case(t: str) -> str:
    """Every word capitalised but the minor ones (unless first, or first after a colon); hyphenated words in each
    part."""
    out, start = [], True
    for w in t.split(" "):
        low = w.lower()
        cap = "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        out.append(cap if start or low not in _MINOR else low)
        start = w.endswith(":")
    return " ".join(out)


def dash(pages: str) -> str:
    return pages.replace("--", "\u2013")


def ordinal(n: str) -> str:
    k = int(n)
    return f"{k}{'th' if 10 <= k % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(k % 10, 'th')}"


def joined(names: list[str], last: str, serial: bool = True, pair: bool = False) -> str:
    """'a', 'a and b' (last ' and ' or ' & '; 'a, & b' and 'a, and b' when `pair`), 'a, b, and c' (serial) or
    'a, b and c'."""
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return names[0] + ("," if pair else "") + last + names[1]
    return ", ".join(names[:-1]) + ("," if serial else "") + last + names[-1]


def _end(x: str) -> str:
    """x closed with a full stop (not doubled)."""
    return x if x.endswith(".") else f"{x}."


def _apa(e: dict) -> str:
    a = joined([f"{f}, {initials(g)}" for f, g in e["author"]], " & ", pair=True)
    head = f"{a} ({e.get('year', 'n.d.')}). "
    doi = f" https://doi.org/{e['doi']}" if "doi" in e else ""
    if e["kind"] == "book":
        ed = f" ({ordinal(e['edition'])} ed.)" if "edition" in e else ""
        return f"{head}{e['title']}{ed}. {e['publisher']}.{doi}"
    src = e["journal"] + f", {e['volume']}" + (f"({e['number']})" if "number" in e else "")
    return f"{head}{e['title']}. {src}{', ' + dash(e['pages']) if 'pages' in e else ''}.{doi}"


def _mla(e: dict) -> str:
    (f, g), n = e["author"][0], len(e["author"])
    a = f"{f}, {g}" + ("" if n == 1 else f", and {e['author'][1][1]} {e['author'][1][0]}" if n == 2 else ", et al")
    doi = f" https://doi.org/{e['doi']}." if "doi" in e else ""
    if e["kind"] == "book":
        parts = ([f"{ordinal(e['edition'])} ed."] if "edition" in e else []) + [e["publisher"]] + \
            ([e["year"]] if "year" in e else [])
        return f"{_end(a)} {title_case(e['title'])}. {', '.join(parts)}.{doi}"
    parts = [e["journal"], f"vol. {e['volume']}"] + ([f"no. {e['number']}"] if "number" in e else []) + \
        ([e["year"]] if "year" in e else []) + ([f"pp. {dash(e['pages'])}"] if "pages" in e else [])
    return f"{_end(a)} \u201c{title_case(e['title'])}.\u201d {', '.join(parts)}.{doi}"


def _chicago(e: dict) -> str:
    (f, g), rest = e["author"][0], e["author"][1:]
    a = joined([f"{f}, {g}"] + [f"{g2} {f2}" for f2, g2 in rest], " and ", pair=True)
    head = f"{_end(a)} {_end(e.get('year', 'n.d.'))} "
    doi = f" https://doi.org/{e['doi']}." if "doi" in e else ""
    if e["kind"] == "book":
        ed = f" {ordinal(e['edition'])} ed." if "edition" in e else ""
        pub = f"{e['address']}: {e['publisher']}" if "address" in e else e["publisher"]
        return f"{head}{title_case(e['title'])}.{ed} {pub}.{doi}"
    src = f"{e['journal']} {e['volume']}" + (f" ({e['number']})" if "number" in e else "")
    return f"{head}\u201c{title_case(e['title'])}.\u201d {src}{': ' + dash(e['pages']) if 'pages' in e else ''}.{doi}"


def _harvard(e: dict) -> str:
    names = [f"{f}, {initials(g, '')}" for f, g in e["author"]]
    a = joined(names, " and ", serial=False) if len(names) <= 3 else f"{names[0]} et al."
    head = f"{a} ({e.get('year', 'no date')}) "
    doi = f" Available at: https://doi.org/{e['doi']}." if "doi" in e else ""
    if e["kind"] == "book":
        ed = f" {ordinal(e['edition'])} edn." if "edition" in e else ""
        pub = f"{e['address']}: {e['publisher']}" if "address" in e else e["publisher"]
        return f"{head}{e['title']}.{ed} {pub}.{doi}"
    src = e["journal"] + f", {e['volume']}" + (f"({e['number']})" if "number" in e else "")
    return f"{head}\u2018{e['title']}\u2019, {src}{', pp. ' + dash(e['pages']) if 'pages' in e else ''}.{doi}"


def _vancouver(e: dict) -> str:
    names = [f"{f} {initials(g, '').replace('.', '')}" for f, g in e["author"]]
    a = ", ".join(names) if len(names) <= 6 else ", ".join(names[:6]) + ", et al"
    year = e.get("year", "[date unknown]")
    doi = f" doi:{e['doi']}" if "doi" in e else ""
    if e["kind"] == "book":
        ed = f" {ordinal(e['edition'])} ed." if "edition" in e else ""
        return f"{a}. {e['title']}.{ed} {e.get('address', '[place unknown]')}: {e['publisher']}; {year}.{doi}"
    src = f"{year};{e['volume']}" + (f"({e['number']})" if "number" in e else "")
    return f"{a}. {e['title']}. {e['journal']}. {src}{':' + e['pages'].replace('--', '-') if 'pages' in e else ''}.{doi}"


def _ieee(e: dict) -> str:
    names = [f"{initials(g)} {f}" for f, g in e["author"]]
    a = joined(names, " and ") if len(names) <= 6 else f"{names[0]} et al."
    doi = [f"doi: {e['doi']}"] if "doi" in e else []
    if e["kind"] == "book":
        ed = f" {ordinal(e['edition'])} ed." if "edition" in e else ""
        pub = f"{e['address']}: {e['publisher']}" if "address" in e else e["publisher"]
        tail = [pub] + ([e["year"]] if "year" in e else [])
        return f"{a}, {title_case(e['title'])},{ed} " + ", ".join(tail + doi) + "."
    parts = [e["journal"], f"vol. {e['volume']}"] + ([f"no. {e['number']}"] if "number" in e else []) + \
        ([f"pp. {dash(e['pages'])}"] if "pages" in e else []) + ([e["year"]] if "year" in e else []) + doi
    return f"{a}, \u201c{e['title']},\u201d " + ", ".join(parts) + "."


_FORMAT = dict(zip(STYLES, (_apa, _mla, _chicago, _harvard, _vancouver, _ieee), strict=True))


def reference(e: dict[str, Any], style: str) -> str:
    """The entry's reference in a style (italics are left out: the reply is plain text)."""
    return _FORMAT[style](e)


def sort_key(e: dict[str, Any]) -> tuple:
    """An alphabetical reference list's order: the first author's family and given names, the year, the title."""
    f, g = e["author"][0]
    return f.lower(), g.lower(), e.get("year", "0000"), e["title"].lower()


def reference_list(es: list[dict[str, Any]], style: str) -> list[str]:
    """The entries' reference list in a style: numbered in the order given (cited order) for Vancouver and IEEE,
    alphabetical for the author-date styles."""
    if style in NUMBERED:
        return [f"{j}. {reference(e, style)}" if style == "Vancouver" else f"[{j}] {reference(e, style)}"
                for j, e in enumerate(es, 1)]
    return [reference(e, style) for e in sorted(es, key=sort_key)]


# ---- in-text citations (the author-date styles) ----
def _cited_names(e: dict, style: str, narrative: bool) -> str:
    fams = [f for f, _ in e["author"]]
    cut = 2 if style in ("APA 7", "MLA 9") else 3  # how many names before 'et al.' takes over
    if len(fams) > cut:
        return f"{fams[0]} et al."
    amp = " & " if style == "APA 7" and not narrative else " and "
    return joined(fams, amp, serial=style == "Chicago author-date")


def in_text(e: dict[str, Any], style: str, page: str | None) -> dict[str, str]:
    """The entry's parenthetical and narrative citations in an author-date style, with the page cited (or none)."""
    par, nar = _cited_names(e, style, False), _cited_names(e, style, True)
    if style == "MLA 9":
        return {"parenthetical": f"({par}{' ' + page if page else ''})",
                "narrative": f"{nar}{' (' + page + ')' if page else ''}"}
    year = e.get("year", "no date" if style == "Harvard" else "n.d.")
    loc = (f", p. {page}" if style in ("APA 7", "Harvard") else f", {page}") if page else ""
    sep = " " if style == "Chicago author-date" else ", "
    return {"parenthetical": f"({par}{sep}{year}{loc})", "narrative": f"{nar} ({year}{loc})"}


def page_in(e: dict[str, Any], rng: random.Random) -> str | None:
    """A page to cite: one within an article's page range, any for a book; none a third of the time."""
    if rng.random() < 0.33:
        return None
    if "pages" in e:
        a, b = map(int, e["pages"].split("--"))
        return str(rng.randint(a, b))
    return str(rng.randint(3, 280))


# ---- the replies ----
def format_reply(e: dict[str, Any], style: str) -> dict[str, Any]:
    ref = reference(e, style)
    return {"reply": ref, "obj": {"style": style, "reference": ref}}


def list_reply(es: list[dict[str, Any]], style: str) -> dict[str, Any]:
    refs = reference_list(es, style)
    return {"reply": "\n".join(refs), "obj": {"style": style, "references": refs}}


def cite_reply(e: dict[str, Any], style: str, page: str | None) -> dict[str, Any]:
    c = in_text(e, style, page)
    return {"reply": f"Parenthetical: {c['parenthetical']}\nNarrative: {c['narrative']}", "obj": {"style": style, **c}}


def record_list(rng: random.Random, inst: tuple[str, str], n: int) -> str:
    """n invented entries of a kind, each as BibTeX and then its reference in a style."""
    kind, style = inst
    out = []
    for j in range(n):
        e = entry(rng, kind)
        out.append(f"{j + 1}. {reference(e, style)}\n{bibtex(e)}")
    return "\n\n".join(out)


# ---- the pasted layouts found again ----
_STYLE = re.compile(rf"^Style: ({'|'.join(map(re.escape, STYLES))})$", re.M)
_PAGE = re.compile(r"^Page cited: (\d+|none)$", re.M)


def blocks(text: str) -> dict[str, Any]:
    """What a text pastes: the style asked for, the BibTeX entries, the page cited - only those it has."""
    out: dict[str, Any] = {}
    if m := _STYLE.search(text):
        out["style"] = m.group(1)
    if es := read_bibtex(text):
        out["entries"] = es
    if m := _PAGE.search(text):
        out["page"] = None if m.group(1) == "none" else m.group(1)
    return out


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
_style = {"type": "string", "enum": list(STYLES)}
FORMAT_SCHEMA = {"name": "formatted_reference", "strict": True, "schema": {
    **_obj, "required": ["style", "reference"], "properties": {"style": _style, "reference": {"type": "string"}}}}
LIST_SCHEMA = {"name": "reference_list", "strict": True, "schema": {
    **_obj, "required": ["style", "references"],
    "properties": {"style": _style, "references": {"type": "array", "items": {"type": "string"}}}}}
CITE_SCHEMA = {"name": "in_text_citation", "strict": True, "schema": {
    **_obj, "required": ["style", "parenthetical", "narrative"],
    "properties": {"style": {"type": "string", "enum": list(AUTHOR_DATE)}, "parenthetical": {"type": "string"},
                   "narrative": {"type": "string"}}}}
