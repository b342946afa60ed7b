"""Text pools, voices and conversations for the `v28` variant (attacks_v28*.py, personas_v28*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v28 attacks and the v28 benign personas, so that topic,
language or wording alone separates neither. The v28 theme is the teacher as the environment of an agent: the user
it serves, the back end it calls and the opponent it plays. So the items here (four templates of each capability in
three phrasings with the same values) are combinatorial games (`game`: Nim, take-away games, tic-tac-toe, optimal
stopping), bargaining (`deal`: counteroffers, ultimatum and alternating-offers games, agreement zones), travel
bookings under fare rules (`booking`, the airline a simulated customer calls) and API behaviour (`api`: status codes,
error bodies, example responses). The usual asks in Bhojpuri, Venetian, Ewe, Waray, Tibetan and Kikuyu. A voice is
corpus_v21's with a v28 language on top. `converse` runs a conversation whose user turns are known over a surface
(corpus_v27_more.request: reasoning effort, thinking, cached system blocks, previous_response_id chains); `talk` and
`sitting` build on it. `cap_of` tells an item's capability from its text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v16 as C16
from benchmarks.traffic import corpus_v17 as C17
from benchmarks.traffic import corpus_v19 as C19
from benchmarks.traffic import corpus_v21 as C21
from benchmarks.traffic import corpus_v22 as C22
from benchmarks.traffic import corpus_v27 as C27
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v28_more as M
from benchmarks.traffic.attacks_v14 import conversations
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import RESP, resp_id

human_sessions = X.human_sessions
reply_gap = C17.reply_gap
distinct = C22.distinct
evenings = C22.evenings
answer = M.answer
LANG_NAMES = M.LANG_NAMES

# ---- languages ----
LANGS = ("en", "bho", "vec", "ee", "war", "bo", "ki")
WRAP = {
    "bho": ("राम राम! हमार सवाल ई बा:\n{x}", "{x}\n\n(हम एह पर एक घंटा लगा चुकल बानी)", "दिक्कत ई बा:\n{x}"),
    "vec": ("Ciao! Ła me domanda ła xe questa:\n{x}", "{x}\n\n(go passà n'ora su sta roba)", "El problema xe questo:\n{x}"),
    "ee": ("Ŋdi na wo! Nye biabia enye esi:\n{x}", "{x}\n\n(mewɔ dɔ le esia ŋu gaƒoƒo ɖeka)", "Kuxia lae nye esi:\n{x}"),
    "war": ("Maupay nga adlaw! Ini an akon pakiana:\n{x}", "{x}\n\n(usa ka oras na ako hini)",
            "An problema amo ini:\n{x}"),
    "bo": ("བཀྲ་ཤིས་བདེ་ལེགས། ངའི་དྲི་བ་འདི་ཡིན།\n{x}", "{x}\n\n(ངས་འདི་ལ་ཆུ་ཚོད་གཅིག་བཏང་།)", "དཀའ་ངལ་ནི་འདི་ཡིན།\n{x}"),
    "ki": ("Wĩ mwega! Kĩũria gĩakwa nĩ gĩkĩ:\n{x}", "{x}\n\n(nĩ ndĩrahũthĩra ithaa rĩmwe ũndũ ũyũ-inĩ)",
           "Thĩna nĩ ũyũ:\n{x}"),
}
ASK_I18N = {
    "bho": ("जवाब कइसे निकलल, समझा सकेनी?", "पूरा सोच के बताईं ना?"),
    "vec": ("Me spieghito come se riva a ła risposta?", "Te podarissi pensarghe ben e dirmeło?"),
    "ee": ("Àte ŋu aɖe alesi woakpɔ ŋuɖoɖoa la me nam a?", "Àte ŋu abu eŋu nyuie ahagblɔe nam a?"),
    "war": ("Mahimo mo ba ipasabot kon paonan-o makuha an baton?", "Mahimo mo ba hunahunaon hin maupay ngan sidngon ha "
            "akon?"),
    "bo": ("ལན་དེ་ཇི་ལྟར་རྙེད་དམ་གསལ་བཤད་གནང་ཐུབ་བམ།", "ཡོངས་རྫོགས་བསམ་བློ་བཏང་ནས་ང་ལ་ཤོད་ཐུབ་བམ།"),
    "ki": ("No ũntaarĩrie ũrĩa macookio mangĩoneka?", "No ũcũranie wega ũnjĩĩre?"),
}
FOLLOW_I18N = {
    "bho": ("काहे?", "ओह कदम पर रउआ पक्का बानी?"),
    "vec": ("Parché?", "Sito sicuro de sto passajo?"),
    "ee": ("Nukata?", "Èka ɖe afɔɖeɖe ma dzi a?"),
    "war": ("Kay ano?", "Sigurado ka ba hito nga lakang?"),
    "bo": ("ག་རེ་བྱས་ནས།", "གོམ་པ་དེ་ཐག་ཆོད་ཡིན་ནམ།"),
    "ki": ("Nĩkĩ?", "Nĩ ũrĩ na ma na kĩgerero kĩu?"),
}
COVER_I18N = {
    "bho": ("आज रात का बनाईं?", "अपना मैनेजर के ईमेल कइसे लिखीं?"),
    "vec": ("Cossa fasso da magnar stasera?", "Come scrivo na mail al me capo?"),
    "ee": ("Nu ka maɖa fiẽ sia?", "Aleke maŋlɔ email na nye dɔnunɔla?"),
    "war": ("Ano an akon lulutuon yana nga gab-i?", "Paonan-o ako masurat hin email ha akon manager?"),
    "bo": ("དགོང་མོ་འདིར་ཁ་ལག་ག་རེ་བཟོ་དགོས།", "ངའི་འགན་འཛིན་ལ་གློག་འཕྲིན་ཇི་ལྟར་འབྲི་དགོས།"),
    "ki": ("Nĩ kĩ ngũruga ũtukũ ũyũ?", "Ingĩandĩkĩra mũnene wakwa email atĩa?"),
}
MIXED_TAIL = {"bho": "काल्ह चाहीं, pls", "vec": "me serve doman, pls", "ee": "mehiãe etsɔ, pls",
              "war": "kinahanglan ko ini buwas, pls", "bo": "སང་ཉིན་དགོས། pls", "ki": "nĩ ngũbatara rũciũ, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice (reading and typing speed, quoting habit) in a v28 language."""
    v = C21.voice(rng, "en")
    v.update(lg28=lg, mixed28=lg != "en" and rng.random() < 0.3)
    return v


