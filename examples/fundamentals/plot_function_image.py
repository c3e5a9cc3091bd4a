r"""
The image of a set, and injective or not
========================================

A function sends each element of a finite domain to one output. Two
functions on the same domain: one sends two inputs to the same output (not
injective), the other never does. Concept page: :ref:`concept-functions`.
"""

# %%
# A domain and two functions
# --------------------------
# ``square`` merges :math:`-x` and :math:`x`; ``shift`` keeps every input apart.
import matplotlib.pyplot as plt

from mlmath_ref.fundamentals import image, is_injective


def square(x):
    return x**2


def shift(x):
    return x - 1


domain = [-2, -1, 0, 1, 2]

# %%
# What to look at
# ---------------
# Arrows go from each input (left column) to its output (right column). On the
# left panel two arrows land on 1 and two on 4: the image has only three
# elements. On the right every output is hit once.
fig, axes = plt.subplots(1, 2, figsize=(7, 4), layout="constrained")
for ax, f, name in zip(axes, (square, shift), (r"$x \mapsto x^2$", r"$x \mapsto x - 1$"), strict=True):
    outputs = sorted(image(f, domain))
    for x in domain:
        y = f(x)
        ax.annotate(
            "",
            xy=(1, outputs.index(y)),
            xytext=(0, domain.index(x)),
            arrowprops={"arrowstyle": "->", "color": "C0", "lw": 1.5},
        )
    for i, x in enumerate(domain):
        ax.text(-0.05, i, str(x), ha="right", va="center", fontsize=12)
    for j, y in enumerate(outputs):
        ax.text(1.05, j, str(y), ha="left", va="center", fontsize=12, color="C1")
    verdict = "injective" if is_injective(f, domain) else "not injective"
    ax.set_title(f"{name}: {verdict}\n|domain| = {len(domain)}, |image| = {len(outputs)}", fontsize=11)
    ax.set(xlim=(-0.4, 1.4), ylim=(-0.6, len(domain) - 0.4))
    ax.set_xticks([0, 1], ["domain $A$", "image $f(A)$"])
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
plt.show()

# %%
# Check
# -----
# The images and the verdicts drawn above.
assert image(square, domain) == {0, 1, 4}
assert image(shift, domain) == {-3, -2, -1, 0, 1}
assert not is_injective(square, domain)
assert is_injective(shift, domain)
assert len(domain) == 5 and len(image(square, domain)) == 3  # the sizes in the titles
