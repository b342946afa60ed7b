"""Render the policy reference (docs/policies.md) from the pydantic schema, the single source of truth."""

from __future__ import annotations

from typing import Any

from gateway.policy.schema import json_schema

INTRO = """# Policy reference

*Generated from the pydantic schema by `covenant policy docs`; do not edit by hand.*

A policy file holds one or more YAML documents (`---` between them) of kind `Policy`.
Unknown keys are errors. Validate with `covenant policy validate`; the JSON Schema for editors
is printed by `covenant policy schema`.

## How matching policies combine

A policy applies to a request when every field of its `spec.selector` matches (globs; an empty
field matches everything). All matching policies are put in one order: higher `spec.priority`
first, then higher specificity (the number of selector fields set, each key label counting
one), then name. Then:

- **rate_limits**: the limits of *every* matching policy apply together, checked in one store
  round trip; a request must fit all of them. If any of those blocks that limits the request says
  `on_store_error: closed`, a store outage rejects (the stricter mode wins). A block holding only
  `when: throttled` limits adds none to an account that is not throttled, so its fail mode counts
  only for throttled accounts (the shipped `policies/40-extraction.yaml` declares its slow lane so,
  with the default `closed`: during an outage its throttled accounts get 503, everyone else
  follows `baseline`'s `open`).
- **access, extraction, watermark, pii**: single-valued; the first policy in that order that
  sets the block decides.

`covenant policy explain` prints the order and which policy supplied each block.

"""


def _type(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in prop:
        return f"[{prop['$ref'].split('/')[-1]}](#{prop['$ref'].split('/')[-1].lower()})"
    if "anyOf" in prop:
        return " or ".join(_type(p, defs) for p in prop["anyOf"])
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_type(prop.get('items', {}), defs)}"
    if kind == "object" and "additionalProperties" in prop and isinstance(prop["additionalProperties"], dict):
        return f"map of {_type(prop['additionalProperties'], defs)}"
    return str(kind)


def _section(name: str, model: dict[str, Any], defs: dict[str, Any]) -> str:
    lines = [f"### {name}", ""]
    if model.get("description"):
        lines += [" ".join(model["description"].split()), ""]
    props = model.get("properties", {})
    if not props:
        return "\n".join(lines)
    required = set(model.get("required", []))
    lines += ["| field | type | default | description |", "|---|---|---|---|"]
    for field, prop in props.items():
        default = "required" if field in required else f"`{prop['default']}`" if "default" in prop else ""
        desc = " ".join(prop.get("description", "").split()).replace("|", "\\|")
        lines.append(f"| `{field}` | {_type(prop, defs)} | {default} | {desc} |")
    return "\n".join(lines + [""])


def render() -> str:
    schema = json_schema()
    defs = schema.get("$defs", {})
    parts = [INTRO, "## Fields", "", _section("Policy", schema, defs)]
    for name in sorted(defs):
        parts.append(_section(name, defs[name], defs))
    return "\n".join(parts).rstrip() + "\n"
