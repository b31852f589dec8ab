"""The cnstumor command: one module per feature, each with register(subparsers)."""
