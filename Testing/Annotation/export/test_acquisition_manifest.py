"""R-DATA-3: acquisition parameters recorded at DICOM import and carried to the export manifest.

The bundled case written as DICOM (Siemens-modelled headers: 1.5 T Avanto, T1 SE TR 500 / TE 12,
FLAIR TR 9000 / TE 105 / TI 2500), checked by the QC, imported as a case, annotated (synthetic
spheres) and exported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _case_helpers import confirm_as_suggested, native_volumes
from _export_helpers import drawn_masks

from CNSTumorAnnotationLib.case.dicom_import import import_case_from_dicom
from CNSTumorAnnotationLib.case.folder import save_annotation_version
from CNSTumorAnnotationLib.export.case_export import export_case
from CNSTumorQCLib.demo.fixture_study import write_case_as_dicom_study
from CNSTumorQCLib.qc import run_qc

pytestmark = pytest.mark.mrml


@pytest.mark.slow
def test_the_manifest_carries_the_acquisition_parameters_of_each_series(
    sample_case: Path, tmp_path: Path, fixture_runtime: Any
) -> None:
    write_case_as_dicom_study(native_volumes(sample_case), tmp_path / "dicom", uid_seed="r-data-3")
    run_qc(tmp_path / "dicom", tmp_path / "qc", workers=1, thumbnails=False)
    case = import_case_from_dicom(
        confirm_as_suggested(tmp_path / "qc"),  # only confirmed series are imported (R-QC-2)
        tmp_path / "dicom",
        tmp_path / "case",
        "intra_axial",
        register=False,
    )
    recorded = case.metadata["sequences"]["FLAIR"]["acquisition_parameters"]
    assert recorded["repetition_time_ms"] == 9000 and recorded["inversion_time_ms"] == 2500
    save_annotation_version(case, drawn_masks(case), "dr_li", runtime=fixture_runtime)
    export_case(tmp_path / "case", tmp_path / "out", "nifti", runtime=fixture_runtime)
    (manifest,) = (tmp_path / "out").rglob("manifest.json")
    series = json.loads(manifest.read_text())["series"]
    assert set(series) == {"T1", "T1C", "T2", "FLAIR"}
    t1 = series["T1"]["acquisition_parameters"]
    assert (t1["field_strength_t"], t1["model"], t1["manufacturer"]) == (1.5, "Avanto", "SIEMENS")
    assert (t1["repetition_time_ms"], t1["echo_time_ms"], t1["flip_angle_deg"]) == (500, 12, 90)
    assert t1["slice_thickness_mm"] == 5 and t1["matrix"] == [224, 256]
    assert series["T1C"]["acquisition_parameters"]["contrast_agent"] == "MAGNEVIST"
    assert series["FLAIR"]["acquisition_parameters"]["inversion_time_ms"] == 2500
