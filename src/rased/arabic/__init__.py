"""The Arabic text layer: pure functions over strings, knowing nothing of articles."""
