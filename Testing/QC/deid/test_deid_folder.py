"""De-identification (R-DATA-1) on real vendor files and the demo study, checked byte by byte."""

from __future__ import annotations

import gzip
import shutil
import warnings
from pathlib import Path

import pydicom
import pytest
from _deid_planting import plant_everywhere
from pydicom.sr.codedict import codes

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.deid.check import pixel_and_geometry
from CNSTumorQCLib.deid.folder import REPORT_NAME, deidentify_folder
from CNSTumorQCLib.deid.keys import KeyStore
from CNSTumorQCLib.deid.policy import DeidPolicy
from CNSTumorQCLib.demo.fixture_study import write_case_as_dicom_study
from CNSTumorQCLib.demo.mr_protocols import SyntheticIdentity
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.findings import Severity
from CNSTumorQCLib.sequences import MRSequence

SECRET = "test-secret-0123456789abcdef"

#: A handful of real files per vendor (shared/data/README.md): enhanced and classic, with the
#: private diffusion tags the identification needs.
VENDOR_FILES = {
    "xa30": ("dcm_qa_xa30/In/10_DWI_dir80_PA", "0001_*.dcm"),
    "xa30b": ("dcm_qa_xa30/In/10_DWI_dir80_PA", "0002_*.dcm"),
    "philips1": ("dcm_qa_philips/In/Vanderbilt_2018/601_WIP_dti_ax", "0724.dcm"),
    "philips2": ("dcm_qa_philips/In/Vanderbilt_2018/601_WIP_dti_ax", "0348.dcm"),
    "ge1": ("dcm_qa_ge/In/01_Ax_DWI_TENSOR_R2", "i25.MRDC.4"),
    "ge2": ("dcm_qa_ge/In/01_Ax_DWI_TENSOR_R2", "i26.MRDC.5"),
    "siemens_classic": ("dicom2nifti_testdata/siemens/anatomical/001", "IM-0001-0113-0001.dcm"),
}


def _copy_vendor_files(shared: Path, target: Path) -> None:
    for name, (folder, pattern) in VENDOR_FILES.items():
        source = next((shared / folder).glob(pattern))
        (target / name).mkdir(parents=True)
        shutil.copyfile(source, target / name / source.name)
    (target / "siemens_csa").mkdir()
    raw = gzip.decompress((shared / "nibabel_dicom" / "siemens_dwi_1000.dcm.gz").read_bytes())
    (target / "siemens_csa" / "dwi_1000.dcm").write_bytes(raw)


