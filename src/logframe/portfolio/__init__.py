"""The portfolio app: funds, organisations, projects, results, indicators and their quarters."""
