"""``cnstumor project``: state-changing commands sign their actor in (R-FLOW-1, R-PPL-3).

Before: ``--actor`` was trusted as typed. Each test is a command that used to succeed for
anybody and is now refused with one line and exit status 2, or the credential way that works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from CNSTumorAnnotationLib.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["project", *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def proj(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project with administrator ``admin`` and annotator ``dr_li`` (password files beside)."""
    (tmp_path / "admin.pw").write_text("admin-pass-phrase\n")
    (tmp_path / "li.pw").write_text("li-pass-phrase\n")
    folder = tmp_path / "proj"
    init = ["--admin-name", "Admin", "--licence", "S-1", "--password-file", tmp_path / "admin.pw"]
    assert run(capsys, "init", folder, *init)[0] == 0
    li = ["--id", "dr_li", "--name", "Dr Li", "--role", "annotator", "--years", "6"]
    li += ["--title", "attending", "--licence", "MD-1", "--new-password-file", tmp_path / "li.pw"]
    admin = ["--actor", "admin", "--password-file", tmp_path / "admin.pw"]
    assert run(capsys, "person", "add", folder, *li, *admin)[0] == 0
    return folder


REVIEWER = ["--id", "li2", "--name", "Dr Li", "--role", "reviewer", "--years", "15"]
REVIEWER += ["--title", "chief", "--licence", "MD-2"]


def test_R_FLOW_1_init_needs_the_administrators_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CNSTUMOR_PASSWORD", raising=False)
    status, _, err = run(capsys, "init", tmp_path / "p", "--admin-name", "A", "--licence", "S-1")
    assert status == 2 and "the first administrator needs a password" in err
    assert not (tmp_path / "p" / "project.sqlite").exists()


@pytest.mark.slow
def test_R_FLOW_1_an_actor_without_a_credential_is_refused(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CNSTUMOR_PASSWORD", raising=False)
    monkeypatch.delenv("CNSTUMOR_TOKEN", raising=False)
    status, _, err = run(capsys, "person", "add", proj, *REVIEWER, "--actor", "admin")
    assert status == 2 and "admin is not authenticated" in err and "Traceback" not in err
    status, _, err = run(capsys, "dataset", "add", proj, "--id", "d")
    assert status == 2 and "who is acting?" in err
    status, _, err = run(
        capsys, "person", "add", proj, *REVIEWER, "--actor", "admin", "--password-file", "nope.pw"
    )
    assert status == 2 and "nope.pw: no such credential file" in err


@pytest.mark.slow
def test_R_FLOW_1_a_wrong_password_and_an_unknown_actor_are_refused_alike(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CNSTUMOR_PASSWORD", "li-pass-phrase")
    status, _, err = run(capsys, "person", "add", proj, *REVIEWER, "--actor", "admin")
    assert status == 2 and "unknown person or wrong password for 'admin'" in err
    status, _, err = run(capsys, "person", "add", proj, *REVIEWER, "--actor", "root")
    assert status == 2 and "unknown person or wrong password for 'root'" in err


@pytest.mark.slow
def test_R_PPL_3_a_signed_in_annotator_may_not_add_themself_a_reviewer_identity(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CNSTUMOR_PASSWORD", "li-pass-phrase")
    status, _, err = run(capsys, "person", "add", proj, *REVIEWER, "--actor", "dr_li")
    assert status == 2 and "R-FLOW-1: only an administrator may add person li2" in err
    status, _, err = run(
        capsys,
        "person",
        "role",
        proj,
        "--id",
        "dr_li",
        "--role",
        "reviewer",
        "--years",
        "15",
        "--title",
        "chief",
        "--actor",
        "dr_li",
    )
    assert status == 2 and "only an administrator may change the role of dr_li" in err
    monkeypatch.setenv("CNSTUMOR_PASSWORD", "admin-pass-phrase")
    same_licence = [*REVIEWER[:-1], "md-1"]
    status, _, err = run(capsys, "person", "add", proj, *same_licence, "--actor", "admin")
    assert status == 2 and "already belongs to person dr_li" in err


@pytest.mark.slow
def test_R_FLOW_1_a_token_signs_its_holder_in_without_a_password(
    proj: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CNSTUMOR_PASSWORD", raising=False)
    token_file = tmp_path / "admin.token"
    admin = ["--actor", "admin", "--password-file", tmp_path / "admin.pw"]
    status, out, _ = run(capsys, "token", "create", proj, *admin, "--out", token_file)
    assert status == 0 and "token 1 for admin" in out
    assert token_file.stat().st_mode & 0o077 == 0
    monkeypatch.setenv("CNSTUMOR_TOKEN", token_file.read_text().strip())
    assert run(capsys, "person", "add", proj, *REVIEWER)[0] == 0  # no --actor: the token's holder
    status, _, err = run(capsys, "dataset", "add", proj, "--id", "d", "--actor", "dr_li")
    assert status == 2 and "the token belongs to admin, not dr_li" in err
    assert run(capsys, "token", "revoke", proj, "--id", "1")[0] == 0
    status, _, err = run(capsys, "dataset", "add", proj, "--id", "d")
    assert status == 2 and "unknown or revoked token" in err
