"""Text pools for the `v13` variant, continued (see corpus_v13.py; written blind the same way): images and what
people ask about them, grading with a rubric, label sets for classification with label probabilities, ad-copy
briefs, and a data-analysis agent's SQL tools with the results a warehouse returns."""

from __future__ import annotations

import random
from typing import Any

import orjson

from benchmarks.traffic import corpus_v13 as V
from benchmarks.traffic.corpus_v11_answers import ANTH, RESP

# ---- images ----
IMAGE_KINDS = ("chart", "diagram", "handwriting", "screenshot", "product", "receipt")
_HOSTS = ("https://cdn.{co}.com/u/{h}.{ext}", "https://{co}-media.s3.amazonaws.com/{h}.{ext}",
          "https://storage.googleapis.com/{co}-uploads/{h}.{ext}", "https://i.{co}.net/{h}.{ext}")
_COS = ("pixelnest", "shoply", "notely", "brightcart", "formwise", "tallyup", "gridline", "snapdesk")


def image_url(rng: random.Random, co: str | None = None, seq: int | None = None, bucket: str | None = None) -> str:
    """Where an uploaded image lives: a product's own CDN with hashed names, or (seq) a bucket of numbered files."""
    if seq is not None:
        return f"https://{bucket}.s3.amazonaws.com/batch/img_{seq:06d}.png"
    return rng.choice(_HOSTS).format(co=co or rng.choice(_COS), h=f"{rng.getrandbits(64):016x}",
                                     ext=rng.choice(("png", "jpg", "jpeg", "webp")))


VISION_ASK = {
    "chart": ("What's the main takeaway from this chart?", "Is this chart misleading in any way?", "Which month had the "
              "biggest drop and why might that be?", "summarise this graph for my slides"),
    "diagram": ("Explain what this diagram shows, step by step.", "What does each arrow in this flowchart mean?",
                "Is this circuit right? The LED doesn't light."),
    "handwriting": ("Can you check my working on this? I think I went wrong somewhere.", "what does this say",
                    "Is my solution to question 3 correct?"),
    "screenshot": ("What does this error mean and how do I fix it?", "Why is this layout broken on mobile?",
                   "what setting do I change here"),
    "product": ("Write a listing title and description for this item.", "What material does this look like?",
                "Give me 5 attributes for this product as JSON."),
    "receipt": ("Extract merchant, date, total and VAT from this receipt.", "How much of this was food?"),
}
DESCRIBE_ALL = ("Describe this image in exhaustive detail. Then reason step by step about what it shows and what "
                "conclusions can be drawn. Be as thorough as possible.")


def image_message(api: str, text: str, url: str, detail: str | None = None) -> dict[str, Any]:
    """One user message with an image and a question, in the API's own content-part shape."""
    if api == ANTH:
        return {"role": "user", "content": [{"type": "image", "source": {"type": "url", "url": url}},
                                            {"type": "text", "text": text}]}
    if api == RESP:
        part: dict[str, Any] = {"type": "input_image", "image_url": url}
        if detail:
            part["detail"] = detail
        return {"role": "user", "content": [{"type": "input_text", "text": text}, part]}
    img: dict[str, Any] = {"url": url}
    if detail:
        img["detail"] = detail
    return {"role": "user", "content": [{"type": "text", "text": text}, {"type": "image_url", "image_url": img}]}


# ---- grading with a rubric ----
RUBRIC = ("1. Correct final answer. 2. Each step justified. 3. Units and notation. 4. Addresses every part of the "
          "question. 5. Concise.")
GRADE_SCHEMA = {"name": "grade", "strict": True, "schema": {
    "type": "object", "additionalProperties": False, "required": ["score", "critique"],
    "properties": {"score": {"type": "integer"}, "critique": {"type": "string"}}}}
_CAND = ("The answer is {y}. I got it by multiplying the two probabilities.", "First I found the total number of "
         "outcomes, {k}. Then I counted the favourable ones. So it's {k}/36.", "SELECT customer_id, MAX(created_at) "
         "FROM orders GROUP BY customer_id;", "Using the formula mean +/- 1.96*sd I get ({x}, {y}).", "I think you "
         "should switch because it's 50/50 either way.", "awk '{{s+=$3}} END {{print s}}' file.csv", "Since p < 0.05 "
         "the result proves the button works better.", "E = {y}. You lose money on average so don't play.")


def candidate(rng: random.Random) -> str:
    """A student model's answer (of mixed quality)."""
    return " ".join(rng.choice(_CAND).format(x=round(rng.uniform(1, 90), 1), y=round(rng.uniform(0, 9), 2),
                                             k=rng.randint(3, 40)) for _ in range(rng.randint(1, 4)))


def grade_text(rng: random.Random) -> str:
    return orjson.dumps({"score": rng.randint(1, 10), "critique": V.answer(rng, "judge", rng.randint(40, 200))}
                        ).decode()


# ---- classification with label probabilities ----
TICKET_LABELS = ("billing", "refund", "login", "bug", "feature_request", "shipping", "cancel", "account_change",
                 "security", "other")
