"""``cnstumor --lang zh`` / ``CNSTUMOR_LANG=zh``: the Annotation commands speak Chinese.

Real commands on the bundled case (TCGA-FG-6692) and on a real project: their messages, their
refusals (one line, exit status 2, no traceback), their ``--help`` (argparse's own words
included) are Chinese; machine-readable output (``--json``, stored states) and the English of
the default are unchanged; the language chosen for one command does not outlive it.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _case_helpers import PATIENT, native_volumes
from _project_helpers import ADMIN, PASSWORDS, new_project

from CNSTumorAnnotationLib.cli.app import display_width, main, wrap_wide
from CNSTumorAnnotationLib.project.lifecycle import STATE_NAMES, CaseState
from CNSTumorQCLib import i18n

CJK = re.compile(r"[\u4e00-\u9fff]")
#: an English sentence left in Chinese text: four lower-case words in a row
ENGLISH_SENTENCE = re.compile(r"\b[a-z]{2,}(?: [a-z]{2,}){3,}\b")
COLUMNS = 100


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CNSTUMOR_LANG", raising=False)
    monkeypatch.delenv("CNSTUMOR_PASSWORD", raising=False)
    monkeypatch.delenv("CNSTUMOR_TOKEN", raising=False)
    monkeypatch.setenv("COLUMNS", str(COLUMNS))


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    try:
        status = main([str(a) for a in args])
    except SystemExit as exit_:  # --help, and argparse's own refusals
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.slow
def test_case_import_of_the_bundled_case_speaks_chinese_and_english_is_unchanged(
    tmp_path: Path,
    sample_case: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    volumes = native_volumes(sample_case)
    options = [f"--{seq.value.lower()}={path}" for seq, path in volumes.items()]
    options += ["--patient", PATIENT, "--family", "intra_axial", "--no-registration"]
    status, out, err = run(capsys, "case", "import", tmp_path / "en", *options)
    assert status == 0, err
    assert out.startswith(f"case {PATIENT} (intra_axial) written to {tmp_path / 'en'}")
    assert not CJK.search(out + err)

    status, out, err = run(capsys, "--lang", "zh", "case", "import", tmp_path / "zh", *options)
    assert status == 0, err
    assert out.startswith(f"病例 {PATIENT}（intra_axial）已写入 {tmp_path / 'zh'}"), out
    assert (tmp_path / "zh" / "case.json").is_file()

    # the same refusal, by --lang and by the environment: one Chinese line naming the option
    for lang in (["--lang", "zh"], []):
        if not lang:
            monkeypatch.setenv("CNSTUMOR_LANG", "zh_CN.UTF-8")
        without = [o for o in options if o not in ("--patient", PATIENT)]
        status, out, err = run(capsys, *lang, "case", "import", tmp_path / "x", *without)
        assert status == 2 and "Traceback" not in err
        assert err.splitlines() == [
            "cnstumor case：错误：导入 NIfTI 图像时必须给出 --patient（R-FMT-3 文件命名）"
        ]
        assert not (tmp_path / "x").exists()


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A real project (administrator, annotator, reviewer, dataset) with one imported case."""
    folder = tmp_path / "proj"
    with new_project(folder) as project:
        project.register_case("case-1", dataset_id="tcga", patient="P1", actor=ADMIN)
    for person, password in PASSWORDS.items():
        (tmp_path / f"{person}.pw").write_text(password + "\n", encoding="utf-8")
    (tmp_path / "wrong.pw").write_text("not-the-password\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_project_status_and_steps_speak_chinese_and_json_keeps_the_stored_states(
    project_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = run(capsys, "project", "status", project_dir)
    assert status == 0
    assert out.splitlines()[0] == "proj: imported 1; review queue 0"
    assert re.search(r"case-1 +imported +- +v-", out)

    monkeypatch.setenv("CNSTUMOR_LANG", "zh")
    status, out, _ = run(capsys, "project", "status", project_dir)
    assert status == 0
    assert out.splitlines()[0] == "proj：已导入 1；审核队列 0 例"
    assert re.search(r"case-1 +已导入 +- +v-", out)
    status, out, _ = run(capsys, "project", "status", project_dir, "--json")
    assert json.loads(out)["cases"][0]["state"] == "imported"  # read by programs: unchanged

    admin = ["--actor", ADMIN, "--password-file", project_dir.parent / "admin.pw"]
    step = ["project", "case", "step", project_dir, "--case", "case-1"]
    status, out, err = run(capsys, *step, "--action", "deidentify", *admin)
    assert (status, out, err) == (0, "病例 case-1：已脱敏\n", "")
    monkeypatch.delenv("CNSTUMOR_LANG")
    status, out, _ = run(capsys, *step, "--action", "exclude", "--reason", "motion", *admin)
    assert (status, out) == (0, "case case-1: excluded\n")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("what", "args", "named"),
    [
        (
            "wrong password",
            ["dataset", "add", "{dir}", "--id", "d2", "--actor", "admin"],
            "admin",
        ),
        (
            "unknown case",
            ["case", "step", "{dir}", "--case", "no-such-case", "--action", "start"],
            "no-such-case",
        ),
        (
            "path-like case id",
            ["case", "register", "{dir}", "--case", "../outside", "--dataset", "tcga"]
            + ["--patient", "P2", "--no-dicom"],
            "../outside",
        ),
    ],
)
def test_a_refused_project_action_is_one_chinese_line_naming_the_thing(
    project_dir: Path,
    capsys: pytest.CaptureFixture[str],
    what: str,
    args: list[str],
    named: str,
) -> None:
    folder = project_dir.parent
    password = folder / ("wrong.pw" if what == "wrong password" else "admin.pw")
    command = [a.replace("{dir}", str(project_dir)) for a in args]
    if "--actor" not in command:
        command += ["--actor", ADMIN]
    command += ["--password-file", str(password)]
    english = run(capsys, "project", *command)
    chinese = run(capsys, "--lang", "zh", "project", *command)
    assert english[0] == chinese[0] == 2
    assert english[2].startswith("cnstumor project: error: ") and not CJK.search(english[2])
    (line,) = chinese[2].splitlines()
    assert line.startswith("cnstumor project：错误：") and named in line, line
    assert "Traceback" not in chinese[2] and chinese[1] == ""
    assert not (folder / "outside").exists()