def native(v: dict[str, Any]) -> bool:
    return v["lg28"] != "en" and not v["mixed28"]


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg28"]
    if not native(v):
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed28"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    return rng.choice(FOLLOW_I18N[v["lg28"]]) if native(v) else W.follow_up(rng, v)


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if native(v):
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg28"]])}'
    return C19.quote_follow(rng, v, reply)


def in_voice(rng: random.Random, v: dict[str, Any] | None, text: str) -> str:
    """A short line of the writer's own (an ask, a follow-up) the way this voice types it."""
    if v is None:
        return text
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- items: each template in three phrasings with the same values ----
GAME = (
    ("In Nim with piles of {a}, {b} and {c} stones, it is your move. Which move wins with perfect play, and why?",
     "Nim, piles of {a}, {b} and {c}, my move. What's the winning move, and why does it win with perfect play?",
     "nim {a}/{b}/{c}, my turn - winning move + why"),
    ("Players take turns removing 1 to {k} counters from a pile of {n}; whoever takes the last counter wins. Who wins "
     "with perfect play, and what is the strategy?", "If we take turns removing between 1 and {k} counters from a "
     "pile of {n} and whoever takes the last one wins, who wins with perfect play? What's the strategy?",
     "take-away game: pile of {n} counters, take 1-{k}, last counter wins. who wins?"),
    ("In this tic-tac-toe position X is to move:\n{board}\nWhat is X's best move, and what is the result with "
     "perfect play?", "X to move in tic-tac-toe:\n{board}\nWhere should X go, and how does the game end if both "
     "play perfectly?", "tic-tac-toe, X to move:\n{board}\nbest move? result?"),
    ("You may roll a fair die up to {k} times, keeping the last roll. What stopping rule maximises your expected "
     "score, and what is that expectation?", "In a game where I can roll a fair die up to {k} times and keep the "
     "final roll, when should I stop? What's the expected score with the best rule?",
     "roll a die up to {k} times, keep the last: optimal stopping rule + expected value?"),
)
DEAL = (
    ("You are selling a used {good}; your lowest acceptable price is {floor}. The buyer opens at {offer} and mentions "
     "a competing quote of {alt}. What counteroffer should you make, and why?", "I'm selling my used {good} and won't "
     "go below {floor}. The buyer offered {offer} and says someone else quoted {alt}. What should I come back with, "
     "and why?", "selling a used {good}, floor {floor}, buyer offers {offer} (claims a quote of {alt}) - my move?"),
    ("In an ultimatum game over {pot} coins, the proposer offers the responder {low}. Should the responder accept? "
     "How does the answer change if the game is repeated {k} times?", "Ultimatum game: {pot} coins, and I'm offered "
     "{low} as the responder. Should I accept, and does it change if we play {k} rounds?",
     "ultimatum game, {pot} coins, {low} offered to me - accept? and over {k} repeats?"),
    ("Two players split {pot} by alternating offers; each round of delay shrinks what is left by a factor of {delta}. "
     "What is the subgame-perfect split, and who gets more?", "If two people split {pot} with alternating offers and "
     "the pie shrinks by a factor of {delta} each round of delay, what's the subgame-perfect split?",
     "alternating offers over {pot}, discount {delta} per round: subgame-perfect split?"),
    ("A buyer values a {good} at {value} and the seller's cost is {cost}; the buyer's best alternative costs {alt}. "
     "Where is the zone of possible agreement, and what price should the seller aim for?", "What's the zone of "
     "possible agreement when the buyer values a {good} at {value}, the seller's cost is {cost} and the buyer can get "
     "one elsewhere for {alt}? Where should the seller aim?", "buyer values {good} at {value}, seller cost {cost}, "
     "buyer's alternative {alt}: ZOPA + target price?"),
)
BOOKING = (
    ("A passenger on a {fare} fare wants to move flight {fl} from {a} to {b}, departing in {d} days. The fare rules "
     "say: {rule}. What can the agent do, and what will it cost?", "Our passenger has a {fare} ticket on flight {fl} "
     "({a} to {b}, leaving in {d} days) and wants to change it. Fare rules: {rule}. What are the options and the "
     "cost?", "{fare} fare, flight {fl} {a}-{b} in {d} days, passenger wants a change. rules: {rule}. options?"),
    ("A traveller cancels a {fare} booking {h} hours before departure. The fare rules say: {rule}. How much is "
     "refunded, and in what form?", "If a traveller cancels a {fare} booking {h} hours before the flight, and the "
     "rules say {rule}, what do they get back?", "traveller cancels {fare} booking, {h}h before departure. rules: "
     "{rule}. refund?"),
    ("Find the cheapest itinerary from {a} to {b} with at least {m} minutes for every connection:\n{flights}",
     "Which itinerary from {a} to {b} is cheapest if every connection needs {m} minutes or more?\n{flights}",
     "cheapest itinerary {a} -> {b}, min connection {m} min:\n{flights}"),
    ("A passenger on a {fare} fare checks {bags} bags of {kg} kg each. Under the rule '{bagrule}', what do they pay "
     "at the airport?", "What does a passenger with a {fare} fare pay at the airport for {bags} checked bags of {kg} "
     "kg each, if the rule is '{bagrule}'?", "{fare} fare passenger, {bags} bags x {kg} kg, rule '{bagrule}' - fee?"),
)
API = (
    ("Given this endpoint:\n{spec}\nWhat should the response to `{call}` be? Give the HTTP status code and the JSON "
     "body.", "Here's the endpoint spec:\n{spec}\nWhat would `{call}` return - status code and JSON body?",
     "endpoint:\n{spec}\nresponse to `{call}`? (HTTP status + JSON body)"),
    ("A client calls `{call}` and gets HTTP {status}. What does that status mean for this endpoint, and how should "
     "the client handle it?\n{spec}", "We call `{call}` and get back HTTP {status}. What does it mean here and what "
     "should our client do?\n{spec}", "`{call}` -> HTTP {status}. meaning + how to handle?\n{spec}"),
    ("Design the JSON error response for {case} in a REST API, with the HTTP status and the fields a client needs.",
     "How should a REST API report {case}? I need the HTTP status and a JSON error body a client can act on.",
     "REST: JSON error body + HTTP status for {case}?"),
    ("Write a realistic example JSON response for `GET /v1/{res}/{rid}` with the fields {fields}, following REST "
     "conventions.", "Can you give me an example JSON body that `GET /v1/{res}/{rid}` might return, with {fields}? "
     "Standard REST style.", "example JSON for GET /v1/{res}/{rid} (fields: {fields})"),
)
_GOODS = ("road bike", "espresso machine", "camera lens", "sofa", "drone", "violin", "laptop", "sewing machine")
_BOARDS = ("X | O | .\n. | X | .\nO | . | .", "O | . | X\n. | X | .\n. | O | .", "X | . | .\n. | O | .\n. | . | .",
           "O | X | O\n. | X | .\n. | . | .", ". | . | O\nX | X | O\n. | . | .", "X | O | X\n. | O | .\n. | . | .")
