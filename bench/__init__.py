"""Benchmarks: scripts run as ``python bench/bench_X.py``; :mod:`bench.measure` holds what they share."""
