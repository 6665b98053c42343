"""Evaluation of quality on real data; each function returns a JSON-ready dict."""
