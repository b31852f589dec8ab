"""R-DATA-2 integrity of a series from its headers: lossless, complete, ordered, regular geometry.

Thresholds are the ones existing tools use (docs/references.md, DICOM integrity), gathered in
``IntegrityParameters`` and stamped into the report. Every check reads the index only (no pixel
data), so it runs on thousands of files in seconds. Pixel-value checks (blank or constant slices,
identical-pixel duplicates, intensity outliers, duplicated volumes) need the pixels and run with the
grade, on the pixels it reads (:mod:`CNSTumorQCLib.quality.slices`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from CNSTumorQCLib.dicom.model import DicomInstance, PixelDataStatus, Series, Stack
from CNSTumorQCLib.dicom.series import slice_distances, slice_normal
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import N_, tr

RULE = "R-DATA-2"

#: Lossless transfer syntaxes (pydicom.uid; docs/references.md, DICOM integrity).
LOSSLESS_TRANSFER_SYNTAXES = frozenset(
    {
        "1.2.840.10008.1.2",
        "1.2.840.10008.1.2.1",
        "1.2.840.10008.1.2.1.99",
        "1.2.840.10008.1.2.2",
        "1.2.840.10008.1.2.4.57",
        "1.2.840.10008.1.2.4.70",
        "1.2.840.10008.1.2.4.80",
        "1.2.840.10008.1.2.4.90",
        "1.2.840.10008.1.2.4.92",
        "1.2.840.10008.1.2.4.201",
        "1.2.840.10008.1.2.4.202",
        "1.2.840.10008.1.2.5",
    }
)


@dataclass(frozen=True)
class IntegrityParameters:
    """Thresholds of the R-DATA-2 checks, with their sources (docs/references.md, DICOM integrity)."""

    duplicate_position_mm: float = (
        0.01  # |delta d| below this is the same position (Slicer epsilon)
    )
    missing_slice_factor: float = 1.5  # a step above 1.5 x the median step means missing slices
    uneven_spacing_error_mm: float = 0.2  # dcm2niix kSliceTolerance
    uneven_spacing_warning_mm: float = 0.01  # Slicer's spacing epsilon
    orthogonality_max_deg: float = 3.0  # slice normal vs stacking direction (sheared / tilted)
    orientation_tolerance: float = 1e-3  # dicom2nifti orientation allclose
    pixel_spacing_tolerance_mm: float = 1e-3
    minimum_slices: int = 4  # dicom2nifti: more than 3 slices, else a localizer

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


DEFAULT_PARAMETERS = IntegrityParameters()

#: The header attributes that must be constant within a volume, in words for people.
_ATTRIBUTE_WORDS = {
    "rows": N_("rows"),
    "columns": N_("columns"),
    "bits_allocated": N_("bits allocated"),
    "slice_thickness": N_("slice thickness"),
}


def _f(
    severity: Severity, message: str, series: Series, files: Sequence[str], **details: object
) -> Finding:
    return Finding(
        RULE,
        severity,
        message,
        series_instance_uid=series.series_instance_uid,
        files=tuple(files),
        details=dict(details),
    )


def _transfer_findings(series: Series) -> list[Finding]:
    findings: list[Finding] = []
    lossy = sorted(
        {
            i.path
            for i in series.instances
            if i.transfer_syntax_uid and i.transfer_syntax_uid not in LOSSLESS_TRANSFER_SYNTAXES
        }
    )
    if lossy:
        syntax = series.instances[
            [i.path for i in series.instances].index(lossy[0])
        ].transfer_syntax_uid
        findings.append(
            _f(
                Severity.ERROR,
                tr(
                    "{count} file(s) stored with a lossy transfer syntax ({syntax}); "
                    "lossless originals are required",
                    count=len(lossy),
                    syntax=syntax,
                ),
                series,
                lossy,
            )
        )
    marked = sorted({i.path for i in series.instances if i.lossy_compression == "01"})
    if marked:
        findings.append(
            _f(
                Severity.ERROR,
                tr(
                    "{count} file(s) were lossy-compressed at some point "
                    "(LossyImageCompression = 01)",
                    count=len(marked),
                ),
                series,
                marked,
            )
        )
    return findings


def _pixel_findings(series: Series) -> list[Finding]:
    truncated = sorted(
        {i.path for i in series.instances if i.pixel_data is PixelDataStatus.TRUNCATED}
    )
    absent = sorted({i.path for i in series.instances if i.pixel_data is PixelDataStatus.ABSENT})
    findings: list[Finding] = []
    if truncated:
        findings.append(
            _f(
                Severity.ERROR,
                tr(
                    "{count} file(s) end before their pixel data does (truncated copy)",
                    count=len(truncated),
                ),
                series,
                truncated,
            )
        )
    if absent:
        findings.append(
            _f(
                Severity.ERROR,
                tr(
                    "{count} file(s) have no pixel data (truncated or header-only)",
                    count=len(absent),
                ),
                series,
                absent,
            )
        )
    return findings


def _geometry_tag_findings(series: Series) -> list[Finding]:
    missing = sorted(
        {i.label for i in series.instances if i.position is None or i.orientation is None}
    )
    if not missing:
        return []
    return [
        _f(
            Severity.ERROR,
            tr(
                "{count} image(s) lack ImagePositionPatient / ImageOrientationPatient: "
                "geometry unknown",
                count=len(missing),
            ),
            series,
            missing,
        )
    ]


def _geometry_value_findings(series: Series) -> list[Finding]:
    """PixelSpacing and SliceThickness must be finite and positive: a zero or NaN value makes
    every distance, the thickness rule (R-ACQ-6) and the reports meaningless (R-DATA-2)."""
    findings: list[Finding] = []
    for name, label in (("pixel_spacing", "PixelSpacing"), ("slice_thickness", "SliceThickness")):
        bad = {}
        for instance in series.instances:
            value = getattr(instance, name)
            values = value if isinstance(value, tuple) else (value,)
            if value is not None and not all(math.isfinite(v) and v > 0 for v in values):
                bad[instance.label] = value
        if bad:
            shown = sorted({str(v) for v in bad.values()})
            findings.append(
                _f(
                    Severity.ERROR,
                    tr(
                        "{attribute} is zero, negative or not a number ({values}) in "
                        "{count} image(s): the geometry cannot be trusted",
                        attribute=label,
                        values=", ".join(shown),
                        count=len(bad),
                    ),
                    series,
                    sorted(bad),
                )
            )
    return findings


def _constant_findings(series: Series, stack: Stack, params: IntegrityParameters) -> list[Finding]:
    """Rows, Columns, PixelSpacing, BitsAllocated and SliceThickness constant within a stack."""
    findings: list[Finding] = []
    for name in ("rows", "columns", "bits_allocated", "slice_thickness"):
        values = {getattr(i, name) for i in stack.instances}
        if len(values) > 1:
            findings.append(
                _f(
                    Severity.ERROR,
                    tr(
                        "{attribute} differs between images of one volume: {values}",
                        attribute=tr(_ATTRIBUTE_WORDS[name]),
                        values=sorted(map(str, values)),
                    ),
                    series,
                    stack.files,
                )
            )
    spacings = [i.pixel_spacing for i in stack.instances if i.pixel_spacing]
    if spacings:
        arr = np.asarray(spacings)
        if float(np.max(np.ptp(arr, axis=0))) > params.pixel_spacing_tolerance_mm:
            findings.append(
                _f(
                    Severity.ERROR,
                    tr("pixel spacing differs between images of one volume"),
                    series,
                    stack.files,
                )
            )
    orientations = [i.orientation for i in stack.instances if i.orientation]
    if (
        orientations
        and float(np.max(np.ptp(np.asarray(orientations), axis=0))) > params.orientation_tolerance
    ):
        findings.append(
            _f(
                Severity.ERROR,
                tr("slice orientation differs between images of one volume"),
                series,
                stack.files,
            )
        )
    return findings


def _files(instances: Sequence[DicomInstance]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i.label for i in instances))


def _spacing_findings(series: Series, stack: Stack, params: IntegrityParameters) -> list[Finding]:
    """Duplicates, missing slices, uneven spacing, shear (on planes sorted along the normal)."""
    planes = [i for i in stack.instances if i.position is not None and i.orientation is not None]
    distances = slice_distances(Stack(stack.key, stack.label, tuple(planes)))
    if len(distances) < 2:
        return []
    steps = np.diff(np.asarray(distances))
    findings: list[Finding] = []
    dup = [k for k, step in enumerate(steps) if abs(step) < params.duplicate_position_mm]
    if dup:
        files = _files([p for k in dup for p in (planes[k], planes[k + 1])])
        findings.append(
            _f(
                Severity.ERROR,
                tr(
                    "{count} duplicate slice position(s): two images at the same place "
                    "(a copied image, or volumes not split)",
                    count=len(dup),
                ),
                series,
                files,
                positions_mm=[round(distances[k], 3) for k in dup],
            )
        )
    real = steps[np.abs(steps) >= params.duplicate_position_mm]
    if real.size == 0:
        return findings
    median = float(np.median(real))
    gaps = [k for k, step in enumerate(steps) if step > params.missing_slice_factor * median]
    if gaps:
        count = sum(int(round(steps[k] / median)) - 1 for k in gaps)
        where = ", ".join(f"{distances[k]:.1f}..{distances[k + 1]:.1f} mm" for k in gaps)
        files = _files([p for k in gaps for p in (planes[k], planes[k + 1])])
        findings.append(
            _f(
                Severity.ERROR,
                tr(
                    "about {count} missing slice(s): gap in the stack at {where} "
                    "(spacing {spacing:.2f} mm)",
                    count=count,
                    where=where,
                    spacing=median,
                ),
                series,
                files,
                missing_slices=count,
            )
        )
    others = [
        abs(step - median)
        for k, step in enumerate(steps)
        if k not in gaps and abs(step) >= params.duplicate_position_mm
    ]
    deviation = max(others) if others else 0.0
    if deviation > params.uneven_spacing_error_mm:
        findings.append(
            _f(
                Severity.ERROR,
                tr(
                    "uneven slice spacing: steps differ by up to {deviation:.2f} mm "
                    "from {spacing:.2f} mm",
                    deviation=deviation,
                    spacing=median,
                ),
                series,
                stack.files,
                max_deviation_mm=round(deviation, 3),
            )
        )
    elif deviation > params.uneven_spacing_warning_mm:
        findings.append(
            _f(
                Severity.WARNING,
                tr(
                    "slightly uneven slice spacing: up to {deviation:.3f} mm from {spacing:.2f} mm",
                    deviation=deviation,
                    spacing=median,
                ),
                series,
                stack.files,
                max_deviation_mm=round(deviation, 4),
            )
        )
    findings += _shear_findings(series, planes, params)
    return findings


def _shear_findings(
    series: Series, planes: Sequence[DicomInstance], params: IntegrityParameters
) -> list[Finding]:
    first, last = planes[0], planes[-1]
    direction = np.asarray(last.position) - np.asarray(first.position)  # type: ignore[arg-type]
    length = float(np.linalg.norm(direction))
    if length < 1e-6:
        return []
    normal = slice_normal(first.orientation)  # type: ignore[arg-type]
    angle = math.degrees(math.acos(min(1.0, abs(float(np.dot(direction / length, normal))))))
    if angle > params.orthogonality_max_deg:
        return [
            _f(
                Severity.ERROR,
                tr(
                    "sheared stack: slices advance {angle:.1f} deg away from their normal "
                    "(gantry tilt or non-orthogonal volume)",
                    angle=angle,
                ),
                series,
                (first.label, last.label),
                angle_deg=round(angle, 2),
            )
        ]
    return []


def _order_findings(series: Series, stack: Stack) -> list[Finding]:
    """InstanceNumber order against spatial order (a warning only, as dcm2niix)."""
    numbers = [i.instance_number for i in stack.instances if i.position is not None]
    if len(numbers) < 3 or any(n is None for n in numbers) or stack.instances[0].is_multiframe:
        return []
    diffs = np.diff(np.asarray(numbers, dtype=float))
    if np.all(diffs > 0) or np.all(diffs < 0):
        return []
    bad = [
        k
        for k in range(len(diffs))
        if np.sign(diffs[k]) != np.sign(np.median(diffs)) or diffs[k] == 0
    ]
    files = _files([p for k in bad[:10] for p in (stack.instances[k], stack.instances[k + 1])])
    return [
        _f(
            Severity.WARNING,
            tr("instance numbers are not in spatial order (images swapped or misnumbered)"),
            series,
            files,
        )
    ]


def _instance_range_findings(series: Series) -> list[Finding]:
    """InstanceNumber range against the number of images (dcm2niix "Missing images?")."""
    numbers = [i.instance_number for i in series.instances if i.instance_number is not None]
    if len(series.stacks) != 1 or len(numbers) < 2 or series.first.is_multiframe:
        return []
    expected = max(numbers) - min(numbers) + 1
    if expected > len(numbers):
        return [
            _f(
                Severity.WARNING,
                tr(
                    "missing images? instance numbers run {first}..{last} but {count} images "
                    "are present",
                    first=min(numbers),
                    last=max(numbers),
                    count=len(numbers),
                ),
                series,
                (),
            )
        ]
    return []


def _localizer(series: Series, params: IntegrityParameters) -> Finding | None:
    types = {t for i in series.instances for t in i.image_type}
    if "MOSAIC" in types:
        return _f(
            Severity.INFO,
            tr(
                "Siemens mosaic: the slices are tiled in each image; slice checks are not "
                "applicable"
            ),
            series,
            (),
        )
    biggest = max(len(s.instances) for s in series.stacks)
    if "LOCALIZER" in types or biggest < params.minimum_slices:
        why = (
            "ImageType LOCALIZER"
            if "LOCALIZER" in types
            else tr("only {count} slice(s) per volume", count=biggest)
        )
        return _f(
            Severity.INFO,
            tr("localizer or too few slices ({why}): not a volume to annotate", why=why),
            series,
            (),
        )
    return None


def check_integrity(
    series: Series, params: IntegrityParameters = DEFAULT_PARAMETERS
) -> list[Finding]:
    """All R-DATA-2 checks of one series; identical messages from several volumes are merged."""
    findings = (
        _transfer_findings(series)
        + _pixel_findings(series)
        + _geometry_tag_findings(series)
        + _geometry_value_findings(series)
    )
    localizer = _localizer(series, params)
    if localizer is not None:
        return findings + [localizer]
    orientations = {s.key[0] for s in series.stacks}
    if len(orientations) > 1:
        findings.append(
            _f(
                Severity.WARNING,
                tr(
                    "the series holds {count} slice orientations; they are checked as "
                    "separate volumes",
                    count=len(orientations),
                ),
                series,
                (),
            )
        )
    for stack in series.stacks:
        findings += _constant_findings(series, stack, params)
        findings += _spacing_findings(series, stack, params)
        findings += _order_findings(series, stack)
    findings += _instance_range_findings(series)
    return merge_findings(findings)


def merge_findings(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per (rule, severity, message), with the files of all its occurrences."""
    merged: dict[tuple[str, str, str], Finding] = {}
    counts: dict[tuple[str, str, str], int] = {}
    for finding in findings:
        key = (finding.rule, finding.severity.value, finding.message)
        if key in merged:
            previous = merged[key]
            files = tuple(dict.fromkeys(previous.files + finding.files))
            merged[key] = Finding(
                previous.rule,
                previous.severity,
                previous.message,
                previous.series_instance_uid,
                files,
                details=previous.details,
            )
            counts[key] += 1
        else:
            merged[key] = finding
            counts[key] = 1
    out = []
    for key, finding in merged.items():
        if counts[key] > 1:
            finding = Finding(
                finding.rule,
                finding.severity,
                tr("{message} (in {count} volumes)", message=finding.message, count=counts[key]),
                finding.series_instance_uid,
                finding.files,
                details=finding.details,
            )
        out.append(finding)
    return out
