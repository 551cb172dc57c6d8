"""Files in and out: importers and exporters that turn documents into typed records and back.

Nothing here touches the database: readers return ``logframe.domain.records`` records and
writers take them; services store them.
"""
