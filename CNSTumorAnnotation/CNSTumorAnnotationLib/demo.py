"""``cnstumor demo``: the whole consensus workflow (R-FLOW-1) on the bundled real case.

Collect -> de-identify -> QC and sequence check -> annotate -> self-check -> review -> export,
on TCGA-LGG TCGA-FG-6692 (``SampleData/``), with nothing but the project itself:

1. the case's four native NIfTI sequences are written as a DICOM MR study whose headers are
   modelled on real Siemens headers and carry an *invented* identity (the "scanner" data);
2. the study is de-identified (R-DATA-1), the pseudonym key kept outside the de-identified copy;
   the series are identified on the original headers first (identification runs before
   de-identification, which strips some of the tags it reads), and that report stays private;
3. QC checks every series of the de-identified copy and suggests a quality grade (R-DATA-2,
   R-ACQ-*, R-QC-*); its identification must agree with the one made on the original headers;
   the demo's radiologist then confirms the four annotated series' sequences and grades
   (``qc-confirm``; done mechanically here, by accepting the suggestions, and recorded as such);
4. a case folder is made from the QC-checked DICOM series and co-registered; its volumes and one
   segmentation per reference sequence are loaded into an MRML scene (R-ANN-8);
5. the bundled *machine-made* reference labels (majority vote of five BraTS algorithms, SRI-24
   space) are landed on the native sequences as annotation version 1, recorded as machine-made;
6. self-check (R-ANN-2/3/7/9);
7. review in a new annotation project: qualified annotator and reviewer, submission, approval,
   audit-log verification (R-PPL-*, R-FLOW-1);
8. export to NIfTI, .seg.nrrd, DICOM SEG, BraTS and nnU-Net with a manifest (R-FMT-1..3);
9. agreement between the five bundled algorithm label maps (R-PPL-2, R-HMI-1).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from CNSTumorAnnotationLib.i18n import N_, language, tr
from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.paths import SAMPLE_CASE_ID, sample_data_dir
from CNSTumorQCLib.provenance import provenance

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


REFERENCE_LABELS = "mav"  # majority vote of the five BraTS-2020 algorithms (machine-made)
#: A finding's severity as people read it (the value stays the identifier).
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help=tr("run the whole consensus workflow on the bundled real case"),
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument(
        "--out", default="demo-output", help=tr("output folder (default: %(default)s)")
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help=tr("refuse to start when the output folder is not empty"),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        if args.keep:
            raise InvalidInputError(tr("the output folder is not empty (--keep given)"), out)
        _clear_previous_demo(out)
    summary = run_demo(out)
    print(
        tr(
            "\nEverything is in {folder}; summary: {summary}",
            folder=out.resolve(),
            summary=summary["summary_file"],
        )
    )
    return 0


def _clear_previous_demo(out: Path) -> None:
    """Remove an earlier demo's output, but only if it is one (it has our summary.json)."""
    if not (out / "summary.json").is_file():
        raise InvalidInputError(
            tr(
                "the output folder is not empty and is not an earlier demo's output; choose another"
            ),
            out,
        )
    shutil.rmtree(out)


class _Steps:
    """Numbered, timed progress lines on stdout."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.number = 0
        self.timings: dict[str, float] = {}

    def start(self, title: str) -> float:
        self.number += 1
        self.say(f"[{self.number}/9] {title} ...")
        return time.perf_counter()

    def done(self, title: str, started: float, detail: str) -> None:
        seconds = time.perf_counter() - started
        self.timings[title] = round(seconds, 2)
        self.say(f"      {detail} ({seconds:.1f} s)")


def run_demo(
    out_dir: Path | str,
    *,
    runtime: MRMLRuntime | None = None,
    say: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Run the nine steps into ``out_dir`` and return (and write) a summary of every result."""
    from CNSTumorAnnotationLib.mrml.runtime import create_runtime

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    steps = _Steps(say or (lambda line: print(line, flush=True)))
    runtime = runtime or create_runtime()
    summary: dict[str, Any] = {"case": SAMPLE_CASE_ID, "output": str(out.resolve())}

    study = _scanner_study(out, steps, summary)
    deid, original = _deidentify(study, out, steps, summary)
    qc_report = _quality_control(deid, out, steps, summary, original)
    case = _import_case(qc_report, deid, out, steps, summary, runtime)
    _apply_reference_labels(case, steps, summary, runtime)
    selfcheck_file = _self_check(case, steps, summary, runtime)
    _review(case, selfcheck_file, out, steps, summary, qc_report)
    _export(case, out, steps, summary, runtime)
    _agreement(out, steps, summary)

    summary["timings_s"] = steps.timings
    summary["provenance"] = provenance(
        "demo", parameters={"reference_labels": REFERENCE_LABELS, "out": str(out)}
    )
    summary["summary_file"] = str(write_json_atomic(out / "summary.json", summary))
    return summary


