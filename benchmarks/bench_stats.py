"""Time mlmath_ref.stats and mlmath_ref.optimize against the libraries they are checked with.

Run with ``python benchmarks/bench_stats.py`` (``nox -s bench`` runs it in the tests
environment, which has SciPy, scikit-learn and, where its wheel is on the disk, PyTorch).
For each function and size, the table shows the best time per call over a few repeats
(``timeit``), for the reference implementation and for the library routine it mirrors, and
how many times slower the reference is. The reference code is written to be read and to be
right at the edges of float64 (the mean sums exactly with ``math.fsum``, ``normal_ppf``
iterates in Python, ``pca`` runs the package's Jacobi SVD); the point is to know the price.
"""

import timeit

import numpy as np
from scipy import special
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression

from mlmath_ref import optimize, stats

REPEATS = 3


def cases(n, rng):
    x = rng.standard_normal(n)
    q = rng.random(n)
    X = rng.standard_normal((n, 10)) @ rng.standard_normal((10, 10))
    y = (X[:, 0] + rng.standard_normal(n) > 0).astype(float)
    out = [
        ("mean", lambda: stats.mean(x), lambda: np.mean(x)),
        ("sample_variance", lambda: stats.sample_variance(x), lambda: np.var(x, ddof=1)),
        ("covariance_matrix", lambda: stats.covariance_matrix(X), lambda: np.cov(X, rowvar=False)),
        ("normal_ppf", lambda: stats.normal_ppf(q), lambda: special.ndtri(q)),
        ("pca", lambda: stats.pca(X, 3), lambda: PCA(3, svd_solver="full").fit(X)),
        (
            "logistic_regression",
            lambda: stats.logistic_regression(X, y),
            lambda: LogisticRegression(C=np.inf, solver="newton-cholesky").fit(X, y),
        ),
    ]
    try:
        import torch
    except ImportError:
        return out
    w = rng.standard_normal(n)
    t = torch.tensor(w.copy(), requires_grad=True)
    t.grad = torch.tensor(x)
    ours, theirs = optimize.Adam(), torch.optim.Adam([t], foreach=False)
    out.append(("Adam.step", lambda: ours.step([w], [x]), theirs.step))
    return out


def best_time(func):
    """Best seconds per call over REPEATS rounds, each long enough to time reliably."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=REPEATS, number=number)) / number


def main():
    rng = np.random.default_rng(20261125)
    header = f"{'function':<20} {'n':>6} {'mlmath_ref':>12} {'library':>12} {'slower':>9}"
    print(header)
    print("-" * len(header))
    for n in (100, 10_000):
        for name, ours, theirs in cases(n, rng):
            t_ours, t_lib = best_time(ours), best_time(theirs)
            print(f"{name:<20} {n:>6} {t_ours * 1e3:>9.3f} ms {t_lib * 1e3:>9.3f} ms {t_ours / t_lib:>8.1f}x")


if __name__ == "__main__":
    main()
