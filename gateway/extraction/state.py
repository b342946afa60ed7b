"""Bounded per-principal state: decayed counters, counted per request.

Everything here is O(1) in the number of requests an account has sent: counters decay with one
half-life, sets and lists are capped. `bytes_per_account` in the evaluation measures the result.
Round 16: the arrays' index layout lives in layout.py and the bounded sketches (rings, bitmaps, short
lists) in sketches.py, a mixin of `PrincipalState`; this module keeps the per-request counting.
"""

from __future__ import annotations

from array import array

from gateway.extraction.clusters import TopClusters
from gateway.extraction.features import FeatureEvent
from gateway.extraction.layout import (
    CAMPAIGN_SCORE,
    CATS,
    CLEARED_SCORE,
    CONFIRM_TS,
    DECAY_TS,
    DECAYED_END,
    EP_SIZE,
    EPISODE_END_TS,
    EPISODES,
    FINGERPRINT,
    FIRST_TS,
    GAP_M2,
    GAP_MEAN,
    GAP_N,
    HOURS,
    IP_PREFIX,
    LAST_API,
    LAST_KIND,
    LAST_TS,
    LEARNED_P,
    LOUD,
    QUIET,
    SCORE,
    SUSP_SYS,
    SUSP_TS,
    TOTAL,
    UA_HASH,
    W_AGENT,
    W_ANSWERED,
    W_API_SWITCH,
    W_CAMP,
    W_CHAIN_LONG,
    W_CONT,
    W_CUT,
    W_ELICIT,
    W_HARVEST,
    W_IFACE,
    W_IFACE_BACK,
    W_IFACE_SAMPLED,
    W_LONG,
    W_NARR,
    W_NEW_IFACE,
    W_NEW_MENU,
    W_OFF,
    W_OUT,
    W_REASON,
    W_REFUSED,
    W_RELAY,
    W_SHORT,
    W_SINGLE,
    W_TOOL_REASON,
    W_TOOLS,
    ZERO_INTS,
    ZERO_NUM,
    W,
)
from gateway.extraction.patterns import CAPABILITY_CATEGORIES, NARRATED
from gateway.extraction.sketches import TOOLSET_BITS, Sketches

SHORT_HALF_LIFE_S = 3600.0    # the burst counter's half-life
HARVEST_MIN_MAX_TOKENS = 200  # n / logprobs / hot repeats under a shorter cap are labels or one-liners ...
LABEL_MAX_TOKENS = 16         # ... unless several samples come with their token probabilities (round 12) over a cap
                              # above a label's or a score's few tokens
LONG_OUTPUT_TOKENS = 800      # "large max_tokens with long outputs"
LONG_MAX_TOKENS = 2000        # used when the output length is not known
OFF_HOURS_MIN_HISTORY = 48
OFF_HOURS_SHARE = 0.02
CLUSTER_MEMBERS = 256  # accounts remembered per template cluster
DECAY_MIN_DT = 120.0   # seconds: decay is applied at most once per this interval of event time
EPISODE_GAP_S = 6 * 3600.0  # a suspicious request this long after the previous one starts a new episode
EPISODE_MIN = 2        # suspicious requests for an episode to count (a stray one is not an episode)
LAPSE_S = 24 * 3600.0  # an episode has lapsed this long after its last suspicious request ...
LAPSE_REQUESTS = 5     # ... when the account has sent at least this many ordinary requests since,
LAPSE_ORDINARY = 0.5   # ... and they are most of its requests since
PROBLEM_MEMBERS = 32   # accounts remembered per problem
_MASK32 = 0xFFFFFFFF
OPEN_CHAINS = 4        # round 12: answers cut at their cap that the account may still continue (jobs interleave)
# An open chain's flags: its first request was fresh (single-turn) and elicited reasoning; its category above them.
ROOT_SINGLE_BIT, ROOT_REASON_BIT, ROOT_CAT_SHIFT = 2, 4, 8
CHAIN_CROSSED = 16     # count_chain's flag: the chain's pieces reached a long answer's size with this one
# Generation dialects (LAST_API holds the last one's code); embeddings are no dialect: a RAG app embeds
# before it asks, whatever API it asks on.
DIALECTS = {"openai.chat.completions": 1, "openai.completions": 2, "openai.responses": 3, "anthropic.messages": 4}


def _num(i: int) -> property:
    def get(self: PrincipalState) -> float:
        return self.num[i]

    def set_(self: PrincipalState, v: float) -> None:
        self.num[i] = v

    return property(get, set_)


def _int(i: int) -> property:
    def get(self: PrincipalState) -> int:
        return self.ints[i]

    def set_(self: PrincipalState, v: int) -> None:
        self.ints[i] = v

    return property(get, set_)


