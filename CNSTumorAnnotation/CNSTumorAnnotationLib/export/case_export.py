"""Export one case in any of the formats an AI team uses (R-FMT-1..3), with a manifest.

``export_case(case_dir, out_dir, formats)`` reads the case through ``case.load_case`` /
``region_masks`` / ``reference_image``, picks the annotation version (the newest, or the one
asked for; ``approved_only`` refuses one no reviewer approved, see ``approval``), hands one shared
:class:`ExportContext` to each format's exporter and writes ``<out>/<case>/manifest.json``
tying every file to its sources (R-FMT-2). Layout of ``out_dir``::

    <case>/manifest.json
    <case>/preview.html  (the written label maps read back and drawn: ``preview``)
    <case>/nifti/<patient>_<SEQ>_<region>.nii.gz, <patient>_FLAIR_labels.nii.gz
    <case>/seg-nrrd/<patient>_<SEQ>_annotation.seg.nrrd
    <case>/dicom-seg/<patient>_<SEQ>_annotation.dcm  (+ <case>/dicom/<patient>_<SEQ>_image/ from NIfTI)
    brats<year>/<BraTS id>/...                  (one folder per case, shared by a batch)
    nnunet/DatasetNNN_Name/{imagesTr,labelsTr,dataset.json}   (shared by a batch)
"""

from __future__ import annotations

import copy
import datetime as _dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from CNSTumorAnnotationLib.export.context import ExportContext, ExportOptions
from CNSTumorAnnotationLib.export.manifest import MANIFEST_NAME, ManifestEntry, write_manifest
from CNSTumorAnnotationLib.export.preview import write_preview
from CNSTumorAnnotationLib.export.staging import (
    relocate,
    remove_hidden_temporaries,
    staged_folder,
)
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project.approval import Approval, approval_of
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError, WorkflowError
from CNSTumorQCLib.provenance import provenance

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


#: Format name -> "module:function" of its exporter (imported on demand: highdicom and MRML
#: are only loaded when their format is asked for).
EXPORTERS: dict[str, str] = {
    "nifti": "CNSTumorAnnotationLib.export.nifti:export_nifti",
    "seg-nrrd": "CNSTumorAnnotationLib.export.segnrrd:export_segnrrd",
    "dicom-seg": "CNSTumorAnnotationLib.export.dicomseg:export_dicomseg",
    "brats": "CNSTumorAnnotationLib.export.brats:export_brats",
    "nnunet": "CNSTumorAnnotationLib.export.nnunet:export_nnunet",
}
FORMATS: tuple[str, ...] = tuple(EXPORTERS)


@dataclass(frozen=True)
class ExportResult:
    """What one case's export wrote."""

    case_id: str
    case_folder: Path
    manifest_path: Path
    version: int
    annotator: str
    formats: tuple[str, ...]
    entries: tuple[ManifestEntry, ...]

    def files(self, format: str | None = None) -> list[Path]:
        """Absolute paths of the written files (of one format, or all)."""
        root = self.manifest_path.parent.parent
        return [root / e.path for e in self.entries if format is None or e.format == format]


def parse_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """Normalise ``"all"`` / ``"nifti,brats"`` / a list into known format names, in order."""
    items = [formats] if isinstance(formats, str) else list(formats)
    names: list[str] = []
    for item in items:
        names.extend(part.strip().lower() for part in str(item).split(",") if part.strip())
    if "all" in names:
        return FORMATS
    unknown = sorted(set(names) - set(FORMATS))
    if unknown or not names:
        raise InvalidInputError(
            tr(
                "unknown export format(s) {unknown}; choose from {formats} or all",
                unknown=unknown or names,
                formats=", ".join(FORMATS),
            )
        )
    return tuple(name for name in FORMATS if name in names)


def _exporter(name: str) -> Callable[[ExportContext], list[ManifestEntry]]:
    module_name, function = EXPORTERS[name].split(":")
    return getattr(import_module(module_name), function)  # type: ignore[no-any-return]


