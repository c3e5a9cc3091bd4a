r"""
A batch of images is a four-axis tensor
=======================================

Four small color images stored as one array of shape ``(N, C, H, W)``: batch,
channel, height, width. Reshaping flattens each image into a row of a matrix
without moving a single number. Concept page: :ref:`concept-tensor`.
"""

# %%
# Building the batch
# ------------------
# Each image is 8 by 8 pixels with three channels (red, green, blue); the
# patterns are drawn from formulas, so the batch is the same on every build.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.linalg import broadcast_shape, matmul

N, C, H, W = 4, 3, 8, 8
rows, cols = np.meshgrid(np.arange(H), np.arange(W), indexing="ij")
batch = np.zeros((N, C, H, W))
batch[0, 0] = rows / (H - 1)  # red grows downwards
batch[1, 1] = cols / (W - 1)  # green grows to the right
batch[2, 2] = (rows + cols) % 2  # blue checkerboard
batch[3] = (np.hypot(rows - 3.5, cols - 3.5) < 3)[None] * np.array([1.0, 0.8, 0.2])[:, None, None]

# %%
# What to look at
# ---------------
# Top: ``batch[n]`` for each index :math:`n` along axis 0. Matplotlib wants the
# channel last, ``(H, W, C)``, so each image is shown with its axes reordered
# by ``transpose(1, 2, 0)``. Bottom: ``batch.reshape(N, C * H * W)``, one image
# per row, 192 numbers each: the first 64 columns are the red channel, then green, then blue.
fig = plt.figure(figsize=(10, 4.8), layout="constrained")
top, bottom = fig.subfigures(2, 1, height_ratios=[1.1, 1])
axes = top.subplots(1, N)
for n, ax in enumerate(axes):
    ax.imshow(batch[n].transpose(1, 2, 0))
    ax.set(title=f"batch[{n}]", xticks=[], yticks=[])
ax_flat = bottom.subplots()
flat = batch.reshape(N, C * H * W)
ax_flat.imshow(flat, aspect="auto", cmap="gray", interpolation="nearest")
for k in (1, 2):
    ax_flat.axvline(k * H * W - 0.5, color="C3", linewidth=1.5)
ax_flat.set(
    xlabel="column of the flattened batch (red 0-63, green 64-127, blue 128-191)",
    ylabel="image $n$",
    yticks=range(N),
    title="batch.reshape(4, 192)",
)
plt.show()

# %%
# Check
# -----
# Shapes, the reshape round trip, the flattened batch is a view of the same
# memory (nothing moved), a flattened row is one image, the red, green and
# blue blocks of a row are the three channels, per-channel normalization
# broadcasts ``(4, 3, 8, 8)`` with ``(3, 1, 1)``, and a batched matrix product
# ``@`` equals one :func:`~mlmath_ref.linalg.matmul` per image.
assert batch.shape == (4, 3, 8, 8) and flat.shape == (4, 192)
assert np.shares_memory(flat, batch) and flat.base is batch
for c in range(C):
    np.testing.assert_array_equal(flat[:, c * H * W : (c + 1) * H * W], batch[:, c].reshape(N, H * W))
np.testing.assert_array_equal(flat.reshape(N, C, H, W), batch)
np.testing.assert_array_equal(flat[2], batch[2].ravel())
channel_mean = batch.mean(axis=(0, 2, 3)).reshape(C, 1, 1)
assert broadcast_shape(batch.shape, channel_mean.shape) == (4, 3, 8, 8)
assert (batch - channel_mean).shape == batch.shape
pixels = batch.reshape(N, C, H * W)  # each image as a 3 x 64 matrix
mix = np.array([[0.299, 0.587, 0.114]])  # RGB to gray, a 1 x 3 matrix
gray = mix @ pixels  # batched: (1, 3) @ (4, 3, 64) -> (4, 1, 64)
assert gray.shape == (4, 1, 64)
for n in range(N):
    np.testing.assert_allclose(gray[n], matmul(mix, pixels[n]))
