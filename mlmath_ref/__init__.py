"""Reference implementations of the mathematics of machine learning.

Each submodule is one chapter of the site: :mod:`mlmath_ref.fundamentals`,
:mod:`mlmath_ref.linalg`, :mod:`mlmath_ref.calculus`, :mod:`mlmath_ref.multivariate`
and :mod:`mlmath_ref.autodiff` (reverse-mode automatic differentiation). The
functions follow the definitions the concept pages teach; NumPy is their only
dependency.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
