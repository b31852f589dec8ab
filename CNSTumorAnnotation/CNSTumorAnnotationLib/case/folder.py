"""A case folder: volumes in native geometry, ``case.json`` and numbered annotation versions.

Layout (``/work/notes/annotation_contract.md``)::

    CASE_DIR/case.json
    CASE_DIR/volumes/<patient>_<SEQ>_image.nii.gz                      (R-FMT-3, R-ANN-8)
    CASE_DIR/annotations/v0001/<patient>_<SEQ>_annotation.seg.nrrd     (one per reference sequence)
    CASE_DIR/annotations/v0001/version.json

Each version folder is written under a temporary name and renamed into place, so a save is
all-or-nothing; an existing folder is never replaced (every save is a new version) and an
approved version is immutable (R-PPL-3, docs/architecture.md, Storage). The version folders are the truth;
``case.json``'s ``annotations`` list is an index refreshed on every save.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.schemas import (
    SCHEMA_VERSION,
    LabelSchema,
    TumorFamily,
    get_schema,
    parse_family,
)
from CNSTumorQCLib.atomic import sha256_file, write_json_atomic
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError, WorkflowError
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.sequences import MRSequence

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


CASE_FORMAT = "cnstumor-case/1"
VERSION_FORMAT = "cnstumor-annotation-version/1"
CASE_FILE = "case.json"
VERSION_FILE = "version.json"
_VERSION_DIR = re.compile(r"^v(\d{4,})$")


@dataclass(frozen=True)
class FolderVersion:
    """One saved annotation: its number, who made it, when, from which parent, which files."""

    version: int
    annotator: str
    created: str
    parent: int | None
    files: dict[MRSequence, Path]
    sha256: dict[str, str]
    approved: bool = False
    machine_made: bool = False
    note: str = ""

    @property
    def folder(self) -> Path:
        return next(iter(self.files.values())).parent

    def to_record(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "annotator": self.annotator,
            "created": self.created,
            "parent": self.parent,
            "files": {seq.value: path.name for seq, path in self.files.items()},
            "sha256": dict(self.sha256),
            "approved": self.approved,
            "machine_made": self.machine_made,
            "note": self.note,
        }


@dataclass
class CaseFolder:
    """A loaded case folder (see the module docstring)."""

    root: Path
    case_id: str
    patient_id: str
    family: TumorFamily
    schema: LabelSchema
    volumes: dict[MRSequence, Path]
    series_uids: dict[MRSequence, str | None]
    annotations: list[FolderVersion] = field(default_factory=list)
    registration: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def case_file(self) -> Path:
        return self.root / CASE_FILE

    @property
    def annotations_dir(self) -> Path:
        return self.root / "annotations"


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise MissingInputError(tr("file not found"), path)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInputError(tr("not readable JSON ({error})", error=error), path) from None
    if not isinstance(payload, dict):
        raise InvalidInputError(tr("expected a JSON object"), path)
    return payload


def _sequence(name: str, path: Path) -> MRSequence:
    try:
        return MRSequence(name)
    except ValueError:
        raise InvalidInputError(tr("unknown sequence {name!r}", name=name), path) from None


def _schema_from_record(record: dict[str, Any], path: Path) -> LabelSchema:
    family = parse_family(record.get("family", ""))
    options = record.get("schema_options") or {}
    return get_schema(
        family,
        required=options.get("required"),
        combine_enhancing=bool(options.get("combine_enhancing", False)),
    )


def _load_version(folder: Path) -> FolderVersion:
    path = folder / VERSION_FILE
    record = _read_json(path)
    try:
        files = {_sequence(k, path): folder / v for k, v in record["files"].items()}
        return FolderVersion(
            version=int(record["version"]),
            annotator=str(record["annotator"]),
            created=str(record["created"]),
            parent=record.get("parent"),
            files=files,
            sha256=dict(record.get("sha256", {})),
            approved=bool(record.get("approved", False)),
            machine_made=bool(record.get("machine_made", False)),
            note=str(record.get("note", "")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidInputError(
            tr("malformed annotation version record ({error})", error=error), path
        ) from None


def _load_versions(annotations_dir: Path) -> list[FolderVersion]:
    if not annotations_dir.is_dir():
        return []
    folders = sorted(
        (p for p in annotations_dir.iterdir() if p.is_dir() and _VERSION_DIR.match(p.name)),
        key=lambda p: int(p.name[1:]),
    )
    return [_load_version(folder) for folder in folders]


def load_case(case_dir: Path | str) -> CaseFolder:
    """Read a case folder; raises InvalidInputError / MissingInputError naming the bad file."""
    root = Path(case_dir).resolve()
    path = root / CASE_FILE
    record = _read_json(path)
    if record.get("format") != CASE_FORMAT:
        raise InvalidInputError(
            tr(
                "not a {case_format} case (format={found!r})",
                case_format=CASE_FORMAT,
                found=record.get("format"),
            ),
            path,
        )
    try:
        sequences = record["sequences"]
        volumes = {_sequence(k, path): root / v["file"] for k, v in sequences.items()}
        uids = {_sequence(k, path): v.get("series_instance_uid") for k, v in sequences.items()}
        case = CaseFolder(
            root=root,
            case_id=str(record["case_id"]),
            patient_id=str(record["patient_id"]),
            family=parse_family(record["family"]),
            schema=_schema_from_record(record, path),
            volumes=volumes,
            series_uids=uids,
            registration=dict(record.get("registration") or {}),
            metadata=record,
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise InvalidInputError(
            tr("malformed case description (missing {error})", error=error), path
        ) from None
    for sequence, volume in case.volumes.items():
        if not volume.is_file():
            raise MissingInputError(
                tr("volume of {sequence} listed in case.json is missing", sequence=sequence.value),
                volume,
            )
    case.annotations = _load_versions(case.annotations_dir)
    return case


def write_case_record(case: CaseFolder) -> Path:
    """Rewrite ``case.json`` (atomic) from the loaded record plus registration and versions."""
    record = dict(case.metadata)
    record["format"] = CASE_FORMAT
    record["registration"] = case.registration
    record["annotations"] = [v.to_record() for v in case.annotations]
    case.metadata = record
    return write_json_atomic(case.case_file, record)


def latest_version(case: CaseFolder) -> FolderVersion | None:
    return case.annotations[-1] if case.annotations else None


def get_version(case: CaseFolder, version: int | None = None) -> FolderVersion:
    """A version by number (None: the latest); raises InvalidInputError when absent."""
    if version is None:
        found = latest_version(case)
        if found is None:
            raise InvalidInputError(
                tr("the case has no annotation version yet"), case.annotations_dir
            )
        return found
    for candidate in case.annotations:
        if candidate.version == version:
            return candidate
    raise InvalidInputError(
        tr("no annotation version {version}", version=version), case.annotations_dir
    )


def reference_image(case: CaseFolder, sequence: MRSequence) -> sitk.Image:
    """The native volume of ``sequence`` (its original geometry, R-ANN-8).

    A volume unchanged since import (size and modification time as recorded; it was verified
    then) is read directly; any other is verified first (``image_io.read_image``), since a
    truncated ``.nii.gz`` would otherwise read with its missing voxels as zeros.
    """
    from CNSTumorAnnotationLib.case.volume_record import RECORD_KEY, unchanged
    from CNSTumorQCLib.image_io import read_image

    path = case.volumes.get(sequence)
    if path is None:
        raise InvalidInputError(
            tr("the case has no {sequence} volume", sequence=sequence.value), case.case_file
        )
    records = (case.metadata or {}).get("sequences")
    entry = records.get(sequence.value) if isinstance(records, dict) else None
    record = entry.get(RECORD_KEY) if isinstance(entry, dict) else None
    if not unchanged(Path(path), record):
        return read_image(path, tr("{sequence} volume", sequence=sequence.value))
    try:
        return sitk.ReadImage(str(path))
    except RuntimeError as error:
        raise InvalidInputError(
            tr("SimpleITK cannot read it ({error})", error=error), path
        ) from None


def reference_grid(case: CaseFolder, sequence: MRSequence) -> sitk.Image:
    """An empty uint8 image on ``sequence``'s native grid, without reading the voxels.

    Masks need the grid, not the voxels: the grid recorded at case import is used while the
    volume's size and modification time are unchanged (``volume_record``), else the file
    header is read (~2.5 ms per ``.nii.gz``), never the whole volume.
    """
    from CNSTumorAnnotationLib.case.volume_record import volume_grid

    path = case.volumes.get(sequence)
    if path is None:
        raise InvalidInputError(
            tr("the case has no {sequence} volume", sequence=sequence.value), case.case_file
        )
    return volume_grid(path, recorded_volume(case, sequence))


def recorded_volume(case: CaseFolder, sequence: MRSequence) -> dict[str, Any] | None:
    """What case import recorded about ``sequence``'s volume (``volume_record``), or None."""
    from CNSTumorAnnotationLib.case.volume_record import RECORD_KEY

    entry = (case.metadata.get("sequences") or {}).get(sequence.value)
    record = entry.get(RECORD_KEY) if isinstance(entry, dict) else None
    return record if isinstance(record, dict) else None


