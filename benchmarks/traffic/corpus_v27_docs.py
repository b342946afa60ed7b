"""The material of the `v27` variant (see corpus_v27.py; written blind the same way: nothing here was tuned against a
detector result): what an operator scrapes and pushes through the teacher's newer surfaces, and what the benign
twins hold of their own. Each kind is drawn from parts, so that a few thousand of them rarely repeat, with the gold it
was built from, so that what the teacher sends back agrees with the input:

- source files (`code_file`): two or three functions of four archetypes (a filtered total, a moving average, a lower
  bound search, a retry with backoff) in Python, TypeScript, Go or Rust, under a repository path; `holes` cuts a
  file into fill-in-the-middle requests (prefix, suffix, the missing middle), one a line, in file order;
- photos (`photo`): a scene (subject, action, setting, time of day, shot, colours, text in the picture) behind a URL
  in a bucket or on a CDN, or a short base64 stub; `caption` writes it in one of the CAPTION_STYLES;
- products (`product`): a catalogue item with its attributes, for the e-commerce captioner;
- a shop's support policy (`POLICY`, long enough to be worth caching) and the tickets its customers send.

Nothing here imports another v27 module.
"""

from __future__ import annotations

import random
from typing import Any

Doc = tuple[str, dict[str, Any]]  # (text, gold)

# ---- source files ----
PROG = ("Python", "TypeScript", "Go", "Rust")
EXT = {"Python": "py", "TypeScript": "ts", "Go": "go", "Rust": "rs"}
_HEAD = {"Python": ('"""{n} helpers."""\n\nimport time\n', "import time\nfrom typing import Any\n"),
         "TypeScript": ("// {n} helpers\n", "/* utilities for {n} */\n"),
         "Go": ("package {n}\n\nimport (\n\t\"net/http\"\n\t\"time\"\n)\n", "// Package {n} has small helpers.\npackage {n}\n"),
         "Rust": ("use std::collections::HashMap;\nuse std::{thread, time::Duration};\n", "//! {n} helpers\n")}
