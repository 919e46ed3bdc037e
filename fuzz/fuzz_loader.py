"""Fuzz the input path: bytes → decode → YAML tree → model → every rule, never a traceback.

Run ``python fuzz/fuzz_loader.py`` (hypothesis-driven, 20,000 inputs by default; ``-n N``
for more, ``--seed S`` to vary). With atheris installed, ``python fuzz/fuzz_loader.py
--atheris`` hands the same target to libFuzzer (coverage-guided) through hypothesis's
``fuzz_one_input``. Any exception other than :class:`InputError` is a bug and is re-raised
with the input that caused it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.strategies

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from budgetcheck.checks.engine import check_report, resolve_profile  # noqa: E402
from budgetcheck.sources.load import InputError, load_text  # noqa: E402
from budgetcheck.sources.decode import decode_report  # noqa: E402
from tests.strategies import consistent_reports, to_yaml  # noqa: E402


def one_input(data: bytes) -> None:
    """The fuzz target: any bytes either load and check, or end in one InputError."""
    try:
        loaded = load_text(decode_report(data, "fuzz.yaml"), "fuzz.yaml")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    if loaded.report is not None:
        try:
            profile = resolve_profile(loaded)
        except KeyError:
            return  # an unknown profile name: reported by the runner, exit 2
        check_report(loaded, profile=profile)


def _mutated(report: dict, cut: tuple[int, int], noise: bytes) -> bytes:
    text = to_yaml(report).encode("utf-8")
    start = min(cut[0], len(text))
    return text[:start] + noise + text[min(len(text), start + cut[1]):]


inputs = st.one_of(
    st.binary(max_size=4_000),
    st.builds(_mutated, consistent_reports(), st.tuples(st.integers(0, 20_000), st.integers(0, 60)), st.binary(max_size=16)),
)


def main() -> None:
    """Parse the options and run the fuzzer."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--examples", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--atheris", action="store_true", help="coverage-guided with atheris (if installed)")
    args, rest = parser.parse_known_args()

    @settings(max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data: bytes) -> None:
        one_input(data)

    if args.atheris:
        import atheris  # type: ignore[import-not-found]

        atheris.Setup([sys.argv[0], *rest], fuzz.hypothesis.fuzz_one_input)
        atheris.Fuzz()
        return
    from hypothesis import seed

    seed(args.seed)(fuzz)()
    print(f"fuzz_loader: {args.examples} inputs, no crash")


if __name__ == "__main__":
    main()