#: the Annotation sub-commands, each with its help checked in Chinese
COMMANDS = [
    ["case"],
    ["case", "import"],
    ["case", "labels"],
    ["case", "approve"],
    ["case", "index"],
    ["selfcheck"],
    ["correct"],
    ["project"],
    ["project", "init"],
    ["project", "copy"],
    ["project", "verify"],
    ["project", "person", "add"],
    ["project", "person", "role"],
    ["project", "person", "password"],
    ["project", "token", "create"],
    ["project", "token", "revoke"],
    ["project", "dataset", "add"],
    ["project", "case", "register"],
    ["project", "case", "step"],
    ["project", "assign"],
    ["project", "save"],
    ["project", "selfcheck"],
    ["project", "submit"],
    ["project", "review"],
    ["project", "status"],
    ["project", "agreement"],
    ["export"],
    ["agreement-maps"],
    ["hmi"],
    ["hmi", "gold"],
    ["hmi", "preannotate"],
    ["hmi", "rank"],
    ["hmi", "round"],
    ["hmi", "status"],
    ["serve"],
]


def _help_text_without_code(text: str) -> str:
    """The help's words for people: options, metavars, choices and usage lines left out."""
    text = re.sub(r"^用法：.*?\n\n", "", text, flags=re.S)  # the usage synopsis
    text = re.sub(r"\{[^}]*\}", " ", text)  # {choice,...} and JSON examples
    return re.sub(r"--?[\w-]+|\b[A-Z][A-Z0-9_]+\b", " ", text)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_the_help_of_each_command_is_chinese_with_argparse_s_own_words(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--lang", "zh", *command, "--help")
    assert status == 0
    assert out.startswith("用法：cnstumor ") and "选项" in out and "显示本帮助信息并退出" in out
    described = [line for line in out.splitlines()[1:] if line.strip() and CJK.search(line)]
    assert len(described) >= 2, out
    left = ENGLISH_SENTENCE.findall(_help_text_without_code(out))
    assert not left, left
    assert max(display_width(line) for line in described) <= COLUMNS, out  # wrapped by width

    status, english, _ = run(capsys, *command, "--help")
    assert status == 0 and english.startswith("usage: cnstumor ") and "options:" in english
    assert not CJK.search(english.replace("主治医师", ""))


def test_argparse_s_refusals_speak_the_language_and_it_does_not_outlive_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = argparse._  # type: ignore[attr-defined]
    status, _, err = run(capsys, "--lang", "zh", "project", "status")
    assert status == 2
    assert err.splitlines() == [
        "用法：cnstumor project status [-h] [--html HTML] [--json] DIR",
        "cnstumor project status：错误：缺少必需的参数：DIR",
    ]
    status, _, err = run(
        capsys, "--lang", "zh", "project", "case", "step", tmp_path, "--case", "c", "--action", "x"
    )
    assert status == 2 and "错误：参数 --action：无效的选项：'x'（可选：" in err
    status, _, err = run(capsys, "--lang", "zh", "hmi", "rank", tmp_path, "--budget", "many")
    assert status == 2 and "参数 --budget：无效的 int 值：'many'" in err

    # afterwards, and by default: English, argparse's gettext back in its place
    assert i18n.language() == "en" and argparse._ is original is gettext.gettext  # type: ignore[attr-defined]
    status, _, err = run(capsys, "project", "status")
    assert status == 2
    assert err.splitlines()[-1] == (
        "cnstumor project status: error: the following arguments are required: DIR"
    )


@pytest.mark.slow
def test_the_console_command_speaks_chinese_from_the_environment(tmp_path: Path) -> None:
    """The installed entry point, in a process of its own, with CNSTUMOR_LANG only."""
    env = {"CNSTUMOR_LANG": "zh_CN.UTF-8", "COLUMNS": "80", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "CNSTumorAnnotationLib.cli", "hmi", "status", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "人机交互标注迭代轮次（R-HMI-5；抽样 >= 5 例且修正比例低于 10% 时停止）：",
        "  尚未记录任何轮次",
        "  标准样本集：经修正加入 0 例",
    ]


def test_every_case_state_has_its_words() -> None:
    """The terminal shows each state with the lifecycle's words (one table for every page)."""
    assert set(STATE_NAMES) == set(CaseState)


def test_chinese_help_wraps_by_its_width_and_never_splits_a_latin_word() -> None:
    text = (
        "用 STAPLE 将多名专家的标注融合为金标准（gold），对预标注病例排序以供专家评估（rank），"
        "并检查数据集是否已满足专家要求（status）；用 --fill-skipped-slices 补全。"
    )
    for width in (24, 31, 46):
        lines = wrap_wide(text, width)
        assert all(display_width(line) <= width for line in lines), lines
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        words = re.findall(r"[A-Za-z-]{3,}", " ".join(lines))
        assert words == ["STAPLE", "gold", "rank", "status", "--fill-skipped-slices"], lines
        assert not any(line[0] in "，。；：）" for line in lines)
