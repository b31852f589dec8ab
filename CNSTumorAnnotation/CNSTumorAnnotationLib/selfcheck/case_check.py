"""Self-check of one annotation version of a case folder (R-ANN-9 "self-check after finishing").

``run_selfcheck(case, version=None, confirmations=...)`` reads the case only through
``case.load_case`` / ``region_masks`` / ``reference_image``, runs ``selfcheck_core.check_masks``
and returns a ``SelfCheckReport`` (findings, numbered lesion inventory, checklist, the
annotator's confirmations, parameters and provenance). ``write_selfcheck`` saves it atomically
as ``CASE_DIR/selfcheck.json``. A report with an ERROR finding blocks submission (R-FLOW-1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorAnnotationLib.selfcheck.core import attach_sources, check_masks
from CNSTumorAnnotationLib.selfcheck.lesions import Lesion, human_slice
from CNSTumorAnnotationLib.selfcheck.params import (
    CHECKLIST,
    SELFCHECK_VERSION,
    Confirmations,
    SelfCheckParameters,
    checklist_items,
)
from CNSTumorAnnotationLib.selfcheck.space import annotation_file_findings
from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.findings import Finding, Severity, has_blocking
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.sequences import MRSequence

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


REPORT_FORMAT = "cnstumor-selfcheck/1"
REPORT_FILE = "selfcheck.json"
#: A finding's severity in the terminal summary (the JSON keeps the value).
SEVERITY_LABELS = {"error": N_("ERROR"), "warning": N_("WARNING"), "info": N_("INFO")}


@dataclass(frozen=True)
class SelfCheckReport:
    """The self-check of one annotation version: what a person reviews before submitting."""

    case_id: str
    annotation_version: int | None
    annotation_sha256: dict[str, str]
    schema_version: str
    family: str
    findings: tuple[Finding, ...]
    lesions: tuple[Lesion, ...]
    confirmations: Confirmations
    parameters: SelfCheckParameters
    common_space: str
    registered: bool
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def blocking(self) -> bool:
        """True when an ERROR finding blocks the submission."""
        return has_blocking(self.findings)

    def by_rule(self, rule: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.rule == rule]

    def counts(self) -> dict[str, int]:
        return {s.value: sum(f.severity is s for f in self.findings) for s in Severity}

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT,
            "selfcheck_version": self.parameters.version,
            "case_id": self.case_id,
            "annotation_version": self.annotation_version,
            "annotation_sha256": dict(self.annotation_sha256),
            "schema_version": self.schema_version,
            "family": self.family,
            "blocking": self.blocking,
            "counts": self.counts(),
            "findings": [finding.to_dict() for finding in self.findings],
            "lesions": [lesion.to_dict() for lesion in self.lesions],
            "checklist": checklist_items(self.confirmations),
            "confirmations": self.confirmations.to_dict(),
            "parameters": self.parameters.to_dict(),
            "common_space": {
                "grid": self.common_space,
                "mapping": "case registration" if self.registered else "physical-space identity",
            },
            "coordinates": "centroids in physical LPS mm (ITK) and RAS mm (Slicer); slice_index "
            "fields 0-based along each reference volume's third (axial) axis; messages number "
            "slices from 1",
            "provenance": self.provenance,
        }


def case_transforms(case: Any, common_space: MRSequence) -> dict[MRSequence, sitk.Transform]:
    """The case's co-registration (``registration.py``): FLAIR points -> each sequence's points.

    Empty when the case was imported without registration (physical-space identity is used).
    """
    from CNSTumorAnnotationLib.case import registration

    transforms = {
        seq: registration.sequence_transform(case, seq)
        for seq in case.volumes
        if seq is not registration.FIXED_SEQUENCE
        and registration.sequence_transform_path(case, seq).is_file()
    }
    if transforms and common_space is not registration.FIXED_SEQUENCE:
        raise InvalidInputError(
            tr(
                (
                    "the case is registered to {fixed}: the self-check's common "
                    "space must be {fixed}, not {common_space}"
                ),
                fixed=registration.FIXED_SEQUENCE.value,
                common_space=common_space.value,
            ),
            case.case_file,
        )
    return transforms


def run_selfcheck(
    case: Any,
    version: int | None = None,
    confirmations: Confirmations | None = None,
    *,
    parameters: SelfCheckParameters | None = None,
    runtime: MRMLRuntime | None = None,
) -> SelfCheckReport:
    """Self-check an annotation version (default: the latest) of a loaded case or case folder."""
    from CNSTumorAnnotationLib.case import folder as case_module

    if isinstance(case, str | Path):
        case = case_module.load_case(case)
    chosen = case_module.get_version(case, version)
    confirmations = confirmations or Confirmations()
    params = parameters or SelfCheckParameters()
    masks = case_module.region_masks(case, chosen.version, runtime=runtime)
    references = {seq: case_module.reference_image(case, seq) for seq in case.volumes}
    result = check_masks(
        masks,
        references,
        case.schema,
        confirmations=confirmations,
        parameters=params,
        transforms=case_transforms(case, params.common_space),
    )
    file_findings = annotation_file_findings(case.schema, chosen.files, references, params)
    file_findings += _changed_file_findings(case, chosen.version)
    findings = (*file_findings, *result.findings) if file_findings else result.findings
    files = {seq: _relative(path, case.root) for seq, path in chosen.files.items()}
    return SelfCheckReport(
        case_id=str(case.case_id),
        annotation_version=chosen.version,
        annotation_sha256=dict(chosen.sha256),
        schema_version=case.schema.version,
        family=case.family.value,
        findings=attach_sources(findings, case.schema, case.series_uids, files),
        lesions=result.lesions,
        confirmations=confirmations,
        parameters=params,
        common_space=result.common_space,
        registered=result.registered,
        provenance=provenance(
            "selfcheck",
            rule_tables={"selfcheck": params.version, "label_schema": case.schema.version},
            parameters={"annotation_version": chosen.version, **confirmations.to_dict()},
        ),
    )


def _changed_file_findings(case: Any, version: int) -> list[Finding]:
    """R-FLOW-1: a segmentation edited after its version was saved no longer matches the record."""
    from CNSTumorAnnotationLib.case.folder import changed_files

    return [
        Finding(
            "R-FLOW-1",
            Severity.ERROR,
            tr(
                (
                    "{relative} changed after version {version} was saved (its SHA-256 "
                    "differs from version.json): save the edits as a new version."
                ),
                relative=_relative(path, case.root),
                version=version,
            ),
            files=(_relative(path, case.root),),
        )
        for path in changed_files(case, version)
    ]


def write_selfcheck(report: SelfCheckReport, case_dir: Path | str) -> Path:
    """Write ``CASE_DIR/selfcheck.json`` atomically (the latest self-check of the case)."""
    return write_json_atomic(Path(case_dir) / REPORT_FILE, report.to_dict())


def format_report(report: SelfCheckReport) -> str:
    """A readable summary: verdict, counts, findings (errors first), lesions, open checklist.

    In the language people read now; rule IDs, region keys and lesion names stay as they are.
    """
    counts = report.counts()
    verdict = (
        tr("BLOCKED: fix the errors before submitting") if report.blocking else tr("OK to submit")
    )
    mapping = tr("case registration") if report.registered else tr("physical-space identity")
    lines = [
        tr(
            "Self-check of case {case_id}, annotation version {version} ({selfcheck_version}): "
            "{verdict}",
            case_id=report.case_id,
            version=report.annotation_version,
            selfcheck_version=report.parameters.version,
            verdict=verdict,
        ),
        "  "
        + tr(
            "{errors} error(s), {warnings} warning(s), {notes} note(s); hierarchy on the {grid} "
            "grid ({mapping})",
            errors=counts["error"],
            warnings=counts["warning"],
            notes=counts["info"],
            grid=report.common_space,
            mapping=mapping,
        ),
        tr("Findings:"),
    ]
    for finding in report.findings:
        where = _where(finding.lesion, finding.slice_index)
        word = tr(SEVERITY_LABELS[finding.severity.value])
        label = word.ljust(7) if word.isascii() else word
        lines.append(f"  [{label}] {finding.rule:8} {finding.message}{where}")
    lines.append(tr("Lesions (centroid in RAS mm; slices numbered from 1):"))
    for lesion in report.lesions:
        x, y, z = lesion.centroid_ras_mm
        slices = tr(
            "slices {first}-{last}",
            first=human_slice(lesion.slice_first),
            last=human_slice(lesion.slice_last),
        )
        lines.append(
            f"  {lesion.label:24} {lesion.volume_mm3:10.1f} mm3  ({x:6.1f}, {y:6.1f}, {z:6.1f})  "
            f"{slices}" + ("  " + tr("speck") if lesion.speck else "")
        )
    open_items = [key for key in CHECKLIST if key not in report.confirmations.checklist]
    if open_items:
        lines.append(tr("To confirm by hand:"))
        lines.extend(f"  {CHECKLIST[key][0]} {key}: {tr(CHECKLIST[key][1])}" for key in open_items)
    return "\n".join(lines)


def _where(lesion: int | None, slice_index: int | None) -> str:
    parts = []
    if lesion is not None:
        parts.append(tr("lesion {number}", number=lesion))
    if slice_index is not None:
        parts.append(tr("slice {number}", number=human_slice(slice_index)))
    return f" [{', '.join(parts)}]" if parts else ""


def _relative(path: Path, root: Path) -> str:
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return str(path)


__all__ = [
    "SELFCHECK_VERSION",
    "Confirmations",
    "SelfCheckParameters",
    "SelfCheckReport",
    "case_transforms",
    "format_report",
    "run_selfcheck",
    "write_selfcheck",
]
