"""Study-level acquisition rules that compare series with each other (R-ACQ-4, R-ACQ-5).

* R-ACQ-5: the contrast-enhanced T1 is acquired AFTER gadolinium, so after the plain T1. A T1
  acquired after a T1C of the same study is not a plain T1 (or the labels are swapped): an error
  until a person sorts out which series is pre- and which is post-contrast.
* R-ACQ-4: the diffusion acquisition holds a b~0 volume besides b = 800 / 1000 (the ADC map is
  computed from both, and a reader checks it against the b = 0 image): among the usable DWI
  series of a study, one must have b <= ``RuleTable.dwi_b0_max``.

They read the saved series entries only (sequence, usable, b-values, acquisition start), so a
study verdict recomputed from qc_report.json (after a radiologist's confirmation) applies them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from CNSTumorQCLib.acquisition.rules import CONSENSUS_RULES, RuleTable
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import tr


class SeriesEntry(Protocol):
    """What the study rules read of a series entry (``SeriesReport`` has it)."""

    series_instance_uid: str
    series_number: int | None
    series_description: str
    sequence: str
    b_values: tuple[float, ...]
    acquisition_parameters: dict[str, Any]

    @property
    def usable(self) -> bool: ...


def _when(entry: SeriesEntry) -> str | None:
    value = (entry.acquisition_parameters or {}).get("acquisition_datetime")
    return str(value) if value else None


def _name(entry: SeriesEntry) -> str:
    return tr(
        "series {number} '{description}'",
        number=entry.series_number,
        description=entry.series_description,
    )


def contrast_order_findings(entries: Sequence[SeriesEntry]) -> list[Finding]:
    """R-ACQ-5: every T1C after every T1 of the study (when both times are recorded)."""
    t1 = [(e, _when(e)) for e in entries if e.sequence == "T1" and _when(e)]
    t1c = [(e, _when(e)) for e in entries if e.sequence == "T1C" and _when(e)]
    findings = []
    for post, post_time in t1c:
        for pre, pre_time in t1:
            if pre_time and post_time and post_time < pre_time:
                findings.append(
                    Finding(
                        "R-ACQ-5",
                        Severity.ERROR,
                        tr(
                            (
                                "T1C {post_series} acquired at {post_time} before T1 {pre_series} at "
                                "{pre_time}: a T1 after gadolinium is not a plain T1; a person checks "
                                "which series is pre- and which post-contrast"
                            ),
                            post_series=_name(post),
                            post_time=post_time,
                            pre_series=_name(pre),
                            pre_time=pre_time,
                        ),
                        details={"t1c": post.series_instance_uid, "t1": pre.series_instance_uid},
                    )
                )
    return findings


def dwi_b0_findings(
    entries: Sequence[SeriesEntry], table: RuleTable = CONSENSUS_RULES
) -> list[Finding]:
    """R-ACQ-4: the usable DWI series of the study include a b~0 volume."""
    dwi = [e for e in entries if e.sequence == "DWI" and e.usable]
    if not dwi or any(b <= table.dwi_b0_max for e in dwi for b in e.b_values):
        return []
    found = sorted({b for e in dwi for b in e.b_values})
    return [
        Finding(
            "R-ACQ-4",
            Severity.ERROR,
            tr(
                (
                    "DWI without a b~0 volume (b = {values} s/mm2; b <= {limit:g} "
                    "required with b = 800 or 1000)"
                ),
                values=", ".join(f"{b:g}" for b in found) or tr("unknown"),
                limit=table.dwi_b0_max,
            ),
            details={"series": [e.series_instance_uid for e in dwi]},
        )
    ]