_ARCH: dict[str, dict[str, str]] = {
    "total": {
        "Python": 'def {f}(items, limit={k}):\n    total = 0\n    for item in items:\n        if item["{x}"] > limit:\n'
                  '            total += item["{x}"]\n    return total\n',
        "TypeScript": "export function {F}(items: Record<string, number>[], limit = {k}): number {\n  let total = 0;\n"
                      "  for (const item of items) {\n    if (item.{x} > limit) {\n      total += item.{x};\n    }\n"
                      "  }\n  return total;\n}\n",
        "Go": "func {F}(items []map[string]float64, limit float64) float64 {\n\ttotal := 0.0\n\tfor _, item := range "
              "items {\n\t\tif item[\"{x}\"] > limit {\n\t\t\ttotal += item[\"{x}\"]\n\t\t}\n\t}\n\treturn total\n}\n",
        "Rust": "pub fn {f}(items: &[HashMap<String, f64>], limit: f64) -> f64 {\n    let mut total = 0.0;\n"
                "    for item in items {\n        if item[\"{x}\"] > limit {\n            total += item[\"{x}\"];\n"
                "        }\n    }\n    total\n}\n"},
    "window": {
        "Python": "def {f}(values, k={k}):\n    out = []\n    for i in range(len(values) - k + 1):\n"
                  "        window = values[i:i + k]\n        out.append(sum(window) / k)\n    return out\n",
        "TypeScript": "export function {F}(values: number[], k = {k}): number[] {\n  const out: number[] = [];\n"
                      "  for (let i = 0; i + k <= values.length; i++) {\n    const window = values.slice(i, i + k);\n"
                      "    out.push(window.reduce((a, b) => a + b, 0) / k);\n  }\n  return out;\n}\n",
        "Go": "func {F}(values []float64, k int) []float64 {\n\tout := []float64{}\n\tfor i := 0; i+k <= len(values); "
              "i++ {\n\t\tsum := 0.0\n\t\tfor _, v := range values[i : i+k] {\n\t\t\tsum += v\n\t\t}\n"
              "\t\tout = append(out, sum/float64(k))\n\t}\n\treturn out\n}\n",
        "Rust": "pub fn {f}(values: &[f64], k: usize) -> Vec<f64> {\n    values\n        .windows(k)\n"
                "        .map(|w| w.iter().sum::<f64>() / k as f64)\n        .collect()\n}\n"},
    "search": {
        "Python": "def {f}(sorted_{n}, target):\n    lo, hi = 0, len(sorted_{n})\n    while lo < hi:\n"
                  "        mid = (lo + hi) // 2\n        if sorted_{n}[mid] < target:\n            lo = mid + 1\n"
                  "        else:\n            hi = mid\n    return lo\n",
        "TypeScript": "export function {F}(sorted: number[], target: number): number {\n  let lo = 0;\n"
                      "  let hi = sorted.length;\n  while (lo < hi) {\n    const mid = (lo + hi) >> 1;\n"
                      "    if (sorted[mid] < target) lo = mid + 1;\n    else hi = mid;\n  }\n  return lo;\n}\n",
        "Go": "func {F}(sorted []int, target int) int {\n\tlo, hi := 0, len(sorted)\n\tfor lo < hi {\n"
              "\t\tmid := (lo + hi) / 2\n\t\tif sorted[mid] < target {\n\t\t\tlo = mid + 1\n\t\t} else {\n"
              "\t\t\thi = mid\n\t\t}\n\t}\n\treturn lo\n}\n",
        "Rust": "pub fn {f}(sorted: &[i64], target: i64) -> usize {\n    let (mut lo, mut hi) = (0, sorted.len());\n"
                "    while lo < hi {\n        let mid = (lo + hi) / 2;\n        if sorted[mid] < target {\n"
                "            lo = mid + 1;\n        } else {\n            hi = mid;\n        }\n    }\n    lo\n}\n"},
    "retry": {
        "Python": "def {f}(client, url, attempts={k}):\n    delay = 0.5\n    for attempt in range(attempts):\n"
                  "        try:\n            return client.get(url, timeout={t})\n        except TimeoutError:\n"
                  "            time.sleep(delay)\n            delay *= 2\n"
                  "    raise RuntimeError(\"{f} failed after retries\")\n",
        "TypeScript": "export async function {F}(url: string, attempts = {k}): Promise<Response> {\n  let delay = 500;\n"
                      "  for (let i = 0; i < attempts; i++) {\n    try {\n"
                      "      return await fetch(url, { signal: AbortSignal.timeout({t}000) });\n    } catch (err) {\n"
                      "      await new Promise((r) => setTimeout(r, delay));\n      delay *= 2;\n    }\n  }\n"
                      "  throw new Error(\"{f} failed\");\n}\n",
        "Go": "func {F}(c *http.Client, url string, attempts int) (*http.Response, error) {\n"
              "\tdelay := 500 * time.Millisecond\n\tvar err error\n\tfor i := 0; i < attempts; i++ {\n"
              "\t\tresp, e := c.Get(url)\n\t\tif e == nil {\n\t\t\treturn resp, nil\n\t\t}\n\t\terr = e\n"
              "\t\ttime.Sleep(delay)\n\t\tdelay *= 2\n\t}\n\treturn nil, err\n}\n",
        "Rust": "pub fn {f}(client: &Client, url: &str, attempts: u32) -> Result<Response, Error> {\n"
                "    let mut delay = Duration::from_millis(500);\n    let mut last = None;\n"
                "    for _ in 0..attempts {\n        match client.get(url).send() {\n"
                "            Ok(resp) => return Ok(resp),\n            Err(e) => last = Some(e),\n        }\n"
                "        thread::sleep(delay);\n        delay *= 2;\n    }\n    Err(last.unwrap())\n}\n"}}
ARCHETYPES = tuple(_ARCH)
_VERBS = {"total": ("sum", "total", "add_up", "tally"), "window": ("smooth", "rolling", "moving_avg", "average"),
          "search": ("first_at_least", "lower_bound", "find_slot", "bisect"), "retry": ("fetch", "get_with_retry",
                                                                                        "pull", "download")}
NOUNS = ("orders", "invoices", "sessions", "readings", "tickets", "shipments", "events", "rates", "payouts", "samples",
         "bookings", "claims")
_FIELDS = ("amount", "weight", "score", "latency", "total", "price", "qty", "duration")
REPOS = ("ledgerline/api", "tidepool/ingest", "northwind/ops", "quarry-labs/core", "brightpath/web", "kestrel/etl",
         "mossgrove/billing", "harbourlight/sync", "fernhill/metrics", "saltmarsh/tools")
