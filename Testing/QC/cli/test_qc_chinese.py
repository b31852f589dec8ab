"""``cnstumor --lang zh qc`` / ``qc-confirm`` / ``deid`` on real DICOM files speak Chinese.

The real command (a subprocess, as a radiologist runs it) on real Siemens XA30 series and a real
Philips DTI volume with one slice taken out: the JSON report's finding messages, grade reasons,
study reasons and identification evidence are Chinese while rule IDs (R-ACQ-4, R-DATA-2 ...),
severities, sequences, verdicts and requirement statuses stay the machine values of the English
run; the HTML report declares ``lang='zh-CN'``, has Chinese headings and no English sentence left
in its visible text (outside <pre>/<code>, the provenance footer and the data: file names,
descriptions, scanner names); the terminal speaks Chinese; ``CNSTUMOR_LANG=zh`` gives the same
report as ``--lang zh``; the English run stays English. ``deid`` given a NIfTI folder or file
answers with one Chinese line naming it (R-DATA-1).
"""

from __future__ import annotations

import html as html_text
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from _dicom_cases import XA30, copy_files, philips_b0_files

from CNSTumorQCLib.findings import Severity
from CNSTumorQCLib.report.qc_report import Verdict
from CNSTumorQCLib.sequences import MRSequence

CJK = re.compile(r"[\u4e00-\u9fff]")
#: Four or more English words in a row: a sentence (or most of one) left untranslated.
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'-]*(?:[ ,;:]+[A-Za-z][A-Za-z'-]*){3,}")
RULE_ID = re.compile(r"^R-[A-Z]+-\d+$")
STATUSES = {"valid", "missing", "invalid", "incomplete", "duplicated"}


