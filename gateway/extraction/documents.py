"""Shared documents (round 16): one long document pasted by a few accounts of different tenants.

Long-context harvesting splits a document's questions over accounts, so that no account asks many questions about
one document and none repeats one: each agreement, transcript or report of the operator's corpus is pasted by two to
four accounts, each asking its share of the question list or summarising it at its own granularity. The pipeline's
work item is the document, and it reaches the gateway under several tenants. An organisation's documents stay in
the organisation -- a firm's associates paste the firm's agreements, a notes product summarises its customers'
meetings under its own key -- and a public text that many people paste (a licence, a famous article, a course's
handout) is pasted by many, not by a few.

A prompt is a *document* when it has at least `DOC_MIN_GRAMS` grams (answers.py: three consecutive segments of at
least 16 characters, cut at line breaks and quotes -- a numbered agreement, a transcript, a log; prose in one line
has none). The table keeps a bottom-k sketch of each document's first pasting (`DOC_SKETCH` smallest grams) and the
accounts that pasted it (`DOC_MEMBERS` at most, with their tenants; more is *popular*). A later prompt holding at
least half of a document's sketch is that document again, whatever question or instruction wraps it. The account
remembers its last `DOC_RING` documents (`PrincipalState.docs`, only for accounts that paste documents); a document
is *split* when another account of another tenant (or, tenants unknown, another account) pasted it too and no more
than `DOC_SPLIT_MAX` accounts did. The evidence (`scoring`, `shared_documents`) needs several split documents that
are most of the account's documents: an analyst who once pastes a report a partner also received is not a pipeline.

**Teams** (the cohort principle of problems.py, round 10). Staff who each have their own key (even their own tenant)
paste their firm's few documents again and again, every colleague every document: over an account's split documents
the *overlap* of their other pasters -- the mean number of other accounts pasting each, over the number of other
accounts pasting any -- is near 1 (`blind-v11`'s `doc_qa_users`: 0.75-1.0). A pipeline deals each document to a few of
its accounts, another few each time (`blind-v16`'s `doc_qa_harvest` 0.2, `blind-v15`'s `summary_distill` 0.36-0.38).
The evidence fades out as the overlap rises (`COHORT_OVERLAP`, 0.6 -> 0.75, the problems' ramp). The hole: a pipeline
that deals every document to the same few accounts is a team by this measure.
For documents nothing is added to the hot path: the grams are the `quote_grams` the feature event already carries.

**Passages** (round 22). A scraped corpus of short texts -- reviews, abstracts, clinical notes, clauses -- is a
document corpus too: `blind-v26`'s harvest sent the same scraped texts from accounts of several tenants as JSON
records, embeddings and labels with their probabilities. A passage is the longest paragraph of the prompt (cut at
blank lines) when it has at least `PASSAGE_CHARS` characters, or of each of an embedding request's first
`EMBED_INPUTS` inputs; its crc32 is its identity (`FeatureEvent.passages`, `passage_hashes`: 1-7 us on the hot path).
A prompt that is a document by its grams is not read for passages, and a passage counts only when a program reads the
answer (`machine_read`: vectors, a record in a declared schema or through tools, label probabilities -- what a student
model is trained on). Counting every passage flagged v26's annotator-agreement study (students reading the model's
label for the same items, a twin by design) and v25's trainers and studios (shared briefs and exercises). Passages
join the table and the account's ring as documents do, so split, team overlap and returning documents treat them
alike; but a passage links no accounts into a campaign (`groups`): a short text reaches unrelated accounts by itself
-- teachers of different schools paste the same exercise -- where a long document crossing tenants is a work item.

**Images and infill** (round 23). `blind-v27` captioned one scraped image set in many styles, each image dealt to a
few accounts of different tenants, and cut holes in a scraped code corpus for fill-in-the-middle completions. An
image a user message carries (its URL or data: `image_ids`) is a passage whatever the answer is for, and so is the
file around an infill's hole (`infill_passages`, the longest paragraph of prompt and suffix: an editor reads the
answer). A program working one item several ways in a row -- every caption style of an image, every hole of a file --
makes one visit to it (`PrincipalState.add_visit`), so such work does not read as a library's returns. The hole:
an infill harvest whose holes fall in the file's longest paragraph alternates between two passages of one file.

**Scenarios** (round 24). `blind-v28` rented the teacher as the environment of the operator's own agent: the customer
of a task card, the engine of a text world, the opponent in a game, one short turn at a time with nothing long written
and no reasoning asked. The scenario is written into the system prompt, and each is rolled out on a few accounts of
different tenants hours apart: the work item crossing tenants, as a document is. So each paragraph (cut at blank
lines) of at least `PASSAGE_CHARS` of the system prompt of a request that *opens* a conversation (no assistant turn,
no `previous_response_id`) is a scenario passage (`scenario_passages`, the first `SCENARIO_PARAGRAPHS`; memoised with
the system prompt, so the hot path pays nothing for a product's one prompt) -- unless the request brings the text it
works on (a passage or a document: then the system prompt is the program's instruction). A scenario opened again
straight after itself (every rollout of a card in a row, a product's one prompt for every conversation) is the same
visit; one the account comes back to after others is a return, as a library's (a lab's benchmark tasks run after
run); and a popular paragraph -- a template's fixed rules, sent by more than a few accounts -- is no account's
document (`note_scenario`), or it would dilute the share of split ones. Split, team overlap and returns then read
scenarios as documents; like a passage, a scenario links no campaign. The holes: accounts that roll out their own
cards (the blunt scripts, a card on one key) share nothing, and a careful account's newest cards are not yet split
when they have not reached the other accounts (`blind-v28`'s user simulator: 24 of 32 ever flagged, 10 at the end).
"""

