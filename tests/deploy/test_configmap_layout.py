"""Policies mounted from a Kubernetes ConfigMap: the kubelet's atomic-writer layout.

A ConfigMap volume holds `..<timestamp>/` (the files), `..data -> ..<timestamp>` and, per key,
`name.yaml -> ..data/name.yaml`. An update writes a new `..<timestamp>/` and renames `..data`
over the old link. This test builds that layout with real files and symlinks.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from gateway.policy.compile import CompiledPolicySet
from gateway.policy.load import load_policies, policy_files
from tests.deploy.support import ROOT


def atomic_write(volume: Path, files: dict[str, str], stamp: str) -> None:
    """What the kubelet does for a ConfigMap volume (pkg/volume/util/atomic_writer.go)."""
    data_dir = volume / f"..{stamp}"
    data_dir.mkdir()
    for name, text in files.items():
        (data_dir / name).write_text(text)
    tmp_link = volume / "..data_tmp"
    tmp_link.symlink_to(data_dir.name)
    os.replace(tmp_link, volume / "..data")
    for name in files:
        link = volume / name
        if not link.is_symlink():
            link.symlink_to(f"..data/{name}")


def test_policies_load_once_from_a_configmap_volume(tmp_path: Path) -> None:
    files = {p.name: p.read_text() for p in sorted((ROOT / "policies").glob("*.yaml"))}
    atomic_write(tmp_path, files, "2026_01_01_00_00_00.1")
    found = policy_files([tmp_path])
    assert all(not part.startswith(".") for p in found for part in p.relative_to(tmp_path).parts), found
    ps = CompiledPolicySet(load_policies(found))
    expected = CompiledPolicySet(load_policies(policy_files([ROOT / "policies"])))
    assert ps.version == expected.version


def test_policy_tests_run_once_from_a_configmap_volume(tmp_path: Path) -> None:
    """`covenant policy test` and `validate` on the mounted volume ran every case twice (once from `..<timestamp>/`)."""
    from gateway.policy.testing import test_files

    files = {p.name: p.read_text() for p in sorted((ROOT / "policies").glob("*.test.yaml"))}
    atomic_write(tmp_path, files, "2026_01_01_00_00_00.1")
    assert [p.name for p in test_files([tmp_path])] == sorted(files)


def test_the_layout_is_the_kubelets(tmp_path: Path) -> None:
    atomic_write(tmp_path, {"a.yaml": "x"}, "1")
    atomic_write(tmp_path, {"a.yaml": "y"}, "2")
    assert os.readlink(tmp_path / "..data") == "..2" and (tmp_path / "a.yaml").read_text() == "y"
    shutil.rmtree(tmp_path / "..1")  # the kubelet removes the old directory after the swap
    assert (tmp_path / "a.yaml").read_text() == "y"
