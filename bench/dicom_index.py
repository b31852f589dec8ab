"""DICOM indexing speed: CNSTumor index + identify vs ``dcm2niix -b o`` vs a plain pydicom loop.

Side by side in one run, on the same folders, each method in a fresh child process (so that its
peak memory is its own), each timing the best of ``--repeat`` runs on a warm page cache:

1. ``cnstumor``: :func:`index_folder` (header-only, default workers) + :func:`identify_series` on
   every series; also with one process (``cnstumor_1proc``) and with a pool of one worker per
   core (``cnstumor_pool``), to separate parallelism from parsing;
2. ``dcm2niix``: ``dcm2niix -b o -ba y -f %s_%j -o TMP DIR`` (the PyPI wheel; JSON sidecars only);
3. ``pydicom_loop``: ``pydicom.dcmread(path, stop_before_pixels=True)`` on every file.

Folders: each real data set under the shared data, and a generated folder of at least
``--files`` files: the real classic and enhanced series replicated with new patient, study,
series and instance UIDs into a temporary folder (deleted afterwards, never committed).
Targets: CNSTumor no slower than dcm2niix, >= 5x faster than the plain loop, peak
memory < 1 GiB. Writes ``bench/results/dicom_index.json``. Run:
``.venv/bin/python -m bench.dicom_index [--files 10000] [--repeat 3] [--generated /tmp/DIR]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results" / "dicom_index.json"
REAL = ("dcm_qa_philips/In", "dcm_qa_xa30/In", "dcm_qa_ge/In", "dicom2nifti_testdata")
METHODS = ("cnstumor", "cnstumor_1proc", "cnstumor_pool", "dcm2niix", "pydicom_loop")


# -- the methods, each run inside a child process ------------------------------------------------


def _cnstumor(folder: Path, workers: int | None) -> dict[str, Any]:
    from CNSTumorQCLib.acquisition.identify import identify_series
    from CNSTumorQCLib.dicom.index import index_folder

    index = index_folder(folder, workers=workers, progress=False)
    sequences = [identify_series(s).sequence.value for s in index.series]
    return {"files": index.files_indexed, "series": len(sequences)}


def _dcm2niix(folder: Path) -> dict[str, Any]:
    executable = shutil.which("dcm2niix") or str(Path(sys.executable).parent / "dcm2niix")
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [executable, "-b", "o", "-ba", "y", "-f", "%s_%j", "-o", out, str(folder)],
            capture_output=True,
            text=True,
        )
        sidecars = len(list(Path(out).glob("*.json")))
    if done.returncode not in (0, 2):  # 2: some files were not DICOM
        raise RuntimeError(done.stderr[-500:])
    return {"files": None, "series": sidecars}


def _pydicom_loop(folder: Path) -> dict[str, Any]:
    import pydicom

    read = 0
    for root, _, names in os.walk(folder):
        for name in names:
            try:
                pydicom.dcmread(os.path.join(root, name), stop_before_pixels=True)
                read += 1
            except Exception:
                continue
    return {"files": read, "series": None}


def child(method: str, folder: Path, repeat: int) -> dict[str, Any]:
    """Run one method ``repeat`` times; best wall time and this process tree's peak memory."""
    import pydicom  # noqa: F401  (imports are not part of any method's time)

    from CNSTumorQCLib.acquisition import identify  # noqa: F401

    runs = []
    result: dict[str, Any] = {}
    for _ in range(repeat):
        start = time.perf_counter()
        if method == "cnstumor":
            result = _cnstumor(folder, None)
        elif method == "cnstumor_1proc":
            result = _cnstumor(folder, 1)
        elif method == "cnstumor_pool":
            result = _cnstumor(folder, os.cpu_count() or 1)
        elif method == "dcm2niix":
            result = _dcm2niix(folder)
        else:
            result = _pydicom_loop(folder)
        runs.append(time.perf_counter() - start)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    from CNSTumorQCLib.dicom.index import default_workers

    workers = {"cnstumor": default_workers(), "cnstumor_pool": os.cpu_count() or 1}.get(method, 0)
    return {
        **result,
        "seconds": round(min(runs), 4),
        "runs": [round(r, 4) for r in runs],
        "peak_rss_mib": round(own, 1),
        "peak_rss_child_mib": round(children, 1),
        # upper bound for the pool: the parent plus every worker at its own peak
        "peak_rss_total_mib": round(own + children * max(workers, 1 if children else 0), 1),
    }


# -- the generated folder ------------------------------------------------------------------------


