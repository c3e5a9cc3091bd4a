"""Time the capstone's training: the gallery example itself, run a few times.

Run with ``OPENBLAS_NUM_THREADS=1 .nox/tests/bin/python benchmarks/bench_capstone.py [--runs 3]``.
It runs ``examples/neural_networks/plot_digits_capstone.py`` as the build does (its figures
drawn off screen, its printout hidden) and prints, for each run, the seconds of the training
that the example measures, on the wall clock and in CPU time, and its test accuracy. Timing
the example, rather than a copy of its settings, keeps the figure true when the example
changes. Figures, not assertions: the target is a training under 20 seconds on the CI
machine, which the example's Check asserts in CPU time.
"""

import argparse
import contextlib
import io
import runpy
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the off-screen backend)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "neural_networks" / "plot_digits_capstone.py"


def run_example():
    """Run the example once; return its namespace (the variables it defines)."""
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore", UserWarning)  # plt.show() with the off-screen backend
        namespace = runpy.run_path(str(EXAMPLE), run_name="__main__")
    plt.close("all")
    return namespace


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{EXAMPLE.name}: training time and test accuracy, {args.runs} runs")
    for i in range(args.runs):
        ns = run_example()
        print(
            f"run {i + 1}: {ns['seconds']:.2f} s wall clock, {ns['cpu_seconds']:.2f} s CPU, "
            f"test accuracy {ns['test_accuracy']:.4f} ({ns['n_parameters']} parameters)"
        )


if __name__ == "__main__":
    main()
