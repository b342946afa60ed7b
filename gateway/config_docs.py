"""Render docs/configuration.md from the Settings model (the single source of truth)."""

from __future__ import annotations

from gateway.config import Settings
from gateway.policy.docs import _section

INTRO = """# Configuration reference

*Generated from `gateway/config.py` by `covenant config docs`; do not edit by hand.*

Settings come from, highest precedence first: command-line flags, `COVENANT_*` environment
variables, the config file (`--config FILE`, default `./covenant.yaml` when present), defaults.
Every top-level field has an environment variable: `port` is `COVENANT_PORT`; nested fields use
`__`: `limits.max_body_bytes` is `COVENANT_LIMITS__MAX_BODY_BYTES`; lists and maps take JSON:
`COVENANT_UPSTREAMS='[{"name": "openai", "base_url": "https://api.openai.com", "api_key_env": "OPENAI_API_KEY"}]'`.
Secrets (`admin_token`, `watermark_secret`, `pii_hash_key`, upstream keys via `api_key_env`)
belong in the environment, not in the file. Unknown settings in the file are refused; a `COVENANT_*`
variable that names no setting (`COVENANT_ADMIN_TOKN`) is ignored with a warning when `covenant serve`
starts, naming the setting it resembles. A configuration that does
not load stops every command with status 2 and one line per problem, naming where the value came from:
`covenant.yaml:4:3: audit.sink: Input should be 'none', 'stdout', 'file' or 'redis'`,
`COVENANT_PORT: port: Input should be a valid integer`, `--workers: workers: …`.

"""


def render() -> str:
    schema = Settings.model_json_schema()
    defs = schema.get("$defs", {})
    parts = [INTRO, _section("Settings", schema, defs)]
    for name in sorted(defs):
        parts.append(_section(name, defs[name], defs))
    return "\n".join(parts).rstrip() + "\n"
