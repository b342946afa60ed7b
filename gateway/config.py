"""Gateway settings: a YAML file (optional) overlaid by `COVENANT_*` environment variables.

Precedence, highest first: CLI flags, environment (`COVENANT_PORT=9000`, nested with `__`:
`COVENANT_LIMITS__MAX_BODY_BYTES=1048576`), the config file, defaults. With no file at all the
gateway runs on the embedded default: in-memory store, the built-in mock teacher, ./policies.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from gateway.mock_teacher.settings import MockSettings


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Timeouts(_Strict):
    connect: float = Field(5.0, gt=0, description="Seconds to open a connection to the upstream, or to wait for one when "
                                            "all `max_connections` are busy (then the request was not sent: it goes "
                                            "to the next upstream serving the model, else a 504).")
    first_byte: float = Field(60.0, gt=0, description="Seconds to wait for the response headers, and at most between two chunks of a response.")
    total: float = Field(600.0, gt=0, description="Seconds for the whole exchange, streams included.")


class UpstreamConfig(_Strict):
    name: str = Field(description="Name used in logs and metrics.")
    dialect: Literal["openai", "anthropic", "any"] = Field(
        "openai", description="API the upstream speaks; `any` for the mock, which speaks both.")
    base_url: str | None = Field(None, description="e.g. https://api.openai.com (no /v1). None for the built-in mock.")
    api_key_env: str | None = Field(None, description="Environment variable holding the upstream credential.")
    models: list[str] = Field(default_factory=lambda: ["*"], description="Model name globs routed here.")
    timeouts: Timeouts = Field(default_factory=Timeouts)
    max_connections: int = Field(256, ge=1, description="Connection pool size to this upstream.")
    cooldown_seconds: float = Field(
        5.0, ge=0, description="When several upstreams serve a model, one that refuses a connection (or does not "
                               "accept one in time) is tried after the others for this long; the request it failed "
                               "goes to the next one at once (so does one it answers 429, 500, 502, 503, 504 or 529).")
    stream_usage: bool = Field(
        True, description="On OpenAI-API streams (chat, completions) whose caller did not ask for the usage chunk, "
                          "ask for it (`stream_options.include_usage`) so token limits, spend and metrics count the "
                          "upstream's own figures, and remove it from the caller's stream. An upstream that "
                          "refuses the field (400 naming it) gets the request again as the caller wrote it and "
                          "is not asked again by that process (logged once); turn it off for such an upstream. "
                          "Without the usage chunk, streams are charged an estimate.")

    @property
    def builtin_mock(self) -> bool:
        return self.base_url is None


class Limits(_Strict):
    max_body_bytes: int = Field(4 * 1024 * 1024, ge=1, description="Larger request bodies get 413 (compressed ones: once "
                                "decoded). Raise it for base64 image and PDF inputs; the Anthropic API takes up "
                                "to 32 MB, and each request in flight holds its body in memory.")
    max_json_depth: int = Field(32, ge=1, description="Deeper JSON bodies get 400.")
    max_messages: int = Field(2048, ge=1, description="More messages in one request get 400.")
    max_header_bytes: int = Field(32 * 1024, ge=1, description="Larger request headers (all together) get 431.")
    max_stream_seconds: float = Field(900.0, gt=0, description="A stream is cut after this long.")
    body_timeout_seconds: float = Field(
        30.0, gt=0, description="A request body not fully received this long after its headers gets 408 "
                                "(uvicorn has no body read timeout: a trickling sender would hold a request).")
    header_timeout_seconds: float = Field(
        30.0, gt=0, description="Request headers begun but not complete this long after their first read get 408 and "
                                "the connection is closed (a client trickling a head held a connection); also how long "
                                "a kept-alive connection may stay idle.")
    default_max_tokens: int = Field(4096, ge=1, description="Output budget assumed when a request sets none.")


class AuditConfig(_Strict):
    sink: Literal["none", "stdout", "file", "redis"] = Field("none", description="Where audit records go.")
    path: str = Field("audit/covenant-audit.jsonl",
                      description="JSONL file for the `file` sink; `{pid}` becomes the worker's pid.")
    content: Literal["full", "redacted", "hash", "none"] = Field(
        "hash", description="How prompts and responses appear in audit records.")
    queue_size: int = Field(10_000, ge=1, description="Records buffered before drops (counted, never silent).")
    rotate_bytes: int = Field(100 * 1024 * 1024, ge=1, description="Rotate the file at this size.")
    rotate_seconds: float = Field(86400.0, gt=0, description="Rotate the file at least this often.")
    rotate_keep: int = Field(10, ge=1, description="Rotated files kept.")
    redis_stream_maxlen: int = Field(1_000_000, ge=1, description="Cap of the Redis Stream sink (approximate trimming).")
    hash_key_env: str | None = Field(None, description="Environment variable holding the HMAC key of `hash` mode "
                                                       "(plain SHA-256 without it).")
    flush_seconds: float = Field(5.0, gt=0, description="On shutdown, wait this long to write queued records.")


LOG_LEVELS = ("debug", "info", "warning", "error", "critical")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COVENANT_", env_nested_delimiter="__", extra="forbid")

    host: str = Field("127.0.0.1", description="Listen address (0.0.0.0 in containers).")
    port: int = Field(8080, ge=1, le=65535, description="Listen port of the proxy (and of the admin API unless admin_port is set).")
    workers: int = Field(1, ge=1, description="Worker processes; each keeps its own connections and caches (and, "
                         "on the memory store, its own limit counters: use Redis for exact limits across workers).")
    log_level: str = Field("info", description="debug, info, warning, error or critical (any case).")
    log_format: Literal["json", "text"] = Field("text", description="json: one object per line, for log pipelines.")
    store: str = Field("memory://", description="memory:// | redis://… | rediss://… | unix://… | redis+sentinel://… | "
                                                "redis+cluster://…")
    store_timeout_ms: float = Field(50.0, gt=0, description="Per-command store timeout.")
    extraction_partitions: int = Field(
        4, ge=1, le=1024, description="Redis store: the extraction feature-event stream partitions the gateways "
        "publish to and `covenant worker` consumes; set the same value on both (one shared config).")
    extraction_model: str | None = Field(
        None, description="A re-scorer model file of your own (written by `python -m benchmarks.extraction_rescorer "
        "--export`, e.g. trained on your reviewed traffic) instead of the one shipped with the gateway; read where the "
        "detector runs (the gateway with memory://, `covenant worker` with Redis) when the policy turns "
        "extraction.rescorer on. Checked at start-up.")
    store_startup_wait_s: float = Field(10.0, ge=0, description="At start-up, how long to retry the store's first "
                                        "connection (a store still starting, a loaded host) before the gateway exits.")
    policies_dir: str = Field("policies", description="Directory of policy files, watched for hot reload.")
    keys_file: str = Field("covenant-keys.json", description="API key hashes when the store is memory://.")
    dev_key: bool = Field(True, description="Print a development key at startup when no keys exist (embedded default).")
    admin_token: SecretStr | None = Field(None, description="Bearer token for /admin/v1 (COVENANT_ADMIN_TOKEN).")
    admin_port: int | None = Field(None, ge=1, le=65535, description="Serve the admin API on its own port instead "
                                                                     "(not the proxy's `port`).")
    upstream_user_id: Literal["account", "tenant", "off"] = Field(
        "account", description="Send the upstream an opaque keyed id of the caller (OpenAI `safety_identifier`, "
        "`user` on completions and embeddings; Anthropic `metadata.user_id`), so the provider's abuse enforcement "
        "can act on one account instead of the whole organisation behind the gateway's credential. The caller's own "
        "value is folded in (one id per end user of an account); `tenant`: one id per tenant; `off`: bodies as sent.")
    watermark_secret: SecretStr | None = Field(None, description="Master secret of watermark keys (COVENANT_WATERMARK_SECRET).")
    watermark_secret_file: str = Field(
        "covenant-watermark.key", description="Where a generated master secret is kept when none is configured.")
    provenance_capacity: int = Field(
        1_000_000, ge=1, description="Responses kept in the watermark provenance index, oldest evicted (~1 kB each in Redis; "
                    "with memory:// at most 100,000, ~8 kB each on the heap).")
    provenance_retention_days: float = Field(
        90.0, gt=0, description="Provenance fingerprints older than this are evicted.")
    watermark_reference_flush_seconds: float = Field(
        30.0, gt=0, description="How often the upstream's word counts recorded while marking (the watermark's "
                    "gateway-recorded reference, policy `record_reference`) are added to the store; and at shutdown.")
    watermark_reference_sample: float = Field(
        0.1, gt=0, le=1, description="Share of marked responses (at random) whose original text is observed for "
                    "the recorded reference, in the background: each costs about one detection scan of the text "
                    "(~1.7x its marking) of CPU, in the gateway with the memory store, in `covenant worker` "
                    "with Redis (the text then travels in the provenance queue).")
    watermark_reference_tenants: int = Field(
        100, ge=0, description="Tenants whose recorded reference is also kept on its own (`covenant watermark detect "
                    "--reference gateway --tenant T`), per equivalence table; later tenants count in the global reference "
                    "only. A table holds at most 1,553 counters (one per set member): ~79 kB in Redis, ~100 kB in the memory "
                    "store, ~21 kB in its file, 24 kB per process between flushes. 0: the global reference only.")
    watermark_reference_file: str | None = Field(
        None, description="Memory store only: keep the recorded reference's counts in this file (loaded at start, "
                    "rewritten atomically at each flush and at shutdown; a corrupt file is kept aside as "
                    "`<file>.corrupt-<time>`, never overwritten). Unset: the counts die with the process.")
    pii_hash_key: SecretStr | None = Field(None, description="Key of the PII `hash` operator (COVENANT_PII_HASH_KEY).")
    metrics_tenant_label: bool = Field(True, description="Label metrics by tenant (bounded by your tenant count).")
    upstreams: list[UpstreamConfig] = Field(
        default_factory=lambda: [UpstreamConfig(name="mock", dialect="any")],
        description="Upstreams in routing order: the first whose model globs match serves the request.")
    limits: Limits = Field(default_factory=Limits, description="Request size and shape limits.")
    audit: AuditConfig = Field(default_factory=AuditConfig, description="Audit log sink and content mode.")
    mock: MockSettings = Field(default_factory=MockSettings, description="The built-in mock teacher.")
    drain_seconds: float = Field(30.0, ge=0, description="On SIGTERM, wait this long for in-flight requests.")
    gc_freeze: bool = Field(True, description="Serving processes freeze the objects alive after start-up (and "
                            "after each policy change) so that the garbage collector's full collections skip "
                            "them: a 70-99 ms pause every few seconds under load becomes a ~1 ms one. "
                            "Costs one full collection per policy change.")
    speculative_admission: bool = Field(
        True, description="When an account's last rate-limit admission left ample room (a quarter of every "
                          "limit or more), start the upstream call while the store answers the next one, which "
                          "still decides: a denial then aborts the upstream call before anything reaches the "
                          "client. Hides the store round trip from the latency; costs an aborted upstream "
                          "call when the guess is wrong (counted in covenant_ratelimit_speculations_total).")

    @field_validator("port", mode="before")
    @classmethod
    def _port(cls, value: Any) -> Any:
        if isinstance(value, str) and value.startswith("tcp://"):
            raise ValueError(f"{value!r} is a Kubernetes service link (a Service named `covenant` in the namespace "
                             "sets COVENANT_PORT): rename the Service, or set `enableServiceLinks: false` in the pod")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.strip().lower()
        if level not in LOG_LEVELS:
            raise ValueError(f"unknown log level {value!r}: use one of {', '.join(LOG_LEVELS)}")
        return level

    @field_validator("store")
    @classmethod
    def _store(cls, value: str) -> str:
        from gateway.store import check_store_url  # no I/O: the scheme only

        return check_store_url(value)

    @field_validator("extraction_model")
    @classmethod
    def _extraction_model(cls, value: str | None) -> str | None:
        if value:
            from gateway.extraction.rescorer import TreeEnsemble

            TreeEnsemble.from_file(value)  # a model that will not load stops the start, not the first scoring
        return value or None

    @field_validator("admin_port")
    @classmethod
    def _admin_port(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and value == info.data.get("port"):
            raise ValueError(f"{value} is also the proxy's port: give the admin API a port of its own, or leave "
                             "admin_port unset to serve it on the proxy's port")
        return value

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings) -> tuple[PydanticBaseSettingsSource, ...]:
        # CLI flags (init) > environment > config file; nested values merge field by field.
        return init_settings, env_settings, _FileSource(settings_cls)


class _FileSource(PydanticBaseSettingsSource):
    data: dict[str, Any] = {}

    def get_field_value(self, field, field_name):  # pragma: no cover - __call__ is used instead
        return self.data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(_FILE_DATA.get() or {})


_FILE_DATA: ContextVar[dict[str, Any] | None] = ContextVar("covenant_config_file", default=None)


class ConfigError(Exception):
    """The configuration does not load: every problem as `where: field: message`, where is
    `file:line:column`, the environment variable or the command-line flag that set the value."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


