"""The kinds of input budgetcheck reads, by file name ending: the one registry.

Each document kind names the function that turns its bytes into blocks (paragraphs and
table rows with their places) as ``module:function``; nothing here imports a reader, so
``validate`` of a YAML file loads no document library, and the loader reaches extraction
only through :data:`DOCUMENT_LOADER` (no import circle between loading and extraction).
Endings of formats that cannot be read get a one-line hint of what to save them as.
"""

from __future__ import annotations

from typing import NamedTuple

from ..i18n import Text


class Kind(NamedTuple):
    """One input kind: its name, file name endings, reader and what the reader needs."""

    name: str
    suffixes: tuple[str, ...]
    reader: str | None  # "module:function" taking (bytes, source name) -> Read; None for YAML
    package: str | None  # the registry package the reader imports (None: nothing beyond the core)
    extra: str | None  # the budgetcheck extra that installs it


KINDS: tuple[Kind, ...] = (
    Kind("yaml", (".yaml", ".yml"), None, None, None),
    Kind("txt", (".txt",), "budgetcheck.sources.documents.text:read_txt", None, None),
    Kind("docx", (".docx",), "budgetcheck.sources.documents.docx:read_docx", None, "docx"),  # the standard library
    Kind("pdf", (".pdf",), "budgetcheck.sources.documents.pdf:read_pdf", "pypdfium2", "pdf"),
    Kind("html", (".html", ".htm"), "budgetcheck.sources.documents.html:read_html", "lxml", "html"),
)
# Formats people publish in that no reader handles: ending → what to save the file as.
UNSUPPORTED: dict[str, str] = {".doc": ".docx", ".wps": ".docx", ".et": ".docx", ".ofd": ".pdf"}
# Extracts a document file into a checked report (used by the loader, imported lazily).
DOCUMENT_LOADER = "budgetcheck.sources.documents.load:load_document"
DEFAULT_EXTENSIONS: tuple[str, ...] = tuple(suffix for kind in KINDS for suffix in kind.suffixes)

_BY_SUFFIX = {suffix: kind for kind in KINDS for suffix in kind.suffixes}


def kind_of(path: str) -> Kind | None:
    """The input kind of a file name by its ending (case-insensitive), or None."""
    return _BY_SUFFIX.get(suffix_of(path))


def suffix_of(path: str) -> str:
    """A file name's ending, lower-case, with its dot (``""`` when there is none)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ending = name.rpartition(".")
    return f".{ending.lower()}" if dot and stem else ""


def unsupported(path: str) -> Text | None:
    """The one-line refusal for a format no reader handles, or None."""
    target = UNSUPPORTED.get(suffix_of(path))
    if target is None:
        return None
    return Text("input.unsupported", suffix=suffix_of(path), target=target)


def is_document(path: str) -> bool:
    """True for a published document (extracted first), False for YAML or unknown endings."""
    kind = kind_of(path)
    return kind is not None and kind.reader is not None


def normalise_extensions(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``yaml, .TXT`` → ``(".yaml", ".yml", ".txt")``: a kind's name stands for all its
    endings, an ending for itself; raises ValueError for anything no kind reads."""
    out: list[str] = []
    for raw in values:
        for item in raw.split(","):
            item = item.strip().lower()
            named = next((kind.suffixes for kind in KINDS if kind.name == item), None)
            suffix = item if item.startswith(".") else f".{item}"
            if named is None and suffix not in _BY_SUFFIX and item:
                known = ", ".join(DEFAULT_EXTENSIONS)
                raise ValueError(Text("input.unknown_extension", name=item, known=known))
            out.extend(named or ((suffix,) if item else ()))
    return tuple(dict.fromkeys(out))
