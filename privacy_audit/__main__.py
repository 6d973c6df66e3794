"""``python -m privacy_audit`` is the same as the ``privacy-audit`` command."""

from privacy_audit.cli import main

raise SystemExit(main())
