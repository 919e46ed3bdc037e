"""Expand command-line inputs: files, directories (recursively) and ``-`` for stdin."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..i18n import Text
from .kinds import DEFAULT_EXTENSIONS, UNSUPPORTED, suffix_of
from ..model.records import Frozen, set_field

if TYPE_CHECKING:
    from pathlib import Path

STDIN = "-"
STDIN_NAME = "<stdin>"
SUFFIXES = DEFAULT_EXTENSIONS  # what a directory is searched for unless told otherwise


class Expanded(Frozen):
    """The files to check, in order, and inputs that name nothing checkable."""

    __slots__ = ("paths", "problems")
    paths: list[str]
    problems: list[tuple[str, Text]]

    def __init__(self, paths: list[str], problems: list[tuple[str, Text]]) -> None:
        set_field(self, "paths", paths)
        set_field(self, "problems", problems)


def _under(directory: Path, suffixes: tuple[str, ...]) -> list[str]:
    """Every file below a directory with one of ``suffixes``, sorted, hidden folders skipped."""
    found = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts[:-1]) or relative.name.startswith("~$"):
            continue  # hidden folders, and the lock files Word and WPS leave beside open documents
        if suffix_of(path.name) in suffixes and path.is_file():
            found.append(path)
    return [str(path) for path in sorted(found)]


def _none_found(suffixes: tuple[str, ...]) -> Text:
    return Text("input.empty_dir", suffixes=", ".join(f"*{suffix}" for suffix in suffixes))


def expand(args: list[str], extensions: tuple[str, ...] | None = None) -> Expanded:
    """Files as given (a missing one is checked and reported unreadable), directories
    expanded recursively to the files with ``extensions`` (default: every readable kind,
    plus the formats that get an "unsupported, save as" error), ``-`` kept once;
    duplicates dropped, order kept."""
    suffixes = tuple(extensions) if extensions else (*DEFAULT_EXTENSIONS, *UNSUPPORTED)
    paths: list[str] = []
    problems: list[tuple[str, Text]] = []
    for arg in args:
        if arg != STDIN and os.path.isdir(arg):
            from pathlib import Path  # only to walk a directory

            found = _under(Path(arg), suffixes)
            if not found:
                problems.append((arg, _none_found(tuple(s for s in suffixes if s not in UNSUPPORTED))))
            paths.extend(found)
        else:
            paths.append(arg)
    unique = list(dict.fromkeys(paths))
    return Expanded(unique, problems)


def start_directory(paths: list[str]) -> str:
    """Where configuration discovery starts: the first checked file's folder, else the cwd."""
    for arg in paths:
        if arg != STDIN:
            path = os.path.realpath(arg)
            return path if os.path.isdir(path) else os.path.dirname(path)
    return os.getcwd()
