"""Tests of the export readers; ``meta_builders`` writes synthetic Meta exports."""
