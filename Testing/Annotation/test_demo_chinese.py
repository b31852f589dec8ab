"""``cnstumor --lang zh demo``: the whole workflow on the bundled case, told in Chinese.

Every progress line of the nine steps is Chinese; what is left in English is named: the QC
Lib's own reasons (its words, checked with the QC reports) and the demo's recorded stand-ins
(the mechanical radiologist and the machine-made labels' "annotator", names kept as recorded).
The machine-readable summary is the one the English run writes (``test_demo.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _page_language import CJK, ENGLISH_RUN

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.demo import DEMO_QC_REVIEWER
from CNSTumorAnnotationLib.i18n import using_language

pytestmark = [pytest.mark.slow, pytest.mark.mrml]


def test_the_demo_tells_every_step_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CNSTUMOR_LANG", raising=False)
    out = tmp_path / "demo"
    with using_language(None):
        assert main(["--lang", "zh", "demo", "--out", str(out)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))

    titles = [line for line in lines if line.startswith("[")]
    assert [t.split("]")[0] + "]" for t in titles] == [f"[{n}/9" + "]" for n in range(1, 10)]
    assert titles[5].startswith("[6/9] 自检（R-ANN-2/3/7/9，区域层级）")
    assert any("错误" in line and "R-ANN-9:" in line for line in lines)  # a finding, in Chinese
    assert lines[-1].startswith("全部结果位于")
    names = [DEMO_QC_REVIEWER, summary["annotation"]["annotator"], *summary["qc"]["reasons"]]
    for line in lines:
        assert CJK.search(line), line
        for name in names:
            line = line.replace(name, " ")
        assert not ENGLISH_RUN.search(line), line
    assert set(summary["timings_s"]) == {
        "scanner_study",
        "deidentification",
        "qc",
        "case_import",
        "reference_labels",
        "selfcheck",
        "review",
        "export",
        "agreement",
    }
    assert summary["review"]["state"] == "approved"
    confirmed = summary["qc"]["confirmed"]  # the JSON keeps its English, as the English run
    assert sorted(item.split(" grade ")[0] for item in confirmed) == ["FLAIR", "T1", "T1C", "T2"]
    assert all(item.split(" grade ")[1] in {"2", "3"} for item in confirmed)
