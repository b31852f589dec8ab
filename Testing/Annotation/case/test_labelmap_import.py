"""Existing label maps imported into the schema's segments; the bundled SRI-24 labels land on the tumor."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from _case_helpers import sphere_mask

from CNSTumorAnnotationLib.case.folder import (
    latest_version,
    load_case,
    reference_image,
    region_masks,
)
from CNSTumorAnnotationLib.case.labelmap_import import import_label_map
from CNSTumorAnnotationLib.case.registration import brain_mask_of_stripped
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence


def _array(image: sitk.Image) -> np.ndarray:
    return sitk.GetArrayFromImage(image)


@pytest.mark.slow
@pytest.mark.mrml
def test_the_sri24_reference_labels_land_on_the_flair_hyperintense_tumor(
    annotated_case, sample_case: Path
) -> None:
    """Real registration, real labels: whole tumor is FLAIR-bright and sits in the right frontal lobe."""
    masks = region_masks(annotated_case)
    flair = reference_image(annotated_case, MRSequence.FLAIR)
    whole = _array(masks["whole_tumor"]) > 0
    # the atlas brain mask, carried into native FLAIR by the same cached transform
    transform_file = next((annotated_case.root / "transforms").glob("atlas-*_to_FLAIR.tfm"))
    atlas = sitk.ReadImage(str(sample_case / "sri24" / "FLAIR.nii.gz"))
    brain = sitk.Resample(
        brain_mask_of_stripped(atlas),
        flair,
        sitk.ReadTransform(str(transform_file)),
        sitk.sitkNearestNeighbor,
        0,
    )
    values, in_brain = _array(flair), _array(brain) > 0
    assert 0.8 * 30179 < whole.sum() * np.prod(flair.GetSpacing()) < 1.2 * 30179  # mm³ of mav WT
    assert values[whole].mean() > 1.3 * values[in_brain & ~whole].mean()
    assert (whole & in_brain).sum() > 0.95 * whole.sum()
    centroid = flair.TransformContinuousIndexToPhysicalPoint(
        np.argwhere(whole).mean(0)[::-1].tolist()
    )
    x_lps, y_lps, z_lps = centroid
    brain_centre = flair.TransformContinuousIndexToPhysicalPoint(
        np.argwhere(in_brain).mean(0)[::-1].tolist()
    )
    assert x_lps < brain_centre[0] - 20  # patient's right (LPS x grows to the left)
    assert y_lps < brain_centre[1] - 10  # anterior (LPS y grows to the back)
    assert z_lps > brain_centre[2]  # upper half: frontal lobe, not temporal


@pytest.mark.slow
@pytest.mark.mrml
def test_the_landed_regions_keep_the_brats_hierarchy_in_each_native_geometry(
    annotated_case,
) -> None:
    masks = region_masks(annotated_case)
    for key, mask in masks.items():
        sequence = annotated_case.schema.region(key).reference_sequence
        assert mask.GetSize() == reference_image(annotated_case, sequence).GetSize()
    enhancing, non_enhancing = _array(masks["enhancing"]) > 0, _array(masks["non_enhancing"]) > 0
    assert enhancing.sum() > 0 and non_enhancing.sum() > 0 and not (enhancing & non_enhancing).any()
    version = latest_version(annotated_case)
    record = json.loads((version.folder / "version.json").read_text())
    assert record["annotator"] == "algorithm:mav (machine-made reference)"
    assert record["machine_made"] is True and "brats2021" in record["note"]


@pytest.mark.slow
@pytest.mark.mrml
def test_a_label_map_on_a_native_grid_is_imported_without_resampling(
    small_annotated_case, mrml_runtime
) -> None:
    t1c = reference_image(small_annotated_case, MRSequence.T1C)
    centre = t1c.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in t1c.GetSize()])
    core = sphere_mask(t1c, centre, 6.0)
    ring = sitk.And(sphere_mask(t1c, centre, 12.0), sitk.Not(core))
    labels = sitk.Cast(core * 1 + ring * 3, sitk.sitkUInt8)  # BraTS 2023: NETC 1, ET 3
    path = small_annotated_case.root.parent / "model_output.nii.gz"
    sitk.WriteImage(labels, str(path))
    version = import_label_map(
        small_annotated_case, path, "brats2023", annotator="model:test", runtime=mrml_runtime
    )
    masks = region_masks(small_annotated_case, version.version, runtime=mrml_runtime)
    assert np.array_equal(_array(masks["enhancing"]), _array(ring))
    assert np.array_equal(_array(masks["non_enhancing"]), _array(core))
    assert _array(masks["whole_tumor"]).sum() > 0  # implied by containment, on FLAIR's grid


def test_label_values_outside_the_convention_are_refused_before_anything_is_written(
    small_annotated_case,
) -> None:
    flair = reference_image(small_annotated_case, MRSequence.FLAIR)
    labels = sitk.Cast(flair > 1e9, sitk.sitkUInt8)
    labels[10, 10, 10] = 7
    path = small_annotated_case.root.parent / "odd.nii.gz"
    sitk.WriteImage(labels, str(path))
    with pytest.raises(InvalidInputError, match=r"label values \[7\]"):
        import_label_map(small_annotated_case, path, "brats2021", annotator="model:test")
    assert [v.version for v in small_annotated_case.annotations] == [1]


@pytest.mark.slow
@pytest.mark.mrml
def test_cli_case_labels_imports_a_model_output_as_a_machine_made_version(
    small_annotated_case, capsys
) -> None:
    from CNSTumorAnnotationLib.cli.app import main

    t2 = reference_image(small_annotated_case, MRSequence.T2)
    centre = t2.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in t2.GetSize()])
    labels = sitk.Cast(sphere_mask(t2, centre, 10.0) * 2, sitk.sitkUInt8)  # BraTS 2021 ED only
    path = small_annotated_case.root.parent / "edema_only.nii.gz"
    sitk.WriteImage(labels, str(path))
    assert main(["case", "labels", str(small_annotated_case.root), str(path)]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (
        out["version"] == 2 and out["annotator"] == "algorithm:edema_only (machine-made reference)"
    )
    masks = region_masks(load_case(small_annotated_case.root))
    flair_whole = _array(masks["whole_tumor"]).sum()
    assert flair_whole > 0 and _array(masks["tumor_body"]).sum() == 0


def _sri24_map_as_a_model_output(case, sample_case: Path) -> Path:
    """The bundled SRI-24 reference map copied away from its atlas, as a user's model output."""
    path = case.root.parent / "model_output.nii.gz"
    shutil.copyfile(sample_case / "reference_labels" / "mav.nii.gz", path)
    return path


