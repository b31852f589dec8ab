"""The QC report (JSON, CSV, HTML) and the page shell of every HTML report of the project.

``qc_report`` builds, writes and loads the QC report; ``qc_html`` renders it as one page;
``html_page`` is the one shell (language, inline CSS, provenance footer) that the QC,
agreement, training and project status reports all use; import its function ``html_page``
from the submodule (the package attribute of that name is the submodule).
"""

from __future__ import annotations

from CNSTumorQCLib.report.html_page import provenance_footer
from CNSTumorQCLib.report.qc_html import report_html
from CNSTumorQCLib.report.qc_report import (
    QCReport,
    SeriesReport,
    StudyReport,
    Verdict,
    load_report,
    report_csv,
    study_report,
    write_report,
)

__all__ = [
    "QCReport",
    "SeriesReport",
    "StudyReport",
    "Verdict",
    "load_report",
    "provenance_footer",
    "report_csv",
    "report_html",
    "study_report",
    "write_report",
]
