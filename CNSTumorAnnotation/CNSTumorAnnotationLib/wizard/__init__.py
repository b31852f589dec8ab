"""The per-case annotation wizard (R-ANN-1..9, R-FLOW-1): state machine, guidance texts, session record."""
