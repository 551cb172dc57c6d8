"""Excel data-entry templates on the web: download for the quarter, upload a filled one."""
