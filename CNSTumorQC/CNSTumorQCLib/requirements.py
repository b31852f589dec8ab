"""Which PyPI packages a module still needs inside 3D Slicer (its ``Resources/Requirements/<Module>.txt``).

The requirement files hold version *ranges*, never pins: ``slicer.util.pip_install`` of a pin
such as ``scipy==1.17.1`` would replace the scipy that Slicer 5.10 bundles (1.13.1) under every
other module. Lines are pip requirement lines (``name>=x.y``); a comment line
``# optional: name>=x.y -- why`` names a package that is offered, never installed by default
(DICOM SEG export's highdicom needs pydicom 3, which would replace Slicer 5.10's pydicom 2.4.4).

:func:`missing` compares each line with the installed distributions (``importlib.metadata``),
so the module can list what is missing before a button press fails with ModuleNotFoundError.
Qt-free; the Slicer module asks the person before calling ``slicer.util.pip_install``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.i18n import tr

_LINE = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*((?:[<>=!~]=?\s*[0-9][0-9A-Za-z.*]*\s*,?\s*)*)$"
)
_OPTIONAL = "# optional:"


@dataclass(frozen=True)
class Requirement:
    """One requirement line: distribution name, its specifier (``>=1.13``), optional or not."""

    name: str
    specifier: str
    optional: bool = False
    reason: str = ""

    @property
    def line(self) -> str:
        """The line pip installs (``name>=x``)."""
        return f"{self.name}{self.specifier}"


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("."):
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
    return tuple(parts)


def satisfies(version: str, specifier: str) -> bool:
    """``version`` meets every clause of ``specifier`` (>=, >, <=, <, ==, !=; numeric parts)."""
    have = _version_tuple(version)
    for clause in filter(None, (c.strip() for c in specifier.split(","))):
        op, wanted = re.match(r"([<>=!~]=?)\s*(.+)", clause).groups()  # type: ignore[union-attr]
        want = _version_tuple(wanted)
        width = max(len(have), len(want))
        a, b = have + (0,) * (width - len(have)), want + (0,) * (width - len(want))
        ok = {
            ">=": a >= b,
            ">": a > b,
            "<=": a <= b,
            "<": a < b,
            "==": a == b,
            "!=": a != b,
            "~=": a >= b and a[: len(want) - 1] == b[: len(want) - 1],
        }[op]
        if not ok:
            return False
    return True


def read_requirements(path: str | Path) -> list[Requirement]:
    """Parse a module requirement file (see the module docstring); a bad line names the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidInputError(
            tr("cannot read the requirements ({strerror})", strerror=error.strerror), path
        ) from None
    found = []
    for number, raw in enumerate(text.splitlines(), 1):
        line, optional, reason = raw.strip(), False, ""
        if line.lower().startswith(_OPTIONAL):
            line, optional = line[len(_OPTIONAL) :].strip(), True
            line, _, reason = (part.strip() for part in line.partition("--"))
        elif not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            raise InvalidInputError(
                tr("line {number} is not a requirement: {raw!r}", number=number, raw=raw), path
            )
        found.append(Requirement(match.group(1), match.group(2).replace(" ", ""), optional, reason))
    return found


def installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def missing(requirements: list[Requirement], *, optional: bool = False) -> list[Requirement]:
    """The requirements not installed at a satisfying version (optional ones only if asked)."""
    result = []
    for requirement in requirements:
        if requirement.optional and not optional:
            continue
        version = installed_version(requirement.name)
        if version is None or not satisfies(version, requirement.specifier):
            result.append(requirement)
    return result
