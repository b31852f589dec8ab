"""One operation over many studies on Dask: QC, de-identification and export of a multi-centre
data set (thousands of studies) on one machine or a cluster.

Why Dask (``dask.distributed``): the same code runs in-process, on a ``LocalCluster`` sized to
the machine, or on a cluster's scheduler (``--scheduler tcp://host:8786``; dask-jobqueue starts
workers under Slurm), and ``as_completed`` gives results in the order they finish.

What the runner guarantees:
- one failure never stops the batch: a task's error (or a worker that dies) is that study's
  ``failed`` outcome with the error's one line; every other study goes on;
- memory stays flat: at most ``in_flight`` futures exist at once (a new study is submitted
  as one finishes), each result is released as soon as it is recorded, and only a small
  outcome per study (status, seconds, counts) travels back;
- per-study outcomes stream into a journal (one JSON line each, flushed) while the batch runs,
  and into ``<name>_summary.json`` and ``<name>_summary.csv`` (atomic) at the end;
- a re-run skips what is done and unchanged: each study's inputs are fingerprinted by content
  (sha256 of every file's path and bytes, plus the operation's options and the tool version),
  on the worker; a study whose fingerprint matches its last ``done`` outcome and whose output
  still exists is ``unchanged`` and not recomputed (an interrupted run's journal counts too);
- a progress bar shows studies done / failed / remaining.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import socket
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from CNSTumorQCLib.atomic import write_json_atomic, write_text_atomic
from CNSTumorQCLib.errors import CNSTumorError, InvalidInputError, MissingInputError
from CNSTumorQCLib.i18n import language, tr
from CNSTumorQCLib.progress import on_terminal
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.version import __version__

SUMMARY_FORMAT = "cnstumor-batch-summary/1"
DONE, FAILED, UNCHANGED = "done", "failed", "unchanged"
CSV_FIELDS = ("key", "status", "seconds", "source", "output", "error", "fingerprint", "worker")


@dataclass(frozen=True)
class BatchItem:
    """One study of the batch: a unique key, its input folder and its output folder."""

    key: str
    source: str
    output: str


@dataclass(frozen=True)
class ItemOutcome:
    """What happened to one study; ``result`` is the task's small summary (counts, verdict)."""

    key: str
    source: str
    output: str
    status: str
    seconds: float = 0.0
    fingerprint: str | None = None
    worker: str | None = None
    error: str | None = None
    error_type: str | None = None
    result: dict[str, Any] = field(default_factory=dict)


@dataclass
class BatchSummary:
    """Every study's outcome, in the order the studies were given."""

    name: str
    out_dir: Path
    outcomes: list[ItemOutcome]
    summary_path: Path | None = None
    csv_path: Path | None = None

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def failed(self) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.status == FAILED]

    @property
    def exit_status(self) -> int:
        return 1 if self.failed else 0


# A task runs one study: it reads item.source, writes under item.output, and returns a small
# JSON-able summary; it raises (a CNSTumorError for bad input) when the study fails. It must be
# a module-level function so that worker processes can import it.
Task = Callable[[BatchItem], dict[str, Any]]


def items_for(sources: Sequence[str | Path], out_dir: str | Path) -> list[BatchItem]:
    """One item per input folder, output ``out_dir/<folder name>`` (made unique: ``name-2``)."""
    items, seen = [], set()
    for source in sources:
        path = Path(source)
        key = path.name or "study"
        base, n = key, 1
        while key in seen:
            n += 1
            key = f"{base}-{n}"
        seen.add(key)
        items.append(BatchItem(key, str(path), str(Path(out_dir) / key)))
    return items