def select_version(
    case: Any, version: int | None, approved_only: bool, project_dir: Path | None = None
) -> tuple[Any, Approval]:
    """The annotation version to export and its approval; with ``approved_only`` an
    unapproved version is refused (R-PPL-3), naming the approved ones if any."""
    versions = list(case.annotations)
    if not versions:
        raise WorkflowError(
            tr("the case has no annotation version to export"), Path(case.root) / "case.json"
        )
    if version is None:
        chosen = versions[-1]
    else:
        matches = [v for v in versions if int(v.version) == int(version)]
        if not matches:
            known = ", ".join(str(v.version) for v in versions)
            raise InvalidInputError(
                tr(
                    "no annotation version {version} (versions: {known})",
                    version=version,
                    known=known,
                ),
                case.root,
            )
        chosen = matches[0]
    approval = _approval(case, chosen, project_dir, approved_only)
    if approved_only and not approval.approved:
        approved = [str(v.version) for v in versions if approval_of(case, v, project_dir).approved]
        hint = (
            tr(
                "approved version(s): {versions}; choose one with --annotation-version",
                versions=", ".join(approved),
            )
            if approved
            else tr("no version is approved yet")
        )
        raise WorkflowError(
            tr(
                (
                    "R-PPL-3: annotation version {version} is not approved by a reviewer "
                    "({source}) and --approved-only was given ({hint})"
                ),
                version=chosen.version,
                source=approval.source,
                hint=hint,
            ),
            case.root,
        )
    return chosen, approval


def _approval(case: Any, version: Any, project_dir: Path | None, required: bool) -> Approval:
    """The version's approval; an unreadable review store only matters when it is required."""
    try:
        return approval_of(case, version, project_dir)
    except Exception as error:  # sqlite3 / store errors: the project cannot answer
        if required:
            raise WorkflowError(
                tr(
                    (
                        "R-PPL-3: the review store cannot say whether version {version} is "
                        "approved ({error})"
                    ),
                    version=version.version,
                    error=error,
                ),
                case.root,
            ) from None
        return Approval(False, f"review store unreadable ({error})")


def build_context(
    case_dir: Path,
    out_dir: Path,
    options: ExportOptions,
    version: int | None = None,
    runtime: MRMLRuntime | None = None,
) -> ExportContext:
    """Load the case and the chosen version's masks into an :class:`ExportContext`.

    ``runtime`` is the MRML runtime used to read and write ``.seg.nrrd`` (default: a new one;
    a batch passes one runtime for all its cases).
    """
    case_module = import_module("CNSTumorAnnotationLib.case.folder")
    case_dir = Path(case_dir)
    if not case_dir.is_dir():
        raise MissingInputError(tr("case folder not found"), case_dir)
    case = case_module.load_case(case_dir)
    chosen, approval = select_version(case, version, options.approved_only, options.project_dir)
    if runtime is None:
        from CNSTumorAnnotationLib.mrml.runtime import create_runtime

        runtime = create_runtime()
    # each region's 0/1 mask in its reference sequence's native grid (the contract's reader)
    masks = dict(case_module.region_masks(case, int(chosen.version), runtime=runtime))
    return ExportContext(
        case=case,
        version=chosen,
        export_root=Path(out_dir),
        options=options,
        masks=masks,
        approval=approval,
        reference_reader=lambda sequence: case_module.reference_image(case, sequence),
        runtime=runtime,
    )


