"""Ratios measured the only way a shared, noisy machine allows: interleaved, as medians.

Every target of ``make bench`` and ``make bench-scale`` is a ratio of two medians taken in
the same run, one call of each function in turn, so both see the same load.
"""

import statistics
import time


def interleaved_medians(functions, repeat=30, warmup=3):
    """``{name: median milliseconds}`` of each callable of ``functions`` (a dict), called
    ``warmup`` times unmeasured, then ``repeat`` rounds of one call each, in turn."""
    for _ in range(warmup):
        for function in functions.values():
            function()
    times = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: round(statistics.median(values) * 1000, 3) for name, values in times.items()}


def ratio(functions, of, to, repeat=30, warmup=3):
    """The median of ``functions[of]`` over the median of ``functions[to]``, and the medians."""
    medians = interleaved_medians(functions, repeat=repeat, warmup=warmup)
    return round(medians[of] / medians[to], 2), medians


def target(what, value, limit, at_most=True, unit="×"):
    """One row of the targets table: ``value`` against ``limit`` (at most, or at least)."""
    met = value <= limit if at_most else value >= limit
    sign = "≤" if at_most else "≥"
    return {"what": f"{what} {sign} {limit}{unit}", "value": value, "met": bool(met)}
