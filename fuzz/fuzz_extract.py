"""Fuzz the extractor: text dump → blocks → report data → model → every rule, never a traceback.

Inputs are template text written from generated consistent reports (tests/template_text.py)
after one to four random edits (cut, insert, duplicate, replace, swap lines, move a line in
or out of a table, change a digit), and random bytes. Each input goes through

* the extractor in process (``extract_bytes``), the YAML it emits read back by the loader,
  and the extracted report checked by every rule: only :class:`InputError` may end it, and
  the emitted YAML must always load, with the same figures when both are valid reports;
* ``budgetcheck extract`` and ``budgetcheck validate`` on a ``.txt`` file (``--cli-every N``:
  every Nth input, default every one): exit 0, 1 or 2, never a traceback.

Run ``python fuzz/fuzz_extract.py`` (2,000 inputs; ``-n N``, ``--seed S``). With atheris,
``--atheris`` hands the same target to libFuzzer through hypothesis's ``fuzz_one_input``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.strategies

from click.testing import CliRunner  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from budgetcheck.cli.app import main as cli  # noqa: E402
from budgetcheck.checks.engine import check_report, resolve_profile  # noqa: E402
from budgetcheck.sources.documents.emit import to_yaml  # noqa: E402
from budgetcheck.sources.documents.reader import extract_bytes  # noqa: E402
from budgetcheck.sources.load import InputError, build_report, load_text  # noqa: E402
from tests.strategies import mutated_template_texts  # noqa: E402
from tests.template_text import printed_cells  # noqa: E402


def in_process(data: bytes) -> None:
    """Extract, emit, reload and check one input; anything but one InputError line is a bug."""
    try:
        extraction = extract_bytes(data, ".txt", "fuzz.txt")
    except InputError as exc:
        assert "\n" not in str(exc), str(exc)
        return
    loaded = build_report(extraction.data, {}, "fuzz.txt")
    emitted = load_text(to_yaml(extraction), "fuzz.yaml")  # what `extract` writes must load ...
    if emitted.report is not None and loaded.report is not None:  # ... with the same figures
        assert printed_cells(emitted.report) == printed_cells(loaded.report)
    if loaded.report is not None:
        check_report(loaded, profile=resolve_profile(loaded))


def through_cli(data: bytes, folder: Path) -> None:
    """``extract`` and ``validate`` on the input saved as a .txt file: exit 0/1/2, no traceback."""
    target = folder / "fuzz.txt"
    target.write_bytes(data)
    for args in (["extract", str(target)], ["validate", "--format", "concise", str(target)]):
        result = CliRunner().invoke(cli, args, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code in ((0, 2) if args[0] == "extract" else (0, 1, 2)), (args[0], result.exit_code, result.output)
        assert "Traceback" not in result.output


inputs = st.one_of(mutated_template_texts(), mutated_template_texts(), mutated_template_texts(), st.binary(max_size=4_000))


def main() -> None:
    """Parse the options and run the fuzzer."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--examples", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cli-every", type=int, default=1, help="run the CLI on every Nth input (0: never)")
    parser.add_argument("--shrink", action="store_true", help="shrink a crashing input (slow on long texts)")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided with atheris (if installed)")
    args, rest = parser.parse_known_args()
    folder = Path(tempfile.mkdtemp(prefix="fuzz_extract-"))
    count = [0]
    phases = [Phase.explicit, Phase.generate, *([Phase.shrink] if args.shrink else [])]

    @settings(max_examples=args.examples, deadline=None, database=None, phases=phases,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data: bytes) -> None:
        count[0] += 1
        try:
            in_process(data)
            if args.cli_every and count[0] % args.cli_every == 0:
                through_cli(data, folder)
        except BaseException:
            crash = Path(f"fuzz_extract-crash-{count[0]}.txt")
            crash.write_bytes(data)
            print(f"fuzz_extract: input {count[0]} crashed; saved as {crash}", file=sys.stderr)
            raise

    if args.atheris:
        import atheris  # type: ignore[import-not-found]

        atheris.Setup([sys.argv[0], *rest], fuzz.hypothesis.fuzz_one_input)
        atheris.Fuzz()
        return
    from hypothesis import seed

    started = time.perf_counter()
    seed(args.seed)(fuzz)()
    print(f"fuzz_extract: {count[0]} inputs in {time.perf_counter() - started:.0f} s, no crash")


if __name__ == "__main__":
    main()
