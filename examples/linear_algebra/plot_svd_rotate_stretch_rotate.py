r"""
SVD: rotate, stretch, rotate
============================

Any matrix acts in three steps: a rotation :math:`V^\top`, a stretch along the
axes by the singular values, and a rotation :math:`U`. Keeping only the largest
singular values gives the best low-rank approximation.
Concept page: :ref:`concept-svd`.
"""

# %%
# A matrix that is not symmetric
# ------------------------------
# :math:`A` shears as well as stretches, so its eigenvectors are not
# orthogonal; its SVD still splits it into rotate-stretch-rotate.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import rank, svd

A = np.array([[3.0, 0.0], [4.0, 5.0]])
U, s, Vt = svd(A)
if np.linalg.det(U) < 0:  # det(A) > 0, so both factors can be made rotations
    U[:, 0], Vt[0] = -U[:, 0], -Vt[0]
theta = np.linspace(0, 2 * np.pi, 400)
circle = np.stack([np.cos(theta), np.sin(theta)])
V = Vt.T

# %%
# Four panels, one per step
# -------------------------
# Follow the two right singular vectors :math:`\mathbf{v}_1, \mathbf{v}_2`
# (colored): :math:`V^\top` turns them onto the axes, :math:`\Sigma` stretches
# them to lengths :math:`\sigma_1, \sigma_2`, and :math:`U` turns them onto
# :math:`\sigma_1\mathbf{u}_1, \sigma_2\mathbf{u}_2`, the axes of the ellipse.
# The first two panels are drawn at a larger zoom: a rotation keeps lengths.
Sigma = np.diag(s)
steps = [
    ("unit circle", np.eye(2)),
    ("$V^\\top\\mathbf{x}$: rotate", Vt),
    ("$\\Sigma V^\\top\\mathbf{x}$: stretch", Sigma @ Vt),
    ("$U\\Sigma V^\\top\\mathbf{x} = A\\mathbf{x}$: rotate", U @ Sigma @ Vt),
]
fig, axes = plt.subplots(1, 4, figsize=(12, 3.6), layout="constrained")
for ax, (title, M) in zip(axes, steps, strict=True):
    ax.plot(*(M @ circle), color="C0")
    for j, color in enumerate(["C3", "C2"]):
        ax.quiver(0, 0, *(M @ V[:, j]), color=color, angles="xy", scale_units="xy", scale=1, width=0.015)
    lim = 1.6 if M is Vt or M is steps[0][1] else 7.5
    ax.set(xlim=(-lim, lim), ylim=(-lim, lim), aspect="equal", title=title, xlabel="$x_1$")
    ax.title.set_fontsize(10)
axes[0].set_ylabel("$x_2$")
plt.show()

# %%
# Low-rank approximation
# ----------------------
# A 30 by 40 "image" made of a few smooth patterns plus a little noise. Keeping
# the :math:`k` largest singular values rebuilds it from
# :math:`k(30 + 40 + 1)` numbers instead of 1200; by :math:`k = 3` the picture
# is there, and the singular values (right) show why: after three, they are noise.
rng = np.random.default_rng(0)
r, c = np.linspace(0, 1, 30), np.linspace(0, 1, 40)
image = (
    np.outer(np.sin(3 * r), np.cos(2 * c))
    + 0.6 * np.outer(r**2, np.sin(6 * c))
    + 0.3 * np.outer(np.cos(9 * r), c)
    + 0.02 * rng.normal(size=(30, 40))
)
Ui, si, Vti = svd(image)


def rank_k(k):
    """The rank-k truncation: the first k terms of the SVD."""
    return Ui[:, :k] @ np.diag(si[:k]) @ Vti[:k]


fig, axes = plt.subplots(1, 5, figsize=(13, 2.9), layout="constrained")
for ax, k in zip(axes[:4], [None, 1, 2, 3], strict=True):
    ax.imshow(image if k is None else rank_k(k), cmap="gray", vmin=image.min(), vmax=image.max())
    ax.set(title="original" if k is None else f"rank {k}", xticks=[], yticks=[])
axes[4].semilogy(np.arange(1, 21), si[:20], "o-")
axes[4].set(xlabel="index $i$", ylabel=r"$\sigma_i$", title="singular values", xticks=[1, 5, 10, 15, 20])
plt.show()

# %%
# Check
# -----
# The factors rebuild :math:`A` and map the circle exactly as :math:`A` does;
# :math:`U` and :math:`V` are rotations; the singular values of :math:`A` are
# :math:`3\sqrt{5}` and :math:`\sqrt{5}`; the rank-:math:`k` error in the
# Frobenius norm is the root sum of squares of the dropped singular values.
np.testing.assert_allclose(U @ Sigma @ Vt, A, atol=1e-12)
np.testing.assert_allclose(U @ Sigma @ Vt @ circle, A @ circle, atol=1e-12)
np.testing.assert_allclose([np.linalg.det(U), np.linalg.det(Vt)], [1.0, 1.0])
np.testing.assert_allclose(s, [3 * np.sqrt(5), np.sqrt(5)])
assert rank(rank_k(3)) == 3
for k in [1, 2, 3]:
    err = np.linalg.norm(image - rank_k(k))
    np.testing.assert_allclose(err, np.sqrt(np.sum(si[k:] ** 2)), rtol=1e-10)
assert np.linalg.norm(image - rank_k(3)) < 0.05 * np.linalg.norm(image)
# The numbers of the captions: sigma_1 = 6.71 and sigma_2 = 2.24; after the third singular
# value of the image the rest drop to a floor (each below a fifth of the third); rank 3 keeps
# 3 (m + n + 1) = 213 numbers of the 30 x 40 = 1200.
assert [round(v, 2) for v in s] == [6.71, 2.24]
assert np.all(si[3:] < si[2] / 5)
m, n = image.shape
assert (m, n) == (30, 40) and 3 * (m + n + 1) == 213 and m * n == 1200