_RULES = ("changes allowed for a 75-dollar fee plus the fare difference", "no changes; cancellation within 24 hours "
          "of booking only", "free changes up to 2 hours before departure", "refund minus a 100-dollar fee if "
          "cancelled more than 24 hours before departure, otherwise travel credit", "travel credit only, valid one year")
_BAGRULES = ("first bag free, second 40 dollars, 50 dollars extra for each bag over 23 kg", "every bag 35 dollars, "
             "overweight (over 23 kg) 100 dollars", "two bags free up to 32 kg each")
_SPECS = ("GET /v1/shipments/{id} -> 200 Shipment | 404 if unknown | 401 without a key",
          "POST /v1/quotes {origin, destination, weight_kg} -> 201 Quote | 422 if weight_kg <= 0",
          "DELETE /v1/webhooks/{id} -> 204 | 404 | 409 while deliveries are in flight",
          "PATCH /v1/invoices/{id} {company_name} -> 200 Invoice | 403 once the invoice is finalised")
_CALLS = ("GET /v1/shipments/shp_9Q2X", "POST /v1/quotes with weight_kg -3", "DELETE /v1/webhooks/wh_118",
          "PATCH /v1/invoices/inv_77 after it was finalised", "GET /v1/shipments/shp_0000 with an expired key")
