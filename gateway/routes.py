"""The API routes Covenant proxies, and what each one is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Dialect = Literal["openai", "anthropic"]


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    path: str
    api: str  # traffic-log name, e.g. "openai.chat.completions"
    dialect: Dialect
    streams: bool  # the API supports "stream": true
    has_body: bool = True
    generates: bool = True  # produces model output (token-bearing, watermarkable)


ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/chat/completions", "openai.chat.completions", "openai", True),
    Route("POST", "/v1/completions", "openai.completions", "openai", True),
    Route("POST", "/v1/responses", "openai.responses", "openai", True),
    Route("POST", "/v1/embeddings", "openai.embeddings", "openai", False, generates=False),
    Route("GET", "/v1/models", "openai.models", "openai", False, has_body=False, generates=False),
    Route("POST", "/v1/messages", "anthropic.messages", "anthropic", True),
    Route("POST", "/v1/messages/count_tokens", "anthropic.count_tokens", "anthropic", False, generates=False),
)

ROUTE_TABLE: dict[tuple[str, str], Route] = {(r.method, r.path): r for r in ROUTES}
PATHS = frozenset(r.path for r in ROUTES)


def guess_dialect(headers: dict[str, str], path: str) -> Dialect:
    """For requests that match no route: answer in the dialect the caller most likely speaks."""
    if "anthropic-version" in headers or path.startswith("/v1/messages"):
        return "anthropic"
    if "x-api-key" in headers and "authorization" not in headers:
        return "anthropic"
    return "openai"
