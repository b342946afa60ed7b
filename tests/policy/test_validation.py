"""A broken policy file is rejected with file, line, column, field path and reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
INVALID = HERE / "invalid"
ROOT = HERE.parents[1]

EXPECTED = {
    "unknown_field.yaml": "7:5: spec.selector.tenant: unknown field",
    "missing_name.yaml": "3:1: metadata.name: field required",
    "bad_api_version.yaml": "1:1: apiVersion: Input should be 'covenant/v1'",
    "bad_yaml.yaml": "6:1: (yaml): expected ',' or ']', but got '<stream end>'",
    "bad_window.yaml": "8:9: spec.rate_limits.limits[0]: '100/fortnight': unknown period 'fortnight' "
                       "(use second, minute, hour, day or month)",
    "bad_name.yaml": "4:3: metadata.name: must be 1-63 lowercase letters, digits, '.', '_' or '-', "
                     "starting and ending alphanumeric",
    "duplicate_key.yaml": "7:3: (yaml): duplicate key 'priority'",
    "bad_access.yaml": "7:5: spec.access.action: Input should be 'allow' or 'deny'",
    "bad_lease.yaml": "8:55: spec.rate_limits.limits[0].lease_s: Input should be a finite number",
}


def covenant(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gateway", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)


def test_every_failure_mode_has_a_case():
    assert sorted(p.name for p in INVALID.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_prints_the_exact_error(name):
    from gateway.policy.load import parse_file

    path = INVALID / name
    _, errors = parse_file(path, display=name)
    assert errors == [f"{name}:{EXPECTED[name]}"]


def test_cli_validate_exits_non_zero_with_every_error():
    out = covenant("policy", "validate", str(INVALID))
    assert out.returncode == 1
    lines = [line for line in out.stderr.splitlines() if line.startswith(str(INVALID))]
    assert len(lines) == len(EXPECTED)
    assert f"{INVALID / 'unknown_field.yaml'}:{EXPECTED['unknown_field.yaml']}" in lines
    assert out.stderr.strip().endswith(f"{len(EXPECTED)} error(s)")


def test_cli_validate_accepts_the_shipped_examples():
    out = covenant("policy", "validate", "policies")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok: ")


def test_duplicate_policy_names_across_files_are_rejected(tmp_path):
    doc = "apiVersion: covenant/v1\nkind: Policy\nmetadata:\n  name: same\nspec: {}\n"
    (tmp_path / "a.yaml").write_text(doc)
    (tmp_path / "b.yaml").write_text(doc)
    out = covenant("policy", "validate", str(tmp_path))
    assert out.returncode == 1
    assert f"{tmp_path / 'b.yaml'}:1:1: metadata.name: duplicate policy name 'same' (also in {tmp_path / 'a.yaml'}:1)" \
        in out.stderr


def test_json_schema_is_published_and_rejects_unknown_keys():
    import json

    import jsonschema

    out = covenant("policy", "schema")
    schema = json.loads(out.stdout)
    good = {"apiVersion": "covenant/v1", "kind": "Policy", "metadata": {"name": "x"}, "spec": {}}
    jsonschema.validate(good, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "spec": {"selectr": {}}}, schema)


def test_absurdly_nested_yaml_is_an_error_not_a_crash(tmp_path):
    from gateway.policy.load import parse_file

    for depth in (100, 5000):  # past our bound, and past the YAML parser's own recursion
        path = tmp_path / f"deep{depth}.yaml"
        path.write_text("apiVersion: " + "[" * depth + "]" * depth + "\n")
        loaded, errors = parse_file(path, display="deep.yaml")
        assert loaded == [] and len(errors) == 1 and errors[0].startswith("deep.yaml:1:")
        assert "nested" in errors[0]


def test_a_mapping_used_as_a_key_is_a_located_error(tmp_path):
    from gateway.policy.load import parse_file

    path = tmp_path / "odd.yaml"
    path.write_text("apiVersion: covenant/v1\nkind: Policy\nmetadata:\n  {}: x\n")
    loaded, errors = parse_file(path, display="odd.yaml")
    assert loaded == [] and errors == ["odd.yaml:4:3: (yaml): a mapping key must be a plain value (a name), not a mapping"]


def test_merge_keys_let_a_mapping_override_what_it_merges(tmp_path):
    from gateway.policy.load import parse_file

    path = tmp_path / "merge.yaml"
    path.write_text("apiVersion: covenant/v1\nkind: Policy\nmetadata: {name: merged}\nspec:\n  rate_limits:\n"
                    "    limits:\n"
                    "      - &per-account {name: account-requests, key: [account], requests: 10/minute}\n"
                    "      - <<: *per-account\n"
                    "        name: account-requests-hourly\n"
                    "        requests: 100/hour\n")
    loaded, errors = parse_file(path, display="merge.yaml")
    assert errors == []
    first, second = loaded[0].policy.spec.rate_limits.limits
    assert (second.name, second.key, second.requests) == ("account-requests-hourly", first.key, "100/hour")


def test_a_key_given_twice_beside_a_merge_is_still_a_duplicate(tmp_path):
    from gateway.policy.load import parse_file

    path = tmp_path / "merge.yaml"
    path.write_text("apiVersion: covenant/v1\nkind: Policy\nmetadata: {name: merged}\nspec:\n"
                    "  selector: &sel {tenants: [acme]}\n"
                    "  access:\n    <<: {action: deny}\n    message: one\n    message: two\n")
    loaded, errors = parse_file(path, display="merge.yaml")
    assert loaded == [] and errors == ["merge.yaml:9:5: (yaml): duplicate key 'message'"]


def test_the_first_of_several_merged_mappings_wins(tmp_path):
    from gateway.policy.load import parse_file

    path = tmp_path / "merge.yaml"
    path.write_text("apiVersion: covenant/v1\nkind: Policy\nmetadata: {name: merged}\nspec:\n"
                    "  access:\n    <<: [{action: deny, message: first}, {action: allow, message: second}]\n")
    loaded, errors = parse_file(path, display="merge.yaml")
    assert errors == [] and loaded[0].policy.spec.access.message == "first"
    assert loaded[0].policy.spec.access.action == "deny"


def test_aliases_expanding_past_the_value_budget_are_an_error_not_a_stall(tmp_path):
    from gateway.policy.load import parse_file
    from gateway.policy.yamlloc import MAX_VALUES

    lines = ["apiVersion: covenant/v1", "kind: Policy", "metadata: {name: laughs}", "spec:", "  selector:",
             "    l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"    l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 5)]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n")  # 10^5 strings from a 400-byte file
    loaded, errors = parse_file(path, display="laughs.yaml")
    assert loaded == [] and len(errors) == 1
    assert errors[0].startswith("laughs.yaml:6:") and f"more than {MAX_VALUES} values in one document" in errors[0]


THROTTLE_TO = """apiVersion: covenant/v1
kind: Policy
metadata: {{name: extraction}}
spec:
  extraction:
    on_throttle:
      - {{action: throttle, rate_limit: {lane}}}
