"""Proofs of the app's promises: offline, no residue, no personal data in logs,
input never modified, hostile input and fuzzing."""
