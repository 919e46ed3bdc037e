"""Pick the reader of a document's kind (``budgetcheck.sources.kinds``) and extract its report data."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from ..kinds import Kind, is_document, kind_of, unsupported
from ...i18n import Text, os_reason
from ..decode import DEFAULT_MAX_BYTES, MAX_BYTES_ENV
from ..errors import InputError
from .blocks import Read
from .document import Extraction, extract_blocks
from .sink import Problem

__all__ = ["Extraction", "Problem", "extract_bytes", "extract_file", "read_blocks"]

Reader = Callable[[bytes, str], Read]
UNPLACED = "not placed / 未能归位"


def _reader(kind: Kind, source: str) -> Reader:
    module, _, name = (kind.reader or "").partition(":")
    try:
        found: Reader = getattr(importlib.import_module(module), name)
    except ImportError as exc:
        if kind.package is None or (exc.name or "").startswith("budgetcheck"):
            raise
        raise InputError(source, Text("input.needs_extra", suffix=f".{kind.name}", package=kind.package,
                                      extra=kind.extra)) from None
    return found


def _refusal(suffix: str) -> Text:
    return unsupported(f"x{suffix}") or Text("input.not_extractable", suffix=suffix or "-",
                                             suffixes=".txt, .docx, .pdf, .html, .htm")


def read_blocks(data: bytes, suffix: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Read:
    """The blocks of a document given as bytes, by the reader its ending names."""
    kind = kind_of(f"x{suffix}")
    if kind is None or not is_document(f"x{suffix}"):
        raise InputError(source, _refusal(suffix.lower()))
    if len(data) > max_bytes:
        raise InputError(source, Text("input.too_big", limit=f"{max_bytes:,}", env=MAX_BYTES_ENV))
    reader = _reader(kind, source)
    try:
        return reader(data, source)
    except InputError:
        raise
    except Exception as exc:  # any reader failure on a damaged file is bad input, not a crash
        raise InputError(source, Text("input.damaged", suffix=f".{kind.name}", detail=f"{type(exc).__name__}: {exc}")) from None


def extract_bytes(data: bytes, suffix: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Extract report data from the bytes of a .txt, .docx, .pdf or .html document."""
    read = read_blocks(data, suffix, source, max_bytes)
    extraction = extract_blocks(read.blocks, source)
    extraction.problems.extend(Problem(UNPLACED, text, where) for text, where in read.unplaced)
    return extraction


def extract_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, display: str | None = None) -> Extraction:
    """Extract report data from a document file."""
    source = display or str(path)
    suffix = Path(path).suffix
    refusal = unsupported(str(path))
    if refusal is not None:
        raise InputError(source, refusal)
    try:
        with open(path, "rb") as handle:  # never read more than the limit allows
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, Text("input.unreadable", reason=os_reason(exc))) from None
    return extract_bytes(data, suffix, source, max_bytes)
