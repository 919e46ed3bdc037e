"""budgetcheck: a linter for Chinese public-sector final-accounts disclosures."""

__version__ = "0.1.0"