def _replicate(job: tuple[str, str, int]) -> int:
    """Write one copy of a real file with the UIDs of replica ``k`` (deterministic)."""
    import pydicom
    from pydicom.uid import generate_uid

    source, target, k = job
    dataset = pydicom.dcmread(source)
    salt = f"cnstumor-bench-{k}"
    for keyword in (
        "StudyInstanceUID",
        "SeriesInstanceUID",
        "SOPInstanceUID",
        "FrameOfReferenceUID",
    ):
        if keyword in dataset:
            setattr(dataset, keyword, generate_uid(entropy_srcs=[salt, str(dataset.get(keyword))]))
    dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
    dataset.PatientID = f"BENCH{k:04d}"
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    dataset.save_as(target)
    return 1


def generate(data: Path, folder: Path, minimum: int) -> int:
    """Replicate every real (uncompressed) DICOM file until the folder holds ``minimum`` files."""
    from CNSTumorQCLib.dicom.index import index_folder

    sources = sorted(
        {p for root in REAL for s in index_folder(data / root, workers=1).series for p in s.files}
    )
    copies = -(-minimum // len(sources))
    jobs = [
        (src, str(folder / f"patient{k:03d}" / Path(src).parent.name / f"{n:05d}.dcm"), k)
        for k in range(copies)
        for n, src in enumerate(sources)
    ]
    with ProcessPoolExecutor() as pool:
        return sum(pool.map(_replicate, jobs, chunksize=64))


# -- the parent ----------------------------------------------------------------------------------


def _run_child(method: str, folder: Path, repeat: int) -> dict[str, Any]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.dicom_index",
            "--child",
            method,
            str(folder),
            "--repeat",
            str(repeat),
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    if done.returncode != 0:
        return {"error": done.stderr[-800:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _compare(name: str, folder: Path, files: int, repeat: int) -> dict[str, Any]:
    row: dict[str, Any] = {"folder": name, "files": files}
    for method in METHODS:
        row[method] = _run_child(method, folder, repeat)
    ours = row["cnstumor"].get("seconds")
    for anchor in ("dcm2niix", "pydicom_loop", "cnstumor_1proc"):
        theirs = row[anchor].get("seconds")
        row[f"speedup_vs_{anchor}"] = round(theirs / ours, 2) if ours and theirs else None
    row["files_per_second"] = {
        m: round(files / row[m]["seconds"], 1) for m in METHODS if row[m].get("seconds")
    }
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "FOLDER"))
    parser.add_argument(
        "--generated",
        type=Path,
        help="keep (or reuse) the generated folder here instead of a temporary one",
    )
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]), args.repeat)))
        return 0
    from CNSTumorQCLib.atomic import write_json_atomic
    from CNSTumorQCLib.paths import shared_data_dir

    data = shared_data_dir()
    rows = []
    for root in REAL:
        files = sum(len(n) for _, _, n in os.walk(data / root))
        rows.append(_compare(root, data / root, files, args.repeat))
        _print(rows[-1])
    with tempfile.TemporaryDirectory(prefix="cnstumor-bench-") as scratch:
        folder = args.generated or Path(scratch)
        written = sum(len(n) for _, _, n in os.walk(folder)) if folder.is_dir() else 0
        if written < args.files:
            start = time.perf_counter()
            written = generate(data, folder, args.files)
            print(f"generated {written} files in {time.perf_counter() - start:.1f} s")
        rows.append(
            _compare(
                f"generated ({written} files, real series replicated with new UIDs)",
                folder,
                written,
                max(1, args.repeat - 1),
            )
        )
        _print(rows[-1])
    big = rows[-1]
    payload = {
        "machine": {
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_end": os.getloadavg(),
        },
        "targets": {
            "no_slower_than_dcm2niix": bool(
                big["speedup_vs_dcm2niix"] and big["speedup_vs_dcm2niix"] >= 1.0
            ),
            "at_least_5x_faster_than_pydicom_loop": bool(
                big["speedup_vs_pydicom_loop"] and big["speedup_vs_pydicom_loop"] >= 5.0
            ),
            "peak_memory_below_1_gib": bool(big["cnstumor"].get("peak_rss_total_mib", 1e9) < 1024),
        },
        "rows": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    write_json_atomic(RESULTS, payload)
    print(json.dumps(payload["targets"]))
    print(f"wrote {RESULTS}")
    return 0


def _print(row: dict[str, Any]) -> None:
    print(f"\n{row['folder']}: {row['files']} files")
    print(f"  {'method':16} {'seconds':>9} {'files/s':>10} {'peak MiB':>9}")
    for method in METHODS:
        result = row[method]
        if "error" in result:
            print(f"  {method:16} error: {result['error'][-200:]}")
            continue
        print(
            f"  {method:16} {result['seconds']:9.3f} {row['files_per_second'].get(method, 0):10.1f} {result['peak_rss_total_mib']:9.1f}"
        )
    print(
        f"  CNSTumor speed-up: x{row['speedup_vs_dcm2niix']} vs dcm2niix, x{row['speedup_vs_pydicom_loop']} vs pydicom loop"
    )


if __name__ == "__main__":
    sys.exit(main())
