"""The case folder: one patient's native volumes, ``case.json`` and numbered annotation versions.

Owns the folder and its versions (``folder``: ``CaseFolder``, ``FolderVersion``, saving a new
version, never overwriting one), building a folder from NIfTI (``nifti_import``) or from
QC-checked DICOM (``dicom_import``), co-registration to FLAIR (``registration``), importing a
label map (``labelmap_import``), the fast ``.seg.nrrd`` reader (``seg_nrrd_reader``) and the
recorded volume grids (``volume_record``). MRML is used through ``mrml`` only, imported when a
function needs it.
"""

from __future__ import annotations

from CNSTumorAnnotationLib.case.dicom_import import import_case_from_dicom
from CNSTumorAnnotationLib.case.folder import (
    CaseFolder,
    FolderVersion,
    approve_version,
    get_version,
    latest_version,
    load_case,
    region_masks,
    save_annotation_version,
)
from CNSTumorAnnotationLib.case.labelmap_import import import_label_map
from CNSTumorAnnotationLib.case.nifti_import import import_case_from_nifti
from CNSTumorAnnotationLib.case.registration import register_case_sequences

__all__ = [
    "CaseFolder",
    "FolderVersion",
    "approve_version",
    "get_version",
    "import_case_from_dicom",
    "import_case_from_nifti",
    "import_label_map",
    "latest_version",
    "load_case",
    "region_masks",
    "register_case_sequences",
    "save_annotation_version",
]
