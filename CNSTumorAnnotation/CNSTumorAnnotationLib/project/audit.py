"""The append-only, hash-chained audit log (R-FLOW-1: every step leaves a record: who, when,
what, with which version).

Each entry's hash is ``sha256(previous hash + canonical JSON of the entry)``; the first entry
chains from 64 zeros. Triggers refuse UPDATE and DELETE on the table, and :func:`verify_chain`
recomputes every hash so that an edit made behind the triggers' back (dropping them, or
editing the file's bytes) is found and the first broken entry is named.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project.store import Connection, utc_now

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    """One record of the log, as stored."""

    seq: int
    recorded_at: str
    actor: str
    action: str
    case_id: str | None
    version_id: int | None
    details: dict[str, Any]
    prev_hash: str
    entry_hash: str

    def payload(self) -> dict[str, Any]:
        """The fields the hash covers (everything except the hashes themselves)."""
        return {
            "seq": self.seq,
            "recorded_at": self.recorded_at,
            "actor": self.actor,
            "action": self.action,
            "case_id": self.case_id,
            "version_id": self.version_id,
            "details": self.details,
        }


@dataclass(frozen=True)
class ChainReport:
    """Result of :func:`verify_chain`: ``ok``, entries checked, and the first broken entry."""

    ok: bool
    entries: int
    first_broken_seq: int | None = None
    problem: str = ""

    def describe(self) -> str:
        """One line for people, in the current language."""
        if self.ok:
            return tr(
                "audit log intact: {entries} entries, hash chain verified (R-FLOW-1)",
                entries=self.entries,
            )
        return tr(
            "audit log broken at entry {seq}: {problem}",
            seq=self.first_broken_seq,
            problem=self.problem,
        )


def canonical_json(payload: dict[str, Any]) -> str:
    """Key-sorted, compact, UTF-8 JSON: the same entry always gives the same bytes."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, payload: dict[str, Any]) -> str:
    """sha256 of the previous hash followed by the canonical JSON of the entry."""
    return hashlib.sha256((prev_hash + canonical_json(payload)).encode("utf-8")).hexdigest()


def append(
    conn: Connection,
    *,
    actor: str,
    action: str,
    case_id: str | None = None,
    version_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. Must run inside a write transaction (``store.transaction``) so that
    reading the last hash and inserting the next entry cannot interleave with another writer."""
    if not conn.in_transaction:
        raise RuntimeError("audit.append must run inside store.transaction(conn)")
    last = conn.execute(
        "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    seq = int(last["seq"]) + 1 if last else 1
    prev_hash = str(last["entry_hash"]) if last else GENESIS_HASH
    details = json.loads(canonical_json(details or {}))  # what is stored is what is hashed
    entry = AuditEntry(seq, utc_now(), actor, action, case_id, version_id, details, prev_hash, "")
    entry_hash = chain_hash(prev_hash, entry.payload())
    conn.execute(
        "INSERT INTO audit_log (seq, recorded_at, actor, action, case_id, version_id, details,"
        " prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            seq,
            entry.recorded_at,
            actor,
            action,
            case_id,
            version_id,
            canonical_json(details),
            prev_hash,
            entry_hash,
        ),
    )
    return AuditEntry(**{**entry.__dict__, "entry_hash": entry_hash})


def entries(conn: Connection, case_id: str | None = None) -> list[AuditEntry]:
    """All entries in order (of one case when ``case_id`` is given)."""
    query = "SELECT * FROM audit_log"
    params: tuple[Any, ...] = ()
    if case_id is not None:
        query += " WHERE case_id = ?"
        params = (case_id,)
    return [_row_to_entry(row) for row in conn.execute(query + " ORDER BY seq", params)]


def verify_chain(conn: Connection) -> ChainReport:
    """Recompute the chain from the first entry; report the first entry that does not match."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    count = 0
    for row in conn.execute("SELECT * FROM audit_log ORDER BY seq"):
        count += 1
        try:
            entry = _row_to_entry(row)
        except (ValueError, TypeError) as error:
            return ChainReport(
                False, count, int(row["seq"]), tr("unreadable entry ({error})", error=error)
            )
        if entry.seq != expected_seq:
            return ChainReport(
                False, count, entry.seq, tr("entry {seq} is missing", seq=expected_seq)
            )
        if entry.prev_hash != prev_hash:
            return ChainReport(
                False, count, entry.seq, tr("its link to the previous entry differs")
            )
        if chain_hash(prev_hash, entry.payload()) != entry.entry_hash:
            return ChainReport(
                False, count, entry.seq, tr("its content no longer matches its hash")
            )
        prev_hash = entry.entry_hash
        expected_seq += 1
    return ChainReport(True, count)


def _row_to_entry(row: Any) -> AuditEntry:
    return AuditEntry(
        seq=int(row["seq"]),
        recorded_at=str(row["recorded_at"]),
        actor=str(row["actor"]),
        action=str(row["action"]),
        case_id=row["case_id"],
        version_id=row["version_id"],
        details=json.loads(row["details"]),
        prev_hash=str(row["prev_hash"]),
        entry_hash=str(row["entry_hash"]),
    )
