"""The REST API under /api/: the same services, access checks and audit as the web."""
