"""Read the text no template parser took: flattened tables and statements, then link them."""

from __future__ import annotations

import re

from .blocks import Paragraph
from .build import write
from .drafts import BalanceDraft, Draft
from .flat import split_tables
from .grammar import FIGURE, read
from .scan import Scan
from .sink import Problem, Sink

MAX_SNIPPET = 80
# "SOURCE: http://…", "DEPT: …": a metadata header line of a saved page, not disclosure text.
METADATA = re.compile(r"^[A-Z][A-Za-z_-]{1,20}:\s")


class StatementReader:
    """Collects the statements of every run of text fed to it, for one document."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.balances: list[BalanceDraft] = []
        self.problems: list[Problem] = []

    def feed(self, title: str, paragraphs: list[Paragraph]) -> None:
        """Read one section (or the text before the first heading)."""
        text: list[Paragraph] = []
        paragraphs = [p for p in paragraphs if not METADATA.match(p.text)]
        for piece in split_tables(paragraphs, title):
            if isinstance(piece, list):
                text.extend(piece)
                continue
            self.drafts.extend(piece.drafts)
            self.problems.extend(Problem(title, snippet, where) for snippet, where in piece.unread)
        self._text(title, text)

    def _text(self, title: str, paragraphs: list[Paragraph]) -> None:
        if not paragraphs:
            return
        scan = Scan(paragraphs)
        reading = read(scan)
        self.drafts.extend(reading.drafts)
        self.balances.extend(reading.balances)
        self.problems.extend(_unread(title, scan))

    def finish(self, root: Sink) -> None:
        """Link everything read and store it in the report data."""
        write(self.drafts, self.balances, root)


def _unread(title: str, scan: Scan) -> list[Problem]:
    """One problem per sentence holding a figure (a number with its unit) left unplaced."""
    out: list[Problem] = []
    reported: set[int] = set()
    for found in FIGURE.finditer(scan.text):
        if found["num"] is None or found["unit"] is None or all(scan.used[found.start() : found.end()]):
            continue
        begin = max(scan.text.rfind(c, 0, found.start()) for c in "。；\n") + 1
        if begin in reported:
            continue
        reported.add(begin)
        ends = [i for i in (scan.text.find(c, found.end()) for c in "。；\n") if i >= 0]
        snippet = scan.printed(begin, min(ends) if ends else len(scan.text)).strip()
        snippet = snippet if len(snippet) <= MAX_SNIPPET else snippet[: MAX_SNIPPET - 1] + "…"
        out.append(Problem(title, snippet, scan.where(found.start())))
    return out
