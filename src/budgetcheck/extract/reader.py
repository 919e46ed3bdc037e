"""Pick the reader for a document's format and extract its report data."""

from __future__ import annotations

from pathlib import Path

from ..i18n import Text, os_reason
from ..loader.decode import DEFAULT_MAX_BYTES, decode_report
from ..loader.errors import InputError
from .blocks import Block
from .document import Extraction, extract_blocks
from .sink import Problem

__all__ = ["EXTRACTABLE", "Extraction", "Problem", "extract_bytes", "extract_file"]

EXTRACTABLE = (".txt", ".docx", ".pdf")
_MISSING = {".docx": ("python-docx", "docx"), ".pdf": ("pdfplumber", "pdf")}


def _blocks(data: bytes, suffix: str, source: str, max_bytes: int) -> list[Block]:
    if suffix == ".txt":
        from .text import read_text_dump

        return read_text_dump(decode_report(data, source, max_bytes))
    if len(data) > max_bytes:
        raise InputError(source, Text("input.too_big", limit=f"{max_bytes:,}", env="BUDGETCHECK_MAX_BYTES"))
    package, extra = _MISSING[suffix]
    try:
        if suffix == ".docx":
            from .docx import read_docx as reader
        else:
            from .pdf import read_pdf as reader
        return reader(data)
    except ImportError:
        raise InputError(source, Text("input.needs_extra", suffix=suffix, package=package, extra=extra)) from None
    except InputError:
        raise
    except Exception as exc:  # any reader failure on a damaged file is bad input, not a crash
        raise InputError(source, Text("input.damaged", suffix=suffix, detail=f"{type(exc).__name__}: {exc}")) from None


def extract_bytes(data: bytes, suffix: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Extract report data from the bytes of a .txt, .docx or .pdf document."""
    suffix = suffix.lower()
    if suffix not in EXTRACTABLE:
        raise InputError(source, Text("input.not_extractable", suffix=suffix or "-", suffixes=", ".join(EXTRACTABLE)))
    return extract_blocks(_blocks(data, suffix, source, max_bytes), source)


def extract_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, display: str | None = None) -> Extraction:
    """Extract report data from a document file."""
    source = display or str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(source, Text("input.unreadable", reason=os_reason(exc))) from None
    return extract_bytes(data, Path(path).suffix, source, max_bytes)
