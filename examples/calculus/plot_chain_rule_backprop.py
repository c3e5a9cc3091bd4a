r"""
The chain rule multiplies local slopes
======================================

The derivative of a chain of functions is the product of the derivatives of
its links, each taken at the point the signal reaches it. In a deep chain of
sigmoids the product of many factors below 1/4 shrinks geometrically: the
vanishing gradient. Concept page: :ref:`concept-chain-rule`.
"""

# %%
# A three-link chain
# ------------------
# :math:`x \mapsto u = 3x + 1 \mapsto v = \tanh u \mapsto y = v^2`. The chain
# rule gives :math:`dy/dx = 2v \cdot (1 - v^2) \cdot 3`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import derivative
from mlmath_ref.fundamentals import compose


def linear(x):
    return 3 * x + 1


def square(v):
    return v**2


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


chain = compose(square, np.tanh, linear)  # square after tanh after linear
x = np.linspace(-1.5, 1.0, 300)
u = linear(x)
v = np.tanh(u)
by_chain_rule = 2 * v * (1 - v**2) * 3

# A deep chain: k sigmoids in a row, started at x = 0.5.
depths = np.arange(1, 31)
signal, product = 0.5, 1.0
products = []
for _ in depths:
    local = sigmoid(signal) * (1 - sigmoid(signal))  # local slope at the point the signal reaches
    product *= local
    signal = sigmoid(signal)
    products.append(product)
products = np.array(products)

# %%
# What to look at
# ---------------
# Left: the composition (blue), its derivative by the chain rule (dashed), and
# finite-difference dots on top of it. Right: the derivative of a chain of
# :math:`k` sigmoids falls by a factor of about 4 per link, a straight line on
# the log scale.
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
ax1.plot(x, chain(x), color="C0", label=r"$y = \tanh(3x + 1)^2$")
ax1.plot(x, by_chain_rule, "--", color="C3", label=r"$2v \cdot (1 - v^2) \cdot 3$ (chain rule)")
marks = x[::25]
ax1.plot(marks, derivative(chain, marks), "o", color="C1", markersize=4, label="finite difference")
ax1.set(xlabel="$x$", ylabel="value", title="A chain of three functions")
ax1.legend(fontsize=8)
ax2.semilogy(depths, products, "o-", color="C0", markersize=4)
ax2.set(xlabel="number of sigmoid links $k$", ylabel=r"$|dy/dx|$", title="A product of slopes below 1/4")
plt.show()

# %%
# Check
# -----
# The chain rule agrees with the numerical derivative of the composition; the
# deep-chain derivative agrees with a finite difference through 10 links, and
# each link multiplies it by a number between 0.19 and 0.25.
np.testing.assert_allclose(derivative(chain, x), by_chain_rule, atol=1e-8)
np.testing.assert_allclose(derivative(compose(*[sigmoid] * 10), 0.5), products[9], rtol=1e-4)
ratios = products[1:] / products[:-1]
assert np.all((ratios > 0.19) & (ratios < 0.25))
# The landmarks the caption and alt text quote: y = 0 at x = -1/3; the derivative dips to
# about -2.3 near x = -0.55 and rises to about 2.3 near x = -0.1; the deep chain falls from
# about 0.2 at k = 1 to about 4e-20, below 1e-19, at k = 30.
np.testing.assert_allclose(chain(-1 / 3), 0.0, atol=1e-12)
low, high = by_chain_rule.argmin(), by_chain_rule.argmax()
np.testing.assert_allclose([by_chain_rule[low], x[low]], [-2.3, -0.55], atol=0.05)
np.testing.assert_allclose([by_chain_rule[high], x[high]], [2.3, -0.1], atol=0.05)
assert depths[-1] == 30 and round(products[0], 1) == 0.2
assert round(products[-1], 20) == 4e-20 and products[-1] < 1e-19
