"""Human-machine interactive annotation (R-HMI-1..5): gold standard, pre-annotation, active-learning worklists, rounds."""
