"""Communique: who said what, who did what to whom, when, and on whose word."""

__version__ = "0.1.0"
