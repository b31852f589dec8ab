"""The QC commands of cnstumor: deid and qc."""
