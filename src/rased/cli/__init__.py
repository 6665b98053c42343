"""Command-line shell: thin commands over the library calls."""
