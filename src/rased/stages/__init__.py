"""Pipeline stages: plain functions ``stage(article, settings) -> Article``."""
