"""News for the site: create a post, dated today, in every language.

    python scripts/news.py new "Заголовок новости"
    make news                      (asks for the title)

Creates docs/ru/news/ГГГГ-ММ-ДД-slug.md and docs/ce/news/ГГГГ-ММ-ДД-slug.md
with the front matter filled: date, title, summary, tags. Where a person
writes, the files hold placeholders: «[ЗАМЕНИТЕ: …]» in the Russian one,
«[ПЕРЕВЕДИТЕ: …]» in the Chechen one (its title too). Replace them, choose
tags from data/news-tags.yml, have the Chechen file translated (or delete
it: the site then shows the Russian post), and check with `make check`,
which refuses a post while a placeholder is left. --project must be a
folder of this kind of project (mkdocs.yml and docs/). How posts are
written: scripts/community/news.py.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from common import argparse_ru
from common.cli import command, project_folder
from common.site_config import ROOT
from community import dates, news


def title_argument(value: str) -> str:
    """argparse `type` of the title: not empty, not too long."""
    try:
        return news.clean_title(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="создать новость с сегодняшней датой на обоих языках")
    new.add_argument(
        "title",
        nargs="?",
        type=title_argument,
        help="заголовок новости; без него команда спросит его",
    )
    new.add_argument(
        "--date",
        type=date.fromisoformat,
        help="дата новости ГГГГ-ММ-ДД, если не сегодняшняя (по времени школы)",
    )
    new.add_argument(
        "--project",
        type=project_folder,
        default=ROOT,
        help="папка проекта (по умолчанию — этот проект)",
    )
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    commands = parser()
    with argparse_ru.russian():
        args = commands.parse_args(argv)
        title = args.title
        if title is None:
            try:
                typed = input("Заголовок новости: ")
            except EOFError:
                typed = ""
            try:
                title = title_argument(typed)
            except argparse.ArgumentTypeError as err:
                commands.error(str(err))
    paths = news.new_post(args.project, title, args.date or dates.now().date())
    for path in paths:
        print(f"Создан {path.relative_to(args.project)}")
    print(
        "Дальше: в русском файле замените пометки «[ЗАМЕНИТЕ: …]» своим текстом и "
        "выберите tags из data/news-tags.yml. Чеченский файл отдайте на перевод "
        "(пометки «[ПЕРЕВЕДИТЕ: …]») или удалите его: тогда сайт покажет русскую "
        "новость. make check не пропустит новость, пока пометки остаются."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
