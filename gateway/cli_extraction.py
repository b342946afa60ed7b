"""`covenant extraction replay` and `covenant worker`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from pathlib import Path


def _policy_from(dir_: str | None, *, required: bool = True):
    """The most general extraction block of a policy directory (None: the defaults). A directory that is
    not there is an error when named on the command line, and the built-in defaults when it is only the
    configuration's default; policy files that do not load are an error, said in one line each."""
    if not dir_:
        return None
    from gateway.errors import PolicyError
    from gateway.policy.compile import CompiledPolicySet
    from gateway.policy.load import load_policies

    if not Path(dir_).is_dir():
        if required:
            raise SystemExit(f"policy directory {dir_} not found")
        logging.getLogger("covenant.worker").warning(
            "no policy directory %s here: the extraction detector runs with its built-in defaults", dir_)
        return None
    try:
        ps = CompiledPolicySet(load_policies([Path(dir_)]))
    except PolicyError as exc:
        raise SystemExit(f"the policies in {dir_} do not load:\n{exc}") from None
    blocks = [p.policy.spec.extraction for p in ps.policies if p.policy.spec.extraction is not None]
    return blocks[-1] if blocks else None


def _model_from(path: str | None):
    """An operator's re-scorer model file, said in one line when it will not load (`--model` is not a setting
    the settings' check has seen; a model they loaded is not read again)."""
    if not path:
        return None
    from gateway.extraction.rescorer import ModelError, TreeEnsemble

    try:
        return TreeEnsemble.from_file(path)
    except ModelError as exc:
        raise SystemExit(f"covenant: {exc}") from None


