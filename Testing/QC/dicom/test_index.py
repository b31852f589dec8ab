"""The DICOM index on real data of every vendor, and on bad input (R-DATA-2)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pydicom
import pytest
from _dicom_cases import PHILIPS_DTI, XA30, copy_files, philips_b0_files

from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.dicom.model import PixelDataStatus
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.findings import Severity


def test_siemens_xa30_enhanced_multiframe_files_become_one_plane_per_frame(
    shared_data: Path,
) -> None:
    index = index_folder(shared_data / XA30, workers=1)
    by_number = {s.series_number: s for s in index.series}
    assert set(by_number) == {5, 10, 11, 12, 16}
    assert len(by_number[5].instances) == 96 and len(by_number[5].stacks) == 1
    assert len(by_number[11].instances) == 39 and by_number[11].first.frame == 1
    dwi = by_number[10]
    assert len(dwi.instances) == 819  # 21 files x 39 frames
    assert len(dwi.stacks) == 21  # b=0 + 20 directions at b=2500
    assert {i.b_value for i in dwi.instances} == {0.0, 2500.0}
    positions = [i.position[2] for i in dwi.stacks[0].instances]  # type: ignore[index]
    assert positions == sorted(positions)


@pytest.mark.slow
def test_philips_classic_dti_is_split_into_volumes_by_b_value_and_direction(
    shared_data: Path,
) -> None:
    index = index_folder(shared_data / PHILIPS_DTI, workers=2)
    assert index.files_indexed == 680
    (series,) = index.series
    assert len(series.stacks) == 17 and {len(s.instances) for s in series.stacks} == {40}
    assert {i.b_value_source for i in series.instances} == {"(0018,9087) DiffusionBValue"}


def test_ge_diffusion_b_values_come_from_the_private_tag_and_volumes_are_split(
    shared_data: Path,
) -> None:
    index = index_folder(shared_data / "dcm_qa_ge/In", workers=1)
    (series,) = index.series
    assert {i.b_value for i in series.instances} == {0.0, 1000.0}
    assert len(series.stacks) == 7  # b=0 + 6 directions, told apart by position repeats


def test_gzipped_siemens_mosaics_read_b_values_from_the_private_tags(shared_data: Path) -> None:
    index = index_folder(shared_data / "nibabel_dicom", workers=1)
    (series,) = index.series
    assert sorted(i.b_value for i in series.instances) == [0.0, 1000.0]
    assert {i.b_value_source for i in series.instances} == {"(0019,100C) Siemens B_value"}


def test_every_multivendor_header_excerpt_is_indexed_without_error(shared_data: Path) -> None:
    index = index_folder(shared_data / "dicom2nifti_testdata", workers=1)
    vendors = {s.first.manufacturer.split()[0].upper() for s in index.series}
    assert {"GE", "PHILIPS", "SIEMENS", "HITACHI", "HYPERFINE"} <= vendors
    assert not [f for f in index.findings if f.severity is not Severity.INFO]


def test_non_dicom_files_are_skipped_with_a_note_and_a_broken_dcm_is_a_warning(
    tmp_path: Path, shared_data: Path
) -> None:
    copy_files(philips_b0_files(shared_data, 4), tmp_path / "study")
    (tmp_path / "study" / "notes.txt").write_text("not an image")
    (tmp_path / "garbage.dcm").write_bytes(os.urandom(4096))
    shutil.copyfile(tmp_path / "study" / "notes.txt", tmp_path / "DICOMDIR")
    index = index_folder(tmp_path, workers=1)
    assert index.files_indexed == 4
    notes = {Path(f.files[0]).name: f for f in index.findings}
    assert "not a DICOM file" in notes["notes.txt"].message
    assert "DICOMDIR" in notes["DICOMDIR"].message
    # a file named like a DICOM image that cannot be read is a broken part of the study
    assert "not readable as DICOM" in notes["garbage.dcm"].message
    assert notes["garbage.dcm"].severity is Severity.WARNING
    assert all(f.severity is Severity.INFO for n, f in notes.items() if n != "garbage.dcm")


def test_an_empty_folder_is_an_error_finding_not_an_exception(tmp_path: Path) -> None:
    index = index_folder(tmp_path, workers=1)
    assert index.series == ()
    assert [f.rule for f in index.findings] == ["R-DATA-2"]
    assert index.findings[0].severity is Severity.ERROR and "no files" in index.findings[0].message


def test_a_missing_folder_or_a_file_given_as_folder_raises_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match="does not exist"):
        index_folder(tmp_path / "nowhere")
    (tmp_path / "file.dcm").write_bytes(b"x")
    with pytest.raises(InvalidInputError, match="expected a folder"):
        index_folder(tmp_path / "file.dcm")


def test_a_non_mr_modality_is_listed_out_of_scope_with_rule_R_ACQ_7(
    tmp_path: Path, shared_data: Path
) -> None:
    def to_ct(_: int, ds: pydicom.Dataset) -> None:
        ds.Modality = "CT"

    (ct,) = copy_files(philips_b0_files(shared_data, 1), tmp_path, to_ct)
    index = index_folder(tmp_path, workers=1)
    assert index.series == ()
    finding = next(f for f in index.findings if f.rule == "R-ACQ-7")
    assert finding.files == (str(ct),) and "CT is not MR" in finding.message


def test_a_truncated_file_is_indexed_and_marked_truncated(
    tmp_path: Path, shared_data: Path
) -> None:
    (copy,) = copy_files(philips_b0_files(shared_data, 1), tmp_path)
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) - 3000])
    (instance,) = index_folder(tmp_path, workers=1).series[0].instances
    assert instance.pixel_data is PixelDataStatus.TRUNCATED


def test_a_file_cut_inside_its_header_is_a_finding_naming_the_file(
    tmp_path: Path, shared_data: Path
) -> None:
    (copy,) = copy_files(philips_b0_files(shared_data, 1), tmp_path)
    copy.write_bytes(copy.read_bytes()[:200])
    index = index_folder(tmp_path, workers=1)
    assert index.series == ()
    assert any(str(copy) in f.files and f.severity is Severity.ERROR for f in index.findings)


def test_a_file_vanishing_during_the_scan_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "gone.dcm").symlink_to(tmp_path / "deleted-before-reading.dcm")
    index = index_folder(tmp_path, workers=1)
    finding = next(f for f in index.findings if f.files == (str(tmp_path / "gone.dcm"),))
    assert finding.severity is Severity.WARNING and "vanished" in finding.message


@pytest.mark.slow
def test_an_unreadable_file_is_an_error_finding(tmp_path: Path, shared_data: Path) -> None:
    """chmod 000 does not stop root: as root, the index runs in a child without the DAC capabilities."""
    (readable, secret) = copy_files(philips_b0_files(shared_data, 2), tmp_path)
    secret.chmod(0o000)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without util-linux setpriv: cannot make a file unreadable")
        caps = "-dac_override,-dac_read_search"
        prefix = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]
    code = (
        "import sys; from CNSTumorQCLib.dicom.index import index_folder\n"
        "index = index_folder(sys.argv[1], workers=1)\n"
        "print(index.files_indexed); [print(f.severity.value, f.files[0], f.message) for f in index.findings]\n"
    )
    result = subprocess.run(
        [*prefix, sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1"
    assert f"error {secret} file cannot be read (permission denied); not indexed" in lines


def test_indexing_never_modifies_the_input(tmp_path: Path, shared_data: Path) -> None:
    files = copy_files(philips_b0_files(shared_data, 6), tmp_path)
    before = {p: (sha256_file(p), p.stat().st_mtime_ns) for p in files}
    index_folder(tmp_path, workers=2)
    assert {p: (sha256_file(p), p.stat().st_mtime_ns) for p in files} == before
    assert sorted(tmp_path.iterdir()) == sorted(files)


@pytest.mark.slow
def test_the_fast_header_walk_agrees_with_pydicoms_reader_on_real_files(shared_data: Path) -> None:
    """dicom_fastscan is hand-written for speed: it must give exactly what pydicom's reader gives."""
    from CNSTumorQCLib.dicom.fastscan import scan_header
    from CNSTumorQCLib.dicom.header import parse_header, read_header_bytes
    from CNSTumorQCLib.dicom.reader import (
        LAST_TAG,
        SPECIFIC_TAGS,
        WANTED,
        instances_from_dataset,
        read_instances,
    )

    philips = sorted((shared_data / PHILIPS_DTI).iterdir())[::17]
    others = [
        p
        for root in ("dcm_qa_xa30/In", "dcm_qa_ge/In", "dicom2nifti_testdata", "nibabel_dicom")
        for p in (shared_data / root).rglob("*")
        if p.is_file()
    ]
    compared = 0
    for path in [*philips, *others]:
        header = read_header_bytes(str(path))
        try:
            reference = instances_from_dataset(
                parse_header(header.header, SPECIFIC_TAGS, LAST_TAG), str(path), header
            )
        except Exception:
            continue  # not DICOM (licences, NIfTI references)
        assert scan_header(header.header, WANTED, LAST_TAG) is not None, path
        _, instances = read_instances(str(path))  # the index's own entry point
        assert instances == reference, path
        assert repr(instances) == repr(reference), path  # types and signs of zero too
        compared += 1
    assert compared >= 120


