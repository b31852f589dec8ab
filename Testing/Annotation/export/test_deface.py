"""``--deface``: exported images of the bundled real case lose the face, keep the brain (R-DATA-1).

The case's native volumes still hold the face; its SRI-24 reference labels were landed through a
registration of the skull-stripped SRI-24 FLAIR, which gives the brain mask Quickshear needs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import nibabel as nib
import numpy as np
import pytest

from CNSTumorAnnotationLib.export.case_export import export_case
from CNSTumorAnnotationLib.export.context import ExportOptions
from CNSTumorAnnotationLib.export.deface import brain_mask
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence

pytestmark = [pytest.mark.mrml, pytest.mark.slow]


def _image(result: Any, suffix: str) -> np.ndarray:
    path = next(p for p in result.files("brats") if p.name.endswith(suffix))
    return np.asarray(nib.load(str(path)).dataobj)


def test_defacing_removes_the_face_keeps_the_brain_and_is_recorded(
    annotated_case: Any, tmp_path: Path
) -> None:
    import SimpleITK as sitk

    from CNSTumorAnnotationLib.case.folder import reference_image

    plain = export_case(annotated_case.root, tmp_path / "plain", "brats")
    defaced = export_case(
        annotated_case.root, tmp_path / "defaced", "brats", options=ExportOptions(deface=True)
    )

    # FLAIR: the grid of the BraTS images, so its voxels are written without resampling
    before, after = _image(plain, "-t2f.nii.gz"), _image(defaced, "-t2f.nii.gz")
    assert before.shape == after.shape
    removed = (before != 0) & (after == 0)
    assert removed.sum() > 0.02 * (before != 0).sum(), "a visible part of the head is removed"
    assert np.array_equal(after[after != 0], before[after != 0]), "nothing else is changed"

    flair = reference_image(annotated_case, MRSequence.FLAIR)
    brain = sitk.GetArrayFromImage(brain_mask(annotated_case, MRSequence.FLAIR, flair)).astype(bool)
    on_grid = np.transpose(brain, (2, 1, 0))  # the BraTS images are on the FLAIR grid (IJK)
    assert on_grid.shape == after.shape
    assert not (removed & on_grid).any(), "no brain voxel is removed"
    # what is removed lies in front of the brain, mostly low down (RAS affine of the image)
    affine = nib.load(str(next(p for p in defaced.files("brats") if "t2f" in p.name))).affine
    ras = lambda mask: (affine @ np.c_[np.argwhere(mask), np.ones(mask.sum())].T)[:3].mean(axis=1)  # noqa: E731
    face, head_brain = ras(removed), ras(on_grid)
    assert face[1] > head_brain[1] + 50.0  # in front of the brain (A+), where the face is
    per_slice = removed.sum(axis=(0, 1))  # the third axis is inferior -> superior here
    half = len(per_slice) // 2
    assert per_slice[:half].sum() > per_slice[half:].sum()  # the plane cuts deepest low down

    for channel in ("-t1n.nii.gz", "-t1c.nii.gz", "-t2w.nii.gz"):  # moved onto FLAIR, defaced
        lost = (_image(plain, channel) != 0) & (_image(defaced, channel) == 0)
        assert lost.sum() > 0.02 * (_image(plain, channel) != 0).sum(), channel
        assert not (lost & on_grid).any(), channel

    record = json.loads(defaced.manifest_path.read_text())["provenance"]["parameters"]["deface"]
    assert record["defaced"] is True and record["library"].startswith("quickshear 1.2")
    plain_record = json.loads(plain.manifest_path.read_text())["provenance"]["parameters"]
    assert plain_record["deface"] == {"defaced": False}


def test_a_case_without_a_registered_skull_stripped_atlas_is_refused(
    small_annotated_case: Any, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInputError, match="--deface needs a brain mask"):
        export_case(
            small_annotated_case.root, tmp_path, "brats", options=ExportOptions(deface=True)
        )
