"""Presidio recognizers for credentials: provider API keys, cloud and forge tokens, chat and payment
service keys, private keys, JWTs, passwords inside URLs.

Patterns are case-sensitive (key prefixes are), bounded by one-character look-arounds so that a
match depends only on the token it lies in, and compiled once by Presidio when first used.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections import Counter

import orjson
import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer

from gateway.pii.entities import SECRET_ENTITIES

_FLAGS = regex.DOTALL | regex.MULTILINE  # no IGNORECASE: "AKIA", "sk-", "eyJ" are case-sensitive
_KEY_CHARS = "A-Za-z0-9_-"
# Characters of a generic opaque token (base64, base64url, hex).
_TOKEN_CHARS = "A-Za-z0-9_+/=-"
MIN_TOKEN_ENTROPY_BITS = 4.2  # per character; 40-char hex SHAs and UUIDs stay below (max 4.0 bits)


def shannon_entropy(text: str) -> float:
    """Bits per character of the empirical character distribution."""
    n = len(text)
    return -sum(c / n * math.log2(c / n) for c in Counter(text).values()) if n else 0.0


def _mixed_alnum(text: str) -> bool:
    return any(c.isdigit() for c in text) and any(c.islower() for c in text) and any(c.isupper() for c in text)


class OpenAiKeyRecognizer(PatternRecognizer):
    """sk-..., sk-proj-..., sk-svcacct-..., sk-admin-... (not sk-ant-, which is Anthropic's)."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="OPENAI_API_KEY",
            name="OpenAiKeyRecognizer",
            patterns=[Pattern("openai key", rf"(?<![{_KEY_CHARS}])sk-(?!ant-)[{_KEY_CHARS}]{{20,}}", 0.9)],
            global_regex_flags=_FLAGS,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        # "sk-this-is-not-a-real-key" style prose has no digit/upper/lower mix.
        return None if _mixed_alnum(pattern_text[3:]) else True


class AnthropicKeyRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__(
            supported_entity="ANTHROPIC_API_KEY",
            name="AnthropicKeyRecognizer",
            patterns=[Pattern("anthropic key", rf"(?<![{_KEY_CHARS}])sk-ant-[a-z0-9]{{2,12}}-[{_KEY_CHARS}]{{20,}}", 0.95)],
            global_regex_flags=_FLAGS,
        )


class AwsAccessKeyRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__(
            supported_entity="AWS_ACCESS_KEY",
            name="AwsAccessKeyRecognizer",
            patterns=[Pattern("aws access key id", r"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])", 0.9)],
            global_regex_flags=_FLAGS,
        )


class GithubTokenRecognizer(PatternRecognizer):
    def __init__(self) -> None:
        super().__init__(
            supported_entity="GITHUB_TOKEN",
            name="GithubTokenRecognizer",
            patterns=[
                Pattern("github classic token", r"(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])", 0.95),
                Pattern("github fine-grained pat", r"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])", 0.95),
            ],
            global_regex_flags=_FLAGS,
        )


class _Prefixed(PatternRecognizer):
    """A credential told by its documented prefix and shape (the formats secret scanners such as gitleaks
    and GitHub's push protection key on). One class per trigger: gates are looked up by class name."""

    ENTITY = ""
    PATTERNS: tuple[tuple[str, str], ...] = ()

    def __init__(self) -> None:
        super().__init__(supported_entity=self.ENTITY, name=type(self).__name__, global_regex_flags=_FLAGS,
                         patterns=[Pattern(label, regex_, 0.95) for label, regex_ in self.PATTERNS])


# (class name, the key of its gate in triggers.py; entity; what the pattern finds; the pattern)
_PREFIXED = (
    ("SlackTokenRecognizer", "SLACK_TOKEN", "slack token",
     r"(?<![A-Za-z0-9_-])xox[abposr]-[0-9A-Za-z][0-9A-Za-z-]{9,250}(?![A-Za-z0-9_-])"),
    ("SlackWebhookRecognizer", "SLACK_TOKEN", "slack webhook",
     r"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]{20,200}"),
    ("StripeKeyRecognizer", "STRIPE_KEY", "stripe live key",
     r"(?<![A-Za-z0-9_])[sr]k_live_[0-9A-Za-z]{16,250}(?![A-Za-z0-9_])"),
    ("StripeTestKeyRecognizer", "STRIPE_KEY", "stripe test key",
     r"(?<![A-Za-z0-9_])[sr]k_test_[0-9A-Za-z]{16,250}(?![A-Za-z0-9_])"),
    ("GoogleApiKeyRecognizer", "GOOGLE_API_KEY", "google api key",
     r"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"),
    ("GitlabTokenRecognizer", "GITLAB_TOKEN", "gitlab personal access token",
     r"(?<![A-Za-z0-9_-])glpat-[0-9A-Za-z_-]{20,64}(?![A-Za-z0-9_-])"),
    ("HuggingFaceTokenRecognizer", "HUGGINGFACE_TOKEN", "hugging face token",
     r"(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9_])"),
)
PREFIXED_RECOGNIZERS: tuple[type[_Prefixed], ...] = tuple(
    type(name, (_Prefixed,), {"ENTITY": entity, "PATTERNS": ((label, pattern),)})
    for name, entity, label, pattern in _PREFIXED)


# What documentation writes where a password goes: not a secret to block a prompt for.
_PLACEHOLDER_PASSWORDS = frozenset({"password", "passwd", "pass", "pwd", "secret", "changeme", "yourpassword",
                                   "your_password", "mypassword", "my_password", "example", "redacted", "xxx",
                                   "xxxx", "xxxxx", "xxxxxx", "xxxxxxxx", "***", "****", "*****", "******",
                                   "********", "..."})


class UrlCredentialsRecognizer(PatternRecognizer):
    """A password inside a URL (`postgres://app:s3cr3t@db:5432/x`, `https://user:token@host`); placeholders
    (`user:password@`, `<password>`, `${DB_PASSWORD}`, `%s`, `****`) are not taken for one."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="URL_CREDENTIALS",
            name="UrlCredentialsRecognizer",
            patterns=[Pattern("password in a url",
                              r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\s:/?#@\"'`]{1,256}:"
                              r"[^\s/?#@\"'`]{1,256}@[A-Za-z0-9.\[\]:_-]+", 0.9)],
            global_regex_flags=_FLAGS,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        password = pattern_text.split("://", 1)[1].split("@", 1)[0].split(":", 1)[1]
        if password.lower() in _PLACEHOLDER_PASSWORDS or password[0] in "<{[$%*" or set(password) <= set("*x.X-"):
            return True
        return None


# Line separator inside a PEM block: a real newline, or an escaped one when the key sits in a JSON/code string.
_PEM_NL = r"(?:\r?\n|(?:\\r)?\\n)"


class PrivateKeyRecognizer(PatternRecognizer):
    """PEM private-key blocks; a block cut short (no END line) runs to the end of its base64 lines."""

    def __init__(self) -> None:
        # A whole base64 line (so a following prose line is not taken for one) or a "Proc-Type: ..." header.
        b64_or_header = r"(?:[A-Za-z0-9+/=]+(?=[\r\n\\\"']|\Z)|[A-Za-z-]+: [^\r\n\\]*)"
        end = rf"{_PEM_NL}-----END(?: [A-Z0-9]+)* PRIVATE KEY-----"
        pattern = (
            rf"-----BEGIN(?: [A-Z0-9]+)* PRIVATE KEY-----"
            rf"(?:(?:{_PEM_NL}{b64_or_header}?)*?{end}"  # complete block (blank lines allowed)
            rf"|(?:{_PEM_NL}(?:{_PEM_NL})?{b64_or_header})*)"  # truncated: up to its last body line
        )
        super().__init__(
            supported_entity="PRIVATE_KEY",
            name="PrivateKeyRecognizer",
            patterns=[Pattern("pem private key", pattern, 1.0)],
            global_regex_flags=_FLAGS,
        )


class JwtRecognizer(PatternRecognizer):
    """header.payload.signature in base64url; the header must decode to a JSON object with "alg"."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="JWT",
            name="JwtRecognizer",
            patterns=[Pattern("jwt", r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*", 0.95)],
            global_regex_flags=_FLAGS,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        header = pattern_text.split(".", 1)[0]
        try:
            decoded = orjson.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
        except (binascii.Error, ValueError, orjson.JSONDecodeError):
            return True
        return None if isinstance(decoded, dict) and "alg" in decoded else True


class BearerTokenRecognizer(PatternRecognizer):
    """Generic opaque credentials: long tokens mixing digits and both cases with high entropy."""

    MIN_LENGTH = 32

    def __init__(self) -> None:
        super().__init__(
            supported_entity="BEARER_TOKEN",
            name="BearerTokenRecognizer",
            patterns=[Pattern(
                "high-entropy token",
                rf"(?<![{_TOKEN_CHARS}])[{_TOKEN_CHARS}]{{{self.MIN_LENGTH},1024}}(?![{_TOKEN_CHARS}])",
                0.6,
            )],
            global_regex_flags=_FLAGS,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        if pattern_text.count("/") > 2 or not _mixed_alnum(pattern_text):
            return True  # paths and identifiers, not credentials
        return None if shannon_entropy(pattern_text) >= MIN_TOKEN_ENTROPY_BITS else True


__all__ = ["SECRET_ENTITIES", "secret_recognizers", "shannon_entropy"]


def secret_recognizers() -> list[EntityRecognizer]:
    """A fresh set per analyzer (recognizers hold compiled patterns; never share them globally)."""
    return [
        OpenAiKeyRecognizer(), AnthropicKeyRecognizer(), AwsAccessKeyRecognizer(), GithubTokenRecognizer(),
        PrivateKeyRecognizer(), JwtRecognizer(), BearerTokenRecognizer(), UrlCredentialsRecognizer(),
        *(cls() for cls in PREFIXED_RECOGNIZERS),
    ]
