"""Distributed mode against a real redis-server: publisher -> workers -> verdict hash."""

from __future__ import annotations

import asyncio

import httpx
import orjson
import pytest
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from gateway.extraction.backends import RedisExtraction
from gateway.extraction.publisher import (
    DECISIONS_KEY,
    DETAILS_KEY,
    VERDICTS_KEY,
    EventPublisher,
    RedisVerdicts,
    partition_of,
    record_decision_remote,
)
from gateway.extraction.worker import WorkerStats, run_worker
from gateway.metrics import Metrics
from gateway.store import open_store
from tests.extraction.helpers import HYDRA_TEMPLATE, chat, event, problem
from tests.support.ports import free_port

T0 = 1_767_225_600.0


def hydra(accounts: int, per_account: int):
    return [event(f"hydra-{i % accounts}", T0 + i * 420,
                  chat(HYDRA_TEMPLATE.format(p=problem(i)), max_tokens=3000), ip=f"198.{i % accounts}.7.1",
                  output_tokens=1500) for i in range(accounts * per_account)]


def chat_user(name: str, n: int):
    return [event(name, T0 + i * 900, chat(f"What should I cook tonight, idea {i}?", history=i % 2),
                  output_tokens=200) for i in range(n)]


async def wait_for(cond, limit_s: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + limit_s
    while not await cond():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.1)


async def test_two_workers_split_partitions_and_write_verdicts(redis_url: str) -> None:
    redis = Redis.from_url(redis_url)
    stop = asyncio.Event()
    stats_a, stats_b = WorkerStats(), WorkerStats()
    workers = [asyncio.create_task(run_worker(redis_url, partitions=4, consumer=name, stop=stop, lease_ms=1500,
                                              stats=st))
               for name, st in (("w-a", stats_a), ("w-b", stats_b))]
    try:
        await wait_for(lambda: _both_hold(stats_a, stats_b))
        pub = EventPublisher(redis, partitions=4, maxlen=10_000)
        # A single heavy harvester: a per-account verdict, independent of how partitions are split.
        harvester = [event("harvester", T0 + i * 30, chat(f"Question: {problem(i)}\nThink step by step.",
                                                          max_tokens=4096), output_tokens=1500) for i in range(60)]
        events = sorted(harvester + chat_user("alice", 30), key=lambda e: e.ts)
        await pub.publish_many(events[:40])
        for ev in events[40:]:
            await pub.publish(ev)
        verdicts = RedisVerdicts(redis)

        async def harvester_flagged() -> bool:
            return (await verdicts.get("harvester")).status != "ok"

        await wait_for(harvester_flagged)
        await wait_for(lambda: _processed(stats_a, stats_b, len(events)))
        assert (await verdicts.get("alice")).status == "ok"
        assert stats_a.partitions and stats_b.partitions and not stats_a.partitions & stats_b.partitions
        owner = stats_a if partition_of("harvester", 4) in stats_a.partitions else stats_b
        assert owner.events >= 60
        detail = await verdicts.detail("harvester")
        assert detail is not None and detail["signals"]["reasoning_share"] > 0.9
        # A reviewer clears it; the verdict is gone at once and the worker respects it.
        await record_decision_remote(redis, "harvester", "clear", "rita", "known customer", ts=T0 + 99999)
        assert (await verdicts.get("harvester")).status == "ok"
        cleared = await verdicts.detail("harvester")  # the reviewer's view shows the decision at once, as in-process
        assert cleared["status"] == "ok" and cleared["decision"]["reviewer"] == "rita"
        await pub.publish(event("harvester", T0 + 100_000, chat("Think step by step: 2+2", max_tokens=4096)))
        await asyncio.sleep(1.5)
        assert (await verdicts.get("harvester")).status == "ok"
        kept = await verdicts.detail("harvester")  # and keeps it once the worker has rewritten the detail
        assert kept is not None and kept["status"] == "ok" and kept["decision"]["note"] == "known customer"
        assert kept["requests"] == 61, "the worker's own account of it, counting the event after the decision"
    finally:
        stop.set()
        await asyncio.gather(*workers)
        await redis.aclose()


