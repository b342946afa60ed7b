"""Building the analyzer logs what an operator needs, not Presidio's notice for every recognizer of a language
Covenant does not load (eleven WARNING lines at each start that read like a fault)."""

from __future__ import annotations

import logging

from gateway.pii.engine import build_analyzer
from gateway.pii.policy import PiiPolicy


def test_other_languages_recognizers_are_skipped_without_warnings(caplog) -> None:
    with caplog.at_level(logging.INFO, logger="presidio-analyzer"):
        analyzer = build_analyzer(PiiPolicy())
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [m for m in warnings if "language is not supported" in m], warnings
    assert analyzer.get_supported_entities(), "the English recognizers are loaded"
    assert any("Loaded recognizer" in r.getMessage() for r in caplog.records), "Presidio's other records pass"


def test_only_that_notice_is_dropped() -> None:
    log = logging.getLogger("presidio-analyzer")
    build_analyzer(PiiPolicy())
    other = log.makeRecord(log.name, logging.WARNING, __file__, 1, "Entity %s doesn't have a recognizer", ("X",), None)
    skipped = log.makeRecord(log.name, logging.WARNING, __file__, 1, "Recognizer not added to registry because "
                             "language is not supported by registry - EsNifRecognizer", (), None)
    assert log.filter(other) and not log.filter(skipped)
