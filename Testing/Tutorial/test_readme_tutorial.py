"""The README tutorial runs as written, end to end, on the DICOM study ``make demo`` writes.

The bash blocks of README's "Tutorial" section are extracted at test time (so the test follows
whatever the README says) and run in one bash session, from a temporary folder laid out like a
clone after ``make demo``: ``SampleData/`` (the bundled case) and ``demo-output/01_scanner_dicom``
(written by the same function the demo uses). ``cnstumor`` is the virtual environment's command,
importing this checkout. Each command must exit 0, except a line whose comment says ``exit N``,
which must exit N (a refusal the tutorial shows on purpose). A failing line is named with its
output; stderr must never hold a traceback or a VTK error block.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import CNSTumorAnnotationLib
import CNSTumorQCLib
from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
from CNSTumorQCLib.paths import sample_data_dir

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
SECTION = "## Tutorial"
EXPECTED_EXIT = re.compile(r"#.*\bexit (\d+)\b")


def tutorial_commands(readme: str) -> list[tuple[str, int]]:
    """(command, expected exit status) for every command line of the tutorial's bash blocks."""
    start = readme.index(SECTION)
    end = readme.find("\n## ", start + len(SECTION))
    section = readme[start : end if end != -1 else None]
    commands: list[tuple[str, int]] = []
    for block in re.findall(r"```bash\n(.*?)```", section, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            expected = EXPECTED_EXIT.search(text)
            commands.append((text, int(expected.group(1)) if expected else 0))
    return commands


def _script(commands: list[tuple[str, int]]) -> str:
    lines = ["set -u"]
    for number, (command, expected) in enumerate(commands, start=1):
        label = shlex.quote(f"README tutorial command {number}: {command}")
        lines += [
            f"echo {label} >&2",
            command,
            f'rc=$?; if [ $rc -ne {expected} ]; then echo "FAILED with exit $rc (expected '
            f'{expected})" >&2; exit 100; fi',
        ]
    return "\n".join(lines) + "\n"


def test_the_tutorial_section_has_the_whole_workflow() -> None:
    commands = [c for c, _ in tutorial_commands(README.read_text(encoding="utf-8"))]
    for step in ("deid", "qc", "qc-confirm", "case import", "selfcheck", "project agreement",
                 "project review", "export"):  # fmt: skip
        assert any(f"cnstumor {step} " in c for c in commands), step
    assert not [c for c in commands if "SERIES_UID" in c or "OTHER_UID" in c], "placeholders"


@pytest.mark.slow
def test_the_readme_tutorial_runs_as_written_on_the_demo_study(tmp_path: Path) -> None:
    commands = tutorial_commands(README.read_text(encoding="utf-8"))
    clone = tmp_path / "clone"
    clone.mkdir()
    (clone / "SampleData").symlink_to(sample_data_dir().parent)
    write_sample_case_study(clone / "demo-output" / "01_scanner_dicom")
    checkout = [
        str(Path(m.__file__).resolve().parents[1]) for m in (CNSTumorQCLib, CNSTumorAnnotationLib)
    ]
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": os.pathsep.join(checkout),
        "CNSTUMOR_LOG": str(tmp_path / "mrml.log"),
    }
    done = subprocess.run(
        ["bash", "-c", _script(commands)],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, f"{done.stderr[-6000:]}\n--- stdout ---\n{done.stdout[-3000:]}"
    assert "Traceback" not in done.stderr
    assert "ERROR: In " not in done.stderr  # no VTK error blocks on a normal run
    assert "%|" not in done.stderr  # no progress bars in a pipe
    work = clone / "tutorial"
    summary = json.loads((work / "export" / "export_summary.json").read_text())
    assert summary
    assert next((work / "export").rglob("manifest.json")).is_file()
    assert (work / "proj" / "status.html").is_file()
    assert "grade 3 confirmed for T1_AX_SE" in done.stdout
    index = work / "cases" / "P001" / "index.html"
    links = re.findall(r"href='([^']+)'", index.read_text(encoding="utf-8"))
    assert len(links) >= 4 and all((index.parent / link).is_file() for link in links), links
