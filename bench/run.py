"""Benchmark budgetcheck against its floors and peers, and print ratios (issue 7).

Run from a checkout after ``pip install -e '.[test,bench]'``::

    python bench/run.py                 # full run: 2,000 generated reports (~2 minutes)
    python bench/run.py --reports 200   # a quicker batch
    python bench/run.py --json out.json # also write the numbers as JSON

Every figure is measured in this run, on this machine: wall time with
``time.perf_counter`` around a subprocess, peak memory (max RSS) from ``os.wait4``.
Absolute times differ between machines; the ratios are what the targets are about.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import FIXTURE, generate  # noqa: E402

PY = sys.executable
PARSE_FLOOR = "import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"
STACK_FLOOR = "import sys, yaml, pydantic, click; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"
# Not a target, an explanation: the least any pydantic *model* pays (BaseModel machinery,
# one schema build, plugin discovery), on top of the stack floor.
MODEL_FLOOR = (
    "import sys, yaml, click\nfrom pydantic import BaseModel\nclass M(BaseModel):\n    x: int\n"
    "M.model_validate({'x': 1}); yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"
)
# Pure-Python CPU work, no I/O: what N processes on this machine can do at once.
SPIN = "x = 0\nfor i in range(4_000_000):\n    x += i"
PARSE_MANY = "import sys, yaml\nfor p in sys.argv[1:]:\n    yaml.load(open(p), Loader=yaml.CSafeLoader)"
# Used only when the installed CLI has no --jobs option yet: the same code path it would call.
CHECK_MANY = (
    "import sys\nfrom budgetcheck.run.parallel import map_ordered\nfrom budgetcheck.run.runner import check_file\n"
    "jobs = int(sys.argv[1])\nfor r in map_ordered(check_file, sys.argv[2:], jobs):\n    pass"
)


@dataclass(frozen=True)
class Timing:
    """One command's measurements: median and best wall time (s), peak memory (KiB), and
    median CPU time (user + system, s, children included), which other load disturbs less."""

    name: str
    median: float
    best: float
    max_rss_kib: int
    runs: int
    returncode: int
    cpu: float = 0.0


def run_once(argv: Sequence[str]) -> tuple[float, int, int, float]:
    """Run a command with output discarded; return (wall s, peak RSS KiB, exit code, CPU s)."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # wait4's usage covers the child and the workers it reaped (--jobs): CPU time is summed,
    # max RSS is that of the largest single process.
    return wall, int(usage.ru_maxrss), proc.returncode, usage.ru_utime + usage.ru_stime


def measure(name: str, argv: Sequence[str], repeat: int, warmup: int = 1) -> Timing:
    """Time ``argv`` ``repeat`` times after ``warmup`` unmeasured runs (warms the file cache)."""
    for _ in range(warmup):
        run_once(argv)
    samples = [run_once(argv) for _ in range(max(1, repeat))]
    walls = [sample[0] for sample in samples]
    return Timing(
        name, statistics.median(walls), min(walls), max(sample[1] for sample in samples), len(samples),
        samples[-1][2], statistics.median(sample[3] for sample in samples),
    )


def find_tool(name: str) -> str | None:
    """A console script installed beside this Python, else on PATH, else None."""
    local = Path(PY).parent / name
    if local.is_file() and os.access(local, os.X_OK):
        return str(local)
    return shutil.which(name)


SCRIPT: list[str] = []  # --script: the console script to time instead of the one found


def cli_command() -> list[str]:
    """How to start budgetcheck as a user would: the console script, else ``python -m``."""
    if SCRIPT:
        return list(SCRIPT)
    script = find_tool("budgetcheck")
    return [script] if script else [PY, "-m", "budgetcheck"]


def cli_has_jobs(cli: Sequence[str]) -> bool:
    """Whether ``budgetcheck validate`` accepts ``--jobs`` (added by the batch-mode work)."""
    done = subprocess.run([*cli, "validate", "--help"], capture_output=True, text=True, check=False)
    return "--jobs" in done.stdout


def batch_command(cli: Sequence[str], files: Sequence[str], jobs: int, has_jobs: bool) -> list[str]:
    """The command that validates ``files`` with ``jobs`` processes, in one process tree."""
    if has_jobs:
        return [*cli, "validate", "--format", "concise", "--jobs", str(jobs), *files]
    return [PY, "-c", CHECK_MANY, str(jobs), *files]


def write_schema(path: Path) -> Path:
    """Export the report model's JSON Schema for check-jsonschema."""
    from budgetcheck.model import Report

    path.write_text(json.dumps(Report.model_json_schema(), ensure_ascii=False), encoding="utf-8")
    return path


