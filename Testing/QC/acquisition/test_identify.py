"""Sequence identification on real headers where the truth is known (R-ACQ-1..5, R-ACQ-7)."""

from __future__ import annotations

import math
from pathlib import Path

import pydicom
import pytest
from _dicom_cases import XA30, copy_files, only_series

from CNSTumorQCLib.acquisition.geometry import plane_from_orientation
from CNSTumorQCLib.acquisition.identify import identify_series
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.sequences import Acquisition, MRSequence, Plane

#: (folder under the shared data, sequence, b-values) from folder names, SOURCE.md and dcm2niix Ref/*.json.
KNOWN = [
    ("dcm_qa_xa30/In/5_anat-T1w_acq-tfl", MRSequence.T1, ()),
    ("dcm_qa_xa30/In/10_DWI_dir80_PA", MRSequence.DWI, (0.0, 2500.0)),
    ("dcm_qa_xa30/In/11_DWI_dir80_PA", MRSequence.ADC, ()),
    ("dcm_qa_xa30/In/12_DWI_dir80_PA", MRSequence.DWI, (2500.0,)),
    ("dcm_qa_xa30/In/16_DWI_dir80_PA", MRSequence.OTHER, ()),  # TENSOR_B0, a derived map
    ("dcm_qa_ge/In/01_Ax_DWI_TENSOR_R2", MRSequence.DWI, (0.0, 1000.0)),
    ("nibabel_dicom", MRSequence.DWI, (0.0, 1000.0)),
    ("dicom2nifti_testdata/siemens/anatomical/001", MRSequence.FLAIR, ()),
    ("dicom2nifti_testdata/philips/anatomical/001", MRSequence.FLAIR, ()),
    ("dicom2nifti_testdata/hyperfine/anatomical/001", MRSequence.FLAIR, ()),
    ("dicom2nifti_testdata/ge/anatomical/001", MRSequence.T1, ()),
    ("dicom2nifti_testdata/hitachi/anatomical/001", MRSequence.OTHER, ()),  # proton density FSE
    ("dicom2nifti_testdata/ge/dti/001", MRSequence.DWI, (0.0, 1000.0)),
    ("dicom2nifti_testdata/philips/dti/001", MRSequence.DWI, (0.0, 1000.0)),
    ("dicom2nifti_testdata/siemens/dti_classic/001", MRSequence.DWI, (0.0, 1000.0)),
]


@pytest.mark.parametrize(("folder", "sequence", "b_values"), KNOWN, ids=[k[0] for k in KNOWN])
def test_real_series_are_identified_as_their_known_sequence(
    shared_data: Path, folder: str, sequence: MRSequence, b_values: tuple[float, ...]
) -> None:
    (series,) = index_folder(shared_data / folder, workers=1).series
    ident = identify_series(series)
    assert ident.sequence is sequence, ident.evidence
    assert ident.b_values == b_values
    assert ident.evidence, "every decision carries its evidence"


@pytest.mark.slow
def test_the_philips_dti_is_an_axial_2d_dwi_with_its_geometry(shared_data: Path) -> None:
    (series,) = index_folder(shared_data / "dcm_qa_philips/In", workers=2).series
    ident = identify_series(series)
    assert (ident.sequence, ident.plane, ident.acquisition) == (
        MRSequence.DWI,
        Plane.AXIAL,
        Acquisition.TWO_D,
    )
    assert ident.b_values == (0.0, 2000.0)  # Ref/WIP_dti_ax_601.bval
    assert ident.slice_thickness_mm == 3.0 and ident.slice_spacing_mm == pytest.approx(
        3.0, abs=0.01
    )
    assert ident.slice_gap_mm == pytest.approx(0.0, abs=0.01)
    assert 10 < ident.obliquity_deg < 11  # angled axial, still axial


def test_the_xa30_t1_is_a_sagittal_3d_t1_with_high_confidence(shared_data: Path) -> None:
    (series,) = index_folder(shared_data / XA30 / "5_anat-T1w_acq-tfl", workers=1).series
    ident = identify_series(series)
    assert (ident.plane, ident.acquisition, ident.slice_thickness_mm) == (
        Plane.SAGITTAL,
        Acquisition.THREE_D,
        2.0,
    )
    assert ident.confidence >= 0.9 and not ident.needs_confirmation
    assert any("(0018,0010)" in e.source for e in ident.evidence)  # contrast status is stated


def test_a_contrast_agent_makes_a_t1_a_t1c_that_a_person_confirms(
    tmp_path: Path, shared_data: Path
) -> None:
    source = next((shared_data / XA30 / "5_anat-T1w_acq-tfl").iterdir())

    def gadolinium(_: int, ds: pydicom.Dataset) -> None:
        ds.ContrastBolusAgent = "Gadovist 7.5 ml"

    copy_files([source], tmp_path, gadolinium)
    ident = identify_series(only_series(tmp_path))
    assert ident.sequence is MRSequence.T1C and ident.needs_confirmation
    assert any(e.source.startswith("(0018,0010)") and "T1C" in e.says for e in ident.evidence)


def test_words_disagreeing_with_the_physics_ask_a_person(tmp_path: Path, shared_data: Path) -> None:
    source = sorted((shared_data / "dicom2nifti_testdata/siemens/anatomical/001").iterdir())

    def mislabel(_: int, ds: pydicom.Dataset) -> None:
        ds.SeriesDescription = "t1_mprage_sag"

    copy_files(source, tmp_path, mislabel)
    ident = identify_series(only_series(tmp_path))
    assert (
        ident.sequence is MRSequence.FLAIR and ident.confidence < 0.6 and ident.needs_confirmation
    )


@pytest.mark.parametrize(
    ("orientation", "plane"),
    [
        ((1, 0, 0, 0, 1, 0), Plane.AXIAL),
        ((0, 1, 0, 0, 0, -1), Plane.SAGITTAL),
        ((1, 0, 0, 0, 0, -1), Plane.CORONAL),
        ((1, 0, 0, 0, math.cos(math.radians(20)), math.sin(math.radians(20))), Plane.AXIAL),
        ((1, 0, 0, 0, math.cos(math.radians(45)), math.sin(math.radians(45))), Plane.OBLIQUE),
    ],
)
def test_the_plane_follows_the_slice_normal_with_a_30_degree_tolerance(
    orientation: tuple[float, ...], plane: Plane
) -> None:
    assert plane_from_orientation(orientation).plane is plane
