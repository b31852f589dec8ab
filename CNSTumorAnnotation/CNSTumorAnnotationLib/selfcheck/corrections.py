"""Resolve self-check findings without Slicer, as a NEW annotation version (R-ANN-7, R-ANN-9).

A blocking self-check finding (a skipped interior slice, R-ANN-9) could only be fixed by drawing
in Slicer, and a speck (R-ANN-7) only removed there. ``correct_version`` applies what the
annotator decides to one version and saves the result as a new version whose parent is that
version (nothing is overwritten); the note records each change and who decided it:

- ``fill_skipped``: a lesion's empty interior slice takes the union of the lesion on its nearest
  labelled slices below and above (the same lesion only);
- ``remove_below_voxels`` / ``remove_below_mm3``: lesions smaller than either limit are removed;
  ``remove_specks`` uses the self-check's own speck limits;
- ``keep``: lesions the annotator confirms as real ("enhancing #2", numbered as the self-check
  numbers them) are never removed.

Lesions are numbered exactly as the self-check numbers them (``lesions.label_lesions``: bridged
components, largest first), so "whole_tumor #3" means the same lesion in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.selfcheck.lesions import human_slice, label_lesions
from CNSTumorAnnotationLib.selfcheck.params import SelfCheckParameters
from CNSTumorQCLib.errors import InvalidInputError

_LESION = re.compile(r"^\s*([a-z_]+)\s*#\s*(\d+)\s*$")


def parse_lesion(text: str) -> tuple[str, int]:
    """``"enhancing #2"`` -> ("enhancing", 2)."""
    match = _LESION.match(text.lower())
    if not match:
        raise InvalidInputError(
            tr("a lesion is named REGION #N as in the self-check, got {text!r}", text=text)
        )
    return match.group(1), int(match.group(2))


@dataclass
class Correction:
    """What to change; what was changed is appended to ``changes`` (one line each)."""

    fill_skipped: bool = False
    remove_below_voxels: int = 0
    remove_below_mm3: float = 0.0
    keep: frozenset[tuple[str, int]] = frozenset()
    regions: frozenset[str] | None = None  # None: every region
    changes: list[str] = field(default_factory=list)

    def applies_to(self, region: str) -> bool:
        return self.regions is None or region in self.regions


def _fill(region: str, lesions: np.ndarray, array: np.ndarray, correction: Correction) -> None:
    for number in range(1, int(lesions.max()) + 1):
        slices = np.nonzero((lesions == number).any(axis=(1, 2)))[0]
        if slices.size < 2:
            continue
        for k in range(int(slices[0]) + 1, int(slices[-1])):
            if (lesions[k] == number).any():
                continue
            below = int(slices[slices < k].max())
            above = int(slices[slices > k].min())
            added = ((lesions[below] == number) | (lesions[above] == number)) & ~array[k]
            array[k] |= added
            correction.changes.append(
                tr(
                    "{lesion}: filled skipped slice {skipped} from slices {below} and {above} "
                    "({voxels} voxels)",
                    lesion=f"{region} #{number}",
                    skipped=human_slice(k),
                    below=human_slice(below),
                    above=human_slice(above),
                    voxels=int(added.sum()),
                )
            )


def _remove_small(
    region: str,
    lesions: np.ndarray,
    array: np.ndarray,
    voxel_mm3: float,
    correction: Correction,
) -> None:
    counts = np.bincount(lesions.ravel())
    for number in range(1, counts.size):
        voxels = int(counts[number])
        if not voxels or (region, number) in correction.keep:
            continue
        small = voxels < correction.remove_below_voxels or (
            voxels * voxel_mm3 < correction.remove_below_mm3
        )
        if small:
            array[lesions == number] = False
            correction.changes.append(
                tr(
                    "{lesion}: removed ({voxels} voxels, {volume_mm3:.1f} mm3)",
                    lesion=f"{region} #{number}",
                    voxels=voxels,
                    volume_mm3=voxels * voxel_mm3,
                )
            )


def correct_masks(
    masks: dict[str, sitk.Image], correction: Correction, params: SelfCheckParameters
) -> dict[str, sitk.Image]:
    """The corrected masks (same grids); ``correction.changes`` says what changed."""
    for region, _number in correction.keep:
        if region not in masks:
            raise InvalidInputError(tr("no region {region!r} in this annotation", region=region))
    corrected = {}
    for region, mask in masks.items():
        array = sitk.GetArrayFromImage(mask).astype(bool)
        if correction.applies_to(region) and array.any():
            lesions = sitk.GetArrayFromImage(label_lesions(mask, params))
            if correction.fill_skipped:
                _fill(region, lesions, array, correction)
            if correction.remove_below_voxels or correction.remove_below_mm3:
                voxel_mm3 = float(np.prod(mask.GetSpacing()))
                _remove_small(region, lesions, array, voxel_mm3, correction)
        image = sitk.GetImageFromArray(array.astype(np.uint8))
        image.CopyInformation(mask)
        corrected[region] = image
    return corrected


def correct_version(
    case: Any,
    correction: Correction,
    by: str,
    *,
    version: int | None = None,
    params: SelfCheckParameters | None = None,
    runtime: Any = None,
    machine_made: bool = False,
) -> Any:
    """Apply ``correction`` to a version (default: the latest) and save it as a new version."""
    from CNSTumorAnnotationLib.case.folder import (
        latest_version,
        load_case,
        region_masks,
        save_annotation_version,
    )

    if not by.strip():
        raise InvalidInputError(tr("a correction needs the name of who decided it (R-FLOW-1)"))
    if version is None:
        latest = latest_version(case)
        if latest is None:
            raise InvalidInputError(tr("the case has no annotation version to correct"), case.root)
        version = latest.version
    checked = int(version)
    masks = region_masks(case, checked, runtime=runtime)
    corrected = correct_masks(masks, correction, params or SelfCheckParameters())
    if not correction.changes:
        raise InvalidInputError(
            tr(
                "nothing to change in version {version} with these options; no version written",
                version=checked,
            ),
            case.root,
        )
    kept = ", ".join(f"{r} #{n}" for r, n in sorted(correction.keep))
    changes = "; ".join(correction.changes)
    if kept:
        note = tr(
            "corrected from version {version} by {person}: {changes}; confirmed as lesions and "
            "kept: {kept}",
            version=checked,
            person=by.strip(),
            changes=changes,
            kept=kept,
        )
    else:
        note = tr(
            "corrected from version {version} by {person}: {changes}",
            version=checked,
            person=by.strip(),
            changes=changes,
        )
    saved = save_annotation_version(
        case, corrected, by.strip(), runtime=runtime, note=note, machine_made=machine_made,
        parent=checked,
    )  # fmt: skip
    case.annotations = load_case(case.root).annotations
    return saved
