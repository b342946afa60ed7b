"""Attack campaigns of `variant="v39"`, continued (attacks_v39.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v39-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v39 items).
- agentic_distill: 10 accounts with the teacher as a cataloguing agent (fetch a record, look its DOI up, save the
  formatted reference).
- style_matrix (new): one entry, every field given, formatted in each of the six styles, each style sent alone - the
  same facts written by every style's rules side by side, the pairs a student formatter learns to convert between.
  The blunt scripts send an entry's six styles back to back as JSON; the moderate ones an entry's styles in turn, one
  a request; the careful accounts each take one of three styles of an entry.
- field_dropout (new): one entry with every field given and then with many sets of its optional fields withheld (no
  issue, no pages, no DOI, no year; no edition, no place, ...), each version sent alone in one style - what each
  style writes when a part is missing (n.d., [date unknown], [place unknown], a shorter source line). The blunt
  scripts send an entry's sweep back to back as JSON; the moderate ones its versions in order, one a request, with
  reasoning; the careful accounts each take one of four versions of an entry.
- author_ladder (new): one entry's author list cut to its first name, its first two, ... all of them, each cut sent
  alone for its in-text citations in one author-date style - where each style joins names with 'and' or '&' and from
  how many names it writes 'et al.'. The blunt scripts run an entry's ladder seconds apart; the moderate ones a rung
  a request as JSON, an entry's rungs hours apart; the careful accounts each take one of three rungs of an entry.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v39 as C
from benchmarks.traffic import corpus_v39_jobs as J
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.attacks_v34_more import JSON_SURFACES, blunt
from benchmarks.traffic.attacks_v34_more import dealt as _dealt
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v39 languages
user_ids = M31.user_ids
dealt = partial(_dealt, corpus=C)  # a campaign's 20 careful accounts speaking the v39 items
FORMAT_SYS = ("You format bibliographic references from BibTeX entries in the citation style asked for, using only "
              "the fields given. Reply with JSON only: the style and the reference.")
CITE_SYS = ("You write in-text citations from BibTeX entries in the author-date style asked for: the parenthetical "
            "form and the narrative form. Reply with JSON only.")

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.catalogue_episode, cos=J.AGENT_COS)


def _sweeps(ctx: Ctx, accounts, new: Callable[[], tuple], capability: str, template: int, **kw) -> None:
    """Each account works through one entry's sweep at a time (a new entry when the last is done), one item a
    request, in the order the sweep lists them."""
    rng = ctx.rng
    for acct, api, model, s, times in accounts:
        inst, left = None, []
        for t in times:
            if not left:
                inst, extras = new()
                left = list(reversed(extras))
            J.item_run(ctx, acct, t, api, model, C.seed(rng, capability, template, inst, left.pop()), s=s, **kw)


# ---- style_matrix ----
def style_matrix(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under FORMAT_SYS (JSON, temperature 0), a new entry in all six styles back
    to back 2-6 s apart, 50-80 entries a day. Accounts 2-5 (moderate): Responses gpt-4.1 with text.format or Anthropic
    claude-sonnet-4-5 with FORMAT_SYS cached, 100-200 a day at local 8-20h: the open entry's next style as JSON.
    Accounts 6-25 (careful): three styles of an entry dealt over three accounts (member-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "style_matrix", "v39-styles", (50, 80), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1", "format", *J.styles_of(rng), gap=(2, 6), template=rng.randrange(4),
        as_json=True, temperature=0.0, system=FORMAT_SYS))
    _sweeps(ctx, moderate(ctx, "style_matrix", "v39-styles", JSON_SURFACES, (100, 200), (8, 20), 0.2, cache=True),
            lambda: J.styles_of(rng), "format", 0, as_json=True, temperature=0.0, system=FORMAT_SYS)

    def three() -> list:
        (e, styles), t = J.styles_of(rng, 3), rng.randrange(4)
        return [C.seed(rng, "format", t, e, x) for x in styles]

    dealt(ctx, "style_matrix", "v39-styles", (9, 21), 0.5, "member-{n}", three, 3)


# ---- field_dropout ----
def field_dropout(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under FORMAT_SYS (JSON, temperature 0), a new entry with every field
    and then with 4-7 other sets of its optional fields withheld, one style, back to back 2-6 s apart, 60-90 entries a
    day. Accounts 2-5 (moderate): Responses o4-mini at medium effort or Anthropic claude-sonnet-4-5 with a thinking
    budget of 4,096, an entry's versions in order, one a request, 60-120 a day at local 8-20h. Accounts 6-25
    (careful): four versions of an entry dealt over four accounts (stu_{h} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "field_dropout", "v39-dropout", (60, 90), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1-mini", "format", *J.dropouts_of(rng, rng.randint(5, 8)), gap=(2, 6),
        template=rng.randrange(4), as_json=True, temperature=0.0, system=FORMAT_SYS))
    _sweeps(ctx, moderate(ctx, "field_dropout", "v39-dropout", ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5")),
                          (60, 120), (8, 20), 0.2, effort="medium", summary="auto", budget=4096),
            lambda: J.dropouts_of(rng, 4), "format", 2, temperature=None)

    def four() -> list:
        (e, cells), t = J.dropouts_of(rng, 4), rng.randrange(4)
        return [C.seed(rng, "format", t, e, x) for x in cells]

    dealt(ctx, "field_dropout", "v39-dropout", (14, 23), 0.6, "stu_{h}", four, 4)


# ---- author_ladder ----
def author_ladder(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under CITE_SYS at temperature 0.7, a new entry's ladder (its first
    author, its first two, ... all 4-8) back to back 1-3 s apart, 60-100 entries a day. Accounts 2-5 (moderate): JSON
    on Responses gpt-4.1 or Anthropic claude-sonnet-4-5 with CITE_SYS cached, 100-200 a day at local 8-20h: the open
    entry's next rung. Accounts 6-25 (careful): three rungs of an entry dealt over three accounts (end-user-{n} on
    half the keys)."""
    rng = ctx.rng
    blunt(ctx, "author_ladder", "v39-authors", (60, 100), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1-mini", "intext", *J.authors_of(rng), template=rng.randrange(4), system=CITE_SYS))
    _sweeps(ctx, moderate(ctx, "author_ladder", "v39-authors", JSON_SURFACES, (100, 200), (8, 20), 0.2, cache=True),
            lambda: J.authors_of(rng), "intext", 1, as_json=True, temperature=0.0, system=CITE_SYS)

    def three() -> list:
        (e, rungs), t = J.authors_of(rng), rng.randrange(4)
        return [C.seed(rng, "intext", t, e, x) for x in sorted(rng.sample(rungs, 3), key=lambda x: x[1])]

    dealt(ctx, "author_ladder", "v39-authors", (10, 22), 0.6, "end-user-{n}", three, 3)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, style_matrix, field_dropout,
                                                       author_ladder)