def test_the_planes_read_do_not_depend_on_the_order_the_files_are_read_in(
    shared_data: Path,
) -> None:
    """The reader computes series-wide fields once per distinct raw header and caches decoded
    values (dicom_reader._raw_key, dicom_fastscan.decode_value): every vendor's files read
    forwards and then backwards, caches emptied in between, give exactly the same planes."""
    from CNSTumorQCLib.dicom import fastscan as dicom_fastscan
    from CNSTumorQCLib.dicom import reader as dicom_reader
    from CNSTumorQCLib.dicom.reader import read_instances

    paths = [
        p
        for root in (PHILIPS_DTI, Path("dcm_qa_xa30/In"), Path("dcm_qa_ge/In"))
        for p in sorted((shared_data / root).rglob("*"))
        if p.is_file()
    ]
    paths += [p for p in sorted((shared_data / "dicom2nifti_testdata").rglob("*")) if p.is_file()]

    def read_all(order: list[Path]) -> dict[Path, str]:
        planes = {}
        for path in order:
            try:
                planes[path] = repr(read_instances(str(path))[1])
            except Exception:
                continue  # not DICOM (licences, NIfTI references)
        return planes

    forwards = read_all(paths[::4])
    dicom_reader._COMMON_MEMO.clear()
    dicom_reader._BVALUE_MEMO.clear()
    dicom_fastscan.decode_value.cache_clear()
    backwards = read_all(paths[::4][::-1])
    assert forwards == backwards
    assert len(forwards) >= 180


