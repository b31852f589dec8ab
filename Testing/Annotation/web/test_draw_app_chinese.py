"""The drawing worker speaks its signed-in person's language (the self-check and the checklist).

A real trame-slicer drawing app (``DrawApp``, the worker ``cnstumor serve`` starts per person and
case) on the web demo project, whose bundled real case has no drawing yet: the annotator reads
Chinese (stored in the project), reviews the sequences (R-ANN-1) and runs the self-check. The
findings (R-ANN-4: the required regions are empty), the verdict and the checklist reach the page
in Chinese with their rule IDs and keys unchanged; the process's own language stays English.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _page_language import CJK, ENGLISH_RUN

pytest.importorskip("trame_slicer")

from _web_helpers import PASSWORDS  # noqa: E402
from trame.app import get_server  # noqa: E402

from CNSTumorAnnotationLib.i18n import language  # noqa: E402
from CNSTumorAnnotationLib.project.annotation_project import Project  # noqa: E402
from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST  # noqa: E402
from CNSTumorAnnotationLib.web.demo_project import ANNOTATOR, CASE_ID, build_demo_project  # noqa: E402
from CNSTumorAnnotationLib.web.draw_app import DrawApp  # noqa: E402
from CNSTumorAnnotationLib.wizard.machine import NO_ENHANCEMENT  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.mrml]


def test_a_chinese_annotator_reads_the_self_check_and_checklist_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CNSTUMOR_LANG", raising=False)
    project_dir = tmp_path / "proj"
    build_demo_project(project_dir, passwords=PASSWORDS, register=False)
    with Project.open(project_dir) as project:
        project.set_language(ANNOTATOR, "zh", actor=ANNOTATOR)
    app: Any = DrawApp(
        get_server("draw-app-chinese", client_type="vue3"), project_dir, CASE_ID, ANNOTATOR, False
    )
    app.confirm_review()
    app.self_check()
    state = app.server.state

    assert state.message == "自检阻断（R-ANN-9）"
    errors = [f for f in state.findings if f["severity"] == "error"]
    assert {(f["rule"], f["region"]) for f in errors} == {
        ("R-ANN-4", "whole_tumor"),
        ("R-ANN-4", "enhancing"),
    }
    for finding in state.findings:
        assert CJK.search(finding["message"]) and not ENGLISH_RUN.search(finding["message"])
    assert [item["key"] for item in state.checklist] == [*CHECKLIST, NO_ENHANCEMENT]
    assert [item["rule"] for item in state.checklist] == [
        *(rule for rule, _text in CHECKLIST.values()),
        "R-ANN-4",
    ]
    assert all(CJK.search(item["text"]) for item in state.checklist)
    assert language() == "en"  # the person's language was theirs only
