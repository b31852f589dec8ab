"""The demo's DICOM intake: the bundled case written as a Siemens-like study, then de-identified.

``prepare_demo_dicom`` (``dicom_study``) is what ``cnstumor demo`` runs first; it writes the
fixture study (``fixture_study``: NIfTI volumes as Siemens-modelled MR series through
``dicom.writer``) with the scanner and series protocols and the invented identity that
de-identification must remove (``mr_protocols``).
"""

from __future__ import annotations

from CNSTumorQCLib.demo.dicom_study import DemoDicom, prepare_demo_dicom
from CNSTumorQCLib.demo.fixture_study import write_case_as_dicom_study, write_sample_case_study
from CNSTumorQCLib.demo.mr_protocols import ScannerModel, SeriesProtocol, SyntheticIdentity

__all__ = [
    "DemoDicom",
    "ScannerModel",
    "SeriesProtocol",
    "SyntheticIdentity",
    "prepare_demo_dicom",
    "write_case_as_dicom_study",
    "write_sample_case_study",
]
