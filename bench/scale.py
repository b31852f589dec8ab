"""Scale: batch QC and export of many studies on Dask, and project operations per second on
SQLite and PostgreSQL with several concurrent clients.

1. **Studies** are generated on the fly into a temporary folder (never committed) from the real
   shared DICOM: 12 neighbouring b=0 slices of the Philips Achieva DTI series
   (``dcm_qa_philips``), rewritten per study with a new PatientID, StudyInstanceUID,
   SeriesInstanceUID and SOPInstanceUIDs (distinct UIDs, the same real pixels). Export cases
   are copies of a cropped bundled case (TCGA-FG-6692, 48 x 48 x 6) with one annotation.
2. **Batch runs** (``CNSTumorQCLib.batch``), each in its own subprocess: QC (full: grade and
   thumbnails) and NIfTI export at N = 10, 100, 1000 on a 2-worker LocalCluster (time per
   study should stay flat); N = 100 in-process (``--workers 1``) vs 2 workers (speed-up on
   this machine); peak RSS of every worker process (``VmHWM``, read on the workers with
   ``client.run``). Cluster start-up is timed apart from the batch.
   Anchor, side by side: a plain Python loop calling ``run_qc`` / ``export_case`` on the same
   studies (no runner, no fingerprints, no summary), at N = 100.
3. **Project operations per second** with 1, 4 and 16 concurrent client processes on one
   project, SQLite (in the folder) and PostgreSQL (a throwaway database on the server given
   by ``--postgresql``): each operation is one audited write transaction (register a case,
   de-identify it, pass its QC) and each client verifies nothing is lost at the end (case
   count, unbroken chain).

Writes ``bench/results/scale.json``. Run: ``python -m bench.scale [--sizes 10,100,1000]``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.paths import shared_data_dir
from CNSTumorQCLib.provenance import provenance

RESULTS = Path(__file__).resolve().parent / "results" / "scale.json"
PHILIPS = "dcm_qa_philips/In"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"


# ---------------------------------------------------------------- studies
def philips_b0(count: int = 12) -> list[Path]:
    from CNSTumorQCLib.dicom.index import index_folder

    index = index_folder(shared_data_dir() / PHILIPS, workers=1, progress=False)
    b0 = next(s for s in index.series[0].stacks if s.key[1] == 0.0)
    files = [Path(i.path) for i in b0.instances]
    start = (len(files) - count) // 2
    return files[start : start + count]


def generate_studies(root: Path, n: int) -> list[Path]:
    """``n`` studies of the same 12 real slices, each with its own patient and UIDs."""
    import pydicom
    from pydicom.uid import generate_uid

    datasets = [pydicom.dcmread(f) for f in philips_b0()]
    studies = []
    for number in range(n):
        study = root / f"S{number:04d}"
        study.mkdir(parents=True)
        study_uid, series_uid = generate_uid(), generate_uid()
        for index, ds in enumerate(datasets):
            ds.PatientID = f"SYN{number:04d}"
            ds.PatientName = f"SYN^{number:04d}"
            ds.StudyInstanceUID, ds.SeriesInstanceUID = study_uid, series_uid
            ds.SOPInstanceUID = generate_uid()
            ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
            ds.save_as(study / f"IM{index:04d}.dcm")
        studies.append(study)
    return studies


def generate_cases(root: Path, n: int) -> list[Path]:
    from bench.export import build_case, copy_case, cropped_volumes

    template = build_case(
        root / "template", cropped_volumes(root / "volumes", (48, 48, 6)), "SYN0000"
    )
    cases = []
    for number in range(n):
        copy_case(template, root / "cases" / f"SYN{number:04d}", number)
        cases.append(root / "cases" / f"SYN{number:04d}")
    return cases


# ---------------------------------------------------------------- one batch run (a subprocess)
def _max_rss_mib() -> float:
    """Peak RSS of this process image (``VmHWM``). Not ``ru_maxrss``: Linux carries that over
    from the parent through fork and exec, so a child would report its parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def batch_run(operation: str, inputs: list[Path], out: Path, workers: int, mode: str) -> dict:
    """``mode``: ``runner`` (CNSTumorQCLib.batch) or ``anchor`` (a plain loop)."""
    import functools

    from CNSTumorQCLib.batch import items_for, run_batch

    if operation == "qc":
        from CNSTumorQCLib.batch_tasks import qc_study

        task: Any = functools.partial(qc_study, grade=True, thumbnails=True)
    else:
        from CNSTumorAnnotationLib.export.batch import export_task
        from CNSTumorAnnotationLib.export.context import ExportOptions

        runtime = None
        if workers == 1:
            from CNSTumorAnnotationLib.mrml.runtime import create_runtime

            runtime = create_runtime()
        task = functools.partial(
            export_task,
            formats=("nifti",),
            options=ExportOptions(),
            version=None,
            out_dir=str(out),
            runtime=runtime,
        )
    items = items_for(inputs, out)
    row: dict[str, Any] = {"operation": operation, "studies": len(inputs), "workers": workers}
    if mode == "anchor":
        start = time.perf_counter()
        for item in items:
            task(item)
        seconds = time.perf_counter() - start
        row.update(mode="anchor: plain loop", failed=0, worker_peak_rss_mib=[_max_rss_mib()])
    elif workers == 1:
        start = time.perf_counter()
        summary = run_batch(items, task, name=operation, out_dir=out, workers=1, progress=False)
        seconds = time.perf_counter() - start
        row.update(mode="runner in-process", failed=len(summary.failed))
        row["worker_peak_rss_mib"] = [_max_rss_mib()]
    else:
        from distributed import Client, LocalCluster

        begin = time.perf_counter()
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        row["cluster_start_seconds"] = round(time.perf_counter() - begin, 2)
        start = time.perf_counter()
        summary = run_batch(items, task, name=operation, out_dir=out, client=client, progress=False)
        seconds = time.perf_counter() - start
        rss = client.run(_max_rss_mib)
        row.update(mode="runner on LocalCluster", failed=len(summary.failed))
        row["worker_peak_rss_mib"] = sorted(rss.values())
        row["client_peak_rss_mib"] = _max_rss_mib()
        client.close()
        cluster.close()
    row["seconds"] = round(seconds, 2)
    row["seconds_per_study"] = round(seconds / len(inputs), 4)
    return row


