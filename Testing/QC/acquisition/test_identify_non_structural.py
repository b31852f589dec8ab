"""Non-structural series are never identified as T1, T2, FLAIR or T1C (R-ACQ-1..7).

No field map or ASL series with real headers is in the shared data, so each case is built from a
real header of the nearest kind, changed only where the series kind differs (and said so):

* spin-echo EPI field maps: the Philips Achieva DTI b=0 slices (EPI factor 31 in (2001,1013)) and
  the Siemens Skyra DTI (ScanningSequence EP), without their diffusion tags, at TE 84-111 ms as
  on the held-out public data where they were called T2 (0.75);
* gradient-echo field maps (two echoes at 4.92 / 7.38 ms, and the phase difference image) and a
  multi-phase ASL (4 volumes at the same positions, TR 350 / TE 2.2) from the GE DISCOVERY MR750
  IR-SPGR header, which before were called T1 from "short TR, short TE".

Descriptions are blanked (as in ``dicom2nifti_testdata``) unless the case is about the words, so
the physics alone must decide; with BIDS-style words the words agree.
"""

from __future__ import annotations

from pathlib import Path

import pydicom
import pytest
from _dicom_cases import copy_files, only_series, philips_b0_files

from CNSTumorQCLib.acquisition.identify import identify_series
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.qc import build_report
from CNSTumorQCLib.sequences import MRSequence

STRUCTURAL = {MRSequence.T1, MRSequence.T1C, MRSequence.T2, MRSequence.FLAIR}
GE_SPGR = Path("dicom2nifti_testdata/ge/anatomical/001")
SIEMENS_DTI = Path("dicom2nifti_testdata/siemens/dti_classic/001")
DIFFUSION_TAGS = (0x00189087, 0x20011003, 0x0019100C, 0x00291010, 0x00291110, 0x00431039)


def _no_diffusion(ds: pydicom.Dataset) -> None:
    for tag in DIFFUSION_TAGS:
        if tag in ds:
            del ds[tag]
    ds.ImageType = [t for t in ds.ImageType if t != "DIFFUSION"]


def _spin_echo_epi(
    files: list[Path], folder: Path, te: float, description: str = "", series_uid: str = ""
) -> Path:
    uid = series_uid or pydicom.uid.generate_uid()

    def edit(k: int, ds: pydicom.Dataset) -> None:
        _no_diffusion(ds)
        ds.EchoTime = te
        ds.SeriesDescription = ds.ProtocolName = description
        ds.SeriesInstanceUID = uid
        ds.InstanceNumber = k + 1

    copy_files(files, folder, edit)
    return folder


@pytest.mark.parametrize("te", [84.0, 96.0, 111.0])
def test_a_philips_spin_echo_epi_field_map_is_other_not_t2(
    shared_data: Path, tmp_path: Path, te: float
) -> None:
    folder = _spin_echo_epi(philips_b0_files(shared_data, 12), tmp_path, te)
    ident = identify_series(only_series(folder))
    assert ident.sequence is MRSequence.OTHER, ident.evidence
    assert any("echo-planar without diffusion" in e.says for e in ident.evidence)


def test_a_siemens_spin_echo_epi_without_diffusion_is_other_not_t2(
    shared_data: Path, tmp_path: Path
) -> None:
    files = sorted((shared_data / SIEMENS_DTI).iterdir())[:4]
    ident = identify_series(only_series(_spin_echo_epi(files, tmp_path, 84.0)))
    assert ident.sequence is MRSequence.OTHER, ident.evidence


def test_a_field_map_pair_named_t2_is_other_for_a_person_to_confirm(
    shared_data: Path, tmp_path: Path
) -> None:
    """Words and physics disagree: prefer "OTHER, confirm" to a wrong structural label."""
    folder = _spin_echo_epi(philips_b0_files(shared_data, 12), tmp_path, 96.0, "T2 SE EPI")
    ident = identify_series(only_series(folder))
    assert ident.sequence is MRSequence.OTHER and ident.needs_confirmation


