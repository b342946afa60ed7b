"""Files replaced by swapping a symlink, as Kubernetes and git-sync do, are hot-reloaded every time.

A Secret or ConfigMap volume holds `..<timestamp>/` (the files), `..data -> ..<timestamp>` and, per key,
`keys.json -> ..data/keys.json`; an update writes a new `..<timestamp>/`, renames a new `..data` over the old
link and removes the old directory (earlier manifests mounted the keys file so). git-sync, and releases
switched with `ln -sfn`, point the policy directory itself at a new folder. The watcher once resolved the
symlinks at start-up and watched where they pointed then: the first update of a keys Secret was seen (its old
file's removal), every later one never (a revoked key kept working until a restart), and a policy directory
switched to another folder was reloaded only when the old folder was deleted, and never after that.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import httpx
import pytest

from gateway.identity import new_key
from tests.policy.test_hot_reload import DENY_BETA, wait_for
from tests.support.gateway import ROOT, GatewayProcess
from tests.support.mock_teacher import running_mock_teacher


def kubelet_update(volume: Path, files: dict[str, str], stamp: str) -> None:
    """What the kubelet's atomic writer does for a Secret or ConfigMap volume, old directory removal included."""
    volume.mkdir(exist_ok=True)
    data_dir = volume / f"..{stamp}"
    data_dir.mkdir()
    for name, text in files.items():
        (data_dir / name).write_text(text)
    old = os.readlink(volume / "..data") if (volume / "..data").is_symlink() else None
    (volume / "..data_tmp").symlink_to(data_dir.name)
    os.replace(volume / "..data_tmp", volume / "..data")
    for name in files:
        if not (volume / name).is_symlink():
            (volume / name).symlink_to(f"..data/{name}")
    if old:
        shutil.rmtree(volume / old)


def switch(link: Path, target: Path) -> None:
    """`ln -sfn target link`, atomically (git-sync's swap)."""
    tmp = link.with_name(link.name + ".tmp")
    tmp.symlink_to(target)
    os.replace(tmp, link)


def keys_json(*records) -> str:
    return json.dumps({"keys": [r.to_dict() for r in records]})


def status(gw: GatewayProcess, key: str, model: str = "gpt-4o-mini") -> int:
    return httpx.post(gw.openai_base_url + "/chat/completions", timeout=10, headers={"authorization": f"Bearer {key}"},
                      json={"model": model, "messages": [{"role": "user", "content": "hi"}],
                            "max_tokens": 5}).status_code


@pytest.fixture(scope="module")
def gateway():
    with running_mock_teacher() as teacher:
        gw = GatewayProcess(upstream_url=teacher.url)
        releases = gw.workdir / "releases"
        shutil.copytree(ROOT / "policies", releases / "a")
        shutil.copytree(ROOT / "policies", releases / "b")
        (releases / "b" / "50-no-beta.yaml").write_text(DENY_BETA)
        gw.policy_dir = gw.workdir / "current"
        gw.policy_dir.symlink_to(releases / "a")
        gw.keys_file = gw.workdir / "secret" / "keys.json"
        gw.first_key, gw.first = new_key("acme", "first")
        kubelet_update(gw.keys_file.parent, {"keys.json": keys_json(gw.first)}, "1")
        yield gw.start()
        gw.stop()


def test_every_update_of_a_keys_secret_is_read(gateway):
    assert status(gateway, gateway.first_key) == 200
    second_key, second = new_key("acme", "second")
    kubelet_update(gateway.keys_file.parent, {"keys.json": keys_json(gateway.first, second)}, "2")
    assert wait_for(lambda: status(gateway, second_key) == 200), gateway.logs()[-2000:]
    revoked = json.loads(keys_json(gateway.first, second))
    revoked["keys"][0]["revoked"] = True
    kubelet_update(gateway.keys_file.parent, {"keys.json": json.dumps(revoked)}, "3")
    assert wait_for(lambda: status(gateway, gateway.first_key) == 401), "the second update was not read"
    assert status(gateway, second_key) == 200


def test_a_policy_directory_switched_to_another_folder_is_followed(gateway):
    key = gateway.first_key  # the key test above revokes it in its last update; this test's own:
    key, record = new_key("acme", "switcher")
    kubelet_update(gateway.keys_file.parent, {"keys.json": keys_json(record)}, "4")
    assert wait_for(lambda: status(gateway, key) == 200)
    assert status(gateway, key, "beta-1") == 200
    releases = gateway.workdir / "releases"
    switch(gateway.policy_dir, releases / "b")  # the old folder stays (releases kept for a rollback)
    assert wait_for(lambda: status(gateway, key, "beta-1") == 403), "the switch was not seen"
    (releases / "b" / "50-no-beta.yaml").unlink()  # an edit in the folder now pointed at
    assert wait_for(lambda: status(gateway, key, "beta-1") == 200), "the new folder is not watched"
    (releases / "a" / "50-no-beta.yaml").write_text(DENY_BETA)  # the folder left behind is not in force
    switch(gateway.policy_dir, releases / "a")
    assert wait_for(lambda: status(gateway, key, "beta-1") == 403), "switching back was not seen"


