"""Teachers without recorded consent are kept in the log under a pseudonym.

The repository is public, so a teacher's name is stored only when the
teacher is in data/consent.yml, and then as that file writes it. Everyone
else becomes «педагог-» and ten hex digits: a keyed hash of the name's
canonical form (values.teacher_key), the same for every spelling of one
teacher: «Абдулаева М. В.» and «Абдулаева Марха Висхановна» alike. The key
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

from .model import Activity, Problem, Problems
from .registries import Registries
from .values import teacher_key

KEY_FILE = ".teacher-key"
_PSEUDONYM = re.compile(r"педагог-[0-9a-f]{10}")


def is_pseudonym(teacher: str) -> bool:
    return _PSEUDONYM.fullmatch(teacher) is not None


class Pseudonyms:
    """Gives each teacher the form the log keeps: the name or a pseudonym."""

    def __init__(self, key: bytes, registries: Registries) -> None:
        self.key = key
        self._registries = registries
        # A teacher who consents after being pulled: the old pseudonym
        # becomes the name at the next pull.
        self._consented = {self.pseudonym(name): name for name in registries.consented.values()}

    def pseudonym(self, teacher: str) -> str:
        digest = hmac.new(self.key, teacher_key(teacher).encode("utf-8"), hashlib.sha256)
        return "педагог-" + digest.hexdigest()[:10]

    def kept_as(self, teacher: str) -> str:
        if named := self._registries.consent_name(teacher):
            return named
        if is_pseudonym(teacher):
            return self._consented.get(teacher, teacher)
        return self.pseudonym(teacher)

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
        raise _key_problem(
            label, f"файл ключа не читается ({err.strerror})", "проверьте права на файл"
        ) from None
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
