"""Pipeline stages: thin adapters between the proxy core and the feature libraries."""
