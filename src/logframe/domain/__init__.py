"""Pure arithmetic and data-quality rules of Logframe.

Standard library only: no Django, no third-party packages. Every figure a user reads is
computed here from stored raw values; the rules are written down in ``docs/figures.md``.
"""
