"""Pick the reader of a document's kind (``budgetcheck.kinds``) and extract its report data."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from ..kinds import Kind, is_document, kind_of, unsupported
from ..loader.decode import DEFAULT_MAX_BYTES, MAX_BYTES_ENV
from ..loader.errors import InputError
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
        raise InputError(
            source,
            f"reading .{kind.name} needs {kind.package}: pip install 'budgetcheck[{kind.extra}]' / 需要安装 {kind.package}",
        ) from None
    return found


def _refusal(suffix: str) -> str:
    return unsupported(f"x{suffix}") or (
        f"cannot extract from {suffix or 'a file without extension'}: use .txt, .docx, .pdf or .html "
        "/ 无法从该类型文件提取"
    )


def read_blocks(data: bytes, suffix: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Read:
    """The blocks of a document given as bytes, by the reader its ending names."""
    kind = kind_of(f"x{suffix}")
    if kind is None or not is_document(f"x{suffix}"):
        raise InputError(source, _refusal(suffix.lower()))
    if len(data) > max_bytes:
        raise InputError(
            source, f"file is over the {max_bytes:,}-byte limit (--max-bytes or ${MAX_BYTES_ENV}) / 文件超过大小上限"
        )
    reader = _reader(kind, source)
    try:
        return reader(data, source)
    except InputError:
        raise
    except Exception as exc:  # any reader failure on a damaged file is bad input, not a crash
        raise InputError(source, f"cannot read .{kind.name} file: {type(exc).__name__}: {exc} / 文件无法读取") from None


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
        raise InputError(source, f"cannot read file: {exc.strerror or exc} / 无法读取文件") from None
    return extract_bytes(data, suffix, source, max_bytes)
