"""The project status page and the workflow's refusals in Chinese and English (R-FLOW-1, R-PPL-3).

A real project (``_project_helpers``: SQLite, people qualified by the consensus rules) holds an
approved, a submitted and a returned case; the page is written from it in each language. In
Chinese every word a person reads is Chinese (headings, table headers, states, audit actions,
the chart), the numbers are those of the English page, and the English page is what it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from _page_language import CJK, Page
from _project_helpers import (
    ANNOTATOR,
    REVIEWER,
    case_in_progress,
    case_submitted,
    new_project,
)

from CNSTumorAnnotationLib.i18n import using_language
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.status import verify_project
from CNSTumorAnnotationLib.project.status_html import status_html
from CNSTumorAnnotationLib.project.workflow import ReviewComment
from CNSTumorQCLib.errors import WorkflowError

#: The reviewer's own words: data, shown as written whatever the page's language.
COMMENT = "enhancing rim misses the medial margin"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    tmp = tmp_path_factory.mktemp("status")
    with new_project(tmp / "proj") as opened:
        for case_id in ("case-1", "case-2", "case-3"):
            case_submitted(opened, tmp / case_id, case_id)
        workflow.review(opened, "case-1", reviewer=REVIEWER, decision="approve")
        comment = ReviewComment(COMMENT, region="enhancing", slice_index=74)
        workflow.review(opened, "case-3", reviewer=REVIEWER, decision="return", comments=[comment])
        case_in_progress(opened, "case-4")
        yield opened


@pytest.fixture(scope="module")
def pages(project: Project) -> dict[str, str]:
    with using_language("en"):
        english = status_html(project)
    with using_language("zh"):
        chinese = status_html(project)
    return {"en": english, "zh": chinese}


@pytest.mark.slow
def test_R_FLOW_1_the_status_page_in_chinese_has_every_word_in_chinese(
    pages: dict[str, str],
) -> None:
    page = Page(pages["zh"])
    assert page.lang == "zh-CN"
    assert page.title == "标注项目 proj"
    assert page.texts("h1", "h2") == [
        "标注项目 proj",
        "待审核队列（1）",
        "全部病例",
        "最近的审计记录",
    ]
    headers = page.texts("th")
    assert headers[:6] == ["病例", "患者", "版本", "作者", "保存时间", "自检"]  # the review queue
    assert headers[6:13] == ["病例", "阶段", "状态", "被分配者", "版本", "最近审核", "审核意见"]
    assert headers[13:] == ["#", "时间（UTC）", "操作者", "操作", "病例", "版本"]
    verdict = re.search(r"<p class='verdict ok'>(.*?)</p>", pages["zh"])
    assert (
        verdict and verdict.group(1).startswith("审计日志完整：") and "R-FLOW-1" in verdict.group(1)
    )
    rows = page.texts("td")
    for state in ("已通过", "已提交", "已退回", "标注中"):  # the case states, as people read them
        assert state in rows
    for action in ("通过", "退回", "提交", "自检", "保存版本", "登记病例"):  # the audit actions
        assert action in rows
    assert f"{REVIEWER} 退回" in rows and f"v1 enhancing@74 {COMMENT}" in rows
    # the chart: its title, axis and the state names, drawn in Chinese
    assert "各流程状态的病例数（R-FLOW-1）" in page.figure_texts
    assert {"病例数", "已通过", "已退回", "质控通过"} <= set(page.figure_texts)
    assert not page.english_left(data=[COMMENT])


def test_the_chinese_status_page_shows_the_numbers_of_the_english_one(
    pages: dict[str, str],
) -> None:
    english, chinese = Page(pages["en"]), Page(pages["zh"])
    assert sorted(chinese.numbers()) == sorted(english.numbers())
    assert len(english.numbers()) > 100  # times, sequence numbers, versions of every entry


def test_the_english_status_page_keeps_its_words(pages: dict[str, str]) -> None:
    page = Page(pages["en"])
    assert page.lang == "en" and not CJK.search(pages["en"])
    assert page.texts("h1", "h2") == [
        "Annotation project proj",
        "Review queue (1)",
        "All cases",
        "Latest audit entries",
    ]
    rows = page.texts("td")
    assert {"approved", "submitted", "returned", "in_progress", "save_version"} <= set(rows)
    assert f"approve by {REVIEWER}" in rows and f"return by {REVIEWER}" in rows
    assert "Cases per lifecycle state (R-FLOW-1)" in page.figure_texts


def test_R_FLOW_1_a_refused_step_says_why_in_chinese(project: Project) -> None:
    """The workflow's refusals are sentences for people: in the language chosen."""
    with using_language("zh"), pytest.raises(WorkflowError) as wrong_person:
        workflow.submit(project, "case-4", actor=REVIEWER)
    assert str(wrong_person.value) == (
        f"R-FLOW-1：只有被分配者（{ANNOTATOR}）可以提交病例 case-4；{REVIEWER} 不可以"
    )
    with using_language("zh"), pytest.raises(WorkflowError) as no_check:
        workflow.submit(project, "case-4", actor=ANNOTATOR)
    assert str(no_check.value).startswith("R-ANN-9：病例 case-4 不能提交：没有已保存的版本")
    with using_language("zh"), pytest.raises(WorkflowError) as closed:
        workflow.review(project, "case-1", reviewer=REVIEWER, decision="approve")
    assert str(closed.value).startswith(
        "R-FLOW-1：病例 case-1 的状态为已通过，此状态下不允许 'approve'"
    )
    with using_language("en"), pytest.raises(WorkflowError) as english:
        workflow.submit(project, "case-4", actor=REVIEWER)
    assert str(english.value) == (
        f"R-FLOW-1: only the assignee ({ANNOTATOR}) may submit case case-4; {REVIEWER} may not"
    )


def test_R_FLOW_1_verify_reports_in_chinese(project: Project) -> None:
    with using_language("zh"):
        lines = verify_project(project.directory).lines()
    assert lines[0].startswith("审计日志完整：") and lines[1:] == [
        "记录：每个病例的状态和版本都有审计日志支持",
        "数据库：完整性正常",
        "文件：所有校验和一致",
    ]
