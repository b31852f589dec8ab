"""What a project records when a case passes QC: the QC report's verdict and confirmed grades.

R-QC-2 admits only grade 2 or 3 series, and R-FLOW-1 asks that every step say who decided what.
The grade that counts is the one a radiologist confirmed in the QC report (``cnstumor qc`` then
``cnstumor qc-confirm``), never a number typed at the project's door: ``qc_evidence`` reads the
report, chooses the annotated series the way the case import does (confirmed grade 2 or 3,
confirmed sequence) and returns what the audit entry records, bound to the report's SHA-256.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.errors import InvalidInputError


def qc_evidence(qc_report: str | Path) -> dict[str, Any]:
    """The verdict, per-sequence confirmed grade, series and reviewer of a QC report.

    Raises (naming the series to confirm) when an annotated sequence's grade or identification
    is unconfirmed, when every series of one is excluded, or when none is present.
    """
    from CNSTumorAnnotationLib.case.dicom_import import choose_series, read_qc_report

    path = Path(qc_report)
    report = read_qc_report(path)
    chosen = choose_series(report, path)
    if not chosen:
        raise InvalidInputError(
            tr("the QC report holds no series of the annotated sequences"), path
        )
    grades = {seq.value: int(entry["confirmed_grade"]) for seq, entry in chosen.items()}
    return {
        "qc_report": str(path.resolve()),
        "qc_report_sha256": sha256_file(path),
        "verdict": report.get("verdict"),
        "study_verdicts": {
            str(s.get("study_instance_uid")): s.get("verdict") for s in report.get("studies", [])
        },
        "reasons": [r for s in report.get("studies", []) for r in s.get("reasons", [])],
        "grades": grades,
        "grade": min(grades.values()),
        "series": {seq.value: entry["series_instance_uid"] for seq, entry in chosen.items()},
        "confirmed_by": {
            seq.value: (entry.get("confirmation") or {}).get("reviewer")
            for seq, entry in chosen.items()
        },
        "rule": "R-QC-2",
    }
