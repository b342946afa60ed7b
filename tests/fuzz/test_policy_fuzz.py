"""Fuzzed policy files never crash the loader: every failure is a PolicyError naming file:line:col."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.errors import PolicyError
from gateway.policy.load import load_policies
from tests.fuzz.policy_mutations import mutate

SHIPPED = sorted(p for p in (Path(__file__).resolve().parents[2] / "policies").glob("*.yaml")
                 if not p.name.endswith(".test.yaml"))
LOCATED = re.compile(r"\.yaml:\d+(:\d+)?")


def _load(text: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "p.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_policies([Path(d)])
        except PolicyError as exc:
            assert exc.errors and all(LOCATED.search(e) or "p.yaml" in e for e in exc.errors), exc.errors


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    _load(text.encode("utf-8", "replace").decode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(source=st.sampled_from(SHIPPED), data=st.data())
def test_mutated_shipped_policies(source, data):
    _load(mutate(source.read_text(), data))
