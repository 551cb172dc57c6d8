"""Deadlines and reminders: when a quarter's report is due, and the e-mails that say so.

Plain modules over the portfolio's models (the ``Reminder`` model records what was sent);
see docs/audit.md.
"""
