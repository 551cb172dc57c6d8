"""dashboards pages."""
