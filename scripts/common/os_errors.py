"""What a file that cannot be read or written means, in Russian, for the
commands the school's coordinator and teachers run: what went wrong and
what to do, never the system's English text (strerror).

    os_errors.reason(err)               # «нет такой папки или файла: проверьте путь»
    os_errors.told("stats.py", err)     # «FILE: не удаётся …», as common/cli.py prints it
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

_NO_RIGHTS = "нет прав на этот файл или папку: выберите другую папку или проверьте права"
_BUSY = "файл занят другой программой: закройте её и повторите"
_TOO_MANY = "открыто слишком много файлов: закройте другие программы и повторите"

# What each error means for a person, and what they can do about it.
_REASONS = {
    errno.ENOENT: "нет такой папки или файла: проверьте путь",
    errno.EACCES: _NO_RIGHTS,
    errno.EPERM: _NO_RIGHTS,
    errno.EISDIR: "это папка, а не файл: укажите имя файла",
    errno.ENOTDIR: "часть пути — не папка, а файл: проверьте путь",
    errno.ENOSPC: "на диске нет места: освободите место и повторите",
    errno.EDQUOT: "на диске кончилось отведённое вам место: освободите место и повторите",
    errno.EROFS: "диск или папка только для чтения: выберите другую папку",
    errno.ENAMETOOLONG: "слишком длинное имя файла или путь: выберите имя короче",
    errno.EEXIST: "такой файл уже есть: выберите другое имя",
    errno.ELOOP: "путь ссылается сам на себя (ссылки по кругу): проверьте путь",
    errno.EBUSY: _BUSY,
    errno.ETXTBSY: _BUSY,
    errno.EMFILE: _TOO_MANY,
    errno.ENFILE: _TOO_MANY,
    errno.EIO: "ошибка чтения или записи диска: проверьте диск или флешку и повторите",
    errno.EXDEV: "файл нельзя перенести на другой диск: выберите папку на том же диске",
    errno.EINVAL: "такое имя файла или путь недопустимы: выберите другое",
}


def reason(err: OSError, lang: str = "ru") -> str:
    """What `err` means and what to do, in Russian; `lang="en"` keeps the
    system's own words (for developer-facing tools)."""
    if lang != "ru":
        return err.strerror or str(err)
    if err.errno in _REASONS:
        return _REASONS[err.errno]
    code = errno.errorcode.get(err.errno, "?") if err.errno is not None else "?"
    return f"система не дала прочитать или записать файл (код {code}): проверьте путь и права"


# The temporary file common/atomic.py writes before its rename: .NAME.XXXXXXXX.tmp
_TEMPORARY = re.compile(r"\.(.+)\.[A-Za-z0-9_]{8}\.tmp")


def told(program: str, err: OSError) -> str:
    """The line a command prints for `err`, as problems are printed: the file
    it was about (the target of a rename, not the temporary file), else the
    program; then `reason`."""
    path = err.filename2 if err.filename2 is not None else err.filename
    if path is not None and (temporary := _TEMPORARY.fullmatch(Path(str(path)).name)):
        path = Path(str(path)).with_name(temporary[1])
    where = str(path) if path is not None else program
    return f"{where}: не удаётся прочитать или записать файл: {reason(err)}"