def _checksums(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): sha256_file(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _outputs(out: Path) -> list[Path]:
    return sorted(out.rglob("*.dcm"))


def _read(path: Path) -> pydicom.Dataset:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pydicom.dcmread(path)


@pytest.fixture(scope="module")
def fixture_study(tmp_path_factory, sample_case) -> Path:
    out = tmp_path_factory.mktemp("fixture") / "study"
    volumes = {
        s: sample_case / "native" / f"{s.value}.nii.gz" for s in (MRSequence.T1C, MRSequence.FLAIR)
    }
    write_case_as_dicom_study(volumes, out, uid_seed="deid-tests")
    return out


@pytest.fixture(scope="module")
def planted_run(tmp_path_factory, shared_data, fixture_study):
    """Real files of every vendor + the demo study, planted in every Annex E attribute, de-identified."""
    base = tmp_path_factory.mktemp("planted")
    source = base / "in"
    _copy_vendor_files(shared_data, source)
    shutil.copytree(fixture_study, source / "fixture")
    planted: set[str] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.suffix != ".md":
                ds = pydicom.dcmread(path)
                planted.update(plant_everywhere(ds))
                ds.save_as(path)
    before = _checksums(source)
    report = deidentify_folder(source, base / "out", base / "key.json", secret=SECRET)
    return {
        "in": source,
        "out": base / "out",
        "key": base / "key.json",
        "report": report,
        "planted": planted,
        "before": before,
        "base": base,
    }


@pytest.mark.slow
def test_no_planted_identifying_value_survives_anywhere_in_the_output_bytes(planted_run):
    """R-DATA-1: every Annex E attribute planted, none of the values in any output byte or path."""
    outputs = _outputs(planted_run["out"])
    assert len(planted_run["planted"]) > 400
    assert planted_run["report"].counts["written"] == len(outputs) > 50
    assert planted_run["report"].counts.get("withheld", 0) == 0
    blobs = [
        p.read_bytes() + p.relative_to(planted_run["out"]).as_posix().encode() for p in outputs
    ]
    blobs.append((planted_run["out"] / REPORT_NAME).read_bytes())
    survivors = {
        value for value in planted_run["planted"] for blob in blobs if value.encode() in blob
    }
    assert survivors == set()


@pytest.mark.slow
def test_the_input_is_never_modified(planted_run):
    assert _checksums(planted_run["in"]) == planted_run["before"]


@pytest.mark.slow
def test_real_vendor_headers_lose_their_identifying_values(tmp_path, shared_data):
    source = tmp_path / "in"
    _copy_vendor_files(shared_data, source)
    originals = [
        "Indiana University",
        "Bloomington",
        "MRC35062",
        "12343@hucheng",
        "XAtest_sub-July11",
        "Landman_234480",
        "Vanderbilt",
        "VUIIS_3TB",
        "0000000000orange",
        "MRC35119",
        "20220711",
        "20180517",
        "20200929",
        "1.3.12.2.1107.5.2.43.67093",
        "1.3.46.670589.11.17240",
        "1.2.840.113619.2.44.7088985",
    ]
    report = deidentify_folder(source, tmp_path / "out", tmp_path / "key.json", secret=SECRET)
    # dicom2nifti's file repeats its patient name in SequenceName: withheld by the post-check
    assert report.counts["written"] == len(VENDOR_FILES) and report.counts["withheld"] == 1
    for path in _outputs(tmp_path / "out"):
        data = path.read_bytes()
        assert [value for value in originals if value.encode() in data] == [], path.name


@pytest.mark.slow
def test_uids_are_consistent_within_a_series_and_deterministic_across_runs(
    planted_run, fixture_study
):
    out2 = planted_run["base"] / "out-again"
    deidentify_folder(planted_run["in"], out2, planted_run["key"], secret=SECRET)
    first = sorted(
        p.relative_to(planted_run["out"]).as_posix() for p in _outputs(planted_run["out"])
    )
    again = sorted(p.relative_to(out2).as_posix() for p in _outputs(out2))
    assert first == again  # same pseudonym/study/series/SOP UIDs, so the same paths
    keys = KeyStore.open(planted_run["key"], None, DeidPolicy())
    flair_inputs = sorted((fixture_study / "05_MRHR_FLAIR_AX_SE_IR").glob("*.dcm"))
    originals = [_read(p) for p in flair_inputs]
    series_uid = keys.uid(originals[0].SeriesInstanceUID)
    series_dir = next(p for p in planted_run["out"].rglob(series_uid) if p.is_dir())
    written = [_read(p) for p in sorted(series_dir.glob("*.dcm"))]
    assert len(written) == len(flair_inputs)
    assert {ds.SeriesInstanceUID for ds in written} == {series_uid}
    assert {ds.StudyInstanceUID for ds in written} == {keys.uid(originals[0].StudyInstanceUID)}
    assert {ds.FrameOfReferenceUID for ds in written} == {
        keys.uid(originals[0].FrameOfReferenceUID)
    }
    assert {ds.SOPInstanceUID for ds in written} == {
        keys.uid(ds.SOPInstanceUID) for ds in originals
    }
    assert all(ds.file_meta.MediaStorageSOPInstanceUID == ds.SOPInstanceUID for ds in written)
    assert all(uid.startswith("2.25.") for uid in (series_uid, written[0].StudyInstanceUID))
    other = KeyStore("another-secret-0123456789", DeidPolicy())
    assert other.uid(originals[0].SeriesInstanceUID) != series_uid


@pytest.mark.slow
def test_references_in_sequences_follow_the_remapped_uids(tmp_path, fixture_study):
    source = tmp_path / "in"
    shutil.copytree(fixture_study / "07_MRHR_T1_AX_POST_GAD_SE", source)
    files = sorted(source.glob("*.dcm"))[:3]
    for extra in sorted(source.glob("*.dcm"))[3:]:
        extra.unlink()
    referenced = _read(files[1])
    referencing = _read(files[0])
    item = pydicom.Dataset()
    item.ReferencedSOPClassUID = referenced.SOPClassUID
    item.ReferencedSOPInstanceUID = referenced.SOPInstanceUID
    referencing.ReferencedImageSequence = [item]
    referencing.save_as(files[0])
    deidentify_folder(source, tmp_path / "out", tmp_path / "key.json", secret=SECRET)
    written = {_read(p).InstanceNumber: _read(p) for p in _outputs(tmp_path / "out")}
    reference = written[referencing.InstanceNumber].ReferencedImageSequence[0]
    assert reference.ReferencedSOPInstanceUID == written[referenced.InstanceNumber].SOPInstanceUID
    assert reference.ReferencedSOPClassUID == pydicom.uid.MRImageStorage


@pytest.mark.slow
def test_dates_are_shifted_by_one_offset_per_patient_that_keeps_intervals(tmp_path, sample_case):
    source = tmp_path / "in"
    volume = {MRSequence.T1: sample_case / "native" / "T1.nii.gz"}
    write_case_as_dicom_study(volume, source / "first", SyntheticIdentity(study_date="20111103"))
    write_case_as_dicom_study(volume, source / "second", SyntheticIdentity(study_date="20120215"))
    report = deidentify_folder(source, tmp_path / "out", tmp_path / "key.json", secret=SECRET)
    assert report.mapping["patients"] == 1
    dates = sorted({_read(p).StudyDate for p in _outputs(tmp_path / "out")})
    assert len(dates) == 2 and "20111103" not in dates
    import datetime as dt

    def day(text: str) -> dt.date:
        return dt.datetime.strptime(text, "%Y%m%d").date()

    assert (day(dates[1]) - day(dates[0])).days == (day("20120215") - day("20111103")).days
    shift = (day(dates[0]) - day("20111103")).days
    assert -3 * 365 <= shift <= -365
    assert {_read(p).SeriesDate for p in _outputs(tmp_path / "out")} == set(dates)


@pytest.mark.slow
def test_markers_are_set_with_the_dcm_codes_of_the_options_used(planted_run):
    ds = _read(_outputs(planted_run["out"])[0])
    assert ds.PatientIdentityRemoved == "YES"
    assert ds.LongitudinalTemporalInformationModified == "MODIFIED"
    assert any("Annex E" in text for text in ds.DeidentificationMethod)
    used = {
        (item.CodeValue, item.CodingSchemeDesignator)
        for item in ds.DeidentificationMethodCodeSequence
    }
    expected = {
        codes.DCM.BasicApplicationConfidentialityProfile,
        codes.DCM.RetainLongitudinalTemporalInformationModifiedDatesOption,
        codes.DCM.RetainPatientCharacteristicsOption,
        codes.DCM.CleanDescriptorsOption,
        codes.DCM.RetainSafePrivateOption,
    }
    assert used == {(code.value, code.scheme_designator) for code in expected}
    assert str(ds.PatientName) == ds.PatientID and ds.PatientID.startswith("CNST-")


@pytest.mark.slow
def test_pixel_data_and_geometry_are_unchanged(planted_run):
    keys = KeyStore.open(planted_run["key"], None, DeidPolicy())
    by_sop = {}
    for path in planted_run["in"].rglob("*"):
        if path.is_file() and path.suffix != ".md":
            ds = _read(path)
            by_sop[keys.uid(ds.SOPInstanceUID)] = ds
    outputs = _outputs(planted_run["out"])
    enhanced = 0
    for path in outputs:
        written = _read(path)
        original = by_sop[written.SOPInstanceUID]
        assert pixel_and_geometry(written) == pixel_and_geometry(original), path.name
        assert written.PixelData == original.PixelData
        for keyword in (
            "ImagePositionPatient",
            "ImageOrientationPatient",
            "PixelSpacing",
            "Rows",
            "Columns",
        ):
            assert written.get(keyword) == original.get(keyword)
        enhanced += "PerFrameFunctionalGroupsSequence" in written
    assert enhanced == 2  # the XA30 enhanced multi-frame files, per-frame geometry compared too


@pytest.mark.slow
def test_identification_facts_survive(planted_run):
    """Identification reads these after de-identification: kept, private b-values included."""
    by_description: dict[str, pydicom.Dataset] = {}
    private: dict[str, object] = {}
    enhanced = []
    for path in _outputs(planted_run["out"]):
        ds = _read(path)
        by_description.setdefault(str(ds.get("SequenceName", "")), ds)
        if "PerFrameFunctionalGroupsSequence" in ds:
            enhanced.append(ds)
        for tag, name in (
            ((0x0019, 0x100C), "siemens"),
            ((0x0043, 0x1039), "ge"),
            ((0x2001, 0x1003), "philips"),
        ):
            if tag in ds:
                private[name] = ds[tag].value
    b_values = {
        float(frame.MRDiffusionSequence[0].DiffusionBValue)
        for ds in enhanced
        for frame in ds.PerFrameFunctionalGroupsSequence
        if "MRDiffusionSequence" in frame
    }
    assert 2500.0 in b_values  # XA30 DWI: standard b-value tag inside the functional groups
    flair = by_description["*tir2d1_21"]
    assert list(flair.ScanningSequence) == ["SE", "IR"] and flair.MRAcquisitionType == "2D"
    assert float(flair.InversionTime) == 2500 and float(flair.RepetitionTime) == 9000
    assert float(flair.SliceThickness) == 5
    assert str(private["siemens"]).strip() == "1000"
    assert int(private["ge"][0]) == 1000
    assert float(private["philips"]) > 0
    assert str(pydicom.uid.MRImageStorage) == flair.SOPClassUID


def test_a_clean_descriptor_is_kept_and_the_patient_name_is_cleaned_out_of_another(
    tmp_path, fixture_study
):
    source = tmp_path / "in"
    files = sorted((fixture_study / "07_MRHR_T1_AX_POST_GAD_SE").glob("*.dcm"))[:2]
    source.mkdir()
    for path in files:
        shutil.copyfile(path, source / path.name)
    dirty = _read(source / files[1].name)
    dirty.SeriesDescription = "T1 POST ZHANGSAN"  # the (invented) patient's family name
    dirty.SeriesInstanceUID = pydicom.uid.generate_uid()
    dirty.save_as(source / files[1].name)
    deidentify_folder(source, tmp_path / "out", tmp_path / "key.json", secret=SECRET)
    descriptions = sorted(
        str(_read(p).get("SeriesDescription", "<removed>")) for p in _outputs(tmp_path / "out")
    )
    assert descriptions == ["MRHR_T1_AX_POST_GAD_SE", "T1 POST"]  # 113105: the name token is gone
    contrast = {str(_read(p).ContrastBolusAgent) for p in _outputs(tmp_path / "out")}
    assert contrast == {"MAGNEVIST"}  # R-ACQ-5 evidence kept by Clean Descriptors (113105)


def test_burned_in_annotation_and_secondary_capture_are_quarantined_with_a_finding(
    tmp_path, fixture_study
):
    source = tmp_path / "in"
    files = sorted((fixture_study / "05_MRHR_FLAIR_AX_SE_IR").glob("*.dcm"))[:3]
    source.mkdir()
    for path in files:
        shutil.copyfile(path, source / path.name)
    burned = _read(source / files[0].name)
    burned.BurnedInAnnotation = "YES"
    burned.save_as(source / files[0].name)
    capture = _read(source / files[1].name)
    capture.SOPClassUID = pydicom.uid.SecondaryCaptureImageStorage
    capture.file_meta.MediaStorageSOPClassUID = capture.SOPClassUID
    capture.save_as(source / files[1].name)
    quarantine = tmp_path / "quarantine"
    report = deidentify_folder(
        source, tmp_path / "out", tmp_path / "key.json", secret=SECRET, quarantine_dir=quarantine
    )
    assert report.counts["quarantined"] == 2 and report.counts["written"] == 1
    reasons = sorted(f.details["reason"] for f in report.findings if f.severity is Severity.WARNING)
    assert reasons == ["BurnedInAnnotation is YES", "secondary capture"]
    assert all(f.rule == "R-DATA-1" for f in report.findings)
    named = {f.files[0] for f in report.findings}
    assert named == {files[0].name, files[1].name}
    assert sorted(p.name for p in quarantine.iterdir()) == sorted([files[0].name, files[1].name])


def test_the_key_file_is_refused_inside_the_output_folder(tmp_path, fixture_study):
    with pytest.raises(InvalidInputError, match="outside the de-identified output folder"):
        deidentify_folder(fixture_study, tmp_path / "out", tmp_path / "out" / "key.json")
    assert not (tmp_path / "out").exists()
    status = main(
        [
            "deid",
            str(fixture_study),
            str(tmp_path / "out"),
            "--key-file",
            str(tmp_path / "out" / "k.json"),
        ]
    )
    assert status == 2


def test_non_dicom_and_truncated_files_get_a_finding_naming_the_file(tmp_path, fixture_study):
    source = tmp_path / "in"
    source.mkdir()
    good = sorted((fixture_study / "03_T1_AX_SE").glob("*.dcm")) or sorted(
        fixture_study.rglob("*.dcm")
    )
    shutil.copyfile(good[0], source / "good.dcm")
    (source / "notes.txt").write_text("not an image")
    (source / "truncated.dcm").write_bytes(good[1].read_bytes()[:2000])
    report = deidentify_folder(source, tmp_path / "out", tmp_path / "key.json", secret=SECRET)
    named = {f.files[0]: f for f in report.findings}
    assert set(named) == {"notes.txt", "truncated.dcm"}
    assert named["notes.txt"].severity is Severity.INFO
    assert named["truncated.dcm"].severity is Severity.ERROR
    assert report.counts["written"] == 1
    assert (
        "truncated.dcm" not in (tmp_path / "out" / REPORT_NAME).read_text()
    )  # paths stay in the key


def test_the_post_check_withholds_a_file_whose_unlisted_attribute_repeats_the_patient_name(
    tmp_path, shared_data
):
    """Real case: dicom2nifti's test files carry the patient name in SequenceName (not in Annex E)."""
    source = tmp_path / "in"
    source.mkdir()
    shutil.copyfile(
        shared_data
        / "dicom2nifti_testdata/siemens_multiframe/anatomical/001/IM-0001-0001-0001.dcm",
        source / "a.dcm",
    )
    report = deidentify_folder(source, tmp_path / "out", tmp_path / "key.json", secret=SECRET)
    assert report.counts.get("written", 0) == 0 and report.counts["withheld"] == 1
    assert (
        "PatientName" in report.findings[0].message
        and report.findings[0].severity is Severity.ERROR
    )
    assert _outputs(tmp_path / "out") == []


@pytest.mark.slow
def test_the_cli_writes_the_copy_the_report_and_the_key_beside_it(tmp_path, fixture_study, capsys):
    source = fixture_study / "07_MRHR_T1_AX_POST_GAD_SE"
    status = main(["deid", str(source), str(tmp_path / "out"), "--salt", SECRET, "--workers", "1"])
    assert status == 0
    key = tmp_path / "out.deid-key.json"  # the default: beside OUT, never inside
    assert (tmp_path / "out" / REPORT_NAME).is_file() and key.is_file()
    assert key.stat().st_mode & 0o777 == 0o600
    assert len(_outputs(tmp_path / "out")) == 26
    assert "de-identified 26 of 26 files" in capsys.readouterr().out


@pytest.mark.slow
def test_several_worker_processes_write_the_same_copy_as_one(tmp_path, fixture_study):
    source = tmp_path / "in"
    source.mkdir()
    for path in sorted((fixture_study / "05_MRHR_FLAIR_AX_SE_IR").glob("*.dcm"))[:8]:
        shutil.copyfile(path, source / path.name)
    one = deidentify_folder(source, tmp_path / "one", tmp_path / "one.json", secret=SECRET)
    two = deidentify_folder(
        source, tmp_path / "two", tmp_path / "two.json", secret=SECRET, workers=2
    )
    assert one.outputs == two.outputs and len(one.outputs) == 8
    for relative in one.outputs:
        assert (tmp_path / "one" / relative).read_bytes() == (
            tmp_path / "two" / relative
        ).read_bytes()


def test_a_chinese_name_in_gb18030_is_found_by_the_post_check_in_its_own_encoding(
    tmp_path, fixture_study
):
    """R-DATA-1 for Chinese sites: the byte search encodes names with the file's character set."""
    source = tmp_path / "in"
    source.mkdir()
    files = sorted((fixture_study / "05_MRHR_FLAIR_AX_SE_IR").glob("*.dcm"))[:2]
    for index, path in enumerate(files):
        ds = _read(path)
        ds.SpecificCharacterSet = "GB18030"
        ds.PatientName = "张^伟明"
        ds.OtherPatientNames = "张伟明"
        if index == 1:
            ds.SequenceName = "张伟明"  # not in Annex E: kept, so the post-check must catch it
        ds.save_as(source / path.name)
    assert "张伟明".encode("gb18030") in (source / files[1].name).read_bytes()
    report = deidentify_folder(source, tmp_path / "out", tmp_path / "key.json", secret=SECRET)
    assert report.counts["written"] == 1 and report.counts["withheld"] == 1
    assert report.findings[0].files == (files[1].name,)
    data = _outputs(tmp_path / "out")[0].read_bytes()
    assert "张伟明".encode("gb18030") not in data and "伟明".encode("gb18030") not in data


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"ImageType": ["DERIVED", "SECONDARY", "SCREEN SAVE"]}, "ImageType says screen save"),
        (
            {"SOPClassUID": pydicom.uid.BasicTextSRStorage},
            "not an image object (Basic Text SR Storage)",
        ),
        ({"ImageType": ["DERIVED", "SECONDARY", "DIFFUSION", "ADC"]}, None),  # an ADC map is kept
    ],
)
def test_objects_that_may_show_identity_in_their_pixels_are_screened_out(
    fixture_study, changes, reason
):
    from CNSTumorQCLib.deid.screen import quarantine_reason

    ds = _read(sorted(fixture_study.rglob("*.dcm"))[0])
    for keyword, value in changes.items():
        setattr(ds, keyword, value)
    assert quarantine_reason(ds) == reason


