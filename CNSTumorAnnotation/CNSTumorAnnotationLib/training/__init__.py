"""The training phase (R-PPL-2, R-PPL-4): calibration batches, agreement and certification, their report."""