def cnstumor(*args: str | Path, env_lang: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real ``cnstumor`` command, with ``CNSTUMOR_LANG`` only as given."""
    env = {k: v for k, v in os.environ.items() if k != "CNSTUMOR_LANG"}
    env["CNSTUMOR_PROGRESS"] = "0"
    if env_lang is not None:
        env["CNSTUMOR_LANG"] = env_lang
    return subprocess.run(
        [sys.executable, "-m", "CNSTumorAnnotationLib.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def study(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real series: a 3D T1, the scanner's ADC and a b=2500 TRACEW (Siemens XA30); a Philips
    DTI b=0 volume missing one slice (R-DATA-2); a text file that is not DICOM."""
    folder = tmp_path_factory.mktemp("real_study")
    for name in ("5_anat-T1w_acq-tfl", "11_DWI_dir80_PA", "12_DWI_dir80_PA"):
        shutil.copytree(shared_data / XA30 / name, folder / name)
    b0 = philips_b0_files(shared_data, count=12)
    copy_files(b0[:5] + b0[6:], folder / "philips_b0_gap")
    (folder / "README.txt").write_text("not DICOM", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def runs(study: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The same QC in English, with ``--lang zh`` and with ``CNSTUMOR_LANG=zh``."""
    out = tmp_path_factory.mktemp("qc_runs")
    done = {
        "en": cnstumor("qc", study, "--out", out / "en", "--workers", "1"),
        "zh": cnstumor("--lang", "zh", "qc", study, "--out", out / "zh", "--workers", "1"),
        "env": cnstumor(
            "qc", study, "--out", out / "env", "--workers", "1", env_lang="zh_CN.UTF-8"
        ),
    }
    for name, result in done.items():
        assert result.returncode == 0, (name, result.stderr)
    return {
        name: {
            "process": result,
            "out": out / name,
            "json": json.loads((out / name / "qc_report.json").read_text(encoding="utf-8")),
            "html": (out / name / "qc_report.html").read_text(encoding="utf-8"),
        }
        for name, result in done.items()
    }


def _findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(report["input_findings"])
    for series in report["series"]:
        found += series["findings"]
    for study in report["studies"]:
        found += study["findings"]
    return found


def _sentences(report: dict[str, Any]) -> list[str]:
    """Every text of the report written for people."""
    texts = [f["message"] for f in _findings(report)]
    for series in report["series"]:
        texts += series["grade_reasons"] + [e["says"] for e in series["evidence"]]
    for study in report["studies"]:
        texts += study["reasons"]
    return texts


def _machine_values(report: dict[str, Any]) -> dict[str, Any]:
    """What programs read: the same whatever the language."""
    return {
        "verdict": report["verdict"],
        "findings": sorted(
            (f["rule"], f["severity"], tuple(Path(p).name for p in f["files"]))
            for f in _findings(report)
        ),
        "series": sorted(
            (
                s["series_instance_uid"],
                s["sequence"],
                s["plane"],
                s["acquisition"],
                s["suggested_grade"],
                s["needs_confirmation"],
                tuple(e["source"] for e in s["evidence"]),
            )
            for s in report["series"]
        ),
        "studies": sorted(
            (s["study_instance_uid"], s["verdict"], tuple(sorted(map(str, s["requirements"]))))
            for s in report["studies"]
        ),
    }


@pytest.mark.slow
def test_the_json_report_says_its_findings_in_chinese_and_keeps_the_machine_values(
    runs: dict[str, Any],
) -> None:
    """R-DATA-2, R-ACQ-4, R-ACQ-1..5, R-QC-1: the messages change language, the data do not."""
    english, chinese = runs["en"]["json"], runs["zh"]["json"]
    rules = {f["rule"] for f in _findings(chinese)}
    assert {"R-DATA-2", "R-ACQ-4", "R-ACQ-5"} <= rules  # integrity, b-value, missing T1C
    sentences = _sentences(chinese)
    assert len(sentences) > 20
    untranslated = [text for text in sentences if not CJK.search(text)]
    assert not untranslated, untranslated
    assert not any(CJK.search(text) for text in _sentences(english))
    for finding in _findings(chinese):
        assert RULE_ID.match(finding["rule"]), finding
        assert finding["severity"] in {s.value for s in Severity}
    for series in chinese["series"]:
        assert series["sequence"] in {s.value for s in MRSequence}
        assert series["plane"] in (None, "axial", "sagittal", "coronal", "oblique")
    for study in chinese["studies"]:
        assert study["verdict"] in {v.value for v in Verdict}
        assert {r["status"] for r in study["requirements"]} <= STATUSES
    assert _machine_values(chinese) == _machine_values(english)
    gap = [
        f
        for f in _findings(chinese)
        if f["rule"] == "R-DATA-2" and f["severity"] == "error" and "缺失" in f["message"]
    ]
    assert gap and "mm" in gap[0]["message"]  # "约缺失 1 个层面 ... （层间距 2.00 mm）"
    english_gap = [f["message"] for f in _findings(english) if "missing slice" in f["message"]]
    assert english_gap and english_gap[0].startswith("about 1 missing slice(s)")


@pytest.mark.slow
def test_cnstumor_lang_and_the_environment_give_the_same_report(runs: dict[str, Any]) -> None:
    by_option, by_environment = runs["zh"]["json"], runs["env"]["json"]
    assert _sentences(by_option) == _sentences(by_environment)
    assert _machine_values(by_option) == _machine_values(by_environment)
    assert "<html lang='zh-CN'>" in runs["env"]["html"]


class _VisibleText(HTMLParser):
    """The text a reader sees, without <pre>, <code>, <style>, <title> and the provenance footer."""

    HIDDEN = {"pre", "code", "style", "script", "title", "footer"}
    VOID = {"br", "img", "meta", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not self.HIDDEN & set(self.open):
            self.parts.append(data)


def _visible(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return "\n".join(part.strip() for part in parser.parts if part.strip())


def _data_values(report: dict[str, Any]) -> list[str]:
    """Words that come from the input, not from the software: paths, descriptions, scanners."""
    values = [report["input_dir"]] + [p for f in _findings(report) for p in f["files"]]
    for series in report["series"]:
        values += [series["series_description"], series["manufacturer"]]
        values += [str(e["value"]) for e in series["evidence"]]
        values += [str(v) for v in series["acquisition_parameters"].values() if v is not None]
    values += [str(s["patient_id"]) for s in report["studies"]]
    return sorted({v for v in values if v}, key=len, reverse=True)


@pytest.mark.slow
def test_the_html_report_is_chinese_with_its_lang_and_headings(runs: dict[str, Any]) -> None:
    html, report = runs["zh"]["html"], runs["zh"]["json"]
    assert "<html lang='zh-CN'>" in html and "<title>CNSTumor 质控报告</title>" in html
    assert re.search(r"<h1>CNSTumor 质控报告 <span class='badge NOT_FIT'>不适合标注</span>", html)
    assert "<h2>未建立索引的文件</h2>" in html
    assert "<th>必需序列</th><th>规则</th><th>状态</th>" in html
    assert "<th>识别为</th>" in html and "<th>图像质量分级</th>" in html
    text = _visible(html)
    for value in _data_values(report):
        text = text.replace(value, " ")
    left = ENGLISH_RUN.findall(text)
    assert not left, left
    shown = html_text.unescape(html)
    missing = [sentence for sentence in _sentences(report) if sentence not in shown]
    assert not missing, missing
    english = _visible(runs["en"]["html"])
    assert "<html lang='en'>" in runs["en"]["html"] and not CJK.search(english)
    assert "Files not indexed" in english and "NOT FIT" in english


@pytest.mark.slow
def test_the_terminal_speaks_chinese(runs: dict[str, Any]) -> None:
    """The verdict per study, its reasons and the summary line, in Chinese."""
    process = runs["zh"]["process"]
    lines = process.stdout.splitlines()
    verdicts = [line for line in lines if not line.startswith("  - ")]
    assert verdicts and all(line.endswith("：不适合标注") for line in verdicts), lines
    reasons = [line for line in lines if line.startswith("  - ")]
    assert reasons and all(CJK.search(line) for line in reasons), reasons
    (summary,) = [line for line in process.stderr.splitlines() if "报告：" in line]
    assert "个检查共" in summary and str(runs["zh"]["out"] / "qc_report.html") in summary
    for line in (process.stdout + process.stderr).splitlines():
        assert not ENGLISH_RUN.search(re.sub(r"\S*/\S*", " ", line)), line
    english = runs["en"]["process"]
    assert english.stdout.splitlines()[0].endswith(": NOT_FIT")
    assert "series in" in english.stderr and not CJK.search(english.stdout + english.stderr)


@pytest.mark.slow
def test_qc_confirm_in_chinese_records_the_grade_and_says_so(
    runs: dict[str, Any], tmp_path: Path
) -> None:
    """R-QC-2: a confirmed grade 1 excludes the series; the reply and the rewritten page say so."""
    out = tmp_path / "confirmed"
    shutil.copytree(runs["zh"]["out"], out)
    t1 = next(s for s in runs["zh"]["json"]["series"] if s["sequence"] == "T1")
    result = cnstumor(
        "--lang", "zh", "qc-confirm", out, str(t1["series_number"]), "1",
        "--reviewer", "李医生", "--reason", "严重运动伪影",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    said = result.stdout.splitlines()
    assert said[0].startswith("李医生 已确认") and "为 1 级（排除标注，R-QC-2）" in said[0]
    assert all(line.endswith("：不适合标注") for line in said[1:])
    html = (out / "qc_report.html").read_text(encoding="utf-8")
    assert "已排除（R-QC-2）：严重运动伪影" in html
    refused = cnstumor("--lang", "zh", "qc-confirm", out, "99", "2", "--reviewer", "李医生")
    assert refused.returncode == 2
    (line,) = refused.stderr.strip().splitlines()
    assert "没有序列与 '99' 匹配" in line and "Traceback" not in line


@pytest.mark.slow
@pytest.mark.parametrize("given", ["folder", "file"])
def test_deid_of_a_nifti_input_answers_with_one_chinese_line_naming_it(
    sample_case: Path, tmp_path: Path, given: str
) -> None:
    """R-DATA-1: nothing written, no key; the one line says what was given, in Chinese."""
    folder = tmp_path / "nifti"
    folder.mkdir()
    shutil.copyfile(sample_case / "native" / "FLAIR.nii.gz", folder / "FLAIR.nii.gz")
    source = folder if given == "folder" else folder / "FLAIR.nii.gz"
    key, out = tmp_path / "private" / "key.json", tmp_path / "deid"
    result = cnstumor("--lang", "zh", "deid", source, out, "--key-file", key)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert str(source) in line and "Traceback" not in line
    expected = "文件夹中没有 DICOM 文件" if given == "folder" else "给出的是一个文件（NIfTI 容积）"
    assert expected in line, line
    assert not key.exists() and not out.exists()


@pytest.mark.slow
def test_the_chinese_report_opens_cleanly_in_a_browser(
    runs: dict[str, Any], tmp_path: Path
) -> None:
    """Chinese words change the widths: still no overflow, every image decoded, a language."""
    from _browser import headless_chromium, open_report

    with headless_chromium(tmp_path / "profile") as browser:
        opened = open_report(browser, runs["zh"]["out"] / "qc_report.html")
        assert opened.all_problems() == []
        assert opened.page.evaluate("document.documentElement.lang") == "zh-CN"
        assert "不适合标注" in opened.text("h1")
        assert "识别为\tT1" in opened.text(".card")
