"""The memory store's counter tables in a file: loaded at start, saved whole (temporary file +
rename), and a bad file is never overwritten: it is kept aside and the tables start empty."""

from __future__ import annotations

import logging
from pathlib import Path

import orjson
import pytest

from gateway.store.counter_file import FORMAT, CounterFile, CounterFileError
from gateway.store.memory import MemoryCounterTables


def _in(directory: Path, prefix: str = "") -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.name.startswith(prefix))


async def _filled(path: Path) -> CounterFile:
    f = CounterFile(MemoryCounterTables(), path)
    await f.load()
    assert await f.add("x", {"1:0": 2, "documents": 1})
    assert await f.add("t:a", {"2:1": 3, "documents": 3}, group="g", max_tables=1)
    return f


async def test_saved_tables_and_groups_load_back(tmp_path: Path) -> None:
    path = tmp_path / "ref.json"
    f = await _filled(path)
    assert await f.save() and path.exists()
    assert not await f.save()  # nothing changed since: not written again
    assert [p.name for p in _in(tmp_path)] == ["ref.json"]  # no temporary file left
    g = CounterFile(MemoryCounterTables(), path)
    await g.load()
    assert await g.read("x") == {"1:0": 2, "documents": 1} and await g.tables() == ["t:a", "x"]
    assert not await g.add("t:b", {"documents": 1}, group="g", max_tables=1)  # the group's bound survives too
    assert await g.add("x", {"1:0": 1})
    assert await g.save()
    assert orjson.loads(path.read_bytes())["tables"]["x"] == {"1:0": 3, "documents": 1}


async def test_a_missing_file_starts_empty(tmp_path: Path) -> None:
    f = CounterFile(MemoryCounterTables(), tmp_path / "sub" / "ref.json")
    await f.load()
    assert await f.tables() == []
    assert await f.add("x", {"documents": 1}) and await f.save()  # the directory is created
    assert (tmp_path / "sub" / "ref.json").exists()


@pytest.mark.parametrize("content", [b"{not json", b'{"format": "something else", "tables": {}}',
                                     orjson.dumps({"format": FORMAT, "tables": {"x": {"1:0": "2"}}}),
                                     orjson.dumps({"format": FORMAT, "tables": {}, "groups": {"g": "t:a"}})])
async def test_a_corrupt_file_is_kept_aside_logged_and_never_overwritten(tmp_path: Path, content: bytes,
                                                                         caplog) -> None:
    path = tmp_path / "ref.json"
    path.write_bytes(content)
    f = CounterFile(MemoryCounterTables(), path)
    with caplog.at_level(logging.ERROR, "covenant.store"):
        await f.load()
    aside = _in(tmp_path, "ref.json.corrupt-")
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert "is not a valid counter-tables file" in caplog.text and aside[0].name in caplog.text
    assert await f.tables() == [] and not path.exists()
    assert await f.add("x", {"documents": 1}) and await f.save()
    assert aside[0].read_bytes() == content and orjson.loads(path.read_bytes())["tables"] == {"x": {"documents": 1}}


async def test_an_unreadable_file_is_kept_aside(tmp_path: Path, caplog) -> None:
    path = tmp_path / "ref.json"
    path.mkdir()  # reading it fails (as it would without permission; tests may run as root)
    (path / "inside").write_text("kept")
    f = CounterFile(MemoryCounterTables(), path)
    await f.load()
    [aside] = _in(tmp_path, "ref.json.corrupt-")
    assert (aside / "inside").read_text() == "kept" and "cannot be read" in caplog.text


async def test_a_bad_file_that_cannot_be_moved_aside_turns_saving_off(caplog) -> None:
    f = CounterFile(MemoryCounterTables(), "/proc/version")  # readable, not ours, and nothing can rename it
    await f.load()
    assert "could not be moved aside" in caplog.text
    assert await f.add("x", {"documents": 1})
    with pytest.raises(CounterFileError, match="not saving, so as not to overwrite it"):
        await f.save()
    assert await f.read("x") == {"documents": 1}  # the counts stay in memory


async def test_a_failed_write_raises_and_the_next_save_writes_everything(tmp_path: Path) -> None:
    blocker = tmp_path / "dir"
    blocker.write_text("a file where the directory should be")
    path = blocker / "ref.json"
    f = await _filled(path)
    with pytest.raises(CounterFileError, match="cannot write"):
        await f.save()
    blocker.unlink()
    assert await f.save()  # still dirty: written now, whole
    assert set(orjson.loads(path.read_bytes())["tables"]) == {"x", "t:a"}