async def test_a_decision_never_overwrites_a_detail_a_worker_wrote_meanwhile(redis_url: str) -> None:
    """The decision patches the detail under WATCH: a worker writing details between the read and the write
    makes it read again (here twice), and the verdict and decision are stored whatever happens."""
    redis, worker = Redis.from_url(redis_url), Redis.from_url(redis_url)
    await redis.hset(DETAILS_KEY, "p", orjson.dumps({"status": "flag", "decision": None, "reasons": ["x"]}))
    pipeline, writes = redis.pipeline, []

    def racing_pipeline(*args, **kwargs):
        pipe = pipeline(*args, **kwargs)
        read = pipe.hget

        async def hget(*key):
            value = await read(*key)
            if len(writes) < 2:  # the worker writes right after each of the first two reads
                writes.append(await worker.hset(DETAILS_KEY, "p", orjson.dumps({"status": "block", "decision": None,
                                                                                "reasons": [], "n": len(writes)})))
            return value

        pipe.hget = hget
        return pipe

    redis.pipeline = racing_pipeline
    try:
        await record_decision_remote(redis, "p", "clear", "rita", "", ts=T0)
        detail = orjson.loads(await worker.hget(DETAILS_KEY, "p"))
        assert len(writes) == 2 and detail["n"] == 1, "patched from the worker's latest detail, not an older one"
        assert detail["status"] == "ok" and detail["decision"]["reviewer"] == "rita"
        assert await worker.hget(VERDICTS_KEY, "p") is None and await worker.hget(DECISIONS_KEY, "p") is not None
    finally:
        await redis.aclose()
        await worker.aclose()


async def test_an_account_confirmed_before_any_traffic_opens_in_the_review_api(redis_url: str) -> None:
    """Listed as blocked (the verdict hash) with no detail a worker wrote: its detail is the decision's, not a 404."""
    redis = Redis.from_url(redis_url)
    try:
        await record_decision_remote(redis, "acme/confirmed-early", "confirm", "rita", "known harvester", ts=T0)
        verdicts = RedisVerdicts(redis)
        assert (await verdicts.get("acme/confirmed-early")).status == "block"
        detail = await verdicts.detail("acme/confirmed-early")
        assert detail is not None and detail["status"] == "block" and detail["requests"] == 0
        assert detail["decision"]["reviewer"] == "rita" and detail["tenant"] == "acme"
        assert await verdicts.detail("acme/never-seen") is None
    finally:
        await redis.aclose()


@pytest.mark.parametrize("transport", ["batcher", "pipeline"])  # a single server / a cluster
async def test_hydra_campaign_through_one_worker_and_bounded_stream(redis_url: str, transport: str) -> None:
    redis = Redis.from_url(redis_url)
    store = open_store(redis_url, timeout_ms=1000)
    stop = asyncio.Event()
    metrics = Metrics(CollectorRegistry())
    task = asyncio.create_task(run_worker(redis_url, partitions=2, consumer="solo", stop=stop, lease_ms=1500,
                                          metrics=metrics))
    try:
        pub = EventPublisher(redis, partitions=2, maxlen=100,
                             batcher=store.script_batcher() if transport == "batcher" else None)
        await pub.publish_many(sorted(hydra(6, 8), key=lambda e: e.ts))
        verdicts = RedisVerdicts(redis)

        async def all_blocked() -> bool:
            got = await verdicts.flagged()
            return all(got.get(f"hydra-{i}") is not None and got[f"hydra-{i}"].status == "block" for i in range(6))

        await wait_for(all_blocked)
        camps = await verdicts.campaigns()
        assert len(camps) == 1 and camps[0]["accounts"] == 6
        # what the worker's /metrics shows (the gateways only publish: nobody else knows these figures)
        value = metrics.registry.get_sample_value

        async def exported() -> bool:
            return value("covenant_extraction_principals", {"status": "block"}) == 6

        await wait_for(exported)
        assert value("covenant_extraction_campaigns") == 1
        assert value("covenant_extraction_events_total") == 48
        assert value("covenant_extraction_detector_lag_seconds") > 0  # the events are from 2026-01-01
        # what GET /admin/v1/extraction/campaigns/{id} reads in Redis mode (it was always None: a 404)
        backend = RedisExtraction(Metrics(CollectorRegistry()), redis)
        detail = await backend.campaign(camps[0]["campaign"])
        assert {k: detail[k] for k in camps[0]} == camps[0]
        # as in process: the members (and which of them are scripted) and the templates that link them
        assert detail["members"] == [f"hydra-{i}" for i in range(6)] and detail["templates"]
        assert set(detail["scripted_members"]) <= set(detail["members"])
        assert "members" not in camps[0]  # the list stays a summary
        assert await backend.campaign("no-such-campaign") is None
        # Streams are capped (approximate MAXLEN trims whole macro nodes, so allow slack).
        pipe_len = [await redis.xlen(f"covenant:extraction:events:{p}") for p in range(2)]
        assert all(n <= 300 for n in pipe_len), pipe_len
        assert await redis.hlen(VERDICTS_KEY) == 6
    finally:
        stop.set()
        await task
        await redis.aclose()
        await store.close()


