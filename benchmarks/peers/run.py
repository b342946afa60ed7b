"""Start an installed peer gateway pinned to one core, in front of a given upstream."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import yaml

from benchmarks.harness.procs import free_port, process_tree, wait_port
from benchmarks.peers.setup import litellm_bin, litellm_installed, portkey_dir, portkey_installed


class _Peer:
    name = "peer"
    key = "none"

    def __init__(self, upstream_port: int, cpu: str = "1") -> None:
        self.upstream_port, self.cpu = upstream_port, cpu
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix=f"covenant-bench-{self.name}-"))
        self.proc: subprocess.Popen | None = None

    def command(self) -> tuple[list[str], dict[str, str], Path]:
        raise NotImplementedError

    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.key}"}

    def start(self) -> _Peer:
        cmd, env, cwd = self.command()
        self.log = open(self.dir / "peer.log", "wb")
        # New session: the launcher (npx) spawns node, and stop() must end the whole group.
        self.proc = subprocess.Popen(["taskset", "-c", self.cpu, *cmd], cwd=cwd, env={**os.environ, **env},
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_port(self.port, self.proc, timeout=120)
        return self

    def pids(self) -> list[int]:
        """The launcher and all its descendants (CPU is summed over them)."""
        return process_tree(self.proc.pid)

    def stop(self) -> None:
        if self.proc:
            try:
                os.killpg(self.proc.pid, 15)
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, 9)
                self.proc.wait()
            except ProcessLookupError:
                pass
            self.proc = None
            self.log.close()


class LiteLLMProcess(_Peer):
    name = "litellm"
    key = "sk-covenant-bench"

    @staticmethod
    def available() -> bool:
        return litellm_installed()

    def command(self):
        config = {"model_list": [{"model_name": "gpt-4o-mini", "litellm_params": {
                      "model": "openai/gpt-4o-mini", "api_base": f"http://127.0.0.1:{self.upstream_port}/v1",
                      "api_key": "sk-upstream"}}],
                  "general_settings": {"master_key": self.key}}
        (self.dir / "litellm.yaml").write_text(yaml.safe_dump(config))
        # LITELLM_LOCAL_MODEL_COST_MAP stops it fetching the cost map from the network.
        return ([str(litellm_bin()), "--config", str(self.dir / "litellm.yaml"), "--port", str(self.port),
                 "--host", "127.0.0.1", "--num_workers", "1"],
                {"LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_LOG": "ERROR"}, self.dir)


class PortkeyProcess(_Peer):
    name = "portkey"

    @staticmethod
    def available() -> bool:
        return portkey_installed()

    def headers(self) -> dict[str, str]:
        return {"authorization": "Bearer sk-upstream", "x-portkey-provider": "openai",
                "x-portkey-custom-host": f"http://127.0.0.1:{self.upstream_port}/v1"}

    def command(self):
        # `npx --no --` passes --port through (plain `npx … --port=` lets npm take the flag).
        return (["npx", "--no", "--", "@portkey-ai/gateway", f"--port={self.port}", "--headless"], {}, portkey_dir())


class AsgiFloorProcess(_Peer):
    """benchmarks/peers/asgi_floor.py: raw ASGI + aiohttp pass-through on Covenant's server stack."""

    name = "python-floor"

    def __init__(self, upstream_port: int, cpu: str = "1", server: str = "uvicorn", client: str = "aiohttp") -> None:
        self.server = server
        self.client = client
        super().__init__(upstream_port, cpu)

    @staticmethod
    def available() -> bool:
        return True

    def headers(self) -> dict[str, str]:
        return {}

    def command(self):
        import sys

        from benchmarks.harness.gateway import ROOT

        return ([sys.executable, "-m", "benchmarks.peers.asgi_floor", "--upstream-port", str(self.upstream_port),
                 "--port", str(self.port), "--server", self.server, "--client", self.client], {}, ROOT)
