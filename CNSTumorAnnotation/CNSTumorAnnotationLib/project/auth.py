"""Who is acting: passwords (argon2id hashes) and tokens in the project store (R-FLOW-1).

The audit log names a person for every step (R-FLOW-1) and review separates the annotator
from the reviewer (R-PPL-3); both mean nothing if anyone may type any name. So every door that
changes a project (the ``cnstumor`` command, the browser wizard) first turns a credential into
a :class:`Person` here, and only then calls the workflow with that person's id.

Passwords are stored as argon2id hashes (argon2-cffi, the reference implementation's binding,
with its current default cost); tokens are 256-bit random strings of which only the sha256 is
stored (a token has full entropy, so a slow hash buys nothing), each with an expiry and a
revocation time. Failures say only "unknown person or wrong password": no hint which one.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.people import Person
from CNSTumorAnnotationLib.project import audit, store
from CNSTumorQCLib.errors import AuthenticationError, InvalidInputError

if TYPE_CHECKING:  # the project module imports this one to store the first password
    from CNSTumorAnnotationLib.project.annotation_project import Project

MIN_PASSWORD_LENGTH = 10
TOKEN_PREFIX = "cnst_"
DEFAULT_TOKEN_DAYS = 30
_HASHER = PasswordHasher()


def check_password_strength(password: str) -> None:
    """A password must be at least :data:`MIN_PASSWORD_LENGTH` characters and not blank."""
    if len(password.strip()) < MIN_PASSWORD_LENGTH:
        raise InvalidInputError(
            tr(
                (
                    "a password needs at least {minimum} characters (R-FLOW-1: "
                    "the audit log is only as good as the sign-in behind it)"
                ),
                minimum=MIN_PASSWORD_LENGTH,
            )
        )


def hash_password(password: str) -> str:
    """The argon2id hash (with its salt and cost parameters) of ``password``."""
    check_password_strength(password)
    return _HASHER.hash(password)


def store_password(project: Project, person_id: str, password: str, *, actor: str) -> None:
    """Set ``person_id``'s password. Only the person themself or an administrator may; the
    change is audited (without the password or its hash)."""
    project.person(person_id)
    if actor != person_id:
        project.require_administrator(
            actor, tr("set the password of {person_id}", person_id=person_id)
        )
    digest = hash_password(password)
    with store.transaction(project.conn) as conn:
        write_password_hash(conn, person_id, digest)
        audit.append(conn, actor=actor, action="password_set", details={"person": person_id})


def write_password_hash(conn: object, person_id: str, digest: str) -> None:
    """Insert or replace the stored hash (inside the caller's transaction)."""
    conn.execute(  # type: ignore[attr-defined]
        "INSERT INTO credentials (person, password_hash, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT(person) DO UPDATE SET password_hash = excluded.password_hash,"
        " updated_at = excluded.updated_at",
        (person_id, digest, store.utc_now()),
    )


def verify_password(project: Project, person_id: str, password: str) -> Person:
    """The person when ``password`` is theirs; :class:`AuthenticationError` otherwise."""
    row = project.conn.execute(
        "SELECT password_hash FROM credentials WHERE person = ?", (person_id,)
    ).fetchone()
    if row is None:
        _HASHER.hash("constant work for an unknown name")  # no timing hint which one failed
        raise AuthenticationError(
            tr("unknown person or wrong password for {person_id!r}", person_id=person_id)
        )
    try:
        _HASHER.verify(row[0], password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        raise AuthenticationError(
            tr("unknown person or wrong password for {person_id!r}", person_id=person_id)
        ) from None
    if _HASHER.check_needs_rehash(row[0]):
        with store.transaction(project.conn) as conn:
            write_password_hash(conn, person_id, _HASHER.hash(password))
    return project.person(person_id)


@dataclass(frozen=True)
class IssuedToken:
    """A new token: ``secret`` is shown once and never stored."""

    id: int
    person: str
    secret: str
    expires_at: str


def create_token(
    project: Project, person_id: str, *, actor: str, label: str = "", days: int = DEFAULT_TOKEN_DAYS
) -> IssuedToken:
    """Issue a token for ``person_id`` (the person themself, or an administrator for them)."""
    project.person(person_id)
    if actor != person_id:
        project.require_administrator(
            actor, tr("create a token for {person_id}", person_id=person_id)
        )
    if not 1 <= days <= 366:
        raise InvalidInputError(tr("a token lives 1 to 366 days, not {days}", days=days))
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires = (_dt.datetime.now(_dt.UTC) + _dt.timedelta(days=days)).isoformat()
    with store.transaction(project.conn) as conn:
        cursor = conn.execute(
            "INSERT INTO tokens (person, token_sha256, label, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (person_id, _token_digest(secret), label, store.utc_now(), expires),
        )
        token_id = int(cursor.lastrowid or 0)
        audit.append(
            conn,
            actor=actor,
            action="token_created",
            details={"person": person_id, "token": token_id, "label": label, "expires": expires},
        )
    return IssuedToken(token_id, person_id, secret, expires)


def revoke_token(project: Project, token_id: int, *, actor: str) -> None:
    """Revoke a token (its holder or an administrator); audited."""
    row = project.conn.execute("SELECT person FROM tokens WHERE id = ?", (token_id,)).fetchone()
    if row is None:
        raise InvalidInputError(
            tr("no token {token_id} in this project", token_id=token_id), project.directory
        )
    if actor != row[0]:
        project.require_administrator(actor, tr("revoke token {token_id}", token_id=token_id))
    with store.transaction(project.conn) as conn:
        conn.execute("UPDATE tokens SET revoked_at = ? WHERE id = ?", (store.utc_now(), token_id))
        audit.append(
            conn, actor=actor, action="token_revoked", details={"token": token_id, "person": row[0]}
        )


def verify_token(project: Project, secret: str) -> Person:
    """The person holding ``secret`` when it is known, unexpired and not revoked."""
    row = project.conn.execute(
        "SELECT person, expires_at, revoked_at FROM tokens WHERE token_sha256 = ?",
        (_token_digest(secret.strip()),),
    ).fetchone()
    if row is None or row["revoked_at"]:
        raise AuthenticationError(tr("unknown or revoked token"))
    if _dt.datetime.fromisoformat(row["expires_at"]) <= _dt.datetime.now(_dt.UTC):
        raise AuthenticationError(
            tr("the token expired at {expires_at}", expires_at=row["expires_at"])
        )
    return project.person(row["person"])


def authenticate(
    project: Project,
    person_id: str | None,
    *,
    password: str | None = None,
    token: str | None = None,
) -> Person:
    """Establish the actor from a token or from ``person_id`` + password; refuse otherwise.

    With a token, ``person_id`` may be omitted; when given it must be the token's holder."""
    if token:
        person = verify_token(project, token)
        if person_id and person_id != person.id:
            raise AuthenticationError(
                tr(
                    "the token belongs to {holder}, not {person_id}",
                    holder=person.id,
                    person_id=person_id,
                )
            )
        return person
    if not person_id:
        raise AuthenticationError(tr("who is acting? give --actor with a password, or a token"))
    if password is None:
        raise AuthenticationError(
            tr(
                (
                    "{person_id} is not authenticated: give --password-file, "
                    "CNSTUMOR_PASSWORD or a token (R-FLOW-1: no step without a signed-in "
                    "person)"
                ),
                person_id=person_id,
            )
        )
    return verify_password(project, person_id, password)


def _token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
