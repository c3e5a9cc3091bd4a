r"""
The variance of the signal through twenty ReLU layers, under three initializations
==================================================================================

A batch of inputs goes through twenty fully connected layers of width 256,
each followed by ReLU, with weights drawn three ways: variance
:math:`1/n_{\text{in}}` (Glorot's rule for a square layer), :math:`2/n_{\text{in}}`
(He's rule) and :math:`4/n_{\text{in}}`. Only He's keeps the variance of the
signal steady; the other two shrink or grow it by a factor of 2 at every
layer. Concept page: :ref:`concept-initialization`.
"""

# %%
# Twenty layers, three ways to draw the weights
# ---------------------------------------------
# The same 500 random inputs (standard normal entries) go through each
# network. The quantity tracked is the variance of the pre-activations
# :math:`A_\ell = H_{\ell-1} W_\ell` (the biases start at 0), the signal that
# enters layer :math:`\ell`'s ReLU.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.nn import glorot_uniform, he_normal

rng = np.random.default_rng(0)
width, depth, batch = 256, 20, 500
X = rng.standard_normal((batch, width))

initializers = {
    "Glorot, Var(W) = 1/n": lambda: glorot_uniform(width, width, rng),
    "He, Var(W) = 2/n": lambda: he_normal(width, width, rng),
    "Var(W) = 4/n": lambda: np.sqrt(2.0) * he_normal(width, width, rng),
}
factor = {"Glorot, Var(W) = 1/n": 1.0, "He, Var(W) = 2/n": 2.0, "Var(W) = 4/n": 4.0}
variances = {}
for name, draw in initializers.items():
    H, history = X, []
    for _ in range(depth):
        A = H @ draw()
        history.append(A.var())
        H = np.maximum(A, 0.0)
    variances[name] = np.array(history)

layers = np.arange(1, depth + 1)
# The prediction of the page: Var(A_1) = c, then a factor c / 2 per layer, for Var(W) = c / n.
predicted = {name: factor[name] * (factor[name] / 2) ** (layers - 1) for name in initializers}
for name in initializers:
    print(f"{name}: layer 1 {variances[name][0]:.3g}, layer 20 {variances[name][-1]:.3g}")

# %%
# What to look at
# ---------------
# The vertical axis is logarithmic. With He's initialization the variance
# stays near 2 (between 1 and 3) through all twenty layers. With Glorot's it halves at every
# layer, a straight line down to about :math:`4 \times 10^{-6}`: the signal
# that reaches the last layer is a millionth of what entered. With twice
# He's variance it doubles at every layer, to about :math:`3 \times 10^{6}`.
# The dashed lines are the prediction :math:`c\,(c/2)^{\ell-1}` for
# :math:`\operatorname{Var}(W) = c/n`.
fig, ax = plt.subplots(figsize=(7, 4.5), layout="constrained")
for (name, v), color in zip(variances.items(), ["C0", "C2", "C3"], strict=True):
    ax.semilogy(layers, v, "o-", color=color, markersize=4, label=name)
    ax.semilogy(layers, predicted[name], "--", color=color, linewidth=1)
ax.set(xlabel="layer $\\ell$", ylabel="variance of the pre-activations $A_\\ell$", xticks=[1, 5, 10, 15, 20])
ax.set_title("twenty ReLU layers of width 256")
ax.legend(fontsize=9, loc="upper left")
plt.show()

# %%
# Check
# -----
# He's variance stays between 1 and 3 at every layer; Glorot's and the
# doubled one follow the prediction within a factor of 2.5 over all twenty
# layers (each layer's random weights scale the signal by a random factor
# near :math:`c/2`, and the deviations add up in the logarithm), ending
# near :math:`4 \times 10^{-6}` and :math:`3 \times 10^{6}`. The curves
# keep their order at every layer.
glorot, he, large = (variances[name] for name in initializers)
assert np.all((he > 1) & (he < 3))
for name in initializers:
    ratio = variances[name] / predicted[name]
    assert np.all((ratio > 1 / 2.5) & (ratio < 2.5)), name
assert 1e-6 < glorot[-1] < 1e-5 and f"{glorot[-1]:.0e}" == "4e-06"
assert 1e6 < large[-1] < 1e7 and f"{large[-1]:.0e}" == "3e+06"
assert np.all(glorot < he) and np.all(he < large)
