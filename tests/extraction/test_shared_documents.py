"""Round 16: one long document pasted by a few accounts of different tenants (documents.py).

A long-context harvester splits each document's questions over accounts: every agreement of its corpus is pasted by
three accounts hours apart, each asking its own few questions, so that no account asks many questions about one
document. The document is the pipeline's work item, and it reaches the gateway under several tenants. A firm's
associates paste the firm's own agreements (each document under one tenant), and a public text is pasted by many."""

from __future__ import annotations

import random
from zlib import crc32

from gateway.extraction import scoring
from gateway.extraction.detector import Detector
from gateway.extraction.documents import DOC_MEMBERS, DOC_MIN_GRAMS, DocumentTable
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import chat, event

T0 = 1_767_225_600.0
HOUR = 3600.0
CLAUSES = ("Term. The agreement runs for {m} months from the start date and renews for {m} more",
           "Fees. The Customer pays EUR {f} a month, invoiced in advance",
           "Late payment. Interest accrues at {r} percent a month on overdue amounts",
           "Service levels. Availability below {s} percent earns a credit of {c} percent",
           "Termination. Either party may end it with {n} days written notice",
           "Subcontracting. The Supplier may subcontract with {d} days prior notice",
           "Liability. Liability is capped at {k} times the fees paid in the last year",
           "Confidentiality. Each party keeps the other's information secret for {y} years",
           "Governing law. The agreement is governed by the law of {law}",
           "Data protection. Personal data is processed only on documented instructions",
           "Audit. The Customer may audit the Supplier once a year on {d} days notice",
           "Assignment. Neither party may assign the agreement without consent")
QUESTIONS = ("What credit is owed if availability was 98 percent last month?",
             "What is the last day the Customer can give notice?", "How much interest is due on a late invoice?",
             "Can the Supplier bring in a subcontractor without asking?", "What is the most the Customer could recover?",
             "Which law governs a dispute?", "How long does confidentiality last after the end?",
             "May the Customer audit twice in one year?", "Can the Supplier assign the agreement to its parent?")
WRAPS = ("Based only on the agreement below, answer: {q}\n\n{doc}", "{doc}\n\nQuestion about the agreement above: {q}",
         "I'm reviewing this contract for a client.\n---\n{doc}\n---\n{q}")
EVERYDAY = ("what should i cook tonight with leeks", "how do i get a stain out of a wool jumper",
            "any tips for a long train journey with a toddler", "suggest a name for a reading group")


def agreement(rng: random.Random) -> str:
    """A numbered agreement with its own reference and drawn values (about a dozen long lines)."""
    clauses = list(CLAUSES)
    rng.shuffle(clauses)
    slots = {"m": rng.choice((12, 24, 36)), "f": rng.randint(8, 90) * 250, "r": rng.choice((0.5, 1, 1.5)),
             "s": rng.choice((99.5, 99.9)), "c": rng.choice((2, 5, 10)), "n": rng.choice((30, 60, 90)),
             "d": rng.choice((14, 30)), "k": rng.choice((1, 2)), "y": rng.choice((2, 3, 5)),
             "law": rng.choice(("Sweden", "Ireland", "Singapore"))}
    body = "\n".join(f"{i}. {c.format(**slots)}." for i, c in enumerate(clauses, 1))
    return f"MASTER SERVICES AGREEMENT (ref. MSA-{rng.getrandbits(28):07x})\n\n{body}"


def paste(rng: random.Random, doc: str, q: str) -> dict:
    return chat(rng.choice(WRAPS).format(q=q, doc=doc))


def harvest(rng: random.Random, accounts: int, docs: int, takers: int = 3) -> list[tuple]:
    """A pipeline: each document goes to `takers` accounts (each its own tenant) hours apart, each asking its own
    few questions in one conversation (the document pasted in the first turn)."""
    rows = []
    for _ in range(docs):
        doc, t = agreement(rng), T0 + rng.uniform(0, 60 * HOUR)
        for j, k in enumerate(rng.sample(range(accounts), takers)):
            rows.append((t + j * rng.uniform(2, 6) * HOUR, f"docqa-{k}", f"tenant-docqa-{k}",
                         paste(rng, doc, rng.choice(QUESTIONS)), rng.randint(300, 1100)))
    return rows


