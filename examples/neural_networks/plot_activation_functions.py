r"""
ReLU, sigmoid and tanh, and where their slopes vanish
=====================================================

The three activation functions of this chapter and their derivatives, the
derivatives computed by the ``Tensor`` engine's ``backward()``, exactly as
training computes them. Where the derivative is (nearly) zero, a neuron
passes (almost) no gradient back: the flat tails of the sigmoid and tanh,
where they *saturate*, and the whole negative half-line of ReLU. Concept
page: :ref:`concept-activation-functions`.
"""

# %%
# Values and slopes from the engine
# ---------------------------------
# Summing the outputs and calling ``backward()`` gives, in ``x.grad``, the
# derivative of each activation at each point (each output depends on its
# own input only).
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.autodiff import Tensor

x = np.linspace(-6, 6, 1201)
curves = {}
for name in ("relu", "sigmoid", "tanh"):
    t = Tensor(x)
    out = getattr(t, name)()
    out.sum().backward()
    curves[name] = (out.data, t.grad.copy())

small = 0.01  # a slope below this passes back less than 1% of the gradient


def flat_region(slope):
    """The points where the slope is below `small`."""
    return slope < small


# %%
# What to look at
# ---------------
# Solid: the function; dashed: its derivative. The gray bands mark where the
# derivative is below 0.01. The sigmoid's slope is at most 1/4, reached at 0,
# and below 0.01 beyond about 4.6 on either side; tanh's is at most 1 and
# below 0.01 beyond about 3.0. ReLU's slope is exactly 1 for every positive
# input and exactly 0 for every negative one: no tail, but a whole half-line
# where nothing flows back.
fig, axes = plt.subplots(1, 3, figsize=(11.5, 3.8), layout="constrained", sharey=True)
titles = {"relu": "ReLU", "sigmoid": "sigmoid", "tanh": "tanh"}
for ax, (name, (value, slope)) in zip(axes, curves.items(), strict=True):
    flat = flat_region(slope)
    ax.fill_between(x, -1.2, 2.2, where=flat, color="0.85", step="mid", label="slope below 0.01")
    ax.plot(x, value, color="C0", lw=2, label="function")
    ax.plot(x, slope, "--", color="C3", lw=2, label="derivative")
    ax.axhline(0, color="0.5", lw=0.8)
    ax.set(xlabel="$z$", title=titles[name], xlim=(-6, 6), ylim=(-1.2, 2.2))
axes[0].set_ylabel("value")
axes[0].legend(loc="upper left", fontsize=9)
plt.show()

# %%
# Check
# -----
# The engine's derivatives agree with the closed forms
# :math:`\sigma(1 - \sigma)`, :math:`1 - \tanh^2` and the step of ReLU; the
# maximal slopes are 1/4 (sigmoid) and 1 (tanh and ReLU); the slope falls
# below 0.01 beyond 4.6 (sigmoid) and 3.0 (tanh); ReLU's slope is 0 on every
# negative input, 1 on every positive one.
relu, relu_slope = curves["relu"]
sig, sig_slope = curves["sigmoid"]
tanh, tanh_slope = curves["tanh"]
np.testing.assert_allclose(sig_slope, sig * (1 - sig), atol=1e-15)
np.testing.assert_allclose(tanh_slope, 1 - tanh**2, atol=1e-15)
np.testing.assert_array_equal(relu_slope, (x > 0).astype(float))
assert abs(sig_slope.max() - 1 / 4) < 1e-12 and sig_slope.argmax() == np.argmin(np.abs(x))
assert abs(tanh_slope.max() - 1.0) < 1e-12 and relu_slope.max() == 1.0
# The edges of the flat tails, from the closed forms: sigma' = 0.01 at log(98), tanh' = 0.01 at arccosh(10).
sig_edge, tanh_edge = np.log(98.0), np.arccosh(10.0)
assert round(sig_edge, 1) == 4.6 and round(tanh_edge, 1) == 3.0
np.testing.assert_array_equal(flat_region(sig_slope), np.abs(x) > sig_edge)
np.testing.assert_array_equal(flat_region(tanh_slope), np.abs(x) > tanh_edge)
np.testing.assert_array_equal(flat_region(relu_slope), x <= 0)
print(f"sigmoid flat beyond {sig_edge:.3f}, tanh flat beyond {tanh_edge:.3f}")