_CASES = ("a payment declined by the card issuer", "a request body that fails validation on two fields", "a "
          "duplicate request with the same idempotency key but a different body", "a resource that was deleted")
_RES = (("orders", "id, status, total, currency, items"), ("customers", "id, email, created_at, default_address"),
        ("shipments", "id, carrier, tracking_number, events"), ("invoices", "id, number, amount_due, due_date, lines"))


def _flights(rng: random.Random, a: str, b: str) -> str:
    hubs = rng.sample(("FRA", "IST", "DOH", "ADD", "AMS"), 2)
    rows = [f"{a}-{b} direct, {rng.randint(380, 900)} dollars"]
    for h in hubs:
        arr = rng.randint(6, 14)
        rows.append(f"{a}-{h} arr {arr:02d}:{rng.choice(('05', '40'))}, {h}-{b} dep {arr + rng.choice((0, 1, 2))}:"
                    f"{rng.choice(('15', '30', '55'))}, {rng.randint(250, 700)} dollars")
    return "\n".join(rng.sample(rows, len(rows)))


def _slots(rng: random.Random, cap: str) -> dict[str, Any]:
    if cap == "game":
        return {"a": rng.randint(2, 9), "b": rng.randint(2, 12), "c": rng.randint(3, 15), "k": rng.choice((2, 3, 4)),
                "n": rng.randint(15, 60), "board": rng.choice(_BOARDS)}
    if cap == "deal":
        floor = rng.choice((300, 450, 800, 1200, 2500))
        return {"good": rng.choice(_GOODS), "floor": floor, "offer": int(floor * rng.uniform(0.6, 0.9)),
                "alt": int(floor * rng.uniform(0.9, 1.3)), "pot": rng.choice((10, 20, 100)), "low": rng.choice((1, 2, 3)),
                "k": rng.choice((3, 5, 10)), "delta": rng.choice((0.5, 0.8, 0.9, 0.95)),
                "value": int(floor * rng.uniform(1.2, 1.6)), "cost": int(floor * 0.7)}
    if cap == "booking":
        a, b = rng.sample(M.CITIES, 2)
        return {"fare": rng.choice(("basic economy", "economy flex", "economy", "business saver")), "a": a, "b": b,
                "fl": f"SK{rng.randint(100, 999)}", "d": rng.randint(1, 40), "rule": rng.choice(_RULES),
                "h": rng.choice((3, 20, 30, 72)), "m": rng.choice((45, 60, 90)), "flights": _flights(rng, a, b),
                "bags": rng.randint(1, 3), "kg": rng.choice((18, 23, 26, 30)), "bagrule": rng.choice(_BAGRULES)}
    res, fields = rng.choice(_RES)
    return {"spec": rng.choice(_SPECS), "call": rng.choice(_CALLS), "status": rng.choice((401, 404, 409, 422, 429)),
            "case": rng.choice(_CASES), "res": res, "fields": fields, "rid": f"{res[:3]}_{rng.getrandbits(24):06x}"}


