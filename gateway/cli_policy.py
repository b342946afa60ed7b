"""`covenant policy validate|schema|explain|test`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _default_paths(paths: list[str] | None, config: str | None) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    from gateway.config import load_settings

    return [Path(load_settings(config).policies_dir)]


def cmd_validate(args: argparse.Namespace) -> int:
    from gateway.errors import PolicyError
    from gateway.policy.load import load_policies, policy_files
    from gateway.policy.testing import load_test_file, test_files

    paths = _default_paths(args.paths, args.config)
    missing = [p for p in paths if not p.exists()]
    if missing:
        for p in missing:
            print(f"{p}: no such file or directory", file=sys.stderr)
        return 1
    errors: list[str] = []
    count = 0
    try:
        count = len(load_policies(paths).policies)
    except PolicyError as exc:
        errors.extend(exc.errors)
    for tf in test_files(paths):
        errors.extend(load_test_file(tf)[1])
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print(f"ok: {count} policies in {len(policy_files(paths))} files")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from gateway.policy.schema import json_schema

    print(json.dumps(json_schema(), indent=2))
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from gateway.policy.docs import render

    text = render()
    if args.output:
        Path(args.output).write_text(text)
    else:
        print(text, end="")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    import asyncio

    from gateway.cli_keys import label_pairs, open_key_store
    from gateway.config import load_settings
    from gateway.identity import key_id_of
    from gateway.policy.reload import PolicyManager

    settings = load_settings(args.config)
    if args.key:
        kid = key_id_of(args.key)

        async def lookup():
            keys, store = open_key_store(settings)  # the keys file, or the Redis store the gateways read
            try:
                return await keys.get(kid)
            finally:
                if store is not None:
                    await store.close()

        record = asyncio.run(lookup()) if kid else None
        if record is None:
            print("unknown key", file=sys.stderr)
            return 1
        tenant, account, key_id, labels = record.tenant, record.account, record.key_id, record.labels
    else:
        if not (args.tenant and args.account):
            print("give --key, or --tenant and --account", file=sys.stderr)
            return 2
        tenant, account, key_id = args.tenant, args.account, args.key_id or "-"
        labels = label_pairs(args.label)
    policy_dir = Path(args.policies or settings.policies_dir)
    if not policy_dir.exists():  # an empty answer ("no policy matches") would pass for the real one
        print(f"{policy_dir}: no such file or directory", file=sys.stderr)
        return 1
    pm = PolicyManager([policy_dir])
    if not pm.reload():
        print(pm.last_error, file=sys.stderr)
        return 1
    eff = pm.active.match(tenant, account, key_id, labels, args.model, args.route)
    print(f"policy version {eff.version}")
    print(f"principal: tenant={tenant} account={account} key={key_id} labels={labels}")
    print(f"request:   model={args.model} route={args.route}\n")
    if not eff.policies:
        print("no policy matches: the request is allowed with no limits, detection, watermark or scanning.")
        return 0
    print("matching policies, in order (priority, then specificity, then name):")
    for i, p in enumerate(eff.policies, 1):
        sel = p.policy.spec.selector.model_dump(exclude_defaults=True)
        print(f"  {i}. {p.name}  ({p.file}:{p.line}; priority {p.policy.spec.priority}, "
              f"specificity {p.selector.specificity}; selector {sel or 'matches everything'})")
    print("\nrules that apply:")
    for block, source in sorted(eff.sources.items()):
        value = getattr(eff, block)
        shown = [v.model_dump(mode="json", exclude_defaults=True) for v in value] if isinstance(value, tuple) else \
            value.model_dump(mode="json", exclude_defaults=True)
        print(f"  {block} (from {source}): {json.dumps(shown, default=str)}")
    unused = [b for b in ("access", "rate_limits", "extraction", "watermark", "pii") if b not in eff.sources]
    if unused:
        print(f"  not configured by any matching policy: {', '.join(unused)}")
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    from gateway.policy.testing import run_tests

    paths = _default_paths(args.paths, args.config)
    policy_dir = args.policies and Path(args.policies) or (paths[0] if paths[0].is_dir() else paths[0].parent)
    missing = [p for p in (*paths, policy_dir) if not p.exists()]
    if missing:
        for p in dict.fromkeys(missing):
            print(f"{p}: no such file or directory", file=sys.stderr)
        return 1
    results, errors = run_tests(policy_dir, paths)
    for e in errors:
        print(e, file=sys.stderr)
    for r in results:
        print(f"{'PASS' if r.passed else 'FAIL'}  {r.file} :: {r.name}  — {r.detail}")
    failed = sum(not r.passed for r in results)
    print(f"\n{len(results) - failed} passed, {failed} failed")
    if not results and not errors:
        print("no policy test cases found", file=sys.stderr)
        return 1
    return 1 if failed or errors else 0


def add_policy_commands(sub, add_config) -> None:
    policy = sub.add_parser("policy", help="validate, explain and test policies").add_subparsers(
        dest="policy_command", required=True)
    p = policy.add_parser("validate", help="validate policy files; print file:line:column: field: message")
    add_config(p)
    p.add_argument("paths", nargs="*", help="files or directories (default: the policies directory)")
    p.set_defaults(func=cmd_validate)
    p = policy.add_parser("schema", help="print the policy JSON Schema")
    p.set_defaults(func=cmd_schema)
    p = policy.add_parser("docs", help="print the policy reference (Markdown) generated from the schema")
    p.add_argument("--output", "-o", help="write to this file (e.g. docs/policies.md); default: standard output")
    p.set_defaults(func=cmd_docs)
    p = policy.add_parser("explain", help="which policies and rules apply to a principal and request, and why")
    add_config(p)
    p.add_argument("--key")
    p.add_argument("--tenant")
    p.add_argument("--account")
    p.add_argument("--key-id")
    p.add_argument("--label", action="append", metavar="K=V")
    p.add_argument("--model", required=True)
    p.add_argument("--route", default="/v1/chat/completions")
    p.add_argument("--policies", help="policy directory (default from config)")
    p.set_defaults(func=cmd_explain)
    p = policy.add_parser("test", help="run policy test files (*.test.yaml)")
    add_config(p)
    p.add_argument("paths", nargs="*", help="test files or directories (default: the policies directory)")
    p.add_argument("--policies", help="policy directory the tests run against (default: the first path)")
    p.set_defaults(func=cmd_test)
