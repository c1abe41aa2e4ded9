"""Why a file could not be read or written, told in Russian: the operating
system's own words (strerror) are English, and the coordinator and teachers
read Russian."""

from __future__ import annotations

import errno

# The operating system's reasons (errno), as a person can act on them.
_OS_RU = {
    errno.ENOENT: "нет такого файла или папки",
    errno.EACCES: "нет прав на чтение или запись",
    errno.EPERM: "нет прав на это действие",
    errno.EISDIR: "это папка, а нужен файл",
    errno.ENOTDIR: "часть пути — не папка",
    errno.ENOSPC: "на диске не осталось места",
    errno.EROFS: "диск открыт только для чтения",
    errno.EEXIST: "такой файл уже есть",
    errno.ENAMETOOLONG: "слишком длинное имя файла",
    errno.EIO: "ошибка чтения или записи на диске",
    errno.ELOOP: "путь ссылается сам на себя",
    errno.EMFILE: "открыто слишком много файлов",
    errno.EBUSY: "файл занят другой программой",
}


def reason(err: OSError, lang: str = "ru") -> str:
    """Why a file could not be read or written, in Russian (or the system's words)."""
    if lang != "ru":
        return err.strerror or str(err)
    return _OS_RU.get(err.errno or 0, f"ошибка системы (код {err.errno})")