def _runtime(runtime: MRMLRuntime) -> Any:
    if runtime is not None:
        return runtime
    from CNSTumorAnnotationLib.mrml.runtime import create_runtime

    return create_runtime(force_headless=True)


def changed_files(case: CaseFolder, version: int | None = None) -> list[Path]:
    """Segmentation files of a version whose bytes differ from the SHA-256 saved with it."""
    chosen = get_version(case, version)
    return [
        path
        for path in chosen.files.values()
        if chosen.sha256.get(path.name) is not None
        and path.is_file()
        and sha256_file(path) != chosen.sha256[path.name]
    ]


def _verify_checksum(version: FolderVersion, path: Path) -> None:
    """Refuse a segmentation file whose bytes changed after its version was saved."""
    expected = version.sha256.get(path.name)
    if expected is not None and path.is_file() and sha256_file(path) != expected:
        raise InvalidInputError(
            tr(
                "changed since version {version} was saved (SHA-256 mismatch)",
                version=version.version,
            ),
            path,
        )


def region_masks(
    case: CaseFolder,
    version: int | None = None,
    *,
    runtime: MRMLRuntime | None = None,
    verify_checksums: bool = False,
    mrml_only: bool = False,
) -> dict[str, sitk.Image]:
    """Each region's binary uint8 mask in its reference sequence's native geometry.

    A standard Slicer binary-labelmap ``.seg.nrrd`` is read with SimpleITK
    (``seg_nrrd_reader``, identical masks at half the cost); any other file, or every file
    when ``mrml_only``, is read back through MRML (``vtkMRMLSegmentationStorageNode``), the
    reference reader. ``verify_checksums`` refuses files changed after saving
    (``changed_files`` lists them without raising, for reports).
    """
    from CNSTumorAnnotationLib.case.seg_nrrd_reader import read_standard_segments

    chosen = get_version(case, version)
    masks: dict[str, sitk.Image] = {}
    for sequence, path in chosen.files.items():
        if verify_checksums:
            _verify_checksum(chosen, path)
        reference = reference_grid(case, sequence)
        keys = [region.key for region in case.schema.regions_on(sequence)]
        read = None if mrml_only else read_standard_segments(path, keys, reference)
        if read is None:
            runtime = _runtime(runtime)
            read = _mrml_region_masks(runtime, path, keys, reference)
        masks.update(read)
    return masks


