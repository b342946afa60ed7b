"""The `covenant` command line (also `python -m gateway`)."""

from __future__ import annotations

import argparse
import os
import sys

from gateway import __version__


def _add_config(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", help="config file (default: ./covenant.yaml when present, else the embedded default)")


def cmd_serve(args: argparse.Namespace) -> int:
    from gateway.config import load_settings
    from gateway.server import serve

    settings = load_settings(args.config, host=args.host, port=args.port, workers=args.workers,
                             store=args.store, policies_dir=args.policies)
    serve(settings, args.config)
    return 0


def cmd_mock_teacher(args: argparse.Namespace) -> int:
    from gateway.mock_teacher.app import run_mock_teacher
    from gateway.mock_teacher.options import settings_from

    run_mock_teacher(settings_from(args), args.host, args.port)
    return 0


def cmd_config_docs(args: argparse.Namespace) -> int:
    from gateway.config_docs import render

    text = render()
    if args.output:
        with open(args.output, "w") as fh:
            fh.write(text)
    else:
        print(text, end="")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from gateway.cli_audit import add_audit_command
    from gateway.cli_extraction import add_extraction_commands
    from gateway.cli_keys import add_keys_commands
    from gateway.cli_policy import add_policy_commands
    from gateway.cli_report import add_report_command
    from gateway.cli_watermark import add_watermark_commands
    from gateway.mock_teacher.options import add_options as add_mock_options

    parser = argparse.ArgumentParser(prog="covenant", description="Covenant: a policy and license-compliance "
                                     "gateway for model APIs.")
    parser.add_argument("--version", action="version", version=f"covenant {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="run the gateway")
    _add_config(p)
    p.add_argument("--host", help="listen address (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="listen port (default 8080)")
    p.add_argument("--workers", type=int, help="worker processes (default 1)")
    p.add_argument("--store", help="state store URL: memory:// (default) or redis://host:port/db")
    p.add_argument("--policies", help="policy directory (default ./policies)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("mock-teacher", help="run the deterministic mock OpenAI/Anthropic upstream")
    add_mock_options(p, default_port=9000)
    p.set_defaults(func=cmd_mock_teacher)

    cfg = sub.add_parser("config", help="configuration reference").add_subparsers(dest="config_command",
                                                                                    required=True)
    p = cfg.add_parser("docs", help="print the configuration reference (Markdown)")
    p.add_argument("--output", "-o", help="write to this file (e.g. docs/configuration.md); default: standard output")
    p.set_defaults(func=cmd_config_docs)

    add_policy_commands(sub, _add_config)
    add_keys_commands(sub, _add_config)
    add_report_command(sub, _add_config)
    add_audit_command(sub, _add_config)
    add_watermark_commands(sub, _add_config)
    add_extraction_commands(sub, _add_config)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from gateway.config import ConfigError  # every command reads the configuration anyway
    from gateway.store.errors import StoreUnavailable

    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print("covenant: the configuration does not load:\n" + "\n".join(f"  {e}" for e in exc.errors),
              file=sys.stderr)
        return 2
    except StoreUnavailable as exc:
        print(f"covenant: the store is unavailable: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader left (`| head`): stop quietly; before OSError, which it is one of
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the exit's flush has nowhere to go
        return 0
    except OSError as exc:
        if exc.filename is None:
            raise  # not about a file the command was given: a real failure, with its traceback
        verb = "write" if exc.filename == getattr(args, "output", None) else "read"  # --output / -o, or an input
        print(f"covenant: cannot {verb} {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
