"""Reference implementations of the mathematics of machine learning.

Each submodule belongs to one chapter of the site, and the API reference lists
them chapter by chapter. The functions follow the definitions the concept pages
teach; NumPy is their only dependency.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