# Variables with the prefix that are read but are not settings (`covenant worker` options, the peer benchmarks'
# cache). (COVENANT_CONFIG_FILE, how `serve --workers` hands the config file to its workers, is not read from a
# caller's environment: --config is.)
OTHER_VARIABLES = frozenset({"COVENANT_WORKER_NICE", "COVENANT_WORKER_METRICS_PORT", "COVENANT_BENCH_CACHE"})
# What Kubernetes sets for a Service named covenant-… in the pod's namespace (service links): not meant for us.
_SERVICE_LINK = re.compile(r"^COVENANT_[A-Z0-9_]*?_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_\d+_(TCP|UDP|SCTP)"
                           r"(_PROTO|_PORT|_ADDR)?)?)$")


def unknown_environment(environ: Mapping[str, str] | None = None) -> list[str]:
    """`COVENANT_*` variables that name no setting (a typo such as COVENANT_ADMIN_TOKN is otherwise ignored without
    a word, and the gateway runs without what it meant), each with the closest setting's variable when one is
    near. For a warning: the environment may hold other programs' variables of that prefix."""
    environ = os.environ if environ is None else environ
    known = {"COVENANT_" + name.upper() for name in Settings.model_fields}
    out = []
    for var in sorted(environ):
        name = var.upper()
        if not name.startswith("COVENANT_") or name in OTHER_VARIABLES or _SERVICE_LINK.match(name):
            continue
        if name in known or name.split("__", 1)[0] in known and "__" in name:
            continue
        near = difflib.get_close_matches(name.split("__", 1)[0], known, n=1, cutoff=0.8)
        out.append(f"{var} is not a setting, ignored" + (f" (did you mean {near[0]}?)" if near else ""))
    return out


