"""The project's texts in other languages than its own: stored, read back as records, entered.

``models`` holds the rows, ``stored`` turns them into records and back (the portfolio's
import service and readers call it), ``entry`` is the one write path of a person's change.
"""
