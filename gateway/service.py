"""The Gateway object: builds every part from Settings and owns their lifecycle.

This is the composition root: the only place that knows which stages exist and in which
order they run. Nothing here is global; tests build as many gateways as they like.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from pathlib import Path

from gateway.config import Settings
from gateway.dialects.response_ids import ResponseIdSealer
from gateway.identity import (
    Authenticator,
    FileKeyStore,
    KeyStore,
    MemoryKeyStore,
    RedisKeyStore,
    known_principals,
    new_key,
)
from gateway.logs import redact_url
from gateway.metrics import Metrics, multiprocess_dir
from gateway.pipeline import Pipeline, Stage
from gateway.policy.compile import CompiledPolicySet
from gateway.policy.reload import PolicyManager
from gateway.proxy import Proxy
from gateway.stages.access import AccessStage
from gateway.stages.audit import AuditStage
from gateway.stages.extraction import ExtractionStage
from gateway.stages.identify import IdentifyStage
from gateway.stages.metrics import MetricsStage
from gateway.stages.parse import ParseStage
from gateway.stages.pii import PiiStage
from gateway.stages.policy_match import PolicyMatchStage
from gateway.stages.ratelimit import RateLimitStage
from gateway.stages.response_state import ResponseStateStage
from gateway.stages.stream_usage import StreamUsageStage
from gateway.stages.upstream_user import UpstreamUserStage
from gateway.stages.watermark import WatermarkStage
from gateway.store import open_store
from gateway.upstream import Upstream, UpstreamRouter

log = logging.getLogger("covenant")


class Gateway:
    def __init__(self, settings: Settings, *, metrics: Metrics | None = None) -> None:
        self.settings = settings
        self.metrics = metrics or Metrics(tenant_label=settings.metrics_tenant_label)
        self.store = None
        self.keys: KeyStore = MemoryKeyStore()
        self.dev_key: str | None = None
        self.policies = PolicyManager([Path(settings.policies_dir)], on_result=self._policy_result)
        self.upstreams = [Upstream(cfg) for cfg in settings.upstreams]
        self.router = UpstreamRouter(self.upstreams, on_failover=self._upstream_failover)
        self.started_at = time.time()
        self._mock_runner = None
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task] = []
        self.ready = False
        self.stages: list[Stage] = []
        self.pipeline: Pipeline | None = None
        self.proxy: Proxy | None = None
        self.precheck: Pipeline | None = None
        self.watermark_master: bytes | None = None
        self.extraction = None
        self.provenance = None  # the index that traces (admin route)
        self._bg_batcher = None
        self.provenance_sink = None  # where served responses go: the index itself, or the workers' queue
        self.watermark_reference = None  # ReferenceRecorder: pre-mark word counts -> the store

    # -- composition ----------------------------------------------------------------------------
    def _build_stages(self) -> list[Stage]:
        return [
            IdentifyStage(Authenticator(self.keys)),
            ParseStage(self.settings.limits),
            PolicyMatchStage(self.policies.current),
            AccessStage(),
            ResponseStateStage(ResponseIdSealer(self.watermark_master)),  # its key derives from the master
            ExtractionStage(self.extraction, self.metrics,  # before rate limits: it may throttle
                            keep_excerpts=self.settings.audit.content == "full"),
            RateLimitStage(self.store, self.metrics),
            PiiStage(self.metrics, _secret_bytes(self.settings.pii_hash_key)),
            UpstreamUserStage(self.watermark_master, self.settings.upstream_user_id),  # after what reads the body
            StreamUsageStage(self.router.route_for),  # last to touch the body sent upstream
            WatermarkStage(self.watermark_master, self.metrics, self.provenance_sink, self.watermark_reference),
            MetricsStage(self.metrics),
            self._audit_stage(),  # last: it sees every other stage's results
        ]

    def _background_batcher(self):
        """One batcher for the background writes (feature events, provenance queue) of a Redis store:
        their XADDs share round trips with each other, never with a request's pre-checks."""
        if self._bg_batcher is None:
            self._bg_batcher = self.store.script_batcher()
        return self._bg_batcher

    def _open_extraction(self) -> None:
        from gateway.extraction.backends import LocalExtraction, RedisExtraction
        from gateway.extraction.rescorer import TreeEnsemble

        if self.store is not None and self.store.backend.startswith("redis"):
            self.extraction = RedisExtraction(self.metrics, self.store.client, batch=self.store.batch,
                                              publish_batch=self._background_batcher(),
                                              partitions=self.settings.extraction_partitions,
                                              policy=self._detector_policy())
        else:
            model = self.settings.extraction_model
            self.extraction = LocalExtraction(self.metrics, self._detector_policy(),
                                              TreeEnsemble.from_file(model) if model else None)
            if model and not self.extraction.policy.rescorer.enabled:
                log.warning("extraction_model %s is not used: the policies do not turn extraction.rescorer on", model)

    def _detector_policy(self):
        """The detector's own settings (windows, campaigns) come from the most general extraction block."""
        try:
            ps = self.policies.build()
        except Exception:
            return None
        blocks = [p.policy.spec.extraction for p in ps.policies if p.policy.spec.extraction is not None]
        return blocks[-1] if blocks else None

    def _open_watermark(self) -> None:
        from gateway.watermark.provenance import Fingerprinter, MemoryProvenanceIndex, RedisProvenanceIndex
        from gateway.watermark.provenance_queue import ProvenancePublisher
        from gateway.watermark_secret import master_secret

        if self.watermark_master is None:
            self.watermark_master = master_secret(self.settings.watermark_secret, self.settings.watermark_secret_file)
        fp = Fingerprinter(self.watermark_master)
        s = self.settings
        if self.store is not None and self.store.backend.startswith("redis"):
            self.provenance = RedisProvenanceIndex.for_store(self.store, fp, capacity=s.provenance_capacity,
                                                             ttl_seconds=int(s.provenance_retention_days * 86400))
            # distributed mode: `covenant worker` processes fingerprint and index (off the serving CPU)
            self.provenance_sink = ProvenancePublisher(self.store.client, fp.key_id, self.store.guarded,
                                                      batcher=self._background_batcher())
        else:
            self.provenance = self.provenance_sink = MemoryProvenanceIndex(
                fp, capacity=min(s.provenance_capacity, 100_000))
        if self.store is not None:
            from gateway.watermark.recorder import ReferenceRecorder

            redis = self.store.backend.startswith("redis")
            tables = self.store.counter_tables(self._background_batcher() if redis else None)
            saver = None
            if s.watermark_reference_file and redis:
                log.warning("watermark_reference_file is for the memory store; with Redis the counts are kept there")
            elif s.watermark_reference_file:
                from gateway.store.counter_file import CounterFile

                tables = saver = CounterFile(tables, s.watermark_reference_file)
            self.watermark_reference = ReferenceRecorder(
                tables, interval_s=s.watermark_reference_flush_seconds, sample=s.watermark_reference_sample,
                max_tenants=s.watermark_reference_tenants, metrics=self.metrics, saver=saver)

    def _audit_stage(self) -> AuditStage:
        s = self.settings
        redis = self.store.client if self.store is not None and self.store.backend.startswith("redis") else None
        key_env = s.audit.hash_key_env
        key = os.environ.get(key_env, "").encode() or None if key_env else None
        if key_env and key is None and s.audit.content == "hash":
            log.warning("audit.hash_key_env names %s, which is not set: audit records hash content with plain "
                        "SHA-256 (no key)", key_env)
        return AuditStage(s.audit, self.metrics, redis, hash_key=key, keep_files=s.audit.rotate_keep)

    def _upstream_failover(self, upstream: str, kind: str) -> None:
        self.metrics.upstream_errors.labels(upstream, kind).inc()
        self.metrics.upstream_failovers.labels(upstream, kind).inc()

    def _policy_result(self, result: str, ps: CompiledPolicySet | None) -> None:
        self.metrics.policy_reloads.labels(result).inc()
        self.metrics.policy_reload_ok.set(1 if result == "success" else 0)
        if ps is not None:
            self.metrics.set_policy(ps.version, len(ps.policies))

    # -- lifecycle ------------------------------------------------------------------------------
    async def start(self) -> None:
        s = self.settings
        self.store = open_store(s.store, timeout_ms=s.store_timeout_ms)
        await self.store.wait_ready(s.store_startup_wait_s)
        log.info("store: %s (%s)", self.store.backend, redact_url(s.store))
        self.keys = await self._open_keys()
        self._assemble()
        if not self.policies.reload():
            raise RuntimeError(f"policies in {s.policies_dir} are invalid:\n{self.policies.last_error}")
        ps = self.policies.active
        log.info("policy set %s: %d policies from %s (%s)", ps.version, len(ps.policies), s.policies_dir,
                 ", ".join(p.name for p in ps.policies) or "none")
        if not ps.policies:
            # Started from the wrong directory, or a mount that did not happen: say so, loudly.
            folder = Path(s.policies_dir).resolve()  # noqa: ASYNC240 (start-up, once)
            where = "does not exist" if not folder.exists() else "holds no policy files"  # noqa: ASYNC240
            log.warning("policy directory %s %s: no policy applies (no rate limits, PII scanning, watermark or "
                        "extraction detection; any key may call any model); files added there later are loaded",
                        folder, where)
        for up in self.upstreams:
            base = None
            if up.cfg.builtin_mock:
                base = await self._start_mock()
                up.base_url = base
            await up.start()
            log.info("upstream %s: %s, dialect %s, models %s", up.name,
                     "built-in mock teacher at " + up.base_url if base else up.base_url, up.cfg.dialect,
                     ",".join(up.cfg.models))
        await self.extraction.start()
        for stage in self.stages:
            if hasattr(stage, "start"):
                await stage.start()
        self._tasks.append(asyncio.create_task(self._watch(), name="covenant-policy-watch"))
        inner = self.keys.inner if isinstance(self.keys, _WithExtra) else self.keys
        if isinstance(inner, RedisKeyStore):
            subscribed = asyncio.Event()
            self._tasks.append(asyncio.create_task(inner.follow_changes(subscribed), name="covenant-key-changes"))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(subscribed.wait(), 2.0)
        self.ready = True

    def _assemble(self) -> None:
        self._open_watermark()
        self._open_extraction()
        self.stages = self._build_stages()
        self.policies.preparers = [st.prepare for st in self.stages if hasattr(st, "prepare")]
        self.policies.activators = [st.activate for st in self.stages if hasattr(st, "activate")]
        on_error = lambda name: self.metrics.stage_errors.labels(name).inc()  # noqa: E731
        for st in self.stages:  # at 0 from the start, so that a stage's first error shows as an increase
            self.metrics.stage_errors.labels(st.name)
        self.pipeline = Pipeline(self.stages, on_stage_error=on_error)
        # Everything after identification: what `covenant policy test` runs for a given principal.
        self.precheck = Pipeline([st for st in self.stages if st.name not in ("identify", "metrics", "audit")],
                                 on_stage_error=on_error)
        # One process: the in-flight gauge is read from the proxy's count when scraped. Several workers:
        # each moves the shared gauge (livesum) itself, so a scrape of any worker sees all of them.
        shared = multiprocess_dir() is not None
        self.proxy = Proxy(self.pipeline, self.router, self.settings.limits,
                           on_upstream_error=lambda u, k: self.metrics.upstream_errors.labels(u, k).inc(),
                           in_flight_gauge=self.metrics.in_flight if shared else None,
                           speculate=self.settings.speculative_admission)
        if not shared:
            proxy, gauge = self.proxy, self.metrics.in_flight
            self.metrics.before_scrape(lambda: gauge.set(proxy.in_flight))

    async def start_offline(self) -> None:
        """Policies, store and stages without upstreams or watchers (policy tests, explain)."""
        self.store = open_store("memory://")
        self.watermark_master = self.watermark_master or os.urandom(32)  # nothing marked here outlives the run
        # nor is it recorded: the served traffic's reference file is not for test cases
        self.settings = self.settings.model_copy(update={"watermark_reference_file": None})
        self._assemble()
        if not self.policies.reload():
            raise RuntimeError(f"policies in {self.settings.policies_dir} are invalid:\n{self.policies.last_error}")

    async def reset_state(self) -> None:
        """Fresh in-memory state (between policy test cases)."""
        if self.store is not None:
            await self.store.close()
        self.store = open_store("memory://")
        for stage in self.stages:  # stateful stages start over; compiled policy artifacts are kept
            if hasattr(stage, "use_store"):
                stage.use_store(self.store)

    def record_review(self, decision: dict) -> None:
        self.record_admin_event({"kind": "review", **decision})

    def record_admin_event(self, record: dict) -> None:
        """An operator's action (review decision, key change) as an audit record of its own kind."""
        from gateway.stages.audit import admin_record

        audit = next((st for st in self.stages if isinstance(st, AuditStage)), None)
        if audit is not None:
            admin_record(audit, record)

    async def principals(self) -> list[tuple[str, str]]:
        """Every known (tenant, account): the candidates of watermark attribution."""
        return await known_principals(self.keys)

    async def _open_keys(self) -> KeyStore:
        s = self.settings
        if self.store is not None and self.store.backend.startswith("redis"):
            store: KeyStore = RedisKeyStore(self.store)
            log.info("keys: redis hash %s", RedisKeyStore.HASH)
        else:
            store = FileKeyStore(Path(s.keys_file))
        count = len(await store.all())  # read once (a Redis store: one HGETALL at start-up)
        if isinstance(store, FileKeyStore):
            log.info("keys: file %s (%d keys)", s.keys_file, count)
        if s.dev_key and not count:
            key, record = new_key("dev", "dev", {"env": "development"})
            # The development key lives in memory only, so it never outlives this process.
            store = _WithExtra(store, record)
            self.dev_key = key
            log.warning("DEVELOPMENT KEY (tenant dev, account dev; valid until this process exits; "
                        "create real keys with `covenant keys create`): %s", key)
        elif not count:
            log.warning("no API keys yet: every request gets 401 until `covenant keys create` adds one "
                        "(the gateway picks new keys up while running)")
        return store

    async def _start_mock(self) -> str:
        from gateway.mock_teacher.app import start_mock_teacher

        self._mock_runner, port = await start_mock_teacher(self.settings.mock, "127.0.0.1", 0)
        return f"http://127.0.0.1:{port}"

    async def _watch(self) -> None:
        extra = {}
        if isinstance(self.keys, FileKeyStore):
            extra[Path(self.settings.keys_file)] = self.keys.reload
        elif isinstance(self.keys, _WithExtra) and isinstance(self.keys.inner, FileKeyStore):
            extra[Path(self.settings.keys_file)] = self.keys.inner.reload
        try:
            await self.policies.watch(self._stop, extra)
        except Exception:
            log.exception("policy watcher stopped; hot reload is off until restart")

    async def drain(self, grace_seconds: float) -> bool:
        """Wait for in-flight requests to finish (graceful shutdown). True when drained."""
        if self.proxy is None or self.proxy.in_flight == 0:
            return True
        try:
            await asyncio.wait_for(self.proxy.idle.wait(), grace_seconds)
            return True
        except TimeoutError:
            log.warning("drain timed out after %.0fs with %d requests in flight", grace_seconds,
                        self.proxy.in_flight)
            return False

    async def stop(self) -> None:
        self.ready = False
        self._stop.set()
        for t in self._tasks:
            t.cancel()
        for up in self.upstreams:
            await up.close()
        if self.extraction is not None:
            await self.extraction.close()
        for stage in self.stages:  # in order, so audit (last) closes after the others flushed
            if hasattr(stage, "close"):
                await stage.close(self.settings.audit.flush_seconds)
        if self._mock_runner is not None:
            await self._mock_runner.cleanup()
        if self.store is not None:
            await self.store.close()


class _WithExtra:
    """A key store plus one in-memory record (the development key)."""

    def __init__(self, inner: KeyStore, record) -> None:
        self.inner = inner
        self.record = record

    async def get(self, key_id: str):
        return self.record if key_id == self.record.key_id else await self.inner.get(key_id)

    async def put(self, record) -> None:
        if record.key_id == self.record.key_id:
            self.record = record  # the development key revoked (it stays in memory only)
            return
        await self.inner.put(record)

    async def all(self):
        return [self.record, *await self.inner.all()]


def _secret_bytes(secret) -> bytes | None:
    return secret.get_secret_value().encode() if secret is not None else None
