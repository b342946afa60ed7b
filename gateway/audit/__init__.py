"""The audit log: one structured record per request, written off the request path.

- `record`: build the record from a finished `RequestContext` (cheap, on the hot path).
- `content`: render the prompt/response per content mode (full, redacted, hash, none), off the hot path.
- `sinks`: JSONL files with rotation, a capped Redis Stream, stdout.
- `writer`: the bounded queue and the background task that drains it in batches.
- `report`: read audit JSONL files back and summarise them (`covenant report`).
"""
