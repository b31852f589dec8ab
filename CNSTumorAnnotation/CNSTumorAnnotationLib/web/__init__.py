"""The browser door: sign-in, case queue and review (``front``) and the drawing wizard on
trame-slicer (``draw_app``), over the same project store and workflow as the CLI."""
