"""Browser sessions: a random id in an HttpOnly, SameSite=Strict cookie, kept in memory.

A session ends at sign-out, after :data:`IDLE_SECONDS` without a request, or
:data:`MAX_SECONDS` after sign-in, whichever comes first; the server then asks for the
password again. Only the session id's sha256 is kept, so a memory dump holds no usable id.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

IDLE_SECONDS = 30 * 60
MAX_SECONDS = 12 * 60 * 60
COOKIE = "cnstumor_session"


@dataclass
class Session:
    person: str
    started: float
    seen: float
    data: dict[str, object] = field(default_factory=dict)


class SessionStore:
    """Sessions by hashed id; ``clock`` is injectable so tests can expire one."""

    def __init__(self, idle: float = IDLE_SECONDS, maximum: float = MAX_SECONDS) -> None:
        self.idle = idle
        self.maximum = maximum
        self._sessions: dict[str, Session] = {}
        self.clock = time.monotonic
        #: called with the person of a session that expired (the front stops their workers)
        self.on_expire: Callable[[str], None] | None = None

    def create(self, person: str) -> str:
        secret = secrets.token_urlsafe(32)
        now = self.clock()
        self._sessions[_digest(secret)] = Session(person, now, now)
        return secret

    def get(self, secret: str | None) -> Session | None:
        """The live session for ``secret`` (touching it), or None (expired ones are dropped)."""
        if not secret:
            return None
        key = _digest(secret)
        session = self._sessions.get(key)
        if session is None:
            return None
        now = self.clock()
        if now - session.seen > self.idle or now - session.started > self.maximum:
            del self._sessions[key]
            if self.on_expire is not None:
                self.on_expire(session.person)
            return None
        session.seen = now
        return session

    def drop(self, secret: str | None) -> Session | None:
        return self._sessions.pop(_digest(secret), None) if secret else None


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