def cmd_replay(args: argparse.Namespace) -> int:
    from gateway.extraction.detector import Detector
    from gateway.extraction.replay import replay

    policy = _policy_from(args.policies)
    detector = Detector(policy, _model_from(args.model)) if args.model else None
    if detector is not None and not detector.policy.rescorer.enabled:
        print(f"covenant: --model {args.model} is not used: the extraction policy"
              f"{' of ' + args.policies if args.policies else ' (built-in, no --policies)'} does not turn "
              "extraction.rescorer on", file=sys.stderr)
    try:
        summary = replay(args.traffic, policy, args.output, progress=not args.quiet, detector=detector)
    except OSError as exc:
        if args.output is None or exc.filename != args.output:
            raise  # the log that cannot be read: said by the command line's own handler
        print(f"covenant: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    s = summary.as_dict()
    print(f"replayed {s['requests']} requests ({s['skipped_lines']} lines skipped) from {s['principals']} principals "
          f"in {s['seconds']}s ({s['requests_per_s']}/s)", file=sys.stderr)
    if summary.operator_records:
        print(f"  {summary.operator_records} operator records (reviewer decisions applied at their time, key changes)",
              file=sys.stderr)
    for told in summary.skipped:
        print(f"  skipped {told}", file=sys.stderr)
    if summary.skipped_lines > len(summary.skipped):
        print(f"  … and {summary.skipped_lines - len(summary.skipped)} more lines skipped", file=sys.stderr)
    print("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(s["by_status"].items())) +
          f"; campaigns: {s['campaigns']}", file=sys.stderr)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from gateway.config import load_settings
    from gateway.extraction.worker import run_worker
    from gateway.logs import setup_logging
    from gateway.store import is_redis_url

    settings = load_settings(args.config, store=args.store)
    setup_logging(settings.log_level, settings.log_format)
    if not is_redis_url(settings.store):
        print("covenant worker needs a Redis store (--store redis://…): with memory:// the gateway "
              "scores in process", file=sys.stderr)
        return 2
    partitions = args.partitions if args.partitions is not None else settings.extraction_partitions
    if partitions < 1:
        print(f"--partitions must be 1 or more (got {partitions})", file=sys.stderr)
        return 2
    if partitions != settings.extraction_partitions:
        # the gateways publish to settings.extraction_partitions streams: a worker reading other ones loses events
        print(f"--partitions {partitions} differs from extraction_partitions {settings.extraction_partitions} of "
              "the config the gateways publish with; set COVENANT_EXTRACTION_PARTITIONS (or the config file's "
              "extraction_partitions) to the same value for both", file=sys.stderr)
        return 2
    policy = _policy_from(args.policies or settings.policies_dir, required=args.policies is not None)
    model = _model_from(settings.extraction_model)
    if model is not None and not (policy is not None and policy.rescorer.enabled):
        logging.getLogger("covenant.worker").warning(
            "extraction_model %s is not used: the policies do not turn extraction.rescorer on", settings.extraction_model)
    fp = _worker_fingerprinter(settings)
    if args.nice > 0:
        # On a host shared with gateways, background analysis can yield the CPU to their requests. Off by
        # default: a worker starved under load falls behind and catches up in bursts (docs/operations.md).
        os.nice(args.nice)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        metrics = None
        if args.metrics_port:
            # the worker's own series: the detector's (lag, verdicts, campaigns, events scored) and, with the
            # watermark secret, the recorded reference's observed texts and flushes
            from prometheus_client import start_http_server

            from gateway.metrics import Metrics

            metrics = Metrics(tenant_label=settings.metrics_tenant_label)
            start_http_server(args.metrics_port, addr=args.metrics_host, registry=metrics.registry)
        indexing = (asyncio.create_task(_index_provenance(settings, fp, stop, metrics, args.report_every))
                    if fp is not None else None)
        stats = await run_worker(settings.store, policy=policy, partitions=partitions, stop=stop,
                                 report_every_s=args.report_every, metrics=metrics, rescorer=model)
        if indexing is not None:
            await indexing
        logging.getLogger("covenant.worker").info(
            "worker stopped: %d events in %d batches, %d verdict writes", stats.events, stats.batches,
            stats.verdict_writes)

    import uvloop

    # the loop the gateway runs on too: the worker's Redis traffic (stream reads, index and counter
    # writes) cost about a third of its CPU in the default asyncio loop's Python transports
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(main())
    return 0


def _worker_fingerprinter(settings):
    """The provenance fingerprinter of the gateways, or None when this worker has no secret: generating
    one here would fingerprint with a key no gateway uses."""
    from gateway.watermark.provenance import Fingerprinter
    from gateway.watermark_secret import master_secret

    if settings.watermark_secret is None and not os.path.exists(settings.watermark_secret_file):
        logging.getLogger("covenant.worker").warning(
            "provenance indexing and the recorded watermark reference off in this worker: set "
            "COVENANT_WATERMARK_SECRET to the gateways' value")
        return None
    return Fingerprinter(master_secret(settings.watermark_secret, settings.watermark_secret_file))


async def _index_provenance(settings, fp, stop: asyncio.Event, metrics=None, report_every_s: float = 60.0) -> None:
    """The worker's second job: fingerprint and index the responses gateways queued (provenance), and
    count the pre-mark texts sampled for the recorded reference that come with them."""
    import socket

    from gateway.metrics import Metrics
    from gateway.store import open_store
    from gateway.watermark.provenance import RedisProvenanceIndex
    from gateway.watermark.provenance_queue import consume
    from gateway.watermark.reference_queue import WorkerReference

    store = open_store(settings.store, timeout_ms=max(settings.store_timeout_ms, 1000))
    index = RedisProvenanceIndex.for_store(store, fp, capacity=settings.provenance_capacity,
                                           ttl_seconds=int(settings.provenance_retention_days * 86400))
    # the recorded reference's pre-mark texts come with the entries: counted into the gateways' tables
    reference = WorkerReference(store.counter_tables(), max_tenants=settings.watermark_reference_tenants,
                                metrics=metrics or Metrics(tenant_label=settings.metrics_tenant_label))
    try:
        await consume(store.client, index, consumer=f"{socket.gethostname()}-{os.getpid()}", stop=stop,
                      reference=reference, report_every_s=report_every_s)
    finally:
        await store.close()


def _whole_number(env: str):
    def parse(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number (the flag or {env}), got {text!r}") from None

    return parse


def add_extraction_commands(sub, add_config) -> None:
    ex = sub.add_parser("extraction", help="bulk-extraction detection tools").add_subparsers(
        dest="extraction_command", required=True)
    p = ex.add_parser("replay", help="score a recorded traffic log as the live detector would")
    p.add_argument("traffic", help="traffic log (JSONL; the audit log with content: full); - reads standard input")
    p.add_argument("--policies", help="policy directory whose extraction block to use (default: built-in)")
    p.add_argument("--output", help="write one JSON line per principal here")
    p.add_argument("--model", help="re-scorer model file to judge with instead of the shipped one (when the "
                                   "policy turns extraction.rescorer on), e.g. one of your own from "
                                   "`python -m benchmarks.extraction_rescorer --export`")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("worker", help="analysis worker (distributed mode, Redis store): extraction detection "
                                      "and provenance fingerprints")
    add_config(p)
    p.add_argument("--store", help="Redis URL (default from config)")
    p.add_argument("--policies", help="policy directory (default from config)")
    p.add_argument("--partitions", type=int, default=None,
                   help="event stream partitions (default: extraction_partitions of the config, "
                        "COVENANT_EXTRACTION_PARTITIONS, 4); must equal the gateways' value")
    # Defaults from the environment stay strings here: argparse converts them only when `worker` runs, so a
    # malformed variable is that command's usage error (exit 2) naming it, not a traceback from every command.
    p.add_argument("--nice", type=_whole_number("COVENANT_WORKER_NICE"),
                   default=os.environ.get("COVENANT_WORKER_NICE", "0"),
                   help="lower this process's CPU priority by N (env COVENANT_WORKER_NICE; default 0: unchanged)")
    p.add_argument("--metrics-port", type=_whole_number("COVENANT_WORKER_METRICS_PORT"),
                   default=os.environ.get("COVENANT_WORKER_METRICS_PORT", "0"),
                   help="serve this worker's Prometheus metrics on this port (env COVENANT_WORKER_METRICS_PORT; "
                        "default 0: not served)")
    p.add_argument("--metrics-host", default="0.0.0.0", help="address of the metrics port")
    p.add_argument("--report-every", type=float, default=60.0, metavar="SECONDS",
                   help="log a progress line this often while work flows (default 60)")
    p.set_defaults(func=cmd_worker)