def export_context(ctx: ExportContext, formats: tuple[str, ...]) -> ExportResult:
    """Run the exporters of ``formats`` on a built context and write the manifest.

    After the exporters, ``preview.write_preview`` reads their files back into
    ``<case>/preview.html``. The case folder is staged (``staging``): written beside the old
    one and swapped in, so it
    always matches one manifest; leftovers of interrupted exports are removed first.
    """
    final = ctx.case_folder
    for shared in ("nnunet", f"brats{ctx.options.brats_version}"):
        remove_hidden_temporaries(ctx.export_root / shared)
    with staged_folder(final) as stage:
        ctx.__dict__["case_folder"] = stage  # the exporters write the per-case files here
        try:
            entries: list[ManifestEntry] = []
            for name in formats:
                entries.extend(_exporter(name)(ctx))
            header = _manifest_header(ctx, formats)
            # the files just written, read back and drawn (after every exporter, before the
            # manifest, which lists the preview with its checksum like every other file)
            if ctx.options.preview:
                final_paths = relocate(entries, stage, final, ctx.export_root)
                shown = {e.path: f.path for e, f in zip(entries, final_paths, strict=True)}
                entries.append(write_preview(ctx, entries, header["provenance"], shown))
            entries = relocate(entries, stage, final, ctx.export_root)
            write_manifest(stage / MANIFEST_NAME, header=header, entries=entries)
        finally:
            ctx.__dict__["case_folder"] = final
    manifest_path = final / MANIFEST_NAME
    return ExportResult(
        case_id=str(ctx.case.case_id),
        case_folder=ctx.case_folder,
        manifest_path=manifest_path,
        version=int(ctx.version.version),
        annotator=str(ctx.version.annotator),
        formats=formats,
        entries=tuple(entries),
    )


def export_case(
    case_dir: str | Path,
    out_dir: str | Path,
    formats: str | Iterable[str] = "all",
    *,
    options: ExportOptions | None = None,
    version: int | None = None,
    runtime: MRMLRuntime | None = None,
) -> ExportResult:
    """Export one case folder into ``out_dir`` in ``formats``; return what was written.

    ``runtime`` is the MRML runtime for the ``.seg.nrrd`` reader and writer (default:
    ``create_runtime()``: a fresh headless one, or Slicer's own inside the application).
    """
    names = parse_formats(formats)
    ctx = build_context(Path(case_dir), Path(out_dir), options or ExportOptions(), version, runtime)
    return export_context(ctx, names)


def _manifest_header(ctx: ExportContext, formats: tuple[str, ...]) -> dict[str, Any]:
    case, version, schema = ctx.case, ctx.version, ctx.schema
    return {
        "case_id": str(case.case_id),
        "patient_id": str(case.patient_id),
        "family": schema.family.value,
        "schema_version": schema.version,
        "schema": schema.to_dict(),
        "annotation": {
            "version": int(version.version),
            "annotator": str(version.annotator),
            "annotator_kind": _annotator_kind(version),
            "created": str(getattr(version, "created", "")),
            "parent": getattr(version, "parent", None),
            "approved": ctx.approval.approved if ctx.approval else None,
            "approval": ctx.approval.to_dict() if ctx.approval else None,
        },
        "formats": list(formats),
        "series": {
            seq.value: {
                "series_instance_uid": case.series_uids.get(seq),
                "file": ctx.image_source(seq).file,
                "sha256": ctx.image_source(seq).sha256,
                # R-DATA-3: recorded at DICOM import (empty for a case imported from NIfTI)
                "acquisition_parameters": dict(
                    (case.metadata.get("sequences") or {})
                    .get(seq.value, {})
                    .get("acquisition_parameters")
                    or {}
                ),
            }
            for seq in ctx.sequences
        },
        "provenance": _provenance(
            rule_tables={"label_schema": schema.version},
            parameters={**ctx.options.to_dict(), "formats": list(formats)},
        ),
    }


@functools.cache
def _process_provenance() -> dict[str, Any]:
    """What stays the same within one process (software, libraries, Python): looked up once,
    since reading the installed libraries' metadata costs ~15 ms per export in a batch."""
    return provenance("export")


def _provenance(*, rule_tables: dict[str, str], parameters: dict[str, Any]) -> dict[str, Any]:
    """``CNSTumorQCLib.provenance.provenance("export", ...)`` with this run's time and parameters."""
    record = copy.deepcopy(_process_provenance())
    record.update(
        rule_tables=dict(rule_tables),
        parameters=dict(parameters),
        created_utc=_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    )
    return record


def _annotator_kind(version: Any) -> str:
    """``manual`` / ``semiautomatic`` / ``automatic`` from the version (see export_dicomseg)."""
    from CNSTumorAnnotationLib.segment_algorithm import annotator_kind

    return annotator_kind(version).value
