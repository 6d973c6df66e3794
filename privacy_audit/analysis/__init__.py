"""Cross-referencing, findings, score: what Meta can link, and what to do about it."""
