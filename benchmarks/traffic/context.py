"""Shared helpers for personas and attacks: accounts, client metadata, request bodies, timing."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

# Same client-metadata distribution for every persona and attack, so labels cannot leak through it.
USER_AGENTS = (
    "OpenAI/Python 1.51.0", "OpenAI/Python 1.40.2", "OpenAI/NodeJS 4.67.1", "Anthropic/Python 0.39.0",
    "langchain/0.3.1 OpenAI/Python 1.45.0", "curl/8.5.0", "python-requests/2.32.3", "axios/1.7.7",
)
UA_WEIGHTS = (30, 15, 15, 10, 10, 5, 10, 5)
DAY = 86400.0


@dataclass
class Ctx:
    rng: random.Random
    start: float
    days: float
    labels: dict[str, dict[str, Any]] = field(default_factory=dict)
    records: list[tuple[float, int, dict[str, Any]]] = field(default_factory=list)
    _seq: int = 0

    @property
    def end(self) -> float:
        return self.start + self.days * DAY

    def account(self, label: str, scenario: str, campaign: str | None = None) -> dict[str, Any]:
        rng = self.rng
        pid = f"acct_{rng.getrandbits(40):010x}"
        acct = {
            "principal": pid,
            "tenant": f"org_{rng.getrandbits(32):08x}",
            "key_id": f"key_{rng.getrandbits(32):08x}",
            "ip": self.ip(),
            "ua": rng.choices(USER_AGENTS, UA_WEIGHTS)[0],
            "tz": rng.uniform(-10, 10),
        }
        self.labels[pid] = {"label": label, "scenario": scenario, "campaign": campaign}
        return acct

    def ip(self) -> str:
        r = self.rng
        return f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    def emit(self, ts: float, acct: dict[str, Any], api: str, request: dict[str, Any], out_tokens: int,
             user: str | None = None, ip: str | None = None) -> None:
        if not self.start <= ts < self.end:
            return
        if user is not None:
            if api == "anthropic.messages":
                request["metadata"] = {"user_id": user}
            else:
                request["user"] = user
        rec: dict[str, Any] = {
            "ts": round(ts, 3), "principal": acct["principal"], "api": api, "request": request,
            "tenant": acct["tenant"], "key_id": acct["key_id"],
            "usage": {"input_tokens": sum(len(str(v)) for v in request.values()) // 4, "output_tokens": out_tokens},
            "client": {"ip": ip or acct["ip"], "user_agent": acct["ua"]},
        }
        self._seq += 1
        self.records.append((ts, self._seq, rec))

    # ---- timing ----
    def diurnal_times(self, acct: dict[str, Any], per_day: float, session_len: tuple[int, int] = (1, 4),
                      gap_s: tuple[float, float] = (20, 400)) -> list[list[float]]:
        """Human-like sessions: more in the account's daytime, Poisson sessions, gaps within sessions."""
        rng = self.rng
        sessions: list[list[float]] = []
        mean_len = (session_len[0] + session_len[1]) / 2
        n_days = int(math.ceil(self.days))
        for d in range(n_days):
            n_sessions = _poisson(rng, per_day / mean_len)
            for _ in range(n_sessions):
                hour = rng.gauss(14, 3.5) - acct["tz"]
                t = self.start + d * DAY + (hour % 24) * 3600 + rng.uniform(0, 3600)
                times = []
                for _ in range(rng.randint(*session_len)):
                    times.append(t)
                    t += rng.uniform(*gap_s)
                sessions.append(times)
        return sessions

    def steady_times(self, per_day: float, jitter: float = 0.3, start: float | None = None,
                     end: float | None = None) -> list[float]:
        rng = self.rng
        t = start if start is not None else self.start + rng.uniform(0, DAY / per_day)
        stop = end if end is not None else self.end
        gap = DAY / per_day
        out = []
        while t < stop:
            out.append(t)
            t += gap * rng.uniform(1 - jitter, 1 + jitter)
        return out


    def window_times(self, tz: float, per_day: float, hours: tuple[float, float] = (9, 18), outside: float = 0.1,
                     weekend: float = 1.0, start: float | None = None, end: float | None = None) -> list[float]:
        """Poisson arrivals thinned by local time: full rate inside `hours` (local, time zone `tz`), `outside` of
        it elsewhere, times `weekend` on Saturdays and Sundays (2026-01-01 is a Thursday); the mean over a
        weekday is `per_day`."""
        rng = self.rng
        lo, hi = hours
        span = (hi - lo) % 24 or 24
        peak = per_day * 24 / (span + outside * (24 - span)) / DAY
        t = self.start if start is None else start
        stop = self.end if end is None else end
        out: list[float] = []
        while True:
            t += rng.expovariate(peak)
            if t >= stop:
                return out
            local = (t - self.start) / 3600 + tz
            w = 1.0 if (local % 24 - lo) % 24 < span else outside
            if (3 + int(local // 24)) % 7 >= 5:
                w *= weekend
            if rng.random() < w:
                out.append(t)


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(rng.gauss(lam, math.sqrt(lam))))
    k, p, L = 0, 1.0, math.exp(-lam)
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


def chat_body(messages: list[dict[str, Any]], model: str = "gpt-4o-mini", **params: Any) -> dict[str, Any]:
    return {"model": model, "messages": messages, **params}


def anthropic_body(messages: list[dict[str, Any]], system: str | None = None, **params: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"model": "claude-sonnet-4-5", "max_tokens": params.pop("max_tokens", 1024),
                            "messages": messages, **params}
    if system:
        body["system"] = system
    return body


def instructed_body(api: str, system: str, user: str, max_tokens: int, temperature: float,
                    model: str = "gpt-4.1") -> dict[str, Any]:
    """One single-turn request with its instructions where each API puts them: Anthropic `system`, Responses
    `instructions`, a chat system message."""
    if api == "anthropic.messages":
        return anthropic_body([{"role": "user", "content": user}], system=system, max_tokens=max_tokens)
    if api == "openai.responses":
        return {"model": model, "instructions": system, "input": user, "max_output_tokens": max_tokens}
    return chat_body([{"role": "system", "content": system}, {"role": "user", "content": user}],
                     model=model, temperature=temperature, max_tokens=max_tokens)
