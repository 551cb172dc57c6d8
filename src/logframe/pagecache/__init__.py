"""Data versions for the rendered-page cache (``web/page_cache.py``): a table of counters
and the database triggers that move them on every write (``versions.py``)."""
