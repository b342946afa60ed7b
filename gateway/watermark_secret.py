"""The watermark master secret: from COVENANT_WATERMARK_SECRET, else (embedded default) a random
secret kept in a local file, so marks stay detectable across restarts of a development gateway."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from pydantic import SecretStr

log = logging.getLogger("covenant.watermark")


def master_secret(configured: SecretStr | None, fallback_file: str) -> bytes:
    if configured is not None:
        value = configured.get_secret_value().encode()
        if len(value) < 16:
            raise ValueError("COVENANT_WATERMARK_SECRET must be at least 16 bytes")
        return value
    path = Path(fallback_file)
    if path.exists():
        return path.read_bytes().strip()
    value = secrets.token_hex(32).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(value)
    log.warning("no COVENANT_WATERMARK_SECRET set: generated a watermark master secret in %s "
                "(set the variable in production, the same on every replica)", path)
    return value
