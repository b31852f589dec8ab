"""Batch export: many case folders into one output folder, failures collected, never aborting.

Used by ``cnstumor export CASE_DIR...`` and by ``Scripts/batch_export.py`` (also under
``Slicer --no-main-window --python-script``). Each case is exported in turn with one shared
MRML runtime; a case that fails (corrupt ``case.json``, missing volume, unapproved version
with ``--approved-only``...) is recorded with its problem and the batch goes on. The summary
``export_summary.json`` (atomic) lists every case's outcome; :attr:`BatchSummary.exit_status`
is 1 when any case failed, 0 otherwise. The summary is always written: rewritten after each
case (``"complete": false`` until the last one), and in a ``finally`` when the batch stops
early (Ctrl-C, an unexpected error), so a stopped batch still says which cases were exported.
Corrupt inputs never reach a native reader unchecked (``image_io``), so one bad case cannot
abort the process.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from CNSTumorAnnotationLib.export.case_export import export_case, parse_formats
from CNSTumorAnnotationLib.export.context import ExportOptions
from CNSTumorQCLib.atomic import sha256_file, write_json_atomic
from CNSTumorQCLib.errors import CNSTumorError
from CNSTumorQCLib.paths import output_folder
from CNSTumorQCLib.progress import on_terminal
from CNSTumorQCLib.provenance import provenance

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


SUMMARY_NAME = "export_summary.json"
SUMMARY_FORMAT = "cnstumor-export-summary/1"


@dataclass(frozen=True)
class CaseOutcome:
    """What happened to one case folder."""

    case_dir: str
    status: str  # "exported" | "failed"
    case_id: str | None = None
    manifest: str | None = None
    files: int = 0
    seconds: float = 0.0
    error: str | None = None
    error_type: str | None = None


@dataclass
class BatchSummary:
    """Every case's outcome and where the summary was written."""

    out_dir: Path
    formats: tuple[str, ...]
    outcomes: list[CaseOutcome] = field(default_factory=list)
    summary_path: Path | None = None

    @property
    def failed(self) -> list[CaseOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def exported(self) -> list[CaseOutcome]:
        return [o for o in self.outcomes if o.status == "exported"]

    @property
    def exit_status(self) -> int:
        return 1 if self.failed else 0

    def to_dict(self, options: ExportOptions, complete: bool = True) -> dict[str, Any]:
        files = folder_checksums(self.out_dir) if complete else []
        return {
            #: every file of the export folder with its checksum, the shared dataset files
            #: (nnU-Net dataset.json, rewritten by each case) included (R-FMT-2)
            "files": files,
            "format": SUMMARY_FORMAT,
            "complete": complete,
            "out_dir": str(self.out_dir),
            "formats": list(self.formats),
            "cases": len(self.outcomes),
            "exported": len(self.exported),
            "failed": len(self.failed),
            "outcomes": [asdict(o) for o in self.outcomes],
            "provenance": provenance(
                "batch export", parameters={**options.to_dict(), "formats": list(self.formats)}
            ),
        }


def folder_checksums(out_dir: Path) -> list[dict[str, str]]:
    """``{"path", "sha256"}`` of every file under ``out_dir`` except the summary and hidden
    temporaries, sorted by path."""
    rows = []
    for path in sorted(out_dir.rglob("*")):
        relative = path.relative_to(out_dir)
        hidden = any(part.startswith(".") for part in relative.parts)
        if path.is_file() and not hidden and relative.as_posix() != SUMMARY_NAME:
            rows.append({"path": relative.as_posix(), "sha256": sha256_file(path)})
    return rows


def _export_one(
    case_dir: Path,
    out_dir: Path,
    formats: tuple[str, ...],
    options: ExportOptions,
    version: int | None,
    runtime: MRMLRuntime,
) -> CaseOutcome:
    start = time.perf_counter()
    try:
        result = export_case(
            case_dir, out_dir, formats, options=options, version=version, runtime=runtime
        )
    except CNSTumorError as error:
        return CaseOutcome(
            case_dir=str(case_dir),
            status="failed",
            seconds=round(time.perf_counter() - start, 3),
            error=str(error),
            error_type=type(error).__name__,
        )
    except Exception as error:  # an unexpected bug in one case must not stop the batch
        return CaseOutcome(
            case_dir=str(case_dir),
            status="failed",
            seconds=round(time.perf_counter() - start, 3),
            error=f"unexpected {type(error).__name__}: {error}\n{traceback.format_exc(limit=5)}",
            error_type=type(error).__name__,
        )
    return CaseOutcome(
        case_dir=str(case_dir),
        status="exported",
        case_id=result.case_id,
        manifest=str(result.manifest_path),
        files=len(result.entries),
        seconds=round(time.perf_counter() - start, 3),
    )


def export_batch(
    case_dirs: Iterable[str | Path],
    out_dir: str | Path,
    formats: str | Sequence[str] = "all",
    *,
    options: ExportOptions | None = None,
    version: int | None = None,
    runtime: MRMLRuntime | None = None,
    progress: bool = True,
) -> BatchSummary:
    """Export every case folder; write ``<out_dir>/export_summary.json``; never abort on a case.

    ``runtime`` (an MRML runtime) is shared by all cases; default ``create_runtime()``, which
    inside Slicer is the application's own scene.
    """
    names = parse_formats(formats)
    options = options or ExportOptions()
    out = output_folder(out_dir, "export output folder")
    if runtime is None:
        from CNSTumorAnnotationLib.mrml.runtime import create_runtime

        runtime = create_runtime()
    cases = [Path(c) for c in case_dirs]
    summary = BatchSummary(out_dir=out, formats=names)
    bar = tqdm(
        cases,
        desc="export",
        unit="case",
        disable=not (progress and on_terminal()),
        dynamic_ncols=True,
    )
    complete = False
    try:
        for case_dir in bar:
            bar.set_postfix_str(case_dir.name[:30])
            summary.outcomes.append(_export_one(case_dir, out, names, options, version, runtime))
            bar.set_postfix(failed=len(summary.failed))
            write_json_atomic(out / SUMMARY_NAME, summary.to_dict(options, complete=False))
        complete = True
    finally:  # always a summary, also when the batch is interrupted
        summary.summary_path = write_json_atomic(
            out / SUMMARY_NAME, summary.to_dict(options, complete=complete)
        )
    return summary
