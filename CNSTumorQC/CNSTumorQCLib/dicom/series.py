"""Group image planes into series and split each series into 3D stacks (sub-series).

A SeriesInstanceUID often holds several volumes: diffusion directions and b-values, echoes,
repeated acquisitions, derived image types, or a localizer's three planes. They are split on the
attributes that dicom2nifti, Slicer and docs/references.md, DICOM integrity name: ImageOrientationPatient
(within ``ORIENTATION_DECIMALS``), b-value, gradient direction, EchoNumbers, ImageType,
TemporalPositionIdentifier and AcquisitionNumber. The last two split only when they do not vary
slice by slice (some scanners number every slice as its own acquisition).
Planes in a stack are sorted by the distance along the slice normal, d = IPP . (row x col).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np

from CNSTumorQCLib.dicom.bvalues import round_b_value
from CNSTumorQCLib.dicom.model import DicomInstance, Series, Stack

ORIENTATION_DECIMALS = 3  # dicom2nifti compares orientations within 1e-3
GRADIENT_DECIMALS = 2


def slice_normal(orientation: tuple[float, ...]) -> np.ndarray:
    """Unit normal of an ImageOrientationPatient (row x column)."""
    row = np.asarray(orientation[:3], dtype=float)
    col = np.asarray(orientation[3:6], dtype=float)
    normal = np.cross(row, col)
    norm = float(np.linalg.norm(normal))
    return normal / norm if norm > 0 else normal


def slice_distance(instance: DicomInstance, normal: np.ndarray) -> float | None:
    if instance.position is None:
        return None
    return float(np.dot(np.asarray(instance.position, dtype=float), normal))


@functools.lru_cache(maxsize=4096)
def slice_distances(stack: Stack) -> list[float]:
    """Positions of the stack's planes along its slice normal, in the stack's (sorted) order."""
    reference = next((i.orientation for i in stack.instances if i.orientation), None)
    if reference is None:
        return []
    normal = slice_normal(reference)
    distances = [slice_distance(i, normal) for i in stack.instances]
    return [d for d in distances if d is not None]


def slice_spacing(stack: Stack) -> float | None:
    """Median centre-to-centre distance between neighbouring planes (None below 2 planes)."""
    distances = slice_distances(stack)
    if len(distances) < 2:
        return None
    steps = np.diff(np.asarray(distances))
    steps = steps[np.abs(steps) > 1e-6]
    return float(np.median(np.abs(steps))) if steps.size else None


def _rounded(values: tuple[float, ...], decimals: int) -> tuple[float, ...]:
    """Rounded components, -0.0 made 0.0 (cached: a series repeats its orientation per plane)."""
    return tuple(round(v, decimals) + 0.0 for v in values)


def _key_parts(
    instance: DicomInstance, use_acquisition: bool, use_temporal: bool
) -> tuple[object, ...]:
    orientation = (
        _rounded(instance.orientation, ORIENTATION_DECIMALS) if instance.orientation else None
    )
    b_value = round_b_value(instance.b_value) if instance.b_value is not None else None
    gradient = (
        _rounded(instance.gradient, GRADIENT_DECIMALS) if instance.gradient and b_value else None
    )
    return (
        orientation,
        b_value,
        gradient,
        instance.echo_number,
        instance.image_type,
        instance.temporal_position if use_temporal else None,
        instance.acquisition_number if use_acquisition else None,
    )


def _varies_per_slice(instances: list[DicomInstance], attribute: str) -> bool:
    """True when (nearly) every plane has its own value: not a volume label then."""
    values = [getattr(i, attribute) for i in instances]
    distinct = len(set(values))
    return distinct > 1 and distinct >= 0.9 * len(values)


def _stack_label(key: tuple[object, ...], size: int) -> str:
    orientation, b_value, gradient, echo, image_type, temporal, acquisition = key[:7]
    parts = [f"{size} planes"] + [str(extra) for extra in key[7:]]
    if b_value is not None:
        parts.append(f"b={b_value:g}")
    if gradient is not None:
        parts.append("dir=" + ",".join(f"{g:g}" for g in gradient))  # type: ignore[union-attr,attr-defined]
    if echo is not None:
        parts.append(f"echo {echo}")
    if temporal is not None:
        parts.append(f"time {temporal}")
    if acquisition is not None:
        parts.append(f"acq {acquisition}")
    if image_type:
        parts.append("\\".join(image_type))  # type: ignore[arg-type]
    return ", ".join(parts)


def sort_stack(instances: Iterable[DicomInstance]) -> tuple[DicomInstance, ...]:
    """Sort planes along the slice normal (planes without geometry go last, by instance number)."""
    planes = list(instances)
    reference = next((i.orientation for i in planes if i.orientation), None)
    if reference is None:
        return tuple(sorted(planes, key=lambda i: (i.instance_number or 0, i.label)))
    normal = slice_normal(reference)

    def order(instance: DicomInstance) -> tuple[int, float, int]:
        distance = slice_distance(instance, normal)
        if distance is None:
            return (1, 0.0, instance.instance_number or 0)
        return (0, distance, instance.instance_number or 0)

    return tuple(sorted(planes, key=order))


def _split_repeats(
    key: tuple[object, ...], group: list[DicomInstance]
) -> dict[tuple[object, ...], list[DicomInstance]]:
    """Volumes that no header tells apart (e.g. GE diffusion directions in private tags).

    When every slice position occurs exactly k > 1 times, the j-th image (by InstanceNumber) at
    each position belongs to volume j, as dcm2niix assumes. A single repeated position is left
    alone: that is a duplicate for the integrity check to report.
    """
    if not group or group[0].orientation is None or group[0].is_multiframe:
        return {key: group}
    normal = slice_normal(group[0].orientation)
    at: dict[float, list[DicomInstance]] = {}
    for instance in group:
        distance = slice_distance(instance, normal)
        if distance is None:
            return {key: group}
        at.setdefault(round(distance, 2), []).append(instance)
    counts = {len(v) for v in at.values()}
    if len(counts) != 1 or counts == {1}:
        return {key: group}
    volumes: dict[tuple[object, ...], list[DicomInstance]] = {}
    for planes in at.values():
        for j, instance in enumerate(
            sorted(planes, key=lambda i: (i.instance_number or 0, i.label))
        ):
            volumes.setdefault((*key, f"volume {j + 1}"), []).append(instance)
    return volumes


def split_stacks(instances: list[DicomInstance]) -> tuple[Stack, ...]:
    """Split one series' planes into stacks, largest first."""
    use_acquisition = not _varies_per_slice(instances, "acquisition_number")
    use_temporal = not _varies_per_slice(instances, "temporal_position")
    keyed: dict[tuple[object, ...], list[DicomInstance]] = {}
    for instance in instances:
        keyed.setdefault(_key_parts(instance, use_acquisition, use_temporal), []).append(instance)
    groups: dict[tuple[object, ...], list[DicomInstance]] = {}
    for key, group in keyed.items():
        groups.update(_split_repeats(key, group))
    stacks = [
        Stack(key, _stack_label(key, len(group)), sort_stack(group))
        for key, group in groups.items()
    ]
    stacks.sort(key=lambda s: (-len(s.instances), str(s.key)))
    return tuple(stacks)


def group_series(instances: Iterable[DicomInstance]) -> tuple[Series, ...]:
    """Group planes by SeriesInstanceUID (ordered by patient, study, series number)."""
    by_uid: dict[str, list[DicomInstance]] = {}
    for instance in instances:
        by_uid.setdefault(instance.series_instance_uid, []).append(instance)
    series: list[Series] = []
    for uid, planes in by_uid.items():
        planes.sort(key=lambda i: (i.instance_number or 0, i.label))
        first = planes[0]
        series.append(
            Series(
                patient_id=first.patient_id,
                study_instance_uid=first.study_instance_uid,
                series_instance_uid=uid,
                series_number=first.series_number,
                modality=first.modality,
                description=first.series_description or first.protocol_name,
                instances=tuple(planes),
                stacks=split_stacks(planes),
            )
        )
    series.sort(
        key=lambda s: (
            s.patient_id,
            s.study_instance_uid,
            s.series_number or 0,
            s.series_instance_uid,
        )
    )
    return tuple(series)