@pytest.mark.slow
def test_an_opposite_phase_encoding_pair_is_two_field_maps_in_the_qc_report(
    shared_data: Path, tmp_path: Path
) -> None:
    files = philips_b0_files(shared_data, 12)
    _spin_echo_epi(files, tmp_path / "ap", 96.0, "SpinEchoFieldMap_AP")
    _spin_echo_epi(files, tmp_path / "pa", 96.0, "SpinEchoFieldMap_PA")
    report = build_report(tmp_path, workers=1, thumbnails=False)
    assert [s.sequence for s in report.series] == ["OTHER", "OTHER"]
    for entry in report.series:
        assert not entry.needs_confirmation  # words and physics agree
        assert any("opposite phase-encoding" in e["says"] for e in entry.evidence)


def _ge_gradient_echo(
    shared_data: Path, folder: Path, tr: float, te: float, **extra: object
) -> list[Path]:
    files = sorted((shared_data / GE_SPGR).iterdir())
    uid = str(extra.pop("series_uid", pydicom.uid.generate_uid()))

    def edit(k: int, ds: pydicom.Dataset) -> None:
        del ds.InversionTime
        ds.MRAcquisitionType = "2D"
        ds.RepetitionTime, ds.EchoTime, ds.SeriesInstanceUID = tr, te, uid
        ds.SOPInstanceUID = pydicom.uid.generate_uid()
        for keyword, value in extra.items():
            setattr(ds, keyword, value(k) if callable(value) else value)

    return copy_files(files, folder, edit)


def test_a_two_echo_gradient_echo_field_map_is_other_not_t1(
    shared_data: Path, tmp_path: Path
) -> None:
    uid = pydicom.uid.generate_uid()
    _ge_gradient_echo(shared_data, tmp_path / "e1", 650, 4.92, series_uid=uid, EchoNumbers=1)
    _ge_gradient_echo(shared_data, tmp_path / "e2", 650, 7.38, series_uid=uid, EchoNumbers=2)
    ident = identify_series(only_series(tmp_path))
    assert ident.sequence is MRSequence.OTHER, ident.evidence
    assert any("gradient-echo field map" in e.says for e in ident.evidence)


def test_a_phase_difference_field_map_is_other_not_t1(shared_data: Path, tmp_path: Path) -> None:
    _ge_gradient_echo(
        shared_data, tmp_path, 650, 7.38, ImageType=["ORIGINAL", "PRIMARY", "P", "ND"]
    )
    ident = identify_series(only_series(tmp_path))
    assert ident.sequence is MRSequence.OTHER and ident.confidence >= 0.85, ident.evidence


def test_a_multi_phase_asl_is_other_not_t1(shared_data: Path, tmp_path: Path) -> None:
    uid = pydicom.uid.generate_uid()
    for phase in range(1, 5):
        _ge_gradient_echo(
            shared_data,
            tmp_path / f"phase{phase}",
            350,
            2.2,
            series_uid=uid,
            TemporalPositionIdentifier=phase,
            NumberOfTemporalPositions=4,
            InstanceNumber=lambda k, phase=phase: 4 * (phase - 1) + k + 1,
        )
    (series,) = index_folder(tmp_path, workers=1).series
    assert len(series.stacks) == 4
    ident = identify_series(series)
    assert ident.sequence is MRSequence.OTHER, ident.evidence
    assert any("time series" in e.says for e in ident.evidence)


@pytest.mark.parametrize(
    ("description", "sequence_name"),
    [("pcasl_3d", "tgse_pcasl"), ("fmap-magnitude_acq-gre", "*fm2d2r"), ("perf-asl", "")],
)
def test_asl_and_field_map_names_are_heard(
    shared_data: Path, tmp_path: Path, description: str, sequence_name: str
) -> None:
    """Short TR / TE alone would say T1: the names decide, OTHER (to confirm when only words say it)."""
    _ge_gradient_echo(
        shared_data, tmp_path, 650, 4.9, SeriesDescription=description, SequenceName=sequence_name
    )
    ident = identify_series(only_series(tmp_path))
    assert ident.sequence is MRSequence.OTHER, ident.evidence
    assert ident.needs_confirmation == (not sequence_name)


def test_the_real_gradient_echo_t1_is_still_t1(shared_data: Path) -> None:
    (series,) = index_folder(shared_data / GE_SPGR, workers=1).series
    assert identify_series(series).sequence is MRSequence.T1
