"""The HTML report of the reference document in a real browser (headless Chromium from the
system's packages; skipped when it is not installed): it renders to a PNG at phone and
desktop widths, nothing overflows horizontally, and every finding is laid out.

Set ``BUDGETCHECK_SCREENSHOTS=DIR`` to keep the screenshots for a look.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from budgetcheck.run.runner import run

from .conftest import ROOT
from .test_reporters_golden import render

CHROMIUM = next((path for name in ("chromium", "chromium-browser", "google-chrome")
                 if (path := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--disable-extensions", "--mute-audio")
WIDTHS = (375, 1280)
# The report in a frame of the width under test (a headless window is at least 500 px
# wide), measured by the outer page once the frame has loaded: no DevTools protocol needed.
PROBE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>probe</title></head><body style="margin:0">
<iframe id="report" style="border:0;width:{width}px;height:2000px" srcdoc="{srcdoc}"></iframe>
<script>
document.getElementById("report").addEventListener("load", function () {{
  var doc = this.contentDocument, root = doc.documentElement, width = root.clientWidth, wide = [];
  doc.querySelectorAll("body *").forEach(function (e) {{
    var box = e.getBoundingClientRect();
    if (box.width && box.right > width + 0.5) wide.push(e.tagName + "." + e.className);
  }});
  var shown = Array.prototype.filter.call(doc.querySelectorAll("article.finding"), function (e) {{
    return e.getBoundingClientRect().height > 0;
  }});
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({{scrollWidth: root.scrollWidth, clientWidth: width,
    findings: shown.map(function (e) {{ return e.dataset.rule + " " + e.dataset.path; }}), wide: wide.slice(0, 5)}});
  document.body.appendChild(out);
}});
</script>
</body></html>
"""


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a throw-away profile; no network is used by the page."""
    profile = tmp_path / "profile"
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def reference() -> tuple[str, list[str]]:
    """The reference document's HTML report (zh) and its findings as ``rule path``."""
    os.chdir(ROOT)
    source = "fixtures/changji-2024.txt"
    findings = list(run([source], jobs=1).each())[0].findings
    return render("html", "zh", run([source], jobs=1)), sorted(f"{f.rule} {f.path}" for f in findings)


@pytest.mark.parametrize("width", WIDTHS)
def test_layout_does_not_overflow_and_shows_every_finding(width: int, tmp_path: Path,
                                                          reference: tuple[str, list[str]]) -> None:
    html, findings = reference
    page = tmp_path / "probe.html"
    page.write_text(PROBE.format(width=width, srcdoc=escape(html, quote=True)), encoding="utf-8")
    done = chromium(tmp_path, "--window-size=1400,2200", "--virtual-time-budget=10000", "--dump-dom", page.as_uri())
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, flags=re.S)
    assert match, done.stderr[-2000:]
    probe = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert probe["clientWidth"] == width
    assert probe["scrollWidth"] <= probe["clientWidth"], probe["wide"]
    assert probe["wide"] == []
    assert sorted(probe["findings"]) == findings and len(findings) >= 20


@pytest.mark.parametrize("width", WIDTHS)
def test_report_renders_to_a_screenshot(width: int, tmp_path: Path, reference: tuple[str, list[str]]) -> None:
    page = tmp_path / "report.html"
    page.write_text(reference[0], encoding="utf-8")
    shot = tmp_path / f"report-{width}.png"
    done = chromium(tmp_path, f"--window-size={width},2000", f"--screenshot={shot}", page.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == width  # the IHDR width
    keep = os.environ.get("BUDGETCHECK_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)


def test_report_prints_on_a4_with_each_document_on_its_own_pages(tmp_path: Path, reference: tuple[str, list[str]]) -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    page = tmp_path / "report.html"
    page.write_text(reference[0], encoding="utf-8")
    pdf_path = tmp_path / "report.pdf"
    done = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", page.as_uri())
    assert pdf_path.exists(), done.stderr[-2000:]
    with pdfplumber.open(pdf_path) as pdf:
        sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
        first, second = (pdf.pages[0].extract_text() or ""), (pdf.pages[1].extract_text() or "")
    assert sizes == {(595, 842)}  # A4 in points
    assert "汇总" in first and "BC302" not in first  # the summary page, then the document's pages
    assert "BC302" in second
