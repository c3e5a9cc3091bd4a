r"""
Derivatives of activation functions by the rules
================================================

The sum, product, quotient and chain rules give the derivatives of the
sigmoid, tanh and softplus in closed form. Each formula is checked against a
finite difference. Concept page: :ref:`concept-differentiation-rules`.
"""

# %%
# Three activations and their derivatives from the rules
# ------------------------------------------------------
# Quotient and chain rules: :math:`\sigma'(x) = \sigma(x)(1 - \sigma(x))`,
# :math:`\tanh'(x) = 1 - \tanh^2(x)`, and softplus :math:`\log(1 + e^x)` has
# derivative :math:`e^x / (1 + e^x) = \sigma(x)`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import derivative


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softplus(x):
    return np.log1p(np.exp(x))


rules = {
    "sigmoid": (sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x))),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    "softplus": (softplus, sigmoid),
}
x = np.linspace(-5, 5, 401)
x_marks = np.linspace(-4.5, 4.5, 13)

# %%
# What to look at
# ---------------
# In each panel the solid curve is the function, the dashed curve its
# derivative by the rules, and the dots the finite-difference estimates, which
# land on the dashed curve. The sigmoid's slope is never above 1/4, tanh's
# never above 1: the factor each layer contributes to a gradient.
fig, axes = plt.subplots(1, 3, figsize=(11, 3.6), layout="constrained")
for ax, (name, (f, df)) in zip(axes, rules.items(), strict=True):
    ax.plot(x, f(x), color="C0", label=f"{name}$(x)$")
    ax.plot(x, df(x), "--", color="C3", label="derivative by the rules")
    ax.plot(x_marks, derivative(f, x_marks), "o", color="C1", markersize=4, label="finite difference")
    ax.set(xlabel="$x$", title=name)
    ax.axhline(0, color="0.7", linewidth=0.8)
axes[0].legend(fontsize=8, loc="upper left")
plt.show()

# %%
# Check
# -----
# Every rule agrees with the numerical derivative, and the maximal slopes are
# 1/4 (sigmoid) and 1 (tanh), both reached at 0.
for f, df in rules.values():
    np.testing.assert_allclose(derivative(f, x), df(x), atol=1e-9)
assert abs(rules["sigmoid"][1](x).max() - 0.25) < 1e-12
assert abs(rules["tanh"][1](x).max() - 1.0) < 1e-12
# The derivative of softplus is the sigmoid: the S-shape of the third panel.
np.testing.assert_allclose(rules["softplus"][1](x), rules["sigmoid"][0](x))
