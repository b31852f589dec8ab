"""BraTS layout export: names, label values (2021: 1/2/4, 2023: 1/2/3) and one grid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nibabel as nib
import numpy as np
import pytest
from _export_helpers import build_case, cropped_volumes

from CNSTumorAnnotationLib.export.case_export import ExportResult, export_case
from CNSTumorAnnotationLib.export.context import ExportOptions
from CNSTumorAnnotationLib.export.manifest import verify_manifest
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.mrml


@pytest.fixture(scope="module")
def brats_case(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("brats_case")
    return build_case(root / "case", volumes=cropped_volumes(root / "volumes", (80, 80, 10)))


@pytest.fixture(scope="module")
def nifti_labels(brats_case: Any, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """The consensus multi-label map (FLAIR grid) the BraTS map is derived from."""
    result = export_case(brats_case.root, tmp_path_factory.mktemp("labels"), "nifti")
    path = next(p for p in result.files("nifti") if p.name.endswith("_labels.nii.gz"))
    return np.asarray(nib.load(str(path)).dataobj)


def _export(case: Any, out: Path, version: str) -> ExportResult:
    return export_case(case.root, out, "brats", options=ExportOptions(brats_version=version))


@pytest.mark.slow
def test_brats_2023_names_and_labels_NETC_1_SNFH_2_ET_3(
    brats_case: Any, nifti_labels: np.ndarray, tmp_path: Path
) -> None:
    result = _export(brats_case, tmp_path, "2023")
    folder = tmp_path / "brats2023" / "BraTS-GLI-TCGA-FG-6692-000"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"BraTS-GLI-TCGA-FG-6692-000-{s}.nii.gz" for s in ("t1n", "t1c", "t2w", "t2f", "seg")
    )
    seg = np.asarray(nib.load(str(folder / "BraTS-GLI-TCGA-FG-6692-000-seg.nii.gz")).dataobj)
    assert set(np.unique(seg)) == {0, 1, 2, 3}
    # combined 1 (whole tumor only) -> SNFH 2; 2 and 3 (body, non-enhancing) -> NETC 1; 4 -> ET 3
    np.testing.assert_array_equal(seg == 2, nifti_labels == 1)
    np.testing.assert_array_equal(seg == 1, np.isin(nifti_labels, (2, 3)))
    np.testing.assert_array_equal(seg == 3, nifti_labels == 4)
    assert verify_manifest(result.manifest_path) == []


@pytest.mark.slow
def test_brats_2021_names_and_labels_NCR_1_ED_2_ET_4(
    brats_case: Any, nifti_labels: np.ndarray, tmp_path: Path
) -> None:
    _export(brats_case, tmp_path, "2021")
    folder = tmp_path / "brats2021" / "BraTS2021_TCGA-FG-6692"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"BraTS2021_TCGA-FG-6692_{s}.nii.gz" for s in ("t1", "t1ce", "t2", "flair", "seg")
    )
    seg = np.asarray(nib.load(str(folder / "BraTS2021_TCGA-FG-6692_seg.nii.gz")).dataobj)
    assert set(np.unique(seg)) == {0, 1, 2, 4}
    np.testing.assert_array_equal(seg == 4, nifti_labels == 4)


@pytest.mark.slow
def test_all_brats_images_and_the_labels_share_the_FLAIR_grid(
    brats_case: Any, tmp_path: Path
) -> None:
    _export(brats_case, tmp_path, "2023")
    flair = nib.load(str(brats_case.volumes[MRSequence.FLAIR]))
    for path in (tmp_path / "brats2023").rglob("*.nii.gz"):
        image = nib.load(str(path))
        assert image.shape == flair.shape, path.name
        np.testing.assert_allclose(image.affine, flair.affine, atol=1e-4)
    t2f = np.asarray(nib.load(str(next((tmp_path / "brats2023").rglob("*-t2f.nii.gz")))).dataobj)
    np.testing.assert_array_equal(t2f, np.asarray(flair.dataobj))  # the reference is not resampled


@pytest.mark.slow
def test_the_manifest_records_what_the_brats_mapping_loses(brats_case: Any, tmp_path: Path) -> None:
    result = _export(brats_case, tmp_path, "2023")
    labels = next(e for e in result.entries if e.content == "labels")
    assert any("NCR/NET" in note or "not kept" in note for note in labels.notes)
    assert any("SRI-24" in note for note in labels.notes)


def test_a_schema_analysing_enhancing_and_non_enhancing_together_is_refused_per_R_SEG_5(
    tmp_path: Path,
) -> None:
    case = build_case(
        tmp_path / "case",
        volumes=cropped_volumes(tmp_path / "volumes", (48, 48, 6)),
        schema_options={"combine_enhancing": True},
    )
    assert "enhancing_non_enhancing" in case.schema.keys
    with pytest.raises(InvalidInputError, match="R-SEG-5"):
        export_case(case.root, tmp_path / "out", "brats")


@pytest.mark.slow
def test_a_meningeal_case_uses_the_brats_meningioma_task_and_labels(tmp_path: Path) -> None:
    case = build_case(
        tmp_path / "case",
        "M001",
        family="meningeal",
        volumes=cropped_volumes(tmp_path / "volumes", (48, 48, 6)),
    )
    result = export_case(case.root, tmp_path / "out", "brats")
    seg = tmp_path / "out" / "brats2023" / "BraTS-MEN-M001-000" / "BraTS-MEN-M001-000-seg.nii.gz"
    assert set(np.unique(np.asarray(nib.load(str(seg)).dataobj))) <= {0, 1, 2, 3}
    labels = next(e for e in result.entries if e.content == "labels")
    assert any("brats-men" in note for note in labels.notes)
