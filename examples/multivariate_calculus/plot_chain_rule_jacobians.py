r"""
The chain rule multiplies Jacobians
===================================

Two layers in a row, :math:`g` then :math:`f`. A small circle of inputs turns
into a small ellipse after each layer, and the ellipse after both is predicted
by the product of the two Jacobians. Concept page:
:ref:`concept-multivariate-chain-rule`.
"""

# %%
# Two small layers
# ----------------
# :math:`g(\mathbf{x}) = \tanh(W_1 \mathbf{x})` and
# :math:`f(\mathbf{u}) = W_2 \mathbf{u} + \sin \mathbf{u}`, both from the
# plane to the plane so that every stage can be drawn.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.multivariate import jacobian

W1 = np.array([[1.2, -0.7], [0.4, 0.9]])
W2 = np.array([[0.8, 0.6], [-1.0, 0.5]])


def g(x):
    return np.tanh(W1 @ x)


def f(u):
    return W2 @ u + np.sin(u)


p = np.array([0.3, -0.2])
J_g = jacobian(g, p)
J_f = jacobian(f, g(p))
J_fg = jacobian(lambda x: f(g(x)), p)
angles = np.linspace(0, 2 * np.pi, 200)
radius = 0.15
circle = p + radius * np.column_stack([np.cos(angles), np.sin(angles)])

# %%
# What to look at
# ---------------
# Each panel is one stage. The solid curves are the true images of the circle;
# the dashed ellipses are the predictions of the Jacobians: :math:`J_g` after
# the first layer, :math:`J_f J_g` after both. The arrows show where the
# input direction :math:`\mathbf{e}_1` goes.
stages = [
    ("input $\\mathbf{x}$", circle, circle, np.eye(2)),
    ("after $g$", np.array([g(x) for x in circle]), g(p) + (circle - p) @ J_g.T, J_g),
    (
        "after $f \\circ g$",
        np.array([f(g(x)) for x in circle]),
        f(g(p)) + (circle - p) @ (J_f @ J_g).T,
        J_f @ J_g,
    ),
]
fig, axes = plt.subplots(1, 3, figsize=(12, 4.2), layout="constrained")
for ax, (title, true, predicted, M) in zip(axes, stages):
    center = true.mean(axis=0)
    ax.plot(true[:, 0], true[:, 1], color="C0", label="true image")
    ax.plot(predicted[:, 0], predicted[:, 1], "--", color="C1", label="Jacobian prediction")
    ax.annotate("", center + radius * M[:, 0], center, arrowprops={"arrowstyle": "->", "color": "C3"})
    ax.set(xlabel="first coordinate", ylabel="second coordinate", title=title, aspect="equal")
axes[0].legend(loc="lower left", fontsize=8)
plt.show()

# %%
# Check
# -----
# The Jacobian of the composition equals the product of the Jacobians (in
# that order), and both match the formulas worked by hand:
# :math:`J_g = \operatorname{diag}(1 - \tanh^2(W_1\mathbf{x}))\, W_1` and
# :math:`J_f = W_2 + \operatorname{diag}(\cos \mathbf{u})`.
np.testing.assert_allclose(J_fg, J_f @ J_g, atol=1e-8)
np.testing.assert_allclose(J_g, (1 - np.tanh(W1 @ p) ** 2)[:, None] * W1, atol=1e-9)
np.testing.assert_allclose(J_f, W2 + np.diag(np.cos(g(p))), atol=1e-9)
assert not np.allclose(J_fg, J_g @ J_f)
# The dashed predictions almost coincide with the true images: off by less than a tenth of
# the size of the image at every stage.
for _, true, predicted, _ in stages:
    assert np.max(np.linalg.norm(true - predicted, axis=1)) < np.ptp(true, axis=0).max() / 10
