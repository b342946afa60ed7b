"""Round 11: an application's interface is code, a data generator draws one per example (interface churn); an
answer given to one tenant's account fed back in as another tenant's prompt joins the two (relayed answers)."""

from __future__ import annotations

import random
from pathlib import Path

import orjson

from gateway.extraction.answers import COMMON_OWNERS, AnswerTable, Relay, answer_sketch, quote_grams
from gateway.extraction.detector import Detector
from gateway.extraction.replay import replay
from tests.extraction.helpers import FX, event

T0 = 1_767_225_600.0
FIELDS = ["shipper", "consignee", "port_of_loading", "port_of_discharge", "goods", "incoterm", "weight_kg",
          "hs_code", "invoice_no", "currency", "total", "vessel"]
DOC = "BILL OF LADING\nShipper: Okafor Trading Ltd\nConsignee: Almaty Agro LLP\nPort of loading: Santos\nGoods: {i} cartons"


def schema_request(fields: list[str], i: int, api: str = "openai.chat.completions") -> dict:
    props = {f: {"type": "string"} for f in fields}
    schema = {"name": "doc", "strict": True, "schema": {"type": "object", "properties": props}}
    text = f"Extract the fields of this document into the schema.\n\n{DOC.format(i=i)}"
    if api == "openai.responses":
        return {"model": "gpt-4.1", "input": text, "text": {"format": {"type": "json_schema", **schema}}}
    return {"model": "gpt-4.1", "messages": [{"role": "user", "content": text}],
            "response_format": {"type": "json_schema", "json_schema": schema}, "temperature": 0}


def test_a_structured_output_generator_drawing_a_schema_per_request_is_flagged() -> None:
    # A field subset drawn at random per request. (Until round 14 it was FIELDS[(i * 5 + k * 7) % 12]: the same 12
    # schemas in turn, which is a pipeline's own set coming round again -- see test_returning_interfaces.py.)
    det, t, rng = Detector(), T0, random.Random(11)
    for i in range(60):
        fields = rng.sample(FIELDS, 3 + i % 4)
        fields += [f"{f}_justification" for f in fields]  # a companion reason per field
        det.observe(event("generator", t, schema_request(fields, i), output_tokens=600))
        t += 300.0
    v = det.verdict("generator")
    assert v.status == "flag" and "interface_churn" in v.reasons, det.principal_detail("generator")


def test_a_document_pipeline_with_a_fixed_schema_per_document_type_is_not() -> None:
    # Two document types, one schema each; the customs broker's schema has a justification per field too.
    det, t = Detector(), T0
    invoice = FIELDS[:6]
    customs = FIELDS[6:] + [f"{f}_justification" for f in FIELDS[6:]]
    for i in range(200):
        det.observe(event("pipeline", t, schema_request(invoice if i % 3 else customs, i, "openai.responses"),
                          api="openai.responses", output_tokens=600))
        t += 120.0
    d = det.principal_detail("pipeline")
    assert d is not None and d["evidence"]["interface_churn"] == 0.0 and det.verdict("pipeline").status == "ok"


def erp_tools(names: list[str]) -> list[dict]:
    return [{"type": "function", "function": {"name": n, "parameters": {
        "type": "object", "properties": {"id": {"type": "string"}}}}} for n in names]


CATALOGUE = ["get_order", "list_orders", "refund", "create_invoice", "match_po", "get_stock", "reserve_stock",
             "ship", "email_customer", "open_ticket", "close_ticket", "get_supplier", "pay_supplier", "credit_note"]


def run_loops(det: Detector, who: str, menus: list[list[str]], episodes: int = 60, steps: int = 5) -> None:
    """Chat-completions tool loops: the task, then bare tool calls and results, the whole history resent."""
    t = T0
    for e in range(episodes):
        tools = erp_tools(menus[e % len(menus)])
        msgs: list[dict] = [{"role": "system", "content": "You are an operations agent."},
                            {"role": "user", "content": f"Customer {e} says order {1000 + e} arrived broken."}]
        for k in range(steps):
            det.observe(event(who, t, {"model": "gpt-4.1", "messages": list(msgs), "tools": tools, "temperature": 0},
                              output_tokens=60))
            msgs += [{"role": "assistant", "content": None, "tool_calls": [{"id": f"c{e}{k}", "type": "function",
                      "function": {"name": "get_order", "arguments": "{}"}}]},
                     {"role": "tool", "tool_call_id": f"c{e}{k}", "content": f"order {1000 + e}: status shipped"}]
            t += 5.0
        t += 1200.0


def test_tool_loops_with_a_new_menu_per_task_are_interface_churn_where_menu_churn_is_diluted() -> None:
    # Tool-calling format distillation: each episode a random menu from a catalogue, several steps each.
    det = Detector()
    menus = [[CATALOGUE[(e * 3 + k * 5) % len(CATALOGUE)] for k in range(6 + e % 5)] for e in range(60)]
    run_loops(det, "format_harvester", menus)
    d = det.principal_detail("format_harvester")
    assert d is not None and d["evidence"]["menu_churn"] < 0.3  # one new menu per five tool requests
    assert det.verdict("format_harvester").status == "flag" and "interface_churn" in d["reasons"], d


