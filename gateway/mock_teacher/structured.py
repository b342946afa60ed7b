"""Deterministic JSON values: JSON-mode replies and tool-call arguments that satisfy a JSON Schema.

Covers the schema subset APIs accept for structured output and tool parameters: object/properties/
required, array/items/minItems/maxItems, string (enum, const, format), integer/number (bounds),
boolean, null, anyOf/oneOf/allOf (first branch), local `$ref` into `$defs`/`definitions`.
"""

import random
from typing import Any

from gateway.mock_teacher import vocabulary as vocab
from gateway.mock_teacher.prose import ProseGenerator

JsonSchema = dict[str, Any]
_MAX_DEPTH = 8  # recursive schemas ($ref to itself) stop here with the smallest valid value

_FORMATS = {
    "date": "2024-05-17",
    "date-time": "2024-05-17T12:30:00Z",
    "time": "12:30:00",
    "email": "user@example.com",
    "uri": "https://example.com/resource",
    "uuid": "123e4567-e89b-42d3-a456-426614174000",
}


class SchemaInstances:
    def __init__(self, prose: ProseGenerator) -> None:
        self._prose = prose

    def json_object(self, rng: random.Random, topics: tuple[str, ...]) -> dict[str, Any]:
        """What JSON mode without a schema returns: a small, plausible object."""
        return {
            "answer": self._prose.sentence(rng, topics),
            "key_points": [self._prose.sentence(rng, topics) for _ in range(rng.randint(2, 4))],
            "topic": rng.choice(topics) if topics else rng.choice(vocab.NOUNS),
            "confidence": round(rng.uniform(0.5, 0.99), 2),
        }

    def instance(self, schema: JsonSchema, rng: random.Random, topics: tuple[str, ...] = ()) -> Any:
        return self._value(schema, schema, rng, topics, 0, "value")

    def _value(self, schema: Any, root: JsonSchema, rng: random.Random, topics: tuple[str, ...],
               depth: int, name: str) -> Any:
        if not isinstance(schema, dict):
            return self._prose.sentence(rng, topics)  # `true` / `{}` schemas accept anything
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return self._value(_resolve(ref, root), root, rng, topics, depth + 1, name)
        if "const" in schema:
            return schema["const"]
        if schema.get("enum"):
            return rng.choice(schema["enum"])
        for combinator in ("anyOf", "oneOf", "allOf"):
            branches = schema.get(combinator)
            if branches:
                branch = _shallowest(branches) if depth >= _MAX_DEPTH else branches[0]
                return self._value(branch, root, rng, topics, depth + 1, name)
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = "null" if depth >= _MAX_DEPTH and "null" in kind else next((k for k in kind if k != "null"), "null")
        if kind is None:
            kind = "object" if "properties" in schema else "array" if "items" in schema else "string"
        if kind == "object":
            return self._object(schema, root, rng, topics, depth)
        if kind == "array":
            return self._array(schema, root, rng, topics, depth, name)
        if kind == "integer":
            low = int(schema.get("minimum", schema.get("exclusiveMinimum", -1) + 1 if "exclusiveMinimum" in schema else 0))
            high = int(schema.get("maximum", schema.get("exclusiveMaximum", low + 101) - 1 if "exclusiveMaximum" in schema else low + 100))
            return rng.randint(low, max(low, high))
        if kind == "number":
            low = float(schema.get("minimum", 0.0))
            high = float(schema.get("maximum", low + 100.0))
            return round(rng.uniform(low, max(low, high)), 3)
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "null":
            return None
        return self._string(schema, rng, topics, name)

    def _object(self, schema: JsonSchema, root: JsonSchema, rng: random.Random, topics: tuple[str, ...],
                depth: int) -> dict[str, Any]:
        properties = schema.get("properties") or {}
        required = set(schema.get("required") or ())
        out: dict[str, Any] = {}
        for key, sub in properties.items():
            # deep in a recursive schema only what is required, so generation terminates
            if depth >= _MAX_DEPTH and key not in required:
                continue
            out[key] = self._value(sub, root, rng, topics, depth + 1, key)
        return out

    def _array(self, schema: JsonSchema, root: JsonSchema, rng: random.Random, topics: tuple[str, ...],
               depth: int, name: str) -> list[Any]:
        low = int(schema.get("minItems", 1 if depth < _MAX_DEPTH else 0))
        high = int(schema.get("maxItems", max(low, 3)))
        count = low if depth >= _MAX_DEPTH else rng.randint(low, max(low, high))
        items = schema.get("items", {"type": "string"})
        return [self._value(items, root, rng, topics, depth + 1, name) for _ in range(count)]

    def _string(self, schema: JsonSchema, rng: random.Random, topics: tuple[str, ...], name: str) -> str:
        fmt = schema.get("format")
        if fmt in _FORMATS:
            return _FORMATS[fmt]
        lowered = name.lower()
        if any(hint in lowered for hint in ("name", "id", "key", "city", "location", "query", "title")):
            text = rng.choice(topics) if topics and rng.random() < 0.5 else self._prose.words(rng, 2)
        else:
            text = self._prose.sentence(rng, topics)
        low, high = int(schema.get("minLength", 0)), schema.get("maxLength")
        if len(text) < low:
            text = text + "x" * (low - len(text))
        if high is not None:
            text = text[: int(high)]
        return text


def _shallowest(branches: list[Any]) -> Any:
    """The branch least likely to recurse: `null`, then any branch without a `$ref`."""
    for branch in branches:
        if isinstance(branch, dict) and branch.get("type") == "null":
            return branch
    return next((b for b in branches if isinstance(b, dict) and "$ref" not in b), branches[0])


def _resolve(ref: str, root: JsonSchema) -> Any:
    if not ref.startswith("#/"):
        return {}
    node: Any = root
    for part in ref[2:].split("/"):
        if not isinstance(node, dict) or part not in node:
            return {}
        node = node[part]
    return node
