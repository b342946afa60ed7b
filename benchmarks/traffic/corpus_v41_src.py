"""The sources of the `v41` variant (calendar and time-zone arithmetic; see corpus_v41.py; written blind the same way:
nothing here was tuned against a detector result): nineteen time zones, each with its standard offset and its
daylight-saving rule as in force for 2026 and 2027 (the United States', the European Union's, south-eastern
Australia's and New Zealand's; the others keep one offset all year), and the text a careful scheduler writes: a
local date and time converted to another zone (with both UTC offsets), a world clock table of several such rows, the
elapsed time of a flight given its local departure and arrival, and practice problems of converting from a home zone
with their answers. The arithmetic is exact (whole minutes, the rules written out here); no local time that a clock
skips or shows twice is ever pasted. Nothing here is harmful.
"""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta
from typing import Any

# ---- the zones: standard offset (minutes east of UTC) and daylight-saving rule (one hour ahead while it holds) ----
ZONES: dict[str, tuple[int, str | None]] = {
    "Pacific/Honolulu": (-600, None), "America/Los_Angeles": (-480, "us"), "America/Denver": (-420, "us"),
    "America/Phoenix": (-420, None), "America/Chicago": (-360, "us"), "America/New_York": (-300, "us"),
    "America/Sao_Paulo": (-180, None), "Atlantic/Reykjavik": (0, None), "Europe/London": (0, "eu"),
    "Europe/Berlin": (60, "eu"), "Europe/Helsinki": (120, "eu"), "Africa/Nairobi": (180, None),
    "Asia/Dubai": (240, None), "Asia/Kolkata": (330, None), "Asia/Kathmandu": (345, None),
    "Asia/Singapore": (480, None), "Asia/Tokyo": (540, None), "Australia/Sydney": (600, "au"),
    "Pacific/Auckland": (720, "nz"),
}
YEARS = (2026, 2027)
_H = timedelta(hours=1)


