"""The foundation: the command, the data setting, atomic writes, provenance, findings."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from CNSTumorAnnotationLib.cli import app as cli
from CNSTumorQCLib import __version__
from CNSTumorQCLib.atomic import sha256_file, write_json_atomic, write_with_atomic
from CNSTumorQCLib.errors import (
    CNSTumorError,
    InvalidInputError,
    MissingInputError,
    NotDicomError,
)
from CNSTumorQCLib.findings import Finding, Severity, has_blocking
from CNSTumorQCLib.paths import SHARED_DATA_ENV, sample_data_dir, shared_data_dir
from CNSTumorQCLib.provenance import provenance


def test_cnstumor_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"cnstumor {__version__}"


@pytest.mark.slow
@pytest.mark.parametrize("module", ["CNSTumorAnnotationLib.cli", "CNSTumorAnnotationLib.cli.app"])
def test_cnstumor_help_lists_every_registered_command(module):
    result = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "consensus" in result.stdout
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert "demo" in commands
    for name in commands:
        assert name in result.stdout


def test_the_cli_package_exports_the_entry_point():
    import CNSTumorAnnotationLib.cli as package

    assert package.main is cli.main and "main" in package.__all__


@pytest.mark.slow
def test_the_installed_console_script_answers():
    script = Path(sys.executable).parent / "cnstumor"
    assert script.is_file(), "pip install -e . puts the cnstumor command beside python"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_a_user_error_is_one_clear_line_not_a_traceback(capsys):
    def failing(args):
        raise MissingInputError("file not found", "/nowhere/case.json")

    status = cli.dispatch(argparse.Namespace(command="selfcheck", func=failing))
    assert status == 2
    err = capsys.readouterr().err
    assert err.strip() == "cnstumor selfcheck: error: /nowhere/case.json: file not found"


def test_the_shared_data_setting_defaults_to_the_sibling_folder(monkeypatch):
    monkeypatch.delenv(SHARED_DATA_ENV, raising=False)
    path = shared_data_dir(required=False)
    assert path.parts[-2:] == ("shared", "data")


def test_a_missing_shared_data_folder_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv(SHARED_DATA_ENV, str(tmp_path / "absent"))
    with pytest.raises(MissingInputError) as error:
        shared_data_dir()
    assert SHARED_DATA_ENV in str(error.value) and "absent" in str(error.value)


def test_the_bundled_case_ships_with_its_licence_and_citation():
    case = sample_data_dir()
    assert {p.name for p in (case / "native").glob("*.nii.gz")} == {
        "T1.nii.gz",
        "T1C.nii.gz",
        "T2.nii.gz",
        "FLAIR.nii.gz",
    }
    assert len(list((case / "sri24").glob("*.nii.gz"))) == 4
    assert {"mav.nii.gz", "simple.nii.gz"} <= {
        p.name for p in (case / "reference_labels").iterdir()
    }
    source = (case / "SOURCE.md").read_text()
    assert "10.7937/K9/TCIA.2016.L4LTD3TK" in source and "NOT expert" in source
    assert (case / "LICENSE-BrainLesion-tutorials-Apache-2.0").is_file()


def test_an_atomic_write_that_fails_leaves_the_previous_version_intact(tmp_path):
    target = tmp_path / "report.json"
    write_json_atomic(target, {"version": 1})
    before = sha256_file(target)

    def broken_writer(path: Path) -> None:
        path.write_text('{"version": 2, "trunc')
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_with_atomic(target, broken_writer)
    assert sha256_file(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"], "no temporary file left"


def test_an_empty_write_is_refused_and_names_the_file(tmp_path):
    with pytest.raises(OSError, match="out.nii.gz"):
        write_with_atomic(tmp_path / "out.nii.gz", lambda path: None)
    assert not (tmp_path / "out.nii.gz").exists()


def test_provenance_names_software_rule_tables_parameters_and_libraries():
    record = provenance("qc", rule_tables={"acquisition": "R-ACQ/1"}, parameters={"strict": True})
    assert record["software_version"] == __version__
    assert record["rule_tables"] == {"acquisition": "R-ACQ/1"}
    assert record["parameters"] == {"strict": True}
    assert record["libraries"]["slicer-core"] == "5.11.0.6"
    assert record["created_utc"].endswith("+00:00")


def test_a_finding_round_trips_through_its_dict_form():
    finding = Finding(
        "R-ACQ-6", Severity.ERROR, "2D slice thickness 7.0 mm exceeds 6 mm", "1.2.3", ("a.dcm",)
    )
    assert Finding.from_dict(finding.to_dict()) == finding
    assert has_blocking([finding])
    assert not has_blocking([Finding("R-QC-1", Severity.WARNING, "mild ghosting")])


def test_errors_subclass_the_builtins_callers_already_catch():
    assert issubclass(MissingInputError, FileNotFoundError)
    assert issubclass(InvalidInputError, ValueError)
    assert str(InvalidInputError("not DICOM", "/x/y.dcm")) == "/x/y.dcm: not DICOM"
    # a file that is not DICOM is a user error like any other (one line, exit status 2)
    assert issubclass(NotDicomError, InvalidInputError) and issubclass(NotDicomError, CNSTumorError)