@pytest.mark.slow
def test_a_label_map_in_another_space_is_refused_naming_both_grids(
    small_annotated_case, sample_case: Path, capsys
) -> None:
    """The SRI-24 map used to land somewhere else in the head, silently, exit 0."""
    from CNSTumorAnnotationLib.cli.app import main

    path = _sri24_map_as_a_model_output(small_annotated_case, sample_case)
    code = main(["case", "labels", str(small_annotated_case.root), str(path), "--convention",
                 "brats2021"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert str(path) in err and "240x240x155 voxels of 1x1x1 mm" in err  # the map's grid
    assert "FLAIR 208x256x26 voxels" in err  # the case's grid
    assert "--atlas-flair" in err
    assert [v.version for v in load_case(small_annotated_case.root).annotations] == [1]


@pytest.mark.slow
def test_a_map_that_lands_outside_the_head_is_never_written(
    small_annotated_case, sample_case: Path, capsys
) -> None:
    """``--transform identity`` on the SRI-24 map: its labels fall outside the native head."""
    from CNSTumorAnnotationLib.cli.app import main

    path = _sri24_map_as_a_model_output(small_annotated_case, sample_case)
    code = main(["case", "labels", str(small_annotated_case.root), str(path), "--transform",
                 "identity"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2, err
    assert "nothing was written" in err or "no labelled voxel" in err
    assert [v.version for v in load_case(small_annotated_case.root).annotations] == [1]


@pytest.mark.slow
@pytest.mark.mrml
def test_a_native_space_map_on_another_grid_lands_with_transform_identity(
    small_annotated_case, mrml_runtime
) -> None:
    """The same sphere resampled to a 1 mm grid in scanner space lands where it was drawn."""
    flair = reference_image(small_annotated_case, MRSequence.FLAIR)
    centre = flair.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in flair.GetSize()])
    sphere = sphere_mask(flair, centre, 15.0)
    fine = sitk.Resample(
        sitk.Cast(sphere * 2, sitk.sitkUInt8),
        [int(n * s) for n, s in zip(flair.GetSize(), flair.GetSpacing(), strict=True)],
        sitk.Transform(),
        sitk.sitkNearestNeighbor,
        flair.GetOrigin(),
        (1.0, 1.0, 1.0),
        flair.GetDirection(),
        0,
        sitk.sitkUInt8,
    )
    path = small_annotated_case.root.parent / "fine.nii.gz"
    sitk.WriteImage(fine, str(path))
    with pytest.raises(InvalidInputError, match="not the grid of any case volume"):
        import_label_map(small_annotated_case, path, "brats2021", annotator="model:test")
    version = import_label_map(
        small_annotated_case, path, "brats2021", annotator="model:test", transform="identity",
        runtime=mrml_runtime,
    )  # fmt: skip
    whole = _array(region_masks(small_annotated_case, version.version, runtime=mrml_runtime)[
        "whole_tumor"]) > 0  # fmt: skip
    drawn = _array(sphere) > 0
    assert (whole & drawn).sum() > 0.9 * drawn.sum()
