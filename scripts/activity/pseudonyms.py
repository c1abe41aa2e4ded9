"""Teachers without recorded consent are kept in the log under a pseudonym.

The repository is public, so a teacher's name is stored only when the
teacher is in data/consent.yml, and then as that file writes it. Everyone
else becomes «педагог-» and ten hex digits: keyed hashes of the name's
canonical form (values.teacher_key), the same for every spelling of one
teacher, and for its initials when they stand for that teacher alone
(activity/names.py). The key
lives beside the log in .teacher-key, which git ignores; without it a name
cannot be found from its pseudonym by trying the school's staff list.

The key is 32 random bytes written as 64 hex digits, readable by its owner
alone. The log records its fingerprint (never the key), so that a pull with
another key is refused instead of counting every teacher twice.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import tempfile
from dataclasses import replace
from pathlib import Path

from common import os_errors

from .model import Activity, Problem, Problems
from .names import Parsed, Resolved, resolve
from .registries import Registries
from .values import initials_key, is_pseudonym

__all__ = ["is_pseudonym"]  # where the other modules take it from

KEY_FILE = ".teacher-key"
PREFIX = "педагог-"


class Pseudonyms:
    """Gives each teacher the form the log keeps: the name or a pseudonym.

    A pseudonym is «педагог-» and ten hex digits, keyed hashes of the
    teacher's key (values.teacher_key): three of the surname and first
    initial, three of the surname and first two initials, four of the whole
    key. So a name written with initials alone can be matched to the
    teachers of the log it may stand for (activity/names.py), and nothing
    else can be read from it without the key. A name of one word or with a
    number in it (Педагог 01) has ten digits of its whole key, as every
    pseudonym had before full names were told apart.

    `resolved` says whom each spelling read stands for, and which old
    pseudonyms of the log stand for whom now."""

    def __init__(self, key: bytes, registries: Registries, resolved: Resolved | None = None):
        self.key = key
        self._registries = registries
        self._resolved = resolved or Resolved()
        self._made: dict[str, str] = {}
        # A teacher who consents after being pulled: the old pseudonym
        # becomes the name at the next pull.
        self._named = {self.pseudonym(key): name for key, name in registries.consented.items()}

    def _hex(self, text: str) -> str:
        return hmac.new(self.key, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def pseudonym(self, key: str) -> str:
        """The pseudonym of the teacher whose key (values.teacher_key) is `key`."""
        if made := self._made.get(key):
            return made
        name = Parsed.of(key)
        if not name.given:
            made = PREFIX + self._hex(key)[:10]
        else:
            made = PREFIX + self._initials(name) + self._hex("3:" + key)[:4]
        self._made[key] = made
        return made

    def _initials(self, name: Parsed) -> str:
        initials = [word[0] for word in name.given]
        first = self._hex(f"1:{name.surname} {initials[0]}")[:3]
        return first + self._hex("2:" + " ".join([name.surname, *initials[:2]]))[:3]

    def old_pseudonym(self, key: str) -> str:
        """The pseudonym `key`'s teacher had before full names were told apart."""
        return PREFIX + self._hex(initials_key(key))[:10]

    def may_abbreviate(self, short: str, pseudonym: str) -> bool:
        """Whether the initials of `short` (a key of initials alone) are those
        of the teacher of `pseudonym`, as far as its digits tell."""
        name = Parsed.of(short)
        digits, mine = pseudonym[len(PREFIX) :], self._initials(name)
        return digits[:3] == mine[:3] and (len(name.given) == 1 or digits[3:6] == mine[3:6])

    def kept_as(self, teacher: str) -> str:
        """The form the log keeps of `teacher`, a spelling read or a pseudonym."""
        if is_pseudonym(teacher):
            if renamed := self._resolved.renamed.get(teacher):
                return self._form(renamed)
            return self._named.get(teacher, teacher)
        if (identity := self._resolved.identity.get(teacher)) is None:
            # A spelling not read with the others: it stands for whom
            # data/consent.yml alone tells.
            consent = {
                name: ("data/consent.yml", 0) for name in self._registries.consented.values()
            }
            identity = resolve({teacher: ("", 0)}, consent).of(teacher)
            self._resolved.identity[teacher] = identity
        return self._form(identity)

    def _form(self, identity: str) -> str:
        if is_pseudonym(identity):  # a teacher of the log, known by a pseudonym
            return self._named.get(identity, identity)
        return self._registries.consented.get(identity) or self.pseudonym(identity)

    def apply(self, activity: Activity) -> Activity:
        return replace(activity, teacher=self.kept_as(activity.teacher))


KEY_BYTES = 32
_FINGERPRINT_OF = b"belgatoy activity log: the fingerprint of the pseudonyms' key"
_HEX = re.compile(r"[0-9a-fA-F]*")


def fingerprint(key: bytes) -> str:
    """What the log records of its key: a keyed hash of a fixed text, which
    tells a wrong key from the right one and gives nothing of the key away."""
    return hmac.new(key, _FINGERPRINT_OF, hashlib.sha256).hexdigest()[:16]


def read_key(path: Path) -> bytes:
    """The key in `path`: 32 bytes written as 64 hex digits. Raises Problems,
    saying what to do, for a key that is missing, unreadable or not a key.
    A key others can read is made private (mode 0600)."""
    label = str(path)
    try:
        text = path.read_text("ascii").strip()
    except FileNotFoundError:
        raise _key_problem(
            label,
            "файла ключа нет",
            "скопируйте файл ключа .teacher-key с компьютера, на котором данные загружали "
            "раньше (в репозитории его нет), или укажите его: --key ФАЙЛ",
        ) from None
    except UnicodeDecodeError:
        raise _key_problem(label, "в файле не ключ (не шестнадцатеричные знаки)", _COPY) from None
    except OSError as err:
        raise _key_problem(label, "файл ключа не читается", os_errors.reason(err)) from None
    if not text:
        raise _key_problem(label, "файл ключа пуст", _COPY)
    if not _HEX.fullmatch(text):
        raise _key_problem(label, "в файле не ключ (не шестнадцатеричные знаки)", _COPY)
    if len(text) != 2 * KEY_BYTES:
        raise _key_problem(
            label,
            f"ключ из {len(text)} знаков, а нужно {2 * KEY_BYTES} (32 байта): "
            "файл обрезан или это не тот файл",
            _COPY,
        )
    if os.name == "posix" and path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)
    return bytes.fromhex(text)


def new_key(path: Path, work: Path) -> bytes:
    """Make a key in `path`, which must not exist: written privately in the
    folder `work` and linked into place whole, never over another key."""
    key = secrets.token_bytes(KEY_BYTES)
    fd, temporary = tempfile.mkstemp(dir=work, prefix="key-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as file:
            file.write(key.hex() + "\n")
            file.flush()
            os.fsync(file.fileno())
        os.link(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return key


_COPY = (
    "скопируйте файл ключа .teacher-key с компьютера, на котором данные загружали раньше "
    "(в репозитории его нет); если журнал ещё пуст, удалите этот файл — pull создаст новый ключ"
)


def _key_problem(label: str, what: str, advice: str) -> Problems:
    return Problems([Problem(label, 0, f"{what}: {advice}")])
