"""Server-side checks of the browser door without a browser: queues, case ids, sessions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _project_helpers import ADMIN, ANNOTATOR, REVIEWER, case_submitted, new_project

from CNSTumorAnnotationLib.people import NotPermittedError
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.web import access
from CNSTumorAnnotationLib.web.sessions import SessionStore
from CNSTumorQCLib.errors import InvalidInputError


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with new_project(tmp_path / "proj") as opened:
        yield opened


@pytest.mark.parametrize(
    "case_id", ["../etc", "..", "a/b", "/etc/passwd", "c..", "", ".hidden", "a\\b", "x" * 200]
)
def test_R_FLOW_1_a_path_like_case_id_never_reaches_the_file_system(case_id: str) -> None:
    with pytest.raises(InvalidInputError, match="is not a case id"):
        access.check_case_id(case_id)


@pytest.mark.slow
def test_R_FLOW_1_each_role_sees_its_own_queue(project: Project, tmp_path: Path) -> None:
    case_submitted(project, tmp_path)
    project.register_case("other", dataset_id="tcga", patient="P2", actor=ADMIN)
    annotator, reviewer, admin = (project.person(p) for p in (ANNOTATOR, REVIEWER, ADMIN))
    assert [c.id for c in access.visible_cases(project, annotator)] == ["case-1"]
    assert [c.id for c in access.visible_cases(project, reviewer)] == ["case-1"]
    assert [c.id for c in access.visible_cases(project, admin)] == ["case-1", "other"]
    with pytest.raises(NotPermittedError, match="case other is not in the queue of dr_li"):
        access.open_case(project, annotator, "other")
    with pytest.raises(access.NotFoundError, match="no case 'ghost'"):
        access.open_case(project, annotator, "ghost")
    assert access.case_folder(project, project.case("case-1")).parent.name == "cases"


@pytest.mark.slow
def test_R_PPL_3_a_reviewer_never_sees_a_case_they_annotated(
    project: Project, tmp_path: Path
) -> None:
    case_submitted(project, tmp_path)
    project.conn.execute("DROP TRIGGER annotation_versions_no_update")
    project.conn.execute("UPDATE annotation_versions SET author = ?", (REVIEWER,))
    assert access.visible_cases(project, project.person(REVIEWER)) == []


def test_a_session_expires_when_idle_and_after_its_maximum_age() -> None:
    store = SessionStore(idle=10, maximum=100)
    now = [0.0]
    store.clock = lambda: now[0]
    expired: list[str] = []
    store.on_expire = expired.append  # the front stops the person's drawing workers
    secret = store.create("dr_li")
    now[0] = 9
    assert store.get(secret) is not None and store.get("forged") is None
    now[0] = 20
    assert store.get(secret) is None  # idle 11 s > 10 s
    secret = store.create("dr_li")
    for step in range(1, 12):  # active every 9 s: never idle, 99 s old at the end
        now[0] = 20 + step * 9
        assert store.get(secret) is not None
    now[0] = 20 + 12 * 9
    assert store.get(secret) is None  # 108 s: past the 100 s maximum
    assert expired == ["dr_li", "dr_li"]
    assert store.drop("nothing") is None
