"""Episodes of the `v28` environments (see corpus_v28.py; written blind the same way: nothing here was tuned against a
detector result). Each runner sends the requests of one episode in which the model plays one part of an agent's world
and the other part's turns come from outside (the agent under test, a player, a script), paced by `gap` seconds per
turn of that other part. Attacks and benign personas call the same runners with their own settings:

- `sim_episode`: the model plays the customer of a task card (corpus_v28_more.SIM_SYS); the agent's turns arrive in
  the user role, the customer's own earlier turns in the assistant role; `bot` (a benign QA harness whose bot also
  runs here) is called for each agent turn on the same key.
- `world_episode`: the model answers calls to a back end's tools (or a mock API's requests) as JSON, consistent with
  the calls before it (history resent, or chained on previous_response_id) or one call at a time.
- `adventure`: the model is the engine of a text adventure: the player's action in, narration and the new state out,
  as JSON.
- `play`: the model is the opponent in Nim, tic-tac-toe, a bargaining game over items or twenty questions, replying
  MOVE/PROPOSE/ACCEPT/ANSWER lines; `stateless` sends the whole state in one message per move.
- `agent_episode`: the model is the airline's support agent itself, calling the back end's tools for a customer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import orjson

from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v28 as C
from benchmarks.traffic import corpus_v28_more as M
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, resp_id


def _gen(rng: random.Random, out: int) -> float:
    return out / rng.uniform(50, 110)


def _params(api: str, *, temperature: float | None = None, seed: int | None = None, stop: bool = False,
            json_mode: str | None = None, name: str = "result", logprobs: int | None = None) -> dict[str, Any]:
    """The sampling and format parameters of one request in the API's own names."""
    p: dict[str, Any] = {}
    if temperature is not None and api != RESP:
        p["temperature"] = temperature
    if seed is not None and api == CHAT:
        p["seed"] = seed
    if stop and api != RESP:
        p["stop" if api == CHAT else "stop_sequences"] = [M.STOP]
    if logprobs and api == CHAT:
        p.update(logprobs=True, top_logprobs=logprobs)
    schema = {"type": "object", "additionalProperties": True}
    if json_mode and api == CHAT:
        p["response_format"] = {"type": "json_object"} if json_mode == "object" else \
            {"type": "json_schema", "json_schema": {"name": name, "schema": schema}}
    elif json_mode and api == RESP:
        p["text"] = {"format": {"type": "json_object"} if json_mode == "object" else
                     {"type": "json_schema", "name": name, "schema": schema}}
    return p


def _send(ctx: Ctx, acct: dict, t: float, api: str, model: str, system: str | None, msgs: list[dict], s: dict,
          prev: str | None, max_tokens: int | None, out: int, reply: str, user: str | None, **params: Any) -> str:
    """One request of an episode (only the newest message on a chained Responses client); returns its response id."""
    chained = s.get("chain") and prev is not None
    body = M27.request(api, model, system, msgs[-1:] if chained else msgs, max_tokens, s, prev if chained else None,
                       **params)
    C.emit(ctx, t, acct, api, body, out, text=reply, user=user)
    return resp_id(ctx.rng)


