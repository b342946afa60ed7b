"""The active policy version, and hot reload: build the new version completely, swap it in only
on success, keep the old one on failure, count both outcomes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gateway.errors import PolicyError
from gateway.policy.compile import CompiledPolicySet
from gateway.policy.load import load_policies

log = logging.getLogger("covenant.policy")
RECHECK_LINKS_MS = 2000  # how often the watcher follows the symlinks anew when nothing watched changes

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
        """The new version is refused: the running one stays, the error is logged, counted and kept — kept last, so
        that once the status shows it (the reload runs in a thread), its log line and its count are out too."""
        log.error("policy reload rejected; version %s stays in force:%s", self._active.version, logged)
        self._on_result("error", None)
        self.last_error = error
        self.last_error_at = time.time()
        return False

    async def watch(self, stop: asyncio.Event, extra: dict[Path, Callable[[], None]] | None = None) -> None:
        """Reload on file changes under the policy paths (and call `extra` handlers for other files).

        Symlinks are followed anew after every change, and every few seconds: a policy directory switched to another
        folder (git-sync, `ln -sfn`) and a file of a Secret or ConfigMap volume (`keys.json -> ..data/keys.json`,
        `..data` renamed over at each update) are watched where they point now, not where they pointed at
        start-up."""
        from watchfiles import DefaultFilter, awatch  # imported here: only a serving gateway watches

        handlers = {_absolute(p): h for p, h in (extra or {}).items()}
        policy_targets = [_absolute(p) for p in self.paths]
        targets = [*policy_targets, *handlers]
        editor_noise = DefaultFilter()  # swap files, .git, __pycache__, ...
        views: dict[Path, _View] = {}

        def touched(target: Path, changed: set[Path]) -> bool:
            return any(views[target].touches(p) for p in changed)

        def ours(change: Any, path: str) -> bool:
            # A watched root can be a busy directory (the keys file's: often the working directory, with the
            # gateway's own log or audit file in it). Unfiltered, every write there woke this loop and
            # watchfiles logged it, and a log file beside the keys file fed itself a change per line.
            p = Path(path)
            return editor_noise(change, path) and any(v.touches(p) for v in views.values())

        async def take(changed: set[Path]) -> None:
            for target, handler in handlers.items():
                if touched(target, changed):
                    try:
                        handler()
                    except Exception:  # a handler's bug must never stop the watcher (and hot reload with it)
                        log.exception("reloading %s failed; watching goes on", target)
            if any(touched(t, changed) for t in policy_targets):
                await asyncio.to_thread(self._reload_quietly)

        catch_up = False
        while not stop.is_set():
            views.update({t: _View.of(t) for t in targets})  # a few stat calls, at start and per switch
            roots = _watch_roots(views.values())
            if not roots:
                return
            batches = awatch(*roots, stop_event=stop, debounce=200, step=50, watch_filter=ours,
                             rust_timeout=RECHECK_LINKS_MS, yield_on_timeout=True)  # no change: an empty batch
            batch = asyncio.ensure_future(anext(batches))  # sets the watcher up before its first wait
            try:
                if catch_up:  # what changed while the new folders were not watched yet
                    await asyncio.sleep(0)
                    await take(set(targets))
                while True:
                    try:
                        changes = await batch
                    except StopAsyncIteration:  # stopped
                        return
                    changed = {Path(c[1]) for c in changes}
                    await take(changed)
                    now = {t: _View.of(t) for t in targets}
                    # a link switched where no watched folder saw it (it lies behind a symlinked folder)
                    switched = {t for t in targets if now[t].real != views[t].real and not touched(t, changed)}
                    catch_up = _watch_roots(now.values()) != roots
                    views.update(now)
                    if switched and not catch_up:
                        await take(switched)
                    if catch_up:
                        break  # a symlink points outside the watched folders now: watch there instead
                    batch = asyncio.ensure_future(anext(batches))
            finally:
                batch.cancel()
                with contextlib.suppress(BaseException):
                    await batches.aclose()

    def _reload_quietly(self) -> None:
        try:
            self.reload()
        except Exception:  # a preparer bug must never kill the watcher
            log.exception("policy reload crashed; version %s stays in force", self._active.version)


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))  # symlinks kept: a symlink swapped over is the change to see


@dataclass(frozen=True)
class _View:
    """One watched file or directory as it is now: its absolute path, where it resolves, and whether it is itself a
    symlink, whose folder is where it is swapped (watched too). A folder it lies behind that is a symlink (git-sync's
    link above a subdirectory) is not watched in its own folder, which may be large (a home directory): its switch
    is seen by the re-check every RECHECK_LINKS_MS."""

    target: Path
    real: Path
    link: Path | None

    @classmethod
    def of(cls, target: Path) -> _View:
        return cls(target, target.resolve(), target if target.is_symlink() else None)

    def roots(self) -> list[Path]:
        out = [self.real if self.real.is_dir() else self.real.parent]
        if self.link is not None:
            out.append(self.link.parent)
        return [p for p in out if p.is_dir()]

    def touches(self, path: Path) -> bool:
        """Does a change at `path` concern this target?"""
        for base in (self.target, self.real, self.link):
            if base is not None and (path == base or base in path.parents):
                return True
        if self.link is None:
            return False
        # Kubernetes' atomic writer beside a mounted file: `..data` renamed over, `..<timestamp>/` written, removed
        try:
            return path.relative_to(self.link.parent).parts[0].startswith("..")
        except ValueError:
            return False


def _watch_roots(views) -> list[str]:
    """The folders to watch for these targets, none inside another."""
    roots = {r for v in views for r in v.roots()}
    return sorted(str(r) for r in roots if not any(o in r.parents for o in roots))
