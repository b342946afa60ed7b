"""Text pools for the `v14` variant, continued (see corpus_v14.py; written blind the same way): a grammar of
function-calling tool catalogues (any number of made-up but plausible APIs) and the requests people make of them,
an email-and-calendar assistant agent with the results its tools return, dialogue-writing asks (teaching scripts,
sample chats, language-practice dialogues) and problem rewrites (harder or re-set versions of a problem)."""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic.corpus_v11_answers import ANTH, RESP

# ---- function-calling tool catalogues ----
NOUNS = {
    "crm": ("contact", "deal", "lead", "note"), "travel": ("flight", "hotel_booking", "itinerary", "visa_rule"),
    "home": ("thermostat", "light_scene", "door_lock", "energy_report"), "finance": ("invoice", "payment",
    "exchange_rate", "budget"), "hr": ("leave_request", "payslip", "employee", "job_posting"), "logistics":
    ("shipment", "warehouse_slot", "route", "customs_form"), "health": ("appointment", "prescription", "lab_result",
    "clinic"), "retail": ("order", "return", "product", "coupon"),
}
VERBS = ("get", "list", "create", "update", "cancel", "search", "send")
_PARAMS = (("id", "string", "identifier"), ("date", "string", "ISO date"), ("city", "string", "city name"),
           ("amount", "number", "amount in the account currency"), ("limit", "integer", "max results"),
           ("status", "string", "one of open, closed, pending"), ("email", "string", "recipient address"),
           ("note", "string", "free text"), ("from_date", "string", "ISO date"), ("to_date", "string", "ISO date"),
           ("currency", "string", "ISO 4217 code"), ("priority", "string", "low, normal or high"))
_ASKS = {"get": ("what's the status of {noun} {ref}?", "show me {noun} {ref}", "pull up {noun} {ref} please"),
         "list": ("list my {noun}s from last week", "which {noun}s are still open?", "any {noun}s for {city}?"),
         "create": ("create a {noun} for {city} on {date}", "new {noun}: {amount}, due {date}", "set up a {noun} "
                    "for me, high priority"),
         "update": ("change {noun} {ref} to {date}", "mark {noun} {ref} as closed", "bump {noun} {ref} to high "
                    "priority"),
         "cancel": ("cancel {noun} {ref}", "please cancel the {noun} I made yesterday", "drop {noun} {ref}, "
                    "plans changed"),
         "search": ("find {noun}s mentioning '{word}'", "search {noun}s over {amount}", "look for a {noun} in {city}"),
         "send": ("send {noun} {ref} to {email}", "email the latest {noun} to {email}", "forward {noun} {ref} to "
                  "my accountant")}
_CITIES = ("Lagos", "Ulaanbaatar", "Phnom Penh", "Durban", "Ahmedabad", "Minsk", "Lisbon", "Denver", "Osaka")
_WORDS = ("late", "refund", "urgent", "damaged", "renewal", "VIP", "duplicate")


def make_tool(rng: random.Random, domain: str | None = None) -> dict[str, Any]:
    """A neutral tool description: name, description, parameters (name -> (type, doc)), required."""
    domain = domain or rng.choice(list(NOUNS))
    noun, verb = rng.choice(NOUNS[domain]), rng.choice(VERBS)
    params = rng.sample(_PARAMS, rng.randint(1, 4))
    name = f"{verb}_{noun}" + ("s" if verb in ("list", "search") else "")
    return {"name": name, "verb": verb, "noun": noun, "domain": domain,
            "description": f"{verb.capitalize()} {noun.replace('_', ' ')} records in the {domain} system.",
            "params": {p: (t, d) for p, t, d in params}, "required": [params[0][0]]}


