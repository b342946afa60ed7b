"""Agent environments for the `v9` variant (attacks_v9.py, personas_v9.py): web pages as accessibility trees for
browser agents, a desktop/spreadsheet tool set, data-analysis tasks and a Python tool. Written blind, like
corpus_v9.py; shared by the agentic campaign and the benign QA and analyst personas.
"""

from __future__ import annotations

import random

from benchmarks.traffic.corpus_v9 import PLACES, PRODUCTS

# ---- browser agents: pages as accessibility trees ----
SITES = {
    "webshop": ("Search products", "Add to basket", "Basket (2)", "Checkout", "Delivery address", "Pay now"),
    "hr_portal": ("Leave requests", "New request", "Start date", "End date", "Submit", "My payslips"),
    "airline": ("From", "To", "Depart", "Search flights", "Select fare", "Add bag", "Continue"),
    "gov_form": ("Personal details", "National ID", "Upload document", "Declaration checkbox", "Send application"),
    "cms_admin": ("Posts", "New post", "Title", "Body", "Schedule", "Publish", "Media library"),
    "bank": ("Accounts", "Statements", "Download CSV", "Dispute transaction", "Card settings", "Freeze card"),
}
WEB_TASKS = {
    "webshop": "Buy the cheapest {prod} with next-day delivery to {place}.",
    "hr_portal": "Book {n} days of leave starting next Monday and download last month's payslip.",
    "airline": "Find a flight from {place} to {place2} next Friday and add one checked bag.",
    "gov_form": "Fill in the residence-permit renewal form and upload the scanned passport.",
    "cms_admin": "Schedule the draft post about the {prod} launch for 9 am tomorrow.",
    "bank": "Download last month's statement and dispute the duplicate charge from {place}.",
}
ROLES = ("button", "link", "textbox", "combobox", "checkbox", "heading")


def page(rng: random.Random, site: str) -> str:
    els = rng.sample(SITES[site], rng.randint(3, len(SITES[site])))
    lines = [f"RootWebArea \"{site.replace('_', ' ')}\""] + [
        f"  [{rng.randint(10, 400)}] {rng.choice(ROLES)} \"{e}\"" for e in els]
    return "\n".join(lines)


def web_task(rng: random.Random, site: str) -> str:
    return WEB_TASKS[site].format(prod=rng.choice(PRODUCTS), place=rng.choice(PLACES), place2=rng.choice(PLACES),
                                  n=rng.randint(2, 9))


BROWSER_SYS = ("You operate a web browser for the user. Each turn you get the task, the current page as an "
               "accessibility tree and the actions taken so far. Reply with the JSON object only.")
BROWSER_SCHEMA = {"type": "json_schema", "json_schema": {"name": "browser_step", "strict": True, "schema": {
    "type": "object", "additionalProperties": False, "required": ["page_summary", "plan", "action"], "properties": {
        "page_summary": {"type": "string"}, "plan": {"type": "string"}, "action": {
            "type": "object", "properties": {"kind": {"type": "string", "enum": [
                "click", "type", "scroll", "navigate", "done"]}, "element": {"type": "integer"},
                "text": {"type": "string"}}}}}}}
DESK_TOOLS = [{"name": n, "description": d, "input_schema": {"type": "object", "properties": {
    p: {"type": "string"} for p in ps}, "required": list(ps)}} for n, d, ps in (
    ("open_app", "Open a desktop application", ("name",)), ("click", "Click at a labelled control", ("label",)),
    ("type_text", "Type into the focused field", ("text",)), ("read_cells", "Read a spreadsheet range", ("range",)),
    ("write_cells", "Write values to a range", ("range", "values")), ("save_file", "Save the document", ("path",)))]
DESK_TASKS = ("Copy the March totals from the bank export into the VAT workbook and save it.",
              "Fill the depreciation schedule for the three new assets and save a PDF copy.",
              "Reconcile the petty-cash sheet against the receipts folder and flag differences.")
DATA_INSTR = ("You are a data analyst. Use run_python to inspect the files; report findings with the figures that "
              "support them.")
DATA_TASKS = ("Reconcile bank.csv against ledger.csv for {m} and list unmatched items.",
              "Find likely duplicate supplier invoices in ledger.csv.", "Check the VAT return figures for Q{q}.",
              "Age the receivables in ledger.csv and estimate an expected-loss allowance.",
              "Find expense outliers by account for {m}.")
PY_TOOL = [{"type": "function", "name": "run_python", "description": "Run Python in a sandbox with the files.",
            "parameters": {"type": "object", "properties": {"code": {"type": "string"}}, "required": ["code"]}}]
