"""The exact rational type of every computation: quicktions' C Fraction, else the standard one.

``quicktions.Fraction`` has the API and the results of :class:`fractions.Fraction` (it is
CPython's implementation compiled with Cython) at a fraction of the cost; the check kinds
do thousands of such operations per report (issue 14). Both give the same values, equal
hashes and equal printed forms, so mixing them (a test's ``fractions.Fraction``) is exact,
only slower. Type checkers see the standard class, which quicktions mirrors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fractions import Fraction
else:
    try:
        from quicktions import Fraction
    except ImportError:  # a platform with no wheel and no compiler: the same values, slower
        from fractions import Fraction

__all__ = ["Fraction"]
