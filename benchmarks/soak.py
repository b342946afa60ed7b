"""Soak run: mixed traffic against a gateway on the Redis store for N minutes.

`python -m benchmarks.soak --minutes 10` (or `--minutes 1` for the quick mode). Traffic: streaming
and not, a rate-limited account (429s are the injected errors), prompts with PII, and a policy
reload every 30 s. Prints gateway RSS over time, errors beyond the injected ones, and whether the
audit log holds exactly one record per request.
"""

from __future__ import annotations

import argparse
import os
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from gateway.identity import new_key
from tests.ratelimit_gateway.helpers import put_key_record
from tests.reliability.support import FILE_AUDIT, audit_records
from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher
from tests.support.redis_server import start_redis

LIMITED_POLICY = """apiVersion: covenant/v1
kind: Policy
metadata: {{name: soak-limited, description: "reload {n}"}}
spec:
  selector:
    key_labels: {{soak: limited}}
  rate_limits:
    limits:
      - {{name: tight, key: [account], requests: 120/minute}}
"""


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--clients", type=int, default=4)
    args = ap.parse_args()
    redis_server = start_redis()
    with running_mock_teacher() as teacher:
        gw = GatewayProcess(upstream_url=teacher.url, store=redis_server.url, extra_config={"audit": FILE_AUDIT})
        keys = {}
        for account in ("normal", "limited"):
            keys[account], record = new_key("soak", account, {"tier": "pro", "soak": account})
            put_key_record(redis_server.url, record)
        (gw.policy_dir / "50-soak.yaml").write_text(LIMITED_POLICY.format(n=0))
        gw.start()
        stop_at = time.monotonic() + args.minutes * 60
        statuses: Counter = Counter()
        samples: dict = {}  # first error body per (account, status), to say what the errors were
        lock = threading.Lock()

        def client(i: int) -> None:
            account = "limited" if i == 0 else "normal"
            n = 0
            with httpx.Client(timeout=30) as c:
                while time.monotonic() < stop_at:
                    n += 1
                    content = f"request {n}: contact me at user{n}@example.com" if n % 5 == 0 else f"request {n}"
                    try:
                        r = c.post(gw.openai_base_url + "/chat/completions",
                                   headers={"authorization": f"Bearer {keys[account]}"},
                                   json={"model": "gpt-4o-mini", "stream": n % 2 == 0, "max_tokens": 60,
                                         "messages": [{"role": "user", "content": content}]})
                        code = r.status_code
                        if code not in (200, 429) and (account, code) not in samples:
                            samples[(account, code)] = r.text[:200]
                    except httpx.HTTPError as exc:
                        code = type(exc).__name__
                    with lock:
                        statuses[(account, code)] += 1

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        started = time.monotonic()
        rows, reloads, next_reload = [], 0, started + 30
        while time.monotonic() < stop_at:
            time.sleep(min(10.0, max(0.0, stop_at - time.monotonic())))
            if time.monotonic() >= next_reload:
                reloads += 1
                tmp = gw.policy_dir / "50-soak.tmp"
                tmp.write_text(LIMITED_POLICY.format(n=reloads))
                os.replace(tmp, gw.policy_dir / "50-soak.yaml")
                next_reload += 30
            with lock:
                done = sum(statuses.values())
            rows.append((time.monotonic() - started, _rss_mib(gw.proc.pid), done))
        for t in threads:
            t.join()
        gw.stop()
        redis_server.stop()
        records = len(audit_records(gw))
    total = sum(statuses.values())
    # 429s are the injected errors: the tight policy on `limited`, the baseline's 600/minute on the others
    unexpected = {k: v for k, v in statuses.items() if k[1] not in (200, 429)}
    print(f"\n{'t (s)':>7} {'gateway RSS (MiB)':>18} {'requests done':>14}")
    for t, rss, done in rows:
        print(f"{t:7.0f} {rss:18.1f} {done:14d}")
    print(f"\nrequests {total}, statuses {dict(statuses)}, policy reloads {reloads}")
    print(f"errors beyond the injected 429s: {sum(unexpected.values())} {unexpected}")
    for k, body in samples.items():
        print(f"  first {k}: {body}")
    print(f"audit records {records} == requests {total}: {records == total}")


if __name__ == "__main__":
    main()
