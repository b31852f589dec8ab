"""The demo's DICOM intake: the bundled case written as DICOM and de-identified."""

from __future__ import annotations

import pydicom
import pytest

from CNSTumorQCLib.demo.dicom_study import prepare_demo_dicom
from CNSTumorQCLib.demo.mr_protocols import SyntheticIdentity
from CNSTumorQCLib.findings import Severity


@pytest.mark.slow
def test_the_demo_study_is_written_and_de_identified_with_the_key_outside_the_copy(tmp_path):
    demo = prepare_demo_dicom(tmp_path)
    assert sum(len(files) for files in demo.original_files.values()) == 104
    assert demo.report.counts["written"] == 104
    assert [f.severity for f in demo.report.findings] == [Severity.INFO]  # FIXTURE.md, not DICOM
    assert demo.key_file.is_file() and demo.deidentified_dir not in demo.key_file.parents
    written = sorted(demo.deidentified_dir.rglob("*.dcm"))
    ds = pydicom.dcmread(written[0])
    assert ds.PatientIdentityRemoved == "YES" and ds.PatientID.startswith("CNST-")
    identity = SyntheticIdentity()
    for path in written[:10]:
        data = path.read_bytes()
        assert (
            identity.patient_id.encode() not in data
            and identity.institution_name.encode() not in data
        )
