"""Reading a module's requirement file and finding what Slicer's Python still lacks."""

from __future__ import annotations

import pytest

from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.requirements import Requirement, missing, read_requirements, satisfies


@pytest.mark.parametrize(
    ("version", "spec", "ok"),
    [
        ("1.13.1", ">=1.13", True),
        ("1.12.9", ">=1.13", False),
        ("2.4.4", ">=2.4,<3", True),
        ("3.0.2", ">=2.4,<3", False),
        ("3.12.10", ">=3.11,<3.13", True),
        ("3.13.0", ">=3.11,<3.13", False),
        ("0.28.2", "~=0.28.0", True),
        ("0.29.0", "~=0.28.0", False),
        ("5.4.2", "", True),
        ("2.0.2", "!=2.0.2", False),
    ],
)
def test_version_ranges(version, spec, ok):
    assert satisfies(version, spec) is ok


def test_a_file_with_optional_lines_and_a_bad_line(tmp_path):
    good = tmp_path / "Good.txt"
    good.write_text(
        "# comment\nscipy>=1.13\n\n# optional: highdicom>=0.23 -- needs pydicom 3\ntqdm\n"
    )
    assert read_requirements(good) == [
        Requirement("scipy", ">=1.13"),
        Requirement("highdicom", ">=0.23", optional=True, reason="needs pydicom 3"),
        Requirement("tqdm", ""),
    ]
    bad = tmp_path / "Bad.txt"
    bad.write_text("scipy>=1.13\n-r other.txt\n")
    with pytest.raises(InvalidInputError, match="line 2 is not a requirement") as error:
        read_requirements(bad)
    assert "Bad.txt" in str(error.value)
    with pytest.raises(InvalidInputError, match="cannot read"):
        read_requirements(tmp_path / "absent.txt")


def test_missing_lists_absent_and_too_old_packages_but_not_optional_ones():
    wanted = [
        Requirement("numpy", ">=1.0"),
        Requirement("numpy", ">=999"),
        Requirement("cnstumor-no-such-package", ">=1"),
        Requirement("cnstumor-no-such-optional", "", optional=True),
    ]
    assert [r.line for r in missing(wanted)] == ["numpy>=999", "cnstumor-no-such-package>=1"]
    assert len(missing(wanted, optional=True)) == 3


def test_the_modules_requirement_files_are_met_by_the_project_environment():
    """The project's own install meets both files (names resolve, ranges admit the pins)."""
    from CNSTumorQCLib.paths import PROJECT_ROOT

    for module in ("CNSTumorQC", "CNSTumorAnnotation"):
        path = PROJECT_ROOT / module / "Resources" / "Requirements" / f"{module}.txt"
        assert missing(read_requirements(path)) == [], module
