"""Campaign grouping: what links accounts, how strong a campaign is, and who is a full member.

These drive `group_campaigns` with account states built from real feature events; only the parts a
scenario is about (activity slots, score) are set by hand.
"""

from __future__ import annotations

from array import array

from gateway.extraction.campaigns import group_campaigns
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import chat, event

T0 = 1_767_225_600.0
SLOT0 = int(T0 // 600)


def account(name: str, score: float, slots: list[int], ip: str) -> PrincipalState:
    st = PrincipalState(event(name, T0, chat("hello"), ip=ip, ua=f"client/{name}"))
    st.score = score
    st.slots = array("I", (SLOT0 + s for s in slots))
    return st


def group(states: list[PrincipalState]):
    return group_campaigns({st.principal: st for st in states}, set(), 5, {}, T0)


def test_accounts_active_in_the_same_few_slots_are_linked_by_synchronized_timing() -> None:
    bursts = [0, 37, 90, 151, 200, 260, 333, 410]  # the same 8 ten-minute slots over three days
    camps = group([account(f"sync-{i}", 0.6, bursts, ip=f"198.51.{i}.1") for i in range(6)])
    (camp,) = camps.values()
    assert len(camp.members) == 6 and camp.evidence.get("synchronized_timing", 0) >= 5


def test_busy_accounts_active_in_nearly_every_slot_are_not_synchronized() -> None:
    # Six always-on services: co-active in all of their recent slots, exactly what their activity predicts.
    always_on = list(range(500, 532))
    assert group([account(f"busy-{i}", 0.6, always_on, ip=f"203.0.{i}.1") for i in range(6)]) == {}


def test_a_large_group_of_mildly_suspicious_accounts_stays_mildly_suspicious() -> None:
    # Linked by shared client metadata; a noisy-OR over 30 members at 0.3 would be ~1.0 and block them all.
    mild = [account(f"mild-{i}", 0.3, [i * 40], ip="192.0.2.7") for i in range(30)]
    for st in mild:
        st.ua_hash = 1234
    (camp,) = group(mild).values()
    assert len(camp.members) == 30
    assert abs(camp.score - 0.3) < 1e-9


def test_members_far_below_the_campaign_core_are_weak_members() -> None:
    core = [account(f"core-{i}", 0.9, [i * 40], ip="192.0.2.8") for i in range(8)]
    hanger_on = account("hanger-on", 0.3, [999], ip="192.0.2.8")
    for st in core + [hanger_on]:
        st.ua_hash = 99
    (camp,) = group(core + [hanger_on]).values()
    assert "hanger-on" in camp.members and camp.weak_members == {"hanger-on"}
    assert camp.score == 0.9


def test_one_tenants_keys_behind_its_office_nat_are_not_linked_by_their_shared_client() -> None:
    office = [account(f"employee-{i}", 0.4, [i * 40], ip="192.0.2.9") for i in range(8)]
    for st in office:
        st.ua_hash, st.tenant = 77, "org-consultancy"
    assert group(office) == {}
    # The same client across tenants is still a link.
    for i, st in enumerate(office):
        st.tenant = f"org-{i}"
    (camp,) = group(office).values()
    assert len(camp.members) == 8 and camp.evidence.get("client_metadata", 0) == 7
