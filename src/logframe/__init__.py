"""Logframe: results-based monitoring and progress reporting for multi-partner trust funds."""

__version__ = "0.1.0"