def sunday(y: int, m: int, k: int) -> date:
    """The k-th Sunday of a month (k = -1: the last)."""
    if k > 0:
        d = date(y, m, 1)
        return d + timedelta((6 - d.weekday()) % 7 + 7 * (k - 1))
    d = date(y + m // 12, m % 12 + 1, 1) - timedelta(1)
    return d - timedelta((d.weekday() + 1) % 7)


def _at(d: date, hour: int) -> datetime:
    return datetime(d.year, d.month, d.day, hour)


def window(zone: str, year: int) -> tuple[datetime, datetime] | None:
    """When daylight saving starts and ends in a year, in UTC (None: the zone keeps one offset). The US: second Sunday
    of March 02:00 to first Sunday of November 02:00 local; the EU: last Sundays of March and October at 01:00 UTC;
    Sydney: first Sunday of October 02:00 to first Sunday of April 03:00 local; Auckland: last Sunday of September
    02:00 to first Sunday of April 03:00 local."""
    std, rule = ZONES[zone]
    s = timedelta(minutes=std)
    if rule == "us":
        return _at(sunday(year, 3, 2), 2) - s, _at(sunday(year, 11, 1), 2) - s - _H
    if rule == "eu":
        return _at(sunday(year, 3, -1), 1), _at(sunday(year, 10, -1), 1)
    if rule == "au":
        return _at(sunday(year, 10, 1), 2) - s, _at(sunday(year, 4, 1), 3) - s - _H
    if rule == "nz":
        return _at(sunday(year, 9, -1), 2) - s, _at(sunday(year, 4, 1), 3) - s - _H
    return None


def offset(zone: str, utc: datetime) -> int:
    """The zone's offset from UTC (minutes) at a UTC instant."""
    std = ZONES[zone][0]
    w = window(zone, utc.year)
    if w is None:
        return std
    start, end = w
    return std + 60 * (start <= utc < end if start < end else not end <= utc < start)


def to_utc(zone: str, wall: datetime) -> datetime | None:
    """The UTC instant of a local wall time (None: the clock skips it or shows it twice)."""
    std = ZONES[zone][0]
    hits = [wall - timedelta(minutes=o) for o in (std, std + 60) if offset(zone, wall - timedelta(minutes=o)) == o]
    return hits[0] if len(hits) == 1 else None


def local(zone: str, utc: datetime) -> tuple[datetime, int]:
    """The wall time and offset of a UTC instant in a zone."""
    o = offset(zone, utc)
    return utc + timedelta(minutes=o), o


def stamp(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M")


def utc_offset(o: int) -> str:
    """'UTC+05:45', 'UTC-03:00', 'UTC+00:00'."""
    return f"UTC{'+' if o >= 0 else '-'}{abs(o) // 60:02d}:{abs(o) % 60:02d}"


def wall(q: dict[str, str]) -> datetime:
    return datetime.strptime(f"{q['date']} {q['time']}", "%Y-%m-%d %H:%M")


def valid(q: dict[str, str]) -> bool:
    return to_utc(q["zone"], wall(q)) is not None


def moment(rng: random.Random, zone: str | None = None, year: int | None = None) -> dict[str, str]:
    """A new local date and time in a zone (office hours mostly, any hour now and then), one the clock shows once."""
    zone = zone or rng.choice(tuple(ZONES))
    while True:
        d = date(year or rng.choice(YEARS), 1, 1) + timedelta(rng.randrange(365))
        h = rng.randint(6, 22) if rng.random() < 0.85 else rng.randint(0, 23)
        q = {"zone": zone, "date": d.isoformat(), "time": f"{h:02d}:{rng.choice((0, 0, 0, 15, 30, 30, 45, 10, 50)):02d}"}
        if valid(q):
            return q


def shifted(q: dict[str, str], days: int, minutes: int) -> dict[str, str]:
    """The same zone's wall clock moved on by `days` days and `minutes` minutes."""
    if not days and not minutes:
        return q
    w = wall(q) + timedelta(days=days, minutes=minutes)
    return {"zone": q["zone"], "date": w.date().isoformat(), "time": w.strftime("%H:%M")}


def targets(q: dict[str, str]) -> list[str]:
    """The other zones."""
    return [z for z in ZONES if z != q["zone"]]


def converted(q: dict[str, str], to: str) -> tuple[datetime, int, int]:
    """The wall time in `to` of a local time, with the source and target offsets."""
    u = to_utc(q["zone"], wall(q))
    assert u is not None, q
    w, o = local(to, u)
    return w, offset(q["zone"], u), o


def line(q: dict[str, str], to: str) -> str:
    """'2026-03-05 09:30 Europe/Berlin (UTC+01:00) = 2026-03-05 03:30 America/New_York (UTC-05:00)'."""
    w, o1, o2 = converted(q, to)
    return f"{q['date']} {q['time']} {q['zone']} ({utc_offset(o1)}) = {stamp(w)} {to} ({utc_offset(o2)})"


# ---- flights: a local departure and a duration give a local arrival ----
def flight(rng: random.Random) -> dict[str, Any]:
    """A new flight: its local departure, its arrival zone and its duration (45 min to 17 h, five-minute steps),
    whose local arrival the clock shows once."""
    while True:
        dep = moment(rng)
        to = rng.choice(targets(dep))
        minutes = 5 * rng.randint(9, 204)
        u = to_utc(dep["zone"], wall(dep)) + timedelta(minutes=minutes)
        arr, _ = local(to, u)
        if to_utc(to, arr) is not None:
            return {"dep": dep, "arr": {"zone": to, "date": arr.date().isoformat(), "time": arr.strftime("%H:%M")},
                    "minutes": minutes}


def elapsed(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d} min"


# ---- the replies ----
def convert_reply(q: dict[str, str], to: str) -> dict[str, Any]:
    w, _, o = converted(q, to)
    return {"reply": line(q, to), "obj": {"date": w.date().isoformat(), "time": w.strftime("%H:%M"), "zone": to,
                                          "utc_offset": utc_offset(o)[3:]}}


def table_reply(rows: list[tuple[dict[str, str], str]]) -> dict[str, Any]:
    out = [f"{j}. {line(q, to)}" for j, (q, to) in enumerate(rows, 1)]
    return {"reply": "\n".join(out), "obj": {"rows": [x.split(". ", 1)[1] for x in out]}}


def span_reply(f: dict[str, Any]) -> dict[str, Any]:
    d, a = (to_utc(x["zone"], wall(x)) for x in (f["dep"], f["arr"]))
    m = int((a - d).total_seconds() // 60)
    obj = {"departure_utc": stamp(d), "arrival_utc": stamp(a), "elapsed_minutes": m, "elapsed": elapsed(m)}
    return {"reply": f"Departure (UTC): {stamp(d)}\nArrival (UTC): {stamp(a)}\nElapsed: {elapsed(m)}", "obj": obj}


def problem_list(rng: random.Random, inst: tuple[str, int], n: int) -> str:
    """n invented problems of converting a local time in the home zone (within the year) to another zone, each with
    its answer."""
    zone, year = inst
    out = []
    for j in range(n):
        q = moment(rng, zone, year)
        to = rng.choice(targets(q))
        out.append(f"{j + 1}. It is {q['date']} {q['time']} in {zone}. What are the date and time in {to}?\n"
                   f"Answer: {line(q, to)}")
    return "\n\n".join(out)


# ---- the pasted layouts found again ----
_Z = "|".join(map(re.escape, ZONES))
_DT = r"(\d{4}-\d\d-\d\d) (\d\d:\d\d)"
_TIME = re.compile(rf"^Time: {_DT}$", re.M)
_ZONE = re.compile(rf"^Zone: ({_Z})$", re.M)
_TO = re.compile(rf"^Convert to: ({_Z})$", re.M)
_ROW = re.compile(rf"^\d+\. {_DT} ({_Z}) -> ({_Z})$", re.M)
_DEP = re.compile(rf"^Departs: {_DT} ({_Z})$", re.M)
_ARR = re.compile(rf"^Arrives: {_DT} ({_Z})$", re.M)
_HOME = re.compile(rf"^Home zone: ({_Z})$", re.M)
_YEAR = re.compile(r"^Year: (\d{4})$", re.M)


def _q(d: str, t: str, z: str) -> dict[str, str]:
    return {"zone": z, "date": d, "time": t}


def blocks(text: str) -> dict[str, Any]:
    """What a text pastes: a local time and its zone, the zone to convert it to, a table's rows, a flight's departure
    and arrival, a home zone and a year - only those it has."""
    out: dict[str, Any] = {}
    if (m := _TIME.search(text)) and (z := _ZONE.search(text)):
        out["moment"] = _q(*m.groups(), z.group(1))
    if m := _TO.search(text):
        out["to"] = m.group(1)
    if rows := _ROW.findall(text):
        out["rows"] = [(_q(d, t, z), to) for d, t, z, to in rows]
    for key, rx in (("departs", _DEP), ("arrives", _ARR)):
        if m := rx.search(text):
            out[key] = _q(*m.groups())
    if m := _HOME.search(text):
        out["home"] = m.group(1)
    if m := _YEAR.search(text):
        out["year"] = int(m.group(1))
    return out


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
_str = {"type": "string"}
CONVERT_SCHEMA = {"name": "time_conversion", "strict": True, "schema": {
    **_obj, "required": ["date", "time", "zone", "utc_offset"],
    "properties": {"date": _str, "time": _str, "zone": {"type": "string", "enum": list(ZONES)}, "utc_offset": _str}}}
TABLE_SCHEMA = {"name": "world_clock_table", "strict": True, "schema": {
    **_obj, "required": ["rows"], "properties": {"rows": {"type": "array", "items": _str}}}}
SPAN_SCHEMA = {"name": "flight_time", "strict": True, "schema": {
    **_obj, "required": ["departure_utc", "arrival_utc", "elapsed_minutes", "elapsed"],
    "properties": {"departure_utc": _str, "arrival_utc": _str, "elapsed_minutes": {"type": "integer"},
                   "elapsed": _str}}}
