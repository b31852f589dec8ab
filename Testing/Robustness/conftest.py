"""Fixtures of the bad-input suite: a small real case folder and the volumes it came from.

The case is the bundled TCGA-FG-6692 volumes cropped to 48x48x6 voxels with synthetic nested
spheres saved as a real MRML ``.seg.nrrd`` version (``_export_helpers.build_case``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from CNSTumorQCLib.sequences import MRSequence


@pytest.fixture(scope="session")
def robust_case_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from _export_helpers import build_case, cropped_volumes

    root = tmp_path_factory.mktemp("robust")
    volumes = cropped_volumes(root / "volumes", (48, 48, 6))
    return Path(build_case(root / "P001", "P001", volumes=volumes).root)


@pytest.fixture
def robust_case(robust_case_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the small case folder (one annotation version)."""
    copy = tmp_path / "case" / "P001"
    shutil.copytree(robust_case_template, copy)
    return copy


@pytest.fixture(scope="session")
def good_volumes(robust_case_template: Path) -> dict[MRSequence, Path]:
    """The cropped NIfTI volumes the case was imported from."""
    folder = robust_case_template.parent / "volumes"
    return {seq: folder / f"{seq.value}.nii.gz" for seq in (MRSequence.T1, MRSequence.T1C,
            MRSequence.T2, MRSequence.FLAIR)}  # fmt: skip
