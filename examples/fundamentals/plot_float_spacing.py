r"""
Floating-point numbers thin out as they grow
============================================

The gap between one float and the next grows in proportion to the number
itself, so the *relative* rounding error stays near machine epsilon while the
*absolute* error grows with magnitude. Concept page: :ref:`concept-real-numbers`.
"""

# %%
# Gaps between neighboring floats
# --------------------------------
# ``np.spacing(x)`` is the distance from ``x`` to the next representable float.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.fundamentals import machine_epsilon

x = np.logspace(-3, 8, 400)
gap64 = np.spacing(x)
gap32 = np.spacing(x.astype(np.float32)).astype(np.float64)
eps64 = float(machine_epsilon(np.float64))
eps32 = float(machine_epsilon(np.float32))

# %%
# What to look at
# ---------------
# Both staircases climb along the straight lines :math:`\varepsilon\,x`: double
# the number and the gap doubles. float32 sits about nine powers of ten above
# float64. At 16 million the float32 gap reaches 2, so float32 cannot even count
# integers there.
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
ax.loglog(x, gap32, color="C1", label="float32 gap")
ax.loglog(x, gap64, color="C0", label="float64 gap")
ax.loglog(x, eps32 * x, ":", color="C1", label=r"$\varepsilon_{32}\,x$")
ax.loglog(x, eps64 * x, ":", color="C0", label=r"$\varepsilon_{64}\,x$")
ax.axhline(1.0, color="0.6", linewidth=0.8)
ax.set(xlabel="number $x$", ylabel="gap to the next float", title="Spacing of floating-point numbers")
ax.legend()
plt.show()

# %%
# Check
# -----
# The gap lies between :math:`\varepsilon x / 2` and :math:`\varepsilon x`, and
# float32 skips odd integers above :math:`2^{24}`.
assert np.all((gap64 > eps64 * x / 2) & (gap64 <= eps64 * x))
assert np.all((gap32 > eps32 * x / 2 * (1 - 1e-6)) & (gap32 <= eps32 * x * (1 + 1e-6)))
assert np.float32(2**24) + np.float32(1) == np.float32(2**24)
assert float(np.spacing(np.float32(2**24))) == 2.0
# The alt text and caption: x from 0.001 to 100 million; float32 about nine powers of ten
# above float64; its gap reaches 1 near 10 million; 2**24 is about 1.7e7.
np.testing.assert_allclose([x[0], x[-1]], [0.001, 100 * 10**6])
assert round(np.log10(eps32 / eps64)) == 9
crossing = x[np.argmax(gap32 >= 1)]
assert 10 * 10**6 / 2 < crossing < 10 * 10**6 * 2
assert abs(2**24 - 1.7e7) < 0.05e7
