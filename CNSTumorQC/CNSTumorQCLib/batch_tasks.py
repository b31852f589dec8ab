"""The per-study tasks of ``cnstumor qc`` and ``cnstumor deid`` on many studies (run by
:mod:`CNSTumorQCLib.batch` on Dask workers: module-level, picklable, small results)."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path
from typing import Any

from CNSTumorQCLib.batch import BatchItem
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.i18n import tr, using_language


def qc_study(
    item: BatchItem, *, grade: bool = True, thumbnails: bool = True, language: str | None = None
) -> dict[str, Any]:
    """QC one study folder into ``item.output`` (qc_report.json/.csv/.html); its verdict.

    One header-reading process per study: the batch already runs one study per worker.
    ``language``: the one the reports are written in (a Dask worker does not share the
    ``--lang`` of the command; None: the worker's ``CNSTUMOR_LANG``)."""
    from CNSTumorQCLib.qc import run_qc

    with using_language(language):
        report = run_qc(
            item.source, item.output, workers=1, grade=grade, thumbnails=thumbnails, progress=False
        )
    if report.files_indexed == 0:
        raise InvalidInputError(tr("no readable DICOM file in this study"), item.source)
    return {
        "verdict": report.verdict.value,
        "studies": len(report.studies),
        "series": len(report.series),
        "files_indexed": report.files_indexed,
        "files_seen": report.files_seen,
    }


def deid_study(
    item: BatchItem,
    *,
    keys_dir: str,
    secret: str,
    pseudonym_prefix: str | None = None,
    quarantine_dir: str | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """De-identify one study folder into ``item.output`` with its key file in ``keys_dir``
    (outside the output). Every study shares one secret, so a patient seen in two studies
    gets one pseudonym and one date shift (R-DATA-1). A changed study's earlier copy (this
    batch's own output, marked by its report) is replaced. ``language``: as :func:`qc_study`."""
    from CNSTumorQCLib.deid.folder import REPORT_NAME, deidentify_folder
    from CNSTumorQCLib.deid.policy import DeidPolicy
    from CNSTumorQCLib.findings import Severity

    output = Path(item.output)
    if output.exists():
        if not (output / REPORT_NAME).is_file():
            raise InvalidInputError(
                tr("output exists and is not an earlier de-identified copy"), output
            )
        shutil.rmtree(output)
    policy = (
        DeidPolicy() if pseudonym_prefix is None else DeidPolicy(pseudonym_prefix=pseudonym_prefix)
    )
    quarantine = Path(quarantine_dir) / item.key if quarantine_dir else None
    with warnings.catch_warnings(), using_language(language):
        warnings.simplefilter("ignore")  # pydicom's notes on invalid source values
        report = deidentify_folder(
            Path(item.source),
            output,
            Path(keys_dir) / f"{item.key}.deid-key.json",
            secret=secret,
            policy=policy,
            quarantine_dir=quarantine,
            workers=1,
        )
    counts = dict(report.counts)
    if not counts.get("written"):
        raise InvalidInputError(
            tr("nothing could be released from this study ({counts})", counts=counts), item.source
        )
    counts["errors"] = sum(f.severity is Severity.ERROR for f in report.findings)
    return counts
