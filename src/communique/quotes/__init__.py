"""Quotes: direct, indirect and mixed, each with its cue and its resolved speaker.

The stage and its ordered list of rules are in ``quotes.stage``; each rule lives in the module of its
kind of quote (``mixed``, ``direct``, ``indirect``, ``posts``, ``headlines``, ``floating``, ``resolve``).
"""

from communique.quotes.stage import extract_quotes

__all__ = ["extract_quotes"]