def _scanner_study(out: Path, steps: _Steps, summary: dict[str, Any]) -> Path:
    from CNSTumorQCLib.demo.fixture_study import write_sample_case_study

    started = steps.start(
        tr("Writing the bundled case as a scanner DICOM study (invented identity)")
    )
    study = out / "01_scanner_dicom"
    written = write_sample_case_study(study)
    files = sum(len(paths) for paths in written.values())
    summary["scanner_study"] = {"folder": str(study), "series": len(written), "files": files}
    steps.done(
        "scanner_study",
        started,
        tr(
            "{series} series, {files} files in {folder}",
            series=len(written),
            files=files,
            folder=study,
        ),
    )
    return study


def _identify_original(study: Path, out: Path, summary: dict[str, Any]) -> list[tuple[str, ...]]:
    """Identify the series on the original headers, before de-identification strips tags.

    The report names the (invented) patient, so it stays in the private folder with the key.
    """
    from CNSTumorQCLib.qc import run_qc

    report = run_qc(study, out / "private" / "qc_before_deidentification", thumbnails=False)
    summary["identification_before_deidentification"] = str(
        out / "private" / "qc_before_deidentification" / "qc_report.json"
    )
    return _identities(report)


def _identities(report: Any) -> list[tuple[str, ...]]:
    """What identification decided per series, comparable across de-identification."""
    return sorted(
        (str(s["sequence"]), str(s["plane"]), str(s["acquisition"]), str(s["slice_thickness_mm"]))
        for s in report.to_dict()["series"]
    )


def _deidentify(
    study: Path, out: Path, steps: _Steps, summary: dict[str, Any]
) -> tuple[Path, list[tuple[str, ...]]]:
    from CNSTumorQCLib.deid.folder import deidentify_folder

    started = steps.start(tr("Identifying the series on the original headers, then de-identifying"))
    original = _identify_original(study, out, summary)
    target, key_file = out / "02_deidentified", out / "private" / "pseudonym_key.json"
    report = deidentify_folder(study, target, key_file)
    blocking = [f.message for f in report.findings if f.severity.blocking]
    if blocking:
        raise InvalidInputError(
            tr("de-identification failed: {blocking}", blocking=blocking[0]), target
        )
    summary["deidentification"] = {
        "folder": str(target),
        "key_file (kept outside the copy)": str(key_file),
        "counts": dict(report.counts),
        "findings": len(report.findings),
    }
    steps.done(
        "deidentification",
        started,
        tr("de-identified copy in {folder}; key in {key_file}", folder=target, key_file=key_file),
    )
    return target, original


