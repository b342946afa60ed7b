"""Text pools for the `v11` variant, continued (see corpus_v11.py; written blind the same way): small functions and
diffs in eight programming languages, the unit-test and code-review grid, shipping and lab documents with their
JSON schemas, translation sentences in twelve languages, and a back-office (ERP) tool catalogue."""

from __future__ import annotations

import random

# ---- code: functions and diffs ----
PROG_LANGS = ("Go", "TypeScript", "Rust", "Kotlin", "Python", "C#", "Ruby", "Swift")
TEST_FW = {"Go": "testing", "TypeScript": "vitest", "Rust": "cargo test", "Kotlin": "JUnit 5", "Python": "pytest",
           "C#": "xUnit", "Ruby": "RSpec", "Swift": "XCTest"}
ARCHETYPES = ("parse_duration", "paginate", "retry_with_backoff", "lru_get", "round_money", "ranges_overlap",
              "slugify", "token_bucket_allow", "split_csv_line", "merge_intervals")
EDGE_CASES = ("empty input", "unicode input", "boundary values", "concurrent callers", "malformed input",
              "very large input")
_SIG = {
    "Go": "func {f}({a} string) ({r}, error) {{", "TypeScript": "export function {f}({a}: string): {r} {{",
    "Rust": "pub fn {f}({a}: &str) -> Result<{r}, Error> {{", "Kotlin": "fun {f}({a}: String): {r} {{",
    "Python": "def {f}({a}: str) -> {r}:", "C#": "public static {r} {F}(string {a}) {{",
    "Ruby": "def {f}({a})", "Swift": "func {f}(_ {a}: String) throws -> {r} {{",
}
_END = {"Python": "", "Ruby": "end"}
_BODY = ("if {a} is empty: return default", "parts = split({a}, ',')", "for each part: trim and validate",
         "total += value * unit", "if total > limit: raise overflow", "cache[key] = result",
         "sleep(base * 2**attempt)",
         "sort by start; merge when next.start <= cur.end", "return normalise(result)", "lock(); defer unlock()")


def _camel(s: str) -> str:
    return "".join(w.title() for w in s.split("_"))


def function(rng: random.Random, lang: str | None = None, arch: str | None = None) -> str:
    lang = lang or rng.choice(PROG_LANGS)
    arch = arch or rng.choice(ARCHETYPES)
    f = arch if lang in ("Python", "Ruby", "Rust") else arch.split("_")[0] + _camel(arch)[len(arch.split("_")[0]):]
    sig = _SIG[lang].format(f=f, F=_camel(arch), a="input", r=rng.choice(("int", "string", "bool", "List")))
    indent = "    "
    body = [indent + ("# " if lang in ("Python", "Ruby") else "// ") + line.format(a="input")
            for line in rng.sample(_BODY, rng.randint(3, 6))]
    end = _END.get(lang, "}")
    return "\n".join([sig, *body, end] if end else [sig, *body])


def diff(rng: random.Random, lang: str | None = None) -> str:
    lang = lang or rng.choice(PROG_LANGS)
    ext = {"Go": "go", "TypeScript": "ts", "Rust": "rs", "Kotlin": "kt", "Python": "py", "C#": "cs", "Ruby": "rb",
           "Swift": "swift"}[lang]
    path = f"{rng.choice(('src', 'pkg', 'lib', 'app'))}/{rng.choice(('billing', 'auth', 'search', 'export'))}/" \
           f"{rng.choice(ARCHETYPES)}.{ext}"
    ctx_a, old, new, add, ctx_b = (s.format(a=rng.choice(("raw", "input", "s", "line"))) for s in rng.sample(_BODY, 5))
    ln = rng.randint(10, 300)
    return (f"--- a/{path}\n+++ b/{path}\n@@ -{ln},6 +{ln},7 @@\n   {ctx_a}\n-  {old}\n+  {new}\n+  {add}\n   {ctx_b}")


# ---- shipping, trade and lab documents, and the schemas to extract them ----
_GOODS = ("frozen shrimp, 20 x 1 kg cartons", "cotton T-shirts, assorted sizes", "lithium-ion batteries UN3480",
          "ceramic floor tiles", "used auto parts", "pharmaceutical intermediates (non-hazardous)",
          "coffee beans, green")
