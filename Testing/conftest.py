"""Shared fixtures: the bundled case, the shared data set (one setting), and a real MRML runtime."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from CNSTumorQCLib.paths import SHARED_DATA_ENV, sample_data_dir, shared_data_dir


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data set; a clear failure (not a skip) when it is missing."""
    path = shared_data_dir(required=False)
    if not path.is_dir():
        pytest.fail(
            f"shared test data not found at {path}: set {SHARED_DATA_ENV} to the folder "
            "holding dcm_qa_xa30/, tcga-lgg_TCGA-FG-6692_brainlesion/ ...",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def sample_case() -> Path:
    """The real TCGA-LGG case bundled in SampleData/ (native, SRI-24 and reference labels)."""
    path = sample_data_dir()
    assert (path / "native").is_dir(), f"bundled sample case missing at {path}"
    return path


@pytest.fixture
def mrml_runtime() -> Iterator[object]:
    """A fresh headless MRML runtime (real vtkMRMLScene with the module logics registered)."""
    from CNSTumorAnnotationLib.mrml.runtime import create_runtime

    runtime = create_runtime(force_headless=True)
    yield runtime
    runtime.close()
