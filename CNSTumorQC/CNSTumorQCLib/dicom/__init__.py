"""Reading and writing DICOM MR series, independent of any consensus rule.

Owns the fast header walk (``fastscan``, ``header``), the folder index (``index``, ``model``),
instances from datasets (``reader``), grouping into series and geometric stacks (``series``),
slice geometry of a stack (``series``), b-values (``bvalues``), a stack's pixels as a SimpleITK
image or thumbnail (``stack_image``; its function ``stack_image`` is not re-exported, the name
is the submodule's) and the one MR-series writer of the project (``writer``), used by the demo
fixture study and the DICOM SEG export's source series.
"""

from __future__ import annotations

from CNSTumorQCLib.dicom.bvalues import b_value_from_dataset
from CNSTumorQCLib.dicom.header import looks_like_dicom, parse_header
from CNSTumorQCLib.dicom.index import index_folder, list_files
from CNSTumorQCLib.dicom.model import DicomIndex, DicomInstance, PixelDataStatus, Series, Stack
from CNSTumorQCLib.dicom.reader import read_instances
from CNSTumorQCLib.dicom.series import group_series, slice_spacing, split_stacks
from CNSTumorQCLib.dicom.stack_image import stack_array, thumbnail_png
from CNSTumorQCLib.dicom.writer import write_mr_series

__all__ = [
    "DicomIndex",
    "DicomInstance",
    "PixelDataStatus",
    "Series",
    "Stack",
    "b_value_from_dataset",
    "group_series",
    "index_folder",
    "list_files",
    "looks_like_dicom",
    "parse_header",
    "read_instances",
    "slice_spacing",
    "split_stacks",
    "stack_array",
    "thumbnail_png",
    "write_mr_series",
]
