"""The Logframe project file: a whole project with its periods as versioned JSON.

Format and rules: ``docs/project-file.md``; the JSON Schema: ``schema.json`` beside this file.
"""

from logframe.interchange.projectfile.errors import ProjectFileError
from logframe.interchange.projectfile.read import (
    FORMAT,
    MAX_FILE_BYTES,
    VERSION,
    parse_project_document,
    project_file_schema,
    read_project_file,
)
from logframe.interchange.projectfile.write import (
    decimal_text,
    project_document,
    write_project_file,
)

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "VERSION",
    "ProjectFileError",
    "decimal_text",
    "parse_project_document",
    "project_document",
    "project_file_schema",
    "read_project_file",
    "write_project_file",
]
