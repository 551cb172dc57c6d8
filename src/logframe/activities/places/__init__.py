"""Reference data of places, shipped as CSV files (see ``logframe.activities.placefile``)."""
