"""A static upstream: nginx answering a fixed chat.completion (and a fixed SSE stream) in microseconds,
so the upstream never limits the gateway under test."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.harness.procs import process_tree, stop_process, wait_port

WORDS = ("the quick brown fox jumps over the lazy dog while a careful reviewer reads every line of the "
         "report and notes what changed since the last release ").split()


def completion_body(words: int = 300) -> str:
    text = " ".join(WORDS[i % len(WORDS)] for i in range(words)).capitalize() + "."
    return json.dumps({
        "id": "chatcmpl-bench", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-mini",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 12, "completion_tokens": words, "total_tokens": words + 12}})


def stream_body(words: int = 300, per_chunk: int = 5) -> str:
    events = []
    base = {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1700000000, "model": "gpt-4o-mini"}
    for i in range(0, words, per_chunk):
        piece = " ".join(WORDS[j % len(WORDS)] for j in range(i, min(words, i + per_chunk))) + " "
        events.append({**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
    events.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    events.append({**base, "choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": words,
                                                    "total_tokens": words + 12}})
    return "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"


def _nginx_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("'", "\\'")


class Nginx:
    def __init__(self, port: int, cpu: str = "0", proxy_to: int | None = None, words: int = 300) -> None:
        self.port, self.cpu, self.proxy_to, self.words = port, cpu, proxy_to, words
        self.dir = Path(tempfile.mkdtemp(prefix="covenant-nginx-"))
        self.proc: subprocess.Popen | None = None

    def _conf(self) -> str:
        if self.proxy_to:
            body = ("location / { proxy_pass http://up; proxy_http_version 1.1; proxy_set_header Connection \"\"; "
                    "proxy_buffering off; }")
            upstream = f"upstream up {{ server 127.0.0.1:{self.proxy_to}; keepalive 64; }}"
        else:
            body = (f"location = /v1/chat/completions {{ if ($http_x_bench_stream) {{ rewrite ^ /sse last; }} "
                    f"default_type application/json; return 200 '{_nginx_escape(completion_body(self.words))}'; }}\n"
                    f"location = /sse {{ internal; default_type text/event-stream; alias {self.dir}/sse.txt; "
                    f"error_page 405 =200 $uri; }}")
            upstream = ""
            (self.dir / "sse.txt").write_text(stream_body(self.words))
        return f"""worker_processes 1; daemon off; pid {self.dir}/nginx.pid; error_log {self.dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{ access_log off; keepalive_requests 1000000; {upstream}
  client_body_temp_path {self.dir}; proxy_temp_path {self.dir}; fastcgi_temp_path {self.dir};
  uwsgi_temp_path {self.dir}; scgi_temp_path {self.dir};
  server {{ listen 127.0.0.1:{self.port}; {body} }} }}
"""

    def start(self) -> Nginx:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        self.dir.mkdir(parents=True, exist_ok=True)  # again after a stop, which removes it
        conf = self.dir / "nginx.conf"
        conf.write_text(self._conf())
        self.proc = subprocess.Popen(["taskset", "-c", self.cpu, binary, "-c", str(conf), "-p", str(self.dir)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_port(self.port, self.proc)
        time.sleep(0.1)
        return self

    def pids(self) -> list[int]:
        """The master and its worker (the worker serves: the master's own CPU stays near zero)."""
        return process_tree(self.proc.pid) if self.proc else []

    def stop(self) -> None:
        if self.proc:
            stop_process(self.proc, timeout=10)
            self.proc = None
        shutil.rmtree(self.dir, ignore_errors=True)  # its config, pid file and temp paths
