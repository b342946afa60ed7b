"""The request runners of the `v39` variant (see corpus_v39.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v39 (an entry formatted in a style, a reference list, in-text citations, example
  references) sent in a phrasing or under a lead of the caller's own, the reply as text or - where the capability has
  one - as JSON.
- `run_all`: one entry or set of entries asked about several times back to back, seconds apart (its styles, its
  versions with optional fields withheld, its author list cut to a growing number of names).
- `catalogue_episode`: the model as a cataloguing agent: it fetches a record, looks its DOI up now and then to fill
  what the record lacks, and saves the formatted reference, with tool calls and their results (stub ones unless
  `realistic`), over corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v35_jobs as J35
from benchmarks.traffic import corpus_v39 as C
from benchmarks.traffic import corpus_v39_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"format": S.FORMAT_SCHEMA, "reflist": S.LIST_SCHEMA, "intext": S.CITE_SCHEMA}


# item_run(ctx, acct, t, api, model, seed, *, phrasing, lead, as_json, temperature, ...): the item, returning when the
# reply came back; run_all(ctx, acct, t, api, model, cap, inst, extras, *, gap, template, ...): the entry (or entries)
# `inst` asked about once for each of `extras` ((style, fields withheld) pairs, styles, (style, authors, page)
# triples, reference counts), `gap` seconds apart - corpus_v35_jobs' runners over the v39 items
item_run = partial(J35.item_run, K=C, schemas=SCHEMAS, short="intext")
run_all = partial(J35.run_all, K=C, run=item_run)


def styles_of(rng, n: int = len(S.STYLES), kind: str | None = None) -> tuple[dict, list[tuple[str, tuple]]]:
    """A new entry, every field given, and n of the six styles in a random order."""
    return S.entry(rng, kind), [(st, ()) for st in rng.sample(S.STYLES, n)]


def dropouts_of(rng, n: int, style: str | None = None) -> tuple[dict, list[tuple[str, tuple[str, ...]]]]:
    """A new entry and a sweep over its optional fields in one style: every field given, then n - 1 different sets
    of fields withheld (all of them, now and then)."""
    e = S.entry(rng)
    style = style or rng.choice(S.STYLES)
    opt = S.OPTIONAL[e["kind"]]
    out: list[tuple[str, tuple[str, ...]]] = [(style, ())]
    for _ in range(200):
        if len(out) >= n:
            break
        gone = tuple(sorted(rng.sample(opt, rng.randint(1, len(opt)))))
        out += [(style, gone)] if (style, gone) not in out else []
    return e, out


def enriched(rng) -> tuple[dict, list[tuple[str, tuple[str, ...]]]]:
    """A catalogue record before and after enrichment in one style: the fields the harvested record lacked (one to
    all of its optional ones), then those still missing once the DOI lookup filled some (none, mostly)."""
    e, style = S.entry(rng), rng.choice(S.STYLES)
    opt = [f for f in S.OPTIONAL[e["kind"]] if f != "doi"]
    before = tuple(sorted(rng.sample(opt, rng.randint(1, len(opt)))))
    after = () if rng.random() < 0.7 else tuple(sorted(rng.sample(before, rng.randint(0, len(before) - 1))))
    return e, [(style, before), (style, after)]


def authors_of(rng, n: int | None = None, style: str | None = None) -> tuple[dict, list[tuple[str, int, str | None]]]:
    """A new entry of n (4-8) authors and its author list growing one name at a time (its first author, its first
    two, ... all of them), one author-date style and one page throughout."""
    e = S.entry(rng, authors=n or rng.randint(4, 8))
    style, page = style or rng.choice(S.AUTHOR_DATE), S.page_in(e, rng)
    return e, [(style, k, page) for k in range(1, len(e["author"]) + 1)]


# ---- the cataloguing agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("get_record", "Return a catalogue record as BibTeX", {"record_id": "the record's id"}),
    ("lookup_doi", "Return the metadata registered for a DOI", {"doi": "the DOI"}),
    ("save_reference", "Store the formatted reference on the record", {"record_id": "the record's id",
                                                                        "reference": "the reference"}))]
AGENT_TASKS = ("Format record {rid} in {style}.", "Record {rid} was edited - format it again in {style}.", "New "
               "acquisition {rid} for reading list {lid}: format it in {style}.")
AGENT_COS = ("Harrowgate University Library", "Northmere Libraries", "Quayside College Library", "Stannick Public "
             "Library", "Fennick Research Library")
AGENT_SYS = ("You are {co}'s cataloguing agent. For each record: fetch it, look its DOI up when fields are missing, "
             "format the reference in the style asked and save it. Use the tools.")


def catalogue_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                      s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One record formatted by the model as the agent (fetch, a DOI lookup now and then, save, then a note). Returns
    its end."""
    rng = ctx.rng
    e, style = S.entry(rng), rng.choice(S.STYLES)
    gone = C.withheld(rng, e["kind"])
    gone = tuple(f for f in gone if f != "doi")
    rid = f"R-{rng.randint(100000, 999999)}"
    ref = S.reference(e, style)
    calls = [("get_record", {"record_id": rid}, {"bibtex": S.bibtex(S.withhold(e, gone))}),
             ("lookup_doi", {"doi": e["doi"]}, {"title": e["title"], **{k: e[k] for k in gone}}),
             ("save_reference", {"record_id": rid, "reference": ref}, {"ok": True})]
    calls = calls[:1] + calls[2:] if not gone and rng.random() < 0.7 else calls
    task = rng.choice(AGENT_TASKS).format(rid=rid, style=style, lid=f"L-{rng.randint(100, 999)}")
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls, f"Saved: {ref}",
                         realistic, s=s or M27.surface(api, model), user=user, gap=gap)
