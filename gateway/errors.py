"""One error tree for everything the gateway itself rejects or fails on.

Each error knows its HTTP status and renders itself in the caller's API dialect, so the
official SDKs raise their proper exception classes (openai.RateLimitError, anthropic.NotFoundError…).
"""

from __future__ import annotations

from typing import Literal

import orjson

Dialect = Literal["openai", "anthropic"]

# Anthropic names its error types by status; see its API "errors" page.
_ANTHROPIC_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    422: "invalid_request_error",
    429: "rate_limit_error",
    500: "api_error",
    502: "api_error",
    503: "overloaded_error",
    504: "api_error",
    529: "overloaded_error",
}
_OPENAI_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_denied",
    404: "not_found_error",
    413: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_exceeded",
    500: "server_error",
    502: "server_error",
    503: "server_error",
    504: "server_error",
}


class GatewayError(Exception):
    """Base of every error the gateway raises toward a caller."""

    status: int = 500
    code: str = "internal_error"
    decision: str = "invalid_request"  # the metric and audit decision of a request refused with this error

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None,
                 param: str | None = None, headers: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.param = param
        self.headers = headers or []

    def body(self, dialect: Dialect, request_id: str | None = None) -> bytes:
        return render_error(dialect, self.status, self.code, self.message, self.param, request_id)


def render_error(dialect: Dialect, status: int, code: str, message: str, param: str | None = None,
                 request_id: str | None = None) -> bytes:
    if dialect == "anthropic":
        etype = _ANTHROPIC_TYPES.get(status, "api_error" if status >= 500 else "invalid_request_error")
        out = {"type": "error", "error": {"type": etype, "message": message, "code": code}}
        if request_id:  # as the API's error bodies carry it, beside the request-id header
            out["request_id"] = request_id
        return orjson.dumps(out)
    etype = _OPENAI_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return orjson.dumps({"error": {"message": message, "type": etype, "code": code, "param": param}})


class InvalidRequest(GatewayError):
    status = 400
    code = "invalid_request"


class AuthenticationFailed(GatewayError):
    status = 401
    code = "invalid_api_key"
    decision = "unauthenticated"  # a rejection, not a malformed request: a surge is someone trying keys


class PermissionDenied(GatewayError):
    status = 403
    code = "permission_denied"


class NotFound(GatewayError):
    status = 404
    code = "not_found"


class BodyTooLarge(GatewayError):
    status = 413
    code = "request_too_large"


class PolicyDenied(GatewayError):
    """A stage denied the request under policy (rate limit, extraction, PII…)."""

    status = 403
    code = "policy_denied"


class UpstreamError(GatewayError):
    status = 502
    code = "upstream_error"
    decision = "upstream_error"
    upstream: str | None = None  # the upstream that failed (set by the router, for metrics)


class UpstreamUnreachable(UpstreamError):
    status = 502
    code = "upstream_unreachable"


class UpstreamTimeout(UpstreamError):
    status = 504
    code = "upstream_timeout"


class UpstreamConnectTimeout(UpstreamTimeout):
    """No connection within the connect timeout: nothing was sent (another upstream may take the request)."""


class ServiceUnavailable(GatewayError):
    status = 503
    code = "service_unavailable"
    decision = "store_unavailable"  # the key store is down (the rate-limit stage's outage is the same decision)


class PolicyError(Exception):
    """A policy file or set that cannot be loaded; carries every error found."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


from gateway.store.errors import StoreUnavailable  # noqa: E402  (re-exported: part of the one error tree)

__all__ = [
    "AuthenticationFailed", "BodyTooLarge", "Dialect", "GatewayError", "InvalidRequest", "NotFound", "PermissionDenied",
    "PolicyDenied", "PolicyError", "ServiceUnavailable", "StoreUnavailable", "UpstreamConnectTimeout", "UpstreamError",
    "UpstreamTimeout",
    "UpstreamUnreachable", "render_error",
]
