r"""
A validation curve chooses the degree
=====================================

One data set of 30 noisy points, and polynomials of degree 1 to 10 to fit it.
The training error only falls as the degree grows, so it cannot choose. Error
on held-out points, a validation set or the folds of cross-validation, falls
and then rises, and its lowest point picks a degree close to the one a large
fresh test set would pick. Concept page: :ref:`concept-validation`.
"""

# %%
# The data and the split
# ----------------------
# Inputs uniform on :math:`[-1, 1]`, targets :math:`\sin(\pi x) + 0.3x^2`
# plus noise of standard deviation 0.3. A random permutation sends 20 points
# to training and 10 to validation. The 5 folds of cross-validation are the
# shuffled index batches of :func:`~mlmath_ref.optimize.minibatches`. A
# large test set of 5,000 new points plays the future data: in practice you
# never get to see it while choosing.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.optimize import minibatches
from mlmath_ref.probability import Normal, Uniform
from mlmath_ref.stats import linear_regression, mean

rng = np.random.default_rng(3)
sigma = 0.3


def f(t):
    return np.sin(np.pi * t) + 0.3 * t**2


def draw(size):
    x = Uniform(-1.0, 1.0).sample(rng, size=size)
    return x, f(x) + Normal(0.0, sigma).sample(rng, size=size)


x, y = draw(30)
x_test, y_test = draw(5000)
order = rng.permutation(30)
train, val = order[:20], order[20:]
folds = minibatches(30, 6, rng)


def features(t, degree):
    return t[:, None] ** np.arange(1, degree + 1)


def fit(idx, degree):
    """Least-squares polynomial on the examples idx; returns a prediction function."""
    w, b = linear_regression(features(x[idx], degree), y[idx])
    return lambda t: features(t, degree) @ w + b


def mse(predict, t, targets):
    return mean((predict(t) - targets) ** 2)


degrees = np.arange(1, 11)
train_error, val_error, cv_error, test_error = [], [], [], []
for degree in degrees:
    model = fit(train, degree)
    train_error.append(mse(model, x[train], y[train]))
    val_error.append(mse(model, x[val], y[val]))
    test_error.append(mse(model, x_test, y_test))
    fold_errors = []
    for held_out in folds:
        rest = np.setdiff1d(np.arange(30), held_out)
        fold_errors.append(mse(fit(rest, degree), x[held_out], y[held_out]))
    cv_error.append(mean(fold_errors))
train_error, val_error, cv_error, test_error = map(np.array, (train_error, val_error, cv_error, test_error))
chosen_val = degrees[np.argmin(val_error)]
chosen_cv = degrees[np.argmin(cv_error)]
best_test = degrees[np.argmin(test_error)]
final = fit(np.arange(30), chosen_cv)  # refit on all 30 points at the chosen degree
print(
    f"validation picks {chosen_val}, cross-validation picks {chosen_cv}, the test set would pick {best_test}"
)
print(f"test error of the final model: {mse(final, x_test, y_test):.3f} (noise floor {sigma**2:.2f})")

# %%
# What to look at
# ---------------
# Left: the training error (blue) falls at every degree. The validation
# error (orange) and the cross-validation error (green) fall, then climb;
# their lowest points (circled) are the degrees they choose. The test error
# (gray), which a real project cannot see, agrees on where the good degrees
# are. Right: the 20 training points, the 10 validation points, and the
# fits of degree 1, of the degree cross-validation chose, and of degree 10.
fig, (ax_curve, ax_data) = plt.subplots(1, 2, figsize=(11.5, 4.3), layout="constrained")
ax_curve.semilogy(degrees, train_error, "o-", color="C0", label="training error")
ax_curve.semilogy(degrees, val_error, "s-", color="C1", label="validation error (10 points)")
ax_curve.semilogy(degrees, cv_error, "^-", color="C2", label="5-fold cross-validation")
ax_curve.semilogy(degrees, test_error, "--", color="0.5", linewidth=2, label="test error (5,000 new points)")
for chosen, curve, color in ((chosen_val, val_error, "C1"), (chosen_cv, cv_error, "C2")):
    ax_curve.plot(
        chosen,
        curve.min(),
        "o",
        markersize=18,
        markerfacecolor="none",
        markeredgewidth=2,
        color=color,
        zorder=5,
    )
ax_curve.axhline(sigma**2, color="0.3", linestyle=":", linewidth=1, label="noise floor $\\sigma^2$")
ax_curve.set(
    xlabel="polynomial degree",
    ylabel="mean squared error",
    title="training error cannot choose; validation can",
    xticks=degrees,
)
ax_curve.legend(fontsize=8, loc="upper left")

t = np.linspace(-1.0, 1.0, 400)
ax_data.plot(x[train], y[train], "o", color="C0", label="training")
ax_data.plot(x[val], y[val], "s", color="C1", label="validation")
for degree, color, style in ((1, "C4", "-"), (chosen_cv, "C2", "-"), (10, "C3", "-")):
    ax_data.plot(t, fit(train, degree)(t), style, color=color, linewidth=2, label=f"degree {degree}")
ax_data.set(xlabel="$x$", ylabel="$y$", title="fits on the 20 training points", ylim=(-2.0, 2.5))
ax_data.legend(fontsize=8, loc="upper left", ncols=2)
plt.show()

# %%
# Check
# -----
# The training error never rises with the degree (each polynomial family
# contains the one before, so least squares can only do better); the
# validation and cross-validation errors fall then rise, with their lowest
# point strictly inside the range of degrees, and the errors at degree 10
# above their minimum by a factor of 2 or more; the chosen degree's test
# error is within 10% of the best test error.
assert np.all(np.diff(train_error) <= 1e-12)
for curve in (val_error, cv_error):
    k = int(np.argmin(curve))
    assert 0 < k < len(degrees) - 1
    assert curve[-1] > 2 * curve[k] and curve[0] > curve[k]
for chosen in (chosen_val, chosen_cv):
    assert test_error[chosen - 1] < 1.1 * test_error.min()
assert train_error[-1] < sigma**2 < val_error[-1]
assert (chosen_val, chosen_cv, best_test) == (4, 3, 3)
assert round(sigma**2, 2) == 0.09
