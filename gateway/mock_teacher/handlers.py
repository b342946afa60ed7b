"""Route handlers of the mock teacher; all state lives on one `MockTeacher` per app."""

import asyncio
import base64
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import orjson
from aiohttp import web

from gateway.mock_teacher import anthropic_messages, openai_chat, openai_responses, requests_in
from gateway.mock_teacher.delivery import Delivery, abort_connection
from gateway.mock_teacher.error_bodies import anthropic_error, error_headers, openai_error
from gateway.mock_teacher.faults import Fault, FaultError, FaultProgram, fault_for
from gateway.mock_teacher.prose import count_tokens
from gateway.mock_teacher.recorder import RequestRecorder
from gateway.mock_teacher.replies import ReplyEngine, pack_float32
from gateway.mock_teacher.requests_in import BadRequest
from gateway.mock_teacher.settings import MockSettings

FAULT_HEADER = "x-mock-fault"
Build = Callable[[web.Request, Any, Fault, dict[str, str]], Awaitable[web.StreamResponse]]


_STORED_RESPONSES = 10_000


def _new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:24]


class MockTeacher:
    def __init__(self, settings: MockSettings) -> None:
        self.settings = settings
        self.engine = ReplyEngine(settings)
        self.delivery = Delivery(settings)
        self.faults = FaultProgram()
        self.recorder = RequestRecorder(settings.recorded_requests)
        # ids of the Responses API answers given (stored, as the API stores them), newest last
        self.stored_responses: OrderedDict[str, None] = OrderedDict()

    # -- the common path: read, record, inject faults, then build the answer ------------------

    async def _serve(self, request: web.Request, dialect: str, build: Build) -> web.StreamResponse:
        """Every answer, error or not, carries the request id header of its dialect (`headers`, handed to
        `build`), and an Anthropic error body names the same id, as the APIs do."""
        headers = {"request-id" if dialect == "anthropic" else "x-request-id": _new_id("req_")}
        raw = await request.read()
        body: Any = None
        bad_json = False
        if raw:
            try:
                body = orjson.loads(raw)
            except orjson.JSONDecodeError:
                bad_json = True
                body = raw.decode("utf-8", "replace")
        try:
            fault = fault_for(self.faults, request.headers.get(FAULT_HEADER))
        except FaultError as exc:
            return self._error(dialect, 400, str(exc), headers)
        self.recorder.record(request.method, request.path, request.query_string, request.headers, body,
                             fault.model_dump(exclude_defaults=True), raw_path=request.raw_path)
        if fault.delay_ms:
            await asyncio.sleep(fault.delay_ms / 1000)
        if fault.reset:
            abort_connection(request, reset=True)
            raise asyncio.CancelledError  # nothing left to answer on; aiohttp drops the handler quietly
        if fault.status is not None:
            payload = self._error_body(dialect, fault.status, f"mock fault: status {fault.status}", headers)
            return await self.delivery.json(request, payload, fault, fault.status,
                                            {**error_headers(fault.status), **headers})
        if bad_json:
            return self._error(dialect, 400, "We could not parse the JSON body of your request.", headers)
        if fault.reject_stream_options and isinstance(body, dict) and "stream_options" in body:
            return self._error(dialect, 400, "Unrecognized request argument supplied: stream_options", headers)
        try:
            return await build(request, body, fault, headers)
        except BadRequest as exc:
            return self._error(dialect, 400, str(exc), headers)

    @staticmethod
    def _error_body(dialect: str, status: int, message: str, headers: dict[str, str]) -> dict[str, Any]:
        if dialect == "anthropic":
            return anthropic_error(status, message, headers["request-id"])
        return openai_error(status, message)

    def _error(self, dialect: str, status: int, message: str, headers: dict[str, str]) -> web.Response:
        return web.json_response(self._error_body(dialect, status, message, headers), status=status,
                                 headers=headers, dumps=lambda v: orjson.dumps(v).decode())

    # -- OpenAI ---------------------------------------------------------------------------------

    async def chat_completions(self, request: web.Request) -> web.StreamResponse:
        return await self._serve(request, "openai", self._chat)

    async def _chat(self, request: web.Request, body: Any, fault: Fault,
                    headers: dict[str, str]) -> web.StreamResponse:
        req = requests_in.openai_chat(body)
        replies = self.engine.replies(req)
        prompt_tokens = self.engine.prompt_tokens(req)
        completion_id = _new_id("chatcmpl-")
        if req.stream:
            plan = openai_chat.chat_stream(completion_id, req.model, prompt_tokens, replies,
                                           self.settings.stream_words_per_delta, _asks_usage(req, fault),
                                           lambda k: self.engine.filler(req, k), req.logprobs,
                                           usage_on_last_choice=fault.usage_on_last_choice)
            plan.headers.update(headers)
            return await self.delivery.stream(request, plan, fault)
        payload = openai_chat.chat_completion(completion_id, req.model, prompt_tokens, replies, req.logprobs)
        return await self.delivery.json(request, payload, fault, headers=headers,
                                        tokens=max(r.tokens for r in replies))

    async def completions(self, request: web.Request) -> web.StreamResponse:
        return await self._serve(request, "openai", self._completion)

    async def _completion(self, request: web.Request, body: Any, fault: Fault,
                          headers: dict[str, str]) -> web.StreamResponse:
        req = requests_in.openai_completion(body)
        candidates = self.engine.replies(replace(req, n=req.best_of)) if req.best_of > req.n else None
        replies = candidates[:req.n] if candidates else self.engine.replies(req)
        prompt_tokens = count_tokens(req.prompt)
        completion_id = _new_id("cmpl-")
        if req.stream:
            plan = openai_chat.completion_stream(completion_id, req.model, prompt_tokens, replies,
                                                 self.settings.stream_words_per_delta, _asks_usage(req, fault),
                                                 lambda k: self.engine.filler(req, k), req.logprobs)
            plan.headers.update(headers)
            return await self.delivery.stream(request, plan, fault)
        payload = openai_chat.text_completion(completion_id, req.model, prompt_tokens, replies, req.logprobs)
        if candidates:  # every candidate was generated, so every one is charged (as the API does)
            payload["usage"] = openai_chat.usage(prompt_tokens, candidates)
        return await self.delivery.json(request, payload, fault, headers=headers,
                                        tokens=max(r.tokens for r in replies))

    async def responses(self, request: web.Request) -> web.StreamResponse:
        return await self._serve(request, "openai", self._response)

    async def _response(self, request: web.Request, body: Any, fault: Fault,
                        headers: dict[str, str]) -> web.StreamResponse:
        req = requests_in.openai_responses(body)
        previous = req.extra.get("previous_response_id")
        if previous is not None and previous not in self.stored_responses:
            raise BadRequest(f"Previous response with id '{previous}' not found.")
        reply = self.engine.reply(req)
        prompt_tokens = self.engine.prompt_tokens(req)
        response_id = _new_id("resp_")
        self.stored_responses[response_id] = None
        while len(self.stored_responses) > _STORED_RESPONSES:
            self.stored_responses.popitem(last=False)
        if req.stream:
            plan = openai_responses.response_stream(response_id, req, prompt_tokens, reply,
                                                    self.settings.stream_words_per_delta,
                                                    lambda k: self.engine.filler(req, k))
            plan.headers.update(headers)
            return await self.delivery.stream(request, plan, fault)
        payload = openai_responses.response_object(response_id, req, prompt_tokens, reply)
        return await self.delivery.json(request, payload, fault, headers=headers, tokens=reply.tokens)

    async def embeddings(self, request: web.Request) -> web.StreamResponse:
        return await self._serve(request, "openai", self._embeddings)

    async def _embeddings(self, request: web.Request, body: Any, fault: Fault,
                          headers: dict[str, str]) -> web.StreamResponse:
        if not isinstance(body, dict) or not isinstance(body.get("model"), str):
            raise BadRequest("you must provide a model parameter")
        inputs = body.get("input")
        if isinstance(inputs, str) or (isinstance(inputs, list) and inputs and isinstance(inputs[0], int)):
            inputs = [inputs]
        if not isinstance(inputs, list) or not inputs:
            raise BadRequest("input must be a non-empty string or array")
        dimensions = body.get("dimensions") or self.settings.embedding_dimensions
        if not isinstance(dimensions, int) or not 1 <= dimensions <= 8192:
            raise BadRequest("dimensions must be an integer between 1 and 8192")
        as_base64 = body.get("encoding_format") == "base64"
        data = []
        tokens = 0
        for index, item in enumerate(inputs):
            text = item if isinstance(item, str) else " ".join(map(str, item))
            tokens += count_tokens(text) if isinstance(item, str) else len(item)
            vector = self.engine.embedding(text, body["model"], dimensions)
            encoded: Any = base64.b64encode(pack_float32(vector)).decode() if as_base64 else vector
            data.append({"object": "embedding", "index": index, "embedding": encoded})
        payload = {"object": "list", "data": data, "model": body["model"],
                   "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}
        return await self.delivery.json(request, payload, fault, headers=headers)

    async def models(self, request: web.Request) -> web.StreamResponse:
        dialect = "anthropic" if "anthropic-version" in request.headers else "openai"
        return await self._serve(request, dialect, self._anthropic_models if dialect == "anthropic" else self._models)

    async def _models(self, request: web.Request, body: Any, fault: Fault,
                      headers: dict[str, str]) -> web.StreamResponse:
        model_id = request.match_info.get("model")
        if model_id is not None:
            return await self.delivery.json(request, _openai_model(model_id), fault, headers=headers)
        listing = {"object": "list", "data": [_openai_model(m) for m in self.settings.models]}
        return await self.delivery.json(request, listing, fault, headers=headers)

    async def _anthropic_models(self, request: web.Request, body: Any, fault: Fault,
                                headers: dict[str, str]) -> web.StreamResponse:
        """Anthropic's shape: `type: model`, `display_name`, RFC 3339 `created_at`, cursor pages (`limit`, and
        `after_id` / `before_id`: the page right after / before that id; `has_more` in that direction)."""
        model_id = request.match_info.get("model")
        if model_id is not None:
            return await self.delivery.json(request, _anthropic_model(model_id), fault, headers=headers)
        try:
            limit = max(1, min(1000, int(request.query.get("limit", "20"))))
        except ValueError:
            return self._error("anthropic", 400, "limit: Input should be a valid integer", headers)
        models = list(self.settings.models)
        after, before = request.query.get("after_id"), request.query.get("before_id")
        if before is not None:  # an unknown cursor gives an empty last page (a client's paging ends)
            end = models.index(before) if before in models else 0
            start = max(0, end - limit)
            ids, has_more = models[start:end], start > 0
        else:
            start = models.index(after) + 1 if after in models else 0 if after is None else len(models)
            ids, has_more = models[start:start + limit], start + limit < len(models)
        page = [_anthropic_model(m) for m in ids]
        return await self.delivery.json(request, {"data": page, "has_more": has_more,
                                                  "first_id": page[0]["id"] if page else None,
                                                  "last_id": page[-1]["id"] if page else None}, fault,
                                        headers=headers)

    # -- Anthropic ------------------------------------------------------------------------------

    async def messages(self, request: web.Request) -> web.StreamResponse:
        return await self._serve(request, "anthropic", self._message)

    async def _message(self, request: web.Request, body: Any, fault: Fault,
                       headers: dict[str, str]) -> web.StreamResponse:
        req = requests_in.anthropic_messages(body)
        reply = self.engine.reply(req)
        input_tokens = self.engine.prompt_tokens(req)
        message_id = _new_id("msg_")
        if req.stream:
            plan = anthropic_messages.message_stream(message_id, req.model, input_tokens, reply,
                                                     self.settings.stream_words_per_delta,
                                                     lambda k: self.engine.filler(req, k))
            plan.headers.update(headers)
            return await self.delivery.stream(request, plan, fault)
        payload = anthropic_messages.message(message_id, req.model, input_tokens, reply)
        return await self.delivery.json(request, payload, fault, headers=headers,
                                        tokens=reply.tokens)

    async def count_tokens(self, request: web.Request) -> web.StreamResponse:
        return await self._serve(request, "anthropic", self._count_tokens)

    async def _count_tokens(self, request: web.Request, body: Any, fault: Fault,
                            headers: dict[str, str]) -> web.StreamResponse:
        req = requests_in.anthropic_messages(body, count_only=True)
        return await self.delivery.json(request, {"input_tokens": self.engine.prompt_tokens(req)}, fault,
                                        headers=headers)

    # -- control routes (never recorded, never faulted) -----------------------------------------

    async def get_faults(self, request: web.Request) -> web.Response:
        return web.json_response(self.faults.describe())

    async def set_faults(self, request: web.Request) -> web.Response:
        try:
            items = orjson.loads(await request.read())
            self.faults.set(items)
        except (orjson.JSONDecodeError, FaultError) as exc:
            return web.json_response({"error": str(exc)}, status=400)
        return web.json_response(self.faults.describe())

    async def clear_faults(self, request: web.Request) -> web.Response:
        self.faults.clear()
        return web.json_response([])

    async def get_requests(self, request: web.Request) -> web.Response:
        return web.Response(body=orjson.dumps(self.recorder.records()), content_type="application/json")

    async def clear_requests(self, request: web.Request) -> web.Response:
        self.recorder.clear()
        return web.json_response([])

    async def health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "time": time.time()})


def _openai_model(model_id: str) -> dict:
    return {"id": model_id, "object": "model", "created": 1700000000, "owned_by": "covenant-mock"}


def _anthropic_model(model_id: str) -> dict:
    return {"type": "model", "id": model_id, "display_name": model_id, "created_at": "2023-11-14T22:13:20Z"}


def _asks_usage(req: Any, fault: Fault) -> bool:
    """The stream ends with a usage chunk when the request asks, unless the fault ignores the option."""
    return req.include_usage and not fault.no_stream_usage
