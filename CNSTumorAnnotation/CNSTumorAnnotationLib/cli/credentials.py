"""Signing in on the command line: every state-changing ``cnstumor project`` command names its
actor and proves it with the same credentials the browser wizard takes (R-FLOW-1).

A password comes from ``--password-file`` (first line) or the ``CNSTUMOR_PASSWORD``
environment variable; a token from ``--token-file`` or ``CNSTUMOR_TOKEN`` (then ``--actor`` may
be left out: the token names its holder). A password is never a command-line argument, where
other users of the machine could read it in the process list.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project import auth
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorQCLib.errors import AuthenticationError, InvalidInputError, MissingInputError

PASSWORD_ENV = "CNSTUMOR_PASSWORD"
TOKEN_ENV = "CNSTUMOR_TOKEN"


def add_arguments(parser: argparse.ArgumentParser, actor_help: str | None = None) -> None:
    """``--actor`` plus the credential options; ``actor_help`` (translated by the caller) says
    who the actor is here."""
    parser.add_argument(
        "--actor",
        help=tr(
            "{who} (a person id; a token names its holder)", who=actor_help or tr("who is acting")
        ),
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        help=tr(
            "file whose first line is the password (or the {variable} environment variable)",
            variable=PASSWORD_ENV,
        ),
    )
    parser.add_argument(
        "--token-file",
        type=Path,
        help=tr(
            "file holding a token (or the {variable} environment variable)", variable=TOKEN_ENV
        ),
    )


def read_secret_file(path: Path) -> str:
    """The first line of ``path`` without its line end; a missing or empty file refuses."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissingInputError(tr("no such credential file"), path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInputError(
            tr("cannot read the credential file: {error}", error=error), path
        ) from error
    line = text.splitlines()[0] if text.strip() else ""
    if not line:
        raise InvalidInputError(tr("the credential file is empty"), path)
    return line


def password_from(args: argparse.Namespace, option: str = "password_file") -> str | None:
    """The password given by file option ``option`` or, for the actor's own, the environment."""
    path = getattr(args, option, None)
    if path is not None:
        return read_secret_file(path)
    if option == "password_file":
        return os.environ.get(PASSWORD_ENV) or None
    return None


def token_from(args: argparse.Namespace) -> str | None:
    path = getattr(args, "token_file", None)
    if path is not None:
        return read_secret_file(path)
    return os.environ.get(TOKEN_ENV) or None


def signed_in(project: Project, args: argparse.Namespace) -> str:
    """The authenticated actor's id; :class:`AuthenticationError` (exit status 2) otherwise."""
    token = token_from(args)
    password = None if token else password_from(args)
    if not token and not args.actor:
        raise AuthenticationError(tr("who is acting? give --actor and a password, or a token"))
    return auth.authenticate(project, args.actor, password=password, token=token).id
