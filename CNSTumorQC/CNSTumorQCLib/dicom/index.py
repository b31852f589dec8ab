"""Index a DICOM folder: walk it, read headers only (in parallel), group into series and stacks.

Nothing under the folder is ever written. A file that cannot be used becomes a finding naming the
file (R-DATA-2), never an exception: not DICOM, DICOMDIR, unreadable, truncated, vanished during
the scan, permission denied, or not MR (R-ACQ-7: listed, not annotated).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from CNSTumorQCLib.dicom.file_kinds import describe, is_own_file
from CNSTumorQCLib.dicom.model import DicomIndex, DicomInstance, PixelDataStatus
from CNSTumorQCLib.dicom.reader import DICOMDIR_SOP_CLASS, IMAGE_STORAGE_PREFIX, read_instances
from CNSTumorQCLib.dicom.series import group_series
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError, NotDicomError
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import language, set_language, tr
from CNSTumorQCLib.progress import on_terminal


def default_workers() -> int:
    """Processes reading headers: one per core.

    On two busy cores the pool and a single process measured within noise of each other
    (bench/results/dicom_index.json keeps both); on more cores the pool wins.
    """
    return os.cpu_count() or 1


#: Below this many files a single process is faster than starting workers.
PARALLEL_MIN_FILES = 256


@dataclass(frozen=True)
class FileResult:
    """What reading one file gave: image planes, or a finding saying why not."""

    path: str
    instances: tuple[DicomInstance, ...] = ()
    finding: Finding | None = None


#: File name endings that say "this is a DICOM image": such a file that cannot be read is a
#: broken part of the study (a warning naming it), not a stray file (an info).
DICOM_NAME_SUFFIXES = (".dcm", ".dicom", ".ima")


def looks_like_dicom_name(path: str | os.PathLike[str]) -> bool:
    return os.fspath(path).lower().endswith(DICOM_NAME_SUFFIXES)


def _note(
    path: str, message: str, severity: Severity = Severity.INFO, rule: str = "R-DATA-2"
) -> FileResult:
    return FileResult(path, (), Finding(rule, severity, message, files=(path,)))


def _dicomdir_skipped() -> str:
    return tr("DICOMDIR (media directory) skipped: the images are indexed from their own files")


def read_file(path: str) -> FileResult:
    """Read one file's header into image planes; every failure becomes a finding."""
    if os.path.basename(path).upper() == "DICOMDIR":
        return _note(path, _dicomdir_skipped())
    try:
        dataset, instances = read_instances(path)
    except FileNotFoundError:
        return _note(path, tr("file vanished during the scan; not indexed"), Severity.WARNING)
    except PermissionError:
        return _note(
            path, tr("file cannot be read (permission denied); not indexed"), Severity.ERROR
        )
    except IsADirectoryError:
        return _note(path, tr("not a regular file; skipped"))
    except NotDicomError:
        if looks_like_dicom_name(path):  # a broken image of the study, not a stray file
            return _note(
                path,
                tr("named like a DICOM image but not readable as DICOM; not indexed"),
                Severity.WARNING,
            )
        return _note(path, tr("not a DICOM file; skipped"))
    except OSError as error:
        return _note(
            path,
            tr("file cannot be read ({problem}); not indexed", problem=error.strerror or error),
            Severity.ERROR,
        )
    except (
        Exception
    ) as error:  # pydicom raises many types on broken headers; the user sees a finding
        return _note(
            path,
            tr(
                "unreadable DICOM header ({kind}: {problem}); not indexed",
                kind=type(error).__name__,
                problem=error,
            ),
            Severity.ERROR,
        )
    return _classify(path, instances)


def _classify(path: str, instances: tuple[DicomInstance, ...]) -> FileResult:
    first = instances[0]
    if first.sop_class_uid == DICOMDIR_SOP_CLASS:
        return _note(path, _dicomdir_skipped())
    if not first.series_instance_uid:
        if first.pixel_data is PixelDataStatus.ABSENT:
            return _note(
                path,
                tr(
                    "truncated or incomplete DICOM file (no SeriesInstanceUID, no pixel data); "
                    "not indexed"
                ),
                Severity.ERROR,
            )
        return _note(
            path, tr("DICOM object without a SeriesInstanceUID; not indexed"), Severity.WARNING
        )
    if first.sop_class_uid and not first.sop_class_uid.startswith(IMAGE_STORAGE_PREFIX):
        return _note(
            path,
            tr(
                "non-image DICOM object (SOP class {sop_class}) skipped",
                sop_class=first.sop_class_uid,
            ),
        )
    if first.modality != "MR":
        return _note(
            path,
            tr(
                "modality {modality} is not MR: outside the annotation scope, listed and not "
                "annotated",
                modality=first.modality or tr("missing"),
            ),
            Severity.WARNING,
            rule="R-ACQ-7",
        )
    # Truncated pixel data stays in the index: the integrity check reports it within its series.
    return FileResult(path, instances)


