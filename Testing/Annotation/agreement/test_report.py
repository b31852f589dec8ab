"""The bundled-case agreement report (JSON + self-contained HTML) and ``cnstumor agreement-maps``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from CNSTumorAnnotationLib.agreement.bundled import BUNDLED_ALGORITHMS, bundled_case_agreement
from CNSTumorAnnotationLib.cli.app import main
from CNSTumorQCLib.atomic import sha256_file


@pytest.mark.slow
def test_the_bundled_case_agreement_writes_json_and_html_with_provenance(
    sample_case: Path, tmp_path: Path
) -> None:
    """R-PPL-2 / R-HMI-1 on the bundled case: 5 algorithms, STAPLE consensus, provenance."""
    inputs = [sample_case / "reference_labels" / f"{n}.nii.gz" for n in BUNDLED_ALGORITHMS]
    before = [sha256_file(p) for p in inputs]
    payload = bundled_case_agreement(sample_case, tmp_path)
    assert [sha256_file(p) for p in inputs] == before  # inputs only read
    written = json.loads((tmp_path / "agreement.json").read_text())
    assert written["provenance"]["operation"] == "bundled_case_agreement"
    assert (
        written["provenance"]["rule_tables"]["agreement_thresholds"]
        == written["thresholds"]["version"]
    )
    assert len(written["agreement"]["pairs"]) == 30
    assert set(written["staple"]) == {"whole_tumor", "tumor_core", "enhancing"}
    assert set(written["staple"]["whole_tumor"]["sensitivity"]) == set(BUNDLED_ALGORITHMS)
    assert payload["agreement"]["summary"]["tumor_core"]["dice_mean"] > 0.9
    page = (tmp_path / "agreement.html").read_text()
    assert page.count("<svg") == 2  # Dice heat map + Bland-Altman of volumes
    # self-contained: pictures are inline data: URLs, nothing is fetched
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=['\"](?!data:)", page)
    assert page.count("<img") == 3  # where the least-agreeing pair disagrees, per region
    assert "scan-20" in page and "agreement-thresholds" in page
    assert "STAPLE consensus (R-HMI-1)" in page


@pytest.mark.slow
def test_agreement_maps_command_compares_two_label_maps(
    sample_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = sample_case / "reference_labels"
    status = main(
        ["agreement-maps", str(folder / "isen-20.nii.gz"), str(folder / "scan-20.nii.gz"),
         "--out", str(tmp_path), "--region", "core=1,4"]
    )  # fmt: skip
    assert status == 0
    pairs = json.loads((tmp_path / "agreement.json").read_text())["agreement"]["pairs"]
    assert [p["region"] for p in pairs] == ["core"]
    assert "Dice mean" in capsys.readouterr().out


def test_agreement_maps_command_names_a_missing_file_without_a_traceback(
    sample_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = sample_case / "reference_labels" / "isen-20.nii.gz"
    status = main(
        ["agreement-maps", str(existing), str(tmp_path / "nope.nii.gz"), "--out", str(tmp_path)]
    )
    assert status == 2
    error = capsys.readouterr().err
    assert "nope.nii.gz: label map not found" in error and "Traceback" not in error


def test_label_maps_on_different_grids_are_refused_naming_the_file(tmp_path: Path) -> None:
    import numpy as np
    import SimpleITK as sitk

    from CNSTumorAnnotationLib.agreement import region_agreement
    from CNSTumorQCLib.errors import InvalidInputError

    labels = np.zeros((6, 8, 8), dtype=np.uint8)
    labels[2:4, 2:6, 2:6] = 4
    paths = []
    for name, spacing in (("a", (1.0, 1.0, 1.0)), ("b", (1.0, 1.0, 2.0))):
        image = sitk.GetImageFromArray(labels)
        image.SetSpacing(spacing)
        paths.append(tmp_path / f"{name}.nii.gz")
        sitk.WriteImage(image, str(paths[-1]))
    with pytest.raises(InvalidInputError, match=r"b\.nii\.gz: b differs from a in spacing"):
        region_agreement(paths)
    with pytest.raises(InvalidInputError, match="no label values"):
        region_agreement({"x": paths[0], "y": paths[0]}, {"empty": set()})