# ---- the simulated customer ----
def sim_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, c: dict[str, Any], *, template: int = 0,
                s: dict | None = None, turns: int | None = None, gap: tuple[float, float] = (1, 6),
                temperature: float | None = None, seed: int | None = None, stop: bool = False,
                user: str | None = None, max_tokens: int | None = 200,
                bot: Callable[[float, list[dict]], tuple[float, str]] | None = None) -> float:
    """One episode of the model playing card c's customer: the agent's greeting, then turns of the customer's reply
    (a request) and the agent's next line `gap` seconds later (or what bot(t, messages) answers, with the time it is
    done), ending with ###STOP### or thanks. Returns its end."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    turns = turns or rng.randint(3, 10)
    system = M.sim_system(c, template)
    msgs: list[dict] = [{"role": "user", "content": M.greeting(rng, c)}]
    prev = None
    params = _params(api, temperature=temperature, seed=seed, stop=stop)
    for j in range(turns):
        line = M.customer_line(rng, c, j, j == turns - 1)
        out = C.tokens(rng, line)
        prev = _send(ctx, acct, t, api, model, system, msgs, s, prev, max_tokens, out, line, user, **params)
        if j == turns - 1:
            break
        t += _gen(rng, out) + rng.uniform(*gap)
        msgs = msgs + [{"role": "assistant", "content": line}]
        if bot is not None:
            t, said = bot(t, msgs)
        else:
            said = M.agent_line(rng, c, j + 1)
        msgs = msgs + [{"role": "user", "content": said}]
    return t


# ---- simulated back ends ----
WORLD_SYS = (
    "You are simulating the {service} back end for an agent under test. For each tool call, reply with exactly the "
    "JSON the real API would return, consistent with everything returned earlier in this session. No prose.\n\n"
    "Tools:\n{tools}",
    "Act as a mock server for the {service} API below. Given a request, return a realistic JSON response body and "
    "nothing else; keep ids, balances and statuses consistent across the session.\n\n{tools}",
    "You are a virtual API server ({service}). Answer each call with the response body only, as JSON.\n{tools}",
)


def call_text(rng: random.Random, name: str, args: dict[str, Any], style: int = 0) -> str:
    """A tool call as the client writes it: a JSON object, or a method and path with a JSON body."""
    if style == 0:
        return orjson.dumps({"tool": name, "arguments": args}).decode()
    verb = "GET" if name.startswith(("get", "search", "list")) else "POST"
    return f"{verb} /v1/{name.replace('_', '-')}\n{orjson.dumps(args).decode()}"


def world_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, service: str, calls: int, *,
                  template: int = 0, s: dict | None = None, stateful: bool = True, json_mode: str | None = "object",
                  temperature: float | None = 0.0, seed: int | None = None, gap: tuple[float, float] = (1, 8),
                  user: str | None = None, style: int = 0, system: str | None = None,
                  pick: Callable[[], tuple[str, dict]] | None = None, max_tokens: int | None = 800) -> float:
    """`calls` calls to a simulated back end, one request each, `gap` seconds apart plus the reply's generation;
    stateful: the earlier calls and results resent (chained on Responses). Returns the end."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    system = system or WORLD_SYS[template].format(service=M.SERVICE_NAMES[service], tools=M.catalogue(service))
    msgs: list[dict] = []
    prev = None
    for _ in range(calls):
        name, args = pick() if pick else M.call(rng, service)
        res = orjson.dumps(M.result(rng, name, args)).decode()
        msgs = (msgs if stateful else []) + [{"role": "user", "content": call_text(rng, name, args, style)}]
        out = C.tokens(rng, res)
        params = _params(api, temperature=temperature, seed=seed, json_mode=json_mode, name=f"{name}_response")
        prev = _send(ctx, acct, t, api, model, system, msgs, s, prev if stateful else None, max_tokens, out, res, user,
                     **params)
        msgs = msgs + [{"role": "assistant", "content": res}]
        t += _gen(rng, out) + rng.uniform(*gap)
    return t


# ---- a text adventure's engine ----
ENGINE_SYS = ("You are the game engine of '{title}', a text adventure. Given the player's action, narrate what "
              "happens in the second person (two to five sentences), then give the new game state. Reply as JSON: "
              "{{\"narration\": string, \"state\": {{\"location\": string, \"inventory\": [string], \"health\": int, "
              "\"flags\": [string]}}}}. Keep the world consistent with the story so far.\n\nWorld bible:\n{bible}")
TITLES = ("The Salt Road", "Lanterns of Vell", "Under Harrow Hill", "The Drowned Abbey", "Copperwood", "Ninefold Keep")
PLACES = ("the crossroads inn", "the flooded crypt", "the north passage", "the market square", "the old lighthouse",
          "the smugglers' cave", "the abbey garden", "the watchtower")
NPCS = ("innkeeper", "ferryman", "old scholar", "goblin scout", "lighthouse keeper", "herbalist")
THINGS = ("chest", "iron gate", "trapdoor", "altar", "mirror", "locked desk")
LOOT = ("rusty key", "lantern", "silver coin", "map fragment", "rope", "healing herb")
ACTIONS = ("go north", "go east", "look around", "open the {thing}", "take the {loot}", "talk to the {npc}",
           "use the {loot} on the {thing}", "ask the {npc} about {place}", "inventory", "search the {thing}",
           "follow the {npc}", "climb down into {place}")


def bible(rng: random.Random) -> str:
    return "\n".join(f"- {p.capitalize()}: {rng.choice(('safe', 'dark', 'guarded', 'crumbling'))}, home of the "
                     f"{rng.choice(NPCS)}" for p in rng.sample(PLACES, 5))


def action(rng: random.Random) -> str:
    return rng.choice(ACTIONS).format(thing=rng.choice(THINGS), loot=rng.choice(LOOT), npc=rng.choice(NPCS),
                                      place=rng.choice(PLACES))


