"""Error bodies as each API writes them, so clients and the gateway see the real shapes."""

from typing import Any

_OPENAI_TYPES = {
    400: ("invalid_request_error", None), 401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "unsupported_country_region_territory"), 404: ("invalid_request_error", "model_not_found"),
    408: ("timeout", None), 409: ("invalid_request_error", None), 413: ("invalid_request_error", "request_too_large"),
    422: ("invalid_request_error", None), 429: ("rate_limit_exceeded", "rate_limit_exceeded"),
    500: ("server_error", None), 502: ("server_error", None), 503: ("server_error", "service_unavailable"),
    504: ("server_error", None),
}

_ANTHROPIC_TYPES = {
    400: "invalid_request_error", 401: "authentication_error", 402: "billing_error", 403: "permission_error",
    404: "not_found_error", 413: "request_too_large", 429: "rate_limit_error", 500: "api_error",
    504: "timeout_error", 529: "overloaded_error",
}


def openai_error(status: int, message: str, param: str | None = None) -> dict[str, Any]:
    kind, code = _OPENAI_TYPES.get(status, ("server_error" if status >= 500 else "invalid_request_error", None))
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def anthropic_error(status: int, message: str, request_id: str | None = None) -> dict[str, Any]:
    kind = _ANTHROPIC_TYPES.get(status, "api_error" if status >= 500 else "invalid_request_error")
    body: dict[str, Any] = {"type": "error", "error": {"type": kind, "message": message}}
    if request_id:
        body["request_id"] = request_id
    return body


def error_headers(status: int) -> dict[str, str]:
    """429 and 503 carry retry-after, as the real APIs do; a 1 ms `retry-after-ms` (which the SDKs read
    first) keeps SDK retries near instant in tests."""
    return {"retry-after": "0", "retry-after-ms": "1"} if status in (429, 503, 529) else {}
