"""News for the site: create a post, dated today, in every language.

    python scripts/news.py new "Заголовок новости"
    make news                      (asks for the title)

Creates docs/ru/news/ГГГГ-ММ-ДД-slug.md and docs/ce/news/ГГГГ-ММ-ДД-slug.md
with the front matter filled: date, title, summary, tags. Write the text,
choose tags from data/news-tags.yml, have the Chechen file translated (or
delete it: the site then shows the Russian post), and check with
`make check`. How posts are written: scripts/community/news.py.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from common.cli import command
from common.site_config import ROOT
from community import dates, news


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="создать новость с сегодняшней датой на обоих языках")
    new.add_argument("title", nargs="?", help="заголовок новости; без него команда спросит его")
    new.add_argument(
        "--date",
        type=date.fromisoformat,
        help="дата новости ГГГГ-ММ-ДД, если не сегодняшняя (по времени школы)",
    )
    new.add_argument(
        "--project", type=Path, default=ROOT, help="папка проекта (по умолчанию — этот проект)"
    )
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    title = args.title
    if title is None:
        try:
            title = input("Заголовок новости: ")
        except EOFError:
            title = ""
    paths = news.new_post(args.project, title, args.date or dates.now().date())
    for path in paths:
        print(f"Создан {path.relative_to(args.project)}")
    print(
        "Дальше: напишите текст и summary, выберите tags из data/news-tags.yml, "
        "отдайте чеченский файл на перевод (или удалите его), затем make check."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