def _quality_control(
    deid: Path, out: Path, steps: _Steps, summary: dict[str, Any], original: list[tuple[str, ...]]
) -> Path:
    from CNSTumorQCLib.qc import run_qc

    started = steps.start(tr("QC: integrity, sequence rules and suggested quality grade"))
    qc_dir = out / "03_qc"
    report = run_qc(deid, qc_dir)
    if _identities(report) != original:
        raise InvalidInputError(
            tr(
                (
                    "de-identification changed what the series are identified as: {original} "
                    "before, {identities} after"
                ),
                original=original,
                identities=_identities(report),
            ),
            qc_dir / "qc_report.json",
        )
    data = report.to_dict()
    series = [
        f"{s.get('sequence')} grade {s.get('suggested_grade')}" for s in data.get("series", [])
    ]
    reasons = [reason for study in data.get("studies", []) for reason in study.get("reasons", [])]
    summary["qc"] = {
        "verdict": report.verdict.value,
        "reasons": reasons,
        "series": series,
        "report": str(qc_dir / "qc_report.html"),
    }
    graded = ", ".join(
        tr("{sequence} grade {grade}", sequence=s.get("sequence"), grade=s.get("suggested_grade"))
        for s in data.get("series", [])
    )
    if reasons:
        detail = tr(
            "study verdict {verdict} because {reasons}; {series}",
            verdict=report.verdict.value,
            reasons="; ".join(reasons),
            series=graded,
        )
    else:
        detail = tr(
            "study verdict {verdict}; {series}", verdict=report.verdict.value, series=graded
        )
    steps.done("qc", started, detail)
    if reasons:
        steps.say(
            tr(
                "      (the TCGA case has no DWI/ADC; its four annotated sequences pass, "
                "so the demo goes on with them)"
            )
        )
    confirmed = _confirm_as_suggested(qc_dir)
    summary["qc"]["confirmed"] = [f"{sequence} grade {grade}" for sequence, grade in confirmed]
    steps.say(
        tr(
            "      {reviewer} confirmed: {confirmed}",
            reviewer=DEMO_QC_REVIEWER,
            confirmed=", ".join(
                tr("{sequence} grade {grade}", sequence=sequence, grade=grade)
                for sequence, grade in confirmed
            ),
        )
    )
    return qc_dir / "qc_report.json"


#: Who confirms the demo's QC suggestions: named for what it is, a mechanical stand-in.
DEMO_QC_REVIEWER = "demo radiologist (accepts the suggestions mechanically)"


def _confirm_as_suggested(qc_dir: Path) -> list[tuple[str, int]]:
    """R-QC-2: confirm the annotated series' sequences and suggested grades, as recorded
    confirmations (``qc-confirm``); the case import takes confirmed series only."""
    from CNSTumorAnnotationLib.case.nifti_import import CASE_SEQUENCES
    from CNSTumorQCLib.quality.confirmation import confirm_grade, confirm_sequence
    from CNSTumorQCLib.report.qc_report import load_report, write_report

    report = load_report(qc_dir / "qc_report.json")
    confirmed: list[tuple[str, int]] = []
    for entry in report.series:
        if entry.sequence not in {s.value for s in CASE_SEQUENCES} or entry.suggested_grade is None:
            continue
        uid = entry.series_instance_uid
        if entry.needs_confirmation:
            report = confirm_sequence(report, uid, entry.sequence, DEMO_QC_REVIEWER)
        report = confirm_grade(report, uid, int(entry.suggested_grade), DEMO_QC_REVIEWER)
        confirmed.append((str(entry.sequence), int(entry.suggested_grade)))
    write_report(report, qc_dir)
    return confirmed


def _import_case(
    qc_report: Path,
    deid: Path,
    out: Path,
    steps: _Steps,
    summary: dict[str, Any],
    runtime: MRMLRuntime,
) -> Any:
    from CNSTumorAnnotationLib.case.dicom_import import import_case_from_dicom
    from CNSTumorAnnotationLib.mrml.scene import load_case_into_scene

    started = steps.start(
        tr("Importing the QC-checked series as a case, co-registering, loading MRML")
    )
    case_dir = out / "04_case" / SAMPLE_CASE_ID
    case = import_case_from_dicom(qc_report, deid, case_dir, "intra_axial")
    loaded = load_case_into_scene(case, runtime, with_annotation=False)
    summary["case_folder"] = str(case_dir)
    summary["scene"] = {
        "volumes": sorted(s.value for s in loaded.volume_nodes),
        "segmentations": sorted(s.value for s in loaded.segmentation_nodes),
    }
    summary["registration"] = case.registration
    steps.done(
        "case_import",
        started,
        tr(
            "case in {folder}; scene holds {volumes} volumes and {segmentations} segmentations "
            "(one per reference sequence)",
            folder=case_dir,
            volumes=len(loaded.volume_nodes),
            segmentations=len(loaded.segmentation_nodes),
        ),
    )
    return case


