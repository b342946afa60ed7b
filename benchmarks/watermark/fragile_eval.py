"""The fragile channel (policy option, off by default): how often a leaked copy names the right account by its
payload alone, verbatim and after the edits of the main attack table, and how often it names a wrong one."""

from __future__ import annotations

import random
from collections.abc import Callable

from benchmarks.watermark import attacks
from gateway.watermark.detect import KeyRegistry
from gateway.watermark.embed import Watermarker
from gateway.watermark.fragile import PAYLOAD_RE, attribute

TS_MINUTES = 29_395_000  # 2025-11-21: any minute; the payload carries it


def fragile_attribution(wm: Watermarker, reg: KeyRegistry, texts_by_len: dict[int, list[str]],
                        table: Callable[[str, list[str], list[list[object]]], None]) -> None:
    rng = random.Random(3)
    edits: dict[str, Callable[[str], str]] = {
        "none (verbatim)": lambda s: s,
        "NFKC": attacks.nfkc,
        "case + whitespace": lambda s: attacks.case_whitespace(s, rng),
        "sentence shuffle": lambda s: attacks.shuffle_sentences(s, rng),
        "delete 20%": lambda s: attacks.delete_words(s, 0.2, rng),
        "insert 20%": lambda s: attacks.insert_words(s, 0.2, rng),
        "truncate to 50%": lambda s: attacks.truncate(s, 0.5),
        "zero-width characters stripped": lambda s: PAYLOAD_RE.sub("", s),
    }
    rows: list[list[object]] = []
    for name, edit in edits.items():
        row: list[object] = [name]
        for texts in texts_by_len.values():
            right = wrong = 0
            for text in texts:
                tenant, account = reg.principals[rng.randrange(len(reg))]
                found = attribute(wm.master, [edit(wm.mark(text, tenant=tenant, account=account,
                                                           fragile_ts=TS_MINUTES))], reg.fragile_owners)
                right += any(f.account == account and f.tenant == tenant for f in found)
                wrong += any(f.account is not None and (f.tenant, f.account) != (tenant, account) for f in found)
            row += [right / len(texts), wrong / len(texts)]
        rows.append(row)
    header = ["edit"]
    for length in texts_by_len:
        header += [f"right {length}w", f"wrong {length}w"]
    table(f"Fragile channel on: the payload names the account (among {len(reg)}), teacher prose", header, rows)
