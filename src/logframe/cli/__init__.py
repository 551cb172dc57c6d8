"""The ``logframe`` command line."""
