"""Helpers shared by the blind traffic-variant tests: reading a generated log, the response-text checks, the
request features compared between attack and benign traffic."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import orjson

from benchmarks.traffic.generate import generate, generate_records

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


def small_log(tmp_path_factory, variant: str, seed: int) -> tuple[Path, dict]:
    """One day of ``variant`` at a twentieth of the benign scale (the seed its sha256 pin is for) and its labels."""
    path = tmp_path_factory.mktemp("traffic") / f"{variant}.jsonl"
    generate(seed=seed, out=path, days=DAYS, scale=0.05, variant=variant)
    return path, orjson.loads(Path(str(path) + ".labels.json").read_bytes())


def assert_every_scenario_emits_and_the_bytes_are_frozen(path: Path, labels: dict, attack_types: set[str],
                                                        new_personas: set[str], benign_table: dict, sha256: str,
                                                        variant: str) -> None:
    """Every attack scenario and every new benign persona of the variant (its persona table's) sends traffic in the
    small log, and the log's bytes are the frozen ones."""
    seen = Counter(labels[r["principal"]]["scenario"] for r in read_records(path))
    assert attack_types <= set(seen), attack_types - set(seen)
    assert set(benign_table) == new_personas and new_personas <= set(seen), new_personas - set(seen)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256, (
        f"traffic variant {variant} no longer generates the frozen bytes: a blind dataset changed")


def assert_frozen_and_no_label_leaks(small: tuple[Path, dict], attack_types: set[str], new_personas: set[str],
                                     benign_table: dict, sha256: str, variant: str) -> None:
    """assert_every_scenario_emits_and_the_bytes_are_frozen and assert_campaign_ids_and_labels_do_not_leak over a
    small_log."""
    assert_every_scenario_emits_and_the_bytes_are_frozen(*small, attack_types, new_personas, benign_table, sha256,
                                                         variant)
    assert_campaign_ids_and_labels_do_not_leak(*small, variant)


def assert_campaign_ids_and_labels_do_not_leak(path: Path, labels: dict, variant: str) -> None:
    """Campaign ids are the variant's and name no request; no record carries a label."""
    campaigns = {lab["campaign"] for lab in labels.values() if lab["campaign"]}
    assert campaigns and all(c.startswith(f"{variant}-") for c in campaigns)
    for line in path.read_bytes().splitlines():
        text = line.decode()
        assert f'"{variant}-' not in text and '"attack"' not in text


def assert_same_bytes_under_another_hash_seed(path: Path, variant: str, seed: int, out_dir: Path) -> None:
    """`small_log`'s bytes and labels come out the same from `python -m benchmarks.traffic.generate` under a string
    hash seed other than this process's (fixed at 1, or 2 when this process runs under 1; this process's is random
    unless PYTHONHASHSEED is set). One other seed is enough to catch set or dict order leaking into the bytes: any
    two seeds order the same strings differently. The sha256 pin checks the bytes this process generates."""
    root = Path(__file__).resolve().parents[2]
    hash_seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    out = out_dir / f"hash-{hash_seed}.jsonl"
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-m", "benchmarks.traffic.generate", "--seed", str(seed), "--out", str(out),
                    "--days", str(DAYS), "--scale", "0.05", "--variant", variant], check=True, cwd=root, env=env,
                   capture_output=True)
    assert out.read_bytes() == path.read_bytes(), hash_seed
    assert Path(str(out) + ".labels.json").read_bytes() == Path(str(path) + ".labels.json").read_bytes()


def full_window_log(variant: str) -> tuple[list[dict], dict]:
    """Four days of ``variant`` at a tenth of the benign scale (seed 7): its records and labels, as the generator
    holds them (equal to the written log read back, checked for every variant when this stopped writing one; a third
    of the fixture's time was the 70-180 MB round trip). Records share sub-objects: read them, never change them."""
    return generate_records(seed=7, days=4.0, scale=0.1, variant=variant)


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


