"""The suggested image-quality grade (R-QC-1..3): head masks, quality metrics, INU, artifacts, grading, confirmation."""
