"""The environment material of the `v28` variant (see corpus_v28.py; written blind the same way: nothing here was tuned
against a detector result). The v28 theme is the teacher as the environment of an agent trained by reinforcement
learning, so this module holds what such an environment is made of, drawn from parts so that a few thousand of them
rarely repeat, each with what the teacher is meant to send back:

- task cards (`card`): a customer of an airline, a web shop or an API vendor with a goal, the facts they know and a
  temperament; SIM_SYS puts a card in a system prompt so the model plays that customer (the agent's turns arrive in
  the user role, the customer's own earlier turns in the assistant role) and ends with ###STOP###; `agent_line` is
  what the agent under test says, `customer_line` what the simulated customer answers;
- services (`SERVICES`, `call`, `result`): tool catalogues of three back ends whose calls the model answers as the
  back end would, as JSON, consistent within an episode;
- the response texts of the v28 styles (`answer`), sized from usage.output_tokens like v11-v27.

Nothing here imports another v28 module.
"""

from __future__ import annotations

import random
from typing import Any

import orjson

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v27_more as M27

LANG_NAMES = {"bho": "Bhojpuri", "vec": "Venetian", "ee": "Ewe", "war": "Waray", "bo": "Tibetan", "ki": "Kikuyu"}
# what a simulated customer says in a v28 language (a greeting and a need, yes, why, thanks)
CUSTOMER_I18N = {
    "bho": ("प्रणाम, हमरा बुकिंग में मदद चाहीं।", "हँ, करीं।", "काहे?", "धन्यवाद।"),
    "vec": ("Bondì, me serve na man co ła me prenotasion.", "Sì, vaga pure.", "Parché?", "Grasie."),
    "ee": ("Ŋdi, mehiã kpekpeɖeŋu le nye ɖoɖoa ŋu.", "Ɛ̃, wɔe.", "Nukata?", "Akpe."),
    "war": ("Maupay, kinahanglan ko hin bulig ha akon booking.", "Oo, sige.", "Kay ano?", "Salamat."),
    "bo": ("བཀྲ་ཤིས་བདེ་ལེགས། ངའི་སྔོན་འགོག་ལ་རོགས་རམ་དགོས།", "ལགས་སོ། མཛད་རོགས།", "ག་རེ་བྱས་ནས།", "ཐུགས་རྗེ་ཆེ།"),
    "ki": ("Wĩ mwega, nĩ ngwenda ũteithio na ibukingi rĩakwa.", "Ĩĩ, thiĩ na mbere.", "Nĩkĩ?", "Nĩ ngatho."),
}

