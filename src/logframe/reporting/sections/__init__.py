"""The parts of ``build_report``: each builds one section and returns its findings."""
