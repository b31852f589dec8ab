"""DICOM SEG export read back with highdicom ``segread``: frames, segment codes, algorithm
type and referenced source UIDs (R-FMT-1, R-FMT-2), for a case from NIfTI and one from DICOM."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import highdicom as hd
import numpy as np
import pydicom
import pytest
import SimpleITK as sitk
from _export_helpers import build_case, cropped_volumes, drawn_masks

from CNSTumorAnnotationLib.export.case_export import ExportResult, export_case
from CNSTumorAnnotationLib.export.manifest import verify_manifest
from CNSTumorAnnotationLib.grid import resample_label
from CNSTumorQCLib.demo.fixture_study import write_case_as_dicom_study
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.mrml


@pytest.fixture(scope="module")
def nifti_origin(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, ExportResult]:
    root = tmp_path_factory.mktemp("seg_nifti")
    case = build_case(root / "case", volumes=cropped_volumes(root / "volumes", (80, 80, 10)))
    return case, export_case(case.root, root / "out", "dicom-seg")


@pytest.fixture(scope="module")
def dicom_origin(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, ExportResult, dict]:
    """A case whose volumes came from a DICOM study (the QC package's writer, a fixture) and
    whose annotation is a model's pre-annotation (R-HMI-3)."""
    root = tmp_path_factory.mktemp("seg_dicom")
    volumes = cropped_volumes(root / "volumes", (80, 80, 10))
    study = write_case_as_dicom_study(volumes, root / "dicom", uid_seed="export-test")
    series = {
        seq: {
            "series_instance_uid": str(pydicom.dcmread(files[0]).SeriesInstanceUID),
            "dicom_files": [str(f) for f in files],
        }
        for seq, files in study.items()
    }
    case = build_case(
        root / "case",
        volumes=volumes,
        series=series,
        annotator="model:nnunet-brats",
        machine_made=True,
    )
    return case, export_case(case.root, root / "out", "dicom-seg"), series


def _seg_files(result: ExportResult) -> dict[str, Path]:
    root = result.manifest_path.parent.parent
    return {e.sequence: root / e.path for e in result.entries if e.content == "annotation"}


def _segment_image(seg: hd.seg.Segmentation, number: int) -> sitk.Image:
    volume = seg.get_volume(segment_numbers=[number])
    return (
        volume.squeeze_channel().to_simpleitk()
        if volume.number_of_channel_dimensions
        else volume.to_simpleitk()
    )


@pytest.mark.slow
def test_each_reference_sequence_gets_a_binary_SEG_with_one_coded_segment_per_region(
    nifti_origin: tuple[Any, ExportResult],
) -> None:
    case, result = nifti_origin
    files = _seg_files(result)
    assert sorted(files) == ["FLAIR", "T1C", "T2"]
    for sequence in case.schema.reference_sequences:
        seg = hd.seg.segread(files[sequence.value])
        assert seg.SegmentationType == "BINARY"
        regions = case.schema.regions_on(sequence)
        assert seg.number_of_segments == len(regions)
        for number, region in zip(seg.segment_numbers, regions, strict=True):
            description = seg.get_segment_description(number)
            assert description.SegmentLabel == region.key
            assert description.SegmentDescription == region.name_en
            category = description.SegmentedPropertyCategoryCodeSequence[0]
            kind = description.SegmentedPropertyTypeCodeSequence[0]
            terminology = region.terminology
            assert (category.CodeValue, category.CodingSchemeDesignator) == (
                terminology.category.value,
                terminology.category.scheme,
            )
            assert (kind.CodeValue, kind.CodingSchemeDesignator) == (
                terminology.type.value,
                terminology.type.scheme,
            )
            assert (
                description.AnatomicRegionSequence[0].CodeValue == terminology.anatomic_region.value
            )
            # a person drew it: MANUAL, and no Algorithm Identification Sequence
            assert description.SegmentAlgorithmType == "MANUAL"
            assert "SegmentationAlgorithmIdentificationSequence" not in description
    assert verify_manifest(result.manifest_path) == []


@pytest.mark.slow
def test_SEG_frames_hold_exactly_the_drawn_voxels(nifti_origin: tuple[Any, ExportResult]) -> None:
    case, result = nifti_origin
    expected = drawn_masks(case)
    seg = hd.seg.segread(_seg_files(result)["T1C"])
    for number, region in zip(
        seg.segment_numbers, case.schema.regions_on(MRSequence.T1C), strict=True
    ):
        image = _segment_image(seg, number)
        mask = expected[region.key]
        assert int(sitk.GetArrayViewFromImage(image).sum()) == int(
            sitk.GetArrayViewFromImage(mask).sum()
        )
        np.testing.assert_array_equal(
            sitk.GetArrayFromImage(image) > 0,
            sitk.GetArrayFromImage(resample_label(mask, image)) > 0,
        )


@pytest.mark.slow
def test_a_case_from_NIfTI_gets_a_written_MR_series_that_its_SEG_references(
    nifti_origin: tuple[Any, ExportResult],
) -> None:
    case, result = nifti_origin
    images = [e for e in result.entries if e.content == "source_image" and e.sequence == "T2"]
    written = [pydicom.dcmread(result.manifest_path.parent.parent / e.path) for e in images]
    assert len(written) == 10 and {ds.Modality for ds in written} == {"MR"}
    seg = hd.seg.segread(_seg_files(result)["T2"])
    referenced_series = seg.ReferencedSeriesSequence[0]
    assert referenced_series.SeriesInstanceUID == written[0].SeriesInstanceUID
    referenced = {
        item.ReferencedSOPInstanceUID for item in referenced_series.ReferencedInstanceSequence
    }
    assert referenced <= {ds.SOPInstanceUID for ds in written}
    assert seg.StudyInstanceUID == written[0].StudyInstanceUID
    assert seg.FrameOfReferenceUID == written[0].FrameOfReferenceUID


@pytest.mark.slow
def test_a_case_from_DICOM_references_its_original_series_per_R_FMT_2(
    dicom_origin: tuple[Any, ExportResult, dict],
) -> None:
    case, result, series = dicom_origin
    assert not [e for e in result.entries if e.content == "source_image"]
    for sequence, seg_path in _seg_files(result).items():
        seg = hd.seg.segread(seg_path)
        original = series[MRSequence(sequence)]
        referenced_series = seg.ReferencedSeriesSequence[0]
        assert referenced_series.SeriesInstanceUID == original["series_instance_uid"]
        originals = {
            str(pydicom.dcmread(f, stop_before_pixels=True).SOPInstanceUID)
            for f in original["dicom_files"]
        }
        referenced = {
            i.ReferencedSOPInstanceUID for i in referenced_series.ReferencedInstanceSequence
        }
        assert referenced and referenced <= originals
        assert {uid for _, _, uid in seg.get_source_image_uids()} <= originals


@pytest.mark.slow
def test_a_model_pre_annotation_is_AUTOMATIC_with_its_algorithm_identified(
    dicom_origin: tuple[Any, ExportResult, dict],
) -> None:
    case, result, _ = dicom_origin
    seg = hd.seg.segread(_seg_files(result)["FLAIR"])
    description = seg.get_segment_description(1)
    assert description.SegmentAlgorithmType == "AUTOMATIC"
    algorithm = description.SegmentationAlgorithmIdentificationSequence[0]
    assert algorithm.AlgorithmName == "nnunet-brats"
    assert (
        algorithm.AlgorithmFamilyCodeSequence[0].CodeValue == "123110"
    )  # DCM Artificial Intelligence


@pytest.mark.slow
def test_the_DICOM_origin_SEG_frames_match_the_drawn_masks(
    dicom_origin: tuple[Any, ExportResult, dict],
) -> None:
    case, result, _ = dicom_origin
    expected = drawn_masks(case)["whole_tumor"]
    seg = hd.seg.segread(_seg_files(result)["FLAIR"])
    image = _segment_image(seg, 1)
    assert int(sitk.GetArrayViewFromImage(image).sum()) == int(
        sitk.GetArrayViewFromImage(expected).sum()
    )
    # the written DICOM lists slices in the opposite order of the left-handed NIfTI: the
    # voxels must still land in the same physical places
    np.testing.assert_array_equal(
        sitk.GetArrayFromImage(image) > 0,
        sitk.GetArrayFromImage(resample_label(expected, image)) > 0,
    )


@pytest.mark.slow
def test_a_deidentified_source_exports_without_a_person_name_warning(
    tmp_path: Path, recwarn: pytest.WarningsRecorder
) -> None:
    """A de-identified study names the patient by a one-component pseudonym (``CNST-...``):
    the SEG writes it as a valid PN (``CNST-...^``) and highdicom no longer warns."""
    volumes = cropped_volumes(tmp_path / "volumes", (40, 40, 6))
    study = write_case_as_dicom_study(volumes, tmp_path / "dicom", uid_seed="pn-test")
    series = {}
    for seq, files in study.items():
        for f in files:
            ds = pydicom.dcmread(f)
            ds.PatientName = "CNST-0123ABCDEF"
            ds.save_as(f)
        series[seq] = {
            "series_instance_uid": str(pydicom.dcmread(files[0]).SeriesInstanceUID),
            "dicom_files": [str(f) for f in files],
        }
    case = build_case(tmp_path / "case", volumes=volumes, series=series)
    result = export_case(case.root, tmp_path / "out", "dicom-seg")
    names = {str(hd.seg.segread(p).PatientName) for p in _seg_files(result).values()}
    assert names == {"CNST-0123ABCDEF^"}
    person_name_warnings = [w for w in recwarn if "person name" in str(w.message)]
    assert not person_name_warnings, person_name_warnings[0].message
    assert str(pydicom.dcmread(study[MRSequence.FLAIR][0]).PatientName) == "CNST-0123ABCDEF"
