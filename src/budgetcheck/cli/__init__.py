"""The ``budgetcheck`` command line (``app.py``) and its commands."""
