"""Reference implementations of the mathematics of machine learning.

Each submodule is one chapter of the site: :mod:`mlmath_ref.fundamentals` and
:mod:`mlmath_ref.linalg`. The functions follow the definitions the concept pages
teach; NumPy is their only dependency.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
