"""Benchmarks (``make bench``): not part of the test suite, never timed assertions."""
