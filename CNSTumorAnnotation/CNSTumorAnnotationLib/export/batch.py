"""Batch export: many case folders into one output folder on the batch runner
(:mod:`CNSTumorQCLib.batch`: Dask, in-process with one worker), failures collected, never aborting.

Used by ``cnstumor export CASE_DIR...`` and by ``Scripts/batch_export.py`` (also under
``Slicer --no-main-window --python-script``, where the batch runs in-process on Slicer's own
scene). A case that fails (corrupt ``case.json``, missing volume, unapproved version with
``--approved-only``...) is recorded with its problem and the batch goes on. The summary
``export_summary.json`` and ``export_summary.csv`` (atomic) list every case's outcome;
:attr:`BatchSummary.exit_status` is 1 when any case failed, 0 otherwise. A re-run skips the
cases whose folder (content fingerprint) and options did not change and whose manifest is
still there. Each worker process builds one MRML runtime and reuses it for all its cases.
The summary is written also when the batch stops early, with ``"complete": false``, and a
complete one checksums every file of the export folder (R-FMT-2). Corrupt inputs never reach a
native reader unchecked (``image_io``), so one bad case cannot abort the process.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from CNSTumorAnnotationLib.export.case_export import export_case, parse_formats
from CNSTumorAnnotationLib.export.context import ExportOptions
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.atomic import sha256_file, write_text_atomic
from CNSTumorQCLib.batch import BatchItem, BatchSummary, items_for, run_batch
from CNSTumorQCLib.paths import output_folder

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


SUMMARY_NAME = "export_summary.json"
_SUMMARIES = frozenset({SUMMARY_NAME, "export_summary.csv"})


@functools.cache
def _worker_runtime() -> Any:
    """One headless MRML runtime per worker process (building one per case costs time)."""
    from CNSTumorAnnotationLib.mrml.runtime import create_runtime

    return create_runtime()


def folder_checksums(out_dir: Path) -> list[dict[str, str]]:
    """``{"path", "sha256"}`` of every file under ``out_dir`` except the summaries (JSON and CSV,
    written after this list) and hidden temporaries, sorted by path."""
    rows = []
    for path in sorted(out_dir.rglob("*")):
        relative = path.relative_to(out_dir)
        hidden = any(part.startswith(".") for part in relative.parts)
        if path.is_file() and not hidden and relative.as_posix() not in _SUMMARIES:
            rows.append({"path": relative.as_posix(), "sha256": sha256_file(path)})
    return rows


def export_task(
    item: BatchItem,
    *,
    formats: tuple[str, ...],
    options: ExportOptions,
    version: int | None,
    out_dir: str,
    runtime: Any = None,
) -> dict[str, Any]:
    """Export one case folder (the batch's task); a small summary of what was written."""
    result = export_case(
        item.source,
        out_dir,
        formats,
        options=options,
        version=version,
        runtime=runtime if runtime is not None else _worker_runtime(),
    )
    return {
        "case_id": result.case_id,
        "output": str(result.manifest_path),
        "files": len(result.entries),
        "version": result.version,
    }


def export_batch(
    case_dirs: Iterable[str | Path],
    out_dir: str | Path,
    formats: str | Sequence[str] = "all",
    *,
    options: ExportOptions | None = None,
    version: int | None = None,
    runtime: MRMLRuntime | None = None,
    progress: bool = True,
    scheduler: str | None = None,
    workers: int | None = 1,
) -> BatchSummary:
    """Export every case folder; write ``<out_dir>/export_summary.json`` (and ``.csv``).

    ``workers=1`` (the default) runs in this process with ``runtime`` (default: a new one;
    inside Slicer the application's scene); more workers or a ``scheduler`` run on Dask, each
    worker with its own headless runtime."""
    names = parse_formats(formats)
    options = options or ExportOptions()
    out = output_folder(out_dir, tr("export output folder"))
    in_process = workers == 1 and scheduler is None
    if in_process and runtime is None:
        from CNSTumorAnnotationLib.mrml.runtime import create_runtime

        runtime = create_runtime()
    task = functools.partial(
        export_task,
        formats=names,
        options=options,
        version=version,
        out_dir=str(out),
        runtime=runtime if in_process else None,
    )
    summary = run_batch(
        items_for(list(case_dirs), out),
        task,
        name="export",
        out_dir=out,
        options={**options.to_dict(), "formats": list(names), "version": version},
        scheduler=scheduler,
        workers=workers,
        progress=progress,
        finish=functools.partial(_finish, nnunet="nnunet" in names),
    )
    return summary


def _finish(out: Path, *, nnunet: bool) -> dict[str, Any]:
    """Once every case ran: the shared nnU-Net count, then every file's checksum (R-FMT-2)."""
    if nnunet:
        _recount_nnunet(out)
    #: every file of the export folder with its checksum, the shared dataset files (nnU-Net
    #: dataset.json, rewritten by each case) included
    return {"files": folder_checksums(out)}


def _recount_nnunet(out: Path) -> None:
    """Cases exported in parallel each refresh ``dataset.json``; the count written by the last
    one to finish may miss a case still writing then, so the batch recounts at the end."""
    for description in (out / "nnunet").glob("Dataset*/dataset.json"):
        data = json.loads(description.read_text(encoding="utf-8"))
        labels = description.parent / "labelsTr"
        count = sum(
            1
            for p in labels.glob(f"*{data.get('file_ending', '.nii.gz')}")
            if not p.name.startswith(".")
        )
        if data.get("numTraining") != count:
            data["numTraining"] = count
            # key order matters (regions_class_order follows "labels"): no sort_keys
            text = json.dumps(data, indent=2, ensure_ascii=False)
            write_text_atomic(description, text + "\n")
