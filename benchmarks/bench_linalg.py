"""Time the reference implementations of mlmath_ref.linalg against NumPy.

Run with ``python benchmarks/bench_linalg.py``. For each function and size,
the table shows the best time per call over a few repeats (``timeit``), for
the reference implementation and for the NumPy routine it mirrors, and how
many times slower the reference is. The reference code is written to be
read, not to be fast; the point is to know by how much. On a busy or small
machine, ``OPENBLAS_NUM_THREADS=1`` keeps NumPy's times steady.
"""

import timeit

import numpy as np

from mlmath_ref import linalg

SIZES = (10, 50, 200)
REPEATS = 3


def cases(n, rng):
    A = rng.standard_normal((n, n))
    B = rng.standard_normal((n, n))
    b = rng.standard_normal(n)
    S = A + A.T
    return [
        ("det", lambda: linalg.det(A), lambda: np.linalg.det(A)),
        ("solve", lambda: linalg.solve(A, b), lambda: np.linalg.solve(A, b)),
        ("matmul", lambda: linalg.matmul(A, B), lambda: A @ B),
        ("svd", lambda: linalg.svd(A), lambda: np.linalg.svd(A, full_matrices=False)),
        ("eig_symmetric", lambda: linalg.eig_symmetric(S), lambda: np.linalg.eigh(S)),
    ]


def best_time(func):
    """Best seconds per call over REPEATS rounds, each long enough to time reliably."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=REPEATS, number=number)) / number


def main():
    rng = np.random.default_rng(20261125)
    header = f"{'function':<14} {'n':>4} {'mlmath_ref':>12} {'numpy':>12} {'slower':>9}"
    print(header)
    print("-" * len(header))
    for n in SIZES:
        for name, ours, theirs in cases(n, rng):
            t_ours, t_numpy = best_time(ours), best_time(theirs)
            ratio = t_ours / t_numpy
            print(f"{name:<14} {n:>4} {t_ours * 1e3:>9.3f} ms {t_numpy * 1e3:>9.3f} ms {ratio:>8.0f}x")


if __name__ == "__main__":
    main()