def firm(rng: random.Random, accounts: int, matters: int) -> list[tuple]:
    """A law firm: each account pastes its own agreements (a third come back a day later for more questions)."""
    rows = []
    for k in range(accounts):
        for _ in range(matters):
            doc, t = agreement(rng), T0 + rng.uniform(0, 60 * HOUR)
            for start in [t] + ([t + 30 * HOUR] if rng.random() < 0.33 else []):
                rows.append((start, f"firm-{k}", f"tenant-firm-{k}", paste(rng, doc, rng.choice(QUESTIONS)),
                             rng.randint(200, 1000)))
    return rows


def chatter(rng: random.Random, accounts: int) -> list[tuple]:
    return [(T0 + rng.uniform(0, 60 * HOUR), f"chat-{a}", f"tenant-chat-{a}", chat(rng.choice(EVERYDAY)),
             rng.randint(80, 300)) for a in range(accounts) for _ in range(rng.randint(6, 12))]


def replay(det: Detector, rows: list[tuple]) -> Detector:
    """Every account from an address of its own (no client-metadata links between them). A row is (ts, principal,
    tenant, body, output tokens), with the API as a sixth field where it is not chat completions."""
    for t, p, tenant, body, out, *api in sorted(rows, key=lambda r: (r[0], r[1])):
        h = crc32(p.encode())
        det.observe(event(p, t, body, api=api[0] if api else "openai.chat.completions", tenant=tenant,
                          output_tokens=out, ip=f"10.{h % 251}.{h >> 8 & 255}.7"))
    det.tick(max(r[0] for r in rows))
    return det


def test_a_pasted_agreement_is_a_document_whatever_question_wraps_it() -> None:
    rng = random.Random(1)
    doc = agreement(rng)
    a = event("a", T0, paste(rng, doc, QUESTIONS[0])).quote_grams
    b = event("b", T0, chat(f"{doc}\n\nQuestion about the agreement above: {QUESTIONS[5]}")).quote_grams
    assert len(a) >= DOC_MIN_GRAMS and len(b) >= DOC_MIN_GRAMS
    table = DocumentTable(1000)
    sa, sb, sc = (PrincipalState(event(p, T0, chat("x"))) for p in ("a", "b", "c"))
    table.note(sa, "t1", a)
    table.note(sb, "t2", b)
    assert list(sa.docs[2:]) == list(sb.docs[2:])  # one document, two wrappers
    other = event("c", T0, paste(rng, agreement(rng), QUESTIONS[0])).quote_grams
    table.note(sc, "t3", other)
    assert list(sc.docs[2:]) != list(sa.docs[2:])  # another agreement, the same clause titles: another document
    assert table.split(sa.docs, "a", "t1")[0] == 1 and table.split(sc.docs, "c", "t3")[0] == 0


def test_short_prompts_and_prose_are_no_documents() -> None:
    assert len(event("a", T0, chat("How much interest is due on an invoice paid 20 days late?")).quote_grams) \
        < DOC_MIN_GRAMS
    prose = " ".join(c.format(m=12, f=1000, r=1, s=99.9, c=5, n=30, d=14, k=2, y=3, law="Sweden") + "."
                     for c in CLAUSES)
    assert len(event("a", T0, chat(prose)).quote_grams) < DOC_MIN_GRAMS  # one paragraph: no grams


def test_a_pipeline_splitting_each_document_over_accounts_is_flagged_and_a_firm_is_not(monkeypatch) -> None:
    def run() -> Detector:
        rng = random.Random(7)
        return replay(Detector(), harvest(rng, 11, 120) + firm(rng, 4, 40) + chatter(rng, 150))

    det = run()
    pipeline = [det.principal_detail(f"docqa-{k}") for k in range(11)]
    assert all(d["signals"]["split_documents"] >= 3 for d in pipeline)
    assert all(d["evidence"]["shared_documents"] >= 0.5 for d in pipeline)
    assert sum(det.verdict(f"docqa-{k}").status != "ok" for k in range(11)) >= 10
    assert any("shared_documents" in d["reasons"] for d in pipeline)
    # The firm pastes as much, and its agreements come back for more questions, but each stays under one tenant.
    firm_details = [det.principal_detail(f"firm-{k}") for k in range(4)]
    assert all(d["signals"]["split_documents"] == 0 for d in firm_details)
    assert all(det.verdict(f"firm-{k}").status == "ok" for k in range(4))
    assert all(det.verdict(f"chat-{a}").status == "ok" for a in range(150))
    # Without the term, nothing else sees the pipeline (its questions and answer lengths are the firm's).
    monkeypatch.setattr(scoring, "W_DOCS", 0.0)
    det = run()
    assert sum(det.verdict(f"docqa-{k}").status != "ok" for k in range(11)) == 0


