"""The ``privacy-audit`` command line: a thin shell over the core.

Exit codes: 0 success, 2 bad input (one clear line on stderr), 1 unexpected failure,
130 interrupted (Ctrl+C), 143 SIGTERM, 129 SIGHUP (cleaned up first: see
:mod:`privacy_audit.signals`). Never a traceback for a user's input.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import Any

from privacy_audit import signals
from privacy_audit.cli_words import argparse_in
from privacy_audit.errors import InputError
from privacy_audit.i18n import (
    N_,
    SUPPORTED_LANGUAGES,
    Translator,
    system_language,
    translator,
)
from privacy_audit.terminal import safe_line

EXIT_OK, EXIT_FAILURE, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse in the user's language that fails with exit 2 and one line (its default
    is the usage and an English "error:" line)."""

    tr: Translator = translator("en")

    def format_help(self) -> str:
        with argparse_in(self.tr):
            return super().format_help()

    def format_usage(self) -> str:
        with argparse_in(self.tr):
            return super().format_usage()

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with argparse_in(self.tr):
            return super().parse_known_args(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = self.tr.gettext("{command} --help lists the options.").format(command=self.prog)
        self.exit(EXIT_INPUT, f"{self.prog}: {safe_line(message)}. {hint}\n")


class _VersionAction(argparse._VersionAction):
    """``--version``: the installed version is looked up only when asked for
    (``importlib.metadata`` scans every installed distribution; no command needs it)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        import privacy_audit

        self.version = f"%(prog)s {privacy_audit.__version__}"
        super().__call__(parser, *args, **kwargs)


def _add_inputs(parser: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser.add_argument("paths", nargs="*", metavar="PATH", help=_("export zip(s) or folder(s)"))
    parser.add_argument(
        "--demo",
        nargs="?",
        const="giulia",
        metavar="PERSONA",
        help=_("use a bundled demo persona: giulia (Italian) or alex (English)"),
    )


def _add_common(parser: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser.add_argument(
        "--lang", choices=SUPPORTED_LANGUAGES, default=None, help=_("language: en or it")
    )
    parser.add_argument(
        "--region", metavar="CC", default=None, help=_("default phone region, e.g. IT")
    )


def build_parser(tr: Translator | None = None) -> argparse.ArgumentParser:
    """The argument parser, its help in the language of ``tr`` (English by default)."""
    tr = tr or translator("en")
    with argparse_in(tr):
        return _build(tr)


def _build(tr: Translator) -> argparse.ArgumentParser:
    _ = tr.gettext
    parser_class = type("Parser", (_Parser,), {"tr": tr})
    parser = parser_class(
        prog="privacy-audit",
        description=_("See what Meta can link together about you, from your own data exports."),
    )
    parser.add_argument("--version", action=_VersionAction, help=_("show the version and exit"))
    parser.add_argument(
        "--debug", action="store_true", help=_("debug logging (never personal data)")
    )
    sub = parser.add_subparsers(dest="command", parser_class=parser_class)

    p = sub.add_parser("gui", help=_("open the desktop app"))
    _add_inputs(p, tr)
    p.add_argument(
        "--workshop", action="store_true", help=_("workshop mode: demo persona, masked data")
    )
    p.add_argument(
        "--lang", choices=SUPPORTED_LANGUAGES, default=None, help=_("language: en or it")
    )

    p = sub.add_parser("inspect", help=_("what was found in the exports"))
    _add_inputs(p, tr)
    _add_common(p, tr)
    p.add_argument("--json", action="store_true", help=_("machine-readable output"))

    p = sub.add_parser("audit", help=_("findings and what to do, in plain language"))
    _add_inputs(p, tr)
    _add_common(p, tr)
    p.add_argument("--json", action="store_true", help=_("machine-readable output"))
    p.add_argument("--baseline", metavar="OLD.json", help=_("compare with an earlier audit --json"))

    p = sub.add_parser("report", help=_("write the privacy report"))
    _add_inputs(p, tr)
    _add_common(p, tr)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_("the file to write"))
    p.add_argument(
        "--format",
        choices=("html", "json", "csv", "pdf"),
        default=None,
        help=_("output format (default: from the file name)"),
    )
    p.add_argument(
        "--redact", action="store_true", help=_("mask names, numbers, e-mails and IP addresses")
    )

    p = sub.add_parser("demo", help=_("write synthetic demo exports"))
    p.add_argument("persona", metavar="PERSONA", help=_("giulia (Italian) or alex (English)"))
    p.add_argument("-o", "--output", required=True, metavar="DIR", help=_("the folder to write"))
    p.add_argument(
        "--scale", type=int, default=1, metavar="N", help=_("multiply contacts, activity, messages")
    )
    return parser


#: command -> module under privacy_audit that has ``run(args, tr) -> int``
COMMANDS = {
    "inspect": "privacy_audit.commands.inspect",
    "audit": "privacy_audit.commands.audit",
    "report": "privacy_audit.commands.report",
    "demo": "privacy_audit.commands.demo",
    "gui": "privacy_audit.gui.launch",
}


def _phone_region(code: str) -> str:
    """``--region``: a country code phonenumbers knows, upper-cased (``it`` -> ``IT``).

    Raises :class:`InputError` for any other value: an unknown region would quietly
    leave every number written without its country code unmatched.
    """
    import phonenumbers

    region = code.strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise InputError(
            N_("{region} is not a country code phone numbers are known for."),
            hint=N_("Give a two-letter country code such as IT, GB or US."),
            region=safe_line(code),
        )
    return region


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``privacy-audit``."""
    parser = build_parser(translator(system_language()))
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    command = args.command or "gui"
    if args.command is None:
        args = parser.parse_args(["gui"])
    lang = getattr(args, "lang", None) or system_language()
    tr = translator(lang)
    # the GUI has its own event loop; every other command cleans up on SIGTERM/SIGHUP/^C
    guard = contextlib.nullcontext() if command == "gui" else signals.handled()
    try:
        with guard:
            if getattr(args, "region", None) is not None:
                args.region = _phone_region(args.region)
            module = importlib.import_module(COMMANDS[command])
            return int(module.run(args, tr))
    except InputError as exc:
        print(f"privacy-audit: {safe_line(exc.render(tr))}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt as exc:
        print("privacy-audit: " + tr.gettext("Interrupted."), file=sys.stderr)
        return signals.exit_code(exc)
    except signals.Terminated as exc:
        message = tr.gettext("Stopped by {signal}; nothing half-written was left.")
        print("privacy-audit: " + message.format(signal=exc), file=sys.stderr)
        return signals.exit_code(exc)
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
