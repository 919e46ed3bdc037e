"""``--help`` and click's own words in the run's language.

Help texts are catalogue keys (``help.format``); the command classes below look them up
when help is shown, after the language has been chosen from ``--lang`` or the locale.
click's own strings go through gettext: in Chinese, its modules get a gettext function
that reads :data:`~budgetcheck.i18n.messages.CLICK_ZH`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from ..i18n import current, locale_lang, t, use
from ..i18n.messages import CLICK_ZH, MESSAGES, METAVARS_ZH

_CLICK_MODULES = ("core", "exceptions", "formatting", "parser", "types", "decorators", "termui", "utils")
_OWN_HELP = {"help": "help.help", "version": "help.version"}


def _gettext(message: str) -> str:
    return CLICK_ZH.get(message, message) if current() == "zh" else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install(lang: str) -> None:
    """Choose the language of every later text, click's included."""
    use(lang)
    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


def lang_from_args(args: Sequence[str], env: dict[str, str]) -> str:
    """The language a command line asks for: ``--lang X`` / ``--lang=X``, else the locale."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return locale_lang(env)


def _localise(command: click.Command, ctx: click.Context) -> None:
    """Replace help keys by their text in the current language."""
    key = getattr(command, "help_key", None) or (command.help if command.help in MESSAGES else None)
    if key:
        command.help_key = key  # type: ignore[attr-defined]
        command.help = t(key)
    help_option = command.get_help_option(ctx)
    for param in command.get_params(ctx):
        if not isinstance(param, click.Option):
            continue
        own = "help.help" if param is help_option else _OWN_HELP.get(param.name or "")
        key = getattr(param, "help_key", None) or own or (param.help if param.help in MESSAGES else None)
        if key:
            param.help_key = key  # type: ignore[attr-defined]
            param.help = t(key)
    _metavars(command, ctx)
    if command.epilog and "{examples}" in (getattr(command, "epilog_template", None) or command.epilog):
        template = getattr(command, "epilog_template", None) or command.epilog
        command.epilog_template = template  # type: ignore[attr-defined]
        command.epilog = template.replace("{examples}", t("help.examples"))


def _metavars(command: click.Command, ctx: click.Context) -> None:
    """The placeholders of the usage line (``[OPTIONS]``, ``FILE``) in the current language."""
    zh = current() == "zh"

    def shown(owner: Any, attribute: str, default: str) -> str:
        original = str(owner.__dict__.setdefault(f"_{attribute}_en", default))
        return METAVARS_ZH.get(original, original) if zh else original

    command.options_metavar = shown(command, "options_metavar", command.options_metavar or "")
    if isinstance(command, click.Group):
        command.subcommand_metavar = shown(command, "subcommand_metavar", command.subcommand_metavar or "")
    for param in command.get_params(ctx):
        if "_metavar_en" not in param.__dict__:
            param.__dict__["_metavar_en"] = param.metavar
            param.__dict__["_metavar_shown"] = param.make_metavar(ctx)
        original, default = param.__dict__["_metavar_en"], param.__dict__["_metavar_shown"]
        param.metavar = METAVARS_ZH.get(default, default) if zh and default in METAVARS_ZH else original


class Command(click.Command):
    """A command whose help texts are catalogue keys."""

    help_key: str | None = None

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The usage line (also shown with usage errors) in the current language."""
        _metavars(self, ctx)
        super().format_usage(ctx, formatter)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Help in the current language."""
        _localise(self, ctx)
        super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The one-line help of the command list, in the current language."""
        key = getattr(self, "help_key", None) or (self.help if self.help in MESSAGES else None)
        if key:
            self.help_key = key
            self.help = t(key)
        return super().get_short_help_str(limit)


class Group(click.Group):
    """The top-level group: picks the language before anything is parsed."""

    command_class = Command

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The usage line in the current language."""
        _metavars(self, ctx)
        super().format_usage(ctx, formatter)

    def main(self, args: Sequence[str] | None = None, *extra: Any, **kwargs: Any) -> Any:
        """Run the command line in the language of ``--lang`` or the locale."""
        import os

        given = list(sys.argv[1:] if args is None else args)
        install(lang_from_args(given, dict(os.environ)))
        return super().main(given, *extra, **kwargs)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Help in the current language."""
        _localise(self, ctx)
        super().format_help(ctx, formatter)