def list_files(root: Path) -> tuple[list[str], list[Finding]]:
    """All files under ``root`` (recursively, sorted), and findings for unreadable folders."""
    files: list[str] = []
    findings: list[Finding] = []

    def on_error(error: OSError) -> None:
        where = str(error.filename or root)
        findings.append(
            Finding(
                "R-DATA-2",
                Severity.ERROR,
                tr("folder cannot be read ({strerror}); not indexed", strerror=error.strerror),
                files=(where,),
            )
        )

    for folder, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=False):
        dirnames.sort()
        files.extend(
            os.path.join(folder, name)
            for name in sorted(filenames)
            if not is_own_file(os.path.join(folder, name), root)  # e.g. deid_report.json
        )
    return files, findings


def _read_all(
    files: list[str], workers: int | None, progress: bool | None, on_file: Callable[[], None] | None
) -> Iterable[FileResult]:
    workers = workers if workers is not None else default_workers()
    bar = None
    if progress is None:
        progress = len(files) >= 200 and on_terminal()
    if progress:
        from tqdm import tqdm

        bar = tqdm(
            total=len(files), desc=tr("indexing DICOM headers"), unit="file", file=sys.stderr
        )
    try:
        if workers <= 1 or len(files) < PARALLEL_MIN_FILES:
            results: Iterable[FileResult] = map(read_file, files)
            for result in results:
                yield result
                if bar is not None:
                    bar.update()
                if on_file is not None:
                    on_file()
            return
        chunksize = max(8, min(256, len(files) // (workers * 8) or 1))
        # the workers write their findings in the language of this process (``--lang``)
        with ProcessPoolExecutor(
            max_workers=workers, initializer=set_language, initargs=(language(),)
        ) as pool:
            for result in pool.map(read_file, files, chunksize=chunksize):
                yield result
                if bar is not None:
                    bar.update()
                if on_file is not None:
                    on_file()
    finally:
        if bar is not None:
            bar.close()


def index_folder(
    root: str | Path,
    *,
    workers: int | None = None,
    progress: bool | None = None,
    on_file: Callable[[], None] | None = None,
) -> DicomIndex:
    """Index every DICOM file under ``root`` (header only) into series and stacks.

    ``workers``: processes reading headers (default: :func:`default_workers`; 1 = in this process).
    ``progress``: a tqdm bar on stderr (default: on for >= 200 files on a terminal).
    Raises MissingInputError / InvalidInputError only when ``root`` itself is not a folder.
    """
    root = Path(root)
    if not root.exists():
        raise MissingInputError(tr("the DICOM folder does not exist"), root)
    if not root.is_dir():
        raise InvalidInputError(tr("expected a folder of DICOM files, got a file"), root)
    files, findings = list_files(root)
    instances: list[DicomInstance] = []
    indexed = 0
    for result in _read_all(files, workers, progress, on_file):
        if result.finding is not None:
            findings.append(result.finding)
        if result.instances:
            indexed += 1
            instances.extend(result.instances)
    if not files:
        findings.append(
            Finding(
                "R-DATA-2", Severity.ERROR, tr("the folder contains no files"), files=(str(root),)
            )
        )
    elif not instances:
        findings.append(
            Finding(
                "R-DATA-2",
                Severity.ERROR,
                tr(
                    "the folder contains no readable MR DICOM images ({contents})",
                    contents=describe(files),
                ),
                files=(str(root),),
            )
        )
    return DicomIndex(
        root=str(root),
        series=group_series(instances),
        findings=tuple(findings),
        files_seen=len(files),
        files_indexed=indexed,
        parameters={
            "workers": workers or default_workers(),
            "parallel_min_files": PARALLEL_MIN_FILES,
        },
    )