from __future__ import annotations

from array import array
from itertools import islice
from typing import TYPE_CHECKING, Any
from zlib import crc32

if TYPE_CHECKING:
    from gateway.extraction.features import FeatureEvent
    from gateway.extraction.state import PrincipalState

DOC_MIN_GRAMS = 8      # grams for a prompt to be a document (about ten long lines)
DOC_SKETCH = 16        # bottom-k grams kept per document
DOC_MATCH = 0.5        # a prompt is a document again when it holds this share of the document's sketch (and >= 2)
DOC_MEMBERS = 6        # accounts remembered per document: a few; one more makes it popular
DOC_SPLIT_MAX = DOC_MEMBERS  # a document pasted by more accounts is popular content, not a pipeline's work item
DOC_RING = 8           # the account's recent documents
DOC_OVERLAP_MIN = 2    # split documents before the overlap of their pasters says anything (two: one says nothing)
MAX_GRAMS = 200_000    # gram index bound: beyond it the older half is dropped (<= ~20 MB, as answers.py)
PASSAGE_CHARS = 120    # round 22: a paragraph this long is a passage (a review, an abstract, a clinical note)
EMBED_INPUTS = 8       # inputs of an embedding request read for passages
PASSAGE_TEXT_CHARS = 4000  # characters of a prompt read for passages
IMAGE_CHARS = 65_536   # round 23: characters of an image's URL or base64 data hashed
SCENARIO_PARAGRAPHS = 4  # round 24: paragraphs of a conversation's system prompt read as passages
PASSAGE = 1            # a table entry's size (third field) when it is a passage; a document's sketch has DOC_MIN_GRAMS+


def _passage(text: str) -> int:
    """crc32 of the text's longest paragraph (cut at blank lines) when it is a passage, else 0."""
    if len(text) < PASSAGE_CHARS:
        return 0
    text = text[:PASSAGE_TEXT_CHARS]
    para = max(text.split("\n\n"), key=len).strip() if "\n\n" in text else text.strip()
    return crc32(para.encode(errors="surrogatepass")) if len(para) >= PASSAGE_CHARS else 0


