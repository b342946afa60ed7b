"""Optional fragile channel: account, time and MAC as zero-width characters after a prose word.

96 bits = 32-bit account tag + 32-bit minute timestamp + 32-bit HMAC, written as 48 invisible
characters (2 bits each). It attributes a verbatim copy instantly (`attribute`, which detection
reports as `fragile`), but any Unicode stripper or retyping erases it, and a payload can be copied
into another text: it is a convenience, the word-choice watermark is the evidence.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import struct
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from gateway.watermark.keys import hkdf

ALPHABET = "\u200b\u200c\u200d\u2060"
_DECODE = {ch: i for i, ch in enumerate(ALPHABET)}
PAYLOAD_RE = re.compile(f"[{ALPHABET}]{{48}}")


def _fragile_key(master: bytes) -> bytes:
    return hkdf(master, b"covenant/wm/v1/fragile")


def account_tag(master: bytes, tenant: str, account: str) -> int:
    d = hmac.new(_fragile_key(master), f"{tenant}\x00{account}".encode(), hashlib.sha256).digest()
    return int.from_bytes(d[:4], "big")


def encode(master: bytes, tenant: str, account: str, ts_minutes: int) -> str:
    tag = account_tag(master, tenant, account)
    body = struct.pack(">II", tag, ts_minutes & 0xFFFFFFFF)
    mac = hmac.new(_fragile_key(master), body, hashlib.sha256).digest()[:4]
    bits = int.from_bytes(body + mac, "big")
    return "".join(ALPHABET[(bits >> (2 * i)) & 3] for i in reversed(range(48)))


@dataclass(frozen=True)
class FragileMark:
    account_tag: int
    ts_minutes: int


def decode(master: bytes, text: str) -> list[FragileMark]:
    """Every payload in ``text`` whose MAC verifies (forged or damaged ones are ignored)."""
    found = []
    key = _fragile_key(master)
    for m in PAYLOAD_RE.finditer(text):
        bits = 0
        for ch in m.group():
            bits = (bits << 2) | _DECODE[ch]
        raw = bits.to_bytes(12, "big")
        if hmac.compare_digest(hmac.new(key, raw[:8], hashlib.sha256).digest()[:4], raw[8:]):
            tag, ts = struct.unpack(">II", raw[:8])
            found.append(FragileMark(tag, ts))
    return found


@dataclass(frozen=True)
class FragileAttribution:
    """Verified payloads of one account tag: who (when the tag is a known account's) and when it was served."""

    account_tag: str  # hex; the tag alone when no known account has it
    tenant: str | None
    account: str | None
    first_served: str  # ISO 8601 minute of the earliest payload
    last_served: str
    payloads: int
    documents: int


def _minute(ts_minutes: int) -> str:
    return datetime.fromtimestamp(ts_minutes * 60, UTC).strftime("%Y-%m-%dT%H:%MZ")


def owners(master: bytes, principals: Iterable[tuple[str, str]]) -> dict[int, list[tuple[str, str]]]:
    """Account tag -> the known accounts that have it (with 32-bit tags two of 10,000 accounts share
    one with probability ~1 %; both are then listed)."""
    out: dict[int, list[tuple[str, str]]] = {}
    for tenant, account in principals:
        out.setdefault(account_tag(master, tenant, account), []).append((tenant, account))
    return out


def attribute(master: bytes, texts: Iterable[str],
              known: Callable[[], Mapping[int, Sequence[tuple[str, str]]]]) -> list[FragileAttribution]:
    """The verified payloads in ``texts``, grouped by account tag, most documents first. ``known`` gives the
    tag -> accounts map (`owners`); it is called only when some payload verifies, so a text without one
    costs one regex search (`decode`)."""
    seen: dict[int, list] = {}  # tag -> [payloads, documents, first minute, last minute]
    for text in texts:
        marks = decode(master, text)
        for tag in {m.account_tag for m in marks}:
            minutes = [m.ts_minutes for m in marks if m.account_tag == tag]
            entry = seen.setdefault(tag, [0, 0, min(minutes), max(minutes)])
            entry[0] += len(minutes)
            entry[1] += 1
            entry[2], entry[3] = min(entry[2], *minutes), max(entry[3], *minutes)
    if not seen:
        return []
    tags = known()
    out = [FragileAttribution(f"{tag:08x}", tenant, account, _minute(first), _minute(last), n, docs)
           for tag, (n, docs, first, last) in seen.items()
           for tenant, account in tags.get(tag) or [(None, None)]]
    return sorted(out, key=lambda a: (-a.documents, a.account_tag))