def _apply_reference_labels(
    case: Any, steps: _Steps, summary: dict[str, Any], runtime: MRMLRuntime
) -> None:
    from CNSTumorAnnotationLib.case.folder import load_case
    from CNSTumorAnnotationLib.case.labelmap_import import apply_reference_labels

    started = steps.start(tr("Landing the machine-made reference labels (SRI-24 -> native)"))
    labels = sample_data_dir() / "reference_labels" / f"{REFERENCE_LABELS}.nii.gz"
    version = apply_reference_labels(case, labels, "brats2021", runtime=runtime)
    case.annotations = load_case(case.root).annotations
    summary["annotation"] = {
        "version": version.version,
        "annotator": version.annotator,
        "machine_made": version.machine_made,
        "files": {seq.value: str(path) for seq, path in version.files.items()},
    }
    steps.done(
        "reference_labels",
        started,
        tr(
            "version {version} by {annotator}: {files}",
            version=version.version,
            annotator=version.annotator,
            files=", ".join(p.name for p in version.files.values()),
        ),
    )


def _self_check(case: Any, steps: _Steps, summary: dict[str, Any], runtime: MRMLRuntime) -> Path:
    from CNSTumorAnnotationLib.selfcheck.case_check import run_selfcheck, write_selfcheck

    started = steps.start(tr("Self-check (R-ANN-2/3/7/9, region hierarchy), correction, re-check"))
    first = run_selfcheck(case.root, runtime=runtime)
    summary["selfcheck_first"] = _finding_counts(first)
    steps.say(
        tr(
            "      version {version}: {counts}",
            version=first.annotation_version,
            counts=_counts_words(first),
        )
    )
    for finding in first.findings:
        if finding.severity.value != "info":
            severity = tr(SEVERITY_WORDS[finding.severity.value])
            label = severity.ljust(7) if severity.isascii() else severity
            steps.say(f"        {label} {finding.rule}: {finding.message}")
    report = first
    if first.blocking:
        version = correct_findings(case, first, runtime)
        steps.say(
            tr(
                (
                    "      the annotator's correction is saved as version {version} (parent "
                    "{parent}); self-check again:"
                ),
                version=version.version,
                parent=version.parent,
            )
        )
        report = run_selfcheck(case.root, runtime=runtime)
    if not report.blocking:  # R-ANN-1 and the checklist, confirmed and recorded (mechanically)
        checked = int(report.to_dict()["annotation_version"])
        _record_review_of_sequences(case, checked)
        report = run_selfcheck(case.root, checked, _demo_confirmations(), runtime=runtime)
    path = write_selfcheck(report, case.root)
    summary["selfcheck"] = {"file": str(path), **_finding_counts(report)}
    steps.done(
        "selfcheck", started, tr("final: {counts}; {file}", counts=_counts_words(report), file=path)
    )
    if report.blocking:
        raise InvalidInputError(tr("the corrected annotation still has a blocking finding"), path)
    return path


#: Who confirms what software cannot check, in the demo: named for what it is.
DEMO_CHECKER = "demo annotator (confirms mechanically)"


def _demo_confirmations() -> Any:
    """The self-check checklist (R-ANN-2/3/7/9), every item confirmed by the demo's annotator."""
    from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST, Confirmations

    return Confirmations(checklist=frozenset(CHECKLIST), confirmed_by=DEMO_CHECKER)


def _record_review_of_sequences(case: Any, version: int) -> None:
    """R-ANN-1: the wizard's record that all sequences were reviewed, kept beside ``version``.

    The demo's labels are machine-made, not drawn in the wizard, so the demo writes the
    wizard's session record itself, with its mechanical annotator as the one who confirmed.
    """
    from CNSTumorAnnotationLib.wizard import session

    record = session.new_record(str(case.case_id), DEMO_CHECKER, version, list(case.schema.keys))
    before = {"step": record["step"], "region": None}
    record["confirmations"]["review_sequences"] = {"by": DEMO_CHECKER, "at": session.now()}
    record["step"], record["saved_version"] = "done", version
    session.add_event(record, "confirm_review", DEMO_CHECKER, before, {"rule": "R-ANN-1"})
    session.archive_record(case.root, record, version)


def _counts_words(report: Any) -> str:
    """The self-check's verdict and finding counts, for people."""
    counts = _finding_counts(report)["findings"]
    words = {
        "errors": counts.get("error", 0),
        "warnings": counts.get("warning", 0),
        "notes": counts.get("info", 0),
    }
    if report.blocking:
        return tr("blocking; {errors} error(s), {warnings} warning(s), {notes} note(s)", **words)
    return tr("not blocking; {errors} error(s), {warnings} warning(s), {notes} note(s)", **words)


