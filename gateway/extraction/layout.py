"""Where an account's numbers live: the index layout of `PrincipalState`'s two typed arrays.

`PrincipalState.num` holds every float of an account in one array of doubles (8 bytes each, instead of a
24-byte float object plus an 8-byte slot), the decayed counters first and contiguous (`decay` scales
`num[:DECAYED_END]` in one loop); `PrincipalState.ints` holds unsigned 32-bit values: requests per hour of day,
then counts and hashes. Split out of state.py (round 16) so that the modules counting into the arrays (state.py,
sequences.py) and the one reading them (scoring.py) share one definition.
"""

from __future__ import annotations

from gateway.extraction.patterns import CATEGORIES

(W, W_REASON, W_SINGLE, W_HARVEST, W_LONG, W_OFF, W_OUT, W_ELICIT, W_CAMP, W_AGENT, W_TOOLS, W_NARR,
 W_TOOL_REASON, W_NEW_MENU, W_API_SWITCH, W_RELAY, W_IFACE, W_NEW_IFACE, W_CUT, W_CONT, W_CHAIN_LONG,
 W_IFACE_SAMPLED, W_IFACE_BACK, W_CROWD, W_RET_FRESH, W_RET_BACK, W_PREFIXED, W_BRANCHED, W_ANSWERED,
 W_REFUSED) = range(30)
CATS = 30                     # CATS .. CATS + len(CATEGORIES) - 1: decayed requests per category
DECAYED_END = CATS + len(CATEGORIES)
(W_SHORT, FIRST_TS, LAST_TS, DECAY_TS, GAP_MEAN, GAP_M2, SCORE, CAMPAIGN_SCORE, CLEARED_SCORE,
 CONFIRM_TS, SUSP_TS, EPISODE_END_TS, LEARNED_P) = range(DECAYED_END, DECAYED_END + 13)
NUM_SIZE = DECAYED_END + 13
HOURS = 0                     # HOURS .. HOURS + 23
(TOTAL, GAP_N, IP_PREFIX, UA_HASH, FINGERPRINT, EPISODES, EP_SIZE, QUIET, LOUD, LAST_API, LAST_KIND,
 SUSP_SYS, RET_MINUTE) = range(24, 37)
INTS_SIZE = 37
ZERO_NUM = bytes(8 * NUM_SIZE)
ZERO_INTS = bytes(4 * INTS_SIZE)