_PORTS = ("Rotterdam", "Jebel Ali", "Santos", "Mombasa", "Chittagong", "Tema", "Laem Chabang", "Busan", "Valencia")
_PARTIES = ("Okafor Trading Ltd", "Almaty Agro LLP", "Tashkent Textile JV", "Colombo Spice Exports",
            "Skopje Ceramics DOOEL", "Addis Coffee PLC", "Nordlicht GmbH", "Pacific Rim Logistics")
DOC_TYPES = ("bill of lading", "commercial invoice", "customs declaration", "lab report", "purchase order")


def trade_doc(rng: random.Random, kind: str | None = None) -> str:
    kind = kind or rng.choice(DOC_TYPES)
    if kind == "lab report":
        rows = "\n".join(f"{a:<14}{rng.uniform(0.1, 300):8.2f} {u:<8} ref {lo}-{hi}" for a, u, lo, hi in rng.sample(
            (("Sodium", "mmol/L", 135, 145), ("Potassium", "mmol/L", 3.5, 5.1), ("Creatinine", "umol/L", 60, 110),
             ("ALT", "U/L", 7, 56), ("Hb", "g/L", 120, 170), ("CRP", "mg/L", 0, 5), ("Glucose", "mmol/L", 3.9, 5.6)),
            rng.randint(4, 7)))
        ward = rng.choice(("ED", "ICU", "OPD", "Renal"))
        return (f"LABORATORY REPORT  Sample {rng.randint(10**6, 10**7)}  Collected {rng.randint(1, 28)}/0"
                f"{rng.randint(1, 9)}/2026\nPatient ID: P{rng.randint(10000, 99999)}  Ward: {ward}\n{rows}\n"
                f"Comment: {rng.choice(('haemolysed sample', 'repeat requested', 'none', 'fasting'))}")
    lines = "\n".join(f"{i + 1}  {rng.choice(_GOODS):<44} qty {rng.randint(1, 900):>4}  "
                      f"{rng.choice(('USD', 'EUR', 'KZT', 'ETB'))} {rng.uniform(100, 90000):,.2f}"
                      for i in range(rng.randint(2, 6)))
    a, b = rng.sample(_PARTIES, 2)
    p1, p2 = rng.sample(_PORTS, 2)
    return (f"{kind.upper()}  No. {rng.choice('ABCX')}{rng.randint(100000, 999999)}\nShipper: {a}\nConsignee: {b}\n"
            f"Port of loading: {p1}   Port of discharge: {p2}\nIncoterms: {rng.choice(('FOB', 'CIF', 'DAP', 'EXW'))}"
            f"   HS: {rng.randint(1000, 9999)}.{rng.randint(10, 99)}\n{lines}\n"
            f"Gross weight {rng.randint(200, 24000)} kg."
            f" {rng.choice(('Freight prepaid.', 'Freight collect.', 'Said to contain.', 'Shipper load and count.'))}")


EXTRACT_NOTE = ("Extract the fields of this {k} into the schema. Per our audit procedure, each justification field "
                "records where the value was found and why it was classified that way.")


def schema(rng: random.Random, kind: str, with_reasons: bool, fixed: bool = False) -> dict:
    """A strict JSON schema for `kind`; with_reasons adds a justification next to every field, and unless `fixed`
    the field names and the schema name are drawn (the schema of a pipeline stays the same)."""
    base = {"bill of lading": ("shipper", "consignee", "port_of_loading", "port_of_discharge", "goods"),
            "commercial invoice": ("seller", "buyer", "currency", "total", "incoterms", "lines"),
            "customs declaration": ("declarant", "hs_code", "origin", "customs_value", "risk_flags"),
            "lab report": ("sample_id", "analytes", "abnormal", "critical_values", "comment"),
            "purchase order": ("buyer", "supplier", "lines", "delivery_terms", "total")}[kind]
    fields = list(base) if fixed else rng.sample(base, rng.randint(3, len(base)))
    props: dict = {f: {"type": "string"} for f in fields}
    if with_reasons:
        key = "justification" if fixed else \
            rng.choice(("justification", "why", "evidence_note", "basis", "rationale_text"))
        for f in fields:
            props[f"{f}_{key}"] = {"type": "string"}
    name = f"{kind.replace(' ', '_')}_extraction" if fixed else \
        f"{rng.choice(('doc', 'ocr', 'ingest', 'rec', 'item'))}_{rng.getrandbits(16):04x}"
    return {"name": name, "strict": True, "schema": {"type": "object", "properties": props,
                                                      "required": list(props), "additionalProperties": False}}


