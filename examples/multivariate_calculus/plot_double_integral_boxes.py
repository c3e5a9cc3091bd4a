r"""
A double integral is a sum of thin columns
==========================================

Cut the rectangle :math:`[0, 2] \times [0, 1]` into a grid of small
rectangles, stand on each one a column whose height is the function at the
rectangle's center, and add up the volumes of the columns. As the grid gets
finer, the sum converges to the double integral: the volume under the surface
:math:`z = x_1 x_2^2`, which is :math:`2/3`. Concept page:
:ref:`concept-multiple-integrals`.
"""

# %%
# Columns on an m-by-m grid
# -------------------------
# With :math:`m` strips along each side, every small rectangle has area
# :math:`\Delta A = (2/m)(1/m)`, and the sum of :math:`f` at the centers times
# :math:`\Delta A` is a Riemann sum in two variables. For this :math:`f` it can
# be worked out by hand: :math:`2/3 - 1/(6m^2)`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import integrate


def f(x1, x2):
    return x1 * x2**2


a, b, c, d = 0.0, 2.0, 0.0, 1.0
exact = 2 / 3


def columns(m):
    """Corners, sides and heights of the m * m columns, one per small rectangle."""
    dx1, dx2 = (b - a) / m, (d - c) / m
    corner1, corner2 = np.meshgrid(a + dx1 * np.arange(m), c + dx2 * np.arange(m), indexing="ij")
    heights = f(corner1 + dx1 / 2, corner2 + dx2 / 2)
    return corner1.ravel(), corner2.ravel(), dx1, dx2, heights.ravel()


def column_sum(m):
    _, _, dx1, dx2, heights = columns(m)
    return float(np.sum(heights) * dx1 * dx2)


ms = 2 ** np.arange(0, 8)  # 1, 2, 4, ..., 128 strips per side
sums = np.array([column_sum(int(m)) for m in ms])

# %%
# What to look at
# ---------------
# Left and middle: the columns for a 4-by-4 and a 16-by-16 grid, under the
# surface :math:`z = x_1 x_2^2`, drawn as a red wire mesh. The top of each
# column meets the surface at the center of its rectangle; the finer columns
# follow the surface more closely. Right: the total volume of the columns against the number of
# columns :math:`m^2`; it climbs to :math:`2/3` (dashed), and every time the
# grid is refined from :math:`m` to :math:`2m` the gap shrinks by a factor 4.
fig = plt.figure(figsize=(12, 4.6), layout="constrained")
grid = fig.add_gridspec(1, 3, width_ratios=[1.25, 1.25, 1])
mesh1, mesh2 = np.meshgrid(np.linspace(a, b, 17), np.linspace(c, d, 9), indexing="ij")
for k, m in enumerate([4, 16]):
    ax = fig.add_subplot(grid[0, k], projection="3d", computed_zorder=False)
    x1, x2, dx1, dx2, heights = columns(m)
    colors = plt.cm.viridis(0.15 + 0.8 * heights / heights.max())
    ax.bar3d(x1, x2, np.zeros_like(heights), dx1, dx2, heights, color=colors, shade=True, zorder=1)
    ax.plot_wireframe(mesh1, mesh2, f(mesh1, mesh2), color="C3", linewidth=0.8, zorder=2)
    ax.set(xlabel="$x_1$", ylabel="$x_2$", zlabel="$f$", title=f"{m * m} columns: volume {column_sum(m):.4f}")
    ax.set(xticks=[0, 1, 2], yticks=[0, 1], zticks=[0, 1, 2])
    ax.set_box_aspect((2, 1, 1.2), zoom=0.82)
    ax.view_init(elev=28, azim=-125)
ax_sum = fig.add_subplot(grid[0, 2])
ax_sum.plot(ms**2, sums, "o-", color="C0", label="total volume of the columns")
ax_sum.axhline(exact, color="C3", linestyle="--", label="double integral $2/3$")
ax_sum.set_xscale("log")
ax_sum.set_xticks([1, 16, 256, 4096], labels=["1", "16", "256", "4,096"])
ax_sum.set(xlabel="number of columns $m^2$", ylabel="volume", title="Converging to the integral")
ax_sum.legend(loc="lower right", fontsize=9)
plt.show()

# %%
# Check
# -----
# The sums equal the hand formula :math:`2/3 - 1/(6m^2)`, so they rise toward
# :math:`2/3` from below and each refinement divides the gap by 4; the columns
# drawn have the volumes in the panel titles; and the limit agrees with the
# iterated integral of the concept page (one variable at a time).
np.testing.assert_allclose(sums, exact - 1 / (6 * ms.astype(float) ** 2), rtol=1e-12)
assert np.all(np.diff(sums) > 0) and np.all(sums < exact)
np.testing.assert_allclose((exact - sums[:-1]) / (exact - sums[1:]), 4, rtol=1e-6)
assert abs(sums[-1] - exact) < 2e-5  # 16,384 columns
for m, title_volume in [(4, "0.6562"), (16, "0.6660")]:
    x1, x2, dx1, dx2, heights = columns(m)
    assert x1.size == m * m and f"{column_sum(m):.4f}" == title_volume
    np.testing.assert_allclose(heights, f(x1 + dx1 / 2, x2 + dx2 / 2))  # tops meet the surface at the centers
    np.testing.assert_allclose(np.sum(heights * dx1 * dx2), column_sum(m))
inner = lambda x1: integrate(lambda x2: f(x1, x2), c, d)  # noqa: E731
iterated = integrate(lambda x1: np.array([inner(t) for t in x1]), a, b)
np.testing.assert_allclose(iterated, exact, rtol=1e-12)
# The right panel: from 1 to 16,384 columns, the total rising from 0.5.
assert (ms[0] ** 2, ms[-1] ** 2) == (1, 16384)
np.testing.assert_allclose(sums[0], 0.5)