async def _both_hold(a: WorkerStats, b: WorkerStats) -> bool:
    return bool(a.partitions) and bool(b.partitions) and len(a.partitions | b.partitions) == 4


async def _processed(a: WorkerStats, b: WorkerStats, n: int) -> bool:
    return a.events + b.events >= n




async def test_a_redis_outage_leaves_the_worker_running_with_its_state(own_redis) -> None:
    """Redis killed and back empty: the worker waits instead of exiting (its detector state would go with
    it), writes its verdicts again, recreates its consumer groups and goes on with new events."""
    url = own_redis.url
    stop = asyncio.Event()
    stats = WorkerStats()
    task = asyncio.create_task(run_worker(url, partitions=2, consumer="solo", stop=stop, lease_ms=1500,
                                          block_ms=100, stats=stats))
    redis = Redis.from_url(url)
    try:
        pub = EventPublisher(redis, partitions=2, maxlen=10_000)
        harvester = [event("harvester", T0 + i * 30, chat(f"Question: {problem(i)}\nThink step by step.",
                                                          max_tokens=4096), output_tokens=1500) for i in range(60)]
        await pub.publish_many(harvester)
        verdicts = RedisVerdicts(redis)

        async def harvester_flagged() -> bool:
            try:
                return (await verdicts.get("harvester")).status != "ok"
            except (OSError, ConnectionError, RedisConnectionError):
                return False

        await wait_for(harvester_flagged)
        seen = stats.events
        own_redis.kill()
        await asyncio.sleep(1.5)
        assert not task.done(), "the worker exited when the store went away"
        own_redis.start()  # same port, no data: verdicts, streams and groups are gone
        # Nothing new is published: the verdict comes back from the state the worker kept.
        await wait_for(harvester_flagged)
        await pub.publish_many([event("alice", T0 + 5000 + i, chat(f"Dinner idea {i}?"), output_tokens=100)
                                for i in range(5)])

        async def new_events_read() -> bool:
            return stats.events >= seen + 5

        await wait_for(new_events_read)
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        await redis.aclose()


def test_the_worker_command_says_what_it_does(redis_url: str, tmp_path) -> None:
    """An operator starting `covenant worker` sees where it consumes, which partitions it owns, and while
    events flow, one progress line per interval; on SIGTERM, what it did."""
    import os
    import signal
    import subprocess
    import sys

    async def traffic() -> None:
        redis = Redis.from_url(redis_url)
        try:
            await wait_for(lambda: _has_workers(redis))
            await EventPublisher(redis, partitions=4).publish_many(chat_user("logged-user", 20))
            await wait_for(lambda: _read_by_the_group(redis, 20))
            await asyncio.sleep(1.2)  # past one report interval
        finally:
            await redis.aclose()

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gateway", "worker", "--store", redis_url, "--report-every", "0.5",
                             "--metrics-port", str(port), "--metrics-host", "127.0.0.1"],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COVENANT_WATERMARK_SECRET": "s" * 32})
    try:
        asyncio.run(traffic())
        scraped = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    finally:
        proc.send_signal(signal.SIGTERM)
        err = proc.communicate(timeout=30)[1]
    assert "consuming feature events (4 partitions, group covenant-extraction)" in err, err
    assert "owns 4 of 4 event partitions [0, 1, 2, 3]" in err
    assert "(20 in all), 1 principals, 0 flagged" in err
    assert "provenance worker" in err and "indexing the responses gateways queue" in err
    assert "worker stopped: 20 events" in err
    assert "covenant_extraction_events_total 20.0" in scraped.splitlines()


async def _has_workers(redis: Redis) -> bool:
    return bool(await redis.zcard("covenant:extraction:workers"))


