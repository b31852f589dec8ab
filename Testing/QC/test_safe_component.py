"""One validator for every name that reaches a path: no name from input leaves its folder.

``paths.safe_component`` guards the pseudonym prefix, patient numbers, case ids, export file name
fields, dataset and person ids; each is tried here with ``..``, ``/``, absolute paths and NUL.
"""

from __future__ import annotations

from pathlib import Path

import pydicom
import pytest
from _project_helpers import init_project
from pydicom.dataset import FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, MRImageStorage, generate_uid

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.naming import NamingPolicy, clean_component, safe_name
from CNSTumorQCLib.deid.policy import DeidPolicy
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.paths import safe_component

HOSTILE = ("..", "../../escape", "/tmp/escape", "a/b", "a\\b", "C:evil", "nul\x00byte", "x\n", ".")


@pytest.mark.parametrize("name", HOSTILE)
def test_safe_component_refuses_every_name_that_could_leave_its_folder(name: str) -> None:
    with pytest.raises(InvalidInputError, match="pseudonym prefix"):
        safe_component(name, "pseudonym prefix")


@pytest.mark.parametrize("name", ["P001", "TCGA-FG-6692", "张三", "v0001.seg.nrrd"])
def test_safe_component_accepts_plain_and_chinese_names(name: str) -> None:
    assert safe_component(name, "case id") == name


@pytest.mark.parametrize("prefix", HOSTILE)
def test_the_pseudonym_prefix_is_validated(prefix: str) -> None:
    with pytest.raises(InvalidInputError, match="pseudonym prefix"):
        DeidPolicy(pseudonym_prefix=prefix)


@pytest.mark.parametrize("value", HOSTILE)
def test_naming_fields_and_case_ids_never_carry_a_folder(value: str) -> None:
    policy = NamingPolicy()
    for cleaned in _cleaned_or_refused(value):
        assert safe_component(cleaned, "x") == cleaned
    try:
        stem = policy.stem(patient=value, sequence="FLAIR", content="labels")
    except InvalidInputError:
        return
    assert "/" not in stem and "\\" not in stem and "\x00" not in stem and ".." not in stem


def _cleaned_or_refused(value: str) -> list[str]:
    out = []
    for clean in (clean_component, safe_name):
        try:
            out.append(clean(value))
        except InvalidInputError:
            pass
    return out


@pytest.mark.parametrize("value", [*HOSTILE, "abc\n"])
def test_dataset_person_and_case_ids_are_refused(value: str, tmp_path: Path) -> None:
    project = init_project(tmp_path / "project")
    try:
        with pytest.raises(InvalidInputError, match="id"):
            project.add_dataset(
                value,
                actor="admin",
                ethics_reference="E1",
                ethics_date="2024-01-01",
                deidentified=True,
            )
        with pytest.raises(InvalidInputError, match="person id"):
            project.add_person(
                value,
                name="Li",
                role="annotator",
                years_experience=6,
                title="attending",
                licence="MD-1",
                actor="admin",
            )
        with pytest.raises(InvalidInputError, match="case id"):
            project.register_case(value, dataset_id="D1", patient="P001", actor="admin")
    finally:
        project.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


def _one_dicom(folder: Path) -> None:
    folder.mkdir(parents=True)
    ds = pydicom.Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = MRImageStorage
    ds.SOPClassUID = MRImageStorage
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    ds.PatientName, ds.PatientID, ds.Modality = "Doe^John", "ID123456", "MR"
    ds.Rows = ds.Columns = 2
    ds.BitsAllocated = ds.BitsStored = 16
    ds.HighBit, ds.PixelRepresentation, ds.SamplesPerPixel = 15, 0, 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.PixelData = bytes(8)
    ds.save_as(folder / "a.dcm", enforce_file_format=True)


@pytest.mark.parametrize("prefix", ["../../escape", "/tmp/cnstumor-escape", "a\x00b"])
def test_deid_refuses_a_pseudonym_prefix_that_leaves_out(
    prefix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _one_dicom(tmp_path / "in")
    before = set(tmp_path.rglob("*"))
    status = main(
        [
            "deid",
            str(tmp_path / "in"),
            str(tmp_path / "w" / "x" / "out"),
            "--pseudonym-prefix",
            prefix,
            "--workers",
            "1",
            "--salt",
            "s" * 32,
        ]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert "pseudonym prefix" in err and "Traceback" not in err
    assert set(tmp_path.rglob("*")) == before
    assert not Path("/tmp/cnstumor-escape").exists()
