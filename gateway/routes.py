"""The API routes Covenant proxies, and what each one is."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal
from urllib.parse import quote

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
    target: str = ""  # the upstream path when it is not `path` (GET /v1/models/{model} names the model)
    model: str = ""  # the model a bodiless request is about (GET /v1/models/{model})


ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/chat/completions", "openai.chat.completions", "openai", True),
    Route("POST", "/v1/completions", "openai.completions", "openai", True),
    Route("POST", "/v1/responses", "openai.responses", "openai", True),
    Route("POST", "/v1/embeddings", "openai.embeddings", "openai", False, generates=False),
    Route("POST", "/v1/messages", "anthropic.messages", "anthropic", True),
    Route("POST", "/v1/messages/count_tokens", "anthropic.count_tokens", "anthropic", False, generates=False),
)

MODELS = "/v1/models"
# Both SDKs list and retrieve models (`client.models.list()` / `.retrieve(id)`) on the same paths;
# the caller's dialect decides the error format, the api label and which upstream answers.
_MODELS = {d: Route("GET", MODELS, f"{d}.models", d, False, has_body=False, generates=False)
           for d in ("openai", "anthropic")}
_MODEL = {d: Route("GET", MODELS + "/{model}", f"{d}.models", d, False, has_body=False, generates=False)
          for d in ("openai", "anthropic")}

ROUTE_TABLE: dict[tuple[str, str], Route] = {(r.method, r.path): r for r in ROUTES}
PATHS = frozenset(r.path for r in (*ROUTES, _MODELS["openai"]))


def guess_dialect(headers: dict[str, str], path: str) -> Dialect:
    """For requests that match no route: answer in the dialect the caller most likely speaks."""
    if "anthropic-version" in headers or path.startswith("/v1/messages"):
        return "anthropic"
    if "x-api-key" in headers and "authorization" not in headers:
        return "anthropic"
    return "openai"


def is_models_path(path: str) -> bool:
    return path == MODELS or path.startswith(MODELS + "/")


def models_route(scope: dict) -> Route | None:
    """GET /v1/models[/{model}], or None for a path that names no model. The route's `path` stays the
    template (a bounded metrics label and policy key); `target` is what goes upstream (the query string
    follows, as on every route): the model id re-encoded as one path segment, so no id can reach another
    upstream path ("../files")."""
    headers = {k.decode("latin-1").lower(): "" for k, _ in scope["headers"]}
    path = scope["path"]
    dialect = guess_dialect(headers, path)
    if path == MODELS:
        return _MODELS[dialect]
    model = path[len(MODELS) + 1:]
    if model in ("", ".", ".."):
        return None
    return replace(_MODEL[dialect], target=f"{MODELS}/{quote(model, safe='')}", model=model)
