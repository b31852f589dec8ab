"""The pseudonym key (R-DATA-1): project secret, UID map, per-patient pseudonym and date shift.

Everything is derived from one secret with HMAC-SHA-256, so the same input always gives the same
output (UIDs, pseudonyms, date shifts) across files, series and runs. The key file holds the
secret and the original-to-pseudonym table; it re-identifies patients, so it is written
separately from the de-identified copy (never inside it) with owner-only permissions.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.deid.policy import DeidPolicy
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.i18n import tr

KEY_FILE_FORMAT = "cnstumor-deid-key-1"


@dataclass(frozen=True)
class PatientKey:
    """One patient's pseudonym and date shift, with the originals they replace."""

    pseudonym: str
    date_shift_days: int
    original_patient_id: str
    original_patient_name: str


class KeyStore:
    """Derives and records the mappings of one de-identification project."""

    def __init__(self, secret: str, policy: DeidPolicy) -> None:
        if len(secret) < 16:
            raise InvalidInputError(
                tr("the de-identification secret must have at least 16 characters")
            )
        self._key = secret.encode("utf-8")
        self.secret = secret
        self.policy = policy
        self.uids: dict[str, str] = {}
        self.patients: dict[str, PatientKey] = {}
        self.inputs: dict[str, str] = {}

    @classmethod
    def open(cls, key_file: Path, secret: str | None, policy: DeidPolicy) -> KeyStore:
        """Reuse an existing key file (same secret, same mappings) or start a new one."""
        if not key_file.exists():
            return cls(secret or secrets.token_hex(32), policy)
        try:
            data = json.loads(key_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise InvalidInputError(
                tr("cannot read the key file: {error}", error=error), key_file
            ) from error
        if data.get("format") != KEY_FILE_FORMAT:
            raise InvalidInputError(
                tr("not a {key_format} key file", key_format=KEY_FILE_FORMAT), key_file
            )
        if secret is not None and secret != data["secret"]:
            raise InvalidInputError(
                tr(
                    "the given secret differs from the one in the key file; the mappings "
                    "would clash"
                ),
                key_file,
            )
        store = cls(data["secret"], policy)
        store.uids.update(data.get("uids", {}))
        store.inputs.update(data.get("inputs", {}))
        for key, record in data.get("patients", {}).items():
            store.patients[key] = PatientKey(**record)
        return store

    def _digest(self, purpose: str, value: str) -> bytes:
        return hmac.new(self._key, f"{purpose}|{value}".encode(), hashlib.sha256).digest()

    def uid(self, original: str) -> str:
        """A ``2.25.`` UID (UUID version 8 bits) derived from the original UID and the secret."""
        original = original.strip().rstrip("\0")
        mapped = self.uids.get(original)
        if mapped is None:
            raw = bytearray(self._digest("uid", original)[:16])
            raw[6] = (raw[6] & 0x0F) | 0x80  # RFC 9562 version 8 (custom)
            raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
            mapped = f"2.25.{int.from_bytes(raw, 'big')}"
            self.uids[original] = mapped
        return mapped

    def patient(self, identity: str, patient_id: str, patient_name: str) -> PatientKey:
        """The pseudonym and date shift of the patient whose identity string is ``identity``."""
        record = self.patients.get(identity)
        if record is None:
            digest = self._digest("patient", identity)
            span = self.policy.date_shift_max_days - self.policy.date_shift_min_days + 1
            shift = self.policy.date_shift_min_days + int.from_bytes(digest[8:12], "big") % span
            record = PatientKey(
                pseudonym=f"{self.policy.pseudonym_prefix}-{digest[:5].hex().upper()}",
                date_shift_days=-shift,
                original_patient_id=patient_id,
                original_patient_name=patient_name,
            )
            self.patients[identity] = record
        return record

    def input_token(self, relative_path: str) -> str:
        """An opaque name for an input file (its path may carry identity); resolved in the key file."""
        token = "in-" + self._digest("input", relative_path)[:6].hex()
        self.inputs[token] = relative_path
        return token

    def save(self, key_file: Path, provenance: dict[str, Any]) -> None:
        """Write the key file atomically, readable by its owner only."""
        payload = {
            "format": KEY_FILE_FORMAT,
            "warning": "re-identifies patients: keep apart from the de-identified data",
            "secret": self.secret,
            "policy": self.policy.as_dict(),
            "patients": {key: asdict(record) for key, record in sorted(self.patients.items())},
            "uids": dict(sorted(self.uids.items())),
            "inputs": dict(sorted(self.inputs.items())),
            "provenance": provenance,
        }
        write_json_atomic(key_file, payload)
        os.chmod(key_file, 0o600)
