"""The active policy version, and hot reload: build the new version completely, swap it in only
on success, keep the old one on failure, count both outcomes."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gateway.errors import PolicyError
from gateway.policy.compile import CompiledPolicySet
from gateway.policy.load import load_policies

log = logging.getLogger("covenant.policy")

Preparer = Callable[[CompiledPolicySet], None]  # builds per-version artifacts; raises PolicyError to refuse


class PolicyManager:
    def __init__(self, paths: list[Path], preparers: list[Preparer] | None = None,
                 on_result: Callable[[str, CompiledPolicySet | None], None] | None = None) -> None:
        self.paths = paths
        self.preparers = list(preparers or [])
        self._on_result = on_result or (lambda result, ps: None)
        # called after a new version is active (not after a reload that found the same version)
        self.on_change: list[Callable[[CompiledPolicySet], None]] = []
        # stages told first that a version is running (they may let go of what only the previous one used)
        self.activators: list[Callable[[CompiledPolicySet], None]] = []
        self._active = CompiledPolicySet.empty()
        self.last_error: str | None = None
        self.last_error_at: float | None = None
        self.last_reload_at: float | None = None
        self._lock = threading.Lock()

    @property
    def active(self) -> CompiledPolicySet:
        return self._active

    def current(self) -> CompiledPolicySet:
        return self._active

    def build(self) -> CompiledPolicySet:
        """Load, validate and compile without touching the active version."""
        existing = [p for p in self.paths if p.exists()]
        ps = CompiledPolicySet(load_policies(existing))
        for prepare in self.preparers:
            prepare(ps)
        return ps

    def reload(self) -> bool:
        """Try to load a new version. True when swapped in; False when rejected (old one stays). One at a time:
        the watcher and `POST /admin/v1/policy/reload` each reload in a thread, and the preparers update their
        stage's state."""
        with self._lock:
            return self._reload()

    def _reload(self) -> bool:
        try:
            ps = self.build()
        except PolicyError as exc:
            return self._reject(f"\n{exc}", str(exc))
        if not ps.policies and self._active.policies:
            # An emptied directory (a ConfigMap mid-swap, a bad rsync) would switch PII redaction and every limit
            # off at once, with an info line; start-up without policies is allowed and warns.
            reason = (f"no policies found under {', '.join(str(p) for p in self.paths)}: a reload never drops "
                      "every policy (restart the gateway to run without any)")
            return self._reject(f" {reason}", reason)
        changed = ps.version != self._active.version
        self._active = ps  # one reference assignment: in-flight requests keep the version they matched
        self.last_error = None
        self.last_reload_at = time.time()
        if changed:
            log.info("policy version %s active: %d policies from %d files", ps.version, len(ps.policies),
                     len(ps.files))
        self._on_result("success", ps)
        if changed:
            for listener in (*self.activators, *self.on_change):
                listener(ps)
        return True

    def _reject(self, logged: str, error: str) -> bool:
        """The new version is refused: the running one stays, the error is kept, logged and counted."""
        self.last_error = error
        self.last_error_at = time.time()
        log.error("policy reload rejected; version %s stays in force:%s", self._active.version, logged)
        self._on_result("error", None)
        return False

    async def watch(self, stop: asyncio.Event, extra: dict[Path, Callable[[], None]] | None = None) -> None:
        """Reload on file changes under the policy paths (and call `extra` handlers for other files)."""
        from watchfiles import DefaultFilter, awatch  # imported here: only a serving gateway watches

        extra = extra or {}
        # Resolved once, at startup (a few stat calls), not per change: watchfiles reports paths
        # under the resolved roots it watches.
        targets = [p.resolve() for p in [*self.paths, *extra] if p.exists() or p.parent.exists()]  # noqa: ASYNC240
        extra_resolved = {p.resolve(): handler for p, handler in extra.items()}  # noqa: ASYNC240
        roots = [p.resolve() for p in self.paths]  # noqa: ASYNC240
        watch_roots = sorted({str(p if p.is_dir() else p.parent) for p in targets})  # noqa: ASYNC240
        if not watch_roots:
            return

        editor_noise = DefaultFilter()  # swap files, .git, __pycache__, ...

        def ours(change: Any, path: str) -> bool:
            # A watched root can be a busy directory (the keys file's: often the working directory, with
            # the gateway's own log or audit file in it). Unfiltered, every write there woke this loop and
            # watchfiles logged it, and a log file beside the keys file fed itself a change per line.
            p = Path(path)
            return editor_noise(change, path) and (p in extra_resolved or any(p == r or r in p.parents for r in roots))

        async for changes in awatch(*watch_roots, stop_event=stop, debounce=200, step=50, watch_filter=ours):
            changed = {Path(c[1]) for c in changes}
            for path, handler in extra_resolved.items():
                if path in changed:
                    try:
                        handler()
                    except Exception:  # a handler's bug must never stop the watcher (and hot reload with it)
                        log.exception("reloading %s failed; watching goes on", path)
            if any(any(c == r or r in c.parents for r in roots) for c in changed):
                await asyncio.to_thread(self._reload_quietly)

    def _reload_quietly(self) -> None:
        try:
            self.reload()
        except Exception:  # a preparer bug must never kill the watcher
            log.exception("policy reload crashed; version %s stays in force", self._active.version)