def _mrml_region_masks(
    runtime: MRMLRuntime, path: Path, keys: list[str], reference: sitk.Image
) -> dict[str, sitk.Image]:
    """The regions ``keys`` of one ``.seg.nrrd`` read through a MRML scene."""
    from CNSTumorAnnotationLib.mrml.io import load_segmentation
    from CNSTumorAnnotationLib.mrml.segmentation import segment_ids, segment_mask

    node = load_segmentation(runtime, path)
    try:
        present = set(segment_ids(node))
        masks: dict[str, sitk.Image] = {}
        for key in keys:
            if key not in present:
                raise InvalidInputError(tr("segment {key!r} is missing", key=key), path)
            masks[key] = segment_mask(node, key, reference)
        return masks
    finally:
        runtime.scene.RemoveNode(node)


def _check_masks(case: CaseFolder, masks: dict[str, sitk.Image]) -> None:
    unknown = set(masks) - set(case.schema.keys)
    if unknown:
        raise InvalidInputError(
            tr(
                "masks name regions not in the {family} schema: {unknown}",
                family=case.family.value,
                unknown=sorted(unknown),
            )
        )


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def save_annotation_version(
    case: CaseFolder,
    masks: dict[str, sitk.Image],
    annotator: str,
    *,
    runtime: MRMLRuntime | None = None,
    note: str = "",
    machine_made: bool = False,
    parent: int | None = None,
) -> FolderVersion:
    """Write the masks as a NEW version: one ``.seg.nrrd`` per reference sequence (via MRML).

    Regions absent from ``masks`` are saved as empty segments. The folder is built under a
    temporary name and renamed to ``vNNNN``; an existing version is never overwritten.
    """
    from CNSTumorAnnotationLib.mrml.segmentation import write_reference_segmentations

    if not annotator.strip():
        raise InvalidInputError(tr("an annotation version needs an annotator (R-FLOW-1)"))
    _check_masks(case, masks)
    case.annotations = _load_versions(case.annotations_dir)
    previous = latest_version(case)
    parent = parent if parent is not None else (previous.version if previous else None)
    case.annotations_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=case.annotations_dir))
    try:
        references = {seq: reference_image(case, seq) for seq in case.schema.reference_sequences}
        files = write_reference_segmentations(
            _runtime(runtime),
            case.schema,
            case.patient_id,
            case.volumes,
            references,
            masks,
            staging,
        )
        sha256 = {p.name: sha256_file(p) for p in files.values()}
        for _attempt in range(_SAVE_ATTEMPTS):
            existing = _load_versions(case.annotations_dir)
            number = (existing[-1].version if existing else 0) + 1
            target = case.annotations_dir / f"v{number:04d}"
            version = FolderVersion(
                version=number,
                annotator=annotator,
                created=_now(),
                parent=parent,
                files={seq: target / p.name for seq, p in files.items()},
                sha256=sha256,
                machine_made=machine_made,
                note=note,
            )
            _write_version_record(staging, version, case)
            if _claim(staging, target):
                break
        else:
            raise WorkflowError(tr("concurrent saves kept taking the next version number; retry"))
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    case.annotations = _load_versions(case.annotations_dir)
    write_case_record(case)
    return version