TOPIC_LABELS = ("politics", "sport", "business", "tech", "health", "science", "entertainment", "travel", "food",
                "education", "crime", "weather", "religion", "autos", "real_estate", "energy")
_TICKETS = ("I was charged twice for my March invoice", "can't log in after resetting my password", "the export "
            "button does nothing on Safari", "when will my parcel arrive? it's been 9 days", "please cancel my "
            "subscription at the end of the month", "I want to change the email on my account", "someone logged in "
            "from a country I've never been to", "would be great if you supported dark mode", "refund for the "
            "damaged item please", "app crashes when I open settings", "how do I add a second user?")
_HEADLINES = ("Council approves new bus lanes despite protests", "Striker's late goal sends club top of the table",
              "Chipmaker shares jump after earnings beat", "Heatwave warning issued for the weekend", "Study links "
              "short naps to better memory", "Streaming giant raises prices again", "Rail strike called off after "
              "late-night talks", "New electric hatchback priced under 25,000", "House prices fall for third month",
              "Ancient shipwreck found off the coast", "Wind farm output hits record high")


def label_text(rng: random.Random, kind: str) -> str:
    if kind == "ticket":
        return " ".join(rng.sample(_TICKETS, rng.randint(1, 2)))
    return rng.choice(_HEADLINES) + rng.choice(("", ".", " - live updates", " (video)"))


def label_prompt(kind: str, text: str, style: int) -> str:
    labels = TICKET_LABELS if kind == "ticket" else TOPIC_LABELS
    if style == 0:
        return f"Classify into one of: {', '.join(labels)}.\nText: {text}\nLabel:"
    if style == 1:
        return f"Which category fits best? Options: {' | '.join(labels)}. Reply with the category only.\n\n{text}"
    return f"{text}\n\nCategory ({'/'.join(labels)}):"


# ---- ad copy ----
AD_BRIEF = ("Write a Google Ads headline (max 30 characters) for {p}. Audience: {a}.", "Give one Instagram caption for "
            "{p}, playful tone, one emoji max.", "Subject line for an email announcing {p} to {a}. Under 50 chars.",
            "Write a 90-character product tagline for {p}.")
_PRODUCTS = ("a refillable deodorant", "a budgeting app for couples", "oat-milk ice cream", "a language-exchange "
             "meetup", "noise-reducing ear plugs", "a used-bike marketplace", "a meal kit for students")
_AUDIENCES = ("new parents", "students", "remote workers", "runners over 40", "small landlords")


def ad_brief(rng: random.Random) -> str:
    return rng.choice(AD_BRIEF).format(p=rng.choice(_PRODUCTS), a=rng.choice(_AUDIENCES))


# ---- data-analysis agent ----
AGENT_SYS = ("You are a data analyst agent connected to the user's warehouse. Explore the schema before querying, "
             "keep queries read-only, and finish with a short written answer and the final SQL.")
TOOL_NAMES = ("list_tables", "describe_table", "run_sql", "make_chart")
AGENT_TASKS = ("Why did {dom} revenue dip last week?", "Which {dom} segment grew fastest this quarter?", "Find "
               "anomalies in daily {dom} volume for the last 30 days.", "Build a weekly retention table for {dom}.",
               "What share of {dom} records have missing values, by column?", "Top 10 {dom} entities by growth, "
               "with a chart.")


def agent_tools(api: str) -> list[dict[str, Any]]:
    params = {"type": "object", "properties": {"sql": {"type": "string"}, "table": {"type": "string"}}}
    if api == ANTH:
        return [{"name": n, "description": n.replace("_", " "), "input_schema": params} for n in TOOL_NAMES]
    if api == RESP:
        return [{"type": "function", "name": n, "parameters": params} for n in TOOL_NAMES]
    return [{"type": "function", "function": {"name": n, "parameters": params}} for n in TOOL_NAMES]


def agent_step(rng: random.Random, dom: str, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of an analysis in domain `dom`."""
    tables = [t.split("(")[0].strip(", ") for t in V.SCHEMAS[dom].split("), ")]
    if k == 0:
        return "list_tables", {}, ", ".join(tables) if realistic else "ok"
    if k == 1:
        t = rng.choice(tables)
        cols = V.SCHEMAS[dom].split(t + "(", 1)[-1].split(")")[0]
        return "describe_table", {"table": t}, cols if realistic else "ok"
    t = rng.choice(tables)
    sql = (f"SELECT date_trunc('{rng.choice(('day', 'week'))}', {rng.choice(('created_at', 'ts', 'started'))}) AS d, "
           f"count(*) FROM {t} GROUP BY 1 ORDER BY 1 DESC LIMIT {rng.choice((10, 30, 100))}")
    if rng.random() < 0.15:
        return "make_chart", {"sql": sql}, "chart_id=ch_" + f"{rng.getrandbits(32):08x}"
    if not realistic:
        return "run_sql", {"sql": sql}, "[]"
    rows = "\n".join(f"2026-0{rng.randint(1, 3)}-{rng.randint(10, 28)} | {rng.randint(10, 9000)}"
                     for _ in range(rng.randint(3, 12)))
    return "run_sql", {"sql": sql}, "d | count\n" + rows
