"""The policy reference is generated from the schema and kept in step with it."""

from pathlib import Path

from gateway.policy.docs import render

ROOT = Path(__file__).resolve().parents[2]


def test_docs_policies_md_is_up_to_date():
    on_disk = (ROOT / "docs" / "policies.md").read_text()
    assert on_disk == render(), "docs/policies.md is stale: run `covenant policy docs -o docs/policies.md`"


def test_every_spec_block_is_documented():
    text = render()
    for block in ("selector", "priority", "access", "rate_limits", "extraction", "watermark", "pii"):
        assert f"| `{block}` |" in text


def test_docs_configuration_md_is_up_to_date():
    from gateway.config_docs import render as render_config

    on_disk = (ROOT / "docs" / "configuration.md").read_text()
    assert on_disk == render_config(), "docs/configuration.md is stale: run `covenant config docs -o docs/configuration.md`"
