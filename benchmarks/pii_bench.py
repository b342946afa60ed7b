"""PII scanning latency: plain Presidio vs Covenant's gated scanner, whole and streamed; event-loop stall.

Run: python -m benchmarks.pii_bench   (from the repo root; ~2-3 minutes on 2 cores)
     python -m benchmarks.pii_bench stress [cases] [seed]   (streamed == whole redaction, random chunkings)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from gateway.pii.engine import INLINE_SCAN_MAX_CHARS, PiiEngine, build_analyzer
from gateway.pii.policy import PiiPolicy, PiiRule
from gateway.pii.redact import StreamRedactor
from tests.pii.corpus import CORPUS, PROSE

SIZES = (200, 2_000, 20_000)
STREAM_CHUNK = 16  # characters per SSE delta, about four tokens
_PII = " Reach me at jane.doe@example.com or (212) 555-0142. "


def _text(size: int, dense: bool) -> str:
    unit = PROSE + (_PII if dense else "")
    return (unit * (size // len(unit) + 1))[:size]


def _median_ms(fn, size: int) -> float:
    runs = max(5, min(200, 400_000 // max(size, 1)))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def _stream(redactor, text: str) -> str:
    s = StreamRedactor(redactor, window=128)
    out = [s.feed(text[i:i + STREAM_CHUNK]) for i in range(0, len(text), STREAM_CHUNK)]
    return "".join(out) + s.flush()


def latency_table() -> None:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NoOpNlpEngine

    plain = AnalyzerEngine(nlp_engine=NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "no-op"}]))
    plain.analyze(text=_PII, language="en")
    policy = PiiPolicy(prompt=PiiRule(), output=PiiRule(skip_code_fences=True))
    fast = PiiEngine(policy)
    ungated = PiiEngine(policy, prefilter=False)

    print("\nLatency per request, median ms (prompt = scan; output = redact whole, or streamed in 16-char deltas)")
    print(f"{'text':<14}{'chars':>7} | {'plain Presidio':>14} {'same set, ungated':>17} | "
          f"{'Covenant prompt':>15} {'output whole':>12} {'output stream':>13} | {'speed-up':>8}")
    for dense in (False, True):
        for size in SIZES:
            text = _text(size, dense)
            p = _median_ms(lambda text=text: plain.analyze(text=text, language="en"), size)
            u = _median_ms(lambda text=text: ungated.prompt.scan(text), size)
            c = _median_ms(lambda text=text: fast.prompt.scan(text), size)
            w = _median_ms(lambda text=text: fast.output_redactor.redact(text), size)
            s = _median_ms(lambda text=text: _stream(fast.output_redactor, text), size)
            assert _stream(fast.output_redactor, text) == fast.output_redactor.redact(text).text
            print(f"{'prose+PII' if dense else 'prose':<14}{size:>7} | {p:>14.3f} {u:>17.3f} | "
                  f"{c:>15.3f} {w:>12.3f} {s:>13.3f} | {p / c:>7.1f}x")

    same = sum(fast.prompt.analyze(t) == ungated.prompt.analyze(t) for t, _ in CORPUS)
    print(f"\nSame findings as the ungated set on the corpus: {same}/{len(CORPUS)} texts")
    fast.close()
    ungated.close()


def _stream_profile(redactor, text: str, delta: int, window: int = 128) -> tuple[int, int]:
    """(characters fed before the first release, most input characters held after any delta)."""
    s = StreamRedactor(redactor, window=window)
    fed = held = 0
    first = -1
    for i in range(0, len(text), delta):
        fed += len(text[i:i + delta])
        if s.feed(text[i:i + delta]) and first < 0:
            first = fed
        held = max(held, s.held)
    return first, held


def stream_table(cadence_ms: float = 5.0) -> None:
    policy = PiiPolicy(output=PiiRule(skip_code_fences=True))
    redactor = PiiEngine(policy).output_redactor
    print(f"\nStreamed output redaction, window 128: cost vs whole-text redaction, hold-back, added time to "
          f"first token at one delta per {cadence_ms:g} ms")
    print(f"{'text':<14}{'chars':>7}{'delta':>6} | {'whole ms':>9} {'stream ms':>9} {'ratio':>6} {'us/KB':>7} | "
          f"{'first out after':>15} {'max held':>8} {'added TTFT ms':>13}")
    for dense in (False, True):
        for size in (2_000, 20_000):
            text = _text(size, dense)
            for delta in (16, 20):
                def run(text=text, delta=delta):
                    s = StreamRedactor(redactor, window=128)
                    return "".join(s.feed(text[i:i + delta]) for i in range(0, len(text), delta)) + s.flush()
                assert run() == redactor.redact(text).text
                w = _median_ms(lambda text=text: redactor.redact(text), size)
                st = _median_ms(run, size)
                first, held = _stream_profile(redactor, text, delta)
                ttft = (-(-first // delta) - 1) * cadence_ms  # deltas held back before the first output
                print(f"{'prose+PII' if dense else 'prose':<14}{size:>7}{delta:>6} | {w:>9.3f} {st:>9.3f} "
                      f"{st / w:>5.1f}x {1000 * st / (size / 1000):>7.0f} | {first:>15} {held:>8} {ttft:>13.0f}")
    redactor.scanner.executor.shutdown(wait=False)


async def _ticker(stop: asyncio.Event, delays: list[float], period: float = 0.001) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        t0 = loop.time()
        await asyncio.sleep(period)
        delays.append(loop.time() - t0 - period)


async def _stall(scanner, text: str, mode: str, requests: int = 5) -> tuple[float, float]:
    stop, delays = asyncio.Event(), []
    ticker = asyncio.create_task(_ticker(stop, delays))
    await asyncio.sleep(0.01)
    t0 = time.perf_counter()
    for _ in range(requests):
        if mode == "inline":
            scanner.scan(text)
            await asyncio.sleep(0)
        else:
            await asyncio.get_running_loop().run_in_executor(scanner.executor, scanner.scan, text)
    elapsed = (time.perf_counter() - t0) / requests * 1000
    stop.set()
    await ticker
    return max(delays) * 1000, elapsed


def stall_table() -> None:
    policy = PiiPolicy(prompt=PiiRule())
    engine = PiiEngine(policy)
    print("\nEvent-loop stall: max lateness of a 1 ms ticker while scanning (5 sequential requests)")
    print(f"{'text':<14}{'chars':>7} {'mode':>8} | {'max stall ms':>12} {'ms/request':>10}")
    for dense in (False, True):
        for size in (2_000, INLINE_SCAN_MAX_CHARS, 20_000):
            text = _text(size, dense)
            for mode in ("inline", "thread"):
                stall, per = asyncio.run(_stall(engine.prompt, text, mode))
                print(f"{'prose+PII' if dense else 'prose':<14}{size:>7} {mode:>8} | {stall:>12.2f} {per:>10.2f}")
    engine.close()


def build_table() -> None:
    t0 = time.perf_counter()
    analyzer = build_analyzer(PiiPolicy(prompt=PiiRule()))
    t1 = time.perf_counter()
    analyzer.analyze(text=_PII, language="en")
    t2 = time.perf_counter()
    print(f"\nBuild analyzer {1000 * (t1 - t0):.0f} ms; first analyze (warm-up) {1000 * (t2 - t1):.0f} ms")


def stream_stress(cases: int, seed: int = 1) -> int:
    """Random texts and chunkings beyond the unit tests' budget: streamed == whole-text redaction."""
    import random

    from tests.pii.conftest import CORPUS_ENTITIES
    from tests.pii.test_prefilter_equivalence import _PHONE_FRAGMENTS
    from tests.pii.test_stream_redaction import _TEXTS

    engine = PiiEngine(PiiPolicy(prompt=PiiRule(entities=CORPUS_ENTITIES),
                                 output=PiiRule(entities=CORPUS_ENTITIES, skip_code_fences=True)))
    rng, pool, bad = random.Random(seed), _TEXTS + _PHONE_FRAGMENTS, 0
    for _ in range(cases):
        text = rng.choice([" ", "\n", "  ", ""]).join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        window = rng.choice([32, 64, 128])
        cuts = sorted({rng.randint(0, len(text)) for _ in range(rng.randint(0, 60))}) + [len(text)]
        for redactor in (engine.prompt_redactor, engine.output_redactor):
            s, prev, out = StreamRedactor(redactor, window=window), 0, []
            for cut in cuts:
                out.append(s.feed(text[prev:cut]))
                prev = cut
            if "".join(out) + s.flush() != redactor.redact(text).text or s.straddled:
                bad += 1
                print(f"MISMATCH window={window} text={text[:200]!r}")
    print(f"\nStream stress (seed {seed}): {cases} texts x 2 directions, {bad} mismatches")
    engine.close()
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.pii_bench",
        description="PII scanning latency: plain Presidio vs Covenant's gated scanner, whole and streamed, and "
                    "the event-loop stall (the build, latency, stream and stall tables; ~2-3 minutes on 2 cores).")
    commands = parser.add_subparsers(dest="command")
    stress = commands.add_parser("stress", help="streamed == whole redaction over random texts and chunkings; "
                                                "exit status 1 on any mismatch")
    stress.add_argument("cases", nargs="?", type=int, default=1_000, help="random texts (default 1000)")
    stress.add_argument("seed", nargs="?", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.command == "stress":
        return 1 if stream_stress(args.cases, args.seed) else 0
    build_table()
    latency_table()
    stream_table()
    stall_table()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
