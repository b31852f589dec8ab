"""De-identify a DICOM folder into a new folder (R-DATA-1), with a post-check.

``deidentify_folder(IN, OUT, KEY)`` reads every file under IN (never writes there), and for each
DICOM object:

1. quarantines it (a finding; a copy to ``quarantine_dir`` outside OUT when given) when it may
   carry identity in its pixels: BurnedInAnnotation = YES, a secondary capture, a screen save,
   or any non-image object (reports, documents, raw data);
2. lists the identifying strings of its header (``deid_check.identifying_values``);
3. de-identifies a copy (``deid_dataset``: Annex E basic profile through dicom-anonymizer's
   table, deterministic UIDs, pseudonym, date shift, markers);
4. writes it as ``OUT/<pseudonym>/<study UID>/<series UID>/<SOP UID>.dcm``; the whole copy is
   built in a staging folder beside OUT and renamed to OUT at the end (atomic as a whole: an
   interrupted run leaves no half copy, and no per-file fsync slows large folders);
5. re-reads the written file and proves that no identifying string occurs in its bytes or path
   and that the pixel data and geometry equal the input's; a file that fails is deleted again
   and reported as an error (withheld, never released).

Findings name the input file by its path relative to IN; in ``OUT/deid_report.json`` that path
becomes an opaque token (``in-xxxxxxxxxxxx``), because input paths may carry names or UIDs, and
the key file (outside OUT) maps tokens back to paths. ``OUT/deid_report.json``
holds the findings, counts, mapping statistics, policy and provenance, and is itself searched.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pydicom
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError

from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.deid.check import find_leaks, identifying_values, pixel_and_geometry, pixel_bytes
from CNSTumorQCLib.deid.dataset import DatasetDeidentifier
from CNSTumorQCLib.deid.keys import KeyStore
from CNSTumorQCLib.deid.paths import check_locations
from CNSTumorQCLib.deid.policy import DeidPolicy
from CNSTumorQCLib.deid.screen import MEDIA_DIRECTORY, quarantine_reason, truncated_pixels
from CNSTumorQCLib.dicom.compat import save_file_format
from CNSTumorQCLib.dicom.index import looks_like_dicom_name
from CNSTumorQCLib.errors import WorkflowError
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.i18n import N_, language, set_language, tr, using_language
from CNSTumorQCLib.paths import safe_component
from CNSTumorQCLib.provenance import provenance

RULE = "R-DATA-1"
REPORT_NAME = "deid_report.json"


@dataclass
class DeidReport:
    """The outcome of one run: findings, counts, mapping statistics and provenance."""

    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    mapping: dict[str, int] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # input path -> token (for OUT)

    def count(self, name: str, by: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + by

    def add(self, severity: Severity, message: str, relative_path: str, **details: Any) -> None:
        """A finding naming the input file by its path relative to IN."""
        self.findings.append(
            Finding(RULE, severity, message, files=(relative_path,), details=details)
        )

    def _redacted(self, finding: Finding) -> dict[str, Any]:
        data = finding.to_dict()
        data["files"] = [self.tokens.get(name, name) for name in finding.files]
        return data

    def to_dict(self) -> dict[str, Any]:
        """The JSON written into OUT: no input path, no original value."""
        return {
            "findings": [self._redacted(finding) for finding in self.findings],
            "counts": dict(sorted(self.counts.items())),
            "mapping": self.mapping,
            "outputs": self.outputs,
            "provenance": self.provenance,
        }


def deidentify_folder(
    in_dir: Path,
    out_dir: Path,
    key_file: Path,
    *,
    secret: str | None = None,
    policy: DeidPolicy | None = None,
    quarantine_dir: Path | None = None,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> DeidReport:
    """De-identify every DICOM object under ``in_dir`` into ``out_dir``; see the module docstring.

    ``workers`` > 1 processes files in that many processes; ``progress(done, total)`` is called
    as files are done (for a progress bar).
    """
    policy = policy or DeidPolicy()
    in_dir, out_dir, key_file = Path(in_dir), Path(out_dir), Path(key_file)
    check_locations(in_dir, out_dir, key_file, quarantine_dir)
    keys = KeyStore.open(key_file, secret, policy)
    staging = out_dir.parent / f".{out_dir.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        report = _run_into(
            staging, in_dir, policy, keys, quarantine_dir, key_file, workers, progress
        )
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if out_dir.exists():
        out_dir.rmdir()  # checked empty above
    os.replace(staging, out_dir)
    return report


def _run_into(
    staging: Path,
    in_dir: Path,
    policy: DeidPolicy,
    keys: KeyStore,
    quarantine_dir: Path | None,
    key_file: Path,
    workers: int,
    progress: Callable[[int, int], None] | None,
) -> DeidReport:
    """Process every input file into ``staging``; write the report and the key file.

    With ``workers > 1`` the files are split into contiguous chunks processed in separate
    processes; every mapping derives from the secret, so the result is the same as one process.
    """
    paths = sorted(p for p in in_dir.rglob("*") if p.is_file())
    size = max(1, min(64, -(-len(paths) // max(1, workers * 4))))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    jobs = [(in_dir, staging, policy, keys, quarantine_dir, chunk) for chunk in chunks]
    if workers > 1 and len(chunks) > 1:
        # the workers write their findings in the language of this process (``--lang``)
        with ProcessPoolExecutor(
            max_workers=workers, initializer=set_language, initargs=(language(),)
        ) as pool:
            results = list(_with_progress(pool.map(_process_chunk, jobs), chunks, progress))
    else:
        results = list(_with_progress(map(_process_chunk, jobs), chunks, progress))
    run = _Run(in_dir, staging, policy, keys, quarantine_dir)
    report = run.report
    for part, uids, patients, inputs, seen in results:
        report.findings += part.findings
        report.outputs += part.outputs
        report.tokens.update(part.tokens)
        for name, value in part.counts.items():
            report.count(name, value)
        keys.uids.update(uids)
        keys.patients.update(patients)
        keys.inputs.update(inputs)
        run.all_identifying |= seen
    report.mapping = {
        "patients": len({record.pseudonym for record in keys.patients.values()}),
        "uids_remapped": len(keys.uids),
    }
    report.provenance = provenance(
        "deidentify",
        rule_tables={"deid_policy": policy.version, "annex_e": policy.annex_e_edition},
        parameters={
            "policy": policy.as_dict(),
            "dicom-anonymizer": _library_version("dicom-anonymizer"),
        },
    )
    _write_report(staging, report, run)
    keys.save(key_file, report.provenance)
    return report


_ChunkResult = tuple[DeidReport, dict[str, str], dict[str, Any], dict[str, str], set[str]]


def _process_chunk(
    job: tuple[Path, Path, DeidPolicy, KeyStore, Path | None, list[Path]],
) -> _ChunkResult:
    """Process a list of files (in this process or a worker) and return what it produced."""
    in_dir, staging, policy, keys, quarantine_dir, paths = job
    run = _Run(in_dir, staging, policy, keys, quarantine_dir)
    for path in paths:
        run.process(path)
    return run.report, keys.uids, keys.patients, keys.inputs, run.all_identifying


def _with_progress(
    results: Iterator[_ChunkResult],
    chunks: list[list[Path]],
    progress: Callable[[int, int], None] | None,
) -> Iterator[_ChunkResult]:
    total, done = sum(len(chunk) for chunk in chunks), 0
    for chunk, result in zip(chunks, results, strict=True):
        done += len(chunk)
        if progress is not None:
            progress(done, total)
        yield result


class _Run:
    """The state of one folder run: the de-identifier, the report, the outputs written."""

    def __init__(
        self,
        in_dir: Path,
        out_dir: Path,
        policy: DeidPolicy,
        keys: KeyStore,
        quarantine: Path | None,
    ) -> None:
        self.in_dir, self.out_dir, self.policy, self.keys = in_dir, out_dir, policy, keys
        self.quarantine = quarantine
        self.deidentifier = DatasetDeidentifier(policy, keys)
        self.report = DeidReport()
        self.all_identifying: set[str] = set()

    def process(self, path: Path) -> None:
        relative = path.relative_to(self.in_dir).as_posix()
        self.report.tokens[relative] = self.keys.input_token(relative)
        self.report.count("files_seen")
        try:
            data = path.read_bytes()
            original = pydicom.dcmread(io.BytesIO(data))
            working = pydicom.dcmread(io.BytesIO(data))
            _ = original.get("PixelData")  # force the pixel read: a truncated file fails here
        except InvalidDicomError:
            self.report.count("not_dicom")
            if looks_like_dicom_name(relative):  # a broken image of the study
                self.report.add(
                    Severity.WARNING,
                    tr("named like a DICOM image but not readable as DICOM: not copied"),
                    relative,
                )
            else:
                self.report.add(Severity.INFO, tr("not a DICOM file: not copied"), relative)
            return
        except Exception as error:  # noqa: BLE001 - any unreadable file is a finding, not a crash
            self.report.count("unreadable")
            self.report.add(
                Severity.ERROR,
                tr("cannot be read ({problem}): not copied", problem=type(error).__name__),
                relative,
            )
            return
        if str(original.get("SOPClassUID", "")) == MEDIA_DIRECTORY:
            self.report.count("dicomdir_skipped")
            self.report.add(
                Severity.INFO, tr("DICOMDIR skipped: it indexes the original files"), relative
            )
            return
        truncated = truncated_pixels(original)
        if truncated is not None:
            self.report.count("unreadable")
            self.report.add(
                Severity.ERROR, tr("{problem}: not copied", problem=truncated), relative
            )
            return
        reason = quarantine_reason(original)
        if reason is not None:
            with using_language("en"):  # the details are machine-readable: always English
                recorded = quarantine_reason(original) or reason
            self._quarantine(path, relative, reason, recorded)
            return
        try:
            self._deidentify(original, working, relative)
        except Exception as error:  # noqa: BLE001 - a malformed header is a finding, not a crash
            self.report.count("failed")
            self.report.add(
                Severity.ERROR,
                tr("cannot be de-identified ({problem}): not copied", problem=type(error).__name__),
                relative,
            )

    def _deidentify(self, original: Dataset, working: Dataset, source: str) -> None:
        values = identifying_values(original, self.deidentifier, self.policy)
        outcome = self.deidentifier.deidentify(working, _identity(original), values.guard_words)
        values.forget(set(outcome.retained_descriptors.values()))
        self.all_identifying.update(values.searchable)
        self.report.count("identifying_strings_searched", len(values.searchable))
        self.report.count("identifying_strings_too_short", values.too_short)
        parts = (
            safe_component(outcome.patient.pseudonym, N_("pseudonym")),
            safe_component(working.StudyInstanceUID, "StudyInstanceUID"),
            safe_component(working.SeriesInstanceUID, "SeriesInstanceUID"),
            safe_component(f"{working.SOPInstanceUID}.dcm", "SOPInstanceUID"),
        )
        relative = "/".join(parts)
        target = self.out_dir / relative
        if target.exists():
            self.report.count("duplicates")
            self.report.add(
                Severity.INFO, tr("duplicate SOP instance: the first copy was kept"), source
            )
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        save_file_format(working, partial)  # the folder is renamed as a whole
        os.replace(partial, target)
        try:
            problem = self._post_check(target, relative, values, original)
        except Exception:
            target.unlink()  # never release a file the post-check could not finish
            raise
        if problem is not None:
            target.unlink()
            self.report.count("withheld")
            self.report.add(
                Severity.ERROR, tr("withheld by the post-check: {problem}", problem=problem), source
            )
            return
        self.report.count("written")
        self.report.outputs.append(relative)

    def _post_check(
        self, target: Path, relative: str, values: Any, original: Dataset
    ) -> str | None:
        data = target.read_bytes()
        written = pydicom.dcmread(io.BytesIO(data))
        leaks = find_leaks(data, relative, values, pixel_bytes(written))
        if leaks:
            return tr(
                "identifying text from {sources} remains in the output", sources=", ".join(leaks)
            )
        if pixel_and_geometry(written) != pixel_and_geometry(original):
            return tr("pixel data or geometry differ from the input")
        return None

    def _quarantine(self, path: Path, relative: str, reason: str, recorded: str) -> None:
        self.report.count("quarantined")
        destination = None
        if self.quarantine is not None:
            destination = self.quarantine / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
        message = (
            tr("quarantined ({reason}): copied to the quarantine folder", reason=reason)
            if destination
            else tr("quarantined ({reason}): excluded", reason=reason)
        )
        self.report.add(Severity.WARNING, message, relative, reason=recorded)


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"  # provenance: machine-readable


def _identity(ds: Dataset) -> str:
    """The string that defines a patient: PatientID (+ issuer), else name and birth date."""
    patient_id = str(ds.get("PatientID", "") or "").strip()
    if patient_id:
        return f"id|{patient_id}|{str(ds.get('IssuerOfPatientID', '') or '').strip()}"
    name = str(ds.get("PatientName", "") or "").strip()
    birth = str(ds.get("PatientBirthDate", "") or "").strip()
    if name or birth:
        return f"name|{name}|{birth}"
    return f"study|{ds.get('StudyInstanceUID', '')}"


def _write_report(out_dir: Path, report: DeidReport, run: _Run) -> None:
    """Write ``OUT/deid_report.json``, then search it like any output."""
    path = out_dir / REPORT_NAME
    write_json_atomic(path, report.to_dict())
    data = path.read_bytes()
    leaked = [v for v in run.all_identifying if len(v) >= 8 and v.encode("utf-8") in data]
    if leaked:
        os.remove(path)
        raise WorkflowError(
            tr("the de-identification report would carry identifying text; removed"), path
        )