def run_in_subprocess(*args: str) -> dict:
    command = [sys.executable, "-m", "bench.scale", "--worker", *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def batches(work: Path, sizes: list[int], speedup_n: int) -> list[dict]:
    rows = []
    biggest = max(sizes)
    studies_root, cases_root = work / "studies", work / "export_cases"
    t = time.perf_counter()
    generate_studies(studies_root, biggest)
    print(f"generated {biggest} studies in {time.perf_counter() - t:.0f} s", flush=True)
    t = time.perf_counter()
    generate_cases(cases_root, biggest)
    print(f"generated {biggest} cases in {time.perf_counter() - t:.0f} s", flush=True)
    plan = [(op, n, 2, "runner") for op in ("qc", "export") for n in sizes]
    plan += [(op, speedup_n, 1, "runner") for op in ("qc", "export")]
    plan += [(op, speedup_n, 1, "anchor") for op in ("qc", "export")]
    for operation, n, workers, mode in plan:
        root = studies_root if operation == "qc" else cases_root / "cases"
        out = work / f"out-{operation}-{n}-{workers}-{mode}"
        row = run_in_subprocess(operation, str(root), str(n), str(out), str(workers), mode)
        print(json.dumps(row), flush=True)
        rows.append(row)
        shutil.rmtree(out, ignore_errors=True)
    return rows


# ---------------------------------------------------------------- project operations
def project_client(project_dir: str, client: int, operations: int, barrier: Any) -> float:
    """One client process: ``operations`` audited writes on its own cases; wall seconds."""
    from CNSTumorAnnotationLib.project.annotation_project import Project

    with Project.open(project_dir) as project:
        barrier.wait()
        start = time.perf_counter()
        done = 0
        number = 0
        while done < operations:
            case_id = f"c{client}-{number}"
            number += 1
            project.register_case(case_id, dataset_id="d", patient=case_id, actor="admin")
            done += 1
            if done < operations:
                project.deidentify(case_id, actor="admin")
                done += 1
            if done < operations:
                project.pass_qc(case_id, actor="admin", grade=3)
                done += 1
        return time.perf_counter() - start


def project_throughput(work: Path, engine: str, clients: int, operations: int, url: str) -> dict:
    from CNSTumorAnnotationLib.project import audit
    from CNSTumorAnnotationLib.project.annotation_project import Project

    directory = work / f"project-{engine}-{clients}"
    database = None
    if engine == "postgresql":
        database = _new_database(url)
    from CNSTumorAnnotationLib.people import Person, Role, Title

    admin = Person("admin", "Admin", Role.ADMINISTRATOR, 0, Title.RESIDENT, "STAFF-0001")
    with Project.init(
        directory, admin=admin, password="bench-admin-pass-phrase", database=database
    ) as project:
        project.add_dataset(
            "d", actor="admin", ethics_reference="IRB", ethics_date="2026-01-01", deidentified=True
        )
    context = multiprocessing.get_context("spawn")
    barrier = context.Manager().Barrier(clients)
    with context.Pool(clients) as pool:
        start = time.perf_counter()
        walls = pool.starmap(
            project_client,
            [(str(directory), c, operations, barrier) for c in range(clients)],
        )
        seconds = time.perf_counter() - start
    with Project.open(directory) as project:
        cases = len(project.cases())
        chain = audit.verify_chain(project.conn)
    total = clients * operations
    if engine == "postgresql":
        _drop_database(url, str(database))
    return {
        "engine": engine,
        "clients": clients,
        "operations": total,
        "seconds": round(max(walls), 3),
        "operations_per_second": round(total / max(walls), 1),
        "wall_with_process_start_seconds": round(seconds, 2),
        "cases": cases,
        "chain_ok": chain.ok,
        "audit_entries": chain.entries,
    }


def _new_database(url: str) -> str:
    import psycopg

    name = f"cnstumor_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + f"/{name}"


def _drop_database(url: str, database: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {database.rsplit('/', 1)[1]} WITH (FORCE)")


def projects(work: Path, url: str, operations: int) -> list[dict]:
    rows = []
    for engine in ("sqlite", "postgresql"):
        for clients in (1, 4, 16):
            row = project_throughput(work, engine, clients, operations, url)
            print(json.dumps(row), flush=True)
            rows.append(row)
    return rows


# ---------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--speedup-n", type=int, default=100)
    parser.add_argument("--operations", type=int, default=60, help="per project client")
    parser.add_argument("--postgresql", default=DEFAULT_PG)
    parser.add_argument("--only", choices=("batches", "projects"))
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the results go")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    previous = json.loads(args.out.read_text()) if args.out.is_file() else {}
    result: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "provenance": provenance("bench.scale", parameters=vars(args)),
    }
    with tempfile.TemporaryDirectory(prefix="cnstumor-scale-") as tmp:
        work = Path(tmp)
        if args.only != "projects":
            result["batches"] = batches(work, sizes, args.speedup_n)
        else:
            result["batches"] = previous.get("batches", [])
        if args.only != "batches":
            result["projects"] = projects(work, args.postgresql, args.operations)
        else:
            result["projects"] = previous.get("projects", [])
    write_json_atomic(args.out, result)
    print(f"wrote {args.out}")
    return 0


def worker_main(argv: list[str]) -> int:
    operation, root, n, out, workers, mode = argv
    inputs = sorted(p for p in Path(root).iterdir() if p.is_dir())[: int(n)]
    row = batch_run(operation, inputs, Path(out), int(workers), mode)
    print(json.dumps(row))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        sys.exit(worker_main(sys.argv[2:]))
    sys.exit(main())