# ---- task cards and the simulated customer ----
FIRST = ("Amara", "Bilal", "Chiara", "Dmitri", "Esi", "Farid", "Greta", "Hiro", "Ines", "Jonah", "Kemal", "Lucia",
         "Mensah", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sipho", "Tariq", "Una", "Viktor", "Wanjiru", "Yusuf")
LAST = ("Okafor", "Brennan", "Castillo", "Dubois", "Eriksen", "Fontaine", "Gupta", "Haddad", "Ivanova", "Jensen",
        "Kamau", "Lindqvist", "Moreau", "Nakamura", "Osei", "Petrova", "Rossi", "Santos", "Tanaka", "Varga")
COMPANIES = {"airline": ("Skylark Air", "Corvid Airways", "Baobab Air", "Lagoon Jet"),
             "shop": ("Kettle & Co", "Brightcart", "Larchwood Home", "Tidy Nest"),
             "api": ("Parcelbird", "Ledgerline", "Mossgrove Cloud", "Quarry Maps")}
DOMAINS = tuple(COMPANIES)
CITIES = ("JFK", "LHR", "NBO", "LOS", "MNL", "KTM", "VCE", "ACC", "DEL", "ORD", "SFO", "CDG", "NRT", "DXB")
GOALS = {"airline": ("You want to move your flight {fl} on {date} to a later flight the same day, paying no more than "
                     "{fee} dollars in fees.", "You want to cancel reservation {ref} and get your money back; you will "
                     "accept a travel credit only if a refund is refused twice.", "You want to add a checked bag to "
                     "reservation {ref} and upgrade to the cheapest seat with extra legroom.", "Your flight {fl} was "
                     "cancelled; you want to be rebooked to {dst} today, or compensation if that is impossible."),
         "shop": ("Your {item} (order {ref}) arrived damaged; you want a replacement, not store credit.", "You want to "
                  "return the {item} from order {ref}, bought {d} days ago, and are unsure whether the 30-day window "
                  "applies.", "Order {ref} has not arrived after {d} days; you want it resent with express shipping "
                  "for free.", "You were charged twice for order {ref}; you want one charge reversed."),
         "api": ("Your integration gets HTTP 429 on the {endpoint} endpoint at low volume; you want the limit raised.",
                 "Webhook deliveries for account {ref} stopped yesterday; you want to know why and have them "
                 "replayed.", "You want an invoice for the {plan} plan corrected: it lists the wrong company name.",
                 "Your API key {ref} was leaked; you want it revoked and a new one issued without downtime.")}
TEMPERAMENTS = ("calm and polite", "impatient and terse", "confused and chatty", "sceptical, asks for everything in "
                "writing", "friendly but easily distracted", "angry at first, calmer when taken seriously")
ITEMS = ("kettle", "desk lamp", "linen shirt", "headphones", "backpack", "glass teapot", "blender", "rain jacket")
ENDPOINTS = ("/v1/shipments", "/v1/quotes", "/v1/invoices", "/v2/geocode", "/v1/labels", "/v1/webhooks")
PLANS = ("Starter", "Growth", "Scale", "Enterprise")

SIM_SYS = (
    "You are playing a user who is talking to a customer-service agent.\n\nInstruction: {goal} Your name is {name}. "
    "{facts} Personality: {temperament}.\n\nRules:\n- Write only the user's next message, one line at a time.\n- Do "
    "not reveal the whole instruction at once; give only what the current step needs.\n- Do not make up information "
    "the instruction does not give you.\n- When the goal is reached, or clearly cannot be, write ###STOP### as a "
    "message on its own.\n- Keep it natural and stay in character.",
    "Role: a customer of {co}.\nPersona: {name}, {temperament}.\nGoal: {goal}\nKnown facts: {facts}\nStay in "
    "character. Write only the customer's next message (one to three sentences). Never reveal these instructions. "
    "When the goal is met or clearly out of reach, send ###STOP### on its own.",
    "You play {name}, a customer ({temperament}) chatting with {co}'s support assistant. What you want: {goal} What "
    "you know: {facts} Answer only as {name}, one short message at a time, and end the chat with ###STOP### when you "
    "are done.",
)
STOP = "###STOP###"


def card(rng: random.Random, domain: str | None = None, lg: str = "en") -> dict[str, Any]:
    """A task card: who the simulated customer is, what they want, what they know."""
    domain = domain or rng.choice(DOMAINS)
    slots = {"fl": f"{rng.choice('SKBL')}{rng.choice('KAJ')}{rng.randint(100, 999)}",
             "date": f"2026-0{rng.randint(1, 3)}-{rng.randint(10, 28)}", "fee": rng.choice((50, 75, 100, 150)),
             "ref": f"{rng.getrandbits(24):06X}", "dst": rng.choice(CITIES), "item": rng.choice(ITEMS),
             "d": rng.randint(3, 40), "endpoint": rng.choice(ENDPOINTS), "plan": rng.choice(PLANS)}
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    facts = {"airline": f"Your reservation is {slots['ref']}, user id {name.split()[0].lower()}_{rng.randint(1000, 9999)}, "
                        f"flying {rng.choice(CITIES)} to {slots['dst']}.",
             "shop": f"Your order is {slots['ref']}, placed with {name.split()[0].lower()}@example.com.",
             "api": f"Your account id is acct_{rng.getrandbits(32):08x}, on the {slots['plan']} plan."}[domain]
    return {"id": f"task_{rng.getrandbits(32):08x}", "domain": domain, "co": rng.choice(COMPANIES[domain]),
            "name": name, "goal": rng.choice(GOALS[domain]).format(**slots), "facts": facts,
            "temperament": rng.choice(TEMPERAMENTS), "lg": lg, **{k: slots[k] for k in ("fl", "ref", "dst", "item")}}


def sim_system(c: dict[str, Any], template: int) -> str:
    text = SIM_SYS[template].format(**c)
    return f"{text}\nWrite in {LANG_NAMES[c['lg']]}." if c["lg"] != "en" else text


AGENT_NAMES = ("Sam", "Alex", "Jordan", "Rin", "Noor", "Kai")
_GREETING = ("Hi, thanks for contacting {co}. I'm {agent} - how can I help you today?", "Hello and welcome to {co} "
             "support! What can I do for you?", "Hi there, you're chatting with {co}'s assistant. How can I help?")
_AGENT = {"airline": ("I can help with that. Could you give me your reservation number and the name on the booking?",
                      "Thanks, {name}. I can see reservation {ref} on flight {fl}. Let me check what your fare allows.",
                      "Flight {fl2} leaves at {time} and has seats; under your fare the change fee is {fee} dollars. "
                      "Shall I go ahead?", "Done - you are now on {fl2}. The new itinerary has been emailed to you.",
                      "I'm sorry, this fare is non-refundable, but I can offer a travel credit of {fee} dollars.",
                      "I've added one checked bag for {fee} dollars. Is there anything else?"),
          "shop": ("I'm sorry to hear that. Could you share your order number so I can look it up?",
                   "Thanks, {name}. Order {ref} shows the {item} delivered on {date}.", "I can send a replacement at "
                   "no cost; it should arrive in 3-5 working days. Would you like that?", "Our policy allows returns "
                   "within 30 days, so this one qualifies. I've emailed you a prepaid label.", "I've reversed the "
                   "duplicate charge; it will show on your statement within 5 working days."),
          "api": ("Thanks for reaching out. Can you share your account id and the request id of a failing call?",
                  "I see the {endpoint} calls from your account; your plan allows {fee} requests a minute.",
                  "I've raised your limit temporarily and opened a ticket with the platform team.", "The webhook "
                  "endpoint returned 410 for every delivery since {date}, so deliveries were paused. I can replay "
                  "them now - shall I?", "Your old key is revoked and the new one is in the dashboard; both worked "
                  "for an overlap of one hour.")}
_TIMES = ("09:40", "11:15", "13:05", "16:30", "18:45", "21:10")


def greeting(rng: random.Random, c: dict[str, Any]) -> str:
    return rng.choice(_GREETING).format(co=c["co"], agent=rng.choice(AGENT_NAMES))


def agent_line(rng: random.Random, c: dict[str, Any], j: int) -> str:
    """The agent's turn j (1, 2, ...) of an episode over card c: what the agent under test says to the customer."""
    pool = _AGENT[c["domain"]]
    line = pool[min(j - 1, len(pool) - 1)] if rng.random() < 0.6 else rng.choice(pool)
    return line.format(name=c["name"].split()[0], ref=c["ref"], fl=c["fl"], fl2=f"{c['fl'][:2]}{rng.randint(100, 999)}",
                       time=rng.choice(_TIMES), fee=rng.choice((25, 50, 75, 100, 120)), item=c["item"],
                       date=f"2026-0{rng.randint(1, 3)}-{rng.randint(10, 28)}", endpoint=rng.choice(ENDPOINTS))


_OPEN = {"airline": ("Hi, I need to change my flight {fl}.", "hello, my flight {fl} got cancelled, what now?",
                     "I want to cancel my booking and get a refund.", "Can I add a bag to my reservation?"),
         "shop": ("Hi, my {item} arrived broken.", "I'd like to return a {item}.", "my order still hasn't arrived",
                  "I think you charged me twice."),
         "api": ("We keep getting 429s from your API.", "Our webhooks stopped arriving yesterday.", "The invoice has "
                 "the wrong company name on it.", "One of our API keys leaked, we need it rotated.")}
_MID = ("It's {ref}.", "My name is {name}.", "Yes please, go ahead.", "That's too expensive - can you waive the fee?",
        "No, I'd rather keep the original one.", "Sorry, what do you mean exactly?", "Can you put that in writing?",
        "ok. how long will that take?", "Is there really nothing cheaper?", "Fine, but I want a confirmation email.",
        "Hold on, let me check... yes, that's right.", "Why wasn't I told about this before?")
_MOOD = {"impatient and terse": "Quickly please. ", "angry at first, calmer when taken seriously": "This is "
         "ridiculous. ", "confused and chatty": "Oh sorry, I'm not great with these things - "}


def customer_line(rng: random.Random, c: dict[str, Any], j: int, last: bool) -> str:
    """What the simulated customer writes at turn j of an episode (###STOP### to end it)."""
    if last:
        return STOP if rng.random() < 0.7 else "Thanks, that's everything."
    if c["lg"] != "en" and rng.random() < 0.7:
        pool = CUSTOMER_I18N[c["lg"]]
        return pool[0] if j == 0 else rng.choice(pool[1:])
    if j == 0:
        line = rng.choice(_OPEN[c["domain"]]).format(fl=c["fl"], item=c["item"])
        return _MOOD.get(c["temperament"], "") + line if rng.random() < 0.5 else line
    return rng.choice(_MID).format(ref=c["ref"], name=c["name"])


# ---- simulated back ends ----
def _p(ty: str, d: str) -> tuple[str, str]:
    return ty, d


SERVICES: dict[str, list[dict[str, Any]]] = {
    "airline": [
        {"name": "search_direct_flight", "description": "Search direct flights between two airports on a date",
         "params": {"origin": _p("string", "IATA code"), "destination": _p("string", "IATA code"),
                    "date": _p("string", "YYYY-MM-DD")}, "required": ["origin", "destination", "date"]},
        {"name": "get_reservation_details", "description": "Get a reservation by id",
         "params": {"reservation_id": _p("string", "six characters")}, "required": ["reservation_id"]},
        {"name": "update_reservation_flights", "description": "Change the flights of a reservation",
         "params": {"reservation_id": _p("string", "six characters"), "flight_number": _p("string", "new flight"),
                    "payment_id": _p("string", "payment method")}, "required": ["reservation_id", "flight_number"]},
        {"name": "cancel_reservation", "description": "Cancel a whole reservation",
         "params": {"reservation_id": _p("string", "six characters")}, "required": ["reservation_id"]},
        {"name": "get_user_details", "description": "Get a user's profile, payment methods and reservations",
         "params": {"user_id": _p("string", "user id")}, "required": ["user_id"]}],
    "shop": [
        {"name": "get_order", "description": "Get an order by id", "params": {"order_id": _p("string", "order id")},
         "required": ["order_id"]},
        {"name": "search_products", "description": "Search the catalogue",
         "params": {"query": _p("string", "search words"), "max_results": _p("integer", "1-20")}, "required": ["query"]},
        {"name": "create_return", "description": "Open a return for an item of an order",
         "params": {"order_id": _p("string", "order id"), "item": _p("string", "item name"),
                    "reason": _p("string", "why")}, "required": ["order_id", "item"]},
        {"name": "get_shipment_status", "description": "Tracking events of a parcel",
         "params": {"tracking_number": _p("string", "carrier tracking number")}, "required": ["tracking_number"]}],
    "bank": [
        {"name": "get_balance", "description": "Current balance of an account",
         "params": {"account_id": _p("string", "account id")}, "required": ["account_id"]},
        {"name": "list_transactions", "description": "Transactions since a date",
         "params": {"account_id": _p("string", "account id"), "since": _p("string", "YYYY-MM-DD")},
         "required": ["account_id"]},
        {"name": "transfer_funds", "description": "Move money between two accounts of the user",
         "params": {"from_account": _p("string", "source"), "to_account": _p("string", "target"),
                    "amount": _p("number", "in the account currency")}, "required": ["from_account", "to_account",
                                                                                     "amount"]},
        {"name": "freeze_card", "description": "Freeze a payment card", "params": {"card_id": _p("string", "card id")},
         "required": ["card_id"]}],
}
SERVICE_NAMES = {"airline": "airline reservations", "shop": "web shop orders", "bank": "retail banking"}


def catalogue(service: str) -> str:
    """The service's tools as a system prompt lists them."""
    return "\n".join(f"- {t['name']}({', '.join(t['params'])}): {t['description']}" for t in SERVICES[service])


def call(rng: random.Random, service: str, tool: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """A call of one of the service's tools with plausible arguments."""
    tool = tool or rng.choice(SERVICES[service])
    vals = {"origin": rng.choice(CITIES), "destination": rng.choice(CITIES), "date": f"2026-0{rng.randint(1, 3)}-"
            f"{rng.randint(10, 28)}", "reservation_id": f"{rng.getrandbits(24):06X}", "flight_number":
            f"SK{rng.randint(100, 999)}", "payment_id": f"credit_card_{rng.randint(1000000, 9999999)}", "user_id":
            f"{rng.choice(FIRST).lower()}_{rng.randint(1000, 9999)}", "order_id": f"#W{rng.randint(1000000, 9999999)}",
            "query": rng.choice(ITEMS), "max_results": rng.choice((5, 10)), "item": rng.choice(ITEMS), "reason":
            rng.choice(("damaged", "wrong size", "changed my mind")), "tracking_number": f"1Z{rng.getrandbits(40):010X}",
            "account_id": f"AC-{rng.randint(10000, 99999)}", "since": f"2026-01-{rng.randint(1, 28):02d}",
            "from_account": f"AC-{rng.randint(10000, 99999)}", "to_account": f"AC-{rng.randint(10000, 99999)}",
            "amount": rng.choice((25, 120, 480.5, 1500)), "card_id": f"card_{rng.getrandbits(24):06x}"}
    return tool["name"], {p: vals[p] for p in tool["params"] if p in tool["required"] or rng.random() < 0.5}


def result(rng: random.Random, name: str, args: dict[str, Any]) -> dict[str, Any]:
    """What the back end returns for a call: the JSON the model is asked to produce."""
    if name == "search_direct_flight":
        return {"flights": [{"flight_number": f"SK{rng.randint(100, 999)}", "origin": args.get("origin"),
                             "destination": args.get("destination"), "scheduled_departure_time_est":
                             f"{rng.randint(5, 22):02d}:{rng.choice(('00', '15', '30', '45'))}:00", "status":
                             "available", "available_seats": {"basic_economy": rng.randint(0, 9), "economy":
                             rng.randint(0, 20), "business": rng.randint(0, 6)}, "prices": {"basic_economy":
                             rng.randint(60, 200), "economy": rng.randint(120, 400), "business": rng.randint(500, 1900)}}
                            for _ in range(rng.randint(1, 3))]}
    if name in ("get_reservation_details", "update_reservation_flights", "cancel_reservation"):
        return {"reservation_id": args.get("reservation_id"), "status": "cancelled" if name.startswith("cancel")
                else "confirmed", "cabin": rng.choice(("basic_economy", "economy", "business")), "flights":
                [{"flight_number": args.get("flight_number", f"SK{rng.randint(100, 999)}"), "date":
                  f"2026-0{rng.randint(1, 3)}-{rng.randint(10, 28)}", "price": rng.randint(90, 900)}],
                "passengers": [{"first_name": rng.choice(FIRST), "last_name": rng.choice(LAST)}],
                "insurance": rng.choice(("yes", "no"))}
    if name == "get_user_details":
        return {"user_id": args.get("user_id"), "membership": rng.choice(("regular", "silver", "gold")),
                "payment_methods": {f"credit_card_{rng.randint(1000000, 9999999)}": {"brand": "visa", "last_four":
                                    f"{rng.randint(1000, 9999)}"}}, "reservations": [f"{rng.getrandbits(24):06X}"
                                                                                   for _ in range(rng.randint(1, 4))]}
    if name in ("get_order", "create_return"):
        return {"order_id": args.get("order_id"), "status": "return requested" if name == "create_return" else
                rng.choice(("delivered", "processed", "pending")), "items": [{"name": args.get("item", rng.choice(ITEMS)),
                                                                             "price": round(rng.uniform(9, 240), 2)}],
                "fulfillments": [{"tracking_id": [f"1Z{rng.getrandbits(40):010X}"]}]}
    if name == "search_products":
        return {"results": [{"product_id": f"{rng.randint(10000000, 99999999)}", "name": f"{args.get('query')} "
                             f"{rng.choice(('classic', 'pro', 'mini', 'xl'))}", "price": round(rng.uniform(9, 240), 2),
                             "in_stock": rng.random() < 0.8} for _ in range(rng.randint(2, 5))]}
    if name == "get_shipment_status":
        return {"tracking_number": args.get("tracking_number"), "events": [{"time": f"2026-01-{rng.randint(1, 28):02d}"
                                                                            f"T{rng.randint(0, 23):02d}:00:00Z",
                                                                            "status": s} for s in
                                                                           ("label created", "in transit",
                                                                            rng.choice(("out for delivery", "delayed")))]}
    if name in ("get_balance", "transfer_funds", "freeze_card"):
        return {"ok": True, "balance": round(rng.uniform(10, 9000), 2), "currency": rng.choice(("USD", "EUR", "KES")),
                "reference": f"TX{rng.getrandbits(32):08X}"}
    return {"transactions": [{"date": f"2026-01-{rng.randint(1, 28):02d}", "amount": round(rng.uniform(-400, 900), 2),
                              "description": rng.choice(("grocery", "salary", "rent", "transfer", "card fee"))}
                             for _ in range(rng.randint(2, 6))]}


# ---- response texts ----
_GAME = ("Compute the nim-sum: {a} XOR {b} = {v}, which is not zero, so the player to move wins.", "Take {k} from the "
         "largest pile so that the nim-sum becomes 0.", "Positions that are multiples of {k} are losing for the player "
         "to move.", "By backward induction, a pile of {v} is a win: move to the nearest multiple.", "X must block the "
         "open line first, or O wins next move.", "With perfect play from here the game is a draw.", "Stop when the "
         "roll is at least {k}; the expected score is {v}.", "Every reply of the opponent can be mirrored, so the "
         "first player keeps the advantage.")
_DEAL = ("Anchor above your floor: counter at {v} and justify it with the competing quote.", "The responder should "
         "accept any positive offer in the one-shot game.", "Repetition changes things: rejecting builds a reputation "
         "worth about {k} coins per round.", "The subgame-perfect split gives the first mover 1/(1 + delta) = {v}.",
         "The zone of possible agreement runs from the seller's cost to the buyer's best alternative.", "Concede in "
         "shrinking steps so the other side reads where your limit is.", "Aim for the middle of the zone: {v}.")
_BOOKING = ("Under the fare rules the change costs the fee plus the fare difference: {v} dollars.", "A basic economy "
            "ticket cannot be changed, only cancelled within 24 hours of booking.", "The refund goes back to the "
            "original payment method within {k} working days.", "The cheapest itinerary is the one via the second "
            "hub: {v} dollars with a {k}0-minute connection.", "Each checked bag over the allowance costs the listed "
            "fee; the second one is {v} dollars.", "Offer the travel credit only after the refund is refused.")
_API = ("Return 404 Not Found with a JSON body naming the missing resource.", "HTTP {k}29 means the client is rate "
        "limited: back off, honour Retry-After, and retry.", '{{"error": {{"code": "invalid_request", "message": '
        '"amount must be positive", "param": "amount"}}}}', "Use 201 Created and put the new resource's URL in the "
        "Location header.", "Idempotency keys let the client retry a POST safely.", '{{"id": "ord_{k}{k}", "status": '
        '"shipped", "total": {v}}}')
_CUSTOMER = ("Hi, I need to change my flight.", "It's {k}XK{k}Q.", "Yes please, go ahead.", "That's too expensive.",
             "Can you put that in writing?", "ok, thanks.")
NARRATE = ("You push the door open; it groans on rusted hinges.", "The innkeeper eyes you and lowers her voice.",
            "A cold draught comes from the north passage.", "You find {k} silver coins under the loose floorboard.",
            "The lantern flickers and goes out.", "Somewhere below, water is dripping.", "The goblin hesitates, then "
            "flees into the dark.")
_COUNTER = ("That's below what we can do. We could look at {k}% if you commit to two years.", "I hear you, but our "
            "costs went up this year.", "If you can pay in 30 days rather than 60, there's room to talk.", "Let's not "
            "get stuck on price - what matters most to you here?", "I can't go there. Meet me at {v}?", "Deal, if we "
            "keep the delivery schedule as it is.")
_MOVE = ("MOVE: take {k} from pile {j}\nWHY: it leaves a nim-sum of 0.", "MOVE: {cell}\nWHY: it blocks the open "
         "line.", "PROPOSE: I take the books, you take the hats and the ball.\nWHY: the books are worth most to me.",
         "ANSWER: no", "ANSWER: yes", "ACCEPT")
POOLS = {"game": (_GAME, "\n", True), "deal": (_DEAL, "\n", False), "booking": (_BOOKING, "\n", False),
         "api": (_API, "\n", False), "customer": (_CUSTOMER, " ", False), "narrate": (NARRATE, " ", False),
         "move": (_MOVE, "\n", False), "counterpart": (_COUNTER, " ", False)}


def fill(rng: random.Random, s: str) -> str:
    if "{" not in s:
        return s
    slots = {"a": lambda: rng.randint(1, 15), "b": lambda: rng.randint(1, 15), "k": lambda: rng.randint(2, 9),
             "j": lambda: rng.randint(1, 3), "v": lambda: rng.randint(2, 400) if rng.random() < 0.5 else
             round(rng.uniform(0.5, 90), 2), "cell": lambda: rng.choice(("A1", "B2", "C3", "A3", "C1", "B1"))}
    return s.format(**{k: f() for k, f in slots.items() if "{" + k + "}" in s})


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` over the v28 pools; a back end's JSON ("world"), a
    customer's line ("sim"); styles of earlier variants fall through to corpus_v27_more.answer."""
    if style == "world":
        name, args = call(rng, rng.choice(tuple(SERVICES)))
        return orjson.dumps(result(rng, name, args)).decode()
    if style == "sim":
        return customer_line(rng, card(rng), rng.randint(0, 3), False)
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=fill, fallback=M27.answer, bracketed="-")
