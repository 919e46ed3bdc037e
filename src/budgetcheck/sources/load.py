"""Read a report file into the typed model, keeping the position of every value."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..i18n import Text, os_reason, schema_problem_zh
from .kinds import DOCUMENT_LOADER, is_document, unsupported
from ..model.paths import DataPath, format_path
from ..model.records import Frozen, Record, set_field
from .decode import DEFAULT_MAX_BYTES, decode_report
from .errors import InputError
from .yamltree import DuplicateKey, Positions, parse_yaml

if TYPE_CHECKING:
    from os import PathLike

__all__ = ["InputError", "LoadedReport", "SchemaProblem", "load_report", "load_text", "build_report"]


class SchemaProblem(Frozen):
    """A value that does not fit the report model (wrong type, missing, unknown key)."""

    __slots__ = ("path", "message", "line", "column", "source")
    path: str
    message: str
    line: int | None
    column: int | None
    source: str | None

    def __init__(
        self, path: str, message: str, line: int | None, column: int | None, source: str | None = None,
    ) -> None:
        set_field(self, "path", path)
        set_field(self, "message", message)
        set_field(self, "line", line)
        set_field(self, "column", column)
        set_field(self, "source", source)


class LoadedReport(Record):
    """A parsed report: the model (None if the data did not fit it) and where each value was."""

    __slots__ = ("source", "report", "positions", "problems", "sources", "unread")
    source: str
    report: Any
    positions: Positions
    problems: list[SchemaProblem]
    sources: dict[DataPath, str]  # readable places in a .txt/.docx/.pdf
    # Text with figures that extraction from a .txt/.docx/.pdf could not read (path = section).
    unread: list[SchemaProblem]

    def __init__(
        self, source: str, report: Any, positions: Positions, problems: list[SchemaProblem] | None = None,
        sources: dict[DataPath, str] | None = None, unread: list[SchemaProblem] | None = None,
    ) -> None:
        self.source = source
        self.report = report
        self.positions = positions
        self.problems = [] if problems is None else problems
        self.sources = {} if sources is None else sources
        self.unread = [] if unread is None else unread

    def source_of(self, path: DataPath) -> str | None:
        """Where in an extracted source document a data path (or its nearest ancestor) was printed."""
        return next((self.sources[path[:end]] for end in range(len(path), 0, -1) if path[:end] in self.sources), None)

    def locate(self, path: DataPath) -> tuple[int | None, int | None]:
        """The line and column of a data path, or of its nearest written ancestor."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return None, None


def _describe(error: Mapping[str, Any]) -> Text:
    kind = error["type"]
    loc = error["loc"]
    if kind == "missing":
        return Text("schema.missing", field=loc[-1])
    if kind == "extra_forbidden":
        return Text("schema.unknown", field=loc[-1])
    raw = error.get("input")
    show = isinstance(raw, str) and len(raw) < 60 and repr(raw) not in str(error["msg"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return Text("schema.invalid", message=message, message_zh=schema_problem_zh(message),
                shown=f" (got {raw!r})" if show else "",
                shown_zh=f"（填写的是 {raw}）" if show else "")


def build_report(data: Any, positions: Positions, source: str) -> LoadedReport:
    """Validate raw data against the report model; misfits become :class:`SchemaProblem`."""
    from pydantic import ValidationError

    from ..model.report import Report

    loaded = LoadedReport(source, None, positions)
    if not isinstance(data, dict):
        line, col = positions.get((), (1, 1))
        raise InputError(source, Text("input.not_mapping"), line, col)
    try:
        loaded.report = Report.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            path = tuple(seg for seg in error["loc"] if isinstance(seg, (int, str)))
            at_line, at_column = loaded.locate(path)
            loaded.problems.append(SchemaProblem(format_path(path) or "$", _describe(error), at_line, at_column))
    return loaded


def _position(problem: SchemaProblem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def load_text(text: str, source: str) -> LoadedReport:
    """Parse report YAML text (already decoded).

    Every duplicate key becomes a :class:`SchemaProblem` (BC001) at its second position,
    reported together with the other schema problems in document order.
    """
    duplicates: list[DuplicateKey] = []
    data, positions = parse_yaml(text, source, duplicates)
    loaded = build_report(data, positions, source)
    if duplicates:
        found = [SchemaProblem(format_path(d.path), d.message, *d.at) for d in duplicates]
        loaded.problems = sorted([*found, *loaded.problems], key=_position)
    return loaded


def load_report(path: str | PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES, display: str | None = None) -> LoadedReport:
    """Read, decode, parse and validate one report file."""
    source = display or str(path)
    refusal = unsupported(str(path))
    if refusal is not None:
        raise InputError(source, refusal)
    if is_document(str(path)):  # a published document: extract it first, by the registry's loader
        module, _, name = DOCUMENT_LOADER.partition(":")
        load_document: Callable[..., LoadedReport] = getattr(import_module(module), name)
        return load_document(path, max_bytes, display)
    try:
        with open(path, "rb") as handle:  # never read more than the limit allows
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, Text("input.unreadable", reason=os_reason(exc))) from None
    return load_text(decode_report(data, source, max_bytes), source)
