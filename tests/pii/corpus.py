"""Positive and negative examples per entity and secret type: (text, [(entity_type, exact value)]).

Credentials are generated from a fixed seed so no real key is ever committed.
"""

from __future__ import annotations

import base64
import random
import string

_rng = random.Random(6)
_ALNUM = string.ascii_letters + string.digits


def _token(n: int, alphabet: str = _ALNUM) -> str:
    while True:
        t = "".join(_rng.choice(alphabet) for _ in range(n))
        if any(c.isdigit() for c in t) and any(c.islower() for c in t) and any(c.isupper() for c in t):
            return t


def _chars(n: int, alphabet: str) -> str:
    return "".join(_rng.choice(alphabet) for _ in range(n))


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


OPENAI_LEGACY = "sk-" + _token(48)
OPENAI_PROJECT = "sk-proj-" + _token(64, _ALNUM + "_-")
ANTHROPIC = "sk-ant-api03-" + _token(93, _ALNUM + "_-") + "AA"
AWS = "AKIA" + "".join(_rng.choice(string.ascii_uppercase + "234567") for _ in range(16))
GITHUB_CLASSIC = "ghp_" + _token(36)
GITHUB_FINE = "github_pat_" + _token(22) + "_" + _token(59)
JWT = ".".join([_b64url(b'{"alg":"HS256","typ":"JWT"}'), _b64url(b'{"sub":"1234567890","name":"Jane"}'), _token(43, _ALNUM + "_-")])
JWT_NO_ALG = ".".join([_b64url(b'{"typ":"JWT","kid":"k1"}'), _b64url(b'{"sub":"1"}'), _token(20)])
BEARER = _token(40)
PEM_BODY = "\n".join(_token(64, _ALNUM + "+/") for _ in range(4))
PEM_FULL = f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n-----END RSA PRIVATE KEY-----"
PEM_TRUNCATED = f"-----BEGIN PRIVATE KEY-----\n{PEM_BODY}"
PEM_ESCAPED = "-----BEGIN OPENSSH PRIVATE KEY-----\\n" + PEM_BODY.replace("\n", "\\n") + "\\n-----END OPENSSH PRIVATE KEY-----"
SLACK_BOT = f"xoxb-{_chars(11, string.digits)}-{_chars(13, string.digits)}-{_token(24)}"
SLACK_WEBHOOK = (f"https://hooks.slack.com/services/T{_chars(8, string.ascii_uppercase + string.digits)}"
                 f"/B{_chars(10, string.ascii_uppercase + string.digits)}/{_token(24)}")
STRIPE_LIVE = "sk_live_" + _token(24)
STRIPE_RESTRICTED_TEST = "rk_test_" + _token(24)
GOOGLE = "AIza" + _token(35, _ALNUM + "_-")
GITLAB = "glpat-" + _token(20, _ALNUM + "_-")
HUGGINGFACE = "hf_" + _chars(34, string.ascii_letters)
DB_PASSWORD = _token(16)
DB_URL = f"postgres://orders_app:{DB_PASSWORD}@db.internal:5432"

PROSE = (
    "The committee met on Tuesday to discuss the budget for next year. Several members raised concerns "
    "about the timeline, noting that the previous project took 18 months instead of the planned 12. The "
    "chair proposed a phased approach with three milestones and a review in the spring of 2025. "
)

