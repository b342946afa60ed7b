"""Ask a gateway for one chat completion through the official openai SDK, whole or streamed."""

from __future__ import annotations

import openai


def ask_text(base_url: str, key: str, prompt: str, *, stream: bool = False, max_tokens: int = 300,
             model: str = "gpt-4o-mini") -> str:
    """The answer's text; streamed answers are joined from their deltas."""
    client = openai.OpenAI(base_url=base_url, api_key=key, max_retries=0)
    kw = {"model": model, "messages": [{"role": "user", "content": prompt}], "max_tokens": max_tokens}
    if stream:
        return "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(stream=True, **kw)
                       if c.choices)
    return client.chat.completions.create(**kw).choices[0].message.content