def load_settings(config_file: str | None = None, **overrides: Any) -> Settings:
    """Read the config file (explicit, else ./covenant.yaml when present), then env, then overrides."""
    from gateway.policy.yamlloc import format_path, load_documents, yaml_error_position

    path = Path(config_file) if config_file else Path("covenant.yaml")
    data: dict[str, Any] = {}
    doc = None
    if config_file or path.exists():
        try:
            docs = load_documents(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError([f"{path}: cannot read the config file: {exc}"]) from None
        except yaml.YAMLError as exc:
            line, col = yaml_error_position(exc)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ConfigError([f"{path}:{line}:{col}: (yaml): {problem}"]) from None
        doc = docs[0] if docs else None
        data = doc.data if doc is not None and doc.data is not None else {}
        if not isinstance(data, dict):
            raise ConfigError([f"{path}:1:1: the config file must be a mapping of settings"])
    token = _FILE_DATA.set(data)
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            field = format_path(loc)
            message = "unknown setting" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
            errors.append(f"{_origin(loc, path, doc, overrides)}: {field}: {message}")
        raise ConfigError(errors) from None
    finally:
        _FILE_DATA.reset(token)


def _origin(loc: tuple, path: Path, doc, overrides: dict[str, Any]) -> str:
    """Where the value at `loc` came from, in the order the sources win: flag, environment, file."""
    top = loc[0] if loc else ""
    if overrides.get(str(top)) is not None:
        return f"--{str(top).replace('_', '-')}"
    for n in range(len(loc), 0, -1):
        name = "COVENANT_" + "__".join(str(p) for p in loc[:n]).upper()
        if name in os.environ:
            return name
    if doc is not None and (loc in doc.locations or (loc[:1] and loc[:1] in doc.locations)):
        line, col = doc.locate(loc)
        return f"{path}:{line}:{col}"
    return "(configuration)"
