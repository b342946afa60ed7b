"""The admin detect route scores a text against every known account in a worker thread: the gateway's event
loop, which serves every proxied request, never does that work. Building the accounts' variant vectors alone
cost 0.8 s for 10,000 accounts (0.48 s for 3,000 in this test, with the detector), all of it on the loop."""

from __future__ import annotations

import shutil
import threading

import httpx

from gateway.admin import build_admin_app
from gateway.config import Settings
from gateway.identity import FileKeyStore, new_key
from gateway.service import Gateway
from gateway.watermark import detect as detect_module
from tests.support.gateway import ROOT

TOKEN = "admin-token-0123456789"


async def test_detect_builds_and_scores_the_registry_off_the_event_loop(tmp_path, monkeypatch) -> None:
    shutil.copytree(ROOT / "policies", tmp_path / "policies")
    keys = FileKeyStore(tmp_path / "keys.json")
    for i in range(50):
        _, record = new_key("acme", f"a{i}", {})
        keys._records[record.key_id] = record  # noqa: SLF001 - synchronous write for test set-up
    keys.save()
    gw = Gateway(Settings(policies_dir=str(tmp_path / "policies"), keys_file=str(tmp_path / "keys.json"),
                          store="memory://", dev_key=False, upstreams=[{"name": "mock", "dialect": "any"}],
                          watermark_secret="s" * 32, admin_token=TOKEN))
    built_on: list[threading.Thread] = []
    registry_init = detect_module.KeyRegistry.__init__

    def recording_init(self, *args, **kwargs):  # the real constructor, noting where it runs
        built_on.append(threading.current_thread())
        registry_init(self, *args, **kwargs)

    monkeypatch.setattr(detect_module.KeyRegistry, "__init__", recording_init)
    await gw.start()
    try:
        transport = httpx.ASGITransport(app=build_admin_app(gw))
        async with httpx.AsyncClient(transport=transport, base_url="http://admin") as client:
            r = await client.post("/admin/v1/watermark/detect", json={"text": "A big house is usually large."},
                                  headers={"authorization": f"Bearer {TOKEN}"})
    finally:
        await gw.stop()
    assert r.status_code == 200 and len(r.json()["candidates"]) == 5
    assert built_on and threading.main_thread() not in built_on