async def _read_by_the_group(redis: Redis, n: int) -> bool:
    groups = await redis.xinfo_groups("covenant:extraction:events:" + str(partition_of("logged-user", 4)))
    return bool(groups) and groups[0]["entries-read"] is not None and groups[0]["entries-read"] >= n


def test_policy_directories_that_are_missing_or_broken_are_told_in_one_line(redis_url: str, tmp_path) -> None:
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "gateway", *args], cwd=tmp_path, capture_output=True, text=True,
                              timeout=60)

    missing = run("worker", "--store", redis_url, "--policies", str(tmp_path / "nope"))
    assert missing.returncode != 0 and missing.stderr.strip() == f"policy directory {tmp_path / 'nope'} not found"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.yaml").write_text("apiVersion: covenant/v1\nkind: Policy\nmetadata: {name: x}\nspec: {bogus: 1}\n")
    (tmp_path / "traffic.jsonl").write_text("")
    out = run("extraction", "replay", str(tmp_path / "traffic.jsonl"), "--policies", str(broken))
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert f"{broken / 'a.yaml'}:4:8: spec.bogus: unknown field" in out.stderr


def test_a_partition_count_other_than_the_gateways_is_refused(redis_url: str, tmp_path) -> None:
    """The gateways publish to extraction_partitions streams (4 by default): a worker reading 2 of them left half the
    principals unscored without a word. The count is one setting both sides read."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "gateway", "worker", "--store", redis_url, "--partitions", "2"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "--partitions 2 differs from extraction_partitions 4" in run.stderr
    assert "COVENANT_EXTRACTION_PARTITIONS" in run.stderr and "Traceback" not in run.stderr


async def test_the_gateway_publishes_to_the_configured_partitions(redis_url: str) -> None:
    # a principal whose stream differs between 2 and 4 partitions (crc32 % 4 is 2 or 3)
    name = next(n for n in (f"partitioned-{i}" for i in range(100)) if partition_of(n, 4) >= 2)
    two, four = (f"covenant:extraction:events:{partition_of(name, k)}" for k in (2, 4))
    redis = Redis.from_url(redis_url)
    try:
        before = {k: await redis.xlen(k) for k in (two, four)}
        backend = RedisExtraction(Metrics(CollectorRegistry()), redis, partitions=2)
        await backend.publisher.publish_many(chat_user(name, 3))
        assert await redis.xlen(two) == before[two] + 3
        assert await redis.xlen(four) == before[four]
    finally:
        await redis.aclose()


async def test_the_distributed_review_list_is_ordered_as_in_process(redis_url: str) -> None:
    """Highest score first, then by principal: the order the admin route pages."""
    from gateway.extraction.detector import Verdict
    from gateway.extraction.publisher import encode_verdict

    redis = Redis.from_url(redis_url)
    try:
        for name, score in (("b", 0.6), ("c", 0.9), ("a", 0.6)):
            await redis.hset(VERDICTS_KEY, name, encode_verdict(Verdict("flag", score, ("x",), None)))
        backend = RedisExtraction(Metrics(CollectorRegistry()), redis)
        assert [r["principal"] for r in await backend.principals("flagged")] == ["c", "a", "b"]
    finally:
        await redis.aclose()


async def test_a_cleared_account_stays_cleared_after_its_partition_moves_to_a_new_worker(redis_url: str) -> None:
    """`clear` holds until the score rises 0.15 above its value at clearing. A worker that takes the partition over
    (a restart, a rebalance) starts without the account's state: it must still know that value, or it flags the
    cleared account again as soon as its score climbs back."""
    redis = Redis.from_url(redis_url)
    pub = EventPublisher(redis, partitions=1, maxlen=10_000)
    verdicts = RedisVerdicts(redis)

    def harvest(i: int):
        return event("lab", T0 + i * 30, chat(f"Question: {problem(i)}\nThink step by step.", max_tokens=4096),
                     output_tokens=1500)

    async def run(name: str, until) -> WorkerStats:
        stop, stats = asyncio.Event(), WorkerStats()
        task = asyncio.create_task(run_worker(redis_url, partitions=1, consumer=name, stop=stop, lease_ms=1500,
                                              stats=stats))
        try:
            await wait_for(until)
        finally:
            stop.set()
            await task
        return stats

    try:
        await pub.publish_many([harvest(i) for i in range(60)])

        async def flagged() -> bool:
            return (await verdicts.get("lab")).status != "ok"

        async def first_worker() -> bool:
            if await flagged() and (await redis.hget(DECISIONS_KEY, "lab")) is None:
                await record_decision_remote(redis, "lab", "clear", "rita", "partner evaluation", ts=T0 + 1800)
            detail = await verdicts.detail("lab")  # the worker's own rewrite of the detail carries its figures
            return detail is not None and "score_at_decision" in (detail.get("decision") or {})

        await run("w-1", first_worker)
        sent = False

        async def all_read() -> bool:
            nonlocal sent
            if not sent:  # once the new worker is up (it has read the decisions), the lab goes on as before
                if not await redis.exists("covenant:extraction:stats:w-2"):
                    return False
                await pub.publish_many([harvest(i) for i in range(60, 120)])
                sent = True
            return (await redis.xinfo_groups("covenant:extraction:events:0"))[0]["lag"] == 0 and not \
                (await redis.xpending("covenant:extraction:events:0", "covenant-extraction"))["pending"]

        second = await run("w-2", all_read)
        assert second.events == 60
        assert (await verdicts.get("lab")).status == "ok", await verdicts.detail("lab")
    finally:
        await redis.aclose()


async def test_a_worker_forgets_the_accounts_of_a_partition_it_gives_away(redis_url: str) -> None:
    """Their events go to the new owner from then on: the old owner's copy of their state only took memory, and its
    later regroupings and released holds would write verdicts over the new owner's."""
    redis = Redis.from_url(redis_url)
    stop_a, stop_b = asyncio.Event(), asyncio.Event()
    stats_a, stats_b = WorkerStats(), WorkerStats()
    a = asyncio.create_task(run_worker(redis_url, partitions=2, consumer="w-a", stop=stop_a, lease_ms=1500,
                                       stats=stats_a))
    b = None
    try:
        await wait_for(lambda: _holds(stats_a, {0, 1}))
        users = [f"user-{i}" for i in range(12)]
        await EventPublisher(redis, partitions=2).publish_many(
            sorted((ev for u in users for ev in chat_user(u, 3)), key=lambda e: e.ts))
        await wait_for(lambda: _counted(stats_a, 36))
        b = asyncio.create_task(run_worker(redis_url, partitions=2, consumer="w-b", stop=stop_b, lease_ms=1500,
                                           stats=stats_b))
        await wait_for(lambda: _both_hold_one(stats_a, stats_b))
        kept = {u for u in users if partition_of(u, 2) in stats_a.partitions}
        assert 0 < len(kept) < len(users)

        async def a_forgot() -> bool:
            return int(await redis.hget("covenant:extraction:stats:w-a", "principals") or -1) == len(kept)

        await wait_for(a_forgot)
    finally:
        stop_a.set()
        stop_b.set()
        await asyncio.gather(a, *([b] if b else []))
        await redis.aclose()


