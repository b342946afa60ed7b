"""Blind traffic variant v39: bibliographic reference formatting, where the operator grows a student reference
formatter's data out of the teacher. Each BibTeX entry formatted in every one of six citation styles, each style sent
alone (style_matrix), as a reference manager's plugin previews an entry in the styles its user hovers over, an
information-literacy course (one key a student) formats its shared entries and a journal's production desk converts
references to house style; each entry with every field and then with many sets of its optional fields withheld, each
version sent alone (field_dropout), as a university library formats every harvested record before and after its DOI
enrichment every night and a writing centre's students bring incomplete entries; each entry's in-text citations as
its author list grows one name at a time (author_ladder), as a manuscript editor's citation panel previews them each
time its user adds an author and a research-methods course (one key a student, shared entries) does its exercises.
The careful cot_harvester accounts ask how each reference was built like the research group and the production desk,
the careful hydra accounts are evening shifts under the quota like the information-literacy course, the sampling
accounts draw five sets of example references at once and sweep temperatures like the research group, the careful
mixed_into_chat accounts bring an item up in the second or third turn, and the agent is a cataloguing agent like the
library's own. Nothing in the corpus is harmful. No request field, surface, model or end-user id shape is
attack-only, client metadata does not cluster attack accounts, the v39 languages occur in attack and benign traffic,
follow-ups wait for reading in both, and response_text is logged for a share of attack and benign records alike. The
v39 set's bytes are pinned here for its dataset seed (FROZEN_SHA256: blind-v39 in extraction_eval's DATASETS uses
seed 566923), and generating it under another hash seed gives the same bytes. (v3 ... v38:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v39 as C
from benchmarks.traffic import corpus_v39_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v39 import BENIGN_V39
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 566923  # blind-v39's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v39 log at seed 566923, one day, scale 0.05 (the v39_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v39_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v39 set
# - seed 566923, four days, scale 1, 220,579 requests, 1,226 accounts, 407 of them attack accounts - hashed to
# 3a49dd6ddf7ea611d6cde5e0136bae3662cea0f71e3a557aca2cd2052f3e9049 when it was written.)
FROZEN_SHA256 = "ce3042f5cdd2459257bef34dd9908d91831486299b93a9c75ed1efb4178617d4"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "style_matrix", "field_dropout", "author_ladder"}
NEW_PERSONAS = {"cite_plugin", "catalogue_cleanup", "cite_preview", "biblio_lab", "library_skills_class",
                "referencing_class", "journal_production", "writing_centre_desk"}


@pytest.fixture(scope="module")
def v39_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v39")


@pytest.fixture(scope="module")
def v39_pasted(v39_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v39_src.blocks), by the record's index."""
    return B2.pasted(v39_log[0], S.blocks)


@pytest.fixture(scope="module")
def v39_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v39", SEED)


def test_v39_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v39_small) -> None:
    B.assert_frozen_and_no_label_leaks(v39_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V39, FROZEN_SHA256, "v39")


def test_v39_the_bytes_do_not_depend_on_the_hash_seed(v39_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v39_small[0], "v39", SEED, tmp_path)


