"""Legacy progress reports (UNDG ITF template) written from known records: importer fixtures.

See README.md in this folder. Written independently of ``logframe.interchange.legacy``.
"""
