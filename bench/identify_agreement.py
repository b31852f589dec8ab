"""Sequence identification: CNSTumor vs ``dcm-classifier`` (BRAINSia 0.9.9) on every real series.

Every DICOM series under the shared data (Siemens XA30 enhanced, Philips DTI, GE DWI, the
dicom2nifti multi-vendor excerpts, nibabel's gzipped Siemens mosaics) goes to both, in the same
run (dcm-classifier one series folder at a time); series are matched by SeriesInstanceUID. dcm-classifier's classes are mapped to ours
(t1w -> T1, or T1C when it infers contrast; t2w -> T2; flair -> FLAIR; tracew / dwig / b0 in a
diffusion series -> DWI; adc -> ADC; fa / eadc / gret2star -> OTHER; INVALID = no answer).
Where the truth is known (folder names, SOURCE.md, the dcm2niix ``Ref/*.json``) both are scored.

Writes ``bench/results/identify_agreement.json``. Run: ``.venv/bin/python -m bench.identify_agreement``.
Needs the ``bench`` extra (``pip install -e ".[bench]"``).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import platform
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from CNSTumorQCLib.acquisition.identify import identify_series
from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.paths import shared_data_dir

RESULTS = Path(__file__).resolve().parent / "results" / "identify_agreement.json"

#: Study folders under the shared data (each is indexed and classified as a whole).
ROOTS = (
    "dcm_qa_xa30/In",
    "dcm_qa_philips/In",
    "dcm_qa_ge/In",
    "dicom2nifti_testdata",
    "nibabel_dicom",
)

#: Known truth by series folder (relative to the shared data), from names, SOURCE.md and Ref/*.json.
TRUTH = {
    "dcm_qa_xa30/In/5_anat-T1w_acq-tfl": "T1",
    "dcm_qa_xa30/In/10_DWI_dir80_PA": "DWI",
    "dcm_qa_xa30/In/11_DWI_dir80_PA": "ADC",
    "dcm_qa_xa30/In/12_DWI_dir80_PA": "DWI",
    "dcm_qa_xa30/In/16_DWI_dir80_PA": "OTHER",
    "dcm_qa_philips/In/Vanderbilt_2018/601_WIP_dti_ax": "DWI",
    "dcm_qa_ge/In/01_Ax_DWI_TENSOR_R2": "DWI",
    "nibabel_dicom": "DWI",
    "dicom2nifti_testdata/siemens/anatomical/001": "FLAIR",
    "dicom2nifti_testdata/philips/anatomical/001": "FLAIR",
    "dicom2nifti_testdata/hyperfine/anatomical/001": "FLAIR",
    "dicom2nifti_testdata/ge/anatomical/001": "T1",
    "dicom2nifti_testdata/hitachi/anatomical/001": "OTHER",
    "dicom2nifti_testdata/ge/dti/001": "DWI",
    "dicom2nifti_testdata/philips/dti/001": "DWI",
    "dicom2nifti_testdata/siemens/dti_classic/001": "DWI",
}

_CLASS_MAP = {
    "t1w": "T1",
    "t2w": "T2",
    "flair": "FLAIR",
    "tracew": "DWI",
    "dwig": "DWI",
    "b0": "DWI",
    "adc": "ADC",
    "fa": "OTHER",
    "eadc": "OTHER",
    "gret2star": "OTHER",
}


def _ungzipped(root: Path, scratch: Path) -> Path:
    """dcm-classifier reads no .dcm.gz: give it decompressed copies (ours reads them directly)."""
    gz = list(root.rglob("*.gz"))
    if not any(p.name.endswith(".dcm.gz") for p in gz):
        return root
    target = scratch / root.name
    target.mkdir(parents=True, exist_ok=True)
    for path in gz:
        if path.name.endswith(".dcm.gz"):
            (target / path.name[:-3]).write_bytes(gzip.decompress(path.read_bytes()))
    return target


def dcm_classifier_series(folder: Path) -> dict[str, dict[str, Any]]:
    """dcm-classifier's answer per SeriesInstanceUID (its console chatter is swallowed)."""
    from dcm_classifier.image_type_inference import ImageTypeClassifierBase
    from dcm_classifier.study_processing import ProcessOneDicomStudyToVolumesMappingBase

    answers: dict[str, dict[str, Any]] = {}
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        study = ProcessOneDicomStudyToVolumesMappingBase(
            study_directory=folder, inferer=ImageTypeClassifierBase()
        )
        study.run_inference()
        for series in study.series_dictionary.values():
            modality = str(series.get_series_modality())
            low = modality.startswith("LOW_PROBABILITY_")
            base = modality.removeprefix("LOW_PROBABILITY_").lower()
            mapped = _CLASS_MAP.get(base)
            if mapped == "T1" and series.get_has_contrast():
                mapped = "T1C"
            uid = str(series.get_dicom_field_by_name("SeriesInstanceUID"))
            answers[uid] = {
                "class": modality,
                "mapped": mapped,
                "low_probability": low,
                "plane": str(series.get_acquisition_plane()),
            }
    return answers