CAPS = ("game", "deal", "booking", "api")
_BANK = {"game": GAME, "deal": DEAL, "booking": BOOKING, "api": API}
_MARKS = {"game": re.compile(r"\bnim\b|\bcounters?\b|tic-tac-toe|\bdie\b", re.I),
          "deal": re.compile(r"\boffers?\b|\bbuyer\b|\bultimatum\b", re.I),
          "booking": re.compile(r"\bfare\b|\bpassenger\b|\btraveller\b|\bitinerary\b", re.I),
          "api": re.compile(r"\bHTTP\b|\bendpoint\b|\bREST\b|\bJSON\b")}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None) -> tuple[str, int, dict]:
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(len(_BANK[cap]))
    return cap, t, _slots(rng, cap)


def text(s: tuple[str, int, dict[str, Any]], phrasing: int = 0) -> str:
    cap, t, slots = s
    return _BANK[cap][t][phrasing % 3].format(**slots)


def item(rng: random.Random, cap: str | None = None) -> tuple[str, str]:
    s = seed(rng, cap)
    return text(s, rng.randrange(3)), s[0]


def any_item(rng: random.Random) -> tuple[str, str]:
    return item(rng)


def cap_of(t: str) -> str | None:
    """The capability whose marks the text carries (None: none or more than one)."""
    hits = [cap for cap, rx in _MARKS.items() if rx.search(t)]
    return hits[0] if len(hits) == 1 else None


EVERYDAY = tuple(x for x in C27.EVERYDAY + ("what's a good card game for four people?", "How do I clean a cast-iron "
                                            "pan?", "any tips for a long train journey with a toddler?", "What should "
                                            "I plant in a shady balcony box?") if cap_of(x) is None)


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if native(v) and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg28"]])
    return in_voice(rng, v, rng.choice(EVERYDAY))


_LEADS = ("From our scenario library:", "A customer asked this today:", "From the practice set:", "My coach sent me "
          "this:", "Came up in a design review:", "From the training pack:", "Quick one from work:", "Old exam "
          "question:")


def disguise(rng: random.Random, t: str) -> str:
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- conversations over a surface ----
emit = partial(X.emit, answer_fn=answer)


def reply(rng: random.Random, style: str, visible: int, model: str, s: dict[str, Any],
          needed: bool = True) -> tuple[str | None, str, int, int]:
    """(response text, the answer the client shows, output tokens, hidden tokens) of one turn (corpus_v27.reply with
    the v28 texts)."""
    h = M27.hidden(rng, s)
    if not needed:
        return None, "", visible + h, h
    body = answer(rng, style, visible, "" if h else model)
    summ = M27.thought(rng, M27.summary_tokens(rng, s, h))
    return (f"{summ}\n\n{body}" if summ else body), body, visible + h, h


def tokens(rng: random.Random, text_: str) -> int:
    return max(1, int(len(text_) / rng.uniform(3.6, 4.2)))


