"""Accounts: who belongs to which fund or project, in which role, for which organisation."""
