r"""
Conditioning zooms in on the evidence
=====================================

The same four probabilities, drawn as tiles whose areas are
:math:`P(S \cap F)`, :math:`P(S \cap F^c)` and so on, split two ways. Split by
the filter's verdict first, the height of the spam tile in a column is
:math:`P(S \mid F)`, the precision of the filter; split by the truth first,
it is :math:`P(F \mid S)`, its recall. Concept page:
:ref:`concept-conditional-probability`.
"""

# %%
# The joint probabilities
# -----------------------
# Rows: spam :math:`S` or not; columns: flagged :math:`F` or not. These are
# the shares of the 100 test emails of the probability-space example.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.probability import conditional, marginal

counts = np.array([[24, 6], [4, 66]])  # emails: [S, not S] x [F, not F]
joint = counts / counts.sum()
p_spam = marginal(joint, 0)  # P(S), P(not S)
p_flag = marginal(joint, 1)  # P(F), P(not F)
spam_given_flag = [conditional(joint, 1, j)[0] for j in range(2)]  # P(S | F), P(S | not F)
flag_given_spam = [conditional(joint, 0, i)[0] for i in range(2)]  # P(F | S), P(F | not S)


# %%
# What to look at
# ---------------
# Each tile has the same area in both panels: it is a joint probability. What
# changes is which way it is cut. A column's width is the probability of the
# condition, the height of its dark tile the conditional probability, and
# width times height is the area: :math:`P(S \cap F) = P(F)\,P(S \mid F)`.
def mosaic(ax, widths, heights, column_names, top_name, bottom_name, title):
    left = 0.0
    for width, height, name in zip(widths, heights, column_names, strict=True):
        ax.bar(left, height, width, align="edge", color="#2171b5", edgecolor="white", linewidth=2)
        ax.bar(
            left, 1 - height, width, bottom=height, align="edge", color="0.85", edgecolor="white", linewidth=2
        )
        for y0, h, text, color in [(0, height, top_name, "white"), (height, 1 - height, bottom_name, "k")]:
            label = f"{text}\narea {width * h:.2f}"
            if h > 0.12:
                ax.text(
                    left + width / 2, y0 + h / 2, label, ha="center", va="center", color=color, fontsize=9
                )
            else:  # a thin tile: its label goes just above it
                ax.text(
                    left + width / 2,
                    y0 + h + 0.02,
                    label,
                    ha="center",
                    va="bottom",
                    color="#08306b",
                    fontsize=9,
                )
        ax.text(left + width / 2, 1.03, f"{name}\nwidth {width:.2f}", ha="center", va="bottom", fontsize=9)
        left += width
    ax.set(xlim=(0, 1), ylim=(0, 1), xticks=[])
    ax.set_title(title, pad=34, fontsize=11)


fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10, 4.6), layout="constrained")
mosaic(
    ax0,
    p_flag,
    spam_given_flag,
    ["flagged $F$", "not flagged"],
    "spam",
    "not spam",
    rf"$P(S \mid F) = {spam_given_flag[0]:.2f}$",
)
ax0.set(ylabel="share of the column", xlabel="split by the filter's verdict")
mosaic(
    ax1,
    p_spam,
    flag_given_spam,
    ["spam $S$", "not spam"],
    "flagged",
    "not flagged",
    rf"$P(F \mid S) = {flag_given_spam[0]:.2f}$",
)
ax1.set(xlabel="split by the truth")
plt.show()

# %%
# Check
# -----
# The 100 emails, the titles, the tile areas (the same joint probabilities in
# both panels), the multiplication rule, and the point of the picture: the two
# conditional probabilities differ.
assert counts.sum() == 100
np.testing.assert_allclose(joint, [[0.24, 0.06], [0.04, 0.66]])
assert f"{spam_given_flag[0]:.2f}" == "0.86" and f"{flag_given_spam[0]:.2f}" == "0.80"
np.testing.assert_allclose(p_flag, [0.28, 0.72])
np.testing.assert_allclose(p_spam, [0.30, 0.70])
areas_by_verdict = np.array([[w * h, w * (1 - h)] for w, h in zip(p_flag, spam_given_flag, strict=True)]).T
areas_by_truth = np.array([[w * h, w * (1 - h)] for w, h in zip(p_spam, flag_given_spam, strict=True)])
np.testing.assert_allclose(areas_by_verdict, joint, atol=1e-15)
np.testing.assert_allclose(areas_by_truth, joint, atol=1e-15)
assert np.isclose(p_flag[0] * spam_given_flag[0], joint[0, 0])
assert abs(spam_given_flag[0] - flag_given_spam[0]) > 0.05
assert spam_given_flag[1] < 0.1 and flag_given_spam[1] < 0.1
