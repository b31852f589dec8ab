"""A self-check report is evidence only once verified against the files it claims to have checked.

R-ANN-9 asks for a self-check before review; R-FLOW-1 asks that every step leave a record. A
``selfcheck.json`` is a file anyone can write, so before a project records it (and before a
case is submitted) this module:

1. requires the report format ``cnstumor selfcheck`` writes, bound (``annotation_sha256``) to
   exactly the files of the project version, digest for digest;
2. re-runs the self-check on the case-folder version the project version was saved from
   (``source_folder`` / ``source_version``), whose files must be those same files, with the
   confirmations the report records, and requires the same findings (rule, severity, region,
   lesion, slice): an empty or hand-made report is refused;
3. reads the R-ANN-1 record that all sequences were reviewed before drawing: the annotation
   wizard's session record of that version (``wizard/session.py``).

What it returns is stored in the self-check's audit entry and checked again by ``submit``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import SchemaError
from CNSTumorQCLib.findings import Finding


def _signature(findings: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(
        (
            str(f.get("rule")),
            str(f.get("severity")),
            str(f.get("region")),
            f.get("lesion"),
            f.get("slice_index"),
        )
        for f in findings
    )


def review_sequences_record(case_root: Path, version: int) -> dict[str, Any] | None:
    """R-ANN-1: who confirmed reviewing all sequences before drawing ``version``, and when.

    Read from the wizard's archived session of that version, else from the live session when
    it saved that version. None when no such confirmation exists.
    """
    from CNSTumorAnnotationLib.wizard import session

    archived = Path(case_root) / session.ARCHIVE_DIR / f"v{version:04d}.json"
    candidates: list[tuple[Path, dict[str, Any] | None]] = []
    if archived.is_file():
        try:
            candidates.append((archived, json.loads(archived.read_text(encoding="utf-8"))))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            candidates.append((archived, None))
    live = session.read_record(Path(case_root))
    if live is not None and live.get("saved_version") == version:
        candidates.append((session.session_path(Path(case_root)), live))
    for path, record in candidates:
        if not isinstance(record, dict) or record.get("format") != session.SESSION_FORMAT:
            continue
        confirmed = (record.get("confirmations") or {}).get("review_sequences")
        if confirmed:
            return {"by": confirmed.get("by"), "at": confirmed.get("at"), "record": str(path)}
    return None


def verify_report(
    path: Path, version: Any, *, runtime: Any = None
) -> tuple[list[Finding], dict[str, Any]]:
    """The re-run's findings and the evidence to record, or SchemaError saying what is wrong.

    ``version`` is the project's ``ProjectVersion`` (files with their SHA-256, source folder).
    """
    from CNSTumorAnnotationLib.selfcheck.case_check import REPORT_FORMAT, run_selfcheck
    from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST, Confirmations

    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SchemaError(tr("not a self-check report ({error})", error=error), path) from None
    if not isinstance(payload, dict) or payload.get("format") != REPORT_FORMAT:
        raise SchemaError(
            tr(
                (
                    "R-ANN-9: not a self-check report written by `cnstumor selfcheck` "
                    "({report_format})"
                ),
                report_format=REPORT_FORMAT,
            ),
            path,
        )
    from CNSTumorAnnotationLib.case.folder import VERSION_FILE

    recorded = {
        Path(f.relpath).name: f.sha256
        for f in version.files
        if Path(f.relpath).name != VERSION_FILE  # the case folder's record, not a segmentation
    }
    checked = dict(payload.get("annotation_sha256") or {})
    if checked != recorded:
        raise SchemaError(
            tr(
                (
                    "R-ANN-9: the report is not bound to the files of version {number}: it "
                    "names {checked}, the version holds {recorded} (run the self-check on "
                    "the saved version)"
                ),
                number=version.number,
                checked=sorted(checked) or "no file",
                recorded=sorted(recorded),
            ),
            path,
        )
    if not version.source_folder or version.source_version is None:
        raise SchemaError(
            tr(
                (
                    "R-ANN-9: version {number} was saved from loose files, so its self-check "
                    "cannot be re-run; save it from its case folder (save --case-folder)"
                ),
                number=version.number,
            ),
            path,
        )
    confirmations = Confirmations.from_dict(payload.get("confirmations"))
    rerun = run_selfcheck(
        version.source_folder, int(version.source_version), confirmations, runtime=runtime
    )
    if dict(rerun.annotation_sha256) != recorded:
        raise SchemaError(
            tr(
                (
                    "R-ANN-9: case folder version {source_version} no longer holds the files "
                    "of project version {number}"
                ),
                source_version=version.source_version,
                number=version.number,
            ),
            version.source_folder,
        )
    claimed = _signature(list(payload.get("findings") or []))
    actual = _signature([f.to_dict() for f in rerun.findings])
    if claimed != actual:
        raise SchemaError(
            tr(
                (
                    "R-ANN-9: the report's findings ({count_claimed}) differ from a re-run "
                    "of the self-check on version {number}'s files ({count_actual}): a "
                    "report counts only as `cnstumor selfcheck` wrote it"
                ),
                count_claimed=len(claimed),
                number=version.number,
                count_actual=len(actual),
            ),
            path,
        )
    evidence = {
        "verified": True,
        "report": str(Path(path).resolve()),
        "selfcheck_version": rerun.parameters.version,
        "confirmations": confirmations.to_dict(),
        "checklist_open": sorted(k for k in CHECKLIST if k not in confirmations.checklist),
        "review_sequences": review_sequences_record(
            Path(version.source_folder), int(version.source_version)
        ),
    }
    return list(rerun.findings), evidence
