"""Per-account signals and the score that combines them.

Each signal is a number in [0, 1]. Evidence terms combine signals that are suspicious *together*
(reasoning elicitation alone is what a tutoring app does; with narrow capability focus, single-turn
templated traffic and many accounts sharing the template, it is what a distiller does).
score = 1 - prod(1 - evidence_i): independent evidence accumulates, none alone needs to be decisive.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from gateway.extraction.clusters import ClusterStats
from gateway.extraction.documents import DocumentTable
from gateway.extraction.layout import (
    CATS,
    W_ANSWERED,
    W_BRANCHED,
    W_CHAIN_LONG,
    W_CONT,
    W_CROWD,
    W_CUT,
    W_PREFIXED,
    W_REFUSED,
)
from gateway.extraction.patterns import CAPABILITY_CATEGORIES, CATEGORIES
from gateway.extraction.problems import COHORT_MIN_SHARED, COHORT_OVERLAP, ProblemTable
from gateway.extraction.sketches import DOC_RETURN_SHARE
from gateway.extraction.state import PrincipalState


@dataclass(slots=True)
class Population:
    """Population baselines, refreshed at each regrouping."""

    median_rate: float = 5.0    # decayed request count of the median active account
    active_accounts: int = 0


_MAX_ENTROPY = math.log2(len(CATEGORIES))
_EMBEDDING = CATEGORIES.index("embedding")
SUSPICIOUS_CLUSTER = 0.5  # cluster suspicion from which sharing it counts against an account

# Evidence weights: the maximum each term can contribute.
W_DISTILL = 0.85     # reasoning elicitation x capability focus x single-turn
W_SHARED = 0.8       # template shared by many accounts, cluster full of elicitation/harvesting
W_TEMPLATED = 0.6    # the account's own top template is single-turn elicitation
W_HARVEST = 0.75     # n > 1, logprobs with long outputs, high temperature on repeated prompts
HARVEST_BASE = 0.5   # share of W_HARVEST for harvesting outside the capability categories
W_LONG = 0.5        # long outputs requested/served on a narrow capability, single-turn
W_VOLUME = 0.4       # far above the population, on a narrow capability
W_REGULAR = 0.25     # machine-regular inter-arrival times on a narrow capability
W_AGENT = 0.6       # fresh single-turn tool-using trajectories with long planned answers
W_NARRATED = 0.7    # tool-loop steps whose earlier calls came with narrated reasoning
W_SWEEP = 0.75      # tool steps exposing reasoning, over many declared tool sets (a catalogue sweep)
SWEEP_TOOLSETS = (2.0, 6.0)  # distinct tool sets: a product agent's one or two .. a sweep of domains
SWEEP_TOOL_REQUESTS = 20.0   # decayed tool-using requests for full confidence
W_SUBSET = 0.7      # a sizeable subset of the account's traffic is single-turn elicited capability, long outputs
SUBSET_COUNT = 12.0  # decayed requests in the subset for full confidence
SUBSET_SHARE = 0.2   # share of the account's traffic for full weight
W_CAMPAIGN_SUBSET = 0.5  # distillation-subset requests into campaign-scale suspicious templates
CAMPAIGN_SUBSET_COUNT = 2.0  # such requests for full weight
W_OFFHOURS = 0.1
W_USERS = 0.1
AGENT_STEP_TOKENS = (500.0, 1200.0)  # mean output tokens of tool-using traffic: ordinary .. full weight
POPULAR_USERS = 20.0  # end users behind a key at which popular-content evidence is halved
LAPSED_FACTOR = 0.5   # score multiplier for an account whose one suspicious episode has lapsed
W_MENUS = 0.6         # single-turn tool requests whose declared menu is new nearly every time (menu churn)
MENU_CHURN = (0.3, 0.8)  # share of tool requests with a menu none of the last few: a product's .. a generator's
W_PROBLEMS = 0.5      # the account's problems are ones many other accounts ask (same quantities, other words)
W_DOCS = 0.6          # round 16: documents split with accounts of other tenants (documents.py); flag-level alone
SPLIT_DOCS = (2.0, 5.0)        # split documents among the account's recent ones: none .. full weight ...
SPLIT_DOC_SHARE = (0.3, 0.6)   # ... and their share of its recent documents: a stray one .. most
RETURNING_DOCS = (DOC_RETURN_SHARE, 0.3)  # share of its pastes that return to a recent document: a pipeline's none .. a library's
SHARED_PROBLEMS = (1.0, 2.0)  # shared problems: none .. full weight (one is what students happen to share) ...
W_DIALECTS = 0.7      # generation requests dealt out over several APIs (the dialect switches request by request)
DIALECT_SWITCH = (0.3, 0.5)   # share of generation requests on another API than the one before: a product's
                              # second API for a share p of requests gives 2p(1-p) (0.32 at p = 0.2) .. requests
                              # dealt out at random over two or more APIs
DIALECT_REQUESTS = 20.0       # decayed generation requests for full confidence
W_IFACE_CHURN = 0.6   # round 11: fresh requests whose interface (tool menu, output schema) is new nearly every time
IFACE_CHURN = (0.3, 0.8)  # share of fresh interface-declaring requests with an interface none of the last few
IFACE_REQUESTS = 20.0     # decayed fresh interface-declaring requests for full confidence
W_RELAY = 0.6         # round 11: prompts that relay most of an answer the gateway gave another tenant's account
RELAY_REQUESTS = 2.0  # such requests for full weight (one is a coincidence worth half)
W_REASSEMBLE = 0.75   # round 12: every answer cut at its cap fetched to its end, most tasks long answers that way
CONTINUED_CUTS = (0.6, 0.9)  # share of cut answers continued: a reader asking for more now and then .. every time
CUT_ANSWERS = 20.0    # decayed cut answers for full confidence
RETURNING_IFACES = (0.7, 0.85)  # round 14: share of new interfaces the account declared before: a finite space .. its own set
RETURN_MIN = 2.0      # sampled new interfaces (decayed) before the returning share counts
SHARED_PROBLEM_SHARE = (0.25, 0.5)  # ... and their share of the account's remembered problems: what chance
                                   # collisions give a student (a minority) .. a pool's most (full weight)
W_ASKS = 0.55         # round 15: long answers to sentences a crowd of small accounts sends at length (asks.py)
CROWD_ASKS = (2.0, 4.0)        # such requests (decayed): one or two a student may send .. an account's habit
CROWD_ASK_SHARE = (0.5, 0.7)   # ... and their share of the account's requests: most of them (dedicated, as for a
                               # shared template's link), not a minority among other work (students, a course)
W_BRANCH = 0.75       # round 26: items continued from several different partial answers (branches.py)
BRANCHES = (3.0, 10.0)         # such branches (decayed): a chat's odd regenerated answer .. an account's way of working
BRANCH_SHARE = (0.15, 0.35)    # ... and their share of its continuations: products extend one prefix (<= 0.02 on
                               # blind-v30's writing and code-completion apps) .. a student's attempts, several an item
W_REFUSALS = 0.6      # round 27: most of the account's answers decline its requests (a sweep of the refusal boundary)
REFUSALS = (4.0, 12.0)         # declined answers (decayed): a user who hit the line a few times .. a habit ...
REFUSED_SHARE = (0.2, 0.3)     # ... and their share of the answers seen: users and products are declined now and
                               # then (under 0.08 on every benign persona of the 33 sets but blind-v31's red-team suite,
                               # 0.45, and ethics course, 0.25), a sweep of graded asks on a third of them or more
SUITE_RERUNS = (0.2, 0.4)      # share of its declined prompts back from an earlier sitting: a sweep's none .. a suite's


def capability_share(cats: list[float]) -> float:
    """Share of requests in the capability categories (math, code, agentic, science)."""
    return sum(cats[i] for i in CAPABILITY_CATEGORIES) / (sum(cats) or 1.0)


def concentration(cats: list[float]) -> float:
    """Capability concentration: share of capability categories x (1 - normalised category entropy)."""
    total_c = sum(cats) or 1.0
    cap = capability_share(cats)
    ent = -sum((c / total_c) * math.log2(c / total_c) for c in cats if c > 1e-9)
    return cap * max(0.0, 1.0 - ent / _MAX_ENTROPY)


def _ramp(x: float, lo: float, hi: float) -> float:
    """0 at or below lo, 1 at or above hi, linear in between."""
    return min(1.0, max(0.0, (x - lo) / (hi - lo)))


def quiet_score(st: PrincipalState) -> float:
    """The score of an account with no elicitation, harvesting or long outputs: the off-hours term only."""
    if st.w_off == 0.0:
        return 0.0
    return W_OFFHOURS * (st.w_off / (st.w or 1.0)) * concentration(st.cats)


def signals(st: PrincipalState, clusters: dict[int, ClusterStats], pop: Population,
            problems: ProblemTable | None = None, documents: DocumentTable | None = None) -> dict[str, float]:
    """Every signal with its value (for review and for `score`)."""
    w = st.w or 1.0
    split_docs, doc_overlap = documents.split(st.docs, st.principal, st.tenant) if documents is not None and st.docs else (0, 0.0)
    shared_problems = problems.shared(st.problems) if problems else 0
    overlap = problems.overlap(st.problems, st.principal) if problems and shared_problems >= COHORT_MIN_SHARED else 0.0
    top_cat = max(range(len(st.cats)), key=st.cats.__getitem__)
    conc = concentration(st.cats)
    shared = cluster_accounts = cluster_susp = own_tpl_share = own_tpl_elicit = susp_share = 0.0
    top = st.clusters.top()
    if top is not None:
        _, (c_n, c_reason, c_single) = top
        own_tpl_share = min(1.0, c_n / w)
        own_tpl_elicit = (c_reason / c_n) * (c_single / c_n) if c_n > 0 else 0.0
    # Shared templates: over all of the account's tracked clusters, the ones that many accounts send
    # and that are full of single-turn elicitation/harvesting; an account that mixes harvesting into
    # ordinary traffic still sends a share of its requests there.
    for cid, (_, c_susp, _) in st.clusters.items():
        cs = clusters.get(cid)
        if cs is None or c_susp < 1.0:  # only the account's own suspicious requests count
            continue
        susp = cs.suspicion()
        n_acc = float(cs.account_count())
        if susp >= SUSPICIOUS_CLUSTER and n_acc >= 3:
            susp_share += c_susp / w
            if n_acc > cluster_accounts:
                cluster_accounts, cluster_susp = n_acc, susp
    if cluster_accounts:
        shared = min(1.0, max(0.0, (cluster_accounts - 2.0) / 6.0))
    rate_ratio = st.w / max(pop.median_rate, 1.0)
    gen = max(0.0, st.w - st.num[CATS + _EMBEDDING])
    regular = 0.0
    if st.gap_n >= 8:
        regular = max(0.0, 1.0 - st.gap_std() / 1.2)
    return {
        "reasoning_share": st.w_reason / w,
        "capability_concentration": conc,
        "capability_share": capability_share(st.cats),
        "single_turn_share": st.w_single / w,
        "harvest_share": st.w_harvest / w,
        "long_output_share": st.w_long / w,
        "elicited_subset_share": st.w_elicit / w,
        "agentic_trajectory_share": st.w_agent / w,
        "tool_use_share": st.w_tools / w,
        "narrated_tool_share": st.w_narr / w,
        "tool_reasoning_share": st.w_tool_reason / (st.w_tools or 1.0),
        "tool_requests": st.w_tools,
        "new_menu_share": st.w_new_menu / (st.w_tools or 1.0),
        "tool_sets": round(st.tool_sets(), 1),
        "generation_requests": gen,
        "api_switch_share": st.w_api_switch / (gen or 1.0),
        "interface_requests": st.w_iface,
        "new_interface_share": st.w_new_iface / (st.w_iface or 1.0),
        "returning_interface_share": st.w_iface_back / st.w_iface_sampled if st.w_iface_sampled >= RETURN_MIN else 0.0,
        "rerun_share": st.rerun_share(),  # round 18: only for block through a campaign (campaigns.py)
        "relayed_answers": st.w_relay,
        "cut_answers": st.num[W_CUT],
        "continued_cut_share": min(1.0, st.num[W_CONT] / (st.num[W_CUT] or 1.0)),
        "reassembled_long_share": st.num[W_CHAIN_LONG] / max(1.0, w - st.num[W_CONT]),
        "mean_output_tokens": st.w_out / w,
        "elicited_subset_requests": st.w_elicit,
        "campaign_template_requests": st.w_camp,
        "template_share": own_tpl_share,
        "suspicious_template_share": min(1.0, susp_share),
        "template_elicitation": own_tpl_elicit,
        "template_accounts": cluster_accounts,
        "template_shared": shared,
        "template_cluster_suspicion": cluster_susp,
        "volume_vs_population": min(1.0, max(0.0, math.log2(max(rate_ratio, 1e-9)) / 6.0)),
        "burst_vs_own_history": min(1.0, st.w_short / w),
        "timing_regularity": regular,
        "off_hours_share": st.w_off / w,
        "end_users": round(st.end_users(), 1),
        "lapsed_episode": 1.0 if st.lapsed() else 0.0,
        "shared_problems": float(shared_problems),
        "shared_problem_share": shared_problems / len(st.problems) if st.problems else 0.0,
        "problem_overlap": overlap,
        "split_documents": float(split_docs),
        "split_document_share": split_docs / (len(st.docs) - 2) if st.docs else 0.0,
        "document_overlap": doc_overlap,
        "returning_document_share": st.docs[1] / st.docs[0] if st.docs else 0.0,
        "crowd_asks": st.num[W_CROWD],
        "crowd_ask_share": st.num[W_CROWD] / w,
        "branched_continuations": st.num[W_BRANCHED],
        "branch_share": st.num[W_BRANCHED] / (st.num[W_PREFIXED] or 1.0),
        "refused_answers": st.num[W_REFUSED],
        "refused_share": st.num[W_REFUSED] / (st.num[W_ANSWERED] or 1.0),
        "top_category": float(top_cat),
        "requests": float(st.total),
    }


def evidence(sig: dict[str, float], total: int) -> dict[str, float]:
    """The evidence terms; confidence grows with the number of requests seen."""
    conf = min(1.0, 0.5 + total / 16.0)
    r, conc, s, h = sig["reasoning_share"], sig["capability_concentration"], sig["single_turn_share"], sig["harvest_share"]
    tpl_cnt_conf = min(1.0, total / 20.0)
    # Volume and timing only count for traffic that elicits reasoning, harvests, or asks for long outputs:
    # a RAG app or batch job is high-volume and regular, and that alone is not extraction.
    how = max(r, h, sig["long_output_share"])
    # Content many accounts send is popular content or a campaign's template. Behind a key that fronts
    # many distinct end users (a homework platform, a reseller), popular questions are what its users ask:
    # the content terms are discounted by the end users the key carries (own-traffic terms are not).
    popular = 1.0 / (1.0 + sig["end_users"] / POPULAR_USERS)
    # Round 10: content that one group of accounts sends *all of* -- the same few problems, each asked by most
    # of them (a class on its problem set) -- is that group's coursework, not a pool harvested for coverage:
    # the content terms fade out as the overlap of the askers of the account's shared problems rises.
    content = popular * (1.0 - _ramp(sig.get("problem_overlap", 0.0), *COHORT_OVERLAP))
    # Round 14: new menus and interfaces that the account had declared before are its own set coming round again
    # (more workspaces or suite cases than the ring of recent ones holds), not a generator's draws: the churn
    # terms fade out as the returning share rises.
    own_set = 1.0 - _ramp(sig.get("returning_interface_share", 0.0), *RETURNING_IFACES)
    shared_tpl = (W_SHARED * content * sig["template_shared"] * sig["template_cluster_suspicion"]
                  * math.sqrt(sig["suspicious_template_share"]) * s)
    problems_shared = (W_PROBLEMS * content * _ramp(sig["shared_problems"], *SHARED_PROBLEMS)
                       * _ramp(sig["shared_problem_share"], *SHARED_PROBLEM_SHARE))
    menus = W_MENUS * min(1.0, sig["tool_requests"] / SWEEP_TOOL_REQUESTS) * _ramp(sig["new_menu_share"], *MENU_CHURN) * s * own_set
    return {
        "distillation_pattern": W_DISTILL * conf * r * conc * s,
        "shared_template": shared_tpl,
        "templated_elicitation": W_TEMPLATED * tpl_cnt_conf * sig["template_elicitation"] * sig["template_share"],
        # Sampled distributions teach a capability when what is sampled is capability content: alternatives
        # and confidence highlighting on rewrites (a writing app's "regenerate") count half.
        "distribution_harvesting": W_HARVEST * conf * h * s * (HARVEST_BASE + (1.0 - HARVEST_BASE) * sig["capability_share"]),
        # Round 12: answers cut at the cap and fetched piece by piece to their end, as the account's way of working
        # (most of its tasks become long answers that way): a cap under the answer's size does not make the answer
        # short. Weighted like distribution harvesting, by what is reassembled. A capped product's readers ask for
        # more now and then (half the cut answers); a harvester fetches every one.
        "reassembled_answers": W_REASSEMBLE * min(1.0, sig["cut_answers"] / CUT_ANSWERS)
        * _ramp(sig["continued_cut_share"], *CONTINUED_CUTS) * sig["reassembled_long_share"]
        * (HARVEST_BASE + (1.0 - HARVEST_BASE) * sig["capability_share"]),
        "elicited_subset": W_SUBSET * min(1.0, sig["elicited_subset_requests"] / SUBSET_COUNT)
        * min(1.0, sig["elicited_subset_share"] / SUBSET_SHARE),
        "campaign_template_subset": W_CAMPAIGN_SUBSET * content * min(1.0, sig["campaign_template_requests"] / CAMPAIGN_SUBSET_COUNT),
        # Fresh long tool-using trajectories, or tool-using traffic whose steps are long on average: agent
        # steps are mostly short tool calls, narrated long steps are what a trajectory harvester collects.
        "agentic_trajectories": W_AGENT * conf * max(
            sig["agentic_trajectory_share"], sig["tool_use_share"] * _ramp(sig["mean_output_tokens"], *AGENT_STEP_TOKENS)),
        # Agent loops that have the model narrate its reasoning beside every tool call: the trajectory with
        # its reasoning is the harvest, whatever the length of each step (real loops make bare calls).
        "narrated_tool_loops": W_NARRATED * conf * sig["narrated_tool_share"],
        # Agent steps that hand back the model's reasoning (summaries, narration, a thought tool) across many
        # tool sets: a product agent runs its own tools, a trajectory harvester sweeps a catalogue of
        # domains, a new tool set per episode. An agent benchmark sweeps too, but its steps expose no
        # reasoning; a working agent exposes it, but with one tool set.
        "catalogue_sweep": W_SWEEP * min(1.0, sig["tool_requests"] / SWEEP_TOOL_REQUESTS)
        * _ramp(sig["tool_sets"], *SWEEP_TOOLSETS) * sig["tool_reasoning_share"],
        # Fresh tool requests whose declared menu is new nearly every time: generated function-calling data
        # (a random menu drawn from a catalogue per example). Agents, products and benchmarks keep a few menus.
        "menu_churn": menus,
        # Round 11: the same principle per *fresh* request -- a new task's tool menu, or the output schema of a
        # structured request. An application's interface is code (an ERP agent's ten tools, a pipeline's schema
        # per document type); a generator of tool-calling or structured-output data draws one per example. A
        # tool loop resends its menu with every step, which diluted menu_churn per request; counted once with
        # it (only what it adds beyond menu_churn).
        "interface_churn": max(0.0, W_IFACE_CHURN * min(1.0, sig.get("interface_requests", 0.0) / IFACE_REQUESTS)
                               * _ramp(sig.get("new_interface_share", 0.0), *IFACE_CHURN) * own_set - menus),
        # Round 11: prompts that carry most of an answer the gateway gave an account of another tenant
        # (back-translation, draft -> critique -> rewrite relays): the two accounts are one pipeline.
        "relayed_answers": W_RELAY * min(1.0, sig.get("relayed_answers", 0.0) / RELAY_REQUESTS),
        # Generation requests dealt out over several APIs, switching request by request, for long answers: a
        # client speaks the dialect of its SDK (a product may send a share to a second API for a "deep" mode);
        # a harvesting script rotating APIs to look like several clients switches on half its requests. A key
        # fronting many end users may route them to several providers: discounted like the content terms.
        "dialect_rotation": W_DIALECTS * popular * min(1.0, sig["generation_requests"] / DIALECT_REQUESTS)
        * _ramp(sig["api_switch_share"], *DIALECT_SWITCH) * how,
        "long_output_focus": W_LONG * conf * sig["long_output_share"] * conc * s,
        "volume": W_VOLUME * sig["volume_vs_population"] * conc * s * how,
        "machine_timing": W_REGULAR * sig["timing_regularity"] * conc * s * how,
        # Problems (their quantities) that many other accounts ask too, re-worded or translated: a shared pool
        # of problems spread over accounts. Students who happen to pick the same textbook numbers share a few,
        # and where quantities come from a small space (exam-style figures) chance collisions with a campaign's
        # pool make a steady minority of an active student's problems shared, at any count: the evidence is
        # the share, none below a quarter, full weight from half (an account drawing from a pool).
        "shared_problems": problems_shared,
        # Round 15: long answers to the sentences (asks, items) that a crowd of small accounts sends at length,
        # whatever words wrap them (a hydra's pipeline in each account's voice; asks.py), from an account dedicated
        # to them. Content evidence: discounted like the other content terms, and counted once with them.
        "shared_asks": max(0.0, W_ASKS * content * _ramp(sig.get("crowd_asks", 0.0), *CROWD_ASKS)
                           * _ramp(sig.get("crowd_ask_share", 0.0), *CROWD_ASK_SHARE) - max(shared_tpl, problems_shared)),
        # Round 16: long documents this account pasted that a few accounts of other tenants pasted too (documents.py):
        # a pipeline splitting each document's questions over accounts. Most of its documents, several of them; not
        # when the same group pastes every one of them (a team's own library: the cohort overlap of problems.py).
        "shared_documents": W_DOCS * _ramp(sig.get("split_documents", 0.0), *SPLIT_DOCS)
        * _ramp(sig.get("split_document_share", 0.0), *SPLIT_DOC_SHARE)
        * (1.0 - _ramp(sig.get("document_overlap", 0.0), *COHORT_OVERLAP))
        * (1.0 - _ramp(sig.get("returning_document_share", 0.0), *RETURNING_DOCS)),
        "off_hours": W_OFFHOURS * sig["off_hours_share"] * conc,
        "end_user_diversity": W_USERS * min(1.0, math.log2(1.0 + sig["end_users"]) / 6.0) * r * s,
        # Round 26: items (a problem) continued from several different partial answers, as the account's way of
        # working: a student model's attempts, each cut where it goes wrong, for the teacher to go on from
        # (on-policy distillation; branches.py). A product continues one text, extended. Not weighted by the
        # account's categories: the item is in the context, and the last user turn may be a bare "go on".
        "branched_continuations": W_BRANCH * _ramp(sig["branched_continuations"], *BRANCHES)
        * _ramp(sig["branch_share"], *BRANCH_SHARE),
        # Round 27: most of what the account asks is declined, at a habit's count: a sweep of graded versions of
        # risky asks, mapping where the teacher refuses and what it offers instead (safety-behaviour distillation).
        # Users and products are declined now and then; a red-team suite is declined as often but re-runs its fixed
        # cases night after night (the sampled prompts come back), where a sweep asks new ones. Flag-level alone:
        # a reviewer's call (policy research and red-teaming send the same).
        "refused_asks": W_REFUSALS * _ramp(sig["refused_answers"], *REFUSALS) * _ramp(sig["refused_share"], *REFUSED_SHARE)
        * (1.0 - _ramp(sig["rerun_share"], *SUITE_RERUNS)),
    }


def combine(ev: dict[str, float]) -> float:
    p = 1.0
    for v in ev.values():
        p *= 1.0 - v
    return 1.0 - p


def account_score(ev: dict[str, float], sig: dict[str, float]) -> float:
    """The combined evidence; halved when the account's one suspicious episode has lapsed (see
    `PrincipalState.lapsed`): a one-off burst the account put behind it releases its verdict rather than
    keeping it for the days the decayed counters remember it, while the episode itself was flagged."""
    s = combine(ev)
    return s * LAPSED_FACTOR if sig.get("lapsed_episode") else s


def reasons_of(ev: dict[str, float], sig: dict[str, float], floor: float = 0.08) -> tuple[str, ...]:
    """Human-readable reason codes, strongest first."""
    out = []
    for name, v in sorted(ev.items(), key=lambda kv: -kv[1]):
        if v < floor:
            break
        if name == "shared_template":
            out.append(f"shared_template:{int(sig['template_accounts'])}_accounts")
        elif name == "distillation_pattern":
            out.append(f"distillation_pattern:{CATEGORIES[int(sig['top_category'])]}")
        else:
            out.append(name)
    return tuple(out)
