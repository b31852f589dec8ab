"""The region hierarchy on the common grid: containment and disjointness (R-SEG-1..7).

The schema lists the direct relations (``LabelSchema.hierarchy``: inner inside outer;
``LabelSchema.disjoint``). The self-check also applies what they imply, so that no check
depends on the optional tumor body (R-ANN-4: the body is drawn "per study needs"):

* containment: when an inner region's container is empty, the inner region is checked
  against the container's own container (intra-axial enhancing / non-enhancing against the
  whole tumor when the body is not drawn, R-SEG-1/3/4);
* disjointness: when the region a relation excludes is empty, the union of the drawn regions it
  contains takes its place (meningeal edema excludes enhancing + non-enhancing when the tumor
  body is not drawn, R-SEG-6);
* R-SEG-7: in the meningeal schema, enhancing voxels outside the tumor body that are attached
  to it and lie within ``SelfCheckParameters.dural_tail_max_mm`` are a dural tail, part of the
  enhancing region: reported as a note, not an error. The check knows no dura: attachment to
  the body and distance from it are what it measures.

Every relation tolerates partial-volume disagreement between grids (see
``SelfCheckParameters.hierarchy_tolerance_mm``). Voxel counts are on the common grid.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import SimpleITK as sitk
from scipy import ndimage

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.selfcheck.lesions import human_slice
from CNSTumorAnnotationLib.selfcheck.params import SelfCheckParameters
from CNSTumorAnnotationLib.selfcheck.space import CommonSpace
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.sequences import MRSequence

#: The consensus rule behind each containment / disjointness relation.
_RELATION_RULES = {
    "whole_tumor": "R-SEG-1",  # whole tumor = tumor body plus edema
    "enhancing": "R-SEG-3",
    "non_enhancing": "R-SEG-4",  # the non-enhancing part of the tumor body
    "enhancing_non_enhancing": "R-SEG-5",
    "edema": "R-SEG-6",  # edema excludes the tumor body
}
#: Regions that may hold a dural tail outside the meningeal tumor body (R-SEG-7).
DURAL_TAIL_REGIONS = ("enhancing", "enhancing_non_enhancing")


def _empty(mask: sitk.Image | None) -> bool:
    return mask is None or not bool(sitk.GetArrayViewFromImage(mask).any())


def containment_pairs(schema: Any, masks: Mapping[str, sitk.Image]) -> list[tuple[str, str]]:
    """(inner, outer) pairs to check: an empty container is replaced by its own container."""
    outer_of: dict[str, str] = {}
    for inner, outer in schema.hierarchy:
        outer_of.setdefault(inner, outer)
    pairs: list[tuple[str, str]] = []
    for inner, outer in schema.hierarchy:
        if _empty(masks.get(inner)):
            continue
        container: str | None = outer
        while container is not None and _empty(masks.get(container)):
            container = outer_of.get(container)
        if container is not None and (inner, container) not in pairs:
            pairs.append((inner, container))
    return pairs


def contained_in(schema: Any, key: str) -> set[str]:
    """Every region the schema places (directly or through others) inside ``key``."""
    found: set[str] = set()
    frontier = [key]
    while frontier:
        outer = frontier.pop()
        for inner, container in schema.hierarchy:
            if container == outer and inner not in found:
                found.add(inner)
                frontier.append(inner)
    return found


def disjoint_pairs(
    schema: Any, masks: Mapping[str, sitk.Image]
) -> list[tuple[str, tuple[str, ...]]]:
    """(region, regions) pairs to check for overlap: each schema pair, with an empty second
    region replaced by the union of the drawn regions it contains (meningeal edema against
    enhancing + non-enhancing when the tumor body is not drawn, R-SEG-6)."""
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for first, second in schema.disjoint:
        if _empty(masks.get(first)):
            continue
        group: tuple[str, ...] = (second,)
        if _empty(masks.get(second)):
            inner = sorted(contained_in(schema, second))
            group = tuple(k for k in inner if k in schema.keys and not _empty(masks.get(k)))
        if group:
            pairs.append((first, group))
    return pairs


def _sequence(schema: Any, key: str) -> MRSequence:
    return schema.region(key).reference_sequence


def _tolerance_mm(schema: Any, refs: Mapping[MRSequence, sitk.Image], keys, params) -> float:
    slices = [
        refs[_sequence(schema, k)].GetSpacing()[2] for k in keys if _sequence(schema, k) in refs
    ]
    return max([params.hierarchy_tolerance_mm, *slices])


def dural_tail(
    inside: np.ndarray, distance: np.ndarray, tolerance: float, params: SelfCheckParameters
) -> np.ndarray:
    """R-SEG-7: voxels of ``inside`` beyond the tolerance that extend the body as a dural tail.

    ``distance`` is the distance (mm) to the tumor body, <= 0 inside. A component (26-connected)
    of the voxels outside the body is attached when its nearest voxel lies within the
    partial-volume tolerance; its voxels farther than the tolerance (nearer ones are partial
    volume, reported as such) and no farther than ``dural_tail_max_mm`` form the tail.
    """
    outside = inside & (distance > 0)
    if not outside.any():
        return outside
    labels, count = ndimage.label(outside, structure=np.ones((3, 3, 3), dtype=bool))
    nearest = ndimage.minimum(distance, labels, index=np.arange(1, count + 1))
    attached = np.zeros(count + 1, dtype=bool)
    attached[1:] = np.asarray(nearest) <= tolerance
    return attached[labels] & (distance > tolerance) & (distance <= params.dural_tail_max_mm)


def hierarchy_findings(
    schema: Any,
    masks: Mapping[str, sitk.Image],
    refs: Mapping[MRSequence, sitk.Image],
    space: CommonSpace,
    params: SelfCheckParameters,
) -> list[Finding]:
    """Containment (inner inside outer) and disjointness, with a partial-volume tolerance."""
    findings: list[Finding] = []
    meningeal = getattr(schema.family, "value", "") == "meningeal"
    for inner, outer in containment_pairs(schema, masks):
        inside = space.mask(inner, masks[inner], _sequence(schema, inner))
        container = space.mask(outer, masks[outer], _sequence(schema, outer))
        distance = space.distance_mm(container)
        tolerance = _tolerance_mm(schema, refs, (inner, outer), params)
        if meningeal and outer == "tumor_body" and inner in DURAL_TAIL_REGIONS:
            tail = dural_tail(inside, distance, tolerance, params)
            findings += _dural_tail_finding(inner, tail, distance, space, params)
            inside = inside & ~tail
        outside = inside & (distance > 0)
        beyond = inside & (distance > tolerance)
        findings += _relation_finding(
            inner, outer, "outside", outside, beyond, int(inside.sum()), tolerance, space, params
        )
    for first, group in disjoint_pairs(schema, masks):
        a = space.mask(first, masks[first], _sequence(schema, first))
        b = np.zeros_like(a)
        for key in group:
            b = b | space.mask(key, masks[key], _sequence(schema, key))
        tolerance = _tolerance_mm(schema, refs, (first, *group), params)
        overlap = a & b
        beyond = a & (space.distance_mm(~b) > tolerance)  # deeper than the tolerance inside b
        findings += _relation_finding(
            first,
            "+".join(group),
            "overlapping",
            overlap,
            beyond,
            int(min(a.sum(), b.sum())),  # overlap measured against the smaller region
            tolerance,
            space,
            params,
        )
    return findings


def _dural_tail_finding(
    region: str,
    tail: np.ndarray,
    distance: np.ndarray,
    space: CommonSpace,
    params: SelfCheckParameters,
) -> list[Finding]:
    count = int(tail.sum())
    if count == 0:
        return []
    slices = sorted({int(k) for k in np.nonzero(tail.any(axis=(1, 2)))[0]})
    reach = float(distance[tail].max())
    volume = count * space.voxel_mm3
    return [
        Finding(
            "R-SEG-7",
            Severity.INFO,
            tr(
                (
                    "{count} voxels ({volume:.0f} mm3) of {region} outside the tumor body "
                    "are attached to it and reach {reach:.0f} mm from it (at most "
                    "{dural_tail_max_mm:g} mm): a dural tail, part of the enhancing region "
                    "(on the {sequence} grid, slices {slices})."
                ),
                count=count,
                volume=volume,
                region=region,
                reach=reach,
                dural_tail_max_mm=params.dural_tail_max_mm,
                sequence=space.sequence.value,
                slices=_slice_numbers(slices),
            ),
            region=region,
            slice_index=slices[0],
            details={
                "voxels_dural_tail": count,
                "volume_dural_tail_mm3": round(volume, 1),
                "reach_mm": round(reach, 1),
                "dural_tail_max_mm": params.dural_tail_max_mm,
                "slices": slices,
                "grid": space.sequence.value,
            },
        )
    ]


def _relation_finding(
    inner: str,
    outer: str,
    word: str,
    raw: np.ndarray,
    beyond: np.ndarray,
    inner_voxels: int,
    tolerance: float,
    space: CommonSpace,
    params: SelfCheckParameters,
) -> list[Finding]:
    raw_count, beyond_count = int(raw.sum()), int(beyond.sum())
    if raw_count == 0:
        return []
    beyond_mm3 = beyond_count * space.voxel_mm3
    slices = sorted({int(k) for k in np.nonzero(beyond.any(axis=(1, 2)))[0]})
    details = {
        "voxels_" + word: raw_count,
        "volume_" + word + "_mm3": round(raw_count * space.voxel_mm3, 1),
        "voxels_beyond_tolerance": beyond_count,
        "volume_beyond_tolerance_mm3": round(beyond_mm3, 1),
        "tolerance_mm": tolerance,
        "slices_beyond_tolerance": slices,
        "grid": space.sequence.value,
        "registered": space.registered,
        "relation": [inner, outer],
    }
    error = beyond_mm3 >= params.hierarchy_min_outside_mm3 and beyond_count >= (
        params.hierarchy_min_outside_fraction * max(inner_voxels, 1)
    )
    rule = _RELATION_RULES["whole_tumor" if inner == "tumor_body" else inner]
    words = {"inner": inner, "outer": outer, "tolerance": tolerance, "grid": space.sequence.value}
    if error:
        words |= {"count": beyond_count, "volume": beyond_mm3, "slices": _slice_numbers(slices)}
        if word == "outside":
            message = tr(
                "{count} voxels ({volume:.0f} mm3) of {inner} lie outside {outer} by more than "
                "{tolerance:.1f} mm (on the {grid} grid, slices {slices}).",
                **words,
            )
        else:
            message = tr(
                "{count} voxels ({volume:.0f} mm3) of {inner} lie overlapping {outer} by more "
                "than {tolerance:.1f} mm (on the {grid} grid, slices {slices}).",
                **words,
            )
        return [
            Finding(
                rule,
                Severity.ERROR,
                message,
                region=inner,
                slice_index=slices[0] if slices else None,
                details=details,
            )
        ]
    words["count"] = raw_count
    if word == "outside":
        message = tr(
            "{count} voxels of {inner} are outside {outer} on the {grid} grid, within the "
            "{tolerance:.1f} mm partial-volume tolerance.",
            **words,
        )
    else:
        message = tr(
            "{count} voxels of {inner} are overlapping {outer} on the {grid} grid, within the "
            "{tolerance:.1f} mm partial-volume tolerance.",
            **words,
        )
    return [Finding(rule, Severity.INFO, message, region=inner, details=details)]


def _slice_numbers(slices: list[int]) -> list[int]:
    """The 0-based slice indices as the 1-based numbers messages use."""
    return [human_slice(k) for k in slices]
