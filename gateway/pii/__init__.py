"""PII and secrets scanning: policy block, Presidio set-up, secret recognizers, (stream) redaction.

Kept light on import (the policy schema imports `gateway.pii.policy`); Presidio is imported by
`gateway.pii.engine` / `gateway.pii.redact`. The proxy stage (gateway/stages/pii.py) builds one
`engine.PiiEngine` per policy version and calls its `prompt` / `output` scanners and redactors.
"""
