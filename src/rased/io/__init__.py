"""Turning bytes into text: encoding detection and HTML extraction."""
