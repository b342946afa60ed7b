"""Start Covenant for a benchmark: pinned to one core, a temporary config, one API key."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from benchmarks.harness.procs import free_port, stop_process, wait_port
from gateway.identity import FileKeyStore, new_key

ROOT = Path(__file__).resolve().parents[2]


class CovenantProcess:
    def __init__(self, upstream_port: int, policies: Path | None, store: str = "memory://", cpu: str = "1",
                 workers: int = 1, extra: dict | None = None, env: dict | None = None,
                 analysis_worker: bool = True) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="covenant-bench-"))
        self.port = free_port()
        self.cpu, self.workers = cpu, workers
        policy_dir = self.dir / "policies"
        if policies is None:
            policy_dir.mkdir()
        else:
            shutil.copytree(policies, policy_dir, ignore=shutil.ignore_patterns("*.test.yaml"))
        keys = FileKeyStore(self.dir / "keys.json")
        self.key, record = new_key("bench", "bench-account", {"tier": "pro"})
        keys._records[record.key_id] = record  # noqa: SLF001
        keys.save()
        if store.startswith("redis"):  # a Redis-store gateway reads keys from Redis
            import dataclasses

            import orjson
            import redis

            from gateway.identity import RedisKeyStore

            # the stored form of the tree that writes it: older trees compared in one run read it too
            redis.Redis.from_url(store).hset(RedisKeyStore.HASH, record.key_id, orjson.dumps(
                record.to_dict() if hasattr(record, "to_dict") else dataclasses.asdict(record)))
        self.record, self.store = record, store
        config = {"host": "127.0.0.1", "port": self.port, "store": store, "policies_dir": str(policy_dir),
                  "keys_file": str(self.dir / "keys.json"), "dev_key": False, "workers": workers,
                  "log_level": "warning",
                  "upstreams": [{"name": "upstream", "dialect": "openai", "base_url": f"http://127.0.0.1:{upstream_port}",
                                 "models": ["*"], "max_connections": 512}], **(extra or {})}
        (self.dir / "covenant.yaml").write_text(yaml.safe_dump(config))
        # One watermark secret for every benchmark gateway and worker: targets that share one Redis share
        # its provenance queue, and a worker leaves entries queued under another secret pending.
        # The analysis worker is background work that shares CPU 0 with wrk and nginx here (in a deployment it
        # runs elsewhere): at nice 10 it takes the idle time of that core instead of delaying the c=1 client
        # (twelfth session, 4 alternated runs each: full-set p99 at c=1 3.30-3.51 ms at nice 0, 2.14-3.07 at
        # nice 10). COVENANT_WORKER_NICE in the environment overrides it.
        self.env = {"COVENANT_WORKER_NICE": "10", **os.environ, "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",
                    "COVENANT_WATERMARK_SECRET": "covenant-benchmark-watermark-secret", **(env or {})}
        self.proc: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.analysis_worker = analysis_worker

    def start(self) -> CovenantProcess:
        if self.store.startswith("redis"):
            _put_key_in_redis(self.store, self.record)  # with a Redis store the gateway reads keys from Redis
        self.log = open(self.dir / "gateway.log", "wb")
        self.proc = subprocess.Popen(["taskset", "-c", self.cpu, sys.executable, "-m", "gateway", "serve",
                                      "--config", str(self.dir / "covenant.yaml")], cwd=self.dir, env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        wait_port(self.port, self.proc, timeout=60)
        if self.store.startswith("redis") and self.analysis_worker:
            # distributed mode: extraction scoring and provenance fingerprints run in `covenant worker`
            # (on CPU 0 with the load generator; its CPU is reported apart from the gateway's). Same
            # working directory: it reads the watermark secret file the gateway generated.
            self.worker = subprocess.Popen(["taskset", "-c", "0", sys.executable, "-m", "gateway", "worker",
                                            "--config", str(self.dir / "covenant.yaml")], cwd=self.dir,
                                           env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        return self

    def worker_pids(self) -> list[int]:
        return [self.worker.pid] if self.worker is not None else []

    def pids(self) -> list[int]:
        """The server process and its workers (for CPU and RSS)."""
        out = subprocess.run(["pgrep", "-P", str(self.proc.pid)], capture_output=True, text=True).stdout.split()
        return [self.proc.pid, *(int(p) for p in out)]

    def stop(self) -> None:
        if self.worker is not None:
            stop_process(self.worker)
            self.worker = None
        if self.proc:
            stop_process(self.proc)
            self.proc = None
            self.log.close()


def _put_key_in_redis(url: str, record) -> None:
    import asyncio

    from gateway.identity import RedisKeyStore
    from gateway.store import open_store

    async def put() -> None:
        store = open_store(url, timeout_ms=5000)  # first connect on a busy machine
        try:
            await RedisKeyStore(store).put(record)
        finally:
            await store.close()

    asyncio.run(put())