def follow_up_gaps(records: list[dict], labels: dict) -> dict[str, list[tuple[int, float]]]:
    """(length of the assistant reply before a follow-up, seconds from the request that got it to the follow-up)
    for chat and Anthropic conversations, per label."""
    sent: dict[tuple[str, str, int], float] = {}
    out: dict[str, list[tuple[int, float]]] = {"attack": [], "benign": []}
    for r in records:
        msgs = [m for m in r["request"].get("messages") or [] if m.get("role") in ("user", "assistant")]
        if not msgs or not isinstance(msgs[0].get("content"), str) or msgs[-1].get("role") != "user":
            continue
        key = (r["principal"], msgs[0]["content"])
        sent[(*key, len(msgs))] = r["ts"]
        before = sent.get((*key, len(msgs) - 2))
        if before is not None and isinstance(msgs[-2].get("content"), str):
            out[labels[r["principal"]]["label"]].append((len(msgs[-2]["content"]), r["ts"] - before))
    return out


def assert_follow_ups_wait_longer_after_longer_answers(gaps: dict[str, list[tuple[int, float]]]) -> None:
    """Per label, the median wait after a long reply (over 4,000 characters) is well above that after a short one."""
    for label, pairs in gaps.items():
        short = [g for n, g in pairs if n < 1500]
        long = [g for n, g in pairs if n > 4000]
        assert len(short) >= 30 and len(long) >= 30, (label, len(short), len(long))
        assert sorted(long)[len(long) // 2] > 1.5 * sorted(short)[len(short) // 2], label


def assert_client_metadata_does_not_cluster_attack_accounts(records: list[dict], labels: dict,
                                                            many: tuple[str, ...]) -> None:
    """No /16 holds more than three attack accounts, and the scenarios in `many` use at least four clients each."""
    nets: dict[str, set[str]] = defaultdict(set)
    agents: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if labels[r["principal"]]["label"] == "attack":
            nets[r["client"]["ip"].rsplit(".", 2)[0]].add(r["principal"])
            agents[labels[r["principal"]]["scenario"]].add(r["client"]["user_agent"])
    assert max(len(a) for a in nets.values()) <= 3
    assert all(len(a) >= 4 for s, a in agents.items() if s in many), agents


def languages_seen(records: list[dict], labels: dict, wrap: dict[str, tuple[str, ...]]) -> dict[str, set[str]]:
    """The languages of `wrap` (a variant's WRAP: language -> templates around {x}) whose template text occurs in
    attack and in benign requests."""
    openers = {lg: tuple(w.split("{x}")[0].strip() or w.split("{x}")[1].strip() for w in ws) for lg, ws in
               wrap.items()}
    seen: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for r in records:
        text = orjson.dumps(r["request"]).decode()
        for lg, marks in openers.items():
            if any(orjson.dumps(m).decode()[1:-1] in text for m in marks):
                seen[labels[r["principal"]]["label"]].add(lg)
    return seen


def assert_hydra_stays_under_quota_and_opens_in_waves(records: list[dict], labels: dict, twin: str,
                                                     min_twin_accounts: int = 1) -> None:
    """At least 200 hydra accounts, each under 30 requests in any UTC day, a good share of them first seen after
    the first day; the twin persona's accounts (at least `min_twin_accounts` of them: a class, one key a student)
    stay within a per-key quota of 25 a day."""
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    per_day = Counter((r["principal"], day_of(r, t0)) for r in by_scenario(records, labels, "hydra"))
    accounts = {p for p, _ in per_day}
    assert len(accounts) >= 200 and max(per_day.values()) < 30
    first = Counter(min(d for q, d in per_day if q == p) for p in accounts)
    assert first[0] < 0.6 * len(accounts) and sum(n for d, n in first.items() if d >= 1) >= 60, first
    quota = Counter((r["principal"], day_of(r, t0)) for r in by_scenario(records, labels, twin))
    assert quota and max(quota.values()) <= 25
    assert len({p for p, _ in quota}) >= min_twin_accounts, (twin, len({p for p, _ in quota}))


def assert_temperature_sweeps_and_batches(records: list[dict], labels: dict, lows: dict[str, int], min_n: int) -> None:
    """For each scenario, at least `lows[scenario]` sweeps -- one prompt sent as single samples at three or more
    temperatures within 15 minutes -- and as many requests for `min_n` or more samples at once with logprobs."""
    for scenario, lo in lows.items():
        runs: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for r in by_scenario(records, labels, scenario):
            if r["request"].get("temperature") is not None and (r["request"].get("n") or 1) == 1:
                runs[(r["principal"], first_user_text(r))].append((r["ts"], r["request"]["temperature"]))
        swept = 0
        for v in runs.values():
            start, temps = None, set()
            for t, x in sorted(v):
                if start is None or t - start > 900:
                    swept += len(temps) >= 3
                    start, temps = t, set()
                temps.add(x)
            swept += len(temps) >= 3
        assert swept >= lo, (scenario, swept)
        many = [r for r in by_scenario(records, labels, scenario)
                if (r["request"].get("n") or 1) >= min_n and r["request"].get("logprobs")]
        assert len(many) >= lo, (scenario, len(many))


def assert_agents_call_the_tools(records: list[dict], labels: dict, tool: str, lows: dict[str, int],
                                 chained_in: tuple[str, ...], apis: set[str] | None = None) -> None:
    """The agent campaign and its twins call a tool named `tool` (at least `lows[scenario]` requests each, over
    exactly `apis` when given), and the scenarios `chained_in` send 100+ tool requests chained by
    previous_response_id."""
    for scenario, lo in lows.items():
        rows = [r for r in by_scenario(records, labels, scenario) if tool in str(r["request"].get("tools"))]
        assert len(rows) >= lo, (scenario, len(rows))
        if apis is not None:
            assert {r["api"] for r in rows} == apis, scenario
    chained = [r for r in by_scenario(records, labels, *chained_in)
               if r["request"].get("previous_response_id") and r["request"].get("tools")]
    assert len(chained) >= 100, len(chained)


def assert_no_request_feature_is_attack_only(records: list[dict], labels: dict) -> None:
    """Attack traffic uses the harvesting features (n, logprobs, tools, long outputs, ...) and benign traffic uses
    every feature attack traffic does, at least ten times."""
    feats = request_feature_counts(records, labels)
    assert {"logprobs", "n", "tools", "multi_turn", "system", "user", "temperature>=1", "max_tokens>=4096",
            "api:openai.responses", "api:anthropic.messages"} <= set(feats["attack"])
    assert all(feats["benign"][f] >= 10 for f in feats["attack"]), feats["benign"]


def assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(records: list[dict], labels: dict) -> None:
    """Every model an attack account names, and every shape of its `user` ids (hex tail masked), is also what benign
    accounts send, at least ten times each: neither field labels a request."""
    models: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    shapes: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        label = labels[r["principal"]]["label"]
        models[label][r["request"]["model"]] += 1
        if user := end_user(r):
            shapes[label][re.sub(r"[0-9a-f]+$", "x", user)] += 1
    assert all(models["benign"][m] >= 10 for m in models["attack"]), (models["attack"], models["benign"])
    assert shapes["attack"] and all(shapes["benign"][s] >= 10 for s in shapes["attack"]), shapes


def user_texts(r: dict) -> list[str]:
    """The text of every user message of a request, in order (a bare Responses `input` string is one)."""
    msgs = r["request"].get("messages") or r["request"].get("input")
    if isinstance(msgs, str):
        return [msgs]
    return [m["content"] for m in msgs if m.get("role") == "user" and isinstance(m.get("content"), str)]


def system_prompt(r: dict) -> str:
    """A request's system prompt in any dialect (Anthropic `system`, Responses `instructions`, a system message)."""
    req = r["request"]
    if req.get("system") or req.get("instructions"):
        return req.get("system") or req.get("instructions")
    msgs = req.get("messages") or []
    return msgs[0]["content"] if msgs and msgs[0].get("role") == "system" else ""


def assert_items_name_their_capability(corpus, templates: int) -> None:
    """Every phrasing of every template of a variant's corpus module carries the marks of its own capability only
    (`corpus.cap_of`), and no everyday question carries any."""
    import random

    rng = random.Random(0)
    for cap in corpus.CAPS:
        for t in range(templates):
            for _ in range(6):
                s = corpus.seed(rng, cap, t)
                assert all(corpus.cap_of(corpus.text(s, p)) == cap for p in range(3)), (cap, t)
    assert all(corpus.cap_of(x) is None for x in corpus.EVERYDAY)


def assert_careful_chat_asks_later(rows: list[dict], nightly: set[str], ask_of, min_later: int = 50) -> None:
    """The careful mixed_into_chat conversations (every account but the `nightly` job keys) never open with the
    harvest's ask (`ask_of(text)` is None for a first user turn) and bring it up in the second or third turn at
    least `min_later` times."""
    later = 0
    for r in rows:
        ts = user_texts(r)
        if r["principal"] in nightly or len(ts) < 2:
            continue
        assert ask_of(ts[0]) is None, ts[0]
        later += any(ask_of(t) is not None for t in ts[1:3])
    assert later >= min_later, later


def assert_attack_and_benign_traffic_look_alike(records: list[dict], labels: dict, wrap: dict[str, tuple[str, ...]],
                                               many: tuple[str, ...]) -> None:
    """What every blind variant keeps alike between attack and benign accounts, checked at once: attack accounts' client
    software comes from the table benign accounts draw from (six or more of its entries in benign use), no request
    feature is attack-only, models and end-user id shapes are benign ones too, client metadata does not cluster
    attack accounts (`many`: scenarios with four or more clients), and every language of the variant's `wrap` occurs
    in attack and in benign requests."""
    from benchmarks.traffic.context import USER_AGENTS

    agents = {lab: {r["client"]["user_agent"] for r in records if labels[r["principal"]]["label"] == lab}
              for lab in ("attack", "benign")}
    assert agents["attack"] and agents["attack"] <= set(USER_AGENTS)
    assert len(agents["benign"] & set(USER_AGENTS)) >= 6, agents
    assert_no_request_feature_is_attack_only(records, labels)
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(records, labels)
    assert_client_metadata_does_not_cluster_attack_accounts(records, labels, many)
    seen = languages_seen(records, labels, wrap)
    assert seen["attack"] == set(wrap) and seen["benign"] == set(wrap), seen


# ---- shared by the v31 and later blind-variant modules ----
def json_format(r: dict) -> bool:
    """The request asks for JSON under a schema (chat response_format, Responses text.format)."""
    req = r["request"]
    return (req.get("response_format") or (req.get("text") or {}).get("format") or {}).get("type") == "json_schema"


def json_replies(records: list[dict], labels: dict) -> Counter:
    """Per label, how many logged replies to a request for JSON under a schema there are; each parses as a JSON
    object."""
    parsed: Counter = Counter()
    for r in records:
        if json_format(r) and "response_text" in r:
            assert isinstance(orjson.loads(r["response_text"]), dict)
            parsed[labels[r["principal"]]["label"]] += 1
    return parsed


def assert_logged_replies(records: list[dict], labels: dict, attack_accounts: tuple[int, int]) -> Counter:
    """The response_text checks (a share of attack and benign records, length following output tokens), the number
    of attack accounts within `attack_accounts`, and json_replies' count per label."""
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    lo, hi = attack_accounts
    assert lo <= sum(lab["label"] == "attack" for lab in labels.values()) <= hi
    return json_replies(records, labels)


def request_fields(r: dict) -> set[str]:
    """The request's top-level fields, with its reasoning, cached system blocks and structured-output formats."""
    req = r["request"]
    effort = (req.get("reasoning") or {}).get("effort")
    marks = {"cache_control": isinstance(req.get("system"), list) and any(b.get("cache_control") for b in req["system"]),
             "thinking": bool(req.get("thinking")), f"effort:{effort}": bool(effort),
             f"json_schema:{r['api']}": json_format(r)}
    return {f"{r['api']}:{k}" for k in req} | {m for m, on in marks.items() if on}


def assert_fields_of_attack_traffic_occur_in_benign_traffic(records: list[dict], labels: dict,
                                                            expected: set[str]) -> None:
    """Attack traffic uses the `expected` request_fields (among others), and benign traffic uses every field and
    surface attack traffic uses, at least ten times."""
    feats: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        feats[labels[r["principal"]]["label"]].update(request_fields(r))
    assert expected <= set(feats["attack"]), feats["attack"]
    missing = {f: feats["benign"][f] for f in feats["attack"] if feats["benign"][f] < 10}
    assert not missing, missing


def assert_languages_are_new(corpus, name: str) -> None:
    """The corpus module's six languages (its TONGUES, WRAP and LANGS agree) are used by no other corpus module."""
    import importlib
    import pkgutil

    import benchmarks.traffic as traffic

    assert set(corpus.WRAP) == set(corpus.TONGUES) == set(corpus.LANGS[1:]) and len(corpus.TONGUES) == 6
    for mod in pkgutil.iter_modules(traffic.__path__):
        if mod.name.startswith("corpus") and mod.name != name:
            earlier = getattr(importlib.import_module(f"benchmarks.traffic.{mod.name}"), "LANGS", ())
            assert not set(earlier) & set(corpus.TONGUES), mod.name


def thinking_hydra_accounts(records: list[dict], labels: dict) -> set[str]:
    """The hydra accounts that ask for thinking, or for reasoning without the blunt scripts' 16,000-token cap."""
    return {r["principal"] for r in by_scenario(records, labels, "hydra") if r["request"].get("thinking") or
            ((r["request"].get("reasoning") or {}).get("effort") and r["request"].get("max_output_tokens") != 16000)}


def assert_careful_cot_harvesters_ask_why(records: list[dict], labels: dict, cot_sys: str, why_asks: tuple[str, ...],
                                          lows: dict[str, int]) -> None:
    """The cot_harvester accounts without the blunt system prompt are two, and they - like each twin in `lows` - send
    one of `why_asks` at least lows[scenario] times; the blunt ones send 1,000+ requests at high effort or with a
    16,000-token thinking budget."""
    marks = [a.lower()[:24] for a in why_asks]
    for scenario, lo in lows.items():
        rows = [r for r in by_scenario(records, labels, scenario) if cot_sys not in str(system_prompt(r))]
        if scenario == "cot_harvester":
            assert len({r["principal"] for r in rows}) == 2
        assert sum(any(m in t.lower() for t in user_texts(r) for m in marks) for r in rows) >= lo, scenario
    blunt = [r for r in by_scenario(records, labels, "cot_harvester") if
             (r["request"].get("reasoning") or {}).get("effort") == "high" or
             (r["request"].get("thinking") or {}).get("budget_tokens", 0) >= 16000]
    assert len(blunt) >= 1000


def assert_four_nightly_jobs_and_careful_chat_asks_later(records: list[dict], labels: dict, asks) -> None:
    """mixed_into_chat (chat and Anthropic): four keys send 100+ single-turn harvesting requests (asks(text) true) -
    the nightly jobs - and the others never open a conversation with one and bring one up later."""
    rows = [r for r in by_scenario(records, labels, "mixed_into_chat") if r["api"] != "openai.responses"]
    single = Counter(r["principal"] for r in rows if len(user_texts(r)) == 1 and asks(user_texts(r)[0]))
    nightly = {p for p, n in single.items() if n >= 100}
    assert len(nightly) == 4
    assert_careful_chat_asks_later(rows, nightly, lambda t: "ask" if asks(t) else None)


def assert_end_user_shares(records: list[dict], labels: dict, least: dict[tuple[str, str], float]) -> None:
    """For each (scenario, id shape with its hex tail cut), at least that share of the scenario's records name an end
    user of that shape."""
    kinds: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        kinds[labels[r["principal"]]["scenario"]][re.sub(r"[0-9a-f]+$", "", end_user(r) or "")] += 1
    for (scenario, kind), share in least.items():
        assert kinds[scenario][kind] >= share * sum(kinds[scenario].values()), (scenario, kinds[scenario])
