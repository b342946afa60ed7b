"""The mock teacher: a deterministic OpenAI- and Anthropic-compatible upstream for tests and benchmarks.

Routes: OpenAI `POST /v1/chat/completions`, `/v1/completions`, `/v1/responses`, `/v1/embeddings`,
`GET /v1/models[/{id}]` (Anthropic's shape when the caller sends `anthropic-version`); Anthropic `POST /v1/messages`,
`/v1/messages/count_tokens`.
Control: `GET|POST|DELETE /_mock/faults` (see `faults`), `GET|DELETE /_mock/requests` (see `recorder`),
`GET /_mock/health`. Replies depend only on (prompt text, model, seed, choice index). Chat and legacy
completions answer `logprobs` / `top_logprobs` with token data that spells the text (`logprobs`).

Run it: `start_mock_teacher(settings)` inside a running loop, `run_mock_teacher(...)` blocking,
`python -m gateway.mock_teacher --port P`, or `tests.support.mock_teacher.running_mock_teacher()`.
"""

from gateway.mock_teacher.app import create_app, run_mock_teacher, start_mock_teacher
from gateway.mock_teacher.settings import MockSettings

__all__ = ["MockSettings", "create_app", "run_mock_teacher", "start_mock_teacher"]
