"""`python -m gateway.mock_teacher --port P [--seed S --tokens-per-second T ...]`."""

import argparse

from gateway.mock_teacher.app import run_mock_teacher
from gateway.mock_teacher.settings import MockSettings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m gateway.mock_teacher",
                                     description="Deterministic OpenAI/Anthropic-compatible mock upstream.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tokens-per-second", type=float, default=0.0)
    parser.add_argument("--first-token-latency-ms", type=float, default=0.0)
    parser.add_argument("--default-max-tokens", type=int, default=256)
    parser.add_argument("--decline", action="append", metavar="PHRASE",
                        help="answer prompts containing PHRASE with a short refusal (repeatable)")
    args = parser.parse_args(argv)
    settings = MockSettings(seed=args.seed, tokens_per_second=args.tokens_per_second,
                            first_token_latency_ms=args.first_token_latency_ms,
                            default_max_tokens=args.default_max_tokens, decline_phrases=tuple(args.decline or ()))
    run_mock_teacher(settings, args.host, args.port)


if __name__ == "__main__":
    main()
