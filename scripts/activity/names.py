"""One teacher, one count: which of the names read name one teacher.

Spellings that differ in case, ё/е, spaces, invisible characters, dots or
word order have one key (values.teacher_key). Beyond that, a name is an
*abbreviation* of a fuller one when the surname is the same and each of its
given names is the other's or its initial, in order: «Абдулаева М. В.» and
«Абдулаева М.» abbreviate «Абдулаева Марха Висхановна». Two different full
names are two teachers, never one.

An abbreviation counts as the one fuller name it can stand for among what is
known: the sources read, data/consent.yml and the names the log keeps. When
it can stand for two or more («Абдулаева М. В.» for «Абдулаева Марха
Висхановна» and «Абдулаева Малика Вахаевна»), it is ambiguous: its rows are
refused, and the coordinator writes the full name.

Most teachers are kept in the log under a pseudonym, which a name cannot be
read back from; but a pseudonym is made so that the initials of its name can
be matched (activity/pseudonyms.py), so a name written with initials alone
still finds the one teacher of the log it can stand for, or is refused when
the log holds two.

    resolved = resolve(spellings, known, log=LogNames(pseudonyms, hasher))
    resolved.identity["Абдулаева М. В."]  → «абдулаева марха висхановна»,
        or a pseudonym of the log
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from .values import initials_key, is_pseudonym, teacher_key

Where = tuple[str, int]  # a source and a line; line 0: the whole file


@dataclass(frozen=True)
class Parsed:
    """A key split into its surname and given names; no given names for a
    name of one word or with a number in it, which is compared whole."""

    key: str
    surname: str
    given: tuple[str, ...]

    @classmethod
    def of(cls, key: str) -> Parsed:
        words = key.split(" ")
        if len(words) < 2 or any(word.isdigit() for word in words):
            return cls(key, key, ())
        return cls(key, words[0], tuple(words[1:]))

    @property
    def initials_only(self) -> bool:
        return bool(self.given) and all(len(word) == 1 for word in self.given)


def abbreviates(short: Parsed, full: Parsed) -> bool:
    """Whether `short` can stand for `full`: same surname, and each given
    name of `short` is `full`'s in that place, or its initial."""
    return (
        bool(short.given)
        and short.key != full.key
        and short.surname == full.surname
        and len(short.given) <= len(full.given)
        and all(
            mine == theirs or (len(mine) == 1 and theirs.startswith(mine))
            for mine, theirs in zip(short.given, full.given, strict=False)
        )
    )


def abbreviations(full: Parsed) -> list[str]:
    """Every key that abbreviates `full` (each given name whole or as its
    initial, and fewer of them), and the initials key logs were once made
    with."""
    forms = [(word, word[0]) if len(word) > 1 else (word,) for word in full.given]
    keys = {
        " ".join([full.surname, *choice])
        for count in range(1, len(forms) + 1)
        for choice in itertools.product(*forms[:count])
    }
    return sorted(keys - {full.key})


class Hasher(Protocol):
    """What the log's pseudonyms are made with (pseudonyms.Pseudonyms)."""

    def pseudonym(self, key: str) -> str: ...

    def old_pseudonym(self, key: str) -> str: ...

    def may_abbreviate(self, short: str, pseudonym: str) -> bool: ...


@dataclass
class LogNames:
    """The teachers of the log kept under a pseudonym, and the key's hasher."""

    pseudonyms: set[str]
    hasher: Hasher


@dataclass(frozen=True)
class Merged:
    """A spelling counted as the teacher first written otherwise."""

    spelling: str
    at: Where  # its first source and line
    first: str  # the spelling it counts as
    first_at: Where

    def __str__(self) -> str:
        source, line = self.first_at
        if source == self.at[0] and line:
            where = f"строка {line}"
        else:
            where = f"{source}:{line}" if line else source
        return (
            f"{self.at[0]}:{self.at[1]}: один педагог: «{self.spelling}» считается тем же, "
            f"что «{self.first}» ({where})"
        )


LOG_TEACHER = "педагог журнала под псевдонимом {pseudonym}"


