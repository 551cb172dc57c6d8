"""``python -m logframe`` runs the command-line interface."""

from logframe.cli.main import main

raise SystemExit(main())
