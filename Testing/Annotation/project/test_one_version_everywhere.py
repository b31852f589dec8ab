"""One version number for one annotation: status page, manifest and case folder agree.

A case-folder version saved into a project has two numbers (the case folder's ``v0002`` and the
project's record 1). After the reviewer approves it, the case folder's ``version.json``, the status
page (JSON and HTML, opened in a real browser) and the export manifest (with and without
``--project``) must name the same version, the same reviewer and the same time.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
import SimpleITK as sitk
from _case_helpers import confirmed_qc_report, wizard_version
from _project_helpers import brats_phantom

from CNSTumorAnnotationLib.case.folder import load_case
from CNSTumorAnnotationLib.cli.app import main

sys.path.insert(0, str(Path(__file__).parents[2] / "Reports"))
from _browser import headless_chromium, open_report  # noqa: E402

pytestmark = pytest.mark.mrml


def _ok(*args: str | Path) -> None:
    assert main([str(a) for a in args]) == 0, args


def _batch(directory: Path) -> Path:
    cases = []
    for index, radius in enumerate((8.0, 12.0, 16.0), start=1):
        labels = {}
        for team in ("A", "B"):
            path = directory / f"cal-{index}_{team}.nii.gz"
            sitk.WriteImage(brats_phantom(radius), str(path))
            labels[team] = path.name
        cases.append({"case": f"cal-{index}", "labels": labels, "grades": {"A": 3, "B": 3}})
    batch = directory / "batch.json"
    batch.write_text(json.dumps({"teams": {"A": ["li"], "B": ["wang"]}, "cases": cases}))
    return batch


@pytest.mark.slow
def test_the_approved_version_is_the_same_on_every_page(
    small_annotated_case: Any,
    mrml_runtime: Any,
    tmp_path: Path,
    capsys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_dir = small_annotated_case.root
    # the annotator's wizard session: all sequences reviewed (R-ANN-1), self-check, checklist
    assert wizard_version(small_annotated_case, mrml_runtime, "li").version == 2
    proj = tmp_path / "proj"
    passwords = {}
    for person in ("admin", "li", "wang"):
        passwords[person] = tmp_path / f"{person}.pw"
        passwords[person].write_text(f"{person}-pass-phrase\n")

    def signed(person: str) -> tuple[str | Path, ...]:
        return ("--actor", person, "--password-file", passwords[person])

    _ok("project", "init", proj, "--admin-name", "Admin", "--licence", "S-1", "--password-file",
        passwords["admin"])  # fmt: skip
    for pid, name, role, years, title in (
        ("li", "Dr Li", "annotator", "6", "attending"),
        ("wang", "Dr Wang", "reviewer", "15", "chief physician"),
    ):
        _ok("project", "person", "add", proj, "--id", pid, "--name", name, "--role", role,
            "--years", years, "--title", title, "--licence", f"MD-{pid}",
            "--new-password-file", passwords[pid], *signed("admin"))  # fmt: skip
    _ok("project", "dataset", "add", proj, "--id", "ds", "--ethics-ref", "IRB-1", "--ethics-date",
        "2026-01-10", "--deidentified", *signed("admin"))  # fmt: skip
    _ok("project", "case", "register", proj, "--case", "c1", "--dataset", "ds", "--patient", "P1",
        "--no-dicom", *signed("admin"))  # fmt: skip
    _ok("project", "case", "step", proj, "--case", "c1", "--action", "deidentify", *signed("admin"))
    _ok("project", "case", "step", proj, "--case", "c1", "--action", "pass_qc", "--qc-report",
        confirmed_qc_report(tmp_path / "qc_study"), *signed("admin"))  # fmt: skip
    _ok("project", "agreement", proj, "--batch", _batch(tmp_path), "--certify", *signed("admin"))
    _ok("project", "assign", proj, "--case", "c1", "--to", "li", *signed("admin"))
    _ok("project", "case", "step", proj, "--case", "c1", "--action", "start", *signed("li"))
    _ok("project", "save", proj, "--case", "c1", "--case-folder", case_dir, *signed("li"))
    _ok("project", "selfcheck", proj, "--case", "c1", "--findings",
        case_dir / "selfcheck.json", *signed("li"))  # fmt: skip
    _ok("project", "submit", proj, "--case", "c1", *signed("li"))
    _ok("project", "review", proj, "--case", "c1", "--approve", *signed("wang"))
    monkeypatch.setenv("CNSTUMOR_PASSWORD", "wang-pass-phrase")  # the export below is wang's
    with sqlite3.connect(proj / "project.sqlite") as conn:
        reviewed_at = conn.execute("SELECT reviewed_at FROM reviews").fetchone()[0]

    record = json.loads((load_case(case_dir).annotations[-1].folder / "version.json").read_text())
    assert (record["version"], record["approved"]) == (2, True)
    assert (record["approved_by"], record["approved_at"]) == ("wang", reviewed_at)

    capsys.readouterr()
    _ok("project", "status", proj, "--json", "--html", proj / "status.html")
    (row,) = json.loads(capsys.readouterr().out)["cases"]
    assert (row["case_folder_version"], row["version"], row["state"]) == (2, 1, "approved")
    assert row["last_review"]["reviewer"] == "wang"
    with headless_chromium(tmp_path / "profile") as browser:
        page = open_report(browser, proj / "status.html").text()
    assert "v2 (project record 1)" in page

    project_export = ("--project", proj, "--actor", "wang")  # audited in the project (R-FLOW-1)
    for extra, source in (((), "case folder version.json"), (project_export, "review store")):
        out = tmp_path / f"export{len(extra)}"
        _ok("export", case_dir, "--out", out, "--format", "nifti", "--approved-only", *extra)
        manifest = json.loads(next(out.rglob("manifest.json")).read_text())
        annotation = manifest["annotation"]
        assert annotation["version"] == 2
        assert annotation["approval"]["reviewer"] == "wang"
        assert annotation["approval"]["approved_at"] == reviewed_at
        assert annotation["approval"]["source"].startswith(source)
