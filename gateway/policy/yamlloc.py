"""YAML documents with the line and column of every value, for error messages that point at
the offending line. Uses PyYAML's composer (the node tree keeps source marks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class LocatedDoc:
    data: Any
    locations: dict[Path, tuple[int, int]]  # path -> (line, column), 1-based
    start_line: int

    def locate(self, path: Path) -> tuple[int, int]:
        """The position of the deepest known ancestor of `path` (missing fields point at their parent)."""
        for n in range(len(path), -1, -1):
            pos = self.locations.get(tuple(path[:n]))
            if pos is not None:
                return pos
        return (self.start_line, 1)


class _Loader(yaml.SafeLoader):
    pass


MAX_DEPTH = 64  # policies are a few levels deep; deeper input is rejected, not recursed into


def _construct(node: yaml.Node, path: Path, locs: dict[Path, tuple[int, int]], loader: _Loader) -> Any:
    if len(path) > MAX_DEPTH:
        raise yaml.constructor.ConstructorError(None, None, f"nested deeper than {MAX_DEPTH} levels",
                                                node.start_mark)
    locs[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, list):
                key = tuple(key)
            try:
                hash(key)
            except TypeError:  # e.g. `{}: x` or `[{}]: x`: valid YAML, never a policy field
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value (a name), not a mapping", key_node.start_mark
                ) from None
            if key in out:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            # A key's own position is more useful than its value's for "unknown field" errors.
            locs[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _construct(value_node, (*path, key), locs, loader)
            locs[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, (*path, i), locs, loader) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def load_documents(text: str) -> list[LocatedDoc]:
    """Parse every document of a YAML stream. Raises yaml.YAMLError (with a mark) on bad syntax."""
    loader = _Loader(text)
    docs = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            locs: dict[Path, tuple[int, int]] = {}
            data = _construct(node, (), locs, loader)
            docs.append(LocatedDoc(data, locs, node.start_mark.line + 1))
    finally:
        loader.dispose()
    return docs


def yaml_error_position(exc: yaml.YAMLError) -> tuple[int, int]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(document)"
