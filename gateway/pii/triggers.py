"""Cheap necessary conditions ("triggers") deciding which recognizers can possibly match a text.

Each gate pairs a recognizer with a precompiled regex that matches somewhere in every text the
recognizer can find something in (a necessary condition, never a heuristic), and a scope:

- "token": the recognizer's matches never contain ASCII whitespace, so it only needs to see the
  whitespace-delimited tokens that contain a trigger (and their neighbouring separators);
- "text": the recognizer may match across spaces (cards, PEM blocks), so it runs on the
  whole text, but only when its trigger occurs;
- "digits" (phone numbers): like "text", but digits far from every trigger match are masked
  first (gateway/pii/digit_mask.py), so the matcher does not parse them.

Recognizers without a gate here (NER, recognizers added by later Presidio versions) always run
on the whole text. tests/pii/test_prefilter_equivalence.py checks that gated scanning finds
exactly what the ungated analyzer finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import phonenumbers
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

Scope = Literal["token", "text", "digits"]


@dataclass(frozen=True, slots=True)
class Gate:
    scope: Scope
    trigger: re.Pattern[str] | None  # None: always run
    # The same trigger for ASCII-only texts: CPython's engine tries a leading `\d` (a Unicode
    # category) at every offset, but skips to the next candidate in C for a leading `[0-9]`;
    # on ASCII text `\d` and `[0-9]` (and `\W`, `(?i)` with re.ASCII) match the same characters.
    ascii_trigger: re.Pattern[str] | None = None
    # Every match holds a decimal digit: a text without one cannot trigger the gate.
    needs_digit: bool = False

    def for_text(self, ascii_only: bool) -> re.Pattern[str] | None:
        return self.ascii_trigger if ascii_only and self.ascii_trigger is not None else self.trigger


def _gate(scope: Scope, pattern: str, *, digit: bool = False) -> Gate:
    if re.search(r"\[[^\]]*\\d", pattern):
        raise ValueError(f"trigger {pattern!r}: \\d inside a character class has no ASCII rewrite")
    ascii_pattern = pattern.replace(r"\d", "[0-9]")
    # the skip needs a single class first: `[0-9]{8}` is tried at every offset, `[0-9][0-9]{7}` is not
    ascii_pattern = re.sub(r"^\[0-9\]\{(\d+)\}", lambda m: f"[0-9][0-9]{{{int(m.group(1)) - 1}}}", ascii_pattern)
    ascii_trigger = re.compile(ascii_pattern, re.ASCII) if ascii_pattern != pattern else None
    return Gate(scope, re.compile(pattern), ascii_trigger, digit)


def has_ascii_digit(text: str) -> bool:
    """Ten substring searches (fast C scans) beat one `\\d` regex search by 20x on prose (written
    out: a generator over the digits costs more than the scans on a short text)."""
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text
            or "6" in text or "7" in text or "8" in text or "9" in text)


def min_phone_digits(regions: tuple[str, ...]) -> int:
    """Fewest digits a number valid for phonenumbers (leniency VALID) can have, for these default regions.

    A number is either written with an international prefix (country code + national number of a
    possible length for that country) or nationally for one of the default regions; local-only
    lengths are never valid. Computed from phonenumbers' own metadata, so it follows its updates.
    """

    def general_min(region: str, calling_code: int | None = None) -> int | None:
        md = (phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(calling_code, region)
              if calling_code is not None else phonenumbers.PhoneMetadata.metadata_for_region(region))
        if md is None or md.general_desc is None:
            return None
        lengths = [n for n in (md.general_desc.possible_length or ()) if n > 0]
        return min(lengths) if lengths else None

    best = 1_000
    for code, owners in COUNTRY_CODE_TO_REGION_CODE.items():
        for region in owners:
            shortest = general_min(region, code)
            if shortest is not None:
                best = min(best, len(str(code)) + shortest)
    for region in regions:
        shortest = general_min(region)
        if shortest is not None:
            best = min(best, shortest)
    return best


def phone_gate(regions: tuple[str, ...]) -> Gate:
    # phonenumbers' candidates are digit blocks separated by at most 4 punctuation characters
    # (its punctuation set includes "x", matched ignoring case); [\W_xX] is a superset of that set.
    k = min_phone_digits(regions)
    return _gate("digits", rf"\d(?:[\W_xX]{{0,4}}\d){{{k - 1}}}", digit=True)


# Keyed by recognizer class name. Each trigger is derived from the recognizer's patterns (quoted
# in the comment) under Presidio's flags (IGNORECASE for built-ins; secrets are case-sensitive).
_GATES: dict[str, Gate] = {
    # [0-9]{8,17}
    "UsBankRecognizer": _gate("token", r"\d{8}", digit=True),
    # every alternative holds a digit
    "UsLicenseRecognizer": _gate("token", r"\d", digit=True),
    # [0-9]{9} | [A-Z][0-9]{8}
    "UsPassportRecognizer": _gate("token", r"\d{8}", digit=True),
    # (bc1|[13])[a-zA-HJ-NP-Z0-9]{25,59}
    "CryptoRecognizer": _gate("token", r"(?i)(?:bc1|[13])[a-z0-9]{25}", digit=True),
    # every date pattern holds a digit and no whitespace
    "DateRecognizer": _gate("token", r"\d", digit=True),
    # ...[@]...
    "EmailRecognizer": _gate("token", r"@"),
    "OfflineEmailRecognizer": _gate("token", r"@"),
    # IPv4 "d.d"; every IPv6 form has ":" next to a hex digit or another ":"
    "IpRecognizer": _gate("token", r"(?i)\d\.\d|:[0-9a-f:]|[0-9a-f]:"),
    # [A-Z][A-Z]\d{7} | [A-Z]9\d{7}
    "MedicalLicenseRecognizer": _gate("token", r"\d{7}", digit=True),
    # hh[:-]hh... | hhhh.hhhh.hhhh
    "MacAddressRecognizer": _gate("token", r"(?i)[0-9a-f]{2}[:-][0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}"),
    # 8 hex then "-"
    "UuidRecognizer": _gate("token", r"(?i)[0-9a-f]{8}-"),
    # [a-z0-9.\-]{1,253}[.](tld) where every tld starts with a letter
    "UrlRecognizer": _gate("token", r"(?i)[a-z0-9.\-]\.[a-z]"),
    # (4\d{3}|5[0-5]\d{2}|6\d{3}|1\d{3}|3\d{3})[- ]?(\d{3,4})...
    "CreditCardRecognizer": _gate("text", r"\d{4}[- ]?\d{3}", digit=True),
    # 9\d{2}[- ]?(\d\d)[- ]?\d{4}
    "UsItinRecognizer": _gate("text", r"9\d\d[- ]?\d\d", digit=True),
    # \d{3}[- .]?\d{2}... in all five patterns
    "UsSsnRecognizer": _gate("text", r"\d{3}[- .]?\d{2}", digit=True),
    # \d{3}[- ]?\d{3}[- ]?\d{4}
    "NhsRecognizer": _gate("text", r"\d{3}[- ]?\d{3}", digit=True),
    # [A-Z]{2}[0-9]{2}(?:[ -]?[A-Z0-9]{4})...
    "IbanRecognizer": _gate("text", r"(?i)[a-z]{2}\d{2}", digit=True),
    # Covenant's secret recognizers (gateway/pii/recognizers/secrets.py)
    "OpenAiKeyRecognizer": _gate("token", r"sk-"),
    "AnthropicKeyRecognizer": _gate("token", r"sk-ant-"),
    "AwsAccessKeyRecognizer": _gate("token", r"A(?:KIA|SIA|BIA|CCA)"),
    "GithubTokenRecognizer": _gate("token", r"gh[pousr]_|github_pat_"),
    "JwtRecognizer": _gate("token", r"eyJ"),
    "BearerTokenRecognizer": _gate("token", r"[A-Za-z0-9_+/=-]{32}"),
    "PrivateKeyRecognizer": _gate("text", r"-----BEGIN"),
    "SlackTokenRecognizer": _gate("token", r"xox"),
    "SlackWebhookRecognizer": _gate("token", r"://hooks"),
    "StripeKeyRecognizer": _gate("token", r"k_live_"),
    "StripeTestKeyRecognizer": _gate("token", r"k_test_"),
    "GoogleApiKeyRecognizer": _gate("token", r"AIza"),
    "GitlabTokenRecognizer": _gate("token", r"glpat-"),
    "HuggingFaceTokenRecognizer": _gate("token", r"hf_"),
    "UrlCredentialsRecognizer": _gate("token", r"@"),  # every match holds one: URLs without userinfo stay quiet
}


def gate_for(recognizer_class: str, phone_regions: tuple[str, ...]) -> Gate:
    if recognizer_class == "PhoneRecognizer":
        return phone_gate(phone_regions)
    return _GATES.get(recognizer_class, Gate("text", None))