def adventure(ctx: Ctx, acct: dict, t: float, api: str, model: str, steps: int, *, title: str, world: str,
              s: dict | None = None, json_mode: str | None = "schema", temperature: float | None = 0.9,
              gap: tuple[float, float] = (8, 60), user: str | None = None, first: str | None = None,
              max_tokens: int | None = 600) -> float:
    """`steps` turns of a text adventure: the player's action (`first`, then drawn), the engine's narration and the
    new state back; each next action `gap` seconds after the reply (reading it, typing). Returns the end."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    system = ENGINE_SYS.format(title=title, bible=world)
    state = {"location": rng.choice(PLACES), "inventory": [], "health": 10, "flags": []}
    msgs: list[dict] = []
    prev = None
    for j in range(steps):
        act = first if j == 0 and first else action(rng)
        if "take the" in act:
            state["inventory"] = state["inventory"][-3:] + [act.split("take the ")[1]]
        state.update(location=rng.choice(PLACES) if act.startswith(("go", "climb", "follow")) else state["location"],
                     health=max(1, state["health"] - (rng.random() < 0.15)))
        narr = " ".join(M.fill(rng, x) for x in rng.sample(M.NARRATE, rng.randint(2, 5)))
        res = orjson.dumps({"narration": narr, "state": state}).decode()
        msgs = msgs + [{"role": "user", "content": act}]
        out = C.tokens(rng, res)
        params = _params(api, temperature=temperature, json_mode=json_mode, name="turn")
        prev = _send(ctx, acct, t, api, model, system, msgs, s, prev, max_tokens, out, res, user, **params)
        msgs = msgs + [{"role": "assistant", "content": res}]
        t += _gen(rng, out) + rng.uniform(*gap)
    return t


# ---- games against the model ----
GAME_SYS = {"nim": "You are playing Nim against another player: on each turn a player removes one or more stones "
                   "from a single pile; whoever takes the last stone wins. Reply with your move as 'MOVE: take <k> "
                   "from pile <p>' and one line 'WHY: ...'.",
            "ttt": "You are O in a game of tic-tac-toe (cells A1-C3). Reply with 'MOVE: <cell>' and one line 'WHY: "
                   "...'.",
            "bargain": "You are negotiating how to divide {pool} with another player. Your values: {values}. Make or "
                       "answer proposals; reply 'PROPOSE: <what you take>' or 'ACCEPT', then one line 'WHY: ...'. No "
                       "deal after ten rounds means nobody scores.",
            "twenty": "We are playing twenty questions. You are thinking of: {secret}. Answer each question with "
                      "'ANSWER: yes', 'ANSWER: no' or 'ANSWER: sometimes'; if the player guesses it, reply 'CORRECT'."}
GAMES = tuple(GAME_SYS)
SECRETS = ("a lighthouse", "a violin", "a hedgehog", "a paper kite", "a tram", "an hourglass", "a beehive", "a canoe")
QUESTIONS = ("Is it alive?", "Is it bigger than a car?", "Can you hold it in one hand?", "Is it made of wood?",
             "Is it found near water?", "Does it make a sound?", "Is it older than 100 years as an idea?",
             "Would you find it in a house?", "Is it a {guess}?")
POOL = ("books", "hats", "balls")


def _move(rng: random.Random, game: str, st: dict[str, Any], j: int, last: bool) -> str:
    """The model's reply in a game, and the state after it."""
    if game == "nim":
        piles = st["piles"]
        if not any(piles):
            return "GG - you took the last stone."
        x = piles[0] ^ piles[1] ^ piles[2]
        p = next((i for i in range(3) if piles[i] ^ x < piles[i]), max(range(3), key=lambda i: piles[i]))
        k = piles[p] - (piles[p] ^ x) if x else 1
        piles[p] -= k
        return f"MOVE: take {k} from pile {p + 1}\nWHY: " + ("it leaves a nim-sum of 0." if x else "no winning move; "
                                                                                             "take one and wait.")
    if game == "ttt":
        cell = rng.choice(st["free"]) if st["free"] else "B2"
        st["free"] = [c for c in st["free"] if c != cell]
        st["board"][cell] = "O"
        return f"MOVE: {cell}\nWHY: {rng.choice(('it blocks the open line', 'it takes the centre', 'it forks'))}."
    if game == "bargain":
        if last:
            return "ACCEPT\nWHY: it beats no deal for both of us."
        mine = ", ".join(f"{rng.randint(0, n)} {it}" for it, n in zip(POOL, st["counts"], strict=True))
        best = max(st["values"], key=st["values"].get)
        return f"PROPOSE: {mine}\nWHY: the {best} matter most to me."
    return "CORRECT" if last else f"ANSWER: {rng.choice(('yes', 'no', 'no', 'sometimes'))}"


