"""Export of annotation versions (R-FMT-1..3) with a manifest and provenance.

Owns the per-case entry (``case_export``: choose a version, build the ``ExportContext``, run
each format), the formats (``nifti``, ``segnrrd``, ``dicomseg``, ``brats``, ``nnunet``), the
shared grid of multi-label maps (``dataset_grid``), the DICOM source series of a DICOM SEG
(``dicom_sources``), the manifest (``manifest``) and batches (``batch``). ``export_dicomseg``
is imported on first use: it needs highdicom, the other formats do not.
"""

from __future__ import annotations

from CNSTumorAnnotationLib.export.batch import BatchSummary, export_batch
from CNSTumorAnnotationLib.export.brats import export_brats
from CNSTumorAnnotationLib.export.case_export import ExportResult, export_case, parse_formats
from CNSTumorAnnotationLib.export.context import ExportContext, ExportOptions
from CNSTumorAnnotationLib.export.manifest import read_manifest, verify_manifest, write_manifest
from CNSTumorAnnotationLib.export.nifti import export_nifti
from CNSTumorAnnotationLib.export.nnunet import export_nnunet
from CNSTumorAnnotationLib.export.segnrrd import export_segnrrd
from CNSTumorQCLib.lazy import lazy_exports

#: Exports imported on first use (why: see the docstring above).
_LAZY = {
    "export_dicomseg": "dicomseg",
}
__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "BatchSummary",
    "ExportContext",
    "ExportOptions",
    "ExportResult",
    "export_batch",
    "export_brats",
    "export_case",
    "export_dicomseg",
    "export_nifti",
    "export_nnunet",
    "export_segnrrd",
    "parse_formats",
    "read_manifest",
    "verify_manifest",
    "write_manifest",
]
