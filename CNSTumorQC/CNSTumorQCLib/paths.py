"""Where the project's data lives: the bundled sample case and the shared test data set.

The shared data set is reached through one setting, the ``CNSTUMOR_SHARED_DATA`` environment
variable, whose default is ``../shared/data`` beside the project root.
"""

from __future__ import annotations

import os
from pathlib import Path

from CNSTumorQCLib.errors import MissingInputError

SHARED_DATA_ENV = "CNSTUMOR_SHARED_DATA"
SAMPLE_DATA_ENV = "CNSTUMOR_SAMPLE_DATA"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CASE_ID = "TCGA-FG-6692"
#: Where the built or installed Slicer extension puts the case: beside the Lib packages, in
#: ``<qt-scripted-modules>/CNSTumorSampleData/`` (top-level CMakeLists.txt).
INSTALLED_SAMPLE_DATA = Path(__file__).resolve().parents[1] / "CNSTumorSampleData"


def sample_data_dir() -> Path:
    """The bundled real case (TCGA-LGG TCGA-FG-6692): ``$CNSTUMOR_SAMPLE_DATA``, else the
    project's ``SampleData/``, else the copy a built or installed Slicer extension carries."""
    configured = os.environ.get(SAMPLE_DATA_ENV)
    candidates = [Path(configured)] if configured else []
    candidates += [
        PROJECT_ROOT / "SampleData" / SAMPLE_CASE_ID,
        INSTALLED_SAMPLE_DATA / SAMPLE_CASE_ID,
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def shared_data_dir(required: bool = True) -> Path:
    """The larger shared data set (``$CNSTUMOR_SHARED_DATA``, default ``../shared/data``)."""
    configured = os.environ.get(SHARED_DATA_ENV)
    path = Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "data"
    if required and not path.is_dir():
        raise MissingInputError(
            f"the shared test data folder is missing; set {SHARED_DATA_ENV} to the folder "
            "that holds dcm_qa_xa30/, tcga-lgg_TCGA-FG-6692_brainlesion/ ...",
            path,
        )
    return path