def _their(rng: random.Random, game: str, st: dict[str, Any], j: int) -> str:
    """The other player's turn (the agent under test, or a person)."""
    if game == "nim":
        piles = st["piles"]
        p = rng.choice([i for i in range(3) if piles[i]] or [0])
        k = rng.randint(1, max(1, piles[p]))
        piles[p] = max(0, piles[p] - k)
        return f"I take {k} from pile {p + 1}. Piles now: {', '.join(map(str, piles))}. Your move."
    if game == "ttt":
        cell = rng.choice(st["free"]) if st["free"] else "A1"
        st["free"] = [c for c in st["free"] if c != cell]
        st["board"][cell] = "X"
        return f"X plays {cell}. Your move."
    if game == "bargain":
        return rng.choice(("I want the {it}; you can have the rest.", "How about we split the {it} evenly?",
                           "No deal. I need at least two {it}.", "Fine, but then I take all the {it}.")).format(
            it=rng.choice(POOL))
    return rng.choice(QUESTIONS).format(guess=rng.choice(SECRETS)[2:])


def new_game(rng: random.Random, game: str) -> dict[str, Any]:
    if game == "nim":
        return {"piles": [rng.randint(1, 7), rng.randint(2, 9), rng.randint(3, 12)]}
    if game == "ttt":
        cells = [f"{r}{c}" for r in "ABC" for c in "123"]
        return {"free": cells, "board": {c: "." for c in cells}}
    if game == "bargain":
        counts = (rng.randint(1, 4), rng.randint(1, 3), rng.randint(1, 2))
        return {"counts": counts, "values": {it: rng.randint(0, 6) for it in POOL}}
    return {"secret": rng.choice(SECRETS)}


def position(game: str, st: dict[str, Any], j: int) -> str:
    """The whole position as a stateless client sends it."""
    if game == "ttt":
        return "\n" + "\n".join(" | ".join(st["board"][f"{r}{c}"] for c in "123") for r in "ABC")
    if game == "nim":
        return f"piles {', '.join(map(str, st['piles']))}"
    if game == "bargain":
        return f"pool {', '.join(f'{n} {it}' for it, n in zip(POOL, st['counts'], strict=True))}"
    return f"question {j + 1} of 20"


