"""A small exception hierarchy that subclasses the built-ins callers already catch (as pydicom does).

Every error names the file (when there is one) and the problem, so a user can act on it.
"""

from __future__ import annotations

from pathlib import Path


class CNSTumorError(Exception):
    """Base class of every error raised by the CNSTumor packages."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.problem = message
        super().__init__(f"{self.path}: {message}" if self.path is not None else message)


class InvalidInputError(CNSTumorError, ValueError):
    """Input data (a file, a folder, a parameter) is not what the operation needs."""


class MissingInputError(CNSTumorError, FileNotFoundError):
    """A file or folder the operation needs does not exist."""


class InvalidSeriesError(InvalidInputError):
    """A DICOM series cannot be assembled or interpreted."""


class NotDicomError(InvalidInputError):
    """The file is not a DICOM Part 10 file nor a bare DICOM data set."""


class SchemaError(InvalidInputError):
    """A label schema, rule table or case description is malformed or refused."""


class WorkflowError(CNSTumorError, RuntimeError):
    """An operation is not allowed in the current state (review workflow, approved versions)."""


class AuthenticationError(CNSTumorError, PermissionError):
    """Who is acting could not be established: no credential, a wrong one, an expired token."""
