"""The front server's drawing workers: one trame-slicer process per (person, case, mode).

Each worker listens on 127.0.0.1 (or the front's host) on a free port and accepts a browser
only with its one-time wslink secret, which the front hands to the person it signed in (the
trame client reads ``?secret=`` and removes it from the address bar). A worker stops when its
person signs out or the front server stops. The front has already checked the person, the
case and the role; the worker acts as that person through the same workflow calls.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import WorkflowError

START_TIMEOUT_S = 180.0


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    port: int
    secret: str
    key_file: Path


class Workers:
    """Starts, finds and stops the drawing workers of one front server."""

    def __init__(self, project_dir: Path, bind_host: str = "127.0.0.1") -> None:
        self.project_dir = Path(project_dir)
        self.bind_host = bind_host
        self._workers: dict[tuple[str, str, bool], Worker] = {}
        self._keys = Path(tempfile.mkdtemp(prefix="cnstumor-web-"))

    def open(self, person: str, case_id: str, folder: Path, *, read_only: bool, host: str) -> str:
        """The address of the person's worker on the case, starting it when needed."""
        key = (person, case_id, read_only)
        worker = self._workers.get(key)
        if worker is None or worker.process.poll() is not None:
            worker = self._start(person, case_id, read_only)
            self._workers[key] = worker
        hostname = host.rsplit(":", 1)[0] if host else self.bind_host
        return f"http://{hostname}:{worker.port}/?secret={worker.secret}"

    def _start(self, person: str, case_id: str, read_only: bool) -> Worker:
        port = free_port(self.bind_host)
        secret = secrets.token_urlsafe(24)
        key_file = self._keys / f"{port}.key"
        key_file.write_text(secret)
        key_file.chmod(0o600)
        command = [
            sys.executable, "-m", "CNSTumorAnnotationLib.web.draw_app",
            "--project", str(self.project_dir), "--case", case_id, "--person", person,
            "--host", self.bind_host, "--port", str(port), "--authKeyFile", str(key_file),
            "--server",
        ]  # fmt: skip
        if read_only:
            command.append("--read-only")
        log = open(self._keys / f"{port}.log", "wb")  # noqa: SIM115 (the worker owns it)
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=os.environ)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = (self._keys / f"{port}.log").read_text(errors="replace")[-400:]
                raise WorkflowError(
                    tr(
                        "the drawing wizard for case {case_id} did not start: {tail}",
                        case_id=case_id,
                        tail=tail,
                    )
                )
            if _accepts(self.bind_host, port):
                return Worker(process, port, secret, key_file)
            time.sleep(0.2)
        process.kill()
        raise WorkflowError(
            tr("the drawing wizard for case {case_id} did not start in time", case_id=case_id)
        )

    def stop_person(self, person: str) -> None:
        for key in [k for k in self._workers if k[0] == person]:
            _stop(self._workers.pop(key))

    def stop_all(self) -> None:
        for key in list(self._workers):
            _stop(self._workers.pop(key))


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def _accepts(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def _stop(worker: Worker) -> None:
    if worker.process.poll() is None:
        worker.process.terminate()
        try:
            worker.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.process.kill()
    worker.key_file.unlink(missing_ok=True)
