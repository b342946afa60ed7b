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
# Values per document, counted as aliases expand: nested aliases (`&a [*b, *b, ...]`) grow exponentially, and a
# 400-byte file would otherwise take minutes and gigabytes to load (in the gateway's reload, too).
MAX_VALUES = 100_000


def _construct(node: yaml.Node, path: Path, locs: dict[Path, tuple[int, int]], loader: _Loader) -> Any:
    if len(path) > MAX_DEPTH:
        raise yaml.constructor.ConstructorError(None, None, f"nested deeper than {MAX_DEPTH} levels",
                                                node.start_mark)
    locs[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if len(locs) > MAX_VALUES:
        raise yaml.constructor.ConstructorError(
            None, None, f"more than {MAX_VALUES} values in one document (aliases expanding?)", node.start_mark)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        own: set[Any] = set()
        for key_node, value_node, explicit in _pairs(node):
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, list):
                key = tuple(key)
            try:
                hash(key)
            except TypeError:  # e.g. `{}: x` or `[{}]: x`: valid YAML, never a policy field
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value (a name), not a mapping", key_node.start_mark
                ) from None
            if explicit and key in own:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            if explicit:
                own.add(key)
            # A key's own position is more useful than its value's for "unknown field" errors.
            locs[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _construct(value_node, (*path, key), locs, loader)
            locs[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, (*path, i), locs, loader) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"


def _pairs(node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node, bool]]:
    """The mapping's (key, value, own) pairs with merge keys (`<<: *base`) expanded as YAML 1.1 says: merged
    pairs first (of several merged mappings the first wins), then the mapping's own pairs, which override them.
    The node is left as it is (PyYAML's flatten_mapping rewrites it in place, and an anchored mapping is
    constructed once per alias: a second visit could no longer tell its own keys from merged ones)."""
    merged: list[tuple[yaml.Node, yaml.Node, bool]] = []
    own: list[tuple[yaml.Node, yaml.Node, bool]] = []
    for key_node, value_node in node.value:
        if key_node.tag != _MERGE:
            if key_node.tag == _VALUE:  # a plain `=` key is the string "=" (as flatten_mapping does)
                key_node.tag = "tag:yaml.org,2002:str"
            own.append((key_node, value_node, True))
            continue
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in reversed(sources):  # later pairs override earlier ones: the first mapping listed wins
            if not isinstance(source, yaml.MappingNode):
                raise yaml.constructor.ConstructorError(
                    None, None, f"`<<` merges a mapping or a list of mappings, not a {source.id}", source.start_mark)
            merged.extend((k, v, False) for k, v, _ in _pairs(source))
    return merged + own


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
