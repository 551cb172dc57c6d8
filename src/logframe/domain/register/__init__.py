"""The activity register's pure part: kinds of activity, reading them out of a narrative,
and the figures an indicator bound to a rule takes from the register.

Standard library only, like the rest of ``domain``; the Django app ``logframe.activities``
stores what these functions read and compute.
"""
