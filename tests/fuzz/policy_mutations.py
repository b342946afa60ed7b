"""Line-level mutations of policy YAML, shared by the loader fuzz and the hot-reload fuzz."""

from __future__ import annotations

from hypothesis import strategies as st

OPS = ("drop", "dup", "indent", "dedent", "value", "junk")
VALUES = ("-1", "[]", "{}", "null", "0/minute", "'x'", "1e309", "&a [*a]", "!!python/object:os.system ls")


def mutate(text: str, data: st.DataObject) -> str:
    """Apply 1-3 random line edits (drop, duplicate, re-indent, replace a value, insert junk)."""
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(OPS))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i].lstrip()
        elif op == "value" and ":" in lines[i]:
            lines[i] = lines[i].split(":", 1)[0] + ": " + data.draw(st.sampled_from(VALUES))
        elif op == "junk":
            lines.insert(i, data.draw(st.text(max_size=20)).replace("\n", " "))
    return "\n".join(lines)
