"""Expand command-line inputs: files, directories (recursively) and ``-`` for stdin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .i18n import Text

STDIN = "-"
STDIN_NAME = "<stdin>"
SUFFIXES = (".yaml", ".yml", ".docx", ".pdf")


@dataclass(frozen=True)
class Expanded:
    """The files to check, in order, and inputs that name nothing checkable."""

    paths: list[str]
    problems: list[tuple[str, Text]]


def _under(directory: Path) -> list[str]:
    """Every report file (``SUFFIXES``) below a directory, sorted, hidden folders skipped."""
    found = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts[:-1]):
            continue
        if path.suffix.lower() in SUFFIXES and path.is_file():
            found.append(path)
    return [str(path) for path in sorted(found)]


def expand(args: list[str]) -> Expanded:
    """Files as given (a missing one is checked and reported unreadable), directories
    expanded recursively, ``-`` kept once; duplicates dropped, order kept."""
    paths: list[str] = []
    problems: list[tuple[str, Text]] = []
    for arg in args:
        path = Path(arg)
        if arg != STDIN and path.is_dir():
            found = _under(path)
            if not found:
                problems.append((arg, Text("input.empty_dir", suffixes=", ".join(f"*{s}" for s in SUFFIXES))))
            paths.extend(found)
        else:
            paths.append(arg)
    unique = list(dict.fromkeys(paths))
    return Expanded(unique, problems)


def start_directory(paths: list[str]) -> Path:
    """Where configuration discovery starts: the first checked file's folder, else the cwd."""
    for arg in paths:
        if arg != STDIN:
            path = Path(arg).resolve()
            return path if path.is_dir() else path.parent
    return Path.cwd()