@dataclass
class Resolved:
    """What each spelling counts as."""

    # spelling → its teacher: a key (of the fullest name it stands for) or a
    # pseudonym of the log
    identity: dict[str, str] = field(default_factory=dict)
    # spelling → the names it could stand for, when two or more
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    merged: list[Merged] = field(default_factory=list)
    # a pseudonym of the log → the key it stands for now (a short form's, or
    # one made before full names were told apart); see store.pull
    renamed: dict[str, str] = field(default_factory=dict)

    def of(self, spelling: str) -> str:
        """The teacher `spelling` counts as (itself, as a key, if not read)."""
        return self.identity.get(spelling) or (
            spelling if is_pseudonym(spelling) else teacher_key(spelling)
        )


def resolve(
    spellings: Mapping[str, Where],
    known: Mapping[str, Where] | None = None,
    log: LogNames | None = None,
) -> Resolved:
    """What each of `spellings` (name → where first read) and of `known`
    (names of data/consent.yml and of the log) counts as."""
    every: dict[str, Where] = {**(known or {}), **spellings}
    spelled: dict[str, list[str]] = defaultdict(list)  # key → its spellings, first first
    for spelling in every:
        if not is_pseudonym(spelling):
            spelled[teacher_key(spelling)].append(spelling)
    parsed = {key: Parsed.of(key) for key in spelled}
    by_surname: dict[str, list[Parsed]] = defaultdict(list)
    for name in parsed.values():
        if name.given:
            by_surname[name.surname].append(name)
    fullest = {
        key
        for key, name in parsed.items()
        if not any(abbreviates(name, other) for other in by_surname[name.surname])
    }
    known_ids = {log.hasher.pseudonym(key) for key in fullest} if log else set()

    def targets(key: str) -> list[str]:
        """The fullest names, and the log's teachers, `key` can stand for."""
        name = parsed.get(key) or Parsed.of(key)
        found = [
            other.key
            for other in by_surname.get(name.surname, ())
            if other.key in fullest and abbreviates(name, other)
        ]
        if log and name.initials_only:
            mine = {log.hasher.pseudonym(short) for short in [key, *abbreviations(name)]}
            found += sorted(
                pseudonym
                for pseudonym in log.pseudonyms - known_ids - mine
                if log.hasher.may_abbreviate(key, pseudonym)
            )
        return found

    resolved = Resolved()
    for key, written in spelled.items():
        found = targets(key)
        if len(found) > 1:
            shown = [
                spelled[k][0] if k in spelled else LOG_TEACHER.format(pseudonym=k) for k in found
            ]
            resolved.ambiguous.update(dict.fromkeys(written, shown))
        else:
            resolved.identity.update(dict.fromkeys(written, found[0] if found else key))
    _note_merges(resolved, spellings, every, spelled)
    if log:
        for key in sorted(fullest):
            if resolved.identity.get(spelled[key][0]) == key:
                _rename_old(resolved, log, parsed[key], targets)
    return resolved


def _note_merges(
    resolved: Resolved,
    spellings: Mapping[str, Where],
    every: Mapping[str, Where],
    spelled: Mapping[str, list[str]],
) -> None:
    """Each spelling read that counts as a teacher first written otherwise."""
    for spelling, at in spellings.items():
        identity = resolved.identity.get(spelling)
        if identity is None or is_pseudonym(spelling):
            continue
        if is_pseudonym(identity):
            shown = LOG_TEACHER.format(pseudonym=identity)
            resolved.merged.append(Merged(spelling, at, shown, ("журнал", 0)))
        elif (written := spelled[identity][0]) != spelling:
            resolved.merged.append(Merged(spelling, at, written, every[written]))


def _rename_old(
    resolved: Resolved, log: LogNames, name: Parsed, targets: Callable[[str], list[str]]
) -> None:
    """The log's pseudonyms that stand for the teacher `name` (its own
    teacher) now: those of a short form pulled alone, and those made before
    full names were told apart (of the initials), when the short form can
    stand for this teacher alone."""
    olds = set()
    if name.given and initials_key(name.key) == name.key:
        olds.add(log.hasher.old_pseudonym(name.key))
    for short in abbreviations(name) if name.given else ():
        if targets(short) == [name.key]:
            olds |= {log.hasher.pseudonym(short), log.hasher.old_pseudonym(short)}
    for old in (olds & log.pseudonyms) - {log.hasher.pseudonym(name.key)}:
        resolved.renamed.setdefault(old, name.key)


def spelled_names(names: Iterable[str], where: Where) -> dict[str, Where]:
    """`names` (not pseudonyms) as known names, all found at `where`."""
    return {name: where for name in names if not is_pseudonym(name)}
