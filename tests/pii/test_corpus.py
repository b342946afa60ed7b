"""Each corpus example yields exactly its expected entity types and spans, and nothing else."""

from __future__ import annotations

import pytest

from tests.pii.corpus import CORPUS, expected_spans


@pytest.mark.parametrize(("text", "expected"), CORPUS, ids=[f"c{i}" for i in range(len(CORPUS))])
def test_exact_spans_and_types(corpus_engine, text, expected):
    found = [(f.start, f.end, f.entity_type) for f in corpus_engine.prompt.scan(text)]
    assert found == expected_spans(text, expected)


def test_known_false_positive_four_part_version_number_is_an_ip(corpus_engine):
    # Documented limitation: "1.2.3.4" is a valid IPv4 address, so a four-part version number is flagged.
    text = "requires version 1.2.3.4 or later"
    assert [(text[f.start:f.end], f.entity_type) for f in corpus_engine.prompt.scan(text)] == [("1.2.3.4", "IP_ADDRESS")]


def test_findings_carry_no_values(corpus_engine):
    text = "mail jane.doe@example.com"
    (finding,) = corpus_engine.prompt.scan(text)
    assert "jane" not in repr(finding)


def test_allowlist_values_and_patterns(corpus_engine):
    from gateway.pii.engine import Scanner
    from gateway.pii.policy import Allowlist, PiiRule

    rule = PiiRule(entities=("EMAIL_ADDRESS",),
                   allowlist=Allowlist(values=("support@example.com",), patterns=(r".*@corp\.example",)))
    scanner = Scanner(corpus_engine.analyzer, rule, ("US", "GB"))
    text = "support@example.com, a@corp.example, jane.doe@example.com"
    assert [text[f.start:f.end] for f in scanner.scan(text)] == ["jane.doe@example.com"]


def test_code_fences_skipped_only_when_asked(corpus_engine):
    text = "mail a@example.com\n```\nb@example.com\n```\nc@example.com"
    outside = [text[f.start:f.end] for f in corpus_engine.output.scan(text)]
    everywhere = [text[f.start:f.end] for f in corpus_engine.prompt.scan(text)]
    assert outside == ["a@example.com", "c@example.com"]
    assert everywhere == ["a@example.com", "b@example.com", "c@example.com"]


async def test_scan_async_matches_scan_inline_and_in_pool(corpus_engine):
    from gateway.pii.engine import INLINE_SCAN_MAX_CHARS

    short = "mail jane.doe@example.com"
    long = ("filler text " * (INLINE_SCAN_MAX_CHARS // 10)) + short
    assert await corpus_engine.prompt.scan_async(short) == corpus_engine.prompt.scan(short)
    assert await corpus_engine.prompt.scan_async(long) == corpus_engine.prompt.scan(long) != []
