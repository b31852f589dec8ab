"""Malformed inputs across every command, probed as an attacker and a careless user would.

Each case builds one bad input, runs ``cnstumor`` in-process and asserts: exit status 2 (or
the documented status where another is right), exactly one error line on stderr naming the
file, no traceback, the inputs byte-identical afterwards, nothing written outside the output
folder. Native-abort cases (truncated ``.seg.nrrd`` through MRML) run in a subprocess in
``test_native_aborts.py``.
"""

from __future__ import annotations

import gzip
import os
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from _robust_helpers import (
    assert_clean_refusal,
    assert_no_stray_writes,
    invoke,
    tree_digest,
    write_dicom_series,
)

from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.mrml

NON_UTF8 = os.fsdecode(b"caf\xe9")  # a Latin-1 folder name, not UTF-8


# --------------------------------------------------------------------------- bad volume files
def _cut(at: int | float) -> Callable[[bytes], bytes]:
    return lambda data: data[: int(len(data) * at) if isinstance(at, float) else at]


def _flip_crc(data: bytes) -> bytes:
    corrupt = bytearray(data)
    corrupt[-6] ^= 0xFF  # inside the CRC-32 of the gzip trailer
    return bytes(corrupt)


def _inner_truncation(data: bytes) -> bytes:
    raw = gzip.decompress(data)
    return gzip.compress(raw[: len(raw) // 2])  # a valid gzip stream holding half the voxels


def _nifti_bytes(array: np.ndarray, spacing: float | None = None) -> bytes:
    """Raw .nii bytes of ``array`` (SimpleITK writes, the header is patched here)."""
    image = sitk.GetImageFromArray(array)
    folder = Path(os.environ.get("PYTEST_TMP", "/tmp"))
    path = folder / f"cnstumor-robust-{os.getpid()}.nii"
    sitk.WriteImage(image, str(path))
    data = bytearray(path.read_bytes())
    path.unlink()
    if spacing is not None:
        data[80:84] = struct.pack("<f", spacing)  # pixdim[1]
    return bytes(data)


def _float_with(value: float) -> bytes:
    array = np.ones((6, 8, 8), np.float32)
    array[2, 3, 3] = value
    return gzip.compress(_nifti_bytes(array))


def _huge_header(data: bytes) -> bytes:
    raw = bytearray(gzip.decompress(data))
    raw[40:56] = struct.pack("<8h", 3, 30000, 30000, 30000, 1, 1, 1, 1)
    return gzip.compress(bytes(raw))


def _negative_dim(data: bytes) -> bytes:
    raw = bytearray(gzip.decompress(data))
    raw[42:44] = struct.pack("<h", -5)
    return gzip.compress(bytes(raw))


def _dicom_bytes(_: bytes) -> bytes:
    from CNSTumorQCLib.paths import shared_data_dir

    folder = shared_data_dir() / "dicom2nifti_testdata" / "siemens" / "anatomical"
    return next(folder.rglob("*.dcm")).read_bytes()


def _two_d(_: bytes) -> bytes:
    return gzip.compress(_nifti_bytes(np.ones((8, 8), np.int16)))


VOLUME_CORRUPTIONS: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "empty file": (".nii.gz", _cut(0)),
    "cut at 10 bytes": (".nii.gz", _cut(10)),
    "cut at 100 bytes": (".nii.gz", _cut(100)),
    "cut at 347 bytes": (".nii.gz", _cut(347)),
    "cut in half": (".nii.gz", _cut(0.5)),
    "cut before the trailer": (".nii.gz", lambda d: d[:-4]),
    "last byte missing": (".nii.gz", lambda d: d[:-1]),
    "gzip CRC fails": (".nii.gz", _flip_crc),
    "valid gzip, half the voxels": (".nii.gz", _inner_truncation),
    "DICOM named .nii.gz": (".nii.gz", _dicom_bytes),
    "DICOM named .nii": (".nii", _dicom_bytes),
    "NaN voxel": (".nii.gz", lambda _: _float_with(float("nan"))),
    "infinite voxel": (".nii.gz", lambda _: _float_with(float("inf"))),
    "zero spacing": (".nii", lambda _: _nifti_bytes(np.ones((6, 8, 8), np.int16), 0.0)),
    "NaN spacing": (".nii", lambda _: _nifti_bytes(np.ones((6, 8, 8), np.int16), float("nan"))),
    "huge dimensions": (".nii.gz", _huge_header),
    "negative dimension": (".nii.gz", _negative_dim),
    "text named .nii.gz": (".nii.gz", lambda _: b"this is not an image\n"),
    "random bytes .nii": (".nii", lambda _: np.random.default_rng(1).bytes(4096)),
    "gzip of random bytes": (
        ".nii.gz",
        lambda _: gzip.compress(np.random.default_rng(2).bytes(4096)),
    ),  # fmt: skip
    "2D image": (".nii.gz", _two_d),
}


def _import_argv(out: Path, volumes: dict[MRSequence, Path]) -> list[str]:
    argv = ["case", "import", str(out), "--patient", "P9", "--family", "intra_axial"]
    for sequence, path in volumes.items():
        argv += [f"--{sequence.value.lower()}", str(path)]
    return [*argv, "--no-registration"]


@pytest.mark.parametrize("corruption", list(VOLUME_CORRUPTIONS))
def test_case_import_refuses_a_corrupt_volume_and_writes_nothing(
    corruption: str,
    good_volumes: dict[MRSequence, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    suffix, corrupt = VOLUME_CORRUPTIONS[corruption]
    bad = tmp_path / "in" / f"FLAIR{suffix}"
    bad.parent.mkdir()
    bad.write_bytes(corrupt(good_volumes[MRSequence.FLAIR].read_bytes()))
    volumes = {**good_volumes, MRSequence.FLAIR: bad}
    before, digest = set(tmp_path.rglob("*")), tree_digest(bad)
    outcome = invoke(_import_argv(tmp_path / "out", volumes), capsys)
    assert_clean_refusal(outcome, str(bad))
    assert tree_digest(bad) == digest
    assert not (tmp_path / "out").exists()  # nothing written (R-DATA-2)
    assert_no_stray_writes(tmp_path, before)


def test_case_import_names_a_missing_volume_and_a_folder_given_as_a_volume(
    good_volumes: dict[MRSequence, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.nii.gz"
    outcome = invoke(
        _import_argv(tmp_path / "o1", {**good_volumes, MRSequence.T2: missing}), capsys
    )
    assert_clean_refusal(outcome, str(missing))
    folder = tmp_path / "FLAIR.nii.gz"
    folder.mkdir()
    outcome = invoke(
        _import_argv(tmp_path / "o2", {**good_volumes, MRSequence.FLAIR: folder}), capsys
    )
    assert_clean_refusal(outcome, str(folder))


def test_case_import_into_an_existing_file_or_a_non_utf8_folder_is_refused(
    good_volumes: dict[MRSequence, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    assert_clean_refusal(invoke(_import_argv(a_file, good_volumes), capsys), str(a_file))
    assert a_file.read_text() == "x"
    outcome = invoke(_import_argv(tmp_path / NON_UTF8 / "case", good_volumes), capsys)
    assert_clean_refusal(outcome, "not valid UTF-8")
    assert not (tmp_path / NON_UTF8).exists()


def test_chinese_folder_names_are_fine(
    good_volumes: dict[MRSequence, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "病例" / "患者一"
    outcome = invoke(_import_argv(out, good_volumes), capsys)
    assert outcome.status == 0, outcome.err
    assert (out / "case.json").is_file()


# --------------------------------------------------------------------------- bad label maps
def _label_like(case: Path, fill: float | None, dtype: type = np.int16, shift: float = 0.0,
                dims: int = 3) -> sitk.Image:  # fmt: skip
    flair = sitk.ReadImage(str(next((case / "volumes").glob("*_FLAIR_image.nii.gz"))))
    array = np.zeros(sitk.GetArrayViewFromImage(flair).shape, dtype)
    if fill is not None:
        array[2:4, 15:30, 15:30] = fill
    image = sitk.GetImageFromArray(array)
    image.CopyInformation(flair)
    image.SetOrigin(tuple(o + shift for o in image.GetOrigin()))
    if dims == 2:
        image = image[:, :, 2]
    return image


LABEL_CORRUPTIONS: dict[str, tuple[dict[str, object], str | None]] = {
    "unknown value 7": ({"fill": 7}, None),
    "unknown value 255": ({"fill": 255}, None),
    "negative value": ({"fill": -1}, None),
    "all zero": ({"fill": None}, None),
    "does not overlap the case": ({"fill": 2, "shift": 5000.0}, None),
    "non-integer value": ({"fill": 1.5, "dtype": np.float32}, None),
    "NaN value": ({"fill": float("nan"), "dtype": np.float32}, None),
    "2D label map": ({"fill": 2, "dims": 2}, None),
    "truncated in half": ({"fill": 2}, "half"),
    "gzip CRC fails": ({"fill": 2}, "crc"),
    "DICOM named .nii.gz": ({"fill": 2}, "dicom"),
}


@pytest.mark.parametrize("corruption", list(LABEL_CORRUPTIONS))
def test_case_labels_refuses_a_bad_label_map_and_creates_no_version(
    corruption: str, robust_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options, damage = LABEL_CORRUPTIONS[corruption]
    label = tmp_path / "labels" / "bad.nii.gz"
    label.parent.mkdir()
    sitk.WriteImage(_label_like(robust_case, **options), str(label))  # type: ignore[arg-type]
    if damage == "half":
        label.write_bytes(_cut(0.5)(label.read_bytes()))
    elif damage == "crc":
        label.write_bytes(_flip_crc(label.read_bytes()))
    elif damage == "dicom":
        label.write_bytes(_dicom_bytes(b""))
    before, case_digest = set(tmp_path.rglob("*")), tree_digest(robust_case, label)
    outcome = invoke(["case", "labels", str(robust_case), str(label)], capsys)
    assert_clean_refusal(outcome, str(label))
    assert tree_digest(robust_case, label) == case_digest  # no new version, inputs unchanged
    assert_no_stray_writes(tmp_path, before)


# --------------------------------------------------------------------------- agreement maps
@pytest.mark.parametrize(
    "corruption",
    ["unknown value 7", "negative value", "all zero", "NaN value", "truncated in half",
     "gzip CRC fails"],
)  # fmt: skip
def test_agreement_maps_refuses_a_bad_label_map(
    corruption: str, robust_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options, damage = LABEL_CORRUPTIONS[corruption]
    good, bad = tmp_path / "a.nii.gz", tmp_path / "b.nii.gz"
    sitk.WriteImage(_label_like(robust_case, 2), str(good))
    sitk.WriteImage(_label_like(robust_case, **options), str(bad))  # type: ignore[arg-type]
    if damage == "half":
        bad.write_bytes(_cut(0.5)(bad.read_bytes()))
    elif damage == "crc":
        bad.write_bytes(_flip_crc(bad.read_bytes()))
    before, digest = set(tmp_path.rglob("*")), tree_digest(good, bad)
    outcome = invoke(
        ["agreement-maps", str(good), str(bad), "--out", str(tmp_path / "out")], capsys
    )
    assert_clean_refusal(outcome, str(bad))
    assert tree_digest(good, bad) == digest
    assert not (tmp_path / "out").exists()
    assert_no_stray_writes(tmp_path, before)


def test_agreement_maps_on_two_grids_or_into_a_file_is_refused(
    robust_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, other = tmp_path / "a.nii.gz", tmp_path / "b.nii.gz"
    sitk.WriteImage(_label_like(robust_case, 2), str(good))
    sitk.WriteImage(_label_like(robust_case, 2)[:, :, :3], str(other))
    outcome = invoke(
        ["agreement-maps", str(good), str(other), "--out", str(tmp_path / "o")], capsys
    )
    assert_clean_refusal(outcome, str(other))
    a_file = tmp_path / "report"
    a_file.write_text("keep")
    outcome = invoke(["agreement-maps", str(good), str(good), "--out", str(a_file)], capsys)
    assert_clean_refusal(outcome, str(a_file))
    assert a_file.read_text() == "keep"


# --------------------------------------------------------------------------- export
def test_export_refuses_bad_options_with_one_line(
    robust_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "exported"
    a_file.write_text("keep")
    digest = tree_digest(robust_case)
    cases = [
        (["--out", str(a_file)], str(a_file)),
        (["--out", str(tmp_path / "o"), "--pattern", "{patient}/../{sequence}_{content}"],
         "naming pattern"),
        (["--out", str(tmp_path / "o"), "--format", "xyz"], "xyz"),
        (["--out", str(tmp_path / NON_UTF8)], "not valid UTF-8"),
    ]  # fmt: skip
    for options, name in cases:
        outcome = invoke(["export", str(robust_case), *options, "--no-progress"], capsys)
        assert_clean_refusal(outcome, name)
    assert a_file.read_text() == "keep"
    assert tree_digest(robust_case) == digest
    assert not (tmp_path / NON_UTF8).exists()


def test_export_of_a_missing_version_is_a_failed_case_with_a_summary(
    robust_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o"
    argv = ["export", str(robust_case), "--out", str(out), "--annotation-version", "99",
            "--format", "nifti", "--no-progress"]  # fmt: skip
    outcome = invoke(argv, capsys)
    assert outcome.status == 1 and "Traceback" not in outcome.err
    assert "FAILED" in outcome.err and str(robust_case) in outcome.err
    assert (out / "export_summary.json").is_file()


# --------------------------------------------------------------------------- selfcheck
def test_selfcheck_names_a_corrupt_case_record_or_volume(
    robust_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_clean_refusal(invoke(["selfcheck", str(tmp_path / "none")], capsys), "none")
    flair = next((robust_case / "volumes").glob("*_FLAIR_image.nii.gz"))
    os.chmod(flair, 0o644)
    flair.write_bytes(_cut(0.5)(flair.read_bytes()))  # changed after import: verified again
    assert_clean_refusal(invoke(["selfcheck", str(robust_case)], capsys), str(flair))
    record = robust_case / "case.json"
    record.write_text('{"format": "cnstumor-case/1", "case_id": ', encoding="utf-8")
    assert_clean_refusal(invoke(["selfcheck", str(robust_case)], capsys), str(record))


# --------------------------------------------------------------------------- qc and deid
QC_HEADER_DAMAGE: dict[str, Callable[..., object]] = {
    "SliceThickness 0": lambda ds, i: setattr(ds, "SliceThickness", 0),
    "SliceThickness NaN": lambda ds, i: setattr(ds, "SliceThickness", "NaN"),
    "PixelSpacing 0": lambda ds, i: setattr(ds, "PixelSpacing", [0, 0]),
    "PixelSpacing NaN": lambda ds, i: setattr(ds, "PixelSpacing", ["NaN", "NaN"]),
}


@pytest.mark.parametrize("damage", list(QC_HEADER_DAMAGE))
def test_qc_blocks_zero_or_nan_geometry_and_writes_strict_json(
    damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    files = write_dicom_series(tmp_path / "study", edit=QC_HEADER_DAMAGE[damage])
    digest = tree_digest(tmp_path / "study")
    outcome = invoke(["qc", str(tmp_path / "study"), "--out", str(tmp_path / "qc"),
                      "--no-grade", "--no-thumbnails", "--workers", "1"], capsys)  # fmt: skip
    assert outcome.status == 0 and "Traceback" not in outcome.err
    text = (tmp_path / "qc" / "qc_report.json").read_text(encoding="utf-8")
    report = json.loads(text, parse_constant=lambda c: pytest.fail(f"invalid JSON token {c}"))
    findings = [f for s in report["series"] for f in s["findings"]]
    blocking = [f for f in findings if f["severity"] == "error" and "not a number" in f["message"]]
    assert blocking and set(blocking[0]["files"]) >= {str(p) for p in files[:1]} | set()
    assert tree_digest(tmp_path / "study") == digest


def test_qc_warns_about_a_broken_dcm_by_name_and_refuses_a_file_as_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_dicom_series(tmp_path / "study")
    broken = tmp_path / "study" / "IM9999.dcm"
    broken.write_bytes((tmp_path / "study" / "IM0000.dcm").read_bytes()[:100])
    outcome = invoke(["qc", str(tmp_path / "study"), "--out", str(tmp_path / "qc"),
                      "--no-grade", "--no-thumbnails", "--workers", "1"], capsys)  # fmt: skip
    assert outcome.status == 0
    assert any("warning" in line and "IM9999.dcm" in line for line in outcome.err.splitlines())
    a_file = tmp_path / "taken"
    a_file.write_text("keep")
    outcome = invoke(["qc", str(tmp_path / "study"), "--out", str(a_file), "--no-grade"], capsys)
    assert_clean_refusal(outcome, str(a_file))
    assert a_file.read_text() == "keep"


def test_deid_strict_fails_on_a_broken_dcm_and_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_dicom_series(tmp_path / "study")
    broken = tmp_path / "study" / "IM9999.dcm"
    broken.write_bytes(b"\x00" * 50)
    digest = tree_digest(tmp_path / "study")
    argv = ["deid", str(tmp_path / "study"), str(tmp_path / "out"), "--workers", "1",
            "--salt", "s" * 32]  # fmt: skip
    relaxed = invoke(argv, capsys)
    assert relaxed.status == 0
    assert any(
        line.startswith("warning") and "IM9999.dcm" in line for line in relaxed.err.splitlines()
    )
    shutil.rmtree(tmp_path / "out")
    strict = invoke([*argv, "--strict"], capsys)
    assert strict.status == 1 and "Traceback" not in strict.err
    assert tree_digest(tmp_path / "study") == digest


# --------------------------------------------------------------------------- project
@pytest.mark.slow
def test_project_refuses_duplicate_and_path_like_person_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    monkeypatch.setenv("CNSTUMOR_PASSWORD", "admin-pass-phrase")  # the administrator signs in
    init = ["project", "init", str(project), "--admin-name", "Admin", "--licence", "S-1"]
    assert invoke(init, capsys).status == 0
    person = ["project", "person", "add", str(project), "--name", "Li", "--role", "annotator",
              "--years", "6", "--title", "attending", "--licence", "MD-1", "--actor", "admin"]  # fmt: skip
    assert invoke([*person, "--id", "dr_li"], capsys).status == 0
    assert_clean_refusal(invoke([*person, "--id", "dr_li"], capsys), "dr_li")
    for hostile in ("../escape", "/tmp/x", "a\x00b", "x\n"):
        assert_clean_refusal(invoke([*person, "--id", hostile], capsys), "person id")
    dataset = ["project", "dataset", "add", str(project), "--ethics-ref", "E1",
               "--ethics-date", "2024-01-01", "--deidentified", "--actor", "admin"]  # fmt: skip
    for hostile in ("..", "../../d"):
        assert_clean_refusal(invoke([*dataset, "--id", hostile], capsys), "dataset id")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


# --------------------------------------------------------------------------- qc-confirm and hmi
def test_qc_confirm_names_a_missing_or_corrupt_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["qc-confirm", str(tmp_path / "qc"), "1.2.3", "2", "--reviewer", "dr_wang"]
    assert_clean_refusal(invoke(argv, capsys), "qc")
    (tmp_path / "qc").mkdir()
    report = tmp_path / "qc" / "qc_report.json"
    report.write_text('{"schema": ', encoding="utf-8")
    digest = tree_digest(report)
    assert_clean_refusal(invoke(argv, capsys), str(report))
    assert tree_digest(report) == digest


@pytest.mark.parametrize("corruption", ["truncated in half", "unknown value 7", "all zero"])
def test_hmi_preannotate_refuses_a_bad_model_output(
    corruption: str, robust_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options, damage = LABEL_CORRUPTIONS[corruption]
    label = tmp_path / "model.nii.gz"
    sitk.WriteImage(_label_like(robust_case, **options), str(label))  # type: ignore[arg-type]
    if damage == "half":
        label.write_bytes(_cut(0.5)(label.read_bytes()))
    digest = tree_digest(robust_case, label)
    argv = ["hmi", "preannotate", str(robust_case), "--label-map", str(label), "--model", "unet"]
    assert_clean_refusal(invoke(argv, capsys), str(label))
    assert tree_digest(robust_case, label) == digest


@pytest.mark.parametrize("command", ["qc", "deid"])
def test_a_non_utf8_file_name_inside_the_study_is_named_not_a_traceback(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = write_dicom_series(tmp_path / "study")
    os.rename(files[0], os.fsencode(tmp_path / "study") + b"/IM\xff.dcm")
    digest = tree_digest(tmp_path / "study")
    before = set(tmp_path.rglob("*"))
    out = tmp_path / "out"
    argv = (
        ["qc", str(tmp_path / "study"), "--out", str(out), "--no-grade", "--no-thumbnails"]
        if command == "qc"
        else ["deid", str(tmp_path / "study"), str(out), "--salt", "s" * 32]
    )
    outcome = invoke([*argv, "--workers", "1"], capsys)
    assert_clean_refusal(outcome, "IM\\xff.dcm")
    assert tree_digest(tmp_path / "study") == digest
    assert_no_stray_writes(tmp_path, before, out, tmp_path / "out.deid-key.json")
