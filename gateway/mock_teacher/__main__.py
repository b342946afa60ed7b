"""`python -m gateway.mock_teacher --port P [--seed S --tokens-per-second T ...]`."""

import argparse

from gateway.mock_teacher.app import run_mock_teacher
from gateway.mock_teacher.options import add_options, settings_from


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m gateway.mock_teacher",
                                     description="Deterministic OpenAI/Anthropic-compatible mock upstream.")
    add_options(parser, default_port=8090)
    args = parser.parse_args(argv)
    run_mock_teacher(settings_from(args), args.host, args.port)


if __name__ == "__main__":
    main()