def test_a_production_agent_with_its_own_tools_is_not() -> None:
    det = Detector()
    run_loops(det, "erp_agent", [CATALOGUE[:10]], episodes=120)
    run_loops(det, "helpdesk", [CATALOGUE[:6], CATALOGUE[6:12]], episodes=120)  # two products, one key
    for who in ("erp_agent", "helpdesk"):
        d = det.principal_detail(who)
        assert d is not None and d["evidence"]["interface_churn"] == 0.0 and det.verdict(who).status == "ok"


def test_the_sketch_sees_structured_answers_and_not_prose() -> None:
    strings = [f"Your order number {i} has shipped and will arrive on Tuesday." for i in range(10)]
    answer = orjson.dumps({"translations": strings}).decode()
    sketch = answer_sketch(answer)
    assert 2 <= len(sketch) <= 16
    relay = quote_grams("Translate the JSON array below into English.\n\n" + orjson.dumps(strings).decode())
    assert set(sketch) <= set(relay)  # the whole answer is in the prompt
    prose = "That depends mostly on what you need it for. In short, yes, but with one caveat. " * 10
    assert answer_sketch(prose) == () and quote_grams(prose) == ()
    assert quote_grams("What is the capital of France?") == ()


SNIPPET = ("static boolean isPalindrome(String s) {\n    String t = s.replaceAll(\"[^A-Za-z]\", \"\").toLowerCase();\n"
           "    return new StringBuilder(t).reverse().toString().equals(t);\n}\n")


def test_an_account_quoting_an_answer_it_was_given_itself_relays_nothing_whoever_got_the_same_text_since() -> None:
    """A teacher sends one of its own quiz variants back for the answer key; another account of another tenant
    happened to be given the same text in between. Round 20."""
    table, sketch = AnswerTable(), answer_sketch("Variants:\n" + SNIPPET)
    table.note("teacher", "school", sketch)
    table.note("stranger", "elsewhere", sketch)
    prompt = quote_grams("Answer key: full solution to this one\n" + SNIPPET)
    assert table.relayed("teacher", "school", prompt).source is None
    assert table.relayed("third", "other", prompt).source == "stranger"  # a third party quoting it still relays


def test_text_given_to_many_accounts_is_common_text_and_relays_nothing() -> None:
    """A stock snippet in the answers of COMMON_OWNERS accounts says nothing about who feeds whom. Round 20."""
    table, sketch = AnswerTable(), answer_sketch("Here it is:\n" + SNIPPET)
    prompt = quote_grams("Port this to Kotlin:\n" + SNIPPET)
    for i in range(COMMON_OWNERS - 1):
        table.note(f"acct{i}", f"t{i}", sketch)
    assert table.relayed("sender", "ts", prompt).source == f"acct{COMMON_OWNERS - 2}"
    table.note("one-more", "tx", sketch)
    assert table.relayed("sender", "ts", prompt).source is None


def test_an_answer_that_many_accounts_relay_is_common_text_and_its_earlier_links_are_taken_back() -> None:
    """One list given to one account, pasted whole by COMMON_OWNERS accounts of other tenants: a stock list people
    happen to paste, not a pipeline's next stage (a pipeline feeds an answer to one or two). Round 21."""
    table, sketch = AnswerTable(), answer_sketch("Test messages:\n" + SNIPPET)
    table.note("owner", "t0", sketch)
    prompt = quote_grams("Solve this:\n" + SNIPPET)
    firsts = tuple(f"r{i}" for i in range(COMMON_OWNERS - 1))
    for r in firsts:
        assert table.relayed(r, f"t-{r}", prompt) == Relay("owner")
    assert table.relayed(firsts[0], "t-r0", prompt) == Relay("owner")  # the same relayer again counts once
    assert table.relayed("last", "t-last", prompt) == Relay(None, ("owner", firsts))
    assert table.relayed("later", "t-later", prompt) == Relay(None)  # common from now on


def test_the_detector_undoes_the_links_of_an_answer_that_turned_common() -> None:
    det = Detector()

    def ask(who: str, ts: float, text: str, answer: str = "") -> None:
        body = {"model": "gpt-4.1", "messages": [{"role": "user", "content": text}]}
        det.observe(FX.describe("openai.chat.completions", body, who, ts, tenant=f"t-{who}", answer=answer))

    ask("owner", T0, "Write test messages for our assistant", answer="Here are test messages:\n" + SNIPPET)
    relayers = [f"r{i}" for i in range(COMMON_OWNERS)]
    for i, r in enumerate(relayers):
        ask(r, T0 + 60 * (i + 1), "Solve this:\n" + SNIPPET)
        if i < COMMON_OWNERS - 1:  # a relay, until the answer turns common
            assert det._states[r].relays == ["owner"] and r in det._states["owner"].relays
    for who in (*relayers, "owner"):
        assert det._states[who].relays is None and det._states[who].w_relay == 0.0


