"""``python -m CNSTumorAnnotationLib.cli``: the ``cnstumor`` command without its console script."""

import sys

from CNSTumorAnnotationLib.cli.app import main

if __name__ == "__main__":
    sys.exit(main())
