"""Blind traffic variant v41: calendar and time-zone arithmetic, where the operator grows a student time-zone
converter's data out of the teacher. Each local time converted to eight other zones, each target sent alone
(zone_matrix), as a meeting planner's "show in" panel converts a typed time into the zones its user ticks, a
geography course's time-zone unit (one key a student) converts its shared times and a travel agency's desk converts
itineraries; a weekly meeting's time over eight consecutive weeks across a change of the clocks, each week sent alone
(dst_sweep), as a calendar service's nightly job expands every recurring meeting for attendees in other zones and a
calendar product's help forum brings users' own meetings; one zone pair's day in eight three-hour steps, each sent
alone (hour_sweep), as a broadcaster's schedule tool converts a day's programme slots to a market's zone and a
shift-work course (one key a student, shared times) does its rota exercises. The careful cot_harvester accounts ask
how each time was got like the chronometry group and the travel desk, the careful hydra accounts are evening shifts
under the quota like the zones course, the sampling accounts draw five sets of practice problems at once and sweep
temperatures like the chronometry group, the careful mixed_into_chat accounts bring an item up in the second or third
turn, and the agent is a scheduling agent like the calendar service's own. Nothing in the corpus is harmful. No
request field, surface, model or end-user id shape is attack-only, client metadata does not cluster attack accounts,
the v41 languages occur in attack and benign traffic, follow-ups wait for reading in both, and response_text is
logged for a share of attack and benign records alike. The v41 set's bytes are pinned here for its dataset seed
(FROZEN_SHA256: blind-v41 in extraction_eval's DATASETS uses seed 594662), and generating it under another hash seed
gives the same bytes. Every logged conversion, world clock table, flight time and practice problem is checked against
the pasted input by the standard library's zoneinfo (the IANA rules, an implementation independent of
corpus_v41_src's own), and the rules by hand-written cases. (v3 ... v40: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from benchmarks.traffic import corpus_v41 as C
from benchmarks.traffic import corpus_v41_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v41 import BENIGN_V41
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 594662  # blind-v41's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v41 log at seed 594662, one day, scale 0.05 (the v41_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v41_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v41 set
# - seed 594662, four days, scale 1, 230,302 requests, 1,220 accounts, 407 of them attack accounts - hashed to
# b12c07363f11065a30645625be2b516604ed5a18b5222792d80ab80e3264d7bd when it was written.)
FROZEN_SHA256 = "ebd6cc13106c3d6db4f5d1e52d596a14919edf6c19578cd027c98c0c392734e8"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "zone_matrix", "dst_sweep", "hour_sweep"}
NEW_PERSONAS = {"meeting_planner", "calendar_sync", "broadcast_grid", "chrono_lab", "zones_class", "rota_class",
                "travel_desk", "help_forum"}


@pytest.fixture(scope="module")
def v41_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v41")


@pytest.fixture(scope="module")
def v41_pasted(v41_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v41_src.blocks), by the record's index."""
    return B2.pasted(v41_log[0], S.blocks)


@pytest.fixture(scope="module")
def v41_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v41", SEED)


def test_v41_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v41_small) -> None:
    B.assert_frozen_and_no_label_leaks(v41_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V41, FROZEN_SHA256, "v41")


def test_v41_the_bytes_do_not_depend_on_the_hash_seed(v41_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v41_small[0], "v41", SEED, tmp_path)


