"""The quarter's workflow and data entry: every change a person makes on the web goes here.

Each function checks who may do it (accounts.access), validates, refuses a change
based on a value someone else has changed since (optimistic locking), writes the
change with its audit record, all in one transaction.
"""
