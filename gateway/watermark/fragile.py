"""Optional fragile channel: account, time and MAC as zero-width characters after a prose word.

96 bits = 32-bit account tag + 32-bit minute timestamp + 32-bit HMAC, written as 48 invisible
characters (2 bits each). It attributes a verbatim copy instantly, but any Unicode stripper, NFKC
pipeline or retyping erases it: it is a convenience, the word-choice watermark is the evidence.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import struct
from dataclasses import dataclass

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
