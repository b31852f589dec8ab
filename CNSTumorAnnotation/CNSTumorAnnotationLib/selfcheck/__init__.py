"""Self-check of an annotation version (R-ANN-2/3/4/7/8/9, R-SEG-1..7): rule table, region and lesion rules, geometry."""
