"""Per-dialect knowledge of request and response bodies."""
