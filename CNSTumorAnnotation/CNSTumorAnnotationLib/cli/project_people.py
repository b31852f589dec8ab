"""``cnstumor project person role|password`` and ``cnstumor project token create|revoke``.

A role change is an administrator's audited act (never the person's own); a password is set
by its owner or by an administrator; a token signs its holder in without a password (for
scripts), expires, and can be revoked (R-FLOW-1).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.cli import credentials
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.people import Role
from CNSTumorAnnotationLib.project import auth
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.errors import InvalidInputError

Simple = Callable[..., argparse.ArgumentParser]


def register_people(person: Any, simple: Simple) -> None:
    """``person role`` and ``person password`` under the ``person`` sub-parsers."""
    role = simple(person, "role", tr("change a person's role (another administrator)"), _role)
    role.add_argument("--id", required=True, help=tr("whose role"))
    role.add_argument("--role", required=True, choices=[r.value for r in Role], help=tr("new role"))
    role.add_argument("--years", type=int, help=tr("updated years of experience"))
    role.add_argument("--title", help=tr("updated title"))
    credentials.add_arguments(role, tr("the administrator changing the role"))
    password = simple(
        person, "password", tr("set a password (own, or an administrator)"), _password
    )
    password.add_argument("--id", help=tr("whose password (default: the actor's own)"))
    password.add_argument(
        "--new-password-file",
        type=Path,
        required=True,
        help=tr("file whose first line is the new password"),
    )
    credentials.add_arguments(password)


def register_tokens(commands: Any, simple: Simple) -> None:
    """``token create`` and ``token revoke``."""
    token = commands.add_parser("token", help=tr("sign-in tokens for scripts")).add_subparsers(
        dest="token_command", required=True
    )
    create = simple(
        token, "create", tr("issue a token (printed once, or written to --out)"), _create
    )
    create.add_argument("--for", dest="holder", help=tr("whose token (default: the actor's own)"))
    create.add_argument(
        "--days",
        type=int,
        default=auth.DEFAULT_TOKEN_DAYS,
        help=tr("days until the token expires (default: %(default)s)"),
    )
    create.add_argument("--label", default="", help=tr("what the token is for (a note)"))
    create.add_argument("--out", type=Path, help=tr("write the token to this file instead"))
    credentials.add_arguments(create)
    revoke = simple(token, "revoke", tr("revoke a token by its number"), _revoke)
    revoke.add_argument("--id", type=int, required=True, help=tr("the token's number"))
    credentials.add_arguments(revoke)


def _role(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        person = project.change_role(
            args.id,
            args.role,
            actor=credentials.signed_in(project, args),
            years_experience=args.years,
            title=args.title,
        )
    print(tr("{id} is now {role}", id=person.id, role=person.role.value))
    return 0


def _password(args: argparse.Namespace) -> int:
    new = credentials.password_from(args, "new_password_file")
    if new is None:
        raise InvalidInputError(tr("give the new password with --new-password-file"))
    with Project.open(args.project_dir) as project:
        actor = credentials.signed_in(project, args)
        auth.store_password(project, args.id or actor, new, actor=actor)
    print(tr("password of {id} set", id=args.id or actor))
    return 0


def _create(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        actor = credentials.signed_in(project, args)
        issued = auth.create_token(
            project, args.holder or actor, actor=actor, label=args.label, days=args.days
        )
    if args.out:
        write_text_atomic(args.out, issued.secret + "\n")
        args.out.chmod(0o600)
        print(
            tr(
                "token {id} for {person} written to {out}, expires {expires_at}",
                id=issued.id,
                person=issued.person,
                out=args.out,
                expires_at=issued.expires_at,
            )
        )
    else:
        print(issued.secret)
    return 0


def _revoke(args: argparse.Namespace) -> int:
    with Project.open(args.project_dir) as project:
        auth.revoke_token(project, args.id, actor=credentials.signed_in(project, args))
    print(tr("token {id} revoked", id=args.id))
    return 0
