"""The IATI streaming reader as it was before the speed work of issue 6 (commit db73136),
frozen here so that tests can check the current reader gives exactly the same records,
violations and errors. Test-only: nothing in ``src`` imports it; do not "improve" it."""
