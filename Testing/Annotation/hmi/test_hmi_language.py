"""R-HMI-4/5 in Chinese: the worklist's reasons and the rounds' stopping check are sentences for
people, so ``--lang zh`` writes them in Chinese; the worklist's fields read by programs
(``selection``, CSV header, JSON keys) stay as they are, and a round recorded in one language
is shown in the other.

The models are the bundled case's real algorithm label maps (TCGA-FG-6692), cropped to the
tumour's neighbourhood to keep the test fast.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk

from CNSTumorAnnotationLib.cli.app import main

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_SENTENCE = re.compile(r"\b[a-z]{2,}(?: [a-z]{2,}){3,}\b")


@pytest.fixture(autouse=True)
def _no_language_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CNSTUMOR_LANG", raising=False)


@pytest.fixture(scope="module")
def prediction_folders(tmp_path_factory: pytest.TempPathFactory, sample_case: Path) -> list[Path]:
    """Two cases of three models each: the real maps, and the real maps with one model's
    output shifted 12 mm (the committee disagrees)."""
    root = tmp_path_factory.mktemp("hmi_language")
    labels = sample_case / "reference_labels"
    images = {a: sitk.ReadImage(str(labels / f"{a}.nii.gz")) for a in ("isen-20", "scan-20", "mav")}
    union = sum(sitk.GetArrayViewFromImage(i) > 0 for i in images.values())
    z, y, x = (ix for ix in np.nonzero(union))
    start = [max(0, int(x.min()) - 16), max(0, int(y.min()) - 16), max(0, int(z.min()) - 16)]
    size = [
        int(x.max()) + 17 - start[0],
        int(y.max()) + 17 - start[1],
        int(z.max()) + 17 - start[2],
    ]
    folders = [root / "case_real", root / "case_shifted"]
    for index, (name, image) in enumerate(images.items()):
        crop = sitk.RegionOfInterest(image, size, start)
        for folder in folders:
            folder.mkdir(exist_ok=True)
            array = sitk.GetArrayFromImage(crop)
            if folder.name == "case_shifted" and index == 0:
                array = np.roll(array, 12, axis=2)
            out = sitk.GetImageFromArray(array)
            out.CopyInformation(crop)
            sitk.WriteImage(out, str(folder / f"{name}.nii.gz"))
    return folders


@pytest.mark.slow
def test_the_worklist_speaks_chinese_and_keeps_its_machine_fields(
    prediction_folders: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["hmi", "rank", *map(str, prediction_folders), "--budget", "1", "--exploration", "0"]
    assert main([*args, "--out", str(tmp_path / "en.json")]) == 0
    english = capsys.readouterr().out
    assert english.startswith("R-HMI-4 worklist (cnstumor-hmi-sampling-")
    assert re.search(r"1\. case_shifted +score \d\.\d{3}  \[disagreement\]", english)
    assert "whole_tumor: mean pairwise Dice" in english and "left out: case_real" in english
    assert not CJK.search(english)

    assert main(["--lang", "zh", *args, "--out", str(tmp_path / "zh.csv")]) == 0
    chinese = capsys.readouterr().out
    assert chinese.startswith("R-HMI-4 工作清单（cnstumor-hmi-sampling-")
    assert re.search(r"1\. case_shifted +得分 \d\.\d{3}  \[分歧\]", chinese), chinese
    assert "whole_tumor：两两 Dice 均值" in chinese and "未入选：case_real" in chinese
    assert not ENGLISH_SENTENCE.search(chinese), chinese
    assert main(["--lang", "zh", *args, "--out", str(tmp_path / "zh.json")]) == 0
    capsys.readouterr()

    ranked = {
        lang: json.loads((tmp_path / f"{lang}.json").read_text(encoding="utf-8"))["worklist"][0]
        for lang in ("en", "zh")
    }
    assert ranked["en"]["selection"] == ranked["zh"]["selection"] == "disagreement"
    assert ranked["en"]["score"] == ranked["zh"]["score"] and ranked["en"]["terms"]
    assert ranked["en"]["reasons"][0].startswith("whole_tumor: mean pairwise Dice")
    assert ranked["zh"]["reasons"][0].startswith("whole_tumor：两两 Dice 均值")
    with (tmp_path / "zh.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["case_id"] == "case_shifted" and rows[0]["selection"] == "disagreement"
    assert CJK.search(rows[0]["reasons"])  # the reasons are for the experts who read the list


def test_a_round_and_the_status_speak_the_language_each_is_shown_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = [f"case{i:02d}" for i in range(1, 9)]
    base = ["hmi", "round", str(tmp_path), "--model", "unet", "--by", "dr_li"]
    base += ["--preannotated", *cases]
    status = main(["--lang", "zh", *base, "--sampled", *cases[:6], "--corrected", cases[0]])
    assert status == 0
    assert capsys.readouterr().out == (
        "R-HMI-5 第 1 轮已记录：继续迭代（1/6 例需要修正，未低于 10%）\n"
    )
    status = main([*base, "--model-version", "r2", "--sampled", *cases[:6], "--corrected"])
    assert status == 0
    assert capsys.readouterr().out == (
        "R-HMI-5 round 2 recorded: STOP: the data set meets the requirement "
        "(0/6 needed correction, below 10%)\n"
    )

    assert main(["--lang", "zh", "hmi", "status", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "人机交互标注迭代轮次（R-HMI-5；抽样 >= 5 例且修正比例低于 10% 时停止）：",
        "  第 1 轮：unet  预标注 8，抽样 6，修正 1，加入 1  ->  继续：1/6 例需要修正，未低于 10%",
        "  第 2 轮：unet@r2  预标注 8，抽样 6，修正 0，加入 0  ->  停止：0/6 例需要修正，低于 10%",
        "  标准样本集：经修正加入 1 例",
    ]
    assert main(["hmi", "status", str(tmp_path)]) == 0  # round 1 was recorded in Chinese
    assert capsys.readouterr().out.splitlines()[1:3] == [
        "  round 1: unet  pre-annotated 8, sampled 6, corrected 1, added 1  ->  continue: "
        "1/6 needed correction, not below 10%",
        "  round 2: unet@r2  pre-annotated 8, sampled 6, corrected 0, added 0  ->  STOP: "
        "0/6 needed correction, below 10%",
    ]
    record = json.loads((tmp_path / "hmi_rounds.json").read_text(encoding="utf-8"))
    assert [r["stop"]["met"] for r in record["rounds"]] == [False, True]  # fields unchanged