_DIRS = {"Python": ("src", "app/services", "lib"), "TypeScript": ("src/lib", "packages/core/src", "web/src/utils"),
         "Go": ("internal", "pkg", "cmd/worker"), "Rust": ("src", "crates/core/src")}


def _fill(tpl: str, **slots: Any) -> str:
    for k, v in slots.items():
        tpl = tpl.replace("{" + k + "}", str(v))
    return tpl


def function(rng: random.Random, arch: str, lang: str, noun: str) -> tuple[str, str]:
    """(name, code) of one function of archetype `arch` in `lang` about `noun`."""
    f = f"{rng.choice(_VERBS[arch])}_{noun}"
    camel = f.split("_")[0] + "".join(w.title() for w in f.split("_")[1:])
    if lang == "Go":
        camel = camel[0].upper() + camel[1:]
    return f, _fill(_ARCH[arch][lang], f=f, F=camel, x=rng.choice(_FIELDS), k=rng.choice((3, 5, 7, 10, 25, 100)),
                    n=noun, t=rng.choice((2, 5, 10, 30)))


def code_file(rng: random.Random, lang: str | None = None) -> Doc:
    """A source file of 2-3 functions and its gold: language, path, function names and archetypes."""
    lang = lang or rng.choice(PROG)
    noun = rng.choice(NOUNS)
    archs = rng.sample(ARCHETYPES, rng.randint(2, 3))
    parts, names = [rng.choice(_HEAD[lang]).replace("{n}", noun)], []
    for a in archs:
        f, code = function(rng, a, lang, noun if rng.random() < 0.7 else rng.choice(NOUNS))
        names.append(f)
        parts.append(code)
    path = f"{rng.choice(REPOS)}/{rng.choice(_DIRS[lang])}/{noun}_{rng.randint(1, 99)}.{EXT[lang]}"
    return "\n\n".join(parts), {"lang": lang, "path": path, "names": names, "archetypes": archs}