def test_colleagues_of_one_tenant_sharing_a_document_are_not_a_pipeline() -> None:
    rng, det = random.Random(3), Detector()
    rows = [(t, p, "tenant-acme", body, out) for t, p, _, body, out in harvest(rng, 11, 120)]
    replay(det, rows + chatter(rng, 50))
    assert all(det.principal_detail(f"docqa-{k}")["signals"]["split_documents"] == 0 for k in range(11))
    assert all(det.verdict(f"docqa-{k}").status == "ok" for k in range(11))


def test_a_document_many_accounts_paste_is_popular_content_not_a_split() -> None:
    # A handout (a licence, a course's assignment) pasted by a whole class: once more than DOC_MEMBERS accounts have
    # pasted it, it counts for none of them, the first few included.
    rng = random.Random(5)
    table = DocumentTable(1000)
    doc = agreement(rng)
    states = [PrincipalState(event(f"s{k}", T0, chat("x"))) for k in range(DOC_MEMBERS + 3)]
    for k, st in enumerate(states[:3]):
        table.note(st, f"t{k}", event(st.principal, T0, paste(rng, doc, QUESTIONS[k])).quote_grams)
    assert table.split(states[0].docs, "s0", "t0")[0] == 1  # three accounts of three tenants: split so far
    for k, st in enumerate(states[3:], 3):
        table.note(st, f"t{k}", event(st.principal, T0, paste(rng, doc, QUESTIONS[k % 9])).quote_grams)
    assert all(table.split(st.docs, st.principal, f"t{k}")[0] == 0 for k, st in enumerate(states))


def test_the_table_is_bounded() -> None:
    rng = random.Random(9)
    table = DocumentTable(50)
    st = PrincipalState(event("a", T0, chat("x")))
    for _ in range(200):
        table.note(st, "t", event("a", T0, paste(rng, agreement(rng), QUESTIONS[0])).quote_grams)
    assert len(table) <= 50
    assert len(st.docs) == 2 + 8 and st.docs[0] == 200  # two counts, then its ring: its last eight documents


def test_a_team_pasting_its_own_library_is_not_a_pipeline_even_under_separate_tenants() -> None:
    # Five colleagues, each with a key of their own, ask about their firm's six documents again and again: every
    # colleague pastes every document. The pipeline deals each document to three of its eleven accounts, another
    # three each time. Both split documents across tenants; only the pipeline covers its corpus that way.
    rng = random.Random(13)
    library = [agreement(rng) for _ in range(6)]
    team = [(T0 + rng.uniform(0, 60 * HOUR), f"staff-{k}", f"tenant-staff-{k}",
             paste(rng, rng.choice(library), rng.choice(QUESTIONS)), rng.randint(300, 900))
            for k in range(5) for _ in range(30)]
    det = replay(Detector(), team + harvest(rng, 11, 120) + chatter(rng, 50))
    staff = [det.principal_detail(f"staff-{k}") for k in range(5)]
    assert all(d["signals"]["split_documents"] >= 3 for d in staff)  # they do share documents across tenants ...
    assert all(d["signals"]["document_overlap"] >= 0.75 for d in staff)  # ... every colleague every document
    assert all(d["evidence"]["shared_documents"] == 0.0 for d in staff)
    assert all(det.verdict(f"staff-{k}").status == "ok" for k in range(5))
    pipeline = [det.principal_detail(f"docqa-{k}") for k in range(11)]
    assert all(d["signals"]["document_overlap"] <= 0.45 for d in pipeline)
    assert sum(det.verdict(f"docqa-{k}").status != "ok" for k in range(11)) >= 10


