"""Build a case folder from NIfTI volumes or from a QC-passed DICOM study.

Volumes keep their original (native, axial) geometry (R-ANN-8) and get R-FMT-3 names
(``<patient>_<SEQ>_image.nii.gz``). The sequences are co-registered to FLAIR (rigid, Mattes
mutual information) so that the others can be consulted while drawing (R-SEG-2) and labels can
move between them; the transforms and the quality report go into the case folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import (
    CASE_FILE,
    CASE_FORMAT,
    CaseFolder,
    load_case,
)
from CNSTumorAnnotationLib.case.volume_record import RECORD_KEY, describe_volume, make_read_only
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.naming import safe_name, volume_file_name
from CNSTumorAnnotationLib.schemas import SCHEMA_VERSION, TumorFamily, get_schema, parse_family
from CNSTumorQCLib.atomic import sha256_file, write_json_atomic, write_with_atomic
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.image_io import read_image
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.sequences import MRSequence

#: Sequences a case folder holds (the four the schemas and R-SEG-2 consult).
CASE_SEQUENCES = (MRSequence.FLAIR, MRSequence.T1, MRSequence.T1C, MRSequence.T2)


def _copy_volume(source: Path, destination: Path, image: sitk.Image) -> None:
    """Copy a NIfTI byte for byte; convert any other SimpleITK-readable format to .nii.gz."""
    if source.name.endswith(".nii.gz"):
        write_with_atomic(destination, lambda tmp: shutil.copyfile(source, tmp))
        return
    write_with_atomic(destination, lambda tmp: sitk.WriteImage(image, str(tmp), True))


def _check_readable(path: Path) -> sitk.Image:
    if not path.is_file():
        raise MissingInputError(tr("volume not found"), path)
    image = read_image(path, tr("volume"))  # gzip CRC, header vs size, finite voxels and spacing
    if image.GetDimension() != 3:
        raise InvalidInputError(
            tr("expected a 3D volume, got {dimension}D", dimension=image.GetDimension()), path
        )
    return image


def _required_sequences(volumes: Mapping[MRSequence, Path], family: TumorFamily) -> None:
    needed = set(get_schema(family).reference_sequences)
    missing = sorted(s.value for s in needed - set(volumes))
    if missing:
        raise InvalidInputError(
            tr(
                "the {family} schema draws on {sequences}: provide {options}",
                family=family.value,
                sequences=", ".join(missing),
                options=", ".join(f"--{m.lower()}" for m in missing),
            )
        )


def create_case_folder(
    volumes: Mapping[MRSequence, Path],
    out_dir: Path,
    patient_id: str,
    family: TumorFamily | str,
    *,
    case_id: str | None = None,
    series: Mapping[MRSequence, Mapping[str, Any]] | None = None,
    schema_options: Mapping[str, Any] | None = None,
) -> CaseFolder:
    """Copy the volumes into a new case folder and write ``case.json`` (no registration)."""
    fam = parse_family(family)
    _required_sequences(volumes, fam)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InvalidInputError(tr("the case folder path is an existing file"), out_dir)
    if (out_dir / CASE_FILE).exists():
        raise InvalidInputError(tr("a case already exists here; choose a new folder"), out_dir)
    case_name = safe_name(case_id or patient_id)  # names are validated before any write
    safe_name(patient_id)
    # every volume is verified before anything is written (R-DATA-2)
    images = {sequence: _check_readable(Path(source)) for sequence, source in volumes.items()}
    sequences: dict[str, Any] = {}
    for sequence, source in volumes.items():
        source = Path(source)
        relative = f"volumes/{volume_file_name(patient_id, sequence)}"
        _copy_volume(source, out_dir / relative, images[sequence])
        make_read_only(out_dir / relative)  # written once here, never changed afterwards
        extra = dict((series or {}).get(sequence, {}))
        sequences[sequence.value] = {
            "file": relative,
            "series_instance_uid": extra.pop("series_instance_uid", None),
            "source": str(extra.pop("source", source)),
            "source_sha256": sha256_file(source) if source.is_file() else None,
            "dicom_files": extra.pop("dicom_files", None),
            # the copied volume's checksum and grid, reused by exports while it is unchanged
            RECORD_KEY: describe_volume(out_dir / relative),
            **extra,
        }
    record = {
        "format": CASE_FORMAT,
        "case_id": case_name,
        "patient_id": safe_name(patient_id),
        "family": fam.value,
        "schema_version": SCHEMA_VERSION,
        "schema_options": dict(schema_options or {}),
        "sequences": sequences,
        "registration": {},
        "annotations": [],
        "provenance": provenance("case import", rule_tables={"label_schema": SCHEMA_VERSION}),
    }
    write_json_atomic(out_dir / CASE_FILE, record)
    return load_case(out_dir)


def import_case_from_nifti(
    volumes: Mapping[MRSequence | str, Path | str],
    out_dir: Path | str,
    patient_id: str,
    family: TumorFamily | str = TumorFamily.INTRA_AXIAL,
    *,
    register: bool = True,
    case_id: str | None = None,
    schema_options: Mapping[str, Any] | None = None,
) -> CaseFolder:
    """A case folder from NIfTI volumes (``{MRSequence.FLAIR: path, ...}``), co-registered to FLAIR."""
    typed = {
        (s if isinstance(s, MRSequence) else MRSequence(str(s).upper())): Path(p)
        for s, p in volumes.items()
    }
    case = create_case_folder(
        typed, Path(out_dir), patient_id, family, case_id=case_id, schema_options=schema_options
    )
    if register:
        from CNSTumorAnnotationLib.case.registration import register_case_sequences

        register_case_sequences(case)
    return case
