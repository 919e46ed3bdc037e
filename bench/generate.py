"""Write N realistic, reproducible report files by varying the reference disclosure.

Each report is the reference fixture with its money figures scaled by one seeded factor
(shares, rates, counts, weights and scores are left as printed, so the identities still
hold up to rounding), its name numbered, and, in one report out of ten, one amount
nudged so that the checker has something to report. Sizes stay within a few percent of
the fixture. Usage: ``python bench/generate.py OUT_DIR [-n 2000] [--seed 7]``.
"""

from __future__ import annotations

import argparse
import random
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "changji-2024.yaml"

# Keys whose quoted value is an amount of money; scores, weights and shares are not scaled.
_AMOUNT_KEYS = (
    "amount|initial_budget|annual_budget|executed|budget|final|total|opening_balance|income_total"
    "|expenditure_total|current_income|current_expenditure|closing_balance|balance_distribution"
    "|non_fiscal_balance_used|goods|works|services|personnel|public|prior_year|unit_budget"
    "|unit_executed|project_budget|project_executed|vehicle_value|building_value"
)
_AMOUNT = re.compile(rf'(?P<key>\b(?:{_AMOUNT_KEYS}): )"(?P<num>-?[0-9][0-9,]*\.[0-9]{{2}})"')
_NAME = re.compile(r'^(?P<key>\s*(?:name|title): )"(?P<text>[^"]*)"', re.MULTILINE)
ERROR_EVERY = 10


def _format(value: Decimal) -> str:
    """Print an amount like the fixture does: thousands separators, two decimals."""
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"


def vary(text: str, index: int, seed: int, inject: bool | None = None) -> str:
    """One varied report: amounts scaled by a seeded factor, names numbered, maybe one error.

    ``inject`` None puts an error into every tenth report; True/False force it on or off.
    """
    rng = random.Random(seed * 1_000_003 + index)
    factor = Decimal(rng.randint(50, 200)) / 100

    def scale(match: re.Match[str]) -> str:
        number = Decimal(match["num"].replace(",", "")) * factor
        return f'{match["key"]}"{_format(number)}"'

    varied = _AMOUNT.sub(scale, text)
    varied = _NAME.sub(lambda m: f'{m["key"]}"{m["text"]}{index:05d}"', varied, count=2)
    if inject if inject is not None else index % ERROR_EVERY == ERROR_EVERY - 1:
        varied = _inject_error(varied, rng)
    return varied


def _inject_error(text: str, rng: random.Random) -> str:
    """Add 1.00 to one randomly chosen amount (a slip a reviewer would have to catch)."""
    matches = list(_AMOUNT.finditer(text))
    chosen = matches[rng.randrange(len(matches))]
    number = Decimal(chosen["num"].replace(",", "")) + 1
    return text[: chosen.start()] + f'{chosen["key"]}"{_format(number)}"' + text[chosen.end() :]


def generate(out_dir: Path, count: int, seed: int = 7, source: Path = FIXTURE) -> list[Path]:
    """Write ``count`` varied reports into ``out_dir`` and return their paths, in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    text = source.read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        path = out_dir / f"report-{index:05d}.yaml"
        path.write_text(vary(text, index, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    """Command line: write the reports and print where they went."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("-n", "--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = generate(args.out_dir, args.count, args.seed)
    print(f"wrote {len(paths)} reports to {args.out_dir}")


if __name__ == "__main__":
    main()
