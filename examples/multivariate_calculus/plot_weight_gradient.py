r"""
The gradient with respect to a weight matrix
============================================

For a linear layer :math:`\mathbf{z} = W\mathbf{x}` inside a loss, the
gradient with respect to :math:`W` is the outer product
:math:`\boldsymbol{\delta}\,\mathbf{x}^\top` of the upstream gradient and the
input. Here it is computed entry by entry, by finite differences, and compared.
Concept page: :ref:`concept-matrix-calculus`.
"""

# %%
# A tiny layer and a loss
# -----------------------
# A layer with 4 outputs and 6 inputs, followed by the squared-error loss
# :math:`L = \tfrac12 \lVert \tanh(W\mathbf{x}) - \mathbf{y} \rVert^2`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import gradient

rng = np.random.default_rng(3)
m, n = 4, 6
W = rng.normal(size=(m, n)) / np.sqrt(n)
x = rng.normal(size=n)
y = rng.normal(size=m)


def loss_of_weights(w_flat):
    z = w_flat.reshape(m, n) @ x
    return 0.5 * np.sum((np.tanh(z) - y) ** 2)


dL_dW = gradient(loss_of_weights, W.ravel()).reshape(m, n)  # one partial derivative per weight
z = W @ x
delta = (np.tanh(z) - y) * (1 - np.tanh(z) ** 2)  # dL/dz, the upstream gradient
outer = np.outer(delta, x)

# %%
# What to look at
# ---------------
# The first two panels are the same picture: a :math:`4 \times 6` grid of
# numbers with the shape of :math:`W`, whose rows are scaled copies of
# :math:`\mathbf{x}^\top` (each row by one entry of :math:`\boldsymbol{\delta}`).
# The third panel, their difference, is blank at this color scale.
fig, axes = plt.subplots(1, 3, figsize=(12, 3.4), layout="constrained")
vmax = np.abs(outer).max()
panels = [
    (dL_dW, r"$\partial L / \partial W$ (finite differences)"),
    (outer, r"$\boldsymbol{\delta}\,\mathbf{x}^\top$ (formula)"),
    (dL_dW - outer, "difference"),
]
for ax, (M, title) in zip(axes, panels):
    im = ax.imshow(M, cmap="RdBu_r", vmin=-vmax, vmax=vmax)
    ax.set(title=title, xlabel="input index $j$", ylabel="output index $i$")
fig.colorbar(im, ax=axes, shrink=0.8)
plt.show()

# %%
# Check
# -----
# Same shape as :math:`W`, same numbers as the outer product, and rank one.
assert dL_dW.shape == W.shape
np.testing.assert_allclose(dL_dW, outer, atol=1e-8)
assert np.linalg.matrix_rank(dL_dW, tol=1e-6) == 1
