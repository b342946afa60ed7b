"""Declarative policies: schema, loading with line numbers, compilation, hot reload, tests."""
