"""Admin routes for API keys: list, look up, create (the key is in the answer, once) and revoke.

A self-service portal or provisioning job holds the admin token and manages keys without shell
access to the keys file or Redis. Every change is logged and written to the audit log
(`"kind": "key"`), like reviewer decisions.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field, field_validator, model_validator

from gateway.audit.operator import key_change
from gateway.identity import MAX_LABELS, NAME_PATTERN, KeyRecord, check_labels, new_key

if TYPE_CHECKING:
    from gateway.service import Gateway

log = logging.getLogger("covenant.keys")
NOT_FOUND: dict[int | str, dict] = {404: {"description": "No key with this id"}}
STORE_DOWN: dict[int | str, dict] = {503: {"description": "The keys file cannot be written, or the store is unavailable"}}


class KeyInfo(BaseModel):
    key_id: str
    tenant: str
    account: str
    labels: dict[str, str]
    created: float
    revoked: bool
    expires: float | None = Field(None, description="Epoch seconds after which the key is refused; null: never.")
    status: Literal["active", "expired", "revoked"]

    @classmethod
    def of(cls, r: KeyRecord, now: float) -> KeyInfo:
        return cls(key_id=r.key_id, tenant=r.tenant, account=r.account, labels=r.labels, created=r.created,
                   revoked=r.revoked, expires=r.expires, status=r.status(now))


class KeyCreate(BaseModel):
    tenant: str = Field(pattern=NAME_PATTERN)
    account: str = Field(pattern=NAME_PATTERN)
    labels: dict[str, str] = Field(default_factory=dict, max_length=MAX_LABELS,
                                   description="Policy selectors match on these (e.g. tier=free).")
    expires_at: datetime | None = Field(None, description="When the key stops working (ISO 8601 with a time zone).")
    expires_in_seconds: int | None = Field(None, gt=0, le=10 * 365 * 86400,
                                           description="Or: how long from now the key works.")
    reason: str = Field("", max_length=500, description="Kept in the audit log with the change.")

    @field_validator("labels")
    @classmethod
    def _labels(cls, labels: dict[str, str]) -> dict[str, str]:
        return check_labels(labels)

    @model_validator(mode="after")
    def _one_expiry(self) -> KeyCreate:
        if self.expires_at is not None and self.expires_in_seconds is not None:
            raise ValueError("give expires_at or expires_in_seconds, not both")
        if self.expires_at is not None and self.expires_at.tzinfo is None:
            raise ValueError("expires_at needs a time zone (e.g. 2027-01-01T00:00:00Z)")
        return self

    def expiry(self, now: float) -> float | None:
        if self.expires_in_seconds is not None:
            return now + self.expires_in_seconds
        return self.expires_at.timestamp() if self.expires_at is not None else None


class KeyCreated(KeyInfo):
    key: str = Field(description="The API key. Shown once: only its hash is stored.")


class KeyRevoke(BaseModel):
    reason: str = Field("", max_length=500, description="Kept in the audit log with the change.")


def keys_router(gw: Gateway) -> APIRouter:
    router = APIRouter(prefix="/keys", tags=["keys"])

    def record_change(action: str, r: KeyRecord, reason: str) -> None:
        gw.record_admin_event(key_change(action, r, reason, via="admin-api"))
        log.info("key %s %s (%s/%s) through the admin API%s", r.key_id, action, r.tenant, r.account,
                 f": {reason}" if reason else "")

    @router.get("", response_model=list[KeyInfo])
    async def list_keys(tenant: str | None = Query(None), account: str | None = Query(None),
                        status: Literal["active", "expired", "revoked"] | None = Query(None),
                        limit: int = Query(1000, ge=1, le=10_000), offset: int = Query(0, ge=0)) -> list[KeyInfo]:
        """Keys ordered by tenant, account and creation time; page with `offset` and `limit`."""
        now = time.time()
        chosen = sorted((r for r in await gw.keys.all()
                         if (tenant is None or r.tenant == tenant) and (account is None or r.account == account)
                         and (status is None or r.status(now) == status)),
                        key=lambda r: (r.tenant, r.account, r.created, r.key_id))
        return [KeyInfo.of(r, now) for r in chosen[offset:offset + limit]]

    @router.get("/{key_id}", response_model=KeyInfo, responses=NOT_FOUND)
    async def get_key(key_id: str) -> KeyInfo:
        return KeyInfo.of(await _existing(gw, key_id), time.time())

    async def store(record: KeyRecord) -> None:
        try:
            await gw.keys.put(record)
        except OSError as exc:  # the keys file (memory store): a read-only mount, a full disk
            raise HTTPException(503, f"the keys file cannot be written: {exc}") from None

    @router.post("", response_model=KeyCreated, status_code=201, responses=STORE_DOWN)
    async def create_key(body: KeyCreate) -> KeyCreated:
        now = time.time()
        key, record = new_key(body.tenant, body.account, body.labels, body.expiry(now))
        await store(record)
        record_change("created", record, body.reason)
        return KeyCreated(**KeyInfo.of(record, now).model_dump(), key=key)

    @router.post("/{key_id}/revoke", response_model=KeyInfo, responses={**NOT_FOUND, **STORE_DOWN})
    async def revoke_key(key_id: str, body: KeyRevoke | None = None) -> KeyInfo:
        record = await _existing(gw, key_id)
        if not record.revoked:
            record = replace(record, revoked=True)  # records are replaced, never edited
            await store(record)
            record_change("revoked", record, body.reason if body else "")
        return KeyInfo.of(record, time.time())

    return router


async def _existing(gw: Gateway, key_id: str) -> KeyRecord:
    record = await gw.keys.get(key_id)
    if record is None:
        raise HTTPException(404, f"no key with id {key_id}")
    return record