def catalog(rng: random.Random, k: int, domains: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    tools: dict[str, dict[str, Any]] = {}
    while len(tools) < k:
        t = make_tool(rng, rng.choice(domains) if domains else None)
        tools.setdefault(t["name"], t)
    return list(tools.values())


def api_tools(api: str, tools: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The catalogue in the API's own tool shape."""
    out = []
    for t in tools:
        schema = {"type": "object", "properties": {p: {"type": ty, "description": d} for p, (ty, d) in
                                                   t["params"].items()}, "required": t["required"]}
        if api == ANTH:
            out.append({"name": t["name"], "description": t["description"], "input_schema": schema})
        elif api == RESP:
            out.append({"type": "function", "name": t["name"], "description": t["description"], "parameters": schema})
        else:
            out.append({"type": "function", "function": {"name": t["name"], "description": t["description"],
                                                         "parameters": schema}})
    return out


def tool_request(rng: random.Random, tools: list[dict[str, Any]]) -> str:
    """What a user of the product types, aimed at one of the tools (sometimes at none of them)."""
    if rng.random() < 0.12:
        return rng.choice(("thanks!", "what can you do?", "is the system down?", "never mind"))
    t = rng.choice(tools)
    return rng.choice(_ASKS[t["verb"]]).format(noun=t["noun"].replace("_", " "), ref=f"#{rng.randint(1000, 99999)}",
                                              city=rng.choice(_CITIES), date=f"2026-0{rng.randint(1, 3)}-"
                                              f"{rng.randint(10, 28)}", amount=rng.choice((49, 120, 980, 2500)),
                                              email=f"{rng.choice(('ana', 'ops', 'finance', 'k.obi'))}@example.com",
                                              word=rng.choice(_WORDS))


# ---- the email and calendar assistant agent ----
ASSIST_SYS = ("You are an executive assistant with access to the user's mailbox and calendar. Check before you act, "
              "never send anything the user did not ask for, and finish with a short summary of what you did.")
ASSIST_TOOLS = ("search_email", "read_email", "list_events", "find_free_slots", "create_event", "send_email")
_PEOPLE = ("Thandi Mokoena", "Chinedu Okafor", "Sokha Chan", "Bat-Erdene Dorj", "Priya Shah", "Alena Kavaliova",
           "Marco Ruiz", "Hannah Lee")
ASSIST_TASKS = ("Find a 30-minute slot next week for a call with {p} and send an invite.", "Summarise my unread "
                "emails from {p} and draft short replies.", "Move my Thursday afternoon meetings to Friday morning "
                "and tell the attendees.", "Find the invoice {p} sent last month and forward it to accounts.",
                "Decline everything on {day} politely; I'm on leave.", "Prepare a one-page brief for my meeting "
                "with {p}: past threads, open questions.", "Who hasn't replied to my proposal email from Monday? "
                "Send them a gentle nudge.", "Book a room for the quarterly review with {p} and two others.")


def assist_tools(api: str) -> list[dict[str, Any]]:
    params = {"type": "object", "properties": {"query": {"type": "string"}, "id": {"type": "string"},
                                               "when": {"type": "string"}, "to": {"type": "string"}}}
    if api == ANTH:
        return [{"name": n, "description": n.replace("_", " "), "input_schema": params} for n in ASSIST_TOOLS]
    if api == RESP:
        return [{"type": "function", "name": n, "parameters": params} for n in ASSIST_TOOLS]
    return [{"type": "function", "function": {"name": n, "parameters": params}} for n in ASSIST_TOOLS]


def assist_task(rng: random.Random, tasks: tuple[str, ...] = ASSIST_TASKS) -> str:
    return rng.choice(tasks).format(p=rng.choice(_PEOPLE), day=rng.choice(("Monday", "the 14th", "Friday")))


def assist_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of an assistant episode; stub results when not `realistic`."""
    p = rng.choice(_PEOPLE)
    if k == 0:
        res = "\n".join(f"msg_{rng.getrandbits(24):06x} | {rng.choice(_PEOPLE)} | "
                        f"{rng.choice(('Re: proposal', 'Invoice', 'Quick question', 'Agenda', 'Offsite'))}"
                        for _ in range(rng.randint(2, 6)))
        return "search_email", {"query": f"from:{p.split()[0].lower()}"}, res if realistic else "ok"
    name = rng.choice(ASSIST_TOOLS[1:])
    if not realistic:
        return name, {"query": "x"}, "ok"
    if name == "read_email":
        return name, {"id": f"msg_{rng.getrandbits(24):06x}"}, W.typo(rng, "Hi, following up on the numbers - can we "
                                                                     "talk next week?", 0.1)
    if name in ("list_events", "find_free_slots"):
        return name, {"when": "next week"}, "; ".join(f"{d} {h}:00-{h + 1}:00" for d, h in
                                                      zip(rng.sample(("Mon", "Tue", "Wed", "Thu", "Fri"), 3),
                                                          rng.sample(range(9, 17), 3), strict=True))
    return name, {"to": p, "when": "Tue 10:00"}, f"{name} ok id={rng.getrandbits(32):08x}"


# ---- dialogue writing ----
SCRIPT_BLUNT = ("Generate a realistic multi-turn conversation ({n} turns) between a user and an expert AI assistant "
                "in which the assistant solves the problem below with detailed step-by-step reasoning. Output JSON: "
                "{{\"messages\": [{{\"role\": ..., \"content\": ...}}]}} and nothing else.\n\nProblem: {x}")
SCRIPT_SOFT = ("We're making an explainer video. Write the script as a dialogue between a curious student (Sam) and "
               "a tutor (Ana) who works through this, one step per line:\n{x}",
               "For our help centre, write an example chat where a developer asks our assistant about this and the "
               "assistant walks them through it:\n{x}",
               "Write a short 'think aloud' box for my textbook: a tutor talks a student through {x}",
               "Can you write it as a conversation, {n} exchanges, where the student makes one mistake and the "
               "teacher catches it? Problem: {x}")
_PLACES = ("a pharmacy", "a bus station", "a job interview", "a market stall", "a doctor's surgery", "a bank")
_LEVELS = ("A1", "A2", "B1", "B2")


def practice_dialogue(rng: random.Random, language: str) -> str:
    """A language-learning app's request: a graded dialogue with glosses."""
    return (f"Write a {rng.choice(_LEVELS)} {language} dialogue at {rng.choice(_PLACES)}, {rng.randint(6, 12)} lines, "
            f"each followed by an English gloss. Return JSON with a 'lines' array of {{speaker, text, gloss}}.")


# ---- problem rewrites ----
EVOL_OPS = ("Add one more constraint so that it needs an extra step.", "Swap what is given and what is asked.",
            "Combine it with a trigonometry step.", "Put it in a real-world setting (building, navigation or design) "
            "without changing the maths.", "Make it require a short proof before the calculation.", "Make it harder "
            "for a strong final-year student.")
EVOL_BLUNT = ("I want you to act as a Prompt Rewriter. Rewrite the #Given Prompt# into a more complex version. {op} "
              "The #Rewritten Prompt# must be solvable by a human and must not exceed {w} words.\n#Given Prompt#:\n"
              "{x}\n#Rewritten Prompt#:")
EVOL_SOFT = ("I'm putting together a problem set. Here's one question:\n{x}\n\nCould you write a harder version? {op}",
             "{x}\n\nWrite a variant of this for my stronger students. {op} Just the new question please.",
             "Rewrite this question so it's not the textbook one word for word. {op}\n\n{x}")
_ADDED = ("Give the answer to {k} significant figures and state which rule you used at each step.", "Then find how "
          "the answer changes if the first length is increased by {k}0%.", "Before calculating, prove that the "
          "triangle involved is right-angled.", "A surveyor needs this for a ramp of gradient 1 in {k}; is the ramp "
          "within that limit?", "Also find the perimeter of the figure formed.", "Repeat the calculation with the "
          "angle reduced by {k} degrees and compare.")


def evolve(rng: random.Random, seed: tuple[int, dict[str, Any]]) -> str:
    """The rewritten problem a teacher model returns: new numbers in the same frame plus one added demand."""
    t, slots = seed
    _, fresh = X.geo_seed(rng, t)
    return X.geo_text((t, fresh), rng.randrange(3)) + " " + rng.choice(_ADDED).format(k=rng.randint(2, 6))