def machine_capacity(jobs: int, repeat: int = 3) -> float:
    """How many cores' worth of work ``jobs`` CPU-bound processes get here at once.

    ``jobs`` × (one process alone) / (``jobs`` processes started together), median of
    ``repeat``: 2.0 on two idle cores, ~1 when a neighbour (another job, another VM) holds
    one. No process pool can speed up beyond it.
    """
    values = []
    for _ in range(max(1, repeat)):
        alone, _, _, _ = run_once([PY, "-c", SPIN])
        start = time.perf_counter()
        procs = [subprocess.Popen([PY, "-c", SPIN]) for _ in range(jobs)]
        for proc in procs:
            proc.wait()
        values.append(jobs * alone / (time.perf_counter() - start))
    return statistics.median(values)


def per_item(batch: Timing, single: Timing, count: int) -> float:
    """Marginal seconds per file: (batch − one-file run) / (count − 1), startup removed."""
    return max(batch.median - single.median, 0.0) / max(count - 1, 1)


def ratio(a: float, b: float) -> float:
    """a / b, or infinity when b is zero (a degenerate measurement)."""
    return a / b if b > 0 else float("inf")


def byte_compile() -> str:
    """Write the package's ``.pyc`` files, as ``pip install`` of a wheel does, and say where.

    An editable checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (as in some CI images)
    would otherwise recompile every module on every start, while the peers and the stack
    floor load their compiled ``site-packages`` modules: not a fair comparison.
    """
    import compileall

    import budgetcheck

    package = Path(budgetcheck.__file__).resolve().parent
    compileall.compile_dir(str(package), quiet=1)
    return str(package)


def single_report(fixture: Path, repeat: int, peers: bool, tmp: Path) -> dict[str, Timing]:
    """Parts (1)-(3): the CLI on one report, the two floors and the peers."""
    f = str(fixture)
    found = {
        "cli": measure("budgetcheck validate", [*cli_command(), "validate", "--format", "concise", f], repeat),
        "parse_floor": measure("parse floor (yaml C loader)", [PY, "-c", PARSE_FLOOR, f], repeat),
        "stack_floor": measure("stack floor (+ import pydantic, click)", [PY, "-c", STACK_FLOOR, f], repeat),
        "model_floor": measure("model floor (+ one tiny BaseModel)", [PY, "-c", MODEL_FLOOR, f], repeat),
    }
    if not peers:
        return found
    yamllint = find_tool("yamllint")
    if yamllint:
        found["yamllint"] = measure("yamllint (syntax, style)", [yamllint, f], repeat)
    jsonschema = find_tool("check-jsonschema")
    if jsonschema:
        schema = str(write_schema(tmp / "report.schema.json"))
        found["check_jsonschema"] = measure(
            "check-jsonschema (structure)", [jsonschema, "--schemafile", schema, f], repeat
        )
    return found


DOCUMENT_KINDS = ("txt", "docx", "pdf", "html")
# Issue 14: a document costs at most this many times the YAML path (None: no target).
DOCUMENT_BOUNDS: dict[str, float | None] = {"txt": None, "docx": 1.5, "pdf": 4.0, "html": None}
TEXT = FIXTURE.with_suffix(".txt")  # the reference document as published, its text dump


BUILD_DOCUMENTS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from budgetcheck.sources.documents.text import read_text_dump
from tests.documents import build_docx, build_pdf
from tests.htmlpages import gov_page
text, out = Path(sys.argv[2]), Path(sys.argv[3])
blocks = read_text_dump(text.read_text(encoding="utf-8"))
docx = build_docx(blocks)
for kind, data in {"txt": text.read_bytes(), "docx": docx, "pdf": build_pdf(docx), "html": gov_page(blocks, "gbk")}.items():
    (out / f"reference.{kind}").write_bytes(data)
