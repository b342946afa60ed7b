"""The mock teacher: a deterministic OpenAI- and Anthropic-compatible upstream for tests and benchmarks."""

from gateway.mock_teacher.app import create_app, run_mock_teacher, start_mock_teacher
from gateway.mock_teacher.settings import MockSettings

__all__ = ["MockSettings", "create_app", "run_mock_teacher", "start_mock_teacher"]
