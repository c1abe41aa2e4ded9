"""Content checks a pull request must pass: what `make check` runs.

    python scripts/check_content.py [--fix] [PATH ...] [--project DIR]

Each problem is one line, FILE:LINE: message, in Russian (teachers read
them in CI), and the exit status is 1 when there is any. The checks are in
scripts/checks/ (its run.py runs them all); HELP below is what --help tells.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from chechen import palochka
from checks.run import check, default_paths, sources
from checks.source import Rules, Source, shown
from common import argparse_ru, textfile
from common.atomic import write_text
from common.cli import command, project_folder
from common.problem import Problems
from common.site_config import ROOT
from render.core import render_all
from render.registry import RENDERERS


def fix(paths: Iterable[Path]) -> list[Path]:
    """Normalise the palochka in Chechen files; return the files changed."""
    changed = []
    for path in sources(paths):
        if not Source(path, "").is_chechen:
            continue
        text = textfile.read(path)
        fixed = palochka.normalise(text)
        if fixed != text:
            write_text(path, fixed)
            changed.append(path)
    return changed


HELP = """\
Проверки текстов сайта — то же, что `make check` и проверка на GitHub.

Каждая ошибка — одна строка: ФАЙЛ:СТРОКА: что не так. Если ошибки есть,
команда завершается с кодом 1. Без путей проверяются docs/, data/ и строки
интерфейса в overrides/. Что проверяется:
  палочка        Ӏ, набранная латинской I, l, цифрой 1 или украинской І
                 (исправляет --fix);
  личные данные  телефоны (и местные: тел. 22-1-33), адреса почты, СНИЛС,
                 паспорта, свидетельства о рождении, имя с датой рождения
                 (публичные контакты школы — в data/checks.yml);
  HTML           всё, что сборка удалила бы из страницы: скрипты, on…=,
                 javascript:, iframe, формы, стили, картинки с других сайтов,
                 id, которые заняты темой сайта (__config, __search…);
  картинки       картинка без описания (alt);
  файлы          в docs/ — только страницы, картинки (.png .jpg .jpeg .gif
                 .webp, фото без геолокации) и SVG без скриптов и ссылок
                 наружу; HTML-файлы, PDF и документы Office не публикуются;
  шапка          шапка страницы (front matter) и отметка о проверке перевода;
  ссылки         ссылки на несуществующую страницу, файл или якорь сайта,
                 ссылки от корня сайта (/policy/) вместо относительных;
  разметка       уровни заголовков, один заголовок первого уровня и др.;
  новости        имя файла, дата, заголовок, краткое содержание, теги;
  словарь        форма, которую словарь терминов (data/glossary.yml) велит
                 не писать, в чеченском тексте.
"""


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="ПУТЬ",
        help="файлы или папки для проверки (по умолчанию docs/, data/ и строки интерфейса)",
    )
    parser.add_argument(
        "--project",
        type=project_folder,
        default=ROOT,
        metavar="ПАПКА",
        help="папка проекта (по умолчанию — этот)",
    )
    parser.add_argument(
        "--fix", action="store_true", help="заменить все похожие на палочку знаки на Ӏ"
    )
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    with argparse_ru.russian():
        commands = parser()
        args = commands.parse_args(argv)
        project = args.project
        paths = args.paths or default_paths(project)
        missing = [p for p in paths if not p.exists()]
        if missing:
            commands.error(f"нет такого файла или папки: {missing[0]}")
    if not args.paths and (project / "mkdocs.yml").exists():
        # The generated pages and parts first, as the build makes them: links
        # to a year's report or to /reports/summary.json lead somewhere only then.
        render_all(project, RENDERERS)
    if args.fix:
        for path in fix(paths):
            print(f"{shown(path)}: палочка исправлена")
    problems = check(paths, Rules.load(project.resolve()))
    if problems:
        raise Problems(problems)  # told, one a line, by @command
    return 0


if __name__ == "__main__":
    sys.exit(main())
