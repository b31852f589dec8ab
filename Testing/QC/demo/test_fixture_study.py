"""The demo DICOM study: NIfTI volumes written as Siemens-modelled MR series, read back independently."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
import pytest
import SimpleITK as sitk

from CNSTumorQCLib.demo.fixture_study import write_case_as_dicom_study
from CNSTumorQCLib.demo.mr_protocols import SIEMENS_PROTOCOLS, SyntheticIdentity
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence

SEQUENCES = (MRSequence.T1, MRSequence.T1C, MRSequence.T2, MRSequence.FLAIR)


@pytest.fixture(scope="module")
def written_study(tmp_path_factory: pytest.TempPathFactory, sample_case: Path):
    volumes = {
        sequence: sample_case / "native" / f"{sequence.value}.nii.gz" for sequence in SEQUENCES
    }
    out = tmp_path_factory.mktemp("study")
    return volumes, write_case_as_dicom_study(volumes, out, uid_seed="test-seed"), out


def _read_series(files: list[Path]) -> sitk.Image:
    reader = sitk.ImageSeriesReader()
    reader.SetFileNames(list(reader.GetGDCMSeriesFileNames(str(files[0].parent))))
    return reader.Execute()


@pytest.mark.parametrize("sequence", SEQUENCES, ids=lambda s: s.value)
def test_a_written_series_reads_back_with_the_voxels_and_geometry_of_the_nifti(
    written_study, sequence
):
    volumes, written, _ = written_study
    reference = sitk.ReadImage(str(volumes[sequence]))
    if np.linalg.det(np.reshape(reference.GetDirection(), (3, 3))) < 0:
        # DICOM stacks slices along row x column: a left-handed NIfTI comes back z-reversed,
        # the same voxels at the same physical positions.
        reference = sitk.Flip(reference, [False, False, True])
    image = _read_series(written[sequence])
    assert image.GetSize() == reference.GetSize()
    np.testing.assert_allclose(image.GetSpacing(), reference.GetSpacing(), atol=1e-5)
    np.testing.assert_allclose(image.GetOrigin(), reference.GetOrigin(), atol=1e-4)
    np.testing.assert_allclose(image.GetDirection(), reference.GetDirection(), atol=1e-6)
    np.testing.assert_array_equal(sitk.GetArrayFromImage(image), sitk.GetArrayFromImage(reference))


def test_the_study_has_one_study_and_frame_of_reference_uid_and_new_series_uids(written_study):
    _, written, _ = written_study
    headers = [pydicom.dcmread(files[0], stop_before_pixels=True) for files in written.values()]
    assert len({ds.StudyInstanceUID for ds in headers}) == 1
    assert len({ds.FrameOfReferenceUID for ds in headers}) == 1
    assert len({ds.SeriesInstanceUID for ds in headers}) == len(SEQUENCES)
    sop_uids = {
        pydicom.dcmread(f, stop_before_pixels=True).SOPInstanceUID for f in written[MRSequence.T2]
    }
    assert len(sop_uids) == len(written[MRSequence.T2])


def test_headers_carry_the_siemens_modelled_acquisition_and_the_invented_identity(written_study):
    _, written, out = written_study
    flair = pydicom.dcmread(written[MRSequence.FLAIR][0])
    assert flair.file_meta.TransferSyntaxUID == pydicom.uid.ExplicitVRLittleEndian
    assert flair.SOPClassUID == pydicom.uid.MRImageStorage
    assert flair.SeriesDescription == "MRHR_FLAIR_AX_SE_IR"
    assert flair.SequenceName == "*tir2d1_21"
    assert list(flair.ScanningSequence) == ["SE", "IR"]
    assert float(flair.InversionTime) == SIEMENS_PROTOCOLS[MRSequence.FLAIR].inversion_time_ms
    assert flair.MRAcquisitionType == "2D"
    assert float(flair.SpacingBetweenSlices) == pytest.approx(5.5, abs=1e-3)
    post = pydicom.dcmread(written[MRSequence.T1C][0], stop_before_pixels=True)
    assert post.ContrastBolusAgent == "MAGNEVIST"
    assert "ContrastBolusAgent" not in pydicom.dcmread(
        written[MRSequence.T1][0], stop_before_pixels=True
    )
    assert str(flair.PatientName) == SyntheticIdentity().patient_name
    assert "FIXTURE" in flair.ImageComments
    assert "invented" in (out / "FIXTURE.md").read_text()


def test_a_sequence_without_a_protocol_is_refused(tmp_path, sample_case):
    with pytest.raises(InvalidInputError, match="no acquisition protocol"):
        write_case_as_dicom_study({MRSequence.DWI: sample_case / "native" / "T1.nii.gz"}, tmp_path)


@pytest.mark.slow
def test_the_sample_case_study_is_reproducible_from_its_seed(tmp_path):
    from CNSTumorQCLib.demo.fixture_study import write_sample_case_study

    first = write_sample_case_study(tmp_path / "a")
    second = write_sample_case_study(tmp_path / "b")
    assert set(first) == set(SEQUENCES) and all(len(files) == 26 for files in first.values())
    uid = pydicom.dcmread(first[MRSequence.T2][3], stop_before_pixels=True).SOPInstanceUID
    assert uid == pydicom.dcmread(second[MRSequence.T2][3], stop_before_pixels=True).SOPInstanceUID
