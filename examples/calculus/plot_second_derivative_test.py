r"""
The second-derivative test
==========================

At a point where the slope is zero, the sign of the second derivative says
what kind of point it is: a valley (minimum) where the curve bends up, a peak
(maximum) where it bends down, and no verdict where it is zero. Concept page:
:ref:`concept-extrema-1d`.
"""

# %%
# A function with a minimum, a maximum and a flat inflection
# ----------------------------------------------------------
# :math:`f(x) = x^4/4 - x^3/3 - x^2 + 1` has :math:`f'(x) = x(x - 2)(x + 1)`:
# critical points :math:`-1, 0, 2`. And :math:`g(x) = x^3` has a flat point at 0
# that is neither a minimum nor a maximum.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import derivative, second_derivative


def f(x):
    return x**4 / 4 - x**3 / 3 - x**2 + 1


def g(x):
    return x**3


critical = np.array([-1.0, 0.0, 2.0])
slopes = derivative(f, critical)
curvatures = second_derivative(f, critical)  # exact: 3x^2 - 2x - 2 -> 3, -2, 6
kinds = ["minimum" if c > 0 else "maximum" for c in curvatures]

# %%
# What to look at
# ---------------
# Left, top: the graph of :math:`f` with its three flat points; bottom: the
# second derivative, positive at the two minima (green) and negative at the
# maximum (red). Right: :math:`g(x) = x^3` is flat at 0 with :math:`g''(0) = 0`;
# the graph keeps rising through it, so the test has to stay silent.
x = np.linspace(-1.8, 2.8, 400)
fig, axes = plt.subplot_mosaic(
    [["f", "g"], ["fpp", "g"]], figsize=(10, 5), sharex=False, layout="constrained"
)
left_top, left_bottom, right = axes["f"], axes["fpp"], axes["g"]
left_top.plot(x, f(x), color="C0")
left_bottom.plot(x, second_derivative(f, x), color="C4")
left_bottom.axhline(0, color="0.6", linewidth=0.8)
for xc, kind, c in zip(critical, kinds, curvatures, strict=True):
    color = "C2" if kind == "minimum" else "C3"
    left_top.plot([xc], [f(xc)], "o", color=color, markersize=7)
    left_top.annotate(
        kind,
        (xc, f(xc)),
        textcoords="offset points",
        xytext=(0, 8 if kind == "maximum" else -16),
        ha="center",
        color=color,
    )
    left_bottom.plot([xc], [c], "o", color=color, markersize=7)
left_top.set(ylabel="$f(x)$", ylim=(-2.6, 2.8), title="Flat points of $f$")
left_bottom.set(xlabel="$x$", ylabel="$f''(x)$")
xg = np.linspace(-1.3, 1.3, 200)
right.plot(xg, g(xg), color="C0", label="$g(x) = x^3$")
right.plot([0], [0], "o", color="C7", markersize=7, label="$g'(0) = 0$, $g''(0) = 0$")
right.set(xlabel="$x$", ylabel="$g(x)$", title="A flat point that is not an extremum")
right.legend()
plt.show()

# %%
# Check
# -----
# The three points are flat, the second derivatives are 3, -2 and 6, and the
# test's verdicts match the neighboring values; x^3 has a flat point at 0 with
# values below it on the left and above it on the right.
np.testing.assert_allclose(slopes, 0.0, atol=1e-9)
np.testing.assert_allclose(curvatures, [3.0, -2.0, 6.0], atol=1e-6)
assert kinds == ["minimum", "maximum", "minimum"]
for xc, kind in zip(critical, kinds, strict=True):
    neighbors = f(np.array([xc - 0.1, xc + 0.1]))
    assert np.all(neighbors > f(xc)) if kind == "minimum" else np.all(neighbors < f(xc))
assert abs(second_derivative(g, 0.0)) < 1e-8 and g(-0.1) < g(0) < g(0.1)