@pytest.mark.parametrize(
    ("keyword", "planted", "cleaned"),
    [
        ("StudyDescription", "BRAIN 1975-06-12", "BRAIN"),
        ("SeriesDescription", "AX FLAIR 06/12/1975", "AX FLAIR"),
        ("ProtocolName", "AX FLAIR wang xiaoming ZS884217", "AX FLAIR"),
    ],
)
def test_identifiers_planted_in_free_text_descriptors_are_gone(
    keyword: str, planted: str, cleaned: str, tmp_path: Path, fixture_study: Path
) -> None:
    """R-DATA-1, PS3.15 Annex E Clean Descriptors (113105): the patient's name, ID and birth
    date typed into a descriptor, in the formats people use, never reach the output; the
    protocol words around them are kept."""
    source = tmp_path / "in"
    source.mkdir()
    path = sorted((fixture_study / "05_MRHR_FLAIR_AX_SE_IR").glob("*.dcm"))[0]
    ds = _read(path)
    ds.PatientName, ds.PatientID, ds.PatientBirthDate = "Wang^Xiaoming", "ZS884217", "19750612"
    setattr(ds, keyword, planted)
    ds.save_as(source / path.name)
    deidentify_folder(source, tmp_path / "out", tmp_path / "key.json", secret=SECRET)
    (written,) = _outputs(tmp_path / "out")
    assert str(_read(written).get(keyword, "")) == cleaned
    raw = written.read_bytes().lower()
    for secret in (b"wang", b"xiaoming", b"zs884217", b"1975-06-12", b"06/12/1975", b"19750612"):
        assert secret not in raw, secret