# ---- translation: sentences in twelve languages ----
TR_LANGS = ("en", "yo", "kk", "am", "uz", "si", "mk", "gu", "ml", "zu", "km", "mn")
TR_NAMES = {"en": "English", "yo": "Yoruba", "kk": "Kazakh", "am": "Amharic", "uz": "Uzbek", "si": "Sinhala",
            "mk": "Macedonian", "gu": "Gujarati", "ml": "Malayalam", "zu": "Zulu", "km": "Khmer", "mn": "Mongolian"}
SENTENCES = {
    "en": ("Your order has shipped and will arrive on Tuesday.", "Please restart the device before trying again.",
           "The clinic is closed on public holidays.", "Payment failed. Check your card details.",
           "The river flooded the lower fields last spring.", "Save your work before closing the window.",
           "Children under twelve travel free.", "Your password must be at least ten characters long.",
           "Tap here to add another account.", "We could not find a match for your search.",
           "Your appointment is confirmed for 9:30."),
    "yo": ("A ti fi ẹrù rẹ ránṣẹ́, yóò dé ní ọjọ́ Ìṣẹ́gun.", "Jọ̀wọ́ tún ẹ̀rọ náà bẹ̀rẹ̀.",
           "Ilé ìwòsàn ti pa ní ọjọ́ ìsinmi."),
    "kk": ("Тапсырысыңыз жіберілді, сейсенбіде жетеді.", "Қайталап көрмес бұрын құрылғыны қайта іске қосыңыз.",
           "Төлем сәтсіз аяқталды."),
    "am": ("ትዕዛዝዎ ተልኳል፣ ማክሰኞ ይደርሳል።", "እባክዎ መሣሪያውን እንደገና ያስጀምሩ።", "ክሊኒኩ በበዓላት ቀናት ዝግ ነው።"),
    "uz": ("Buyurtmangiz jo'natildi, seshanba kuni yetib keladi.", "Iltimos, qurilmani qayta ishga tushiring.",
           "To'lov amalga oshmadi."),
    "si": ("ඔබේ ඇණවුම යවා ඇත, අඟහරුවාදා ලැබෙනු ඇත.", "කරුණාකර උපාංගය නැවත ආරම්භ කරන්න.", "ගෙවීම අසාර්ථක විය."),
    "mk": ("Вашата нарачка е испратена и ќе пристигне во вторник.", "Ве молиме рестартирајте го уредот.",
           "Клиниката не работи на празници."),
    "gu": ("તમારો ઓર્ડર મોકલાઈ ગયો છે.", "કૃપા કરીને ઉપકરણ ફરી શરૂ કરો.", "ચુકવણી નિષ્ફળ ગઈ."),
    "ml": ("നിങ്ങളുടെ ഓർഡർ അയച്ചു.", "ദയവായി ഉപകരണം പുനരാരംഭിക്കുക.", "പണമടയ്ക്കൽ പരാജയപ്പെട്ടു."),
    "zu": ("I-oda yakho ithunyelwe.", "Sicela uqale kabusha idivayisi.", "Inkokhelo ayiphumelelanga."),
    "km": ("ការបញ្ជាទិញរបស់អ្នកត្រូវបានផ្ញើ។", "សូមចាប់ផ្តើមឧបករណ៍ឡើងវិញ។", "ការទូទាត់បានបរាជ័យ។"),
    "mn": ("Таны захиалга илгээгдсэн.", "Төхөөрөмжөө дахин асаана уу.", "Төлбөр амжилтгүй боллоо."),
}
TR_FILE_ASK = ("Translate the values of this {s} string file into {t} for the app. Keep placeholders. Return JSON "
               "{{\"translations\": [...]}} in key order.")
