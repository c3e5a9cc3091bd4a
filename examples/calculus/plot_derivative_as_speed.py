r"""
The derivative as a speed
=========================

A point moves along a line; its position at time :math:`t` is :math:`s(t)`.
The derivative :math:`s'(t)` is its speed: how many meters per second the
position changes at that instant. Concept page: :ref:`concept-derivative`.
"""

# %%
# Position of a braking car
# -------------------------
# :math:`s(t) = 20t - 2t^2` meters for :math:`0 \le t \le 5` seconds: it starts
# at 20 m/s and brakes until it stops at :math:`t = 5`.
import matplotlib.pyplot as plt
import numpy as np

from mlmath_ref.calculus import derivative


def position(t):
    return 20 * t - 2 * t**2


t = np.linspace(0, 5, 201)
speed = derivative(position, t)

# %%
# What to look at
# ---------------
# Top: the position; the average speed over :math:`[1, 2]` is the slope of the
# orange chord. Bottom: the speed, read off as the slope of the top curve at
# each instant, falls in a straight line from 20 to 0 m/s; the orange bar is
# the average speed over :math:`[1, 2]`, equal to the speed at the middle time 1.5 s.
fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(6, 6), sharex=True, layout="constrained")
ax1.plot(t, position(t), color="C0")
ax1.plot([1, 2], position(np.array([1.0, 2.0])), "o-", color="C1", label="average speed over [1, 2]: 14 m/s")
ax1.set(ylabel="position $s(t)$ (m)", title="Position and speed")
ax1.legend(loc="lower right")
ax2.plot(t, speed, color="C0", label="$s'(t)$ by central differences")
ax2.hlines(14, 1, 2, color="C1", linewidth=3, label="average speed over [1, 2]")
ax2.set(xlabel="time $t$ (s)", ylabel="speed $s'(t)$ (m/s)")
ax2.legend()
plt.show()

# %%
# Check
# -----
# The numerical speed is the exact 20 - 4t, the average over [1, 2] is 14 m/s,
# and the car stops (speed 0) at t = 5 s.
np.testing.assert_allclose(speed, 20 - 4 * t, atol=1e-8)
assert (position(2.0) - position(1.0)) / 1.0 == 14.0
assert abs(derivative(position, 5.0)) < 1e-8
# The position rises from 0 m to 50 m in the 5 seconds, and the average speed over [1, 2]
# is the instantaneous speed at t = 1.5 s.
assert position(0.0) == 0.0 and position(5.0) == 50.0
np.testing.assert_allclose(derivative(position, 1.5), 14.0, atol=1e-8)
