"""Settings of the mock teacher (the deterministic upstream used by tests, benchmarks, quickstart)."""

from pydantic import BaseModel, ConfigDict, Field


class MockSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: int = Field(0, description="Seed mixed into every reply; same (prompt, model, seed) gives the same reply.")
    tokens_per_second: float = Field(
        0, ge=0, description="Streaming and non-streaming pace; 0 = as fast as possible (no sleeps)."
    )
    first_token_latency_ms: float = Field(0, ge=0, description="Delay before the first content token.")
    default_max_tokens: int = Field(256, ge=1, description="Reply length in tokens when the request gives none.")
    max_output_tokens: int = Field(
        65_536, ge=1, description="A request asking for more (max_tokens, max_output_tokens) gets a 400, as from the "
        "APIs: replies fill their budget, and a huge one stalled the process (the embedded default's gateway too).")
    stream_words_per_delta: int = Field(3, ge=1, description="Words carried by each streamed text delta.")
    embedding_dimensions: int = Field(
        256, ge=1, le=8192, description="Embedding length when the request gives no `dimensions`."
    )
    models: tuple[str, ...] = Field(
        ("mock-gpt-4o-mini", "mock-gpt-4o", "mock-claude-sonnet", "mock-embedding"),
        description="Model ids listed by GET /v1/models (any model name is accepted in requests).",
    )
    recorded_requests: int = Field(100, ge=0, description="How many received requests GET /_mock/requests keeps.")
    never_end_interval_ms: float = Field(
        200, gt=0, description="Gap between deltas of a `never_end` fault stream."
    )
    reply_cache_size: int = Field(1024, ge=0, description="Generated replies kept, keyed by prompt hash.")
    decline_phrases: tuple[str, ...] = Field(
        (), description="Prompts containing one of these (case-insensitive) get a short refusal instead of an answer, "
        "as a teacher declines requests over its policy line (tests of what the gateway does with declined asks)."
    )
