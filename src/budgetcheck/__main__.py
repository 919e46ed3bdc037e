"""``python -m budgetcheck``."""

from .cli.app import main

main()
