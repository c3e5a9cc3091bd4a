r"""
Composition order matters
=========================

Two simple functions of one variable, composed in the two possible orders,
give two different functions. Concept page: :ref:`concept-composition`.
"""

# %%
# Two functions and their two compositions
# ----------------------------------------
# ``square`` then ``shift`` is not ``shift`` then ``square``.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.fundamentals import compose


def square(x):
    return x**2


def shift(x):
    return x - 1


x = np.linspace(-2, 3, 201)
shift_after_square = compose(shift, square)  # x -> x**2 - 1
square_after_shift = compose(square, shift)  # x -> (x - 1)**2

# %%
# What to look at
# ---------------
# Both curves are parabolas, but one is moved down and the other to the right:
# the order in which the two steps run decides which.
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
ax.plot(x, shift_after_square(x), label=r"$(\mathrm{shift} \circ \mathrm{square})(x) = x^2 - 1$")
ax.plot(x, square_after_shift(x), "--", label=r"$(\mathrm{square} \circ \mathrm{shift})(x) = (x-1)^2$")
ax.axhline(0, color="0.6", linewidth=0.8)
ax.axvline(0, color="0.6", linewidth=0.8)
ax.set(xlabel="$x$", ylabel="value", title="The same two steps in two orders")
ax.legend(loc="upper center")
plt.show()

# %%
# Check
# -----
# The compositions agree with the formulas, and they differ: a failure here
# fails the site build.
np.testing.assert_allclose(shift_after_square(x), x**2 - 1)
np.testing.assert_allclose(square_after_shift(x), (x - 1) ** 2)
assert not np.allclose(shift_after_square(x), square_after_shift(x))
# The lowest points the caption and alt text point at: (0, -1) for the solid curve, (1, 0)
# for the dashed one.
for curve, lowest in ((shift_after_square(x), (0, -1)), (square_after_shift(x), (1, 0))):
    np.testing.assert_allclose([x[np.argmin(curve)], curve.min()], lowest, atol=1e-12)
