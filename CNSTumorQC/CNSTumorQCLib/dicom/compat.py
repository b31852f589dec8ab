"""One place for the pydicom calls that differ between pydicom 2.4 and 3.

3D Slicer 5.10 ships pydicom 2.4.4 (its SuperBuild's python-dicom-requirements) while the
command line is tested with pydicom 3: the QC and de-identification code must run on both.

- writing a DICOM Part 10 file with a valid preamble and file meta: pydicom 3's
  ``save_as(enforce_file_format=True)`` is pydicom 2's ``save_as(write_like_original=False)``;
- ``get_expected_length`` moved from ``pydicom.pixel_data_handlers.util`` (2.x) to
  ``pydicom.pixels.utils`` (3.x).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pydicom
from pydicom.dataset import Dataset

try:  # pydicom >= 3
    from pydicom.pixels.utils import get_expected_length
except ImportError:  # pydicom 2.x (Slicer 5.10)
    from pydicom.pixel_data_handlers.util import get_expected_length  # type: ignore[no-redef]

PYDICOM_MAJOR = int(pydicom.__version__.split(".")[0])

__all__ = ["PYDICOM_MAJOR", "get_expected_length", "save_file_format"]


def save_file_format(ds: Dataset, destination: str | Path | Any) -> None:
    """Write ``ds`` as a conformant DICOM file (preamble, file meta) on pydicom 2 and 3."""
    if PYDICOM_MAJOR >= 3:
        ds.save_as(destination, enforce_file_format=True)
    else:
        ds.save_as(destination, write_like_original=False)