async def _holds(stats: WorkerStats, partitions: set[int]) -> bool:
    return stats.partitions == partitions


async def _counted(stats: WorkerStats, n: int) -> bool:
    return stats.events >= n


async def _both_hold_one(a: WorkerStats, b: WorkerStats) -> bool:
    return len(a.partitions) == 1 and len(b.partitions) == 1


async def test_an_event_that_started_before_the_last_one_read_does_not_stop_the_worker(redis_url: str) -> None:
    redis = Redis.from_url(redis_url)
    stop, stats = asyncio.Event(), WorkerStats()
    task = asyncio.create_task(run_worker(redis_url, partitions=1, consumer="solo", stop=stop, lease_ms=1500,
                                          stats=stats))
    try:
        pub = EventPublisher(redis, partitions=1)
        await pub.publish(event("a", T0 + 10, chat("What should I cook tonight?")))
        await wait_for(lambda: _counted(stats, 1))
        # a long stream that began before the request above, published once it ended
        await pub.publish(event("a", T0 + 3, chat("Write me a long story about a lighthouse keeper.")))
        await pub.publish(event("b", T0 + 11, chat("hello")))
        await wait_for(lambda: _counted(stats, 3))
        assert not task.done()
    finally:
        stop.set()
        await task
        await redis.aclose()


