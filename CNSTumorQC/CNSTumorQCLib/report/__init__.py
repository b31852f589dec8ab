"""The QC report: JSON, CSV and the self-contained HTML page."""