@pytest.mark.slow
def test_copies_differing_in_one_series_wide_attribute_are_read_apart(
    tmp_path: Path, shared_data: Path
) -> None:
    """Series-wide fields are computed once per distinct raw header: a copy of a file that
    differs only in one such attribute (as replicated series do) must not be read as the first."""
    from CNSTumorQCLib.dicom.header import parse_header, read_header_bytes
    from CNSTumorQCLib.dicom.reader import (
        LAST_TAG,
        SPECIFIC_TAGS,
        instances_from_dataset,
        read_instances,
    )

    sources = [
        sorted((shared_data / PHILIPS_DTI).iterdir())[40],
        next(p for p in sorted((shared_data / XA30).rglob("*")) if p.is_file()),
        next(p for p in sorted((shared_data / "dcm_qa_ge/In").rglob("*")) if p.is_file()),
    ]
    changes = {
        "SOPInstanceUID": "1.2.3.3",  # the reference copy: re-saved, one per-file UID changed
        "PatientID": "OTHER",
        "StudyInstanceUID": "1.2.3.4",
        "SeriesInstanceUID": "1.2.3.5",
        "SeriesNumber": 99,
        "SeriesDescription": "another description",
        "AcquisitionTime": "235959",
        "Manufacturer": "Other vendor",
    }
    paths = []
    for n, source in enumerate(sources):
        for keyword, value in changes.items():
            dataset = pydicom.dcmread(source)
            setattr(dataset, keyword, value)
            target = tmp_path / f"{n}_{keyword}.dcm"
            dataset.save_as(target)
            paths.append(target)
    for path in paths:
        header = read_header_bytes(str(path))
        reference = instances_from_dataset(
            parse_header(header.header, SPECIFIC_TAGS, LAST_TAG), str(path), header
        )
        assert repr(read_instances(str(path))[1]) == repr(reference), path
