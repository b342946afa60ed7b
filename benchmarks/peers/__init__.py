"""Peer gateways (LiteLLM proxy, Portkey gateway) installed into a scratch cache, never vendored."""
