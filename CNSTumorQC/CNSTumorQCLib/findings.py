"""Findings: validation results with a rule ID, a severity and a message (as Slicer's DICOM plugin).

Validation returns findings; it raises only when the input cannot be read at all. Every finding
names the consensus rule it implements (docs/rules.md), so a report can be traced back to the rule.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from CNSTumorQCLib.i18n import N_, tr


class Severity(enum.Enum):
    """How much a finding matters. Member names are a file format: never rename them."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"  # blocks the case (QC) or the submission (self-check)

    @property
    def blocking(self) -> bool:
        return self is Severity.ERROR


@dataclass(frozen=True)
class Finding:
    """One result of a check.

    ``rule`` is a consensus rule ID (docs/rules.md) (``R-ACQ-6``); ``message`` is written for a radiologist;
    ``files`` lists the files involved; ``details`` holds machine-readable evidence.
    """

    rule: str
    severity: Severity
    message: str
    series_instance_uid: str | None = None
    files: tuple[str, ...] = ()
    region: str | None = None
    lesion: int | None = None
    slice_index: int | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["files"] = list(self.files)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        values = dict(data)
        values["severity"] = Severity(values["severity"])
        values["files"] = tuple(values.get("files", ()))
        return cls(**values)


#: The severities as people read them (the JSON keeps ``Severity.value``).
_SEVERITY_WORDS = {
    Severity.INFO: N_("info"),
    Severity.WARNING: N_("warning"),
    Severity.ERROR: N_("error"),
}


def severity_word(severity: Severity) -> str:
    """``error`` / ``warning`` / ``info`` in the language people read (错误 / 警告 / 提示)."""
    return tr(_SEVERITY_WORDS[severity])


def has_blocking(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error (blocks the case or the submission)."""
    return any(finding.severity.blocking for finding in findings)