def scenario_passages(system: str) -> tuple[int, ...]:
    """Round 24: the passages of a system prompt -- each of its first SCENARIO_PARAGRAPHS paragraphs (cut at blank
    lines) of at least PASSAGE_CHARS characters -- counted when a conversation opens with it (see *Scenarios*)."""
    if len(system) < PASSAGE_CHARS:
        return ()
    out = []
    for para in system[:PASSAGE_TEXT_CHARS].split("\n\n"):
        para = para.strip()
        if len(para) >= PASSAGE_CHARS:
            out.append(crc32(para.encode(errors="surrogatepass")))
            if len(out) == SCENARIO_PARAGRAPHS:
                break
    return tuple(dict.fromkeys(out))


def machine_read(ev: FeatureEvent) -> bool:
    """Whether the answer is for a program rather than a reader: vectors, a record in a declared schema or through
    a tool, or label probabilities -- what a student model is trained on."""
    return ev.api == "openai.embeddings" or bool(ev.schema_hash) or ev.has_tools or ev.logprobs > 0


def passage_hashes(text: Any) -> tuple[int, ...]:
    """The passages of a prompt (a string) or of an embedding request's input (a string or a list): () for most."""
    if isinstance(text, str):
        h = _passage(text)
        return (h,) if h else ()
    if isinstance(text, list):
        return tuple(h for x in text[:EMBED_INPUTS] if isinstance(x, str) and (h := _passage(x)))
    return ()


def image_ids(content: Any) -> tuple[int, ...]:
    """crc32 of each image a user message carries (round 23): an OpenAI `image_url` / `input_image` part's URL or
    data URL, an Anthropic `image` block's URL or base64 data; () for a text message."""
    if not isinstance(content, list):
        return ()
    out = []
    for part in content:
        kind = part.get("type") if isinstance(part, dict) else None
        if not isinstance(kind, str) or "image" not in kind:
            continue
        ref = part.get("image_url") or part.get("source")
        if isinstance(ref, dict):
            ref = ref.get("url") or ref.get("data")
        if isinstance(ref, str) and ref:  # the first 64 KiB name an image: no megabyte hashed per request
            out.append(crc32(ref[:IMAGE_CHARS].encode(errors="surrogatepass")))
            if len(out) == EMBED_INPUTS:
                break
    return tuple(out)


def infill_passages(prompt: str, suffix: str) -> tuple[int, ...]:
    """The passage of a fill-in-the-middle request (round 23): the longest paragraph of the file around the hole,
    the same for every hole cut from one file outside that paragraph."""
    return passage_hashes(f"{prompt}\n\n{suffix}")


