"""The PII stage's engines across policy versions: a version that another stage rejects retires nothing of the
running one's; engines leave only once a version that no longer uses them is running."""

from __future__ import annotations

from pathlib import Path

from prometheus_client import CollectorRegistry

from gateway.errors import PolicyError
from gateway.metrics import Metrics
from gateway.policy.compile import CompiledPolicySet
from gateway.policy.reload import PolicyManager
from gateway.stages.pii import PiiStage

PII = """apiVersion: covenant/v1
kind: Policy
metadata: {{name: pii}}
spec:
  pii:
    output: {{action: redact, operator: replace, entities: [{entities}]}}
"""
# a policy the PII stage builds an engine for, and that a later stage's preparer refuses
REFUSED = "refused-by-a-later-stage"


def _refuse_marked(ps: CompiledPolicySet) -> None:
    """A later stage's preparer: refuses every version holding a policy named REFUSED."""
    marked = [p for p in ps.policies if p.name == REFUSED]
    if marked:
        raise PolicyError([f"{p.file}:{p.line}:1: refused by a later stage" for p in marked])


def _manager(tmp_path: Path) -> tuple[PolicyManager, PiiStage]:
    metrics = Metrics(CollectorRegistry())
    pii = PiiStage(metrics, hash_key=b"k" * 32)
    manager = PolicyManager([tmp_path], preparers=[pii.prepare, _refuse_marked])  # PII's preparer runs first
    manager.activators = [pii.activate]
    return manager, pii


def test_a_version_rejected_by_a_later_stage_retires_none_of_the_running_engines(tmp_path):
    manager, pii = _manager(tmp_path)
    (tmp_path / "pii.yaml").write_text(PII.format(entities="EMAIL_ADDRESS"))
    assert manager.reload()
    running = set(map(id, manager.active.artifacts["pii"].values()))

    (tmp_path / "pii.yaml").write_text(PII.format(entities="PHONE_NUMBER"))  # a new engine for the next version
    (tmp_path / "refused.yaml").write_text(f"apiVersion: covenant/v1\nkind: Policy\nmetadata: {{name: {REFUSED}}}\n"
                                           "spec: {}\n")  # ...which is refused all the same
    assert not manager.reload()
    assert not pii._retired  # noqa: SLF001 - the running version's engine was retired here before
    assert running <= set(map(id, pii._engines.values()))  # noqa: SLF001

    (tmp_path / "refused.yaml").unlink()
    assert manager.reload()  # the phone-number version runs now: the e-mail engine retires
    assert {id(e) for _, e in pii._retired} == running  # noqa: SLF001
    assert set(map(id, pii._engines.values())) == set(map(id, manager.active.artifacts["pii"].values()))  # noqa: SLF001