def test_v41_logs_response_text_for_a_share_of_attack_and_benign_records(v41_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object, and
    attack and benign records both log JSON replies (under a schema, or in an Anthropic reply's text)."""
    records, labels = v41_log
    B.assert_logged_replies(records, labels, (395, 420))
    objs = Counter(labels[r["principal"]]["label"] for r in records if "response_text" in r and B2.logged_json(r))
    enough(json_a=objs["attack"], json_b=objs["benign"])


def test_v41_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; a pasted local time, table or flight reads back as written; every reply (text
    and JSON) is right for the pasted input by zoneinfo (converts, tables, flights); every practice problem's answer
    is right; no pasted local time is one the clock skips or shows twice; the pasted layouts are found again in any
    text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v41")
    rng = random.Random(41)
    for _ in range(300):
        for cap, check in (("convert", converts), ("table", tables), ("span", spans)):
            sd = C.seed(rng, cap)
            got = S.blocks(C.text(sd, rng.randrange(3)))
            assert kind_of(got) == cap and check(got, sd[2]["obj"]) and check(got, sd[2]["reply"]), (got, sd)
        sd = C.seed(rng, "records")
        got = S.blocks(sd[2]["body"])
        assert set(got) == {"home", "year"} and problems_right(sd[2]["reply"], got) == sd[2]["n"]
        x = f"hi\n\n{C.seed(rng, 'convert', 0)[2]['body']}\n\nthanks"
        assert set(S.blocks(x)) == {"moment", "to"} and once(S.blocks(x)["moment"])


def test_v41_the_rules_on_fixed_times() -> None:
    """Conversions across the changes of the clocks, half- and three-quarter-hour zones and the date line, worked out
    by hand; the local times a clock skips or shows twice; a flight's elapsed time; the rules' Sundays."""
    cases = {("2026-03-05 09:30", "Europe/Berlin", "America/New_York"): "2026-03-05 03:30 (UTC+01:00 / UTC-05:00)",
             ("2026-03-12 09:30", "Europe/Berlin", "America/New_York"): "2026-03-12 04:30 (UTC+01:00 / UTC-04:00)",
             ("2026-03-30 09:30", "Europe/Berlin", "America/New_York"): "2026-03-30 03:30 (UTC+02:00 / UTC-04:00)",
             ("2026-07-01 12:00", "Asia/Kathmandu", "Asia/Kolkata"): "2026-07-01 11:45 (UTC+05:45 / UTC+05:30)",
             ("2026-01-15 08:00", "Australia/Sydney", "Europe/London"): "2026-01-14 21:00 (UTC+11:00 / UTC+00:00)",
             ("2026-07-15 08:00", "Australia/Sydney", "Europe/London"): "2026-07-14 23:00 (UTC+10:00 / UTC+01:00)",
             ("2027-09-26 12:00", "Pacific/Auckland", "Pacific/Honolulu"): "2027-09-25 13:00 (UTC+13:00 / UTC-10:00)",
             ("2027-09-25 12:00", "Pacific/Auckland", "Pacific/Honolulu"): "2027-09-24 14:00 (UTC+12:00 / UTC-10:00)",
             ("2026-11-01 12:00", "America/Phoenix", "America/Denver"): "2026-11-01 12:00 (UTC-07:00 / UTC-07:00)",
             ("2026-10-31 12:00", "America/Phoenix", "America/Denver"): "2026-10-31 13:00 (UTC-07:00 / UTC-06:00)",
             ("2026-12-31 23:30", "Atlantic/Reykjavik", "Asia/Tokyo"): "2027-01-01 08:30 (UTC+00:00 / UTC+09:00)"}
    for (when, zone, to), want in cases.items():
        d, t = when.split()
        day, clock, offs = want.split(" ", 2)
        o1, o2 = offs.strip("()").split(" / ")
        got = S.convert_reply({"zone": zone, "date": d, "time": t}, to)["reply"]
        assert got == f"{when} {zone} ({o1}) = {day} {clock} {to} ({o2})", got
    for when, zone in (("2026-03-08 02:30", "America/New_York"), ("2026-11-01 01:30", "America/New_York"),
                       ("2026-03-29 01:30", "Europe/London"), ("2026-10-25 01:30", "Europe/London"),
                       ("2026-03-29 03:30", "Europe/Helsinki"), ("2026-04-05 02:30", "Australia/Sydney"),
                       ("2026-10-04 02:30", "Australia/Sydney"), ("2027-09-26 02:30", "Pacific/Auckland")):
        assert S.to_utc(zone, datetime.fromisoformat(when)) is None, (when, zone)
        assert S.to_utc(zone, datetime.fromisoformat(when) + timedelta(hours=3)) is not None, (when, zone)
    f = {"dep": {"zone": "Europe/London", "date": "2026-03-28", "time": "22:00"},
         "arr": {"zone": "Asia/Singapore", "date": "2026-03-29", "time": "18:30"}}
    assert S.span_reply(f)["reply"] == "Departure (UTC): 2026-03-28 22:00\nArrival (UTC): 2026-03-29 10:30\nElapsed: " \
                                      "12 h 30 min"
    assert [str(S.sunday(*x)) for x in ((2026, 3, -1), (2027, 3, -1), (2027, 3, 2), (2027, 11, 1), (2026, 9, -1),
                                        (2027, 10, 1))] == ["2026-03-29", "2027-03-28", "2027-03-14", "2027-11-07",
                                                            "2026-09-27", "2027-10-03"]
    assert [S.utc_offset(x) for x in (-570, 345, 0, -600)] == ["UTC-09:30", "UTC+05:45", "UTC+00:00", "UTC-10:00"]


# ---- zone_matrix, dst_sweep and hour_sweep ----
def test_v41_the_sweep_makers_sweep() -> None:
    """corpus_v41_jobs' sweeps as the campaigns and their twins draw them, checked by zoneinfo: eight distinct other
    zones for one local time; eight consecutive weeks of one weekly time across a change of the clocks in one of the
    two zones (or both), the gap between them moving by an hour in most (a pair changing on the same day stays put);
    eight three-hour steps from just after midnight through the whole day, the target's date rolling over when the
    zones are far enough apart; the twins' occurrences and slots some of those, in order; every pasted time shown
    once by its clock."""
    from benchmarks.traffic import corpus_v41_jobs as J

    rng = random.Random(4141)
    moved = rolled = 0
    for _ in range(200):
        q, cells = J.zones_of(rng)
        assert len({z for z, _, _ in cells}) == 8 and q["zone"] not in {z for z, _, _ in cells} and \
            all(d == m == 0 for _, d, m in cells)
        q, cells = J.weeks_of(rng)
        qs = [(S.shifted(q, d, m), to) for to, d, m in cells]
        assert [d for _, d, _ in cells] == [7 * j for j in range(8)] and len({to for _, to in qs}) == 1
        assert all(once(x) for x, _ in qs) and len({wall(x).weekday() for x, _ in qs}) == 1
        offsets = {(aware(x).utcoffset(), there(x, to).utcoffset()) for x, to in qs}
        assert len(offsets) >= 2, qs  # one of the two zones (or both) changes its clocks within the eight weeks
        moved += len({gap(*x) for x in qs}) >= 2
        q, cells = J.hours_of(rng)
        qs = [(S.shifted(q, d, m), to) for to, d, m in cells]
        assert [wall(x).hour for x, _ in qs] == list(range(0, 24, 3)) and len({x["date"] for x, _ in qs}) == 1
        assert all(once(x) for x, _ in qs)
        rolled += len({there(*x).date() for x in qs}) == 2
        for make, k in ((J.recurring_of, 1), (J.slots_of, 2)):
            q, cells = make(rng)
            assert 3 <= len(cells) <= 6 and [c[k] for c in cells] == sorted({c[k] for c in cells})
    assert moved >= 120 and rolled >= 120, (moved, rolled)


def test_v41_conversions_are_right_and_the_sweeps_cross_zones_weeks_and_hours(v41_log, v41_pasted) -> None:
    """Every logged conversion (JSON or prose) is right for the pasted time and zones; the blunt zone_matrix scripts
    and the meeting planner send a time to another zone within a minute of the last; the blunt dst_sweep scripts send
    one zone pair's weekly time over eight consecutive weeks, each within a minute of the last, and the gap between the
    zones moves by an hour within a run, as the calendar service's nightly job does over three or more; the blunt
    hour_sweep scripts send one zone pair's day in eight three-hour steps, each within a minute of the last, the
    target's date rolling over within a run, as the schedule tool does over four or more; the careful accounts' sweeps
    reach several accounts."""
    records, labels = v41_log
    holders: dict[str, dict[tuple, set[str]]] = defaultdict(lambda: defaultdict(set))
    last: dict[str, tuple] = {}
    zones: Counter = Counter()
    weekly: Counter = Counter()
    stepped: Counter = Counter()
    widest: dict[str, Counter] = {"week": Counter(), "hour": Counter()}
    moved: Counter = Counter()
    rolled: Counter = Counter()
    right: Counter = Counter()
    for i, hit in sorted(v41_pasted.items(), key=lambda x: records[x[0]]["ts"]):
        r = records[i]
        if kind_of(hit) != "convert":
            continue
        p, q, to = r["principal"], hit["moment"], hit["to"]
        scenario, w = labels[p]["scenario"], wall(q)
        t0, q0, to0, runs = last.get(p, (0.0, {}, "", {"week": [], "hour": []}))
        near, same = r["ts"] - t0 < 60, bool(q0) and (q0["zone"], to0) == (q["zone"], to)
        zones[scenario] += near and q0 == q and to != to0
        week = near and same and w - wall(q0) == timedelta(days=7)
        hour = near and same and w - wall(q0) == timedelta(hours=3)
        weekly[scenario] += week
        stepped[scenario] += hour
        runs = {"week": runs["week"] + [(q, to)] if week else [(q, to)],
                "hour": runs["hour"] + [(q, to)] if hour else [(q, to)]}
        for k in ("week", "hour"):
            widest[k][scenario] = max(widest[k][scenario], len(runs[k]))
        moved[scenario] += week and len(runs["week"]) == 8 and len({gap(*x) for x in runs["week"]}) >= 2
        rolled[scenario] += hour and len({there(*x).date() for x in runs["hour"]}) == 2
        last[p] = (r["ts"], q, to, runs)
        holders[scenario][("zone", q["zone"], q["date"], q["time"])].add(p)
        holders[scenario][("week", q["zone"], to, q["time"], w.weekday())].add(p)
        holders[scenario][("hour", q["zone"], to, q["date"])].add(p)
        if "response_text" in r:
            assert converts(hit, logged(r)), (hit, r["response_text"])
            right[labels[p]["label"]] += 1
    enough(conv_a=right["attack"], conv_b=right["benign"], zones_a=zones["zone_matrix"],
           zones_b=zones["meeting_planner"], weeks_a=weekly["dst_sweep"], weeks_b=weekly["calendar_sync"],
           hours_a=stepped["hour_sweep"], hours_b=stepped["broadcast_grid"], moved_a=moved["dst_sweep"],
           rolled_a=rolled["hour_sweep"], rolled_b=rolled["broadcast_grid"])
    assert widest["week"]["dst_sweep"] >= 8 and widest["week"]["calendar_sync"] >= 3, widest
    assert widest["hour"]["hour_sweep"] >= 8 and widest["hour"]["broadcast_grid"] >= 4, widest
    enough(**{f"{s}_spread": sum(len(ps) >= 2 for k, ps in holders[s].items() if k[0] == kind)
              for s, kind in (("zone_matrix", "zone"), ("dst_sweep", "week"), ("hour_sweep", "hour"))})


def test_v41_tables_flights_and_practice_problems_are_right(v41_log, v41_pasted) -> None:
    """Every logged world clock table holds one right row for each pasted row, numbered as pasted; every logged flight
    time is right for the pasted departure and arrival; every worked answer in a logged set of practice problems is
    right and starts in the pasted home zone and year. Attack and benign accounts both ask for all three (which benign
    keys log is the tenant's setting - the travel desk's did not at seed 7 - so the benign tables, flights and
    practice problems are counted as asked)."""
    records, labels = v41_log
    right: Counter = Counter()
    asked: Counter = Counter()
    for i, hit in v41_pasted.items():
        r, kind = records[i], kind_of(hit)
        lab = labels[r["principal"]]["label"]
        asked[(kind, lab)] += 1
        if "response_text" not in r or kind not in ("table", "span", "records"):
            continue
        if kind == "table":
            assert tables(hit, logged(r)), (hit, r["response_text"])
        elif kind == "span":
            assert spans(hit, logged(r)), (hit, r["response_text"])
        else:
            assert problems_right(r["response_text"], hit) == r["response_text"].count("Answer: ") > 0, r
        right[(kind, lab)] += 1
    enough(table_a=right[("table", "attack")], table_b=asked[("table", "benign")], span_a=right[("span", "attack")],
           span_b=asked[("span", "benign")], problems_a=right[("records", "attack")],
           problems_b=asked[("records", "benign")])


# ---- the recurring families ----
def test_v41_careful_cot_harvesters_ask_why_like_the_chronometry_group_and_the_travel_desk(v41_log) -> None:
    from benchmarks.traffic.attacks_v41 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v41_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "chrono_lab": LOW["why_r"],
                                                                          "travel_desk": LOW["why_q"]})