class PrincipalState(Sketches):
    """Everything the detector keeps about one account.

    Numbers live in two typed arrays (`num`, `ints`; index constants above), read and written by name
    through properties, by index on the per-event path. Examples and the timeline exist only for
    accounts that reached review. ~1 KB less per account than one attribute per number.
    """

    __slots__ = (
        "principal", "tenant", "key_id", "num", "ints", "recent", "clusters", "users", "slots",
        "examples", "timeline", "campaign_id", "status", "first_flagged_ts", "reasons", "decision",
        "allowlisted", "toolsets", "problems", "menus", "ifaces", "relays", "chains", "iface_seen", "docs",
        "returns", "branches",
    )

    w = _num(W)
    w_reason = _num(W_REASON)
    w_single = _num(W_SINGLE)
    w_harvest = _num(W_HARVEST)
    w_long = _num(W_LONG)
    w_off = _num(W_OFF)
    w_out = _num(W_OUT)
    w_elicit = _num(W_ELICIT)
    w_camp = _num(W_CAMP)
    w_agent = _num(W_AGENT)
    w_tools = _num(W_TOOLS)
    w_narr = _num(W_NARR)
    w_tool_reason = _num(W_TOOL_REASON)
    w_new_menu = _num(W_NEW_MENU)
    w_api_switch = _num(W_API_SWITCH)
    w_relay = _num(W_RELAY)          # round 11: requests relaying most of an answer given to another tenant
    w_iface = _num(W_IFACE)          # round 11: fresh requests declaring an interface (tool menu, output schema)
    w_new_iface = _num(W_NEW_IFACE)  # ... whose interface is none of the account's last IFACE_RING
    w_iface_sampled = _num(W_IFACE_SAMPLED)  # round 14: of those, the sampled ones (1 in 8 interfaces) ...
    w_iface_back = _num(W_IFACE_BACK)        # ... and the sampled ones the account had declared before (returning)
    w_short = _num(W_SHORT)
    first_ts = _num(FIRST_TS)
    last_ts = _num(LAST_TS)
    decay_ts = _num(DECAY_TS)
    gap_mean = _num(GAP_MEAN)
    gap_m2 = _num(GAP_M2)
    score = _num(SCORE)
    campaign_score = _num(CAMPAIGN_SCORE)
    cleared_score = _num(CLEARED_SCORE)
    confirm_ts = _num(CONFIRM_TS)  # last event time the score reached the threshold of the current status
    susp_ts = _num(SUSP_TS)        # event time of the last suspicious request (distillation subset or harvesting)
    episode_end_ts = _num(EPISODE_END_TS)  # event time of the last suspicious request of an episode that counts
    learned_p = _num(LEARNED_P)    # round 28: the learned re-scorer's probability (rescorer.py), when it is on
    total = _int(TOTAL)
    gap_n = _int(GAP_N)
    ip_prefix = _int(IP_PREFIX)
    ua_hash = _int(UA_HASH)
    fingerprint = _int(FINGERPRINT)
    episodes = _int(EPISODES)      # episodes of suspicious requests that reached EPISODE_MIN requests
    episode_size = _int(EP_SIZE)   # suspicious requests in the current episode
    quiet = _int(QUIET)            # ordinary requests (no elicitation, harvesting, long answer) since episode_end_ts
    loud = _int(LOUD)              # the other requests since episode_end_ts
    susp_sys = _int(SUSP_SYS)      # round 13: system prompt (hash, 0 if none) of its last single-turn suspicious request

    def __init__(self, ev: FeatureEvent) -> None:
        self.principal = ev.principal
        self.tenant = ev.tenant
        self.key_id = ev.key_id
        self.num = num = array("d", ZERO_NUM)
        num[FIRST_TS] = num[LAST_TS] = num[DECAY_TS] = ev.ts
        self.ints = ints = array("I", ZERO_INTS)
        ints[IP_PREFIX] = ev.ip_prefix
        ints[UA_HASH] = ev.ua_hash
        self.recent = array("I")
        self.clusters = TopClusters()
        self.users = 0  # bitmap: bit (user_hash % USER_BITS) set per end user seen
        self.toolsets = 0  # bitmap: bit (toolset % TOOLSET_BITS) set per declared tool set seen
        self.problems: array[int] | None = None  # recent problem signatures (see add_problem)
        self.menus: array[int] | None = None  # recent distinct tool menus (toolset hashes), for tool users only
        self.ifaces: array[int] | None = None  # recent distinct interfaces of fresh requests (round 11)
        self.iface_seen = 0  # round 14: bitmap of the sampled interfaces it declared (see count_interface)
        self.relays: list[str] | None = None  # accounts it relayed answers with, either end (round 11)
        self.chains: array[int] | None = None  # open continuation chains (round 12; see count_chain)
        self.docs: array[int] | None = None  # recent documents it pasted (round 16; documents.py)
        self.returns = 0  # round 18: sampled suspicious prompts, this sitting's and earlier ones' (count_return)
        self.branches: array[int] | None = None  # round 26: its recent continued items (branches.py)
        self.slots = array("I")
        self.examples: list[str] | None = None
        self.timeline: list[tuple[float, str, float]] | None = None
        self.campaign_id: str | None = None
        self.status = "ok"
        self.first_flagged_ts: float | None = None
        self.reasons: tuple[str, ...] = ()
        self.decision: str | None = None
        self.allowlisted = False

    @property
    def cats(self) -> array[float]:
        """Decayed requests per category (a copy)."""
        return self.num[CATS:DECAYED_END]

    def decay(self, ts: float, half_life_s: float, short_half_life_s: float) -> None:
        num = self.num
        dt = ts - num[DECAY_TS]
        if dt < DECAY_MIN_DT:
            # Applied later in one step (exact for what was counted before; counts added within the
            # last DECAY_MIN_DT are decayed from the next step on): half the calls for busy accounts.
            return
        f = 0.5 ** (dt / half_life_s)
        for i in range(DECAYED_END):
            num[i] *= f
        self.clusters.decay(f)
        num[W_SHORT] *= 0.5 ** (dt / short_half_life_s)
        num[DECAY_TS] = ts

    def count(self, ev: FeatureEvent, half_life_s: float) -> tuple[bool, bool, bool, bool, bool]:
        """Count one request in the decayed counters and sketches; returns (reasoning elicitation,
        harvesting, long output, distillation subset, single-turn) for the caller's cluster bookkeeping.

        Single-turn means the request does not continue a conversation of this account: no earlier
        turns, or earlier turns the account never sent (a fabricated history: a greeting prepended to a
        harvesting prompt, an invented agent trajectory). Real follow-ups and agent loop steps resend a
        user message the account sent before, which is still in its recent prompts."""
        self.decay(ev.ts, half_life_s, SHORT_HALF_LIFE_S)
        self.observe_gap(ev.ts)
        num, ints = self.num, self.ints
        total = ints[TOTAL] = ints[TOTAL] + 1
        num[LAST_TS] = ev.ts
        num[W] += 1.0
        num[W_SHORT] += 1.0
        reasoning = ev.reasoning != 0
        if reasoning:
            num[W_REASON] += 1.0
        continues = ev.chained or (ev.prior_hash != 0 and ev.prior_hash in self.recent)
        single = ev.single_turn or not continues
        # Round 12, continuation chains: a request that asks for the rest of an answer the account's previous
        # request got cut at its cap (an assistant prefill, a "continue" turn, a chained Responses call) is the same
        # task as the request that started the chain: it takes that request's freshness, reasoning and category, and
        # the chain's answer is one answer, as long as its pieces together (see count_chain).
        category, chain_long, root_reasoning = self.count_chain(ev, single, reasoning)
        if chain_long >= 0:
            single = bool(chain_long & ROOT_SINGLE_BIT)
        if single:
            num[W_SINGLE] += 1.0
        num[CATS + category] += 1.0
        # Dialect switches between consecutive generation requests of the same kind (the same system prompt,
        # or none, and the same max_tokens): a client (an SDK, a product) speaks one API; a script that deals
        # the same request out over APIs to look like several clients switches often. A pipeline whose steps
        # have roles on different APIs (answer on one, judge on another with its own system prompt) or a
        # "deep" mode on another API (its own budget, thinking) is no switch. Temperature is not part of the
        # kind: not every API takes it, so a request ported to another API often drops it.
        dialect = DIALECTS.get(ev.api, 0)
        if dialect:
            kind = (ev.sys_hash ^ (ev.max_tokens * 0x9E3779B1)) & _MASK32
            if ints[LAST_API] and ints[LAST_API] != dialect and ints[LAST_KIND] == kind:
                num[W_API_SWITCH] += 1.0
            ints[LAST_API] = dialect
            ints[LAST_KIND] = kind
        hour = HOURS + int(ev.ts // 3600) % 24
        if total > OFF_HOURS_MIN_HISTORY and ints[hour] < OFF_HOURS_SHARE * total:
            num[W_OFF] += 1.0
        ints[hour] += 1
        # Prefix probing: a logprob request whose prompt is one the account sent plus a word or a sentence
        # reads the next-token distribution along a solution, whatever max_tokens (a 1-token classifier
        # fills one template with new content and never extends its own prompts).
        word_stem, sentence_stem = ev.stem_hash >> 32, ev.stem_hash & _MASK32
        probe = (word_stem != 0 and word_stem in self.recent) or (sentence_stem != 0 and sentence_stem in self.recent)
        # An agent loop resends its task with every step: that is a continuation, not a resample.
        repeated = self.seen_recently(ev.content_hash) and not (continues and ev.prior_hash == ev.content_hash)
        # Many samples, logprobs, or the same prompt again at a high temperature harvest a distribution when
        # the answers can be long: with a short cap they are labels or one-line variants (a classifier's
        # logprobs, a game's dialogue barks), whose distribution teaches no capability.
        # Round 12: several samples *with* their token probabilities are the teacher's output distribution itself
        # (soft labels), however short each sample: a code completion, a next step. A product asks for one
        # completion (with logprobs to gate on confidence) and shows alternatives now and then.
        harvest = probe or (ev.n >= 2 and ev.logprobs > 0 and ev.max_tokens >= LABEL_MAX_TOKENS) or (
            (ev.n >= 2 or ev.logprobs > 0 or (repeated and ev.temperature >= 0.9))
            and (ev.max_tokens == 0 or ev.max_tokens >= HARVEST_MIN_MAX_TOKENS))
        if harvest:
            num[W_HARVEST] += 1.0
        long_out = ev.output_tokens >= LONG_OUTPUT_TOKENS or (ev.output_tokens == 0 and ev.max_tokens >= LONG_MAX_TOKENS)
        if chain_long > 0 and chain_long & CHAIN_CROSSED:
            long_out = True  # the pieces of one answer reached a long answer's size with this one
            num[W_CHAIN_LONG] += 1.0
        if long_out:
            num[W_LONG] += 1.0
        num[W_OUT] += ev.output_tokens
        # Round 27: answers seen (the gateway kept the output, or the log has it) and the ones that declined.
        refused = ev.answered == 2
        if ev.answered:
            num[W_ANSWERED] += 1.0
            num[W_REFUSED] += refused
        # The distillation subset: single-turn, elicited, capability-focused, long answers. Counted on
        # its own so that harvesting mixed into ordinary chat is not averaged away. A request declaring
        # tools hands an agent a task, whose answer is a tool call, not a worked solution to the problem
        # it may share with a campaign (a ticket quoting a popular exercise): the agentic terms judge it.
        subset = ((reasoning or root_reasoning) and long_out and single and not ev.has_tools
                  and category in CAPABILITY_CATEGORIES)
        if subset:
            num[W_ELICIT] += 1.0
        # Agentic trajectory harvesting: tools declared, a fresh task (no loop this account is running)
        # and a long planned answer. Real agent loops continue their task and mostly emit short tool calls.
        self.count_episode(ev.ts, subset or harvest, not (reasoning or harvest or long_out))
        # A declined prompt is sampled too (round 27): a red-team suite re-runs its fixed cases, a sweep asks new ones.
        if (subset or harvest or refused) and single and not repeated:
            self.count_return(ev.content_hash, ev.ts)
        if ev.has_tools:
            num[W_TOOLS] += 1.0
            if single and long_out:
                num[W_AGENT] += 1.0
            if ev.reasoning & NARRATED:
                num[W_NARR] += 1.0
            # Tool steps that hand the client the model's reasoning (a summary, narration, a thought tool),
            # and the tool sets they come with: see scoring's catalogue_sweep.
            if ev.reasoning or ev.think_tool:
                num[W_TOOL_REASON] += 1.0
            if ev.toolset:
                self.toolsets |= 1 << (ev.toolset % TOOLSET_BITS)
                if self.new_menu(ev.toolset):
                    num[W_NEW_MENU] += 1.0
        # Round 11: the interface a fresh request declares (a new task's tool menu, an output schema): an
        # application's is code, the same few every time; a tool-calling or structured-output generator draws one.
        if single and (ev.schema_hash or ev.toolset):
            self.count_interface((ev.schema_hash ^ ev.toolset) or 1)
        if ev.user_hash:
            self.add_user(ev.user_hash)
        self.add_slot(ev.ts)
        if ev.ip_prefix:
            ints[IP_PREFIX] = ev.ip_prefix
        if ev.ua_hash:
            ints[UA_HASH] = ev.ua_hash
        return reasoning, harvest, long_out, subset, single

    def count_chain(self, ev: FeatureEvent, single: bool, reasoning: bool) -> tuple[int, int, bool]:
        """Continuation chains (round 12). Returns (the request's category, chain flags, the chain's first request
        elicited reasoning): the flags are -1 for a request that continues no chain, else ROOT_SINGLE_BIT (the
        chain's first request was fresh) | CHAIN_CROSSED (its pieces reached LONG_OUTPUT_TOKENS with this one).

        A continuation follows an answer cut at its cap (output tokens >= max_tokens, a cap above a label's few
        tokens) and asks for the rest: its prior user message is the chain's first prompt or the cut request's (an
        assistant prefill resends the prompt; a "continue" turn follows the cut answer), or it is chained by
        `previous_response_id` (to the account's latest open chain). The last OPEN_CHAINS cut answers are kept open,
        flat in one int64 array as (first prompt hash, last prompt hash, tokens so far, flags) (only for accounts
        with cut answers). A product that caps answers lets a reader ask for more now and then; a harvester
        reassembles every answer to its end (`W_CUT`: answers cut; `W_CONT`: continuations; `W_CHAIN_LONG`: chains
        that became long answers piece by piece)."""
        num = self.num
        cut = ev.max_tokens >= LABEL_MAX_TOKENS and ev.output_tokens >= ev.max_tokens
        if cut:
            num[W_CUT] += 1.0
        chains = self.chains
        k = -1
        if chains:
            prior = ev.prior_hash
            if prior:
                k = next((j for j in range(0, len(chains), 4) if prior == chains[j] or prior == chains[j + 1]), -1)
            if k < 0 and ev.chained:
                k = len(chains) - 4
        if k < 0:
            if cut:
                if chains is None:
                    chains = self.chains = array("q")
                elif len(chains) >= 4 * OPEN_CHAINS:
                    del chains[:4]
                chains.extend((ev.content_hash, ev.content_hash, ev.output_tokens, single * ROOT_SINGLE_BIT
                               | reasoning * ROOT_REASON_BIT | ev.category << ROOT_CAT_SHIFT))
            return ev.category, -1, False
        num[W_CONT] += 1.0
        root, before, info = chains[k], chains[k + 2], chains[k + 3]  # type: ignore[index]
        del chains[k:k + 4]  # type: ignore[union-attr]
        if cut:  # still cut: the chain stays open, as the most recent one
            chains.extend((root, ev.content_hash, before + ev.output_tokens, info))  # type: ignore[union-attr]
        elif not chains:
            self.chains = None
        crossed = before < LONG_OUTPUT_TOKENS <= before + ev.output_tokens
        return info >> ROOT_CAT_SHIFT, (info & ROOT_SINGLE_BIT) | crossed * CHAIN_CROSSED, bool(info & ROOT_REASON_BIT)

    def count_episode(self, ts: float, suspicious: bool, ordinary: bool) -> None:
        """Episodes of suspicious requests (distillation subset or harvesting): runs without a gap of
        EPISODE_GAP_S between them. An episode counts from its EPISODE_MIN-th request: a stray request (a long
        worked answer once in a while) is none. Ordinary requests (no elicitation, harvesting or long answer)
        are counted since the last episode, and so (round 14) are the others, a stray suspicious request too: an
        account that keeps sending one in every sitting has not gone back to ordinary use (see `lapsed`)."""
        ints, num = self.ints, self.num
        if not suspicious:
            ints[QUIET if ordinary else LOUD] += 1
            return
        if ints[EP_SIZE] and ts - num[SUSP_TS] >= EPISODE_GAP_S:
            ints[EP_SIZE] = 0
        ints[EP_SIZE] += 1
        num[SUSP_TS] = ts
        if ints[EP_SIZE] < EPISODE_MIN:
            ints[LOUD] += 1  # a stray suspicious request: not ordinary use
            return
        if ints[EP_SIZE] == EPISODE_MIN:
            ints[EPISODES] += 1
        num[EPISODE_END_TS] = ts
        ints[QUIET] = ints[LOUD] = 0

    def lapsed(self) -> bool:
        """A one-off episode the account has put behind it: one episode of suspicious requests in its history,
        the last of them LAPSE_S ago, and since then at least LAPSE_REQUESTS requests, most of them
        ordinary. A crowd trying a new model on its release day does this; a harvester comes back for more
        (mixed into chat: an episode most days) or keeps sending long elicited answers, and a throwaway account
        stops sending altogether."""
        ints = self.ints
        quiet = ints[QUIET]
        return (ints[EPISODES] == 1 and quiet >= LAPSE_REQUESTS
                and quiet >= LAPSE_ORDINARY * (quiet + ints[LOUD])
                and self.num[LAST_TS] - self.num[EPISODE_END_TS] >= LAPSE_S)
