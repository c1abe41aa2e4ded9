"""The Chechen translation: its status, and the review workbook round trip.

    python scripts/translations.py [status] [--project DIR]
        which Chechen pages are translated, missing or outdated (`make
        translations`; the rules are in scripts/translation/status.py), and
        how much of the Chechen text a native speaker has reviewed
    python scripts/translations.py review export FILE.xlsx [--project DIR]
        one workbook of every Chechen text not yet reviewed, each beside its
        Russian source (`make review-sheet`)
    python scripts/translations.py review import FILE.xlsx [--project DIR]
        apply the reviewer's corrections and «да» marks; any problem is
        printed as FILE.xlsx:ROW: … and then nothing is written

The site shows the same status on /contributing/translations/
(scripts/render/translation_status.py); an outdated Chechen page carries a
notice (the build's language map, scripts/sitebuild/language_map.py, marks
it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from common import argparse_ru
from common.cli import command
from common.os_errors import reason as os_reason
from common.problem import Problem, Problems
from common.site_config import ROOT
from translation import review
from translation.progress import progress
from translation.status import DOCS, STATUSES, TARGET, statuses

KINDS = {"pages": "страницы", "strings": "интерфейс", "labels": "подписи", "terms": "термины"}
# How the status and the review totals are told (the command speaks Russian).
STATUS_RU = {
    "translated": "переведена",
    "outdated": "устарела",
    "missing": "не переведена",
    "unknown": "неизвестно",
}
COUNTED_RU = {
    "translated": "переведено",
    "outdated": "устарело",
    "missing": "не переведено",
    "unknown": "неизвестно",
}
TOTALS_RU = {
    "pages": "блоков страниц",
    "strings": "строк интерфейса",
    "labels": "подписей",
    "terms": "терминов",
}
HELP = """\
Чеченский перевод сайта: его состояние и проверка носителем языка.

  translations.py [status]
      какие чеченские страницы переведены, устарели или ещё не переведены
      (по истории git; `make translations`) и сколько чеченского текста уже
      проверил носитель языка
  translations.py review export ФАЙЛ.xlsx
      таблица Excel со всем чеченским текстом, который ещё не проверен,
      рядом с русским оригиналом (`make review-sheet`)
  translations.py review import ФАЙЛ.xlsx
      принять исправления и отметки «да» из таблицы (`make review-import`);
      при любой ошибке печатается ФАЙЛ.xlsx:СТРОКА: что не так, и ничего
      не записывается

То же состояние показано на сайте: /contributing/translations/.
"""


def show_status(project: Path) -> int:
    pages = statuses(project)
    reviewed = progress(project)  # before any line: a file it cannot read is all that is told
    width = max(map(len, STATUS_RU.values()))
    for p in pages:
        print(f"{STATUS_RU[p.status]:<{width}}  {DOCS / TARGET / p.page}")
    counts = Counter(p.status for p in pages)
    told = ", ".join(f"{COUNTED_RU[s]} {counts[s]}" for s in STATUSES)
    print(f"Из {len(pages)} страниц: {told}")
    print(
        "Проверено носителем языка:",
        ", ".join(
            f"{TOTALS_RU[name]} {t.reviewed}/{t.total}" for name, t in reviewed.totals().items()
        ),
    )
    if counts["unknown"]:
        print(
            "неизвестно: здесь нет полной истории git "
            "(неполная копия репозитория? выполните `git fetch --unshallow`)"
        )
    return 0


def run_review(action: str, file: Path, project: Path) -> int:
    """Problems (FILE.xlsx:ROW: …) and a workbook that cannot be written are
    told by @command, which main() is wrapped in."""
    shown = str(file)
    if action == "export":
        try:
            counts = review.export(project, file)
        except OSError as err:  # the workbook cannot be written where it was asked
            problem = Problem(shown, 1, f"не удаётся записать таблицу: {os_reason(err)}")
            raise Problems([problem]) from None
        kinds = ", ".join(f"{KINDS[kind]} {n}" for kind, n in counts.items())
        print(f"{shown}: {sum(counts.values())} строк на проверку — {kinds}")
        return 0
    outcome = review.import_workbook(project, file, shown, date.today())
    print(
        f"{shown}: исправлений {outcome.corrected}, отмечено «да» {outcome.checked}, "
        f"страниц проверено {len(outcome.pages)}, "
        f"терминов подтверждено {len(outcome.terms)}"
    )
    for page in outcome.unflagged:
        print(f"  {page}: текст изменился после проверки — страница снова ждёт проверки")
    for changed in outcome.files:
        print(f"  изменён {changed}")
    return 0


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    project = {
        "type": Path,
        "metavar": "ПАПКА",
        "help": "папка проекта (по умолчанию — этот)",
    }
    parser.add_argument("--project", default=ROOT, **project)  # type: ignore[arg-type]
    commands = parser.add_subparsers(dest="command", metavar="КОМАНДА")
    status = commands.add_parser(
        "status",
        help="состояние перевода и его проверки (если команда не указана)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    status.add_argument("--project", default=argparse.SUPPRESS, **project)  # type: ignore[arg-type]
    review_parser = commands.add_parser(
        "review",
        help="таблица для проверки: выгрузить или принять",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    review_parser.add_argument(
        "action",
        choices=("export", "import"),
        metavar="export|import",
        help="export — выгрузить таблицу, import — принять проверенную",
    )
    review_parser.add_argument("file", type=Path, metavar="ФАЙЛ.xlsx", help="таблица Excel")
    review_parser.add_argument("--project", default=argparse.SUPPRESS, **project)  # type: ignore[arg-type]
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    with argparse_ru.russian():
        commands = parser()
        args = commands.parse_args(argv)
        if args.command == "review" and args.file.suffix.lower() != ".xlsx":
            commands.error(f"{args.file}: таблица должна быть файлом Excel с расширением .xlsx")
    project = args.project.resolve()
    if args.command == "review":
        return run_review(args.action, args.file, project)
    return show_status(project)


if __name__ == "__main__":
    sys.exit(main())
