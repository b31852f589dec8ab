"""The consensus acquisition rules (R-ACQ-1..7) as a versioned table, and their check.

The table is data: a frozen dataclass per sequence (allowed planes, allowed 2D/3D, b-values), the
thickness and gap limits of R-ACQ-6, and the five required sequences of a study. Its version is
stamped into every QC report, so a report says which rules judged it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from CNSTumorQCLib.acquisition.identify import Identification
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import tr
from CNSTumorQCLib.sequences import (
    Acquisition,
    MRSequence,
    Plane,
    both,
    either,
    plane_word,
    planes_words,
)

RULE_TABLE_VERSION = "consensus-2021-acq/1.1"

_ANY_ACQ = frozenset({Acquisition.TWO_D, Acquisition.THREE_D})


@dataclass(frozen=True)
class SequenceRule:
    """What the consensus allows for one sequence."""

    rule: str
    sequence: MRSequence
    planes: frozenset[Plane]
    acquisitions: frozenset[Acquisition] = _ANY_ACQ
    b_values: tuple[float, ...] = ()  # nominal b-values (s/mm2), one of which must be present


@dataclass(frozen=True)
class ThicknessRule:
    """R-ACQ-6: 3D <= 2 mm, 2D <= 6 mm, gap (spacing minus thickness) <= 2 mm."""

    rule: str = "R-ACQ-6"
    max_thickness_3d_mm: float = 2.0
    max_thickness_2d_mm: float = 6.0
    max_gap_mm: float = 2.0
    tolerance_mm: float = (
        0.01  # float tolerance on header values (docs/references.md, DICOM integrity)
    )


@dataclass(frozen=True)
class RuleTable:
    version: str
    sequences: tuple[SequenceRule, ...]
    thickness: ThicknessRule = ThicknessRule()
    b_value_tolerance: float = (
        0.05  # +-5 % after rounding to 10 (docs/references.md, DICOM integrity)
    )
    #: The five required sequences; DWI and ADC together count as one requirement (R-ACQ-4),
    #: which needs both of them (``together``): a DWI without its ADC map is incomplete.
    required: tuple[tuple[MRSequence, ...], ...] = (
        (MRSequence.T1,),
        (MRSequence.T1C,),
        (MRSequence.T2,),
        (MRSequence.FLAIR,),
        (MRSequence.DWI, MRSequence.ADC),
    )
    together: tuple[str, ...] = ("DWI/ADC",)
    dwi_b0_max: float = 50.0  # R-ACQ-4: the DWI acquisition holds a b~0 volume (b <= this)
    rule_of_requirement: dict[str, str] = field(
        default_factory=lambda: {
            "T1": "R-ACQ-1",
            "T2": "R-ACQ-2",
            "FLAIR": "R-ACQ-3",
            "DWI/ADC": "R-ACQ-4",
            "T1C": "R-ACQ-5",
        }
    )

    def for_sequence(self, sequence: MRSequence) -> SequenceRule | None:
        return next((r for r in self.sequences if r.sequence is sequence), None)

    def to_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "sequences": {
                r.sequence.value: {
                    "rule": r.rule,
                    "planes": sorted(p.value for p in r.planes),
                    "acquisitions": sorted(a.value for a in r.acquisitions),
                    "b_values": list(r.b_values),
                }
                for r in self.sequences
            },
            "thickness": vars(self.thickness).copy(),
            "b_value_tolerance": self.b_value_tolerance,
            "required": ["/".join(s.value for s in group) for group in self.required],
            "together": list(self.together),
            "dwi_b0_max": self.dwi_b0_max,
        }


_AX = frozenset({Plane.AXIAL})
_AX_SAG = frozenset({Plane.AXIAL, Plane.SAGITTAL})
_2D = frozenset({Acquisition.TWO_D})

CONSENSUS_RULES = RuleTable(
    version=RULE_TABLE_VERSION,
    sequences=(
        SequenceRule("R-ACQ-1", MRSequence.T1, _AX_SAG),
        SequenceRule("R-ACQ-2", MRSequence.T2, _AX),
        SequenceRule("R-ACQ-3", MRSequence.FLAIR, _AX_SAG),
        SequenceRule("R-ACQ-4", MRSequence.DWI, _AX, _2D, (800.0, 1000.0)),
        SequenceRule("R-ACQ-4", MRSequence.ADC, _AX, _2D),
        SequenceRule("R-ACQ-5", MRSequence.T1C, _AX_SAG),
    ),
)


def _finding(
    rule: str, severity: Severity, message: str, uid: str, files: Sequence[str], **details: object
) -> Finding:
    return Finding(
        rule, severity, message, series_instance_uid=uid, files=tuple(files), details=dict(details)
    )


def _plane_findings(
    rule: SequenceRule, ident: Identification, uid: str, files: Sequence[str]
) -> list[Finding]:
    name = ident.sequence.value
    allowed = planes_words(rule.planes)
    if ident.plane is None:
        return [
            _finding(
                rule.rule,
                Severity.ERROR,
                tr(
                    "{sequence}: the slice orientation is missing, so the plane cannot be "
                    "checked ({allowed} required)",
                    sequence=name,
                    allowed=allowed,
                ),
                uid,
                files,
            )
        ]
    if ident.plane not in rule.planes:
        return [
            _finding(
                rule.rule,
                Severity.ERROR,
                tr(
                    "{sequence} is acquired in the {plane} plane (tilt {tilt:g} deg); the "
                    "consensus requires {allowed}",
                    sequence=name,
                    plane=plane_word(ident.plane),
                    tilt=ident.obliquity_deg,
                    allowed=allowed,
                ),
                uid,
                files,
                plane=ident.plane.value,
            )
        ]
    return []


def _acquisition_findings(
    rule: SequenceRule, ident: Identification, uid: str, files: Sequence[str]
) -> list[Finding]:
    name = ident.sequence.value
    if ident.acquisition is None:
        return [
            _finding(
                rule.rule,
                Severity.WARNING,
                tr(
                    "{sequence}: MRAcquisitionType (2D/3D) is not recorded; confirm it",
                    sequence=name,
                ),
                uid,
                files,
            )
        ]
    if ident.acquisition not in rule.acquisitions:
        allowed = either(sorted(a.value for a in rule.acquisitions))
        return [
            _finding(
                rule.rule,
                Severity.ERROR,
                tr(
                    "{sequence} is a {acquisition} acquisition; the consensus requires {allowed}",
                    sequence=name,
                    acquisition=ident.acquisition.value,
                    allowed=allowed,
                ),
                uid,
                files,
            )
        ]
    return []


def _b_value_findings(
    table: RuleTable, rule: SequenceRule, ident: Identification, uid: str, files: Sequence[str]
) -> list[Finding]:
    if not rule.b_values:
        return []
    nominal = either(f"{b:g}" for b in rule.b_values)
    weighted = [b for b in ident.b_values if b > 50]
    if not weighted:
        return [
            _finding(
                rule.rule,
                Severity.ERROR,
                tr(
                    "DWI without a recorded b-value above 0; b = {nominal} s/mm2 required",
                    nominal=nominal,
                ),
                uid,
                files,
            )
        ]
    ok = [
        b for b in weighted if any(abs(b - n) <= table.b_value_tolerance * n for n in rule.b_values)
    ]
    if not ok:
        found = ", ".join(f"{b:g}" for b in weighted)
        return [
            _finding(
                rule.rule,
                Severity.ERROR,
                tr(
                    "DWI acquired with b = {found} s/mm2; the consensus requires b = {nominal}",
                    found=found,
                    nominal=nominal,
                ),
                uid,
                files,
                b_values=list(ident.b_values),
            )
        ]
    return []


def _thickness_findings(
    table: RuleTable, ident: Identification, uid: str, files: Sequence[str]
) -> list[Finding]:
    limits = table.thickness
    findings: list[Finding] = []
    thickness, acq = ident.slice_thickness_mm, ident.acquisition
    if thickness is None:
        findings.append(
            _finding(
                limits.rule,
                Severity.WARNING,
                tr("slice thickness is not recorded; confirm it"),
                uid,
                files,
            )
        )
    elif acq is not None:
        limit = (
            limits.max_thickness_3d_mm if acq is Acquisition.THREE_D else limits.max_thickness_2d_mm
        )
        if thickness > limit + limits.tolerance_mm:
            findings.append(
                _finding(
                    limits.rule,
                    Severity.ERROR,
                    tr(
                        "slice thickness {thickness:g} mm exceeds the {limit:g} mm allowed for "
                        "{acquisition} acquisitions",
                        thickness=thickness,
                        limit=limit,
                        acquisition=acq.value,
                    ),
                    uid,
                    files,
                    slice_thickness_mm=thickness,
                )
            )
    gap = ident.slice_gap_mm
    if gap is not None and gap > limits.max_gap_mm + limits.tolerance_mm:
        findings.append(
            _finding(
                limits.rule,
                Severity.ERROR,
                tr(
                    "gap between slices {gap:g} mm (spacing {spacing:g} mm minus thickness) "
                    "exceeds {limit:g} mm",
                    gap=gap,
                    spacing=ident.slice_spacing_mm,
                    limit=limits.max_gap_mm,
                ),
                uid,
                files,
                slice_gap_mm=gap,
            )
        )
    return findings


def check_series_rules(
    ident: Identification, uid: str, files: Sequence[str], table: RuleTable = CONSENSUS_RULES
) -> list[Finding]:
    """R-ACQ-1..7 for one identified series."""
    rule = table.for_sequence(ident.sequence)
    if rule is None:
        return [
            _finding(
                "R-ACQ-7",
                Severity.INFO,
                tr(
                    "sequence outside the consensus set (T1, T1C, T2, FLAIR, DWI, ADC): "
                    "listed, not annotated"
                ),
                uid,
                (),
            )
        ]
    findings = _plane_findings(rule, ident, uid, files)
    findings += _acquisition_findings(rule, ident, uid, files)
    findings += _b_value_findings(table, rule, ident, uid, files)
    findings += _thickness_findings(table, ident, uid, files)
    if ident.needs_confirmation:
        findings.append(
            _finding(
                rule.rule,
                Severity.WARNING,
                tr(
                    "identified as {sequence} with confidence {confidence:.2f}: a person must "
                    "confirm the sequence",
                    sequence=ident.sequence.value,
                    confidence=ident.confidence,
                ),
                uid,
                (),
            )
        )
    return findings


@dataclass(frozen=True)
class RequirementStatus:
    """One of the five required sequences in a study: which series satisfy it."""

    requirement: str
    rule: str
    valid_series: tuple[str, ...]
    invalid_series: tuple[str, ...]
    duplicated: bool = False  # more than one valid series of the same sequence
    lacking: tuple[str, ...] = ()  # members of a ``together`` group with no valid series

    @property
    def status(self) -> str:
        if self.valid_series and self.lacking:
            return "incomplete"
        if self.duplicated:
            return "duplicated"
        if self.valid_series:
            return "valid"
        return "invalid" if self.invalid_series else "missing"


def check_study_requirements(
    series: Sequence[tuple[str, MRSequence, bool]], table: RuleTable = CONSENSUS_RULES
) -> tuple[list[RequirementStatus], list[Finding]]:
    """Which required sequences are present and valid, missing or duplicated in one study.

    ``series``: (SeriesInstanceUID, sequence, valid) for every series of the study; ``valid``
    means no blocking finding (rule or integrity) and not excluded by a confirmed grade 1.
    """
    statuses: list[RequirementStatus] = []
    findings: list[Finding] = []
    for group in table.required:
        name = "/".join(s.value for s in group)
        rule = table.rule_of_requirement.get(name, "R-ACQ-7")
        valid = tuple(uid for uid, seq, ok in series if seq in group and ok)
        invalid = tuple(uid for uid, seq, ok in series if seq in group and not ok)
        per_sequence = [sum(1 for _, seq, ok in series if seq is s and ok) for s in group]
        lacking = tuple(s.value for s, count in zip(group, per_sequence, strict=True) if count == 0)
        status = RequirementStatus(
            name,
            rule,
            valid,
            invalid,
            duplicated=max(per_sequence) > 1,
            lacking=lacking if name in table.together else (),
        )
        statuses.append(status)
        if status.status == "incomplete":
            findings.append(
                Finding(
                    rule,
                    Severity.ERROR,
                    tr(
                        (
                            "required sequence {name} is incomplete: no valid {lacking} series (the "
                            "consensus requires {members})"
                        ),
                        name=name,
                        lacking=either(lacking),
                        members=both(s.value for s in group),
                    ),
                    details={"series": list(valid), "lacking": list(lacking)},
                )
            )
        elif status.status == "missing":
            findings.append(
                Finding(
                    rule,
                    Severity.ERROR,
                    tr("required sequence {name} is missing from the study", name=name),
                )
            )
        elif status.status == "invalid":
            findings.append(
                Finding(
                    rule,
                    Severity.ERROR,
                    tr(
                        (
                            "required sequence {name} is present but no series of it passes the "
                            "checks"
                        ),
                        name=name,
                    ),
                    details={"series": list(invalid)},
                )
            )
        elif status.status == "duplicated":
            findings.append(
                Finding(
                    rule,
                    Severity.WARNING,
                    tr(
                        "{count} valid {name} series: choose the one to annotate",
                        count=len(valid),
                        name=name,
                    ),
                    details={"series": list(valid)},
                )
            )
    return statuses, findings
