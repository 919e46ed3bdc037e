"""The registry of input kinds: directories searched for every readable kind (or the
endings configured), formats no reader handles refused with a save-as hint, and broken
documents of every kind refused with one error line and exit 2, by `validate` and
`extract` alike; YAML validation imports no document library."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetcheck.cli.app import main
from budgetcheck.sources.kinds import DEFAULT_EXTENSIONS, KINDS, kind_of, normalise_extensions

from .test_extract_formats import seed_docx, seed_pdf

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "changji-2024.yaml"
SEED = ROOT / "fixtures" / "changji-2024.txt"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _validate(*args: str) -> tuple[int, str]:
    return _run("validate", "--format", "concise", "--jobs", "1", *args)


def test_every_kind_names_its_endings_and_its_reader() -> None:
    assert DEFAULT_EXTENSIONS == (".yaml", ".yml", ".txt", ".docx", ".pdf", ".html", ".htm")
    assert kind_of("A/B.HTM").name == "html" and kind_of("x.yml").name == "yaml" and kind_of("x.doc") is None
    assert all((kind.reader is None) == (kind.name == "yaml") for kind in KINDS)
    assert normalise_extensions(["yaml, .TXT", "htm"]) == (".yaml", ".yml", ".txt", ".htm")
    with pytest.raises(ValueError, match="unknown extension 'xls'"):
        normalise_extensions(["xls"])


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.yaml").write_bytes(FIXTURE.read_bytes())
    (tmp_path / "sub" / "b.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "sub" / "c.docx").write_bytes(seed_docx())
    (tmp_path / "d.pdf").write_bytes(seed_pdf())
    (tmp_path / "e.html").write_text("<p>收入合计1.00万元。</p>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not checked", encoding="utf-8")
    (tmp_path / "~$c.docx").write_bytes(b"\x00lock")  # Word's lock file beside an open document
    return tmp_path


def _files(output: str) -> set[str]:
    return {Path(re.split(r":| \(", line)[0]).name for line in output.splitlines() if line and not line[0].isdigit()}


def test_a_directory_is_searched_for_every_readable_kind(tmp_path: Path) -> None:
    code, out = _validate(str(_folder(tmp_path)))
    assert {"a.yaml", "b.txt", "c.docx", "d.pdf"} <= _files(out), out  # e.html is clean: no line of its own
    assert "notes.md" not in out and "~$c.docx" not in out
    assert "5 files" in out.splitlines()[-1]


def test_the_endings_searched_are_an_option_and_a_setting(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    code, out = _validate("--include-ext", "docx,pdf", str(folder))
    assert _files(out) == {"c.docx", "d.pdf"} and code == 1, out
    (folder / ".budgetcheck.toml").write_text('extensions = ["txt"]\n', encoding="utf-8")
    code, out = _validate(str(folder))
    assert _files(out) == {"b.txt"}, out
    code, out = _validate("--include-ext", "yaml", str(folder))  # the option wins
    assert _files(out) == {"a.yaml"}, out
    (folder / ".budgetcheck.toml").write_text('extensions = ["xls"]\n', encoding="utf-8")
    code, out = _validate(str(folder))
    assert code == 2 and "unknown extension 'xls'" in out


@pytest.mark.parametrize("ending, target", [(".doc", ".docx"), (".wps", ".docx"), (".et", ".docx"), (".ofd", ".pdf")])
def test_formats_no_reader_handles_get_a_save_as_hint(ending: str, target: str, tmp_path: Path) -> None:
    path = tmp_path / f"report{ending}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)  # an OLE2 header, as .doc files have
    expected = f"unsupported format {ending}, save as {target}"
    for code, out in (_validate(str(path)), _run("extract", str(path)), _validate(str(tmp_path))):
        assert code == 2 and f"report{ending}: {expected}" in out and "binary" not in out, out
    code, out = _validate("--lang", "zh", str(path))
    assert code == 2 and f"不支持的格式 {ending}，请另存为 {target}" in out, out


def _broken() -> dict[str, bytes]:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas
    import io

    out = io.BytesIO()
    canvas = Canvas(out, encrypt=StandardEncryption("secret", canPrint=0))
    canvas.drawString(72, 720, "1.00")
    canvas.save()
    return {
        "truncated.docx": seed_docx()[: len(seed_docx()) // 2],
        "not-a-zip.docx": b"this is not a word document",
        "encrypted.pdf": out.getvalue(),
        "corrupt.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage",
        "not-a-pdf.pdf": b"<html>saved with the wrong name</html>",
        "no-text.html": b"<html><body><img src='scan.png'></body></html>",
        "binary.txt": b"\x00\x01\x02\x03",
    }


@pytest.mark.parametrize("name", sorted(_broken()))
def test_a_broken_document_is_one_error_line_and_exit_2(name: str, tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    path = tmp_path / name
    path.write_bytes(_broken()[name])
    for code, out in (_validate(str(path)), _run("extract", str(path))):
        errors = [line for line in out.splitlines() if name in line]
        assert code == 2 and len(errors) == 1 and "Traceback" not in out, out
    if name == "encrypted.pdf":
        assert "encrypted" in out


def test_yaml_validation_imports_no_document_reader() -> None:
    code = (
        "import sys\nfrom budgetcheck.cli.app import main\n"
        f"try:\n    main(['validate', '--format', 'concise', {str(FIXTURE)!r}])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('lxml', 'pypdfium2', 'docx', 'pdfplumber', 'budgetcheck.sources.documents.reader') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_document_cut_anywhere_is_read_or_refused_never_a_crash(kind: str) -> None:
    from budgetcheck.sources.documents.reader import read_blocks
    from budgetcheck.sources.load import InputError

    data = seed_docx() if kind == "docx" else seed_pdf()
    for cut in range(1, 12):
        piece = data[: len(data) * cut // 12]
        try:
            read_blocks(piece, f".{kind}", f"cut.{kind}")
        except InputError as exc:
            assert "\n" not in str(exc) and str(exc).startswith(f"cut.{kind}: ")


def test_loading_does_not_import_extraction() -> None:
    """The loader reaches the document loader only through the registry's name for it."""
    sources = (ROOT / "src" / "budgetcheck" / "loader").glob("*.py")
    assert not [path.name for path in sources if re.search(r"^\s*(from|import)\s+\S*extract", path.read_text(), re.M)]
    code = "import sys, budgetcheck.sources.load, budgetcheck.sources.kinds\nprint([m for m in sys.modules if 'sources.documents' in m])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_pdf_places_read_in_chinese() -> None:
    from budgetcheck.i18n import place

    assert place("page 4 line 12", "zh") == "第 4 页第 12 行"
    assert place("page 4 table 2 row 5 cell 7", "zh") == "第 4 页表 2 第 5 行第 7 格"
    assert place("page 4 table 2 row 1", "zh") == "第 4 页表 2 第 1 行"
