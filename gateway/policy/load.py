"""Load and validate policy files: every error as `file:line:column: field.path: message`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from gateway.errors import PolicyError
from gateway.policy.schema import Policy
from gateway.policy.yamlloc import LocatedDoc, format_path, load_documents, yaml_error_position

POLICY_SUFFIXES = (".yaml", ".yml")
TEST_SUFFIXES = (".test.yaml", ".test.yml")


@dataclass(frozen=True)
class LoadedPolicy:
    policy: Policy
    file: str
    line: int


def yaml_files(paths: list[Path]) -> list[Path]:
    """The YAML files under the given files/directories (a file given is taken as it is), sorted. Hidden entries
    below a directory are skipped: Kubernetes mounts a ConfigMap as `..<timestamp>/` data plus symlinks, and
    editors leave `.swp` files; both would load policies (and run their tests) twice."""
    out: set[Path] = set()
    for path in paths:
        if path.is_dir():
            out.update(p for p in path.rglob("*") if p.is_file() and p.name.endswith(POLICY_SUFFIXES)
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            out.add(path)
    return sorted(out)


def policy_files(paths: list[Path]) -> list[Path]:
    """Policy files under the given files/directories, sorted; `*.test.yaml` files are not policies."""
    return [p for p in yaml_files(paths) if not p.name.endswith(TEST_SUFFIXES)]


def _pydantic_message(err: dict) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "field required"
    msg = err["msg"]
    return msg.removeprefix("Value error, ")


def read_documents(path: Path, name: str) -> tuple[list[LocatedDoc], list[str]]:
    """The non-empty YAML documents of a policy or policy-test file, or the one error that stops reading it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{name}:1:1: (file): cannot read: {exc}"]
    try:
        docs = load_documents(text)
    except RecursionError:  # PyYAML's composer recurses too: absurd nesting must not crash the loader
        return [], [f"{name}:1:1: (yaml): nested too deeply"]
    except yaml.YAMLError as exc:
        line, col = yaml_error_position(exc)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return [], [f"{name}:{line}:{col}: (yaml): {problem}"]
    return [doc for doc in docs if doc.data is not None], []


def parse_file(path: Path, display: str | None = None) -> tuple[list[LoadedPolicy], list[str]]:
    name = display or str(path)
    docs, errors = read_documents(path, name)
    loaded: list[LoadedPolicy] = []
    for doc in docs:
        try:
            policy = Policy.model_validate(doc.data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                line, col = doc.locate(loc)
                errors.append(f"{name}:{line}:{col}: {format_path(loc)}: {_pydantic_message(err)}")
            continue
        loaded.append(LoadedPolicy(policy, name, doc.start_line))
    return loaded, errors


def throttle_lane_errors(loaded: list[LoadedPolicy]) -> list[str]:
    """An extraction `throttle` action names a rate limit that some policy defines with `when: throttled`
    (a check across files: each file alone may be valid)."""
    lanes = {rule.name for item in loaded if item.policy.spec.rate_limits is not None
             for rule in item.policy.spec.rate_limits.limits if rule.when == "throttled"}
    errors = []
    for item in loaded:
        extraction = item.policy.spec.extraction
        if extraction is None:
            continue
        for action in (*extraction.on_flag, *extraction.on_throttle, *extraction.on_block):
            if action.action == "throttle" and action.rate_limit not in lanes:
                errors.append(f"{item.file}:{item.line}:1: spec.extraction: throttle names rate limit "
                              f"{action.rate_limit!r}, but no policy defines a limit {action.rate_limit!r} "
                              "with when: throttled")
    return errors


@dataclass(frozen=True)
class PolicySource:
    policies: tuple[LoadedPolicy, ...]
    files: tuple[str, ...]
    version: str  # content hash of all files, stable across replicas


def load_policies(paths: list[Path]) -> PolicySource:
    """Load every policy file; raise PolicyError listing every error of every file."""
    files = policy_files(paths)
    digest = hashlib.sha256()
    loaded: list[LoadedPolicy] = []
    errors: list[str] = []
    for path in files:
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes() + b"\0")
        except OSError:
            pass
        items, errs = parse_file(path)
        loaded.extend(items)
        errors.extend(errs)
    seen: dict[str, LoadedPolicy] = {}
    for item in loaded:
        name = item.policy.metadata.name
        if name in seen:
            errors.append(f"{item.file}:{item.line}:1: metadata.name: duplicate policy name {name!r} "
                          f"(also in {seen[name].file}:{seen[name].line})")
        seen[name] = item
    errors.extend(throttle_lane_errors(loaded))
    if errors:
        raise PolicyError(errors)
    return PolicySource(tuple(loaded), tuple(str(f) for f in files), digest.hexdigest()[:16])