def test_either_sign_of_a_library_alone_clears_a_team(monkeypatch) -> None:
    # Two signs that documents are an organisation's own, each enough: every colleague on every document (overlap),
    # and pastes returning to a document the account pasted before (a pipeline deals each document to an account
    # once). With both rules off, the same team would get the evidence.
    rng = random.Random(17)
    library = [agreement(rng) for _ in range(6)]
    team = [(T0 + rng.uniform(0, 60 * HOUR), f"staff-{k}", f"tenant-staff-{k}",
             paste(rng, rng.choice(library), rng.choice(QUESTIONS)), rng.randint(300, 900))
            for k in range(5) for _ in range(30)]

    def staff_evidence() -> list[float]:
        det = replay(Detector(), team + chatter(rng, 30))
        return [det.principal_detail(f"staff-{k}")["evidence"]["shared_documents"] for k in range(5)]

    off = (2.0, 3.0)  # a ramp no share reaches: the rule is off
    monkeypatch.setattr(scoring, "COHORT_OVERLAP", off)
    assert all(e == 0.0 for e in staff_evidence())  # returning documents alone
    monkeypatch.setattr(scoring, "RETURNING_DOCS", off)
    assert all(e >= 0.5 for e in staff_evidence())  # neither: the team looks like a pipeline
    monkeypatch.undo()
    monkeypatch.setattr(scoring, "RETURNING_DOCS", off)
    assert all(e == 0.0 for e in staff_evidence())  # the overlap alone


def test_a_document_sent_in_an_anthropic_document_block_is_read_like_a_pasted_one() -> None:
    # The caller sent the text either way: packaging a document as a `document` block (text source) hides it from no
    # feature. A pipeline whose accounts use document blocks is the same pipeline.
    rng = random.Random(21)
    doc = agreement(rng)
    block = {"model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": [{"role": "user", "content": [
        {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": doc}},
        {"type": "text", "text": QUESTIONS[0]}]}]}
    pasted = chat(f"{doc}\n\n{QUESTIONS[0]}")
    a = event("a", T0, block, api="anthropic.messages")
    b = event("b", T0, pasted)
    assert len(a.quote_grams) >= DOC_MIN_GRAMS and set(a.quote_grams) == set(b.quote_grams)
    assert a.problem == b.problem and a.problem != 0  # every text feature sees the document, not only the grams
    # A PDF or image source carries no text here.
    pdf = {"model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": [{"role": "user", "content": [
        {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0xLjQK"}},
        {"type": "text", "text": QUESTIONS[0]}]}]}
    assert event("c", T0, pdf, api="anthropic.messages").quote_grams == ()


def test_the_pipeline_is_grouped_as_one_campaign_through_its_documents() -> None:
    # No template, client or timing links them: the documents they were dealt are the coordination.
    rng = random.Random(23)
    det = replay(Detector(), harvest(rng, 11, 120) + firm(rng, 4, 40) + chatter(rng, 60))
    camp_ids = {det.verdict(f"docqa-{k}").campaign_id for k in range(11)}
    assert len(camp_ids) == 1 and None not in camp_ids
    camp = det.campaign(camp_ids.pop())
    assert camp is not None and len(camp["members"]) == 11
    assert "shared_documents" in str(camp)  # the link kind is listed as the campaign's evidence
    assert all(det.verdict(f"firm-{k}").campaign_id is None for k in range(4))


def test_an_account_returns_to_its_documents_from_a_tenth_of_eight_or_more_pastes() -> None:
    # Round 19: what keeps a teacher marking class sets out of a campaign's script (test_scripted_block.py).
    st = PrincipalState(event("teacher", T0, chat("hello")))
    for doc in range(7):
        st.add_document(doc)
    st.add_document(3)  # back to a recent document: 1 of 8 pastes
    assert st.returns_to_documents()
    fresh = PrincipalState(event("grader", T0, chat("hello")))
    for doc in range(40):
        fresh.add_document(doc)  # a new document every time
    assert not fresh.returns_to_documents()
    few = PrincipalState(event("newcomer", T0, chat("hello")))
    for doc in (1, 1, 1):
        few.add_document(doc)
    assert not few.returns_to_documents(), "three pastes say nothing yet"