"""


def write_documents(tmp: Path) -> dict[str, Path]:
    """The reference document as .txt, .docx, .pdf and .html, built as the tests build them.

    Built in a child process: a child's peak RSS as ``wait4`` reports it starts from its
    parent's at the fork, so the benchmark process itself must stay small.
    """
    done = subprocess.run([PY, "-c", BUILD_DOCUMENTS, str(FIXTURE.parents[1]), str(TEXT), str(tmp)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ImportError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "build failed")
    return {kind: tmp / f"reference.{kind}" for kind in DOCUMENT_KINDS}


def findings_of(argv: Sequence[str]) -> list[str]:
    """The findings a concise run prints, without their places (which differ by format)."""
    done = subprocess.run(list(argv), capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if " BC" in line]
    return sorted(line[line.index(" BC") + 1 :] for line in lines)


def documents(repeat: int, tmp: Path, single: dict[str, Timing]) -> dict[str, dict[str, float | bool | str]]:
    """Issue 14: ``validate`` on the reference document as each published kind, against the
    YAML path, with a check that each gives the YAML's findings; and the default terminal
    format (``table``) on the YAML."""
    cli = cli_command()
    yaml_run = [*cli, "validate", "--format", "concise", str(FIXTURE)]
    expected = findings_of(yaml_run)
    rows: dict[str, dict[str, float | bool | str]] = {}
    try:
        paths = write_documents(tmp)
    except ImportError as exc:  # the document builders need the test extra
        print(f"documents: skipped ({exc}; pip install -e '.[test]')")
        return rows
    for kind in DOCUMENT_KINDS:
        argv = [*cli, "validate", "--format", "concise", str(paths[kind])]
        timing = measure(f"budgetcheck validate reference.{kind}", argv, repeat)
        single[f"doc_{kind}"] = timing
        rows[kind] = {"over_yaml": ratio(timing.median, single["cli"].median),
                      "cpu_over_yaml": ratio(timing.cpu, single["cli"].cpu),
                      "same_findings": findings_of(argv) == expected}
    table = measure("budgetcheck validate --format table", [*cli, "validate", "--format", "table", str(FIXTURE)], repeat)
    single["format_table"] = table
    rows["table_format"] = {"over_yaml": ratio(table.median, single["cli"].median),
                            "cpu_over_yaml": ratio(table.cpu, single["cli"].cpu), "same_findings": True}
    return rows


def batch(files: list[str], repeat: int, jobs: int, single: dict[str, Timing]) -> dict[str, float | int | bool]:
    """Part (4)/(5): throughput, cost per report against parsing, speed-up, linearity, memory."""
    cli = cli_command()
    has_jobs = cli_has_jobs(cli)
    quarter = files[: max(2, len(files) // 4)]
    parse_all = measure("parse all", [PY, "-c", PARSE_MANY, *files], repeat, warmup=0)
    one_all = measure("check all, 1 job", batch_command(cli, files, 1, has_jobs), repeat, warmup=1)
    one_quarter = measure("check 1/4, 1 job", batch_command(cli, quarter, 1, has_jobs), repeat, warmup=0)
    capacity_before = machine_capacity(jobs)
    many_all = measure(f"check all, {jobs} jobs", batch_command(cli, files, jobs, has_jobs), repeat, warmup=0)
    capacity = min(capacity_before, machine_capacity(jobs))
    check_cost = per_item(one_all, single["cli"], len(files))
    parse_cost = per_item(parse_all, single["parse_floor"], len(files))
    check_cpu = max(one_all.cpu - single["cli"].cpu, 0.0) / max(len(files) - 1, 1)
    parse_cpu = max(parse_all.cpu - single["parse_floor"].cpu, 0.0) / max(len(files) - 1, 1)
    quarter_cost = per_item(one_quarter, single["cli"], len(quarter))
    return {
        "reports": len(files),
        "jobs": jobs,
        "via_cli_jobs_option": has_jobs,
        "parse_all_s": parse_all.median,
        "check_all_1job_s": one_all.median,
        "check_all_njobs_s": many_all.median,
        "reports_per_s_1job": ratio(len(files), one_all.median),
        "reports_per_s_njobs": ratio(len(files), many_all.median),
        "check_ms_per_report": check_cost * 1000,
        "parse_ms_per_report": parse_cost * 1000,
        "check_over_parse": ratio(check_cost, parse_cost),
        "check_cpu_ms_per_report": check_cpu * 1000,
        "parse_cpu_ms_per_report": parse_cpu * 1000,
        "check_over_parse_cpu": ratio(check_cpu, parse_cpu),
        "speedup_njobs": ratio(one_all.median, many_all.median),
        "machine_capacity_njobs": capacity,
        "speedup_over_capacity": ratio(ratio(one_all.median, many_all.median), capacity),
        "linearity_quarter_vs_all": ratio(quarter_cost, check_cost),
        "rss_kib_quarter_1job": one_quarter.max_rss_kib,
        "rss_kib_all_1job": one_all.max_rss_kib,
        "rss_kib_all_njobs": many_all.max_rss_kib,
        "memory_growth_all_vs_quarter": ratio(one_all.max_rss_kib, one_quarter.max_rss_kib),
    }


def targets(single: dict[str, Timing], batched: dict[str, float | int | bool] | None,
            docs: dict[str, dict[str, float | bool | str]] | None = None) -> list[tuple[str, float, str, bool]]:
    """Each target of issues 7 and 14 as (name, measured ratio, bound, met)."""
    cli = single["cli"].median
    stack = ratio(cli, single["stack_floor"].median)
    rows = [("CLI / stack floor", stack, "<= 1.25", stack <= 1.25)]  # issue 14 (issue 7: 1.3)
    for kind, found in (docs or {}).items():
        bound = DOCUMENT_BOUNDS.get(kind)
        if bound is not None:
            value = float(found["over_yaml"])
            rows.append((f".{kind} / YAML path (same findings: {found['same_findings']})", value,
                         f"<= {bound}", value <= bound and bool(found["same_findings"])))
    for key in ("yamllint", "check_jsonschema"):
        if key in single:
            value = ratio(cli, single[key].median)
            rows.append((f"CLI / {key}", value, "< 1.0", value < 1.0))
    if batched:
        cost = float(batched["check_over_parse"])
        speed = float(batched["speedup_njobs"])
        linear = float(batched["linearity_quarter_vs_all"])
        growth = float(batched["memory_growth_all_vs_quarter"])
        rows += [
            ("batch cost per report / C-loader parse", cost, "<= 1.8", cost <= 1.8),  # issue 14 (issue 7: 2)
            (f"speed-up 1 -> {batched['jobs']} jobs", speed, ">= 1.7", speed >= 1.7),
            ("per-report cost, N/4 vs N (linear)", linear, "0.8-1.25", 0.8 <= linear <= 1.25),
            ("peak memory, N vs N/4 (flat)", growth, "<= 1.25", growth <= 1.25),
        ]
    return rows


def report(single: dict[str, Timing], batched: dict[str, float | int | bool] | None,
           docs: dict[str, dict[str, float | bool | str]] | None = None) -> str:
    """The printed result: absolute times, ratios to the parse floor, targets."""
    floor = single["parse_floor"].median
    lines = [f"{'command':<42}{'median ms':>10}{'best ms':>9}{'x parse':>9}{'max RSS MiB':>13}"]
    for t in single.values():
        lines.append(
            f"{t.name:<42}{t.median * 1000:>10.1f}{t.best * 1000:>9.1f}{ratio(t.median, floor):>9.2f}"
            f"{t.max_rss_kib / 1024:>13.1f}"
        )
    if batched:
        lines.append("")
        for key, value in batched.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            lines.append(f"  {key:<34}{shown:>12}")
    if docs:
        lines.append("")
        lines.append(f"{'document (reference, validate)':<42}{'x YAML':>10}{'CPU x YAML':>12}  same findings")
        for kind, found in docs.items():
            lines.append(f"{kind:<42}{float(found['over_yaml']):>10.2f}{float(found['cpu_over_yaml']):>12.2f}"
                         f"  {found['same_findings']}")
    lines.append("")
    lines.append(f"{'target':<44}{'measured':>9}  {'bound':<9} met")
    for name, value, bound, met in targets(single, batched, docs):
        lines.append(f"{name:<44}{value:>9.2f}  {bound:<9} {'yes' if met else 'NO'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns 0 (the numbers are the output, not a verdict)."""
    parser = argparse.ArgumentParser(description="budgetcheck benchmark (issue 7)")
    parser.add_argument("--reports", type=int, default=2000, help="generated reports for the batch (0: skip)")
    parser.add_argument("--repeat", type=int, default=10, help="runs per single-report command")
    parser.add_argument("--batch-repeat", type=int, default=1, help="runs per batch command")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the parallel batch")
    parser.add_argument("--no-peers", action="store_true", help="skip yamllint and check-jsonschema")
    parser.add_argument("--no-documents", action="store_true", help="skip the .txt/.docx/.pdf/.html rows")
    parser.add_argument("--fixture", type=Path, default=FIXTURE)
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    parser.add_argument("--script", default=None,
                        help="the budgetcheck console script to time (default: beside this Python, else on PATH)")
    args = parser.parse_args(argv)
    if args.script:
        SCRIPT[:] = [args.script]
    compiled = byte_compile()
    with tempfile.TemporaryDirectory(prefix="budgetcheck-bench-") as tmp_name:
        tmp = Path(tmp_name)
        single = single_report(args.fixture, args.repeat, not args.no_peers, tmp)
        for peer in ("yamllint", "check-jsonschema"):
            if not args.no_peers and peer.replace("-", "_") not in single:
                print(f"peer {peer}: skipped (not installed; pip install -e '.[bench]')")
        docs = None if args.no_documents else documents(args.repeat, tmp, single)
        batched = None
        if args.reports > 1:
            files = [str(p) for p in generate(tmp / "reports", args.reports)]
            batched = batch(files, args.batch_repeat, args.jobs, single)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, fixture {args.fixture.name}, "
              f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}, byte-compiled {compiled}")
        print(report(single, batched, docs))
        if args.json:
            data = {"single": {k: asdict(v) for k, v in single.items()}, "batch": batched, "documents": docs,
                    "load_average_after": list(os.getloadavg())}
            data["targets"] = [dict(zip(("target", "measured", "bound", "met"), row))
                               for row in targets(single, batched, docs)]
            args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
