"""entry pages."""