def test_v39_logs_response_text_for_a_share_of_attack_and_benign_records(v39_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object, and
    attack and benign records both log JSON replies (under a schema, or in an Anthropic reply's text)."""
    records, labels = v39_log
    B.assert_logged_replies(records, labels, (395, 420))
    objs = Counter(labels[r["principal"]]["label"] for r in records if "response_text" in r and B2.logged_json(r))
    enough(json_a=objs["attack"], json_b=objs["benign"])


def test_v39_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; a pasted entry reads back as the entry it was written from; a reference, a
    reference list and in-text citations are right for the pasted entries, style and page (checked_* below); the
    pasted layouts are found again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v39")
    rng = random.Random(39)
    for _ in range(300):
        e = S.entry(rng)
        assert S.read_bibtex(f"x\n{S.bibtex(e)}\ny") == [{**e, "author": [tuple(a) for a in e["author"]]}]
        for cap, check in (("format", formats), ("reflist", lists), ("intext", cites)):
            sd = C.seed(rng, cap)
            got = S.blocks(C.text(sd, rng.randrange(3)))
            assert check(got, sd[2]["obj"]) and check(got, sd[2]["reply"].split("\n\n")[0]), (got, sd[2]["reply"])
        x = f"hi\n\n{C.seed(rng, 'format', 0)[2]['body']}\n\nthanks"
        assert set(S.blocks(x)) == {"style", "entries"}
        assert set(S.blocks(f"{C.seed(rng, 'intext')[2]['body']}\nthanks")) == {"style", "entries", "page"}
        assert set(S.blocks(C.seed(rng, "records")[2]["body"])) == {"style"}


def test_v39_the_styles_rules_on_fixed_entries() -> None:
    """The six styles written out by hand for one article (two authors, every field) and one book (seven authors, no
    place, no year), and the in-text citations' et al. thresholds."""
    art = {"kind": "article", "key": "okafor2019mixing", "author": [("Okafor", "Adaeze"), ("Lindqvist", "Per")],
           "title": "Tidal mixing in Eastholm: A ten-year study", "year": "2019", "journal": "Journal of Coastal "
           "Studies", "volume": "12", "number": "3", "pages": "45--67", "doi": "10.5555/a1234.56"}
    assert [S.reference(art, st) for st in S.STYLES] == [
        "Okafor, A., & Lindqvist, P. (2019). Tidal mixing in Eastholm: A ten-year study. Journal of Coastal Studies, "
        "12(3), 45\u201367. https://doi.org/10.5555/a1234.56",
        "Okafor, Adaeze, and Per Lindqvist. \u201cTidal Mixing in Eastholm: A Ten-Year Study.\u201d Journal of Coastal "
        "Studies, vol. 12, no. 3, 2019, pp. 45\u201367. https://doi.org/10.5555/a1234.56.",
        "Okafor, Adaeze, and Per Lindqvist. 2019. \u201cTidal Mixing in Eastholm: A Ten-Year Study.\u201d Journal of "
        "Coastal Studies 12 (3): 45\u201367. https://doi.org/10.5555/a1234.56.",
        "Okafor, A. and Lindqvist, P. (2019) \u2018Tidal mixing in Eastholm: A ten-year study\u2019, Journal of Coastal "
        "Studies, 12(3), pp. 45\u201367. Available at: https://doi.org/10.5555/a1234.56.",
        "Okafor A, Lindqvist P. Tidal mixing in Eastholm: A ten-year study. Journal of Coastal Studies. "
        "2019;12(3):45-67. doi:10.5555/a1234.56",
        "A. Okafor and P. Lindqvist, \u201cTidal mixing in Eastholm: A ten-year study,\u201d Journal of Coastal "
        "Studies, vol. 12, no. 3, pp. 45\u201367, 2019, doi: 10.5555/a1234.56."]
    book = {"kind": "book", "key": "tan2001gardens", "title": "Understanding community gardens", "edition": "2",
            "publisher": "Corbel Books", "author": [(f, "Mei Ling") for f in ("Tan", "Sato", "Eze", "Novak", "Rossi",
                                                                             "Demir", "Iyer")]}
    assert [S.reference(book, st) for st in S.STYLES] == [
        "Tan, M. L., Sato, M. L., Eze, M. L., Novak, M. L., Rossi, M. L., Demir, M. L., & Iyer, M. L. (n.d.). "
        "Understanding community gardens (2nd ed.). Corbel Books.",
        "Tan, Mei Ling, et al. Understanding Community Gardens. 2nd ed., Corbel Books.",
        "Tan, Mei Ling, Mei Ling Sato, Mei Ling Eze, Mei Ling Novak, Mei Ling Rossi, Mei Ling Demir, and Mei Ling "
        "Iyer. n.d. Understanding Community Gardens. 2nd ed. Corbel Books.",
        "Tan, M.L. et al. (no date) Understanding community gardens. 2nd edn. Corbel Books.",
        "Tan ML, Sato ML, Eze ML, Novak ML, Rossi ML, Demir ML, et al. Understanding community gardens. 2nd ed. "
        "[place unknown]: Corbel Books; [date unknown].",
        "M. L. Tan et al., Understanding Community Gardens, 2nd ed. Corbel Books."]
    three = S.first_authors(art | {"author": art["author"] + [("Mensah", "Kofi")]}, 3)
    assert [S.in_text(three, st, "50")["parenthetical"] for st in S.AUTHOR_DATE] == [
        "(Okafor et al., 2019, p. 50)", "(Okafor et al. 50)", "(Okafor, Lindqvist, and Mensah 2019, 50)",
        "(Okafor, Lindqvist and Mensah, 2019, p. 50)"]
    assert [S.in_text(art, st, None)["narrative"] for st in S.AUTHOR_DATE] == [
        "Okafor and Lindqvist (2019)", "Okafor and Lindqvist", "Okafor and Lindqvist (2019)",
        "Okafor and Lindqvist (2019)"]


# ---- style_matrix and field_dropout ----
def test_v39_references_follow_the_style_and_the_sweeps_cross_styles_and_fields(v39_log, v39_pasted) -> None:
    """Every logged reference (JSON or prose) is the pasted entry in the pasted style; the blunt style_matrix scripts
    and the citation plugin send an entry in several styles in one minute, the blunt field_dropout scripts and the
    library's nightly job an entry with more and with fewer of its fields in one minute, and the careful accounts'
    entries reach several accounts."""
    records, labels = v39_log
    seen: dict[tuple[str, int], list[tuple[tuple, str, frozenset]]] = defaultdict(list)
    holders: dict[str, dict[tuple, set[str]]] = defaultdict(lambda: defaultdict(set))
    right: Counter = Counter()
    for i, hit in v39_pasted.items():
        r = records[i]
        if kind_of(hit) != "format":
            continue
        e, scenario = hit["entries"][0], labels[r["principal"]]["scenario"]
        seen[(r["principal"], int(r["ts"] // 60))].append((work(e), hit["style"], frozenset(e)))
        holders[scenario][work(e)].add(r["principal"])
        if "response_text" in r:
            assert formats(hit, logged(r)), (hit, r["response_text"])
            right[labels[r["principal"]]["label"]] += 1
    enough(ref_a=right["attack"], ref_b=right["benign"])
    styled: Counter = Counter()
    fewer: Counter = Counter()
    for (p, _), xs in seen.items():
        styled[labels[p]["scenario"]] += sum(any(w == v and st != su for v, su, _ in xs) for w, st, _ in xs)
        fewer[labels[p]["scenario"]] += sum(any(w == v and f < g for v, _, g in xs) for w, _, f in xs)
    enough(styles_a=styled["style_matrix"], styles_b=styled["cite_plugin"], fewer_a=fewer["field_dropout"],
           fewer_b=fewer["catalogue_cleanup"])
    enough(style_spread=sum(len(ps) >= 2 for ps in holders["style_matrix"].values()),
           field_spread=sum(len(ps) >= 2 for ps in holders["field_dropout"].values()))


def test_v39_reference_lists_are_in_the_styles_order(v39_log, v39_pasted) -> None:
    """Every logged reference list (JSON or prose) holds one reference for each pasted entry, numbered in the order
    pasted for Vancouver and IEEE and alphabetical by the first author for the author-date styles."""
    records, labels = v39_log
    right: Counter = Counter()
    for i, hit in v39_pasted.items():
        r = records[i]
        if kind_of(hit) == "reflist" and "response_text" in r:
            assert lists(hit, logged(r)), (hit, r["response_text"])
            right[labels[r["principal"]]["label"]] += 1
    enough(list_a=right["attack"], list_b=right["benign"])


# ---- author_ladder ----
def test_v39_in_text_citations_switch_to_et_al_and_the_ladders_grow(v39_log, v39_pasted) -> None:
    """Every logged in-text citation (JSON or prose) is right for the pasted entry, style and page; the blunt
    author_ladder scripts and the manuscript editor send an entry with one more author at a time, each within two
    minutes of the one before; the research-methods course asks about entries of one to eight authors; the careful
    accounts' entries reach several accounts."""
    records, labels = v39_log
    last: dict[str, tuple[float, tuple, tuple]] = {}
    grown: Counter = Counter()
    sizes: dict[str, set[int]] = defaultdict(set)
    takers: dict[tuple, set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in sorted(v39_pasted.items(), key=lambda x: records[x[0]]["ts"]):
        r = records[i]
        if kind_of(hit) != "intext":
            continue
        e, p, scenario = hit["entries"][0], r["principal"], labels[r["principal"]]["scenario"]
        names = tuple(e["author"])
        t0, w0, before = last.get(p, (0.0, (), ()))
        grown[scenario] += r["ts"] - t0 < 120 and w0 == work(e) and names[:-1] == before and len(names) > 1
        last[p] = (r["ts"], work(e), names)
        sizes[scenario].add(len(names))
        if scenario == "author_ladder":
            takers[work(e)].add(p)
        if "response_text" in r:
            assert cites(hit, logged(r)), (hit, r["response_text"])
            right[labels[p]["label"]] += 1
    enough(cite_a=right["attack"], cite_b=right["benign"], grow_a=grown["author_ladder"],
           grow_b=grown["cite_preview"], ladder_spread=sum(len(ps) >= 2 for ps in takers.values()))
    assert sizes["author_ladder"] >= set(range(1, 9)) and sizes["referencing_class"] >= set(range(1, 9))


# ---- the recurring families ----
def test_v39_careful_cot_harvesters_ask_why_like_the_research_group_and_the_production_desk(v39_log) -> None:
    from benchmarks.traffic.attacks_v39 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v39_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "biblio_lab": LOW["why_r"],
                                                                          "journal_production": LOW["why_q"]})


def test_v39_hydra_stays_under_quota_and_opens_in_waves_like_the_information_literacy_course(v39_log) -> None:
    records, labels = v39_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "library_skills_class",
                                                        min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v39_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v39_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v39_log, C.asks_harvest)


def test_v39_agents_call_the_save_tool_in_attack_and_benign_traffic(v39_log) -> None:
    B.assert_agents_call_the_tools(*v39_log, "save_reference", {"agentic_distill": LOW["agent_a"],
                                                                "catalogue_cleanup": LOW["agent_b"]},
                                   ("agentic_distill", "catalogue_cleanup"), {CHAT, ANTH, RESP})


def test_v39_temperature_sweeps_and_several_samples_at_once_like_the_research_group(v39_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v39_log, {"sampling": LOW["tsweep_a"], "biblio_lab": LOW["tsweep_b"]},
                                            min_n=5)


def test_v39_attack_and_benign_traffic_look_alike(v39_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v39 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v39_log, C.WRAP, ("hydra", "paraphrased", "style_matrix",
                                                                     "field_dropout", "author_ladder"))


def test_v39_no_request_field_or_surface_is_attack_only(v39_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v39_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


def test_v39_end_users_of_the_careful_accounts_look_like_the_twins_users(v39_log) -> None:
    B.assert_end_user_shares(*v39_log, {
        ("style_matrix", "member-"): 0.03, ("field_dropout", "stu_"): 0.03, ("author_ladder", "end-user-"): 0.03,
        ("library_skills_class", "stu_"): 0.99, ("referencing_class", "stu_"): 0.99,
        ("writing_centre_desk", "stu_"): 0.99, ("cite_plugin", "member-"): 0.99, ("journal_production", "member-"): 0.99,
        ("biblio_lab", "member-"): 0.99, ("cite_preview", "end-user-"): 0.99})


def test_v39_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v39_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v39_log, *ATTACK_TYPES, *NEW_PERSONAS), v39_log[1]))


# ---- what a pasted entry, style and page give, read back from the text ----
def logged(r: dict) -> dict | str:
    """A logged reply: its JSON object, or its first paragraph (the reference, the list or the citations; a careful
    account's or a blunt cot_harvester's reasoning follows it)."""
    return B2.logged_json(r) or r["response_text"].split("\n\n")[0]


def kind_of(hit: dict) -> str | None:
    """What a pasted part asks for: in-text citations (a page line), a reference list (several entries) or one
    reference (one entry) - in a style; None: no entry or no style."""
    if "style" not in hit or "entries" not in hit:
        return None
    return "intext" if "page" in hit else "reflist" if len(hit["entries"]) > 1 else "format"


def work(e: dict) -> tuple:
    """What names a work whatever its fields: its key, title and first author."""
    return e["key"], e["title"], e["author"][0]


_NO_YEAR = {"APA 7": "(n.d.)", "MLA 9": "", "Chicago author-date": "n.d.", "Harvard": "(no date)",
            "Vancouver": "[date unknown]", "IEEE": ""}


def sound(e: dict, style: str, ref: str) -> bool:
    """What any reference in the style shows of the entry, checked apart from corpus_v39_src's rules: the first
    author's family name, the title (in either case), the journal or publisher, the year or the style's stand-in, and
    the DOI and the pages exactly when the entry has them."""
    year = e.get("year", _NO_YEAR[style])
    pages = e.get("pages", "")
    return (e["author"][0][0] in ref.split(",")[0] and e["title"].lower() in ref.lower()
            and e.get("journal", e.get("publisher")) in ref and year in ref
            and (e.get("doi", "\x00") in ref) == ("doi" in e)
            and (bool(pages) and (pages.replace("--", "\u2013") in ref or pages.replace("--", "-") in ref))
            == ("pages" in e))


def formats(hit: dict, reply: dict | str) -> bool:
    """Whether a reference (the text, or a JSON reply's) is the pasted entry in the pasted style."""
    e, style = hit["entries"][0], hit["style"]
    if isinstance(reply, dict):
        if reply["style"] != style:
            return False
        reply = reply["reference"]
    return reply == S.reference(e, style) and sound(e, style, reply)


def lists(hit: dict, reply: dict | str) -> bool:
    """Whether a reference list (the text, or a JSON reply's) holds each pasted entry's reference once, numbered in
    the pasted order for the numbered styles and in the order of the first authors' names for the others."""
    es, style = hit["entries"], hit["style"]
    if isinstance(reply, dict):
        if reply["style"] != style:
            return False
        rows = reply["references"]
    else:
        rows = reply.split("\n")
    if len(rows) != len(es):
        return False
    if style in S.NUMBERED:
        marks = [f"{j}. " if style == "Vancouver" else f"[{j}] " for j in range(1, len(es) + 1)]
        return all(row == m + S.reference(e, style) for row, m, e in zip(rows, marks, es, strict=True))
    order = sorted(es, key=lambda e: (e["author"][0][0].lower(), e["author"][0][1].lower(), e.get("year", ""),
                                      e["title"].lower()))
    return rows == [S.reference(e, style) for e in order] and all(sound(e, style, x)
                                                                  for e, x in zip(order, rows, strict=True))


def cites(hit: dict, reply: dict | str) -> bool:
    """Whether in-text citations (the text, or a JSON reply's) are the pasted entry's in the pasted style with the
    pasted page, and name the first author, 'et al.' exactly from the style's threshold on, the year (not in MLA)
    and the page."""
    e, style, page = hit["entries"][0], hit["style"], hit["page"]
    if isinstance(reply, dict):
        if reply["style"] != style:
            return False
        par, nar = reply["parenthetical"], reply["narrative"]
    else:
        lines = reply.split("\n")
        if len(lines) != 2 or not lines[0].startswith("Parenthetical: ") or not lines[1].startswith("Narrative: "):
            return False
        par, nar = lines[0].split(": ", 1)[1], lines[1].split(": ", 1)[1]
    want = S.in_text(e, style, page)
    many = len(e["author"]) > (2 if style in ("APA 7", "MLA 9") else 3)
    year = e.get("year", "n.d.")
    return ((par, nar) == (want["parenthetical"], want["narrative"]) and par.startswith(f"({e['author'][0][0]}")
            and ("et al." in par) == many and (style == "MLA 9" or year in par or "no date" in par)
            and (page is None or par.endswith(f"{page})")))


def enough(**counts: int) -> None:
    """Each count is at least LOW's."""
    short = {k: (n, LOW[k]) for k, n in counts.items() if n < LOW[k]}
    assert not short, short


LOW = {"json_a": 1715, "json_b": 1000, "ref_a": 3880, "ref_b": 145, "styles_a": 2800, "styles_b": 1195,
       "fewer_a": 2255, "fewer_b": 700, "style_spread": 320, "field_spread": 233, "list_a": 515, "list_b": 17,
       "cite_a": 3605, "cite_b": 1115, "grow_a": 3055, "grow_b": 1115, "ladder_spread": 267, "why_a": 200,
       "why_r": 192, "why_q": 57, "agent_a": 1545, "agent_b": 97, "tsweep_a": 107, "tsweep_b": 76}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written)."""