def fingerprint(source: str | Path, salt: str = "") -> str:
    """sha256 over ``salt`` and every file under ``source`` (relative path, size, bytes), in
    path order: the same content gives the same fingerprint wherever it lies."""
    root = Path(source)
    if not root.exists():
        raise MissingInputError(tr("study input not found"), root)
    digest = hashlib.sha256(f"{__version__}\0{salt}\0".encode())
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in files:
        relative = path.name if path == root else path.relative_to(root).as_posix()
        digest.update(f"{relative}\0{path.stat().st_size}\0".encode())
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def run_item(
    task: Task, item: BatchItem, previous: tuple[str, str] | None, salt: str
) -> ItemOutcome:
    """Run one study (on a worker): fingerprint, skip when unchanged, else the task; every
    error becomes this study's ``failed`` outcome. ``previous``: the last run's fingerprint
    and the output it left (``result["output"]`` when the task names one, else item.output)."""
    start = time.perf_counter()
    worker = f"{socket.gethostname()}:{os.getpid()}"
    base: dict[str, Any] = {
        "key": item.key,
        "source": item.source,
        "output": item.output,
        "worker": worker,
    }
    digest = None
    try:
        digest = fingerprint(item.source, salt)
        if previous is not None and previous[0] == digest and Path(previous[1]).exists():
            return ItemOutcome(**base, status=UNCHANGED, fingerprint=digest)
        result = task(item)
    except CNSTumorError as error:
        return _failed(base, digest, start, str(error), type(error).__name__)
    except Exception as error:  # an unexpected bug in one study must not stop the batch
        detail = traceback.format_exc(limit=4)
        return _failed(
            base,
            digest,
            start,
            tr("unexpected {kind}: {problem}", kind=type(error).__name__, problem=error)
            + f"\n{detail}",
            type(error).__name__,
        )
    seconds = round(time.perf_counter() - start, 3)
    return ItemOutcome(**base, status=DONE, seconds=seconds, fingerprint=digest, result=result)