"""
LANE = """apiVersion: covenant/v1
kind: Policy
metadata: {name: lanes}
spec:
  rate_limits:
    limits:
      - {name: slow-lane, key: [account], requests: 5/minute, when: throttled}
"""


def test_validate_refuses_a_throttle_naming_a_limit_no_policy_defines(tmp_path):
    # what the gateway refuses to load (at start-up and on reload) must not pass `covenant policy validate`
    (tmp_path / "extraction.yaml").write_text(THROTTLE_TO.format(lane="no-such-lane"))
    (tmp_path / "lanes.yaml").write_text(LANE)
    out = covenant("policy", "validate", str(tmp_path))
    assert out.returncode == 1
    assert out.stderr.splitlines()[0] == (
        f"{tmp_path / 'extraction.yaml'}:1:1: spec.extraction: throttle names rate limit 'no-such-lane', but no "
        "policy defines a limit 'no-such-lane' with when: throttled")

    (tmp_path / "extraction.yaml").write_text(THROTTLE_TO.format(lane="slow-lane"))
    out = covenant("policy", "validate", str(tmp_path))
    assert out.returncode == 0, out.stderr


def _doc(**spec) -> dict:
    return {"apiVersion": "covenant/v1", "kind": "Policy", "metadata": {"name": "x"}, "spec": spec}


SCHEMA_CASES = {  # document -> whether `covenant policy validate` accepts it
    "minimal": (_doc(), True),
    "snake_case apiVersion": ({"api_version": "covenant/v1", "kind": "Policy", "metadata": {"name": "x"},
                               "spec": {}}, False),
    "upper-case name": ({**_doc(), "metadata": {"name": "Free_Tier"}}, False),
    "name ending in a dash": ({**_doc(), "metadata": {"name": "free-"}}, False),
    "dotted name": ({**_doc(), "metadata": {"name": "team.free-tier_2"}}, True),
    "known entity": (_doc(pii={"prompt": {"entities": ["EMAIL_ADDRESS", "OPENAI_API_KEY"]}}), True),
    "unknown entity": (_doc(pii={"prompt": {"entities": ["EMAIL"]}}), False),
}


@pytest.mark.parametrize("case", sorted(SCHEMA_CASES))
def test_the_json_schema_accepts_what_the_loader_accepts(case):
    import jsonschema
    from pydantic import ValidationError

    from gateway.policy.schema import Policy, json_schema

    doc, accepted = SCHEMA_CASES[case]
    try:
        Policy.model_validate(doc)
        loader = True
    except ValidationError:
        loader = False
    schema = jsonschema.Draft202012Validator(json_schema()).is_valid(doc)
    assert (loader, schema) == (accepted, accepted)
