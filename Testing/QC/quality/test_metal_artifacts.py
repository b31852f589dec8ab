"""Metal and susceptibility artifacts are graded (R-QC-1) and reported for a radiologist to confirm.

The consensus: a removable foreign-metal artifact is grade 1 (remove it and rescan); a few
artifacts that leave soft tissue and bone distinguishable are grade 2. No real series with metal
is in the shared data, so the artifact is imposed on the real bundled volumes with
``_images.metal_artifact`` (a void whose signal is conserved and piled up along the readout); every
real series without metal must stay free of it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
import pytest
import SimpleITK as sitk
from _dicom_cases import bundled_series, copy_series, with_rule
from _images import metal_artifact, with_array

from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.dicom.stack_image import stack_image
from CNSTumorQCLib.paths import sample_data_dir
from CNSTumorQCLib.qc import build_report
from CNSTumorQCLib.quality.grading import suggest_grade
from CNSTumorQCLib.quality.head_mask import MaskParameters, head_and_air_masks, scalar_volume
from CNSTumorQCLib.sequences import MRSequence


def _native(name: str) -> sitk.Image:
    return sitk.ReadImage(str(sample_data_dir() / "native" / f"{name}.nii.gz"))


def _head_centre_and_front(image: sitk.Image) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The head's centre (KJI voxels) and a point 5 voxels inside the scalp in front of it."""
    work = head_and_air_masks(scalar_volume(image), MaskParameters())
    k, j, i = (np.nonzero(work.head)[a] * work.strides[a] for a in range(3))
    centre = (float(np.mean(k)), float(np.mean(j)), float(np.mean(i)))
    array = sitk.GetArrayViewFromImage(image)
    line = array[int(round(centre[0])), :, int(round(centre[2]))]
    front = int(np.nonzero(line > np.percentile(array, 60))[0][0])
    return centre, (centre[0], front + 5.0, centre[2])


def _with_metal(name: str, where: str) -> sitk.Image:
    image = _native(name)
    centre, front = _head_centre_and_front(image)
    spacing = tuple(reversed(image.GetSpacing()))
    array = sitk.GetArrayFromImage(image)
    return with_array(
        image, metal_artifact(array, spacing, centre if where == "brain" else front, 8.0)
    )  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["T1", "T1C", "T2", "FLAIR"])
def test_the_real_bundled_series_have_no_metal_artifact(name: str) -> None:
    suggestion = suggest_grade(_native(name), MRSequence(name))
    assert suggestion.metrics["metal_void_core_ml"] == 0.0
    assert suggestion.metrics["metal_void_ml"] < 2.0
    assert not any("metal" in r for r in suggestion.reasons)


@pytest.mark.slow
def test_the_real_xa30_t1_has_no_metal_artifact(shared_data: Path) -> None:
    (series,) = index_folder(shared_data / "dcm_qa_xa30/In/5_anat-T1w_acq-tfl", workers=1).series
    suggestion = suggest_grade(stack_image(series.stacks[0]), MRSequence.T1)
    assert suggestion.metrics["metal_void_ml"] == 0.0


@pytest.mark.parametrize("name", ["T1", "T2", "FLAIR"])
def test_metal_over_the_brain_is_grade_1_remove_and_rescan(name: str) -> None:
    suggestion = suggest_grade(_with_metal(name, "brain"), MRSequence(name))
    assert suggestion.metrics["metal_void_core_ml"] > 1.0
    assert suggestion.grade == 1
    assert any(r.startswith("grade 1: metal artifact over the brain") for r in suggestion.reasons)
    assert any("remove it and rescan" in r for r in suggestion.reasons)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["T2", "FLAIR"])
def test_metal_at_the_scalp_is_grade_2_bone_and_tissue_distinguishable(name: str) -> None:
    suggestion = suggest_grade(_with_metal(name, "scalp"), MRSequence(name))
    assert suggestion.metrics["metal_void_core_ml"] <= 1.0 < suggestion.metrics["metal_void_ml"]
    assert suggestion.grade == 2
    assert any(
        r.startswith("grade 2: metal or susceptibility artifact") for r in suggestion.reasons
    )
    assert not any("over the brain" in r for r in suggestion.reasons)


@pytest.mark.slow
def test_the_qc_report_has_a_finding_naming_the_slice_for_the_radiologist(
    tmp_path: Path,
) -> None:
    study = tmp_path / "study"
    write_sample_case_study(study)
    files = copy_series(bundled_series(study, "FLAIR"), tmp_path / "qc_in" / "flair")
    image = _native("FLAIR")
    datasets = [pydicom.dcmread(f) for f in files]
    array = np.stack([d.pixel_array for d in datasets]).astype(np.float64)
    reference = sitk.GetImageFromArray(array)
    reference.SetSpacing(image.GetSpacing())
    centre, _ = _head_centre_and_front(reference)
    metal = metal_artifact(array, tuple(reversed(image.GetSpacing())), centre, 8.0)  # type: ignore[arg-type]
    for dataset, path, plane in zip(datasets, files, metal, strict=True):
        dataset.PixelData = np.clip(plane, -32768, 32767).astype(np.int16).tobytes()
        dataset.save_as(path)
    (entry,) = build_report(tmp_path / "qc_in", workers=1, thumbnails=False).series
    (finding,) = with_rule(entry.findings, "R-QC-1", "metal or susceptibility artifact")
    assert finding.severity.value == "warning" and "a radiologist confirms" in finding.message
    (named,) = finding.files
    assert abs([str(f) for f in files].index(named) - centre[0]) <= 1.5  # the artifact's slice
    assert entry.suggested_grade == 1