async def test_a_verdict_the_worker_evicted_with_its_account_leaves_the_verdict_hash(redis_url: str) -> None:
    """Past window.max_principals the least recent account's state goes, its verdict with it (in process too). The
    hash kept the verdict: an account that came back behaving well stayed throttled, its new verdict never differing
    from the worker's (ok) for the worker to write."""
    from gateway.extraction.policy import ExtractionPolicy, ExtractionWindow

    redis = Redis.from_url(redis_url)
    stop, stats = asyncio.Event(), WorkerStats()
    policy = ExtractionPolicy(window=ExtractionWindow(max_principals=10))
    task = asyncio.create_task(run_worker(redis_url, policy=policy, partitions=1, consumer="solo", stop=stop,
                                          lease_ms=1500, stats=stats))
    try:
        pub = EventPublisher(redis, partitions=1)
        verdicts = RedisVerdicts(redis)
        await pub.publish_many([event("harvester", T0 + i * 30, chat(f"Question: {problem(i)}\nThink step by step.",
                                                                     max_tokens=4096), output_tokens=1500)
                                for i in range(60)])

        async def flagged() -> bool:
            return (await verdicts.get("harvester")).status != "ok"

        await wait_for(flagged)
        await pub.publish_many([event(f"user-{i}", T0 + 1800 + i, chat("What should I cook tonight?"))
                                for i in range(12)])
        await wait_for(lambda: _counted(stats, 72))

        async def released() -> bool:
            return (await verdicts.get("harvester")).status == "ok"

        await wait_for(released)
        assert await verdicts.detail("harvester") is None
    finally:
        stop.set()
        await task
        await redis.aclose()


async def test_an_event_the_detector_cannot_take_is_logged_and_passed_over(redis_url: str) -> None:
    """A row that decodes but that the detector cannot score (a newer or broken gateway, a bad write) stopped the
    worker, and being still unacknowledged, stopped it again after each restart."""
    from gateway.extraction.publisher import encode_event, stream_key

    redis = Redis.from_url(redis_url)
    stop, stats = asyncio.Event(), WorkerStats()
    task = asyncio.create_task(run_worker(redis_url, partitions=1, consumer="solo", stop=stop, lease_ms=1500,
                                          stats=stats))
    try:
        bad = orjson.loads(encode_event(event("b", T0 + 1, chat("hello"))))
        bad[0] = "noon"  # ts
        pub = EventPublisher(redis, partitions=1)
        await pub.publish(event("a", T0, chat("What should I cook tonight?")))
        await redis.xadd(stream_key(0), {"e": orjson.dumps(bad)})
        await pub.publish(event("c", T0 + 2, chat("hello")))
        await wait_for(lambda: _counted(stats, 3))
        assert not task.done() and stats.failed_events == 1
        assert not (await redis.xpending(stream_key(0), "covenant-extraction"))["pending"]
    finally:
        stop.set()
        await task
        await redis.aclose()


async def test_the_worker_reads_the_decisions_again_only_when_one_was_recorded(own_redis) -> None:
    """Every decision ever made stays in one hash, which each worker read whole every flush (twice a second): a cost
    growing without bound with the reviews. A counter says when there is something new to read."""
    redis = Redis.from_url(own_redis.url)
    stop, stats = asyncio.Event(), WorkerStats()
    task = asyncio.create_task(run_worker(own_redis.url, partitions=1, consumer="solo", stop=stop, lease_ms=1500,
                                          stats=stats))

    async def calls(command: str) -> int:
        return (await redis.info("commandstats")).get(f"cmdstat_{command}", {}).get("calls", 0)

    try:
        await EventPublisher(redis, partitions=1).publish(event("a", T0, chat("What should I cook tonight?")))
        await wait_for(lambda: _counted(stats, 1))
        await record_decision_remote(redis, "a", "allowlist", "rita", "", ts=T0 + 1)

        async def applied() -> bool:  # the worker writes the figures of its application into the decision
            return b"cleared_score" in (await redis.hget(DECISIONS_KEY, "a") or b"")

        await wait_for(applied)
        reads, flushes = await calls("hgetall"), await calls("hset")

        async def flushed_five_times() -> bool:  # each flush writes the worker's stats
            return await calls("hset") >= flushes + 5

        await wait_for(flushed_five_times)
        assert await calls("hgetall") == reads
        await record_decision_remote(redis, "a", "clear", "rita", "", ts=T0 + 2)

        await wait_for(applied)
    finally:
        stop.set()
        await task
        await redis.aclose()
