"""IATI Activity Standard 2.03: export records as XML, read publishers' files into records.

``export`` writes, ``schema`` validates against the vendored XSD, ``rules`` and
``codelists`` check what the XSD does not, ``read`` streams a file into records and
``load`` writes them to the database, one transaction per file.
"""