async def _until(predicate) -> bool:
    import asyncio

    for _ in range(200):  # 10 s
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return predicate()


async def test_a_link_switched_to_a_folder_outside_the_watched_ones_is_watched_there(tmp_path):
    """The link's folder and the two releases in three unrelated places: after the switch the watcher watches the
    new release (and reads what changed there while it moved)."""
    import asyncio

    from gateway.policy.reload import PolicyManager

    for name in ("a", "b"):
        shutil.copytree(ROOT / "policies", tmp_path / name / "policies")
    (tmp_path / "etc").mkdir()
    link = tmp_path / "etc" / "policies"
    link.symlink_to(tmp_path / "a" / "policies")
    manager = PolicyManager([link])
    assert manager.reload()
    names = lambda: {p.name for p in manager.active.policies}  # noqa: E731
    stop = asyncio.Event()
    watcher = asyncio.create_task(manager.watch(stop))
    try:
        await asyncio.sleep(0.5)  # the watcher is set up
        (tmp_path / "b" / "policies" / "50-no-beta.yaml").write_text(DENY_BETA)  # not in force: not pointed at
        await asyncio.sleep(0.5)
        assert "no-beta-model" not in names()
        switch(link, tmp_path / "b" / "policies")
        assert await _until(lambda: "no-beta-model" in names()), "the switch was not seen"
        (tmp_path / "b" / "policies" / "50-no-beta.yaml").unlink()
        assert await _until(lambda: "no-beta-model" not in names()), "the new folder is not watched"
    finally:
        stop.set()
        await asyncio.wait_for(watcher, 5)


async def test_a_policy_directory_removed_and_made_again_is_watched_again(tmp_path):
    """The watcher watched the directory itself: once it was removed (the reload that followed is refused: no
    policies), nothing made there again was ever seen."""
    import asyncio

    from gateway.policy.reload import PolicyManager

    folder = tmp_path / "policies"
    shutil.copytree(ROOT / "policies", folder)
    manager = PolicyManager([folder])
    assert manager.reload()
    stop = asyncio.Event()
    watcher = asyncio.create_task(manager.watch(stop))
    try:
        await asyncio.sleep(0.5)
        shutil.rmtree(folder)
        assert await _until(lambda: manager.last_error is not None and "no policies found" in manager.last_error)
        shutil.copytree(ROOT / "policies", folder)
        assert await _until(lambda: manager.last_error is None), "the directory made again was not seen"
        (folder / "50-no-beta.yaml").write_text(DENY_BETA)
        assert await _until(lambda: "no-beta-model" in {p.name for p in manager.active.policies})
    finally:
        stop.set()
        await asyncio.wait_for(watcher, 5)


async def test_a_policy_directory_behind_a_switched_link_is_followed(tmp_path):
    """git-sync switches a link above the directory configured (`/git/current/policies`): the link's own folder is not
    watched (it may be a whole home directory), the watcher's periodic re-check sees the switch."""
    import asyncio

    from gateway.policy.reload import PolicyManager

    for name in ("a", "b"):
        shutil.copytree(ROOT / "policies", tmp_path / "worktrees" / name / "config" / "policies")
    (tmp_path / "worktrees" / "b" / "config" / "policies" / "50-no-beta.yaml").write_text(DENY_BETA)
    (tmp_path / "git").mkdir()
    (tmp_path / "git" / "current").symlink_to(tmp_path / "worktrees" / "a")
    manager = PolicyManager([tmp_path / "git" / "current" / "config" / "policies"])
    assert manager.reload()
    names = lambda: {p.name for p in manager.active.policies}  # noqa: E731
    stop = asyncio.Event()
    watcher = asyncio.create_task(manager.watch(stop))
    try:
        await asyncio.sleep(0.5)
        switch(tmp_path / "git" / "current", tmp_path / "worktrees" / "b")
        assert await _until(lambda: "no-beta-model" in names()), "the switch was not seen"
        (tmp_path / "worktrees" / "b" / "config" / "policies" / "50-no-beta.yaml").unlink()
        assert await _until(lambda: "no-beta-model" not in names()), "the new folder is not watched"
    finally:
        stop.set()
        await asyncio.wait_for(watcher, 5)
