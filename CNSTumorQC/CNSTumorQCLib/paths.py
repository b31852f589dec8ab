"""Where the project's data lives: the bundled sample case and the shared test data set.

The shared data set is reached through one setting, the ``CNSTUMOR_SHARED_DATA`` environment
variable, whose default is ``../shared/data`` beside the project root.
"""

from __future__ import annotations

import os
from pathlib import Path

from CNSTumorQCLib.errors import MissingInputError

SHARED_DATA_ENV = "CNSTUMOR_SHARED_DATA"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CASE_ID = "TCGA-FG-6692"


def sample_data_dir() -> Path:
    """The bundled real case (TCGA-LGG TCGA-FG-6692), shipped inside the project."""
    return PROJECT_ROOT / "SampleData" / SAMPLE_CASE_ID


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
