"""The one software version of the CNSTumor distribution, stamped into every report and export."""

__version__ = "0.1.0"