def translations(k: int) -> list[str]:
    return [f"Batch {k} line {j}: the parcel leaves the depot on Tuesday morning." for j in range(12)]


def write_log(path: Path, relay_tenant: str) -> None:
    """Account a (tenant ta) translates batches; account b (tenant `relay_tenant`) sends a's answers back as its
    source text (a round trip); c quotes one line of an answer, the way a person asks about it."""
    recs, t = [], T0
    for k in range(8):
        strings = translations(k)
        src = {"model": "gpt-4.1", "messages": [{"role": "user", "content": "Translate each string into Kazakh. "
               "Return JSON.\n\n" + orjson.dumps([s.upper() for s in strings]).decode()}], "temperature": 0}
        recs.append({"ts": t, "principal": "a", "tenant": "ta", "api": "openai.chat.completions", "request": src,
                     "usage": {"input_tokens": 300, "output_tokens": 300},
                     "response_text": orjson.dumps({"translations": strings}).decode()})
        back = {"model": "gpt-4.1", "messages": [{"role": "user", "content": "Translate each string into English. "
                "Return JSON.\n\n" + orjson.dumps(strings).decode()}], "temperature": 0}
        recs.append({"ts": t + 3600, "principal": "b", "tenant": relay_tenant, "api": "openai.chat.completions",
                     "request": back, "usage": {"input_tokens": 300, "output_tokens": 300}})
        quote = {"model": "gpt-4.1", "messages": [{"role": "user", "content": f'Is "{strings[0]}" natural English?'}]}
        recs.append({"ts": t + 3700, "principal": "c", "tenant": "tc", "api": "openai.chat.completions",
                     "request": quote, "usage": {"input_tokens": 30, "output_tokens": 60}})
        t += 7200
    recs.sort(key=lambda r: r["ts"])
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))


def test_answers_fed_back_in_by_another_tenant_flag_both_ends_of_the_relay(tmp_path: Path) -> None:
    write_log(tmp_path / "traffic.jsonl", relay_tenant="tb")
    det = Detector()
    replay(tmp_path / "traffic.jsonl", progress=False, detector=det)
    for who in ("a", "b"):
        d = det.principal_detail(who)
        assert d is not None and d["signals"]["relayed_answers"] >= 2 and det.verdict(who).status == "flag", d
    assert det.verdict("c").status == "ok"  # one line of an answer is a question about it, not a relay


def test_a_colleague_reusing_an_answer_inside_one_organisation_is_no_relay(tmp_path: Path) -> None:
    write_log(tmp_path / "traffic.jsonl", relay_tenant="ta")
    det = Detector()
    replay(tmp_path / "traffic.jsonl", progress=False, detector=det)
    for who in ("a", "b"):
        d = det.principal_detail(who)
        assert d is not None and d["signals"]["relayed_answers"] == 0.0 and det.verdict(who).status == "ok"


def test_accounts_relaying_each_others_answers_form_one_campaign(tmp_path: Path) -> None:
    # Back-translation mining over six accounts of six tenants: each account's answers become the next one's
    # source text an hour later. Nothing else links them (own clients, own templates, no shared timing).
    recs, t = [], T0
    for k in range(10):
        for i in range(6):
            strings = [f"Round {k} account {i} line {j}: the parcel leaves the depot on Tuesday." for j in range(12)]
            body = {"model": "gpt-4.1", "temperature": 0, "messages": [{"role": "user", "content": "Translate each "
                    f"string into language {i}. Return JSON.\n\n" + orjson.dumps([s.upper() for s in strings]).decode()}]}
            recs.append({"ts": t + i * 97, "principal": f"m{i}", "tenant": f"t{i}", "api": "openai.chat.completions",
                         "request": body, "usage": {"input_tokens": 300, "output_tokens": 300},
                         "client": {"ip": f"10.{i}.0.1", "user_agent": f"client-{i}"},
                         "response_text": orjson.dumps({"translations": strings}).decode()})
            back = {"model": "gpt-4.1", "temperature": 0, "messages": [{"role": "user", "content": "Translate each "
                    "string into English. Return JSON.\n\n" + orjson.dumps(strings).decode()}]}
            nxt = (i + 1) % 6
            recs.append({"ts": t + 3600 + i * 89, "principal": f"m{nxt}", "tenant": f"t{nxt}",
                         "api": "openai.chat.completions", "request": back,
                         "usage": {"input_tokens": 300, "output_tokens": 300},
                         "client": {"ip": f"10.{nxt}.0.1", "user_agent": f"client-{nxt}"}})
        t += 5 * 3600
    recs.sort(key=lambda r: r["ts"])
    (tmp_path / "traffic.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    det = Detector()
    replay(tmp_path / "traffic.jsonl", progress=False, detector=det)
    camps = det.campaigns()
    assert len(camps) == 1, camps
    camp = det.campaign(camps[0]["campaign"])
    assert camp is not None and camp["members"] == [f"m{i}" for i in range(6)]
    assert "relayed_answers" in camp["evidence"], camp
    assert all(det.verdict(f"m{i}").status == "flag" for i in range(6))