class DocumentTable:
    """Documents by id: [{principal: tenant} of the accounts that pasted it (capped), popular flag]; the gram index
    maps each sketch gram to the newest document that has it. Bounded: `max_docs` documents (oldest dropped first)
    and MAX_GRAMS index entries (older half dropped)."""

    __slots__ = ("_docs", "_grams", "_max_docs", "_serial", "_passages")

    def __init__(self, max_docs: int) -> None:
        self._docs: dict[int, list] = {}
        self._grams: dict[int, int] = {}
        self._max_docs = max_docs
        self._serial = 0
        self._passages: dict[int, int] = {}  # round 22: passage hash -> its document id

    def __len__(self) -> int:
        return len(self._docs)

    def note(self, st: PrincipalState, tenant: str | None, grams: tuple[int, ...]) -> None:
        """The account pasted a prompt with these grams (>= DOC_MIN_GRAMS of them): find the document it repeats
        or register a new one, and remember it for the account."""
        index = self._grams
        counts: dict[int, int] = {}
        for g in grams:
            d = index.get(g)
            if d is not None:
                counts[d] = counts.get(d, 0) + 1
        doc_id = -1
        for d, k in counts.items():
            entry = self._docs.get(d)
            if entry is not None and k >= 2 and k >= DOC_MATCH * entry[2]:
                doc_id = d
                break
        if doc_id < 0:
            sketch = sorted(set(grams))[:DOC_SKETCH]
            doc_id = self._new(st, tenant, len(sketch))
            for g in sketch:
                index[g] = doc_id
            if len(index) > MAX_GRAMS:
                self._grams = dict(islice(index.items(), len(index) - MAX_GRAMS // 2, None))
        else:
            self._join(st, tenant, doc_id)
        st.add_document(doc_id)

    def note_passage(self, st: PrincipalState, tenant: str | None, passage: int) -> None:
        """The account pasted (or embedded) this passage (round 22): the same document when the hash is known."""
        st.add_visit([self._passage_id(st, tenant, passage)])

    def note_scenario(self, st: PrincipalState, tenant: str | None, passages: tuple[int, ...]) -> None:
        """A conversation opened on these system-prompt paragraphs (round 24, *Scenarios*). The same scenario opened
        again straight after itself (every rollout of a card in a row, a product's one prompt) is the same visit; a
        scenario the account comes back to after others is a return, as a library's; a popular paragraph (a
        template's fixed rules, sent by more than a few accounts) is no account's document."""
        ids = [d for d in (self._passage_id(st, tenant, p) for p in passages) if not self._docs[d][1]]
        if ids:
            st.add_visit(ids)

    def _passage_id(self, st: PrincipalState, tenant: str | None, passage: int) -> int:
        doc_id = self._passages.get(passage)
        if doc_id is None or doc_id not in self._docs:
            self._passages[passage] = doc_id = self._new(st, tenant, PASSAGE)
            if len(self._passages) > MAX_GRAMS:
                self._passages = dict(islice(self._passages.items(), len(self._passages) - MAX_GRAMS // 2, None))
        else:
            self._join(st, tenant, doc_id)
        return doc_id

    def _new(self, st: PrincipalState, tenant: str | None, size: int) -> int:
        self._serial = doc_id = (self._serial + 1) & 0xFFFFFFFF
        self._docs[doc_id] = [{st.principal: tenant}, False, size]
        if len(self._docs) > self._max_docs:
            del self._docs[next(iter(self._docs))]
        return doc_id

    def _join(self, st: PrincipalState, tenant: str | None, doc_id: int) -> None:
        members, popular, _ = entry = self._docs[doc_id]
        if not popular and st.principal not in members:
            if len(members) >= DOC_MEMBERS:
                entry[1] = True  # pasted by more than a few accounts: popular content
            else:
                members[st.principal] = tenant

    def split(self, ring: array | None, principal: str, tenant: str | None) -> tuple[int, float]:
        """Over the account's remembered documents (`ring`: `PrincipalState.docs`, two counts then the ids): how many are split -- pasted by another account of another
        tenant (another account when a tenant is unknown), by no more than DOC_SPLIT_MAX accounts -- and the overlap
        of their other pasters (from DOC_OVERLAP_MIN split documents, else 0): the mean number of other accounts
        pasting each, over the number of other accounts pasting any. A team pasting its own library has every
        colleague on every document (near 1); a pipeline deals each document to a few of its accounts (0.2-0.4)."""
        if not ring:
            return 0, 0.0
        get = self._docs.get
        others: list[dict] = []
        for d in ring[2:]:
            entry = get(d)
            if entry is None or entry[1] or len(entry[0]) < 2:
                continue
            if any(p != principal and (tenant is None or t is None or t != tenant) for p, t in entry[0].items()):
                others.append(entry[0])
        if len(others) < DOC_OVERLAP_MIN:
            return len(others), 0.0
        union = set().union(*others)
        union.discard(principal)
        return len(others), sum(len(m) - (principal in m) for m in others) / (len(others) * max(1, len(union)))

    def groups(self, suspects: dict[str, PrincipalState]) -> list[list[str]]:
        """Campaign links: for each split document that two or more suspects pasted under different tenants (tenants
        unknown: different accounts), those suspects, in order (sorted, as the grouping needs)."""
        seen: set[int] = set()
        out: list[list[str]] = []
        for st in suspects.values():
            if not st.docs:
                continue
            for d in st.docs[2:]:
                if d in seen:
                    continue
                seen.add(d)
                entry = self._docs.get(d)
                if entry is None or entry[1] or entry[2] == PASSAGE:  # popular, or a passage: no link
                    continue
                members = sorted(p for p in entry[0] if p in suspects)
                tenants = {entry[0][p] for p in members}
                if len(members) >= 2 and (len(tenants) > 1 or None in tenants):
                    out.append(members)
        return out
