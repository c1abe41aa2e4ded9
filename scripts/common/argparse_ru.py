"""argparse in Russian, for the commands the school's coordinator runs.

argparse words its usage line, headings, --help and errors through
gettext, looked up at the moment it writes them; `russian()` gives it
Russian words for as long as a command parses or prints its help. A
message not in the table stays as argparse has it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

RUSSIAN = {
    "usage: ": "использование: ",
    "positional arguments": "аргументы",
    "options": "параметры",
    "optional arguments": "параметры",
    "subcommands": "команды",
    "show this help message and exit": "показать эту справку и выйти",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "не хватает обязательных аргументов: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "недопустимое значение %(value)r (можно: %(choices)s)"
    ),
    "unrecognized arguments: %s": "непонятные аргументы: %s",
    "expected one argument": "после него нужно указать значение",
    "expected at most one argument": "после него можно указать не больше одного значения",
    "expected at least one argument": "после него нужно указать хотя бы одно значение",
    "not allowed with argument %s": "нельзя указывать вместе с %s",
    "one of the arguments %s is required": "нужен один из аргументов: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "неоднозначный параметр %(option)s: подходят %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "недопустимое значение %(value)r",
    "ignored explicit argument %r": "лишнее значение %r",
    "unexpected option string: %s": "неожиданный параметр: %s",
    "can't open '%(filename)s': %(error)s": "не удаётся открыть «%(filename)s»: %(error)s",
    "expected %s argument": "нужно значений: %s",
    "expected %s arguments": "нужно значений: %s",
}


def _gettext(message: str) -> str:
    return RUSSIAN.get(message, message)


def _ngettext(singular: str, plural: str, number: int) -> str:
    return _gettext(singular if number == 1 else plural)


@contextmanager
def russian() -> Iterator[None]:
    """Within this block, argparse speaks Russian."""
    words: dict[str, Callable[..., str]] = {"_": _gettext, "ngettext": _ngettext}
    saved: dict[str, Any] = {name: getattr(argparse, name) for name in words}
    for name, function in words.items():
        setattr(argparse, name, function)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(argparse, name, function)