def play(ctx: Ctx, acct: dict, t: float, api: str, model: str, game: str, *, st: dict | None = None,
         moves: int | None = None, stateless: bool = False, s: dict | None = None, temperature: float | None = 0.7,
         logprobs: int | None = None, gap: tuple[float, float] = (1, 5), user: str | None = None,
         opener: str | None = None, max_tokens: int | None = 64) -> float:
    """A game against the model: the other player's turn, then the model's reply (one request), `gap` seconds per
    turn of the other player; stateless sends the whole state each time instead of the history. Returns the end."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    st = st or new_game(rng, game)
    moves = moves or {"nim": rng.randint(2, 5), "ttt": rng.randint(2, 4), "bargain": rng.randint(3, 9),
                      "twenty": rng.randint(4, 12)}[game]
    system = GAME_SYS[game].format(pool=", ".join(f"{n} {it}" for it, n in zip(POOL, st.get("counts", (1, 1, 1)), strict=True)),
                                   values=", ".join(f"{it} {v}" for it, v in st.get("values", {}).items()),
                                   secret=st.get("secret", ""))
    msgs: list[dict] = []
    prev = None
    params = _params(api, temperature=temperature, logprobs=logprobs)
    for j in range(moves):
        theirs = opener if j == 0 and opener else _their(rng, game, st, j)
        if stateless:
            theirs = f"Game state: {position(game, st, j)}\n{theirs}"
        msgs = ([] if stateless else msgs) + [{"role": "user", "content": theirs}]
        mv = _move(rng, game, st, j, j == moves - 1)
        out = C.tokens(rng, mv)
        prev = _send(ctx, acct, t, api, model, system, msgs, s, None if stateless else prev, max_tokens, out, mv,
                     user, **params)
        msgs = msgs + [{"role": "assistant", "content": mv}]
        t += _gen(rng, out) + rng.uniform(*gap)
    return t


# ---- the model as the airline's agent ----
AGENT_SYS = ("You are {co}'s customer-service agent. Follow the airline policy: verify the user's identity before "
             "changing anything, never change basic economy flights, confirm every change with the user first, and "
             "transfer to a human when the request is outside policy. Use the tools.")


def agent_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, c: dict[str, Any], steps: int,
                  realistic: bool, *, s: dict | None = None, user: str | None = None, seed: int | None = None,
                  gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One support episode with the model as the agent: the customer's request, tool calls and their results (stub
    ones unless `realistic`), the history resent or chained on previous_response_id, then the reply. Returns its end."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    tools = TL.api_tools(api, M.SERVICES["airline"])
    system = AGENT_SYS.format(co=c["co"])
    msgs: list[dict] = [{"role": "user", "content": M.customer_line(rng, c, 0, False)}]
    prev = None
    for k in range(steps):
        last = k == steps - 1
        h = M27.hidden(rng, s) // (1 if last else 3)
        out = (rng.randint(60, 300) if last else rng.randint(25, 90)) + h
        chained = s.get("chain") and prev is not None
        extra = {"seed": seed} if seed is not None and api == CHAT else {}
        body = M27.request(api, model, system, msgs[-1:] if chained else msgs, 4096, s, prev if chained else None,
                           tools=tools, **extra)
        text = M.agent_line(rng, c, k + 1) if last else ""
        C.emit(ctx, t, acct, api, body, out, text=text, user=user)
        t += _gen(rng, out)
        if last:
            break
        prev = resp_id(rng)
        msgs = _tool_step(rng, api, s, msgs, "airline", realistic)
        t += rng.uniform(*gap)
    return t


def _tool_step(rng: random.Random, api: str, s: dict, msgs: list[dict], service: str, realistic: bool) -> list[dict]:
    """The messages after the agent calls one of the service's tools and gets its result (only the result on a
    chained Responses client)."""
    name, args = M.call(rng, service)
    res = orjson.dumps(M.result(rng, name, args)).decode() if realistic else "ok"
    cid = f"call_{rng.getrandbits(64):016x}"
    if api == RESP:
        out_item = {"type": "function_call_output", "call_id": cid, "output": res}
        return [{"role": "user", "content": [out_item]}] if s.get("chain") else msgs + [
            {"type": "function_call", "call_id": cid, "name": name, "arguments": orjson.dumps(args).decode()}, out_item]
    if api == ANTH:
        use = {"type": "tool_use", "id": f"toolu_{rng.getrandbits(64):016x}", "name": name, "input": args}
        return msgs + [{"role": "assistant", "content": [use]}, {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": use["id"], "content": res}]}]
    tc = {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(args).decode()}}
    return msgs + [{"role": "assistant", "content": None, "tool_calls": [tc]},
                   {"role": "tool", "tool_call_id": cid, "content": res}]


BOT_SYS = ("You are {co}'s support assistant. Be concise and friendly, look the customer's booking or order up with "
           "the tools before you promise anything, and follow the policy.")
SERVICE_OF = {"airline": "airline", "shop": "shop", "api": "bank"}


def agent_turn(ctx: Ctx, acct: dict, t: float, api: str, model: str, c: dict[str, Any], msgs: list[dict], *,
               s: dict | None = None, steps: int = 1, system: str | None = None, seed: int | None = None,
               user: str | None = None) -> tuple[float, str]:
    """The agent's next turn in a simulated-customer episode, when the agent also runs on this key (a QA harness's
    bot, a lab's model under test): the conversation from the agent's side (the customer's turns as the user's, the
    opening greeting left out), steps - 1 tool calls and results, then its line. Returns (end, line)."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    svc = SERVICE_OF[c["domain"]]
    tools = TL.api_tools(api, M.SERVICES[svc])
    conv = [{"role": "user" if m["role"] == "assistant" else "assistant", "content": m["content"]} for m in msgs[1:]]
    line = M.agent_line(rng, c, len(conv) // 2 + 1)
    extra = {"seed": seed} if seed is not None and api == CHAT else {}
    for k in range(steps):
        last = k == steps - 1
        h = M27.hidden(rng, s) // (1 if last else 3)
        out = (C.tokens(rng, line) if last else rng.randint(25, 90)) + h
        body = M27.request(api, model, system or BOT_SYS.format(co=c["co"]), conv, 1024, s, None, tools=tools,
                           **extra)
        C.emit(ctx, t, acct, api, body, out, text=line if last else "", user=user)
        t += _gen(rng, out)
        if not last:
            conv = _tool_step(rng, api, dict(s, chain=False), conv, svc, True)
            t += rng.uniform(0.2, 1.5)
    return t, line
