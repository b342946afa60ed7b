"""Install the peer gateways into a scratch location (never vendored, never committed).

    python -m benchmarks.peers.setup [--only litellm|portkey]

LiteLLM goes into its own venv, Portkey into an npm prefix, both under
`$COVENANT_BENCH_CACHE` (default `~/.cache/covenant-bench/`). Versions are pinned so runs
compare like with like; `@hono/node-server` is pinned because 1.19.x breaks every streaming
request through Portkey 1.15.2 ("TypeError: immutable", see /work/shared/notes/peers.md).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

LITELLM_VERSION = "1.108.7"
PORTKEY_VERSION = "1.15.2"
HONO_NODE_SERVER_VERSION = "1.13.5"


def cache_dir() -> Path:
    return Path(os.environ.get("COVENANT_BENCH_CACHE", Path.home() / ".cache" / "covenant-bench"))


def litellm_bin() -> Path:
    return cache_dir() / "litellm-venv" / "bin" / "litellm"


def portkey_dir() -> Path:
    return cache_dir() / "portkey"


def portkey_installed() -> bool:
    return (portkey_dir() / "node_modules" / "@portkey-ai" / "gateway" / "package.json").exists()


def litellm_installed() -> bool:
    return litellm_bin().exists()


def install_litellm() -> None:
    env_dir = cache_dir() / "litellm-venv"
    if not (env_dir / "bin" / "python").exists():
        venv.EnvBuilder(with_pip=True).create(env_dir)
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    f"litellm[proxy]=={LITELLM_VERSION}"], check=True,
                   env={**os.environ, "PIP_CONSTRAINT": ""})  # the system constraints file is for our own env


def install_portkey() -> None:
    d = portkey_dir()
    d.mkdir(parents=True, exist_ok=True)
    (d / "package.json").write_text(json.dumps({
        "name": "covenant-bench-portkey", "private": True,
        "dependencies": {"@portkey-ai/gateway": PORTKEY_VERSION, "@hono/node-server": HONO_NODE_SERVER_VERSION},
        "overrides": {"@hono/node-server": HONO_NODE_SERVER_VERSION}}, indent=2))
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=d, check=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=("litellm", "portkey"))
    args = ap.parse_args(argv)
    cache_dir().mkdir(parents=True, exist_ok=True)
    failed = []
    for name, install in (("portkey", install_portkey), ("litellm", install_litellm)):
        if args.only and args.only != name:
            continue
        print(f"installing {name} into {cache_dir()} ...", flush=True)
        try:
            install()
        except (subprocess.CalledProcessError, OSError) as exc:
            print(f"  {name} FAILED: {exc}", file=sys.stderr)
            failed.append(name)
    print(f"litellm: {'ok ' + str(litellm_bin()) if litellm_installed() else 'missing'}")
    print(f"portkey: {'ok ' + str(portkey_dir()) if portkey_installed() else 'missing'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
