"""Policy tests: `*.test.yaml` files beside the policies, input -> expected decision.

Each case runs the gateway's real pre-check stages (everything after identification) against
a fresh in-memory store, so what a test asserts is what the gateway would do.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gateway.identity import Principal
from gateway.pipeline import RequestContext
from gateway.policy.load import TEST_SUFFIXES, read_documents, yaml_files
from gateway.policy.yamlloc import format_path
from gateway.routes import ROUTE_TABLE


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TestPrincipal(_Strict):
    tenant: str
    account: str
    key_id: str = "test-key"
    labels: dict[str, str] = Field(default_factory=dict)


class TestRequest(_Strict):
    route: str = "/v1/chat/completions"
    model: str
    body: dict[str, Any] = Field(default_factory=dict, description="Extra body fields (messages default to one user turn).")
    client_ip: str = "127.0.0.1"
    user_agent: str = "policy-test"


class Expectation(_Strict):
    decision: str = Field(description="allowed, blocked_access, rate_limited, blocked_extraction, blocked_pii…")
    reason: str | None = Field(None, description="The denial code, e.g. access_denied.")
    policies: list[str] | None = Field(None, description="Names of the matching policies, in order.")


class TestCase(_Strict):
    name: str
    principal: TestPrincipal
    request: TestRequest
    repeat: int = Field(1, ge=1, le=10_000, description="Send the request this many times; the last decision counts.")
    expect: Expectation


class TestFile(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    api_version: Literal["covenant/v1"] = Field(alias="apiVersion")
    kind: Literal["PolicyTest"]
    cases: list[TestCase]


@dataclass
class CaseResult:
    file: str
    name: str
    passed: bool
    detail: str


def test_files(paths: list[Path]) -> list[Path]:
    """Policy test files under the given files/directories (hidden entries skipped, as for policies)."""
    return [p for p in yaml_files(paths) if p.name.endswith(TEST_SUFFIXES)]


def load_test_file(path: Path) -> tuple[list[TestCase], list[str]]:
    docs, errors = read_documents(path, str(path))
    cases: list[TestCase] = []
    for doc in docs:
        try:
            cases.extend(TestFile.model_validate(doc.data).cases)
        except ValidationError as exc:
            for err in exc.errors():
                line, col = doc.locate(tuple(err["loc"]))
                errors.append(f"{path}:{line}:{col}: {format_path(tuple(err['loc']))}: {err['msg']}")
    return cases, errors


async def _run_case(gateway, case: TestCase) -> tuple[str, str | None, tuple[str, ...]]:
    route = ROUTE_TABLE.get(("POST", case.request.route)) or ROUTE_TABLE.get(("GET", case.request.route))
    if route is None:
        raise ValueError(f"unknown route {case.request.route}")
    body = {"model": case.request.model, "messages": [{"role": "user", "content": "hello"}]}
    body.update(case.request.body)
    p = case.principal
    decision, reason, names = "allowed", None, ()
    for _ in range(case.repeat):
        ctx = RequestContext("policy-test", route, case.request.client_ip, case.request.user_agent, {})
        ctx.body = orjson.dumps(body)
        ctx.principal = Principal(p.tenant, p.account, p.key_id, dict(p.labels))
        deny = await gateway.precheck.run_request(ctx)
        decision, reason = (deny.decision, deny.code) if deny else ("allowed", None)
        names = ctx.policy.names if ctx.policy else ()
        ctx.status = deny.status if deny else 200
        ctx.decision = decision
        await gateway.precheck.finish(ctx)
    return decision, reason, names


def run_tests(policy_dir: Path, test_paths: list[Path]) -> tuple[list[CaseResult], list[str]]:
    """Run every case of every test file against the policies in `policy_dir`."""
    from gateway.config import Settings
    from gateway.service import Gateway

    results: list[CaseResult] = []
    errors: list[str] = []

    async def main() -> None:
        gateway = Gateway(Settings(policies_dir=str(policy_dir), dev_key=False, keys_file="/nonexistent/keys.json"))
        try:
            await gateway.start_offline()
        except RuntimeError:
            if gateway.policies.last_error is None:
                raise
            # policies that do not load: their errors (file:line:column) are what the run reports
            errors.extend(line for line in gateway.policies.last_error.splitlines() if line.strip())
            await gateway.stop()
            return
        try:
            for path in test_files(test_paths):
                cases, errs = load_test_file(path)
                errors.extend(errs)
                for case in cases:
                    await gateway.reset_state()
                    try:
                        decision, reason, names = await _run_case(gateway, case)
                    except Exception as exc:  # a broken case is a failed case, with the reason
                        results.append(CaseResult(str(path), case.name, False, f"error: {exc}"))
                        continue
                    problems = []
                    if decision != case.expect.decision:
                        problems.append(f"decision {decision!r}, expected {case.expect.decision!r}")
                    if case.expect.reason is not None and reason != case.expect.reason:
                        problems.append(f"reason {reason!r}, expected {case.expect.reason!r}")
                    if case.expect.policies is not None and list(names) != case.expect.policies:
                        problems.append(f"policies {list(names)}, expected {case.expect.policies}")
                    detail = "; ".join(problems) or f"{decision}" + (f" ({reason})" if reason else "")
                    results.append(CaseResult(str(path), case.name, not problems, detail))
        finally:
            await gateway.stop()

    asyncio.run(main())
    return results, errors
