"""Sequence identification and the consensus acquisition rules (R-ACQ-1..7), geometry and integrity (R-DATA-2)."""