def _folder_key(data: Path, path: str) -> str:
    relative = Path(path).resolve().relative_to(data.resolve())
    for key in TRUTH:
        if str(relative).startswith(key):
            return key
    return str(relative.parent)


def run() -> dict[str, Any]:
    data = shared_data_dir()
    rows: list[dict[str, Any]] = []
    timings = {"cnstumor_s": 0.0, "dcm_classifier_s": 0.0}
    with tempfile.TemporaryDirectory() as scratch:
        for root in ROOTS:
            folder = data / root
            start = time.perf_counter()
            index = index_folder(folder, workers=1)
            ours = {s.series_instance_uid: (s, identify_series(s)) for s in index.series}
            timings["cnstumor_s"] += time.perf_counter() - start
            # dcm-classifier keys series by SeriesNumber, which collides across the excerpts:
            # give it one series folder at a time.
            start = time.perf_counter()
            theirs: dict[str, dict[str, Any]] = {}
            for series_folder in sorted({str(Path(s.first.path).parent) for s, _ in ours.values()}):
                theirs.update(dcm_classifier_series(_ungzipped(Path(series_folder), Path(scratch))))
            timings["dcm_classifier_s"] += time.perf_counter() - start
            for uid, (series, ident) in ours.items():
                key = _folder_key(data, series.first.path)
                other = theirs.get(
                    uid,
                    {
                        "class": "not returned",
                        "mapped": None,
                        "low_probability": False,
                        "plane": None,
                    },
                )
                rows.append(
                    {
                        "folder": key,
                        "series_instance_uid": uid,
                        "truth": TRUTH.get(key),
                        "cnstumor": ident.sequence.value,
                        "cnstumor_confidence": ident.confidence,
                        "cnstumor_plane": ident.plane.value if ident.plane else None,
                        "dcm_classifier": other["class"],
                        "dcm_classifier_mapped": other["mapped"],
                        "dcm_classifier_plane": other["plane"],
                        "agree": other["mapped"] == ident.sequence.value,
                    }
                )
    answered = [r for r in rows if r["dcm_classifier_mapped"] is not None]
    known = [r for r in rows if r["truth"] is not None]
    summary = {
        "series": len(rows),
        "dcm_classifier_answered": len(answered),
        "agreement_where_both_answer": round(sum(r["agree"] for r in answered) / len(answered), 3)
        if answered
        else None,
        "truth_known": len(known),
        "cnstumor_correct": sum(r["cnstumor"] == r["truth"] for r in known),
        "dcm_classifier_correct": sum(r["dcm_classifier_mapped"] == r["truth"] for r in known),
        **{k: round(v, 3) for k, v in timings.items()},
    }
    return {
        "anchor": "dcm-classifier 0.9.9 (ImageTypeClassifierBase, default ONNX model)",
        "machine": platform.platform(),
        "summary": summary,
        "series": rows,
    }


def main() -> None:
    payload = run()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    write_json_atomic(RESULTS, payload)
    print(f"{'folder':48} {'truth':6} {'CNSTumor':9} {'dcm-classifier':24}")
    for row in payload["series"]:
        print(
            f"{row['folder'][:48]:48} {row['truth'] or '?':6} {row['cnstumor']:9} {row['dcm_classifier']:24} {'agree' if row['agree'] else ''}"
        )
    print(payload["summary"])
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    shutil.disk_usage(".")  # fail early on a broken working directory
    main()
