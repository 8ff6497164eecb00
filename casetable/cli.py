"""The `casetable` command.

`casetable scrub` is dispatched before Flask is imported, so it starts fast and works without a
configured app; every other sub-command is a Flask CLI command on the app (see casetable.commands).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["scrub"]:
        from casetable.scrub.cli import main as scrub_main

        return scrub_main(args[1:])
    from casetable.commands import cli_group

    return cli_group.main(args=args, prog_name="casetable")


if __name__ == "__main__":
    raise SystemExit(main())