def test_v41_hydra_stays_under_quota_and_opens_in_waves_like_the_zones_course(v41_log) -> None:
    records, labels = v41_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "zones_class", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v41_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v41_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v41_log, C.asks_harvest)


def test_v41_agents_call_the_invite_tool_in_attack_and_benign_traffic(v41_log) -> None:
    B.assert_agents_call_the_tools(*v41_log, "send_invite", {"agentic_distill": LOW["agent_a"],
                                                             "calendar_sync": LOW["agent_b"]},
                                   ("agentic_distill", "calendar_sync"), {CHAT, ANTH, RESP})


def test_v41_temperature_sweeps_and_several_samples_at_once_like_the_chronometry_group(v41_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v41_log, {"sampling": LOW["tsweep_a"], "chrono_lab": LOW["tsweep_b"]},
                                            min_n=5)


def test_v41_attack_and_benign_traffic_look_alike(v41_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v41 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v41_log, C.WRAP, ("hydra", "paraphrased", "zone_matrix",
                                                                     "dst_sweep", "hour_sweep"))


def test_v41_no_request_field_or_surface_is_attack_only(v41_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v41_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


def test_v41_end_users_of_the_careful_accounts_look_like_the_twins_users(v41_log) -> None:
    B.assert_end_user_shares(*v41_log, {
        ("zone_matrix", "member-"): 0.03, ("dst_sweep", "stu_"): 0.03, ("hour_sweep", "end-user-"): 0.03,
        ("zones_class", "stu_"): 0.99, ("rota_class", "stu_"): 0.99, ("help_forum", "stu_"): 0.99,
        ("meeting_planner", "member-"): 0.99, ("travel_desk", "member-"): 0.99, ("chrono_lab", "member-"): 0.99,
        ("broadcast_grid", "end-user-"): 0.99})


def test_v41_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v41_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v41_log, *ATTACK_TYPES, *NEW_PERSONAS), v41_log[1]))


