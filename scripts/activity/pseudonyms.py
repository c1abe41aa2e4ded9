"""Teachers without recorded consent are kept in the log under a pseudonym.

The repository is public, so a teacher's name is stored only when the
teacher is in data/consent.yml, and then as that file writes it. Everyone
else becomes «педагог-» and ten hex digits: a keyed hash of the name's
canonical form (values.teacher_key), the same for every spelling of one
teacher: «Абдулаева М. В.» and «Абдулаева Марха Висхановна» alike. The key
lives beside the log in .teacher-key, which git ignores; without it a name
cannot be found from its pseudonym by trying the school's staff list.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from dataclasses import replace
from pathlib import Path

from common.atomic import write_text

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
        self._key = key
        self._registries = registries
        # A teacher who consents after being pulled: the old pseudonym
        # becomes the name at the next pull.
        self._consented = {self.pseudonym(name): name for name in registries.consented.values()}

    def pseudonym(self, teacher: str) -> str:
        digest = hmac.new(self._key, teacher_key(teacher).encode("utf-8"), hashlib.sha256)
        return "педагог-" + digest.hexdigest()[:10]

    def kept_as(self, teacher: str) -> str:
        if named := self._registries.consent_name(teacher):
            return named
        if is_pseudonym(teacher):
            return self._consented.get(teacher, teacher)
        return self.pseudonym(teacher)

    def apply(self, activity: Activity) -> Activity:
        return replace(activity, teacher=self.kept_as(activity.teacher))


def load_key(data: Path, log_has_pseudonyms: bool) -> tuple[bytes, bool]:
    """The key in `data`, made if there is none yet; say whether it is new.

    Raises Problems when the log already holds pseudonyms made with a key
    that is not here: a new key would count those teachers twice.
    """
    path = data / KEY_FILE
    if path.exists():
        return bytes.fromhex(path.read_text("ascii").strip()), False
    if log_has_pseudonyms:
        message = (
            "файла нет, а псевдонимы в журнале сделаны с этим ключом: скопируйте файл "
            "с компьютера, на котором данные загружали раньше (в репозиторий он не попадает)"
        )
        raise Problems([Problem(str(path), 1, message)])
    key = secrets.token_bytes(32)
    write_text(path, key.hex() + "\n")
    os.chmod(path, 0o600)
    return key, True
