"""Linear algebra: reference implementations for the linear algebra chapter.

Each function follows the definition its concept page teaches (a matrix
product built column by column, a determinant by elimination, eigenvalues
by Jacobi rotations) and validates its input, naming the argument in every
error. NumPy is the only dependency; its own routines are faster, and each
docstring's Notes say how they differ.

See Also
--------
numpy.linalg : NumPy's linear algebra, built on LAPACK.

Examples
--------
>>> import numpy as np
>>> from mlmath_ref.linalg import det, matmul
>>> A = np.array([[1.0, 2.0], [3.0, 4.0]])
>>> round(det(matmul(A, A)), 10), round(det(A) ** 2, 10)
(4.0, 4.0)
"""

from mlmath_ref.linalg._eigen import eig_symmetric, power_iteration
from mlmath_ref.linalg._graphs import adjacency_matrix, stationary_distribution, transition_matrix
from mlmath_ref.linalg._maps import matmul, matrix_of, trace, transpose
from mlmath_ref.linalg._orthogonal import gram_schmidt, project, qr
from mlmath_ref.linalg._solve import coordinates, det, inverse, solve
from mlmath_ref.linalg._svd import is_linearly_independent, pinv, rank, svd
from mlmath_ref.linalg._vectors import (
    angle,
    broadcast_shape,
    cosine_similarity,
    distance,
    dot,
    linear_combination,
    norm,
)

__all__ = [
    # vectors
    "dot",
    "norm",
    "distance",
    "angle",
    "cosine_similarity",
    "project",
    "linear_combination",
    "is_linearly_independent",
    "coordinates",
    "gram_schmidt",
    "broadcast_shape",
    # matrices and maps
    "matrix_of",
    "matmul",
    "transpose",
    "trace",
    "det",
    "solve",
    "inverse",
    "rank",
    # decompositions
    "qr",
    "power_iteration",
    "eig_symmetric",
    "svd",
    "pinv",
    # graphs
    "adjacency_matrix",
    "transition_matrix",
    "stationary_distribution",
]