# (text, expected findings as (entity type, exact value)); every value occurs once in its text.
CORPUS: list[tuple[str, list[tuple[str, str]]]] = [
    # credit cards: valid Luhn in several layouts; invalid Luhn is not a card
    ("Pay with 4111 1111 1111 1111 today.", [("CREDIT_CARD", "4111 1111 1111 1111")]),
    ("card=4111-1111-1111-1111;", [("CREDIT_CARD", "4111-1111-1111-1111")]),
    ("Mastercard 5500005555555559 on file", [("CREDIT_CARD", "5500005555555559")]),
    ("Amex 378282246310005.", [("CREDIT_CARD", "378282246310005")]),
    ("Bad checksum 4111 1111 1111 1112 is not a card.", []),
    # IBANs: checksum validated
    ("Wire to GB82 WEST 1234 5698 7654 32 please", [("IBAN_CODE", "GB82 WEST 1234 5698 7654 32")]),
    ("IBAN DE89370400440532013000.", [("IBAN_CODE", "DE89370400440532013000")]),
    ("Wire to GB82 WEST 1234 5698 7654 33 please", []),
    # phone numbers in several formats (US and GB are the default regions)
    ("Call (212) 555-0142 after five.", [("PHONE_NUMBER", "(212) 555-0142")]),
    ("Call +1-415-555-2671 now", [("PHONE_NUMBER", "+1-415-555-2671")]),
    ("office 415.555.2671, thanks", [("PHONE_NUMBER", "415.555.2671")]),
    ("London: +44 20 7946 0958.", [("PHONE_NUMBER", "+44 20 7946 0958")]),
    ("London: 020 7946 0958.", [("PHONE_NUMBER", "020 7946 0958")]),
    ("Paris: +33 1 42 68 53 00", [("PHONE_NUMBER", "+33 1 42 68 53 00")]),
    ("Order #123-4567-890 shipped", []),
    ("Build 20240131 passed in 37 s", []),
    # e-mail
    ("Write to jane.doe@example.com.", [("EMAIL_ADDRESS", "jane.doe@example.com")]),
    ("cc: bob+tag@mail.co.uk, and no one else", [("EMAIL_ADDRESS", "bob+tag@mail.co.uk")]),
    ("ping @jane on chat or root@localhost", []),
    # US SSN (medium pattern)
    ("SSN 536-90-4399 on the form", [("US_SSN", "536-90-4399")]),
    # IP addresses
    ("server at 10.1.2.3 and 2001:db8::1", [("IP_ADDRESS", "10.1.2.3"), ("IP_ADDRESS", "2001:db8::1")]),
    ("upgrade to v1.2.3 or 2.0", []),
    # API keys in code and prose
    (f'OPENAI_API_KEY = "{OPENAI_PROJECT}"\n', [("OPENAI_API_KEY", OPENAI_PROJECT)]),
    (f"my key is {OPENAI_LEGACY}, keep it safe", [("OPENAI_API_KEY", OPENAI_LEGACY)]),
    (f"export ANTHROPIC_API_KEY={ANTHROPIC}", [("ANTHROPIC_API_KEY", ANTHROPIC)]),
    ("the flag sk-this-is-not-a-real-key-at-all is fine", []),
    (f"aws_access_key_id = {AWS}", [("AWS_ACCESS_KEY", AWS)]),
    ("AKIA1234 is too short, and akiaiosfodnn7example is lower case", []),
    (f"token: {GITHUB_CLASSIC}", [("GITHUB_TOKEN", GITHUB_CLASSIC)]),
    (f"GH_TOKEN={GITHUB_FINE}", [("GITHUB_TOKEN", GITHUB_FINE)]),
    (f"Authorization: Bearer {JWT}", [("JWT", JWT)]),
    (f"not a jwt: {JWT_NO_ALG}", []),
    (f"Authorization: Bearer {BEARER}", [("BEARER_TOKEN", BEARER)]),
    # private keys: whole, truncated (no END line), escaped inside a JSON string
    (f"key:\n{PEM_FULL}\nend of file", [("PRIVATE_KEY", PEM_FULL)]),
    (f"I pasted {PEM_TRUNCATED}", [("PRIVATE_KEY", PEM_TRUNCATED)]),
    (f"{PEM_TRUNCATED}\nand then the user stopped", [("PRIVATE_KEY", PEM_TRUNCATED)]),
    (f'{{"private_key": "{PEM_ESCAPED}\\n"}}', [("PRIVATE_KEY", PEM_ESCAPED)]),
    ("-----BEGIN PUBLIC KEY----- is not secret", []),
    # chat, payment, cloud and model-hub keys; passwords inside URLs (placeholders are not passwords)
    (f"SLACK_BOT_TOKEN={SLACK_BOT}", [("SLACK_TOKEN", SLACK_BOT)]),
    (f"post to {SLACK_WEBHOOK} when done", [("SLACK_TOKEN", SLACK_WEBHOOK)]),
    ("xoxb-short and xoxz-1234567890 are not tokens", []),
    (f"stripe.api_key = '{STRIPE_LIVE}'", [("STRIPE_KEY", STRIPE_LIVE)]),
    (f"test with {STRIPE_RESTRICTED_TEST} first", [("STRIPE_KEY", STRIPE_RESTRICTED_TEST)]),
    ("keys start with sk_live_ or sk_test_", []),
    (f"maps key {GOOGLE} in the app", [("GOOGLE_API_KEY", GOOGLE)]),
    (f"git clone with {GITLAB}", [("GITLAB_TOKEN", GITLAB)]),
    (f"HF_TOKEN={HUGGINGFACE}", [("HUGGINGFACE_TOKEN", HUGGINGFACE)]),
    ("an hf_ token is 37 characters long", []),
    (f"DATABASE_URL={DB_URL}/orders", [("URL_CREDENTIALS", DB_URL)]),
    ("connect to postgres://user:password@localhost/mydb or https://x:<token>@github.com/o/r", []),
    ("mysql://root:${DB_PASSWORD} @db, redis://:****@cache:6379 and amqp://guest:xxxx@mq are placeholders", []),
    # identifiers that look random but are not credentials
    ("commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed it", []),
    ("request 123e4567-e89b-12d3-a456-426614174000 failed", []),
    ("see /usr/local/lib/python3.11/site-packages/presidio_analyzer/x.py", []),
    (PROSE, []),
]


def expected_spans(text: str, expected: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    spans = []
    for entity, value in expected:
        assert text.count(value) == 1, f"corpus value must occur once: {value!r}"
        start = text.index(value)
        spans.append((start, start + len(value), entity))
    return sorted(spans)