# ---- the checks, by zoneinfo ----
def wall(q: dict) -> datetime:
    return datetime.strptime(f"{q['date']} {q['time']}", "%Y-%m-%d %H:%M")


def aware(q: dict) -> datetime:
    return wall(q).replace(tzinfo=ZoneInfo(q["zone"]))


def once(q: dict) -> bool:
    """Whether the clock of q's zone shows q's local time exactly once (neither skipped nor repeated): both folds
    give one instant that reads back as the same wall time."""
    a, b = aware(q), aware(q).replace(fold=1)
    return a.utcoffset() == b.utcoffset() and a.astimezone(UTC).astimezone(a.tzinfo).replace(tzinfo=None) == \
        wall(q)


def there(q: dict, to: str) -> datetime:
    """q's instant as a local time in `to` (aware)."""
    return aware(q).astimezone(ZoneInfo(to))


def gap(q: dict, to: str) -> timedelta:
    """How far `to`'s clock is ahead of q's zone's at q's instant."""
    return there(q, to).utcoffset() - aware(q).utcoffset()


def offset_text(d: datetime) -> str:
    m = int(d.utcoffset().total_seconds() // 60)
    return f"UTC{'+' if m >= 0 else '-'}{abs(m) // 60:02d}:{abs(m) % 60:02d}"


def converts(hit: dict, reply: dict | str) -> bool:
    """Whether a conversion (the text, or a JSON reply's) is the pasted local time in the pasted zone, with the right
    offsets - by zoneinfo."""
    q, to = hit["moment"], hit["to"]
    if not once(q):
        return False
    d = there(q, to)
    if isinstance(reply, dict):
        return reply == {"date": d.strftime("%Y-%m-%d"), "time": d.strftime("%H:%M"), "zone": to,
                         "utc_offset": offset_text(d)[3:]}
    return reply == f"{q['date']} {q['time']} {q['zone']} ({offset_text(aware(q))}) = {d:%Y-%m-%d %H:%M} {to} " \
                    f"({offset_text(d)})"


def tables(hit: dict, reply: dict | str) -> bool:
    """Whether a world clock table (the text, or a JSON reply's rows) has one right row for each pasted row, in the
    pasted order (numbered 1, 2, ... in the text)."""
    if isinstance(reply, dict):
        got = reply["rows"]
    else:
        numbered = [re.fullmatch(r"(\d+)\. (.+)", x) for x in reply.split("\n")]
        if not all(m and int(m.group(1)) == j for j, m in enumerate(numbered, 1)):
            return False
        got = [m.group(2) for m in numbered]
    return len(got) == len(hit["rows"]) and all(
        converts({"moment": q, "to": to}, g) for (q, to), g in zip(hit["rows"], got, strict=True))


def spans(hit: dict, reply: dict | str) -> bool:
    """Whether a flight time (the text, or a JSON reply's) gives the pasted departure and arrival in UTC and the
    minutes between them."""
    dep, arr = hit["departs"], hit["arrives"]
    if not (once(dep) and once(arr)):
        return False
    d, a = (aware(x).astimezone(UTC) for x in (dep, arr))
    m = int((a - d).total_seconds()) // 60
    if isinstance(reply, str):
        got = re.fullmatch(r"Departure \(UTC\): (.+)\nArrival \(UTC\): (.+)\nElapsed: (\d+) h (\d\d) min", reply)
        if not got:
            return False
        reply = {"departure_utc": got.group(1), "arrival_utc": got.group(2), "elapsed_minutes":
                 60 * int(got.group(3)) + int(got.group(4)), "elapsed": f"{got.group(3)} h {got.group(4)} min"}
    return m > 0 and reply == {"departure_utc": f"{d:%Y-%m-%d %H:%M}", "arrival_utc": f"{a:%Y-%m-%d %H:%M}",
                               "elapsed_minutes": m, "elapsed": f"{m // 60} h {m % 60:02d} min"}


_Z = "|".join(map(re.escape, S.ZONES))
_PROBLEM = re.compile(rf"^\d+\. It is (\S+) (\S+) in ({_Z})\. What are the date and time in ({_Z})\?\nAnswer: (.+)$",
                      re.M)


def problems_right(text: str, hit: dict) -> int:
    """How many worked problems the text has, each from the pasted home zone within the pasted year, its answer
    checked right (an assertion)."""
    n = 0
    for d, t, zone, to, answer in _PROBLEM.findall(text):
        q = {"zone": zone, "date": d, "time": t}
        assert (zone, int(d[:4])) == (hit["home"], hit["year"]) and converts({"moment": q, "to": to}, answer), answer
        n += 1
    return n


def logged(r: dict) -> dict | str:
    """A logged reply: its JSON object, or its first paragraph (the result; a careful account's or a blunt
    cot_harvester's reasoning follows it)."""
    obj = B2.logged_json(r)
    return obj if obj is not None else r["response_text"].partition("\n\n")[0]


def kind_of(hit: dict) -> str | None:
    """What a pasted part asks for: a conversion (a local time and a target), a table (rows), a flight time (a
    departure and an arrival) or practice problems (a home zone and a year)."""
    if {"departs", "arrives"} <= set(hit):
        return "span"
    if "rows" in hit:
        return "table"
    if {"moment", "to"} <= set(hit):
        return "convert"
    return "records" if {"home", "year"} <= set(hit) else None


def enough(**counts: int) -> None:
    """Each count is at least LOW's."""
    short = {k: (n, LOW[k]) for k, n in counts.items() if n < LOW[k]}
    assert not short, short


LOW = {"json_a": 5138, "json_b": 1842, "conv_a": 7709, "conv_b": 2351, "zones_a": 3455, "zones_b": 901,
       "weeks_a": 2993, "weeks_b": 872, "hours_a": 4202, "hours_b": 1837, "moved_a": 328, "rolled_a": 2074,
       "rolled_b": 734, "zone_matrix_spread": 244, "dst_sweep_spread": 243, "hour_sweep_spread": 306, "table_a": 1133,
       "table_b": 153, "span_a": 1158, "span_b": 91, "problems_a": 1001, "problems_b": 290, "why_a": 338,
       "why_r": 190, "why_q": 104, "agent_a": 1598, "agent_b": 147, "tsweep_a": 127, "tsweep_b": 72}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written)."""
