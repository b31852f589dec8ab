"""De-identification of DICOM folders (R-DATA-1) before anything else reads them.

Owns the PS3.15 Annex E policy (``policy``), per-dataset de-identification (``dataset``), the
pseudonym key store (``keys``), screening of burnt-in or truncated pixels (``screen``), the
folder run with its report (``folder``), the post-check for leaked identifiers (``check``) and
the rule that outputs stay outside the input (``paths``).
"""

from __future__ import annotations

from CNSTumorQCLib.deid.check import find_leaks, identifying_values
from CNSTumorQCLib.deid.dataset import DatasetDeidentifier, DatasetOutcome
from CNSTumorQCLib.deid.folder import DeidReport, deidentify_folder
from CNSTumorQCLib.deid.keys import KeyStore, PatientKey
from CNSTumorQCLib.deid.paths import check_locations
from CNSTumorQCLib.deid.policy import DeidPolicy, SafePrivateAttribute

__all__ = [
    "DatasetDeidentifier",
    "DatasetOutcome",
    "DeidPolicy",
    "DeidReport",
    "KeyStore",
    "PatientKey",
    "SafePrivateAttribute",
    "check_locations",
    "deidentify_folder",
    "find_leaks",
    "identifying_values",
]
