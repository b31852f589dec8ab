"""A case folder from a QC-checked DICOM study (``qc_report.json`` + the DICOM folder).

The QC report (``CNSTumorQCLib``, ``cnstumor qc``) names each series' sequence and
SeriesInstanceUID; this module picks, per case sequence, the usable series (not excluded as grade
1, R-QC-2; no blocking finding) whose grade a radiologist CONFIRMED as 2 or 3 and whose sequence
identification needs no confirmation or was confirmed (``cnstumor qc-confirm``). A suggested
grade is never enough: an unconfirmed series blocks the import with the series to confirm
(R-QC-2, R-FLOW-1). The chosen series is read with SimpleITK's ``ImageSeriesReader`` (GDCM sorts the
slices by position) and hands the volumes to ``case_import``. The case records the source series
UIDs and files so that exports can reference them (R-FMT-2).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import CaseFolder
from CNSTumorAnnotationLib.case.nifti_import import CASE_SEQUENCES, create_case_folder
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.schemas import TumorFamily
from CNSTumorQCLib.errors import InvalidInputError, InvalidSeriesError, MissingInputError
from CNSTumorQCLib.progress import steps
from CNSTumorQCLib.sequences import MRSequence


def read_qc_report(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise MissingInputError(tr("QC report not found"), path)
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInputError(
            tr("not a readable QC report ({error})", error=error), path
        ) from None
    if not isinstance(report, dict) or not isinstance(report.get("series"), list):
        raise InvalidInputError(tr("a QC report needs a 'series' list"), path)
    return report


def _usable(entry: Mapping[str, Any]) -> bool:
    blocking = any(f.get("severity") == "error" for f in entry.get("findings", []))
    return not entry.get("excluded", False) and not blocking


def _grade(entry: Mapping[str, Any]) -> int:
    return int(entry.get("confirmed_grade") or 0)


def _confirmed(entry: Mapping[str, Any]) -> bool:
    """R-QC-2: a radiologist confirmed grade 2 or 3 and nothing about the sequence is open."""
    return entry.get("confirmed_grade") in (2, 3) and not entry.get("needs_confirmation", False)


def _to_confirm(entry: Mapping[str, Any]) -> str:
    """One series to confirm and what of it (its sequence, its grade or both), for people."""
    grade = entry.get("confirmed_grade") not in (2, 3)
    sequence = bool(entry.get("needs_confirmation", False))
    words = {
        "number": entry.get("series_number"),
        "sequence": entry.get("sequence"),
        "uid": entry.get("series_instance_uid"),
    }
    if sequence and grade:
        return tr("series {number} {sequence} {uid} (sequence and grade)", **words)
    if sequence:
        return tr("series {number} {sequence} {uid} (sequence)", **words)
    if grade:
        return tr("series {number} {sequence} {uid} (grade)", **words)
    return tr("series {number} {sequence} {uid}", **words)


def choose_series(report: Mapping[str, Any], path: Path) -> dict[MRSequence, dict[str, Any]]:
    """Per case sequence, the usable, confirmed series with the best grade (then most images).

    Raises naming every series a radiologist still has to confirm (R-QC-2).
    """
    chosen: dict[MRSequence, dict[str, Any]] = {}
    unconfirmed: list[str] = []
    for sequence in CASE_SEQUENCES:
        entries = [e for e in report["series"] if e.get("sequence") == sequence.value]
        usable = [e for e in entries if _usable(e)]
        if entries and not usable:
            raise InvalidInputError(
                tr(
                    (
                        "every {sequence} series is excluded or has a blocking QC finding "
                        "(R-QC-2): it cannot be annotated"
                    ),
                    sequence=sequence.value,
                ),
                path,
            )
        confirmed = [e for e in usable if _confirmed(e)]
        if usable and not confirmed:
            unconfirmed += [_to_confirm(e) for e in usable]
        elif confirmed:
            chosen[sequence] = max(confirmed, key=lambda e: (_grade(e), int(e.get("images", 0))))
    if unconfirmed:
        raise InvalidInputError(
            tr(
                "R-QC-2: only grades a radiologist confirmed may be annotated; confirm {series} "
                "with `cnstumor qc-confirm QC_DIR SERIES_UID GRADE [--sequence SEQ] "
                "--reviewer NAME`",
                series="; ".join(unconfirmed),
            ),
            path,
        )
    return chosen


def series_files(dicom_dir: Path, series_uid: str) -> list[str]:
    """The files of one series under ``dicom_dir`` (recursive), sorted by GDCM."""
    files = sitk.ImageSeriesReader.GetGDCMSeriesFileNames(
        str(dicom_dir), series_uid, False, True, False
    )
    if not files:
        raise InvalidSeriesError(
            tr(
                "series {series_uid} named by the QC report is not in this DICOM folder",
                series_uid=series_uid,
            ),
            dicom_dir,
        )
    return list(files)


def read_series(files: list[str], series_uid: str) -> sitk.Image:
    reader = sitk.ImageSeriesReader()
    reader.SetFileNames(files)
    try:
        return reader.Execute()
    except RuntimeError as error:
        raise InvalidSeriesError(
            tr("series {series_uid} cannot be read ({error})", series_uid=series_uid, error=error),
            files[0],
        ) from None


def import_case_from_dicom(
    qc_report_path: Path | str,
    dicom_dir: Path | str,
    out_dir: Path | str,
    family: TumorFamily | str,
    *,
    patient_id: str | None = None,
    register: bool = True,
) -> CaseFolder:
    """A case folder from the QC report's usable series, co-registered to FLAIR."""
    report_path, dicom = Path(qc_report_path), Path(dicom_dir)
    if not dicom.is_dir():
        raise MissingInputError(tr("DICOM folder not found"), dicom)
    report = read_qc_report(report_path)
    chosen = choose_series(report, report_path)
    patient = patient_id or next((e.get("patient_id") for e in chosen.values()), None)
    if not patient:
        raise InvalidInputError(tr("no patient ID in the QC report; pass --patient"), report_path)
    series_info: dict[MRSequence, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="cnstumor-dicom-") as scratch:
        volumes: dict[MRSequence, Path] = {}
        for sequence, entry in steps(
            chosen.items(), tr("reading DICOM series"), "series", len(chosen)
        ):
            uid = str(entry["series_instance_uid"])
            files = series_files(dicom, uid)
            volumes[sequence] = Path(scratch) / f"{sequence.value}.nii.gz"
            sitk.WriteImage(read_series(files, uid), str(volumes[sequence]), True)
            series_info[sequence] = {
                "series_instance_uid": uid,
                "source": str(dicom),
                "dicom_files": [str(Path(f).resolve()) for f in files],
                "series_description": entry.get("series_description"),
                "qc_grade": entry.get("confirmed_grade"),
                "qc_confirmation": entry.get("confirmation"),
                "qc_sequence_confirmation": entry.get("sequence_confirmation"),
                "qc_report": str(report_path.resolve()),
                # R-DATA-3: the acquisition parameters the QC recorded, carried to exports
                "acquisition_parameters": dict(entry.get("acquisition_parameters") or {}),
            }
        case = create_case_folder(volumes, Path(out_dir), str(patient), family, series=series_info)
    for sequence in series_info:  # the source is the DICOM series, not a scratch file
        case.metadata["sequences"][sequence.value]["source_sha256"] = None
    from CNSTumorAnnotationLib.case.folder import write_case_record

    write_case_record(case)
    if register:
        from CNSTumorAnnotationLib.case.registration import register_case_sequences

        register_case_sequences(case)
    return case