UI_KEYS = ("checkout.shipped", "device.restart_hint", "clinic.holiday_closed", "payment.failed", "editor.save_prompt",
           "fares.child_free", "auth.password_rules", "news.flood_headline")


_DECOR = ("{s}", "{s}", "{s}", "%1$s: {s}", "{s} ({n})", "[{n}] {s}", "{s} {{count}}", "<b>{s}</b>")


def sentence_batch(rng: random.Random, src: str, k: int) -> list[str]:
    """k strings in `src`: pool sentences, as UI strings and scraped text carry them (placeholders, ids, markup)."""
    pool = SENTENCES[src]
    return [rng.choice(_DECOR).format(s=rng.choice(pool), n=rng.randint(1, 999)) for _ in range(k)]


# ---- back-office (ERP) agent tools ----
_ERP = (("get_order", ("order_id",)), ("list_orders", ("customer_id", "status")),
        ("issue_refund", ("order_id", "amount")), ("check_stock", ("sku", "warehouse")),
        ("reserve_stock", ("sku", "qty")), ("create_po", ("supplier_id", "sku", "qty")),
        ("get_invoice", ("invoice_id",)), ("post_journal", ("account", "amount", "memo")),
        ("lookup_customer", ("email",)), ("update_address", ("customer_id", "address")),
        ("schedule_pickup", ("order_id", "date")), ("get_exchange_rate", ("from", "to")),
        ("hold_shipment", ("shipment_id", "reason")), ("escalate", ("team", "summary")),
        ("send_email", ("to", "subject", "body")), ("get_supplier", ("supplier_id",)),
        ("apply_credit", ("customer_id", "amount")), ("match_invoice", ("invoice_id", "po_id")),
        ("list_returns", ("since",)), ("close_ticket", ("ticket_id", "note")))
ERP_TASKS = ("Customer {e} says order {o} arrived broken. Sort it out.", "Three-way match invoice {i} against its PO "
             "and flag differences.", "Stock for SKU {s} is low in the {w} warehouse. Reorder if needed.",
             "Refund the shipping on {o}; the customer is a gold member.", "Post the month-end FX revaluation for "
             "the {c} account.", "Find all returns since Monday over $500 and escalate the suspicious ones.")


def erp_tools(rng: random.Random, k: int | None = None, fixed: bool = False, chat: bool = False) -> list[dict]:
    """Function tools from the catalogue: the first 10 (a product's set) or k drawn at random."""
    chosen = _ERP[:10] if fixed else rng.sample(_ERP, k or rng.randint(6, 14))
    out = []
    for name, args in chosen:
        params = {"type": "object", "properties": {a: {"type": "string"} for a in args}, "required": list(args),
                  "additionalProperties": False}
        if chat:
            out.append({"type": "function", "function": {"name": name, "parameters": params, "strict": True}})
        else:
            out.append({"type": "function", "name": name, "parameters": params, "strict": True})
    return out


def erp_task(rng: random.Random) -> str:
    email = f"{rng.choice(('ana', 'kofi', 'dana', 'li'))}{rng.randint(1, 99)}@mail.example"
    return rng.choice(ERP_TASKS).format(e=email,
                                        o=f"SO-{rng.randint(100000, 999999)}", i=f"INV-{rng.randint(10000, 99999)}",
                                        s=f"{rng.choice('ABCDEFG')}{rng.randint(1000, 9999)}",
                                        w=rng.choice(("Leeds", "Almaty", "Lagos", "Austin")),
                                        c=rng.choice(("EUR receivables", "KZT payables", "NGN cash")))


def erp_result(rng: random.Random, name: str) -> str:
    status = rng.choice(("open", "shipped", "held", "matched", "mismatch", "done"))
    return f'{{"ok": true, "name": "{name}", "id": "{rng.getrandbits(32):08x}", "status": "{status}", ' \
           f'"amount": {rng.uniform(5, 4000):.2f}}}'