def _failed(
    base: dict[str, Any], digest: str | None, start: float, error: str, kind: str
) -> ItemOutcome:
    seconds = round(time.perf_counter() - start, 3)
    return ItemOutcome(
        **base, status=FAILED, seconds=seconds, fingerprint=digest, error=error, error_type=kind
    )


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A client of ``scheduler`` (``tcp://host:8786``), else of a new ``LocalCluster`` with
    ``workers`` single-threaded worker processes (default: one per CPU)."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as error:
            raise InvalidInputError(
                tr("no Dask scheduler answers: {error}", error=error), scheduler
            ) from error
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def run_batch(
    items: Sequence[BatchItem],
    task: Task,
    *,
    name: str,
    out_dir: str | Path,
    options: dict[str, Any] | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    in_flight: int | None = None,
    progress: bool = True,
    client: Any = None,
    finish: Callable[[Path], dict[str, Any]] | None = None,
) -> BatchSummary:
    """Run ``task`` on every item; write ``<out_dir>/<name>_summary.json`` and ``.csv``.

    ``workers=1`` without a scheduler runs in this process (no Dask); otherwise on ``client``,
    the ``scheduler``'s cluster or a new ``LocalCluster``. ``in_flight`` bounds the studies
    submitted at once (default: twice the workers). The summary is always written: when the
    batch stops early (Ctrl-C, an unexpected error) it lists what finished, with
    ``"complete": false``. ``finish(out_dir)``, called once every study ran, returns extra
    summary fields (an export's checksums of every file it wrote)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    options = dict(options or {})
    # The language is part of what a study's reports are: a re-run in the other language redoes them.
    salt = json.dumps(
        {"operation": name, "language": language(), **options}, sort_keys=True, default=str
    )
    keys = [item.key for item in items]
    if len(set(keys)) != len(keys):
        raise InvalidInputError(
            tr("two studies of the batch share a key: {keys}", keys=sorted(keys))
        )
    previous = _previous_fingerprints(out, name)
    journal_path = out / f".{name}_journal.jsonl"
    outcomes: dict[str, ItemOutcome] = {}
    bar = tqdm(
        total=len(items),
        desc=name,
        unit="study",
        disable=not (progress and on_terminal()),
        dynamic_ncols=True,
    )
    complete = False
    try:
        _run_all(items, task, previous, salt, outcomes, journal_path, bar, scheduler, workers,
                 in_flight, client)  # fmt: skip
        complete = True
    finally:
        bar.close()
        ordered = [outcomes[item.key] for item in items if item.key in outcomes]
        summary = BatchSummary(name, out, ordered)
        data = {**_summary_dict(summary, options), "complete": complete}
        if complete and finish is not None:
            data.update(finish(out))
        summary.summary_path = write_json_atomic(out / f"{name}_summary.json", data)
        summary.csv_path = write_text_atomic(out / f"{name}_summary.csv", _csv(ordered))
    journal_path.unlink(missing_ok=True)
    return summary


def _run_all(
    items: Sequence[BatchItem],
    task: Task,
    previous: dict[str, dict[str, Any]],
    salt: str,
    outcomes: dict[str, ItemOutcome],
    journal_path: Path,
    bar: Any,
    scheduler: str | None,
    workers: int | None,
    in_flight: int | None,
    client: Any,
) -> None:
    """Run every item (in process or on Dask), recording each outcome as it finishes."""
    with open(journal_path, "a", encoding="utf-8") as journal:

        def record(outcome: ItemOutcome) -> None:
            if outcome.status == UNCHANGED:
                outcome = _carry_result(outcome, previous.get(outcome.key))
            outcomes[outcome.key] = outcome
            journal.write(json.dumps(asdict(outcome), default=str) + "\n")
            journal.flush()
            failed = sum(o.status == FAILED for o in outcomes.values())
            bar.update(1)
            bar.set_postfix(
                done=len(outcomes) - failed, failed=failed, remaining=len(items) - len(outcomes)
            )

        if workers == 1 and scheduler is None and client is None:
            for item in items:
                record(run_item(task, item, _fp(previous, item.key), salt))
        elif client is not None:
            _run_on(client, items, task, previous, salt, in_flight, record)
        else:
            with dask_client(scheduler, workers) as new_client:
                _run_on(new_client, items, task, previous, salt, in_flight, record)


def _run_on(
    client: Any,
    items: Sequence[BatchItem],
    task: Task,
    previous: dict[str, dict[str, Any]],
    salt: str,
    in_flight: int | None,
    record: Callable[[ItemOutcome], None],
) -> None:
    from distributed import as_completed

    limit = in_flight or max(2, 2 * len(client.scheduler_info().get("workers", {})))
    pending = iter(items)
    by_future: dict[Any, BatchItem] = {}
    completed = as_completed()

    def submit_next() -> None:
        item = next(pending, None)
        if item is not None:
            future = client.submit(run_item, task, item, _fp(previous, item.key), salt, pure=False)
            by_future[future] = item
            completed.add(future)

    for _ in range(limit):
        submit_next()
    for future in completed:
        item = by_future.pop(future)
        try:
            outcome = future.result()
        except Exception as error:  # the worker died (killed, out of memory): this study failed
            outcome = ItemOutcome(
                item.key,
                item.source,
                item.output,
                FAILED,
                error=tr(
                    "worker lost: {kind}: {problem}", kind=type(error).__name__, problem=error
                ),
                error_type=type(error).__name__,
            )
        future.release()
        record(outcome)
        submit_next()


def _fp(previous: dict[str, dict[str, Any]], key: str) -> tuple[str, str] | None:
    entry = previous.get(key)
    if not entry or entry.get("status") not in (DONE, UNCHANGED) or not entry.get("fingerprint"):
        return None
    output = (entry.get("result") or {}).get("output") or entry.get("output")
    return str(entry["fingerprint"]), str(output)


def _carry_result(outcome: ItemOutcome, before: dict[str, Any] | None) -> ItemOutcome:
    if not before:
        return outcome
    return ItemOutcome(**{**asdict(outcome), "result": dict(before.get("result") or {})})


def _previous_fingerprints(out: Path, name: str) -> dict[str, dict[str, Any]]:
    """Outcomes of the last run (its summary, then an interrupted run's journal on top)."""
    found: dict[str, dict[str, Any]] = {}
    summary = out / f"{name}_summary.json"
    if summary.is_file():
        try:
            for outcome in json.loads(summary.read_text(encoding="utf-8")).get("outcomes", []):
                found[str(outcome["key"])] = outcome
        except (ValueError, KeyError, TypeError, AttributeError):
            found = {}  # an unreadable summary only means: nothing is skipped
    journal = out / f".{name}_journal.jsonl"
    if journal.is_file():
        for line in journal.read_text(encoding="utf-8").splitlines():
            try:
                outcome = json.loads(line)
                found[str(outcome["key"])] = outcome
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by a crash
    return found


def _summary_dict(summary: BatchSummary, options: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": SUMMARY_FORMAT,
        "operation": summary.name,
        "out_dir": str(summary.out_dir),
        "studies": len(summary.outcomes),
        "done": summary.count(DONE),
        "unchanged": summary.count(UNCHANGED),
        "failed": summary.count(FAILED),
        "outcomes": [asdict(o) for o in summary.outcomes],
        "provenance": provenance(f"batch {summary.name}", parameters=options),
    }


def _csv(outcomes: Iterable[ItemOutcome]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*CSV_FIELDS, "result"], lineterminator="\n")
    writer.writeheader()
    for outcome in outcomes:
        row = {name: getattr(outcome, name) for name in CSV_FIELDS}
        row["error"] = (outcome.error or "").splitlines()[0] if outcome.error else ""
        row["result"] = json.dumps(outcome.result, sort_keys=True, default=str)
        writer.writerow(row)
    return buffer.getvalue()
