"""The demo's DICOM intake: write the bundled case as DICOM, then de-identify it.

``prepare_demo_dicom(root)`` lays out::

    root/dicom/original/        the fixture study (Siemens-modelled headers, invented identity)
    root/dicom/deidentified/    the de-identified copy QC and annotation should read
    root/private/deid_key.json  the pseudonym key (outside the copy, owner-only)

Re-running replaces both DICOM folders and reuses the key, so the copy is identical each time.
The demo secret is fixed and public: it is for the fixture only, never for real patients.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from CNSTumorQCLib.deid.folder import REPORT_NAME, DeidReport, deidentify_folder
from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.i18n import tr
from CNSTumorQCLib.sequences import MRSequence

DEMO_SECRET = "cnstumor-demo-fixture-secret-not-for-patients"


@dataclass(frozen=True)
class DemoDicom:
    """Where the demo's DICOM study went and what de-identification reported."""

    original_dir: Path
    deidentified_dir: Path
    key_file: Path
    original_files: dict[MRSequence, list[Path]]
    report: DeidReport


def prepare_demo_dicom(root: Path) -> DemoDicom:
    """Write the bundled case as a DICOM study under ``root`` and de-identify it (R-DATA-1)."""
    root = Path(root)
    original = root / "dicom" / "original"
    deidentified = root / "dicom" / "deidentified"
    key_file = root / "private" / "deid_key.json"
    if deidentified.exists():
        if not (deidentified / REPORT_NAME).is_file():
            raise InvalidInputError(
                tr("exists and is not a previous de-identified demo copy"), deidentified
            )
        shutil.rmtree(deidentified)
    files = write_sample_case_study(original)
    report = deidentify_folder(original, deidentified, key_file, secret=DEMO_SECRET)
    return DemoDicom(original, deidentified, key_file, files, report)
