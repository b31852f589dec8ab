"""The export manifest (R-FMT-2): every exported file tied to its source series and checksum.

``manifest.json`` lists, for each file an export wrote, its path (relative to the export
root), its SHA-256, its format and content, and the sources it was made from: the source
series' SeriesInstanceUID, the case volume and its SHA-256 (plus the original file the case
was imported from, when the case recorded it), and the annotation version file. It also
records the schema version, the annotator and annotation version, and the provenance of the
run. :func:`verify_manifest` re-hashes the files, so a copied data set can be checked.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.atomic import sha256_file, write_json_atomic
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError

MANIFEST_FORMAT = "cnstumor-export-manifest/1"
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class SourceRef:
    """One source an exported file derives from (R-FMT-2)."""

    kind: str  # "image" (a case volume) or "annotation" (an annotation version file)
    sequence: str
    file: str  # relative to the case folder
    sha256: str
    series_instance_uid: str | None = None
    original_source: str | None = None  # the DICOM folder / NIfTI the case was imported from
    original_sha256: str | None = None
    #: How ``sha256`` was obtained for a case volume: recorded at import or computed at export.
    sha256_basis: str | None = None


@dataclass(frozen=True)
class ManifestEntry:
    """One exported file."""

    path: str  # POSIX path relative to the export root
    sha256: str
    format: str  # nifti | seg-nrrd | dicom-seg | brats | nnunet
    content: str  # a region key, "labels", "image", "segmentation", "dataset.json" ...
    sequence: str | None  # the sequence whose geometry the file lives in
    sources: tuple[SourceRef, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        payload = asdict(self)
        payload["sources"] = [asdict(source) for source in self.sources]
        payload["notes"] = list(self.notes)
        return payload


def entry_for(
    export_root: Path,
    path: Path,
    *,
    format: str,
    content: str,
    sequence: str | None,
    sources: tuple[SourceRef, ...] | list[SourceRef] = (),
    notes: tuple[str, ...] | list[str] = (),
) -> ManifestEntry:
    """A manifest entry for a file just written under ``export_root`` (hashes it)."""
    return ManifestEntry(
        path=Path(path).resolve().relative_to(Path(export_root).resolve()).as_posix(),
        sha256=sha256_file(path),
        format=format,
        content=content,
        sequence=sequence,
        sources=tuple(sources),
        notes=tuple(notes),
    )


def write_manifest(
    manifest_path: Path,
    *,
    header: dict[str, Any],
    entries: list[ManifestEntry],
) -> Path:
    """Write ``manifest.json`` atomically; ``header`` holds case, schema, annotator, provenance.

    File paths are relative to the export root, which is the manifest folder's parent
    (``root`` in the file), because dataset-style formats (BraTS, nnU-Net) are shared by every
    case of a batch.
    """
    payload = {
        "format": MANIFEST_FORMAT,
        "root": "..",
        **header,
        "files": [entry.to_dict() for entry in sorted(entries, key=lambda e: e.path)],
    }
    return write_json_atomic(manifest_path, payload)


def read_manifest(manifest_path: Path) -> dict[str, Any]:
    """Parse a manifest, raising a clear error naming the file when it is not one."""
    manifest_path = Path(manifest_path)
    if not manifest_path.is_file():
        raise MissingInputError(tr("manifest not found"), manifest_path)
    try:
        payload = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInputError(
            tr("not a readable manifest: {error}", error=error), manifest_path
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != MANIFEST_FORMAT:
        raise InvalidInputError(
            tr("not a {manifest_format} manifest", manifest_format=MANIFEST_FORMAT), manifest_path
        )
    return payload


def verify_manifest(manifest_path: Path) -> list[str]:
    """Problems found re-hashing every listed file (an empty list means all checksums match)."""
    manifest_path = Path(manifest_path)
    payload = read_manifest(manifest_path)
    root = (manifest_path.parent / payload.get("root", ".")).resolve()
    problems: list[str] = []
    for item in payload["files"]:
        path = root / item["path"]
        if not path.is_file():
            problems.append(tr("{path}: listed in the manifest but missing", path=item["path"]))
        elif sha256_file(path) != item["sha256"]:
            problems.append(tr("{path}: SHA-256 differs from the manifest", path=item["path"]))
    return problems
