"""Helpers shared by the blind traffic-variant tests: reading a generated log, the response-text checks, the
request features compared between attack and benign traffic."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson

from benchmarks.traffic.generate import generate

DAYS = 1.0


def read_records(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def response_text_shares(records, labels) -> tuple[float, dict[str, float]]:
    """Share of records carrying response_text: overall, and per label (attack, benign)."""
    total: Counter = Counter()
    logged: Counter = Counter()
    for r in records:
        label = labels[r["principal"]]["label"]
        total[label] += 1
        logged[label] += "response_text" in r
    return sum(logged.values()) / sum(total.values()), {k: logged[k] / total[k] for k in ("attack", "benign")}


def assert_response_text_for_a_share_of_attack_and_benign_records(records, labels) -> None:
    overall, per_label = response_text_shares(records, labels)
    assert 0.1 < overall < 0.8
    assert all(0.05 < share < 0.95 for share in per_label.values()), per_label


def assert_response_text_length_follows_output_tokens(records, *, skip_apis: tuple[str, ...] = ()) -> None:
    """~4 characters per output token (median), reasoning models (hidden tokens) and skip_apis aside."""
    ratios = sorted(len(r["response_text"]) / r["usage"]["output_tokens"] for r in records
                    if len(r.get("response_text", "")) > 200 and r["api"] not in skip_apis
                    and r["request"].get("model") not in ("o4-mini", "gpt-5-mini"))
    assert ratios and 2.5 < ratios[len(ratios) // 2] < 5.5


def scaled_log(tmp_path_factory, variant: str) -> tuple[Path, dict]:
    """A fifth-scale log of ``variant`` (seed 7) and its labels."""
    path = tmp_path_factory.mktemp("traffic") / f"{variant}-scaled.jsonl"
    generate(seed=7, out=path, days=DAYS, scale=0.2, variant=variant)
    return path, orjson.loads(Path(str(path) + ".labels.json").read_bytes())


def full_window_log(tmp_path_factory, variant: str) -> tuple[list[dict], dict]:
    """Four days of ``variant`` at a tenth of the benign scale (seed 7): its records and labels."""
    path = tmp_path_factory.mktemp("traffic") / f"{variant}-full-window.jsonl"
    generate(seed=7, out=path, days=4.0, scale=0.1, variant=variant)
    return read_records(path), orjson.loads(Path(str(path) + ".labels.json").read_bytes())


def by_scenario(records: list[dict], labels: dict, *scenarios: str) -> list[dict]:
    """The records of the accounts of these scenarios."""
    return [r for r in records if labels[r["principal"]]["scenario"] in scenarios]


def end_user(r: dict) -> str | None:
    req = r["request"]
    return req.get("user") or (req.get("metadata") or {}).get("user_id")


def sampling_and_tools(req: dict) -> set[str]:
    """The request features that distribution harvesting and tool distillation use (v13 and v14 checks)."""
    out = set()
    if req.get("logprobs") or req.get("top_logprobs"):
        out.add("logprobs")
    if (req.get("n") or 1) > 1:
        out.add("n")
    if req.get("tools"):
        out.add("tools")
    return out


def day_of(r: dict, t0: float) -> int:
    return int((r["ts"] - t0) // 86400)


def request_features(r: dict) -> set[str]:
    req, text = r["request"], orjson.dumps(r["request"]).decode()
    out = {f"api:{r['api']}"} | sampling_and_tools(req)
    if req.get("response_format"):
        out.add(f"response_format:{req['response_format']['type']}")
    if '"role":"assistant"' in text or req.get("previous_response_id"):
        out.add("multi_turn")
    if req.get("system") or req.get("instructions") or '"role":"system"' in text:
        out.add("system")
    if (req.get("temperature") or 0) >= 1:
        out.add("temperature>=1")
    if max(req.get("max_tokens") or 0, req.get("max_output_tokens") or 0) >= 4096:
        out.add("max_tokens>=4096")
    if end_user(r):
        out.add("user")
    return out


def request_feature_counts(records: list[dict], labels: dict) -> dict[str, Counter]:
    """request_features counted per label (attack, benign)."""
    feats: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        feats[labels[r["principal"]]["label"]].update(request_features(r))
    return feats


def first_user_text(r: dict) -> str:
    req = r["request"]
    msgs = req.get("messages") or req.get("input") or ""
    if isinstance(msgs, str):
        return msgs
    content = next((m.get("content") for m in msgs if m.get("role") == "user"), "")
    return content if isinstance(content, str) else ""


def daily_peaks(records: list[dict], labels: dict) -> tuple[int, list[int]]:
    """The busiest day of the busiest ordinary customer (chat, power and IDE users), and each attack account's
    busiest day (requests in a UTC day)."""
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    peak: Counter = Counter()
    for (p, _), n in Counter((r["principal"], day_of(r, t0)) for r in records).items():
        peak[p] = max(peak[p], n)
    ordinary = max(peak[p] for p in peak if labels[p]["scenario"] in ("chat_user", "power_user", "ide_assistant"))
    return ordinary, [peak[p] for p in peak if labels[p]["label"] == "attack"]