def _finding_counts(report: Any) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
    return {"blocking": bool(report.blocking), "findings": counts}


def correct_findings(case: Any, report: Any, runtime: MRMLRuntime) -> Any:
    """What an annotator does with a self-check report, done mechanically for the demo.

    The same correction ``cnstumor correct --fill-skipped-slices --remove-specks`` applies: a
    skipped interior slice (R-ANN-9) is filled from the lesion's neighbouring slices; specks
    (R-ANN-7) are removed. Saved as a NEW version whose parent is the checked one (nothing is
    overwritten), recorded as a machine-made correction.
    """
    from CNSTumorAnnotationLib.selfcheck.corrections import Correction, correct_version
    from CNSTumorAnnotationLib.selfcheck.params import SelfCheckParameters

    params = SelfCheckParameters()
    correction = Correction(
        fill_skipped=True,
        remove_below_voxels=params.speck_max_voxels,
        remove_below_mm3=params.speck_max_mm3,
    )
    return correct_version(
        case,
        correction,
        "demo annotator (mechanical correction of the self-check findings)",
        version=int(report.to_dict()["annotation_version"]),
        params=params,
        runtime=runtime,
        machine_made=True,
    )


def _review(
    case: Any,
    selfcheck_file: Path,
    out: Path,
    steps: _Steps,
    summary: dict[str, Any],
    qc_report: Path,
) -> None:
    from CNSTumorAnnotationLib.project.review_demo import DEMO_REVIEWER, run_review_demo
    from CNSTumorAnnotationLib.web.i18n import state_label

    started = steps.start(tr("Review in an annotation project (R-PPL-1..4, R-FLOW-1)"))
    review = run_review_demo(out / "05_project", case.root, selfcheck_file, qc_report=qc_report)
    summary["review"] = review
    if review.get("state") != "approved":
        raise InvalidInputError(
            tr("the review did not approve the case: {review}", review=review), out / "05_project"
        )
    # The project database records the approval and mirrors it into the case folder's version
    # (project/folder_approval.py); a version saved without a source folder is approved here.
    from CNSTumorAnnotationLib.case.folder import approve_version, latest_version, load_case
    from CNSTumorAnnotationLib.people import Person, Role, Title

    reviewer = Person(DEMO_REVIEWER, "Dr Wang", Role.REVIEWER, 15, Title.ASSOCIATE_CHIEF)
    case.annotations = load_case(case.root).annotations
    latest = latest_version(case)
    if latest is not None and not latest.approved:
        approve_version(case, latest.version, DEMO_REVIEWER, people={DEMO_REVIEWER: reviewer})
    steps.done(
        "review",
        started,
        tr(
            "case state {state}; status page {page}",
            state=state_label(str(review.get("state")), language()),
            page=review.get("status_html"),
        ),
    )


def _export(
    case: Any, out: Path, steps: _Steps, summary: dict[str, Any], runtime: MRMLRuntime
) -> None:
    from CNSTumorAnnotationLib.export.case_export import export_case

    started = steps.start(tr("Export: NIfTI, .seg.nrrd, DICOM SEG, BraTS, nnU-Net (R-FMT-1..3)"))
    from CNSTumorAnnotationLib.export.context import ExportOptions

    options = ExportOptions(approved_only=True)
    result = export_case(case.root, out / "06_export", "all", options=options, runtime=runtime)
    files = result.files()
    summary["exports"] = [str(path) for path in files]
    summary["export_manifest"] = str(result.manifest_path)
    steps.done(
        "export",
        started,
        tr("{count} files, manifest {manifest}", count=len(files), manifest=result.manifest_path),
    )


def _agreement(out: Path, steps: _Steps, summary: dict[str, Any]) -> None:
    from CNSTumorAnnotationLib.agreement.bundled import bundled_case_agreement

    started = steps.start(tr("Agreement between the five bundled algorithm label maps"))
    target = out / "07_agreement"
    bundled_case_agreement(sample_data_dir(), target)
    summary["agreement"] = {
        "json": str(target / "agreement.json"),
        "html": str(target / "agreement.html"),
    }
    steps.done("agreement", started, tr("report {file}", file=target / "agreement.html"))


if __name__ == "__main__":
    sys.exit(run(argparse.Namespace(out="demo-output", keep=False)))