def holes(text: str, size: int = 1) -> list[tuple[str, str, str]]:
    """The file's fill-in-the-middle cuts in file order: for each line with code on it (not a bare brace), the prefix
    up to that line's indentation, the suffix after `size` lines, and the missing middle."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        body = line.strip()
        if len(body) < 4 or body in ("} else {", "});") or i + size > len(lines):
            continue
        indent = line[:len(line) - len(line.lstrip())]
        pre = "\n".join(lines[:i] + [indent])
        mid = "\n".join([body] + lines[i + 1:i + size])
        out.append((pre, "\n" + "\n".join(lines[i + size:]), mid))
    return out


# ---- photos ----
SUBJECTS = ("a golden retriever", "two cyclists", "a red tram", "an elderly man with a cane", "a fruit seller",
            "a lighthouse", "three children", "a bowl of ramen", "a woman in a yellow raincoat", "a fishing boat",
            "a wind turbine", "a stack of old books", "a street musician", "a grey heron", "a delivery van",
            "a pair of hikers")
ACTIONS = ("waiting beside", "passing through", "resting in", "framed against", "moving across", "standing in")
SETTINGS = ("a rain-soaked street", "a harbour", "a snowy park", "a busy train platform", "a sunlit kitchen",
            "a mountain trail", "a night market", "an empty beach", "a field of sunflowers", "an old stone bridge",
            "a library reading room", "a construction site")
TIMES = ("at dawn", "at midday", "in the late afternoon", "at dusk", "at night")
SHOTS = ("close-up", "wide shot", "aerial view", "street-level photo", "portrait-orientation photo")
COLOURS = ("red and grey", "blue and gold", "green and brown", "black and white", "orange and teal", "pastel pink")
SIGNS = ("", "", "", 'a sign reading "OPEN"', 'a poster that says "SALE 50%"', 'a street sign for "Harbour Rd"',
         'a timetable showing "Platform 4"')
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_HEAD = {"image/png": "iVBORw0KGgoAAAANSUhEUgAA", "image/jpeg": "/9j/4AAQSkZJRgABAQAAAQABAAD",
             "image/webp": "UklGRlIAAABXRUJQVlA4IEYAAAAw"}


def scene(rng: random.Random) -> dict[str, Any]:
    return {"subject": rng.choice(SUBJECTS), "action": rng.choice(ACTIONS), "setting": rng.choice(SETTINGS),
            "time": rng.choice(TIMES), "shot": rng.choice(SHOTS), "colours": rng.choice(COLOURS),
            "sign": rng.choice(SIGNS), "people": rng.choice((0, 0, 1, 2, 3, 5))}


def b64_stub(rng: random.Random, media: str | None = None) -> tuple[str, str]:
    """(media type, data): a short base64 stub of an image (the log keeps the first bytes of an inline upload)."""
    media = media or rng.choice(tuple(_B64_HEAD))
    return media, _B64_HEAD[media] + "".join(rng.choice(_B64) for _ in range(rng.randint(24, 72)))


def bucket_url(bucket: str, seq: int, ext: str = "jpg") -> str:
    return f"https://{bucket}.s3.amazonaws.com/images/{seq:07d}.{ext}"


def cdn_url(rng: random.Random, host: str) -> str:
    return f"https://{host}/{rng.getrandbits(64):016x}.{rng.choice(('jpg', 'jpeg', 'png', 'webp'))}"


def photo(rng: random.Random, url: str | None = None, host: str = "img.pixelnest.net") -> Doc:
    """A photo: where it lives (a URL) and the scene it shows."""
    return url or cdn_url(rng, host), scene(rng)


CAPTION_STYLES = {
    "alt": "Write alt text for this image: one sentence, under 125 characters.",
    "detailed": "Describe this image in detail: subject, setting, colours, lighting and any visible text.",
    "social": "Write a short social media caption for this photo, with two or three hashtags.",
    "tags": "List 8 to 12 tags for this image, comma-separated, most specific first.",
    "dense": "Give a dense caption of this image: one line per region (foreground, middle, background, text).",
    "story": "Write one line of a children's picture book to go with this picture.",
    "news": "Write a news-photo caption for this image: who or what, where, when.",
    "question": "Write three questions a viewer could answer by looking at this image, with their answers.",
}
STYLES = tuple(CAPTION_STYLES)


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def caption(g: dict[str, Any], style: str) -> str:
    """The caption of scene `g` in `style` (what the teacher sends back for CAPTION_STYLES[style])."""
    core = f"{g['subject']} {g['action']} {g['setting']} {g['time']}"
    sign = f", with {g['sign']}" if g["sign"] else ""
    if style == "alt":
        return _cap(f"{core}{sign}.")[:125]
    if style == "detailed":
        return (f"A {g['shot']} of {core}. The palette is mostly {g['colours']}"
                f"{'; ' + str(g['people']) + ' people are visible' if g['people'] else ''}. The light suggests "
                f"{g['time'].split(' ', 1)[1]}{sign and '. In frame: ' + g['sign']}. The subject sits off-centre and "
                f"the background is slightly out of focus.")
    if style == "social":
        tags = " ".join("#" + w for w in (g["setting"].split()[-1], g["subject"].split()[-1], "photooftheday")[:3])
        return f"{_cap(core)} \u2728 {tags}"
    if style == "tags":
        words = [g["subject"].split()[-1], g["setting"].split()[-1], g["time"].split()[-1], g["shot"].split()[0],
                 *g["colours"].replace(" and ", " ").split(), "outdoor" if "room" not in g["setting"] else "indoor",
                 "people" if g["people"] else "no people", "photography"]
        return ", ".join(dict.fromkeys(words))
    if style == "dense":
        rows = [f"foreground: {g['subject']}", f"middle: {g['setting']}",
                f"background: {g['setting'].split()[-1]} {g['time']}", f"text: {g['sign'] or 'none'}"]
        return "\n".join(rows)
    if style == "story":
        return f"{_cap(g['time'])}, {g['subject']} was {g['action']} {g['setting']}, and everything was quiet."
    if style == "news":
        return f"{_cap(g['subject'])} is seen {g['action']} {g['setting']} {g['time']}. (Staff photo)"
    return (f"1. What is in the foreground? {_cap(g['subject'])}.\n2. What time of day is it? {_cap(g['time'])}.\n"
            f"3. Is there any text? {g['sign'] or 'No'}.")


# ---- products (the e-commerce captioner's) ----
_PRODUCTS = (("ceramic mug", ("matte black", "speckled cream", "sage green"), ("350 ml", "450 ml")),
             ("linen shirt", ("white", "navy", "olive"), ("S", "M", "L", "XL")),
             ("trail running shoe", ("grey/orange", "black", "blue"), ("EU 38", "EU 42", "EU 45")),
             ("desk lamp", ("brass", "white", "black"), ("30 cm", "45 cm")),
             ("wool throw", ("charcoal", "mustard", "rust"), ("130 x 170 cm",)),
             ("leather wallet", ("tan", "brown", "black"), ("bifold", "card holder")),
             ("glass teapot", ("clear",), ("0.8 l", "1.2 l")),
             ("backpack", ("forest green", "sand", "black"), ("20 l", "28 l")))


def product(rng: random.Random) -> Doc:
    """A catalogue item: its photo URL and attributes."""
    name, colours, sizes = rng.choice(_PRODUCTS)
    sku = f"SKU-{rng.randint(100000, 999999)}"
    url = f"https://cdn.shoply.com/p/{sku.lower()}/{rng.randint(1, 6)}.jpg"
    return url, {"name": name, "colour": rng.choice(colours), "size": rng.choice(sizes), "sku": sku,
                 "price": round(rng.uniform(9, 180), 2)}


def product_copy(g: dict[str, Any], style: str) -> str:
    if style == "title":
        return f"{_cap(g['colour'])} {g['name']} - {g['size']}"
    if style == "alt":
        return f"{_cap(g['colour'])} {g['name']} photographed on a plain background."
    return (f"Meet our {g['colour']} {g['name']} ({g['size']}). Made to last, easy to care for, and priced at "
            f"{g['price']:.2f}. Free returns within 30 days.")


# ---- a shop's support policy and its tickets ----
POLICY = "\n".join((
    "RETURNS AND REFUNDS POLICY (v{ver})",
    "1. Items may be returned within 30 days of delivery if unused and in original packaging. Sale items within 14.",
    "2. Refunds go to the original payment method within 5-10 business days of the return being received.",
    "3. Shipping fees are refunded only when the item arrived damaged, defective or was not what was ordered.",
    "4. Damaged items: the customer must report damage within 7 days with a photo; we send a prepaid label.",
    "5. Late deliveries: if an order arrives more than 10 days after the promised date, shipping is refunded.",
    "6. Warranty: electronics carry a 24-month warranty against defects; misuse and water damage are excluded.",
    "7. Gift cards, personalised items and opened hygiene products cannot be returned.",
    "8. Exchanges are free for a different size or colour of the same item, subject to stock.",
    "9. Customers in the EU may withdraw from a purchase within 14 days without giving a reason.",
    "10. Store credit may be offered instead of a refund only if the customer agrees to it.",
    "11. Orders paid by bank transfer are refunded by bank transfer; ask for the IBAN, never for card numbers.",
    "12. Agents may offer a goodwill voucher of up to 15% of the order value once per customer per year.",
    "13. Escalate to a supervisor: chargebacks, legal threats, suspected fraud, any refund above 500.",
    "14. Never promise delivery dates the carrier has not confirmed. Never share another customer's data.",
    "TONE: warm, brief, no jargon. Confirm the order number before acting. Sign off with the agent's first name."))
TICKET_ISSUES = ("arrived with a cracked lid", "has not arrived after {d} days", "was the wrong size",
                 "stopped working after {m} months", "was charged twice", "was a gift and I want to return it",
                 "is a sale item I no longer want", "arrived but one part is missing")
TICKET_ITEMS = ("kettle", "linen shirt", "headphones", "desk lamp", "backpack", "blender", "glass teapot",
                "trail running shoes", "gift card", "monogrammed towel set")


def ticket(rng: random.Random) -> Doc:
    item, issue = rng.choice(TICKET_ITEMS), rng.choice(TICKET_ISSUES)
    order = f"#{rng.randint(100000, 999999)}"
    text = (f"Hi, my order {order} - the {item} {issue.format(d=rng.randint(5, 30), m=rng.randint(2, 30))}. "
            f"{rng.choice(('What can you do?', 'I want a refund.', 'Can I exchange it?', 'Please help.', ''))}")
    return text.strip(), {"order": order, "item": item, "issue": issue}
