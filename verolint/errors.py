"""Errors that end up in front of a user: always with a file and, if known, a line."""

from __future__ import annotations


class VerolintError(Exception):
    """Base class; ``str()`` is a complete Dutch message."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ReadError(VerolintError):
    """A file could not be read as an ordinance."""


class NotAnOrdinance(ReadError):
    """A readable file that is not an ordinance (an XML file of another kind)."""


class ConfigError(VerolintError):
    """A configuration file or option is wrong."""


class RuleDefinitionError(VerolintError):
    """A rule pack or rule plugin is malformed."""