_SAVE_ATTEMPTS = 5


def _claim(staging: Path, target: Path) -> bool:
    """Rename the staged folder to ``target`` unless another save got there first."""
    if target.exists():
        return False
    try:
        os.rename(staging, target)  # atomic; fails on an existing non-empty folder
    except OSError:
        return False
    return True


def _write_version_record(folder: Path, version: FolderVersion, case: CaseFolder) -> None:
    record = version.to_record()
    record["format"] = VERSION_FORMAT
    record["schema_version"] = SCHEMA_VERSION
    record["schema"] = case.schema.to_dict()
    record["case_id"] = case.case_id
    record["provenance"] = provenance(
        "save_annotation_version", rule_tables={"label_schema": case.schema.version}
    )
    write_json_atomic(folder / VERSION_FILE, record)


def approve_version(
    case: CaseFolder,
    version: int,
    reviewer: str,
    *,
    people: Mapping[str, Any] | str | Path,
    approved_at: str | None = None,
) -> FolderVersion:
    """Mark a version approved (R-PPL-3); its files become read-only and it can never change.

    Outside a project the team is a people file (``project.people.load_people_file``) or a
    mapping of id to ``Person``: the reviewer must be listed, a qualified reviewer (R-PPL-1:
    >= 10 years, associate chief or chief physician) and not the version's annotator (R-PPL-3).
    ``approved_at``: the review's own time when the approval comes from a project's review
    store, so that the case folder and the store say the same "when".
    """
    from CNSTumorAnnotationLib.people import (
        CONSENSUS_RULES,
        QualificationError,
        load_people_file,
        require_reviewer,
    )

    team = load_people_file(people) if isinstance(people, str | Path) else dict(people)
    person = require_reviewer(team, reviewer)
    chosen = get_version(case, version)
    if chosen.approved:
        raise WorkflowError(
            tr("version {version} is already approved and immutable", version=version),
            chosen.folder,
        )
    if chosen.annotator in (person.id, person.name):
        raise QualificationError(
            tr(
                (
                    "R-PPL-3: {person_name} annotated version {version}; a reviewer never "
                    "approves their own work"
                ),
                person_name=person.name,
                version=version,
            )
        )
    path = chosen.folder / VERSION_FILE
    record = _read_json(path)
    record.update(
        {
            "approved": True,
            "approved_by": person.id,
            "approved_at": approved_at or _now(),
            "reviewer": {
                "id": person.id,
                "name": person.name,
                "title": person.title.value,
                "years_experience": person.years_experience,
                "qualification_rules": CONSENSUS_RULES.version,
            },
        }
    )
    write_json_atomic(path, record)
    for file in chosen.folder.iterdir():
        file.chmod(0o444)
    case.annotations = _load_versions(case.annotations_dir)
    write_case_record(case)
    return get_version(case, version)
