"""The mock teacher's command-line options, shared by `covenant mock-teacher` and `python -m gateway.mock_teacher`."""

import argparse

from gateway.mock_teacher.settings import MockSettings


def add_options(parser: argparse.ArgumentParser, default_port: int) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="listen address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=default_port, help=f"listen port (default {default_port})")
    parser.add_argument("--seed", type=int, default=0,
                        help="the same prompt, model and seed give the same reply (default 0)")
    parser.add_argument("--tokens-per-second", type=float, default=0.0, help="stream rate (0 = as fast as possible)")
    parser.add_argument("--first-token-latency-ms", type=float, default=0.0,
                        help="wait before the first token, streamed or not (default 0)")
    parser.add_argument("--default-max-tokens", type=int, default=256,
                        help="reply length in tokens when the request gives none (default 256)")
    parser.add_argument("--decline", action="append", metavar="PHRASE",
                        help="answer prompts containing PHRASE with a short refusal (repeatable)")


def settings_from(args: argparse.Namespace) -> MockSettings:
    return MockSettings(seed=args.seed, tokens_per_second=args.tokens_per_second,
                        first_token_latency_ms=args.first_token_latency_ms,
                        default_max_tokens=args.default_max_tokens, decline_phrases=tuple(args.decline or ()))
