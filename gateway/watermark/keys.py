"""Key hierarchy: one master secret -> shared, per-tenant and per-account watermark keys.

    master --HKDF("covenant/wm/v1/shared")-------------> shared key  (same for every account)
    master --HKDF("covenant/wm/v1/tenant/<tenant>")----> tenant key
    tenant key --HKDF("covenant/wm/v1/account/<acct>")-> account key

The shared key fixes, for every alternative set, (a) its *channel*: a share ``shared_fraction`` of
the sets carry the shared variant in every account's output, the rest carry the account's own
variant, and (b) a strength threshold, so that marking at strength s marks exactly the sets whose
threshold is below s (nested: escalated strength marks a superset). The shared channel keeps text
pooled from many accounts (a distillation training set) consistently biased; the account channel
attributes a leaked text to one account. Tenant keys can be handed to a tenant's own auditor
without revealing other tenants' keys.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from gateway.watermark.table import EquivalenceTable

_PREFIX = b"covenant/wm/v1/"


def hkdf(secret: bytes, info: bytes, length: int = 32) -> bytes:
    """RFC 5869 HKDF-SHA256 (salt-less: the master secret is already uniformly random)."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(secret)


def shared_key(master: bytes) -> bytes:
    return hkdf(master, _PREFIX + b"shared")


def tenant_key(master: bytes, tenant: str) -> bytes:
    return hkdf(master, _PREFIX + b"tenant/" + tenant.encode())


def account_key(master: bytes, tenant: str, account: str) -> bytes:
    return hkdf(tenant_key(master, tenant), _PREFIX + b"account/" + account.encode())


def _uniform32(key: bytes, label: bytes, table: EquivalenceTable) -> np.ndarray:
    """One keyed pseudo-random uint32 per alternative set: AES-256 under ``key`` (a PRF on distinct blocks) of
    each set's id (a hash of its members) XOR a hash of ``label``. A set's value depends on the key, the
    label and that set's members only, never on the rest of the table, so a table that gains or loses sets
    keeps every other set's choice (one AES pass over 16 bytes a set: a few µs for the whole table)."""
    blocks = table.blocks.get(label)
    if blocks is None:
        tweak = np.frombuffer(hashlib.sha256(b"covenant/wm/label\0" + label).digest()[:16], dtype=np.uint8)
        blocks = table.blocks[label] = (np.frombuffer(table.set_ids, dtype=np.uint8).reshape(-1, 16) ^ tweak).tobytes()
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    out = enc.update(blocks) + enc.finalize()
    return np.frombuffer(out, dtype="<u4")[::4].astype(np.int64)


def variants_for(key: bytes, table: EquivalenceTable) -> np.ndarray:
    """The member chosen by ``key`` for every set (depends only on the key and the set)."""
    sizes = np.asarray(table.sizes, dtype=np.int64)
    return (_uniform32(key, b"variant", table) % sizes).astype(np.int8)


@dataclass(frozen=True)
class Layout:
    """Per-set channel and strength threshold, fixed by the shared key."""

    shared_variant: np.ndarray  # int8 per set
    is_shared: np.ndarray  # bool per set
    threshold: np.ndarray  # float per set in [0, 1): marked when threshold < strength

    @classmethod
    def build(cls, master: bytes, table: EquivalenceTable, shared_fraction: float) -> Layout:
        sk = shared_key(master)
        channel_u = _uniform32(sk, b"channel", table) / 2.0**32
        threshold = _uniform32(sk, b"strength", table) / 2.0**32
        return cls(variants_for(sk, table), channel_u < shared_fraction, threshold)

    def marked_variants(self, account_variants: np.ndarray) -> np.ndarray:
        """What a given account's output uses at each set: shared or own variant by channel."""
        return np.where(self.is_shared, self.shared_variant, account_variants).astype(np.int8)
