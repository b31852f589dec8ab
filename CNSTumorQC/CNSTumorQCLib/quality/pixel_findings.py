"""Findings from the pixels of a series: defective slices and volumes duplicated across series.

:mod:`CNSTumorQCLib.quality.slices` finds the slices by index; here they become findings that name
the files (R-DATA-2 / R-QC-3), and the volumes of a study are compared with each other: a series
whose pixels equal another series' pixels (a T1 exported again as "T1C", one series copied under a
new UID) is not a separate acquisition, and a person decides which one is genuine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from CNSTumorQCLib.dicom.model import Stack
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import tr
from CNSTumorQCLib.quality.slices import SliceCheck


def _labels(stack: Stack, indices: Iterable[int]) -> tuple[str, ...]:
    return tuple(stack.instances[k].label for k in indices if 0 <= k < len(stack.instances))


def slice_findings(check: SliceCheck, stack: Stack, uid: str) -> list[Finding]:
    """One finding per kind of defective slice, naming the files (R-DATA-2, R-QC-3)."""
    findings: list[Finding] = []
    if check.blank:
        values = sorted(set(check.constant_values))
        shown = ", ".join(f"{v:g}" for v in values[:3])
        findings.append(
            Finding(
                "R-DATA-2",
                Severity.ERROR,
                tr(
                    (
                        "{count} blank slice(s) inside the volume (every pixel = {values}): "
                        "pixel data lost in export or transfer; re-export the series from the "
                        "scanner"
                    ),
                    count=len(check.blank),
                    values=shown,
                ),
                uid,
                _labels(stack, check.blank),
                details={"slices": [k + 1 for k in check.blank]},
            )
        )
    if check.blank_ends:
        findings.append(
            Finding(
                "R-QC-3",
                Severity.INFO,
                tr(
                    "{count} empty slice(s) at the ends of the volume (padding)",
                    count=len(check.blank_ends),
                ),
                uid,
                _labels(stack, check.blank_ends),
                details={"slices": [k + 1 for k in check.blank_ends]},
            )
        )
    if check.duplicates:
        pairs = [(copy, original) for copy, original in check.duplicates]
        findings.append(
            Finding(
                "R-DATA-2",
                Severity.ERROR,
                tr(
                    (
                        "{count} slice(s) duplicated at another position (identical "
                        "pixels): the anatomy of that position is missing; re-export the series"
                    ),
                    count=len(pairs),
                ),
                uid,
                _labels(stack, [k for pair in pairs for k in pair]),
                details={"pairs": [[copy + 1, original + 1] for copy, original in pairs]},
            )
        )
    if check.jumps:
        listed = ", ".join(f"{k + 1} ({v:.0%})" for k, v in check.jumps)
        findings.append(
            Finding(
                "R-QC-3",
                Severity.WARNING,
                tr(
                    (
                        "slice intensity jumps far from both neighbours (slice {listed}): a "
                        "corrupted or mis-scaled slice; a radiologist confirms"
                    ),
                    listed=listed,
                ),
                uid,
                _labels(stack, [k for k, _ in check.jumps]),
                details={"jumps": [[k + 1, v] for k, v in check.jumps]},
            )
        )
    return findings


def duplicate_volume_findings(
    volumes: Sequence[tuple[str, str, int | None, str, tuple[str, ...]]],
) -> dict[str, list[Finding]]:
    """Findings per series for volumes with identical pixels across series (R-DATA-2).

    ``volumes``: (SeriesInstanceUID, pixel digest, SeriesNumber, SeriesDescription, files) of the
    series whose pixels were read. Returns the new findings keyed by SeriesInstanceUID.
    """
    by_digest: dict[str, list[tuple[str, str, int | None, str, tuple[str, ...]]]] = {}
    for entry in volumes:
        by_digest.setdefault(entry[1], []).append(entry)
    found: dict[str, list[Finding]] = {}
    for group in by_digest.values():
        if len({uid for uid, *_ in group}) < 2:
            continue
        for uid, _, _, _, files in group:
            others = [e for e in group if e[0] != uid]
            names = ", ".join(
                tr("series {number} '{description}'", number=number, description=description)
                for _, _, number, description, _ in others
            )
            found.setdefault(uid, []).append(
                Finding(
                    "R-DATA-2",
                    Severity.ERROR,
                    tr(
                        (
                            "pixel data identical to {names}: a copy, not a separate acquisition; a "
                            "person decides which series is genuine"
                        ),
                        names=names,
                    ),
                    uid,
                    files + tuple(f for e in others for f in e[4]),
                    details={"same_pixels_as": [e[0] for e in others]},
                )
            )
    return found
