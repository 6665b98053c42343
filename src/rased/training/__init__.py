"""Reproducible builders of the artefacts shipped in the package (each names its data and license)."""
