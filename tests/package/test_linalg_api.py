"""Tests for :mod:`mlmath_ref.linalg` as a whole: its public API.

The tests of each function are in the file of the private module that defines
it (``test_linalg_vectors.py`` for ``mlmath_ref/linalg/_vectors.py``, and so on).
"""

import re

import mlmath_ref.linalg as la


def test_public_api_is_complete_and_documented():
    expected = {
        "dot", "norm", "distance", "angle", "cosine_similarity", "project", "linear_combination",
        "is_linearly_independent", "coordinates", "gram_schmidt", "broadcast_shape", "matrix_of",
        "matmul", "transpose", "trace", "det", "solve", "inverse", "rank", "qr", "power_iteration",
        "eig_symmetric", "svd", "pinv", "adjacency_matrix", "transition_matrix", "stationary_distribution",
    }  # fmt: skip
    assert set(la.__all__) == expected and len(la.__all__) == len(expected)
    for name in la.__all__:
        func = getattr(la, name)
        assert func.__module__ == "mlmath_ref.linalg", name
        assert re.search(r"Concept page:\s+:ref:`concept-[a-z-]+`\.", func.__doc__), name