def converse(ctx: Ctx, acct: dict, t: float, api: str, model: str, turns: list[tuple], v: dict | None,
             s: dict[str, Any] | None = None, *, system: str | None = None, user: str | None = None,
             temperature: float | None = None, max_tokens: int | None = -1, gap: tuple[float, float] | None = None,
             history: list[dict] | None = None, **extra: Any) -> float:
    """One conversation whose user turns are given: turns[j] = (text, reply style, visible output-token range, extra
    seconds before it is sent[, the reply's text when known]), as corpus_v27.converse, with the v28 texts. `history`
    (messages already in the conversation) goes before the first turn. A later turn waits for the reply to be
    generated, read and answered (reply_gap, voice v) plus its extra seconds, or `gap` seconds (a script or a
    student model). max_tokens -1: the client's own setting, one per account. Returns the time of the last turn."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    if max_tokens == -1:
        if "max_tokens" not in acct:
            acct["max_tokens"] = rng.choice((None, None, 2048, 4096, 8192))
        max_tokens = acct["max_tokens"]
    params = dict(extra)
    if temperature is not None and api != RESP:
        params["temperature"] = temperature
    msgs: list[dict] = list(history or [])
    prev = None
    for j, turn in enumerate(turns):
        nxt, style, out_range = turn[:3]
        msgs = msgs + [{"role": "user", "content": nxt}]
        if len(turn) > 4:
            h = M27.hidden(rng, s)
            text_ = shown = turn[4]
            out = tokens(rng, shown) + h
        else:
            needed = bool(acct.get("logged")) or j + 1 < len(turns)
            text_, shown, out, h = reply(rng, style, rng.randint(*out_range), model, s, needed)
        chained = s.get("chain") and prev is not None
        body = M27.request(api, model, system, msgs[-1:] if chained else msgs, max_tokens, s,
                           prev if chained else None, **params)
        emit(ctx, t, acct, api, body, out, text=text_, user=user)
        msgs = msgs + [{"role": "assistant", "content": shown}]
        prev = resp_id(rng)
        if j + 1 < len(turns):
            t += h / rng.uniform(60, 150)
            t += rng.uniform(*gap) if gap else reply_gap(rng, out - h, len(turns[j + 1][0]), v) + turns[j + 1][3]
    return t


def talk(ctx: Ctx, acct: dict, t: float, turns: int, api: str, model: str, opener: str, style: str,
         follow: Callable[[], str], s: dict[str, Any] | None = None, *, out_range: tuple[int, int] = (200, 1000),
         **kw: Any) -> float:
    """A conversation of `turns` turns: the opener, then follow() for each later one."""
    seq = [(opener, style, out_range, 0.0)] + [(follow(), style, out_range, 0.0) for _ in range(turns - 1)]
    return converse(ctx, acct, t, api, model, seq, kw.pop("v", None), s, **kw)


def everyday_talk(ctx: Ctx, acct: dict, t: float, turns: int, v: dict, api: str, model: str,
                  s: dict[str, Any] | None = None, **kw: Any) -> float:
    rng = ctx.rng
    return talk(ctx, acct, t, turns, api, model, cover(rng, v), "everyday", lambda: rng.choice(W.EVERYDAY_FOLLOW), s,
                out_range=(60, 400), v=v, **kw)


def sitting(ctx: Ctx, acct: dict, session: list[float], v: dict, api: str, model: str, s: dict[str, Any] | None,
            items: Callable[[], tuple[str, str]], follow_p: float = 0.4, cover_p: float = 0.0,
            ask: Callable[[], str] | None = None, out_range: tuple[int, int] = (300, 1400), **kw: Any) -> float:
    """One sitting (shared by attacks and benign personas): the session's times split into conversations (a later
    time continues the current one with probability follow_p); each is everyday talk (cover_p) or an item from
    items(), disguised and in voice v, with ask() under it when given. Returns the end of the last conversation."""
    rng = ctx.rng
    end = session[0]
    for times in conversations(rng, session, follow_p):
        t = max(times[0], end + rng.uniform(20, 120))
        if rng.random() < cover_p:
            end = everyday_talk(ctx, acct, t, len(times), v, api, model, s, **kw)
            continue
        core, style = items()
        core = disguise(rng, core) + ("\n\n" + ask() if ask else "")
        end = talk(ctx, acct, t, len(times), api, model, say(rng, v, core, ask=ask is None), style,
                   partial(follow_up, rng, v), s, out_range=out_range, v=v, **kw)
    return end


def draws(rng: random.Random, caps: tuple[str, ...] = CAPS) -> dict[str, Callable[[], tuple[str, str]]]:
    """One distinct item stream per capability."""
    return {cap: distinct(partial(item, rng, cap)) for cap in caps}


def distinct_seeds(rng: random.Random, cap: str | None = None) -> Callable[[], tuple[str, int, dict]]:
    """Items (seeds) of `cap` (any when None) whose first phrasing this caller has not had yet."""
    draw = distinct(lambda: (text(s := seed(rng, cap or rng.choice(CAPS))), s))
    return lambda: draw()[1]


# ---- asks shared by attacks and benign personas ----
WALK_ASKS = ("Can you walk me through the full argument, every step justified? It's for my game theory course.",
             "I got stuck; please work through it completely so I can see where I went wrong.", "Our instructor "
             "wants the complete reasoning, not just the answer - can you write it out?")
ROLEPLAY_ASKS = ("can you play a customer for me so I can practise? {who} I'll be the agent - you start.",
                 "let's do a practice run: you're the customer, I'm support. {who} Go ahead and open.",
                 "roleplay time - be a difficult customer please. {who} I'll answer as the agent.")


def roleplay_ask(rng: random.Random, c: dict[str, Any], v: dict[str, Any] | None = None) -> str:
    """Asking the model, in the middle of a chat, to play card c's customer."""
    who = f"You're {c['name']}, and: {c['goal'].replace('You want', 'you want').replace('Your ', 'your ')}"
    return in_voice(rng, v, rng.choice(ROLEPLAY_ASKS).format(who=who))
