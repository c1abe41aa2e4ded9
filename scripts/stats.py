"""Participation statistics: the coordinator's command. It checks the
teachers' activity spreadsheets, pulls them into the canonical log
(data/activity-log.csv), counts the log per term and school year, and
exports the counts for the district office.

Everything it prints is in Russian, for the coordinator (HELP below is its
--help); the library is scripts/activity/. Problems are printed as
SOURCE:LINE: message, one a line, and exit with 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from activity import (
    export,
    intake,
    issue_form,
    labels,
    outputs,
    pseudonyms,
    registries,
    replies,
    sources,
    store,
)
from activity import log as activity_log
from activity.labels import counted
from activity.model import FIELDS, Problem, Problems
from activity.registries import Registries
from activity.summary import as_json, as_text, summarise_years
from activity.validate import Validator
from common import argparse_ru, site_config
from common.atomic import write_bytes, write_text
from common.cli import command
from common.problem import printable
from common.site_config import ROOT

DATA = ROOT / "data"


def _seconds(number: int) -> str:
    return counted(number, "{n} секунда", "{n} секунды", "{n} секунд")


HELP = f"""\
Статистика участия педагогов на платформах.

  check    проверить таблицы; ничего не сохраняет
  pull     проверить таблицы и добавить их строки в журнал data/activity-log.csv
  summary  посчитать журнал по четвертям и учебным годам
  export   выгрузить таблицы за четверть или учебный год для управления образования
  from-issue  проверить заявку «Сообщить об участии» с GitHub (с --pull — добавить в журнал)
  describe    описать изменение журнала для запроса на изменение (pull request)
  intake      собрать ветку единого запроса на изменение журнала (для GitHub)
  key      показать отпечаток ключа псевдонимов и подходит ли он журналу
  rekey    сделать псевдонимы журнала заново с новым ключом

ТАБЛИЦА — файл CSV (UTF-8, UTF-8 с BOM или Windows-1251; через запятую, точку
с запятой или табуляцию) или XLSX, либо адрес такого файла (http:// или
https://). Строка заголовков — в любой из первых 10 строк (или две строки:
общий заголовок над подзаголовками), над ней могут быть название и пустые
строки. Нужны столбцы «Дата», «ФИО педагога» (или «Педагог», «Учитель»,
«ФИО»), «Платформа», «Вид активности» (или «Активность»); можно ещё
«Название» и «Ссылка». Регистр, ё, двоеточие и пробелы в заголовках не
важны. Другие столбцы (№, класс, примечания) не читаются и никуда не
попадают. Строки итогов («Итого», «Всего») пропускаются; строка, которая
повторяет другую, попадает в журнал один раз — об этом есть замечание.

Дата — ДД.ММ.ГГГГ (или ДД.ММ.ГГ, через / или -, с «г.» после),
ГГГГ-ММ-ДД, «28 октября 2025 г.», ячейка-дата Excel или число дней Excel
(45958), не позже сегодняшнего дня (по времени школы: extra.timezone в
mkdocs.yml) и не раньше 01.09.2000. Учебный год — с
01.09 по 31.08; отчётный период четверти — с её первого дня до дня перед
следующей четвертью, поэтому каникулы входят в четверть, которая только что
закончилась, а лето — в последнюю.

Одно имя педагога, написанное по-разному (регистр, ё/е, лишние пробелы,
невидимые знаки, полное имя и фамилия с инициалами), считается одним
педагогом; check показывает такие объединения. Два разных полных имени —
всегда два педагога, а инициалы, которые подходят к двум из них
(«Абдулаева М. В.»), отклоняются: напишите имя полностью. Педагоги без
согласия на публикацию хранятся в журнале под псевдонимом.

Пределы одной таблицы (файла или адреса), чтобы испорченный или враждебный
файл не занял память и время:
  {sources.MAX_BYTES // 2**20} МБ — размер файла или скачанного по адресу;
  {counted(sources.MAX_CELL, "{n} символ", "{n} символа", "{n} символов")} — одна ячейка;
  {counted(sources.MAX_ROWS, "{n} строка", "{n} строки", "{n} строк")};
  {sources.MAX_UNPACKED // 2**20} МБ — XLSX в распакованном виде, и ни одна его часть не сжата
    больше чем в {counted(sources.MAX_RATIO, "{n} раз", "{n} раза", "{n} раз")}
    (проверяется до чтения);
  {_seconds(sources.DEADLINE)} — скачивание по адресу целиком ({_seconds(sources.TIMEOUT)} молчания
    сервера — тоже ошибка); перенаправления — только на адреса http(s), с https —
    только на https, а во внутреннюю сеть — только на тот же адрес; ответ 401 или
    403 значит, что таблица не опубликована для всех.
Ячейки с управляющими символами и знаками смены направления текста
отклоняются; невидимые символы (пробел нулевой ширины и подобные) удаляются.
Названия и ссылки с личными данными (телефон, почта, СНИЛС, паспорт, имя с
датой рождения) или с фамилией педагога без согласия отклоняются.

Журнал меняет одна команда за раз: вторая ждёт до {_seconds(store.LOCK_WAIT)}. Журнал —
один файл, и он заменяется целиком: прерванная загрузка оставляет старый
журнал. Ключ псевдонимов — 64 шестнадцатеричных знака в data/.teacher-key;
журнал хранит его отпечаток, и загрузка с другим ключом отклоняется.

Каждая ошибка выводится строкой ИСТОЧНИК:СТРОКА: что не так, и программа
завершается с кодом 1; pull тогда ничего не сохраняет (с --partial сохраняет
верные строки). Ошибка в самой команде — код 2. Справочники всегда берутся из
data/*.yml проекта; --data ПАПКА меняет только место журнала и ключа
псевдонимов.

Заявка «Сообщить об участии» — файл события GitHub (JSON, его путь в
$GITHUB_EVENT_PATH): её поля проверяются по тем же правилам, что строки
таблицы, и строже (заявку видят все): ФИО — не меньше двух слов, кириллицей,
без цифр; в названии нет имени с отчеством, учеников и классов; ссылка ведёт
на сайт в интернете, а не на IP-адрес или в локальную сеть, и без номера
телефона после «?». Ошибка выводится как issue #12:«Дата»: что не так.

Примеры:
  stats.py check отчёт.xlsx
  stats.py pull отчёт.xlsx
  stats.py pull отчёт.xlsx --partial --rejects exports/отказы.csv
  stats.py summary --json
  stats.py export --year 2025-26 --format xlsx
  stats.py from-issue событие.json --comment ответ.md
  stats.py describe --before было/ --closes 12 --closes 15 --refused exports/отказы.csv
  stats.py rekey --old data/.teacher-key --new новый-ключ отчёт-2025.xlsx
"""
NEVER_COMMITTED = (
    "data/.teacher-key (ключ псевдонимов), таблицы педагогов с именами, "
    "файл с отказами (--rejects) и папку exports/"
)


@dataclass
class Outcome:
    """What a command tells the coordinator: the problems (exit status 1),
    the other lines of standard output (results, notices, names merged,
    warnings), and sentences on standard error (what was done, what next)."""

    problems: list[Problem] = field(default_factory=list)
    lines: list[object] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    failed: bool = False  # exit status 1 without a problem (stats.py key: another key)

    def __iadd__(self, other: Outcome) -> Outcome:
        self.problems += other.problems
        self.lines += other.lines
        self.said += other.said
        self.failed |= other.failed
        return self


def told(outcome: Outcome) -> int:
    """The one place where what a command found becomes printed lines: the
    problems first, one a line (SOURCE:LINE: message), then the rest; the
    exit status."""
    for line in [*outcome.problems, *outcome.lines]:
        print(_escaped(str(line)))
    for sentence in outcome.said:
        print(_escaped(sentence), file=sys.stderr)
    return 1 if outcome.problems or outcome.failed else 0


def _escaped(text: str) -> str:
    """`text` with every control character escaped (common.problem.printable)
    but its line breaks: no cell a teacher wrote moves the cursor."""
    return "\n".join(map(printable, text.split("\n")))


def check(args: argparse.Namespace) -> Outcome:
    known = registries.load(DATA)
    names, log_names = store.knowledge(DATA, known, DATA / pseudonyms.KEY_FILE)
    validator = Validator(known, known=names, log=log_names)
    outcome = Outcome()
    for source in args.sources:
        outcome.problems += validator.read(source, args.sheet)
    outcome.problems += validator.finish()
    outcome.lines += [*validator.merged_names(), *sorted(validator.notices)]
    outcome.lines += _calendar_warnings(known, validator.uncalendared)
    outcome.said.append(_verdict(len(outcome.problems), len(args.sources)))
    return outcome


def pull(args: argparse.Namespace) -> Outcome:
    return _pull(args, args.sources, next_steps=not _on_github())


def _pull(args: argparse.Namespace, tables: list[sources.Source], next_steps: bool) -> Outcome:
    """Pull `tables` as `args` say; `next_steps` tells the coordinator what
    to do then (not on GitHub, where a workflow does it)."""
    known = registries.load(DATA)
    rejects: Path | None = args.rejects
    pulled = store.pull(
        tables,
        args.data,
        args.key or args.data / pseudonyms.KEY_FILE,
        known,
        sheet=args.sheet,
        partial=args.partial,
        wait=store.LOCK_WAIT,
        keep_rejected=(lambda rows: write_bytes(rejects, export.rejects_csv(rows)))
        if rejects
        else None,
    )
    outcome = Outcome(pulled.problems, [*sorted(pulled.notices)])
    said = outcome.said
    if pulled.rejected:
        said.append(
            counted(
                len(pulled.rejected),
                "{n} строка не принята",
                "{n} строки не приняты",
                "{n} строк не принято",
            )
            + f"; непринятые строки с причинами — в {_shown(rejects or Path())}: исправьте "
            "их там и загрузите этот файл снова."
        )
    if not pulled.stored:
        said.append(_verdict(len(pulled.problems), len(tables), "ничего не сохранено"))
        return outcome
    outcome.lines += _calendar_warnings(known, pulled.years)
    if pulled.replaced_example:
        said.append("Пример журнала заменён загруженными данными.")
    if pulled.new_key:
        key = args.key or args.data / pseudonyms.KEY_FILE
        said.append(
            f"Создан ключ псевдонимов {key}: сохраните его и скопируйте на любой компьютер, "
            "где будут загружать данные. В репозиторий он не попадает."
        )
    if spellings := len(pulled.merged):
        said.append(
            f"Разные написания одного педагога объединены: {spellings} (список — в stats.py check)."
        )
    said.append(_pulled(pulled))
    if pulled.changed and next_steps:
        said.append(_next_steps(args.data, pulled.migrated))
    if pulled.problems:
        said.append(_partly(pulled))
    return outcome


def _pulled(pulled: store.Pulled) -> str:
    """What a pull stored, in words."""
    added = counted(
        pulled.added,
        "добавлена {n} новая активность",
        "добавлено {n} новые активности",
        "добавлено {n} новых активностей",
    )
    total = counted(pulled.total, "{n} активность", "{n} активности", "{n} активностей")
    state = "журнал изменился" if pulled.changed else "журнал не изменился"
    read = counted(pulled.read, "{n} верная строка", "{n} верные строки", "{n} верных строк")
    return f"Прочитано: {read}; в журнал {added}, теперь в нём {total}; {state}."


def _partly(pulled: store.Pulled) -> str:
    """What a partial pull stored and left out, in words."""
    errors = counted(len(pulled.problems), "{n} ошибка", "{n} ошибки", "{n} ошибок")
    stored = counted(
        pulled.added,
        "сохранена {n} новая активность",
        "сохранено {n} новые активности",
        "сохранено {n} новых активностей",
    )
    already = pulled.read - pulled.added
    if already:
        stored += ", " + counted(
            already,
            "ещё {n} верная строка уже была в журнале",
            "ещё {n} верные строки уже были в журнале",
            "ещё {n} верных строк уже были в журнале",
        )
    return f"Загружено не всё: {errors}. Из верных строк {stored}."


def rekey(args: argparse.Namespace) -> Outcome:
    teachers, made = store.rekey(args.data, args.old, args.new, args.sources, registries.load(DATA))
    said = [f"Создан новый ключ {args.new}."] if made else []
    said.append(
        f"Псевдонимы журнала сделаны заново с ключом {args.new} (педагогов: {teachers}). "
        f"Теперь загружайте данные с этим ключом: положите его на место {pseudonyms.KEY_FILE} "
        "в папке журнала или указывайте --key ФАЙЛ; старый ключ больше не подходит."
    )
    return Outcome(said=[*said, _next_steps(args.data, migrated=False)])


def key(args: argparse.Namespace) -> Outcome:
    path: Path = args.file or args.data / pseudonyms.KEY_FILE
    mine = pseudonyms.fingerprint(pseudonyms.read_key(path))
    recorded = activity_log.about(args.data).key
    outcome = Outcome(lines=[mine])
    if recorded is None:
        outcome.said.append("Журнал ещё не записал отпечаток ключа: подойдёт любой ключ.")
    elif recorded == mine:
        outcome.said.append(f"Это ключ журнала {_shown(args.data / activity_log.LOG)}.")
    else:
        outcome.said.append(f"Это не ключ журнала: у журнала отпечаток {recorded}.")
        outcome.failed = True
    return outcome


def from_issue(args: argparse.Namespace) -> Outcome:
    known = registries.load(DATA)
    form = issue_form.load_form(ROOT)
    report = issue_form.read(args.event, form, Validator(known))
    if args.comment:
        write_text(args.comment, replies.issue_reply(report, form, known))
    outcome = Outcome(list(report.problems))
    if report.activity is None:
        consequence = "ничего не сохранено" if args.pull else "исправьте заявку"
        outcome.said.append(
            f"Ошибок в заявке {report.source}: {len(report.problems)}; {consequence}."
        )
        return outcome
    outcome.lines.append(issue_form.shown_row(report.activity, known))
    if not args.pull:
        outcome.said.append(f"Заявка {report.source} заполнена верно.")
        return outcome
    # Stored by `pull` itself, from the row as a table in memory named as the
    # issue: every rule of pull holds for an issue as for a spreadsheet. It
    # runs on GitHub, where a workflow commits the log: no next steps.
    row = sources.Rows(report.source, [list(FIELDS), activity_log.cells(report.activity)])
    options = argparse.Namespace(data=args.data, key=None, sheet=None, partial=False, rejects=None)
    pulled = _pull(options, [row], next_steps=False)
    # The issue as a whole: it has no lines.
    pulled.problems = [
        replace(problem, line=0) if problem.source == report.source else problem
        for problem in pulled.problems
    ]
    outcome += pulled
    return outcome


def describe(args: argparse.Namespace) -> Outcome:
    known = registries.load(DATA)
    before = _before(args.before)
    after = activity_log.read(args.data, known)
    refused = replies.read_refused(args.refused) if args.refused else []
    text = replies.pull_request(before, after, known, refused, args.closes or ())
    return Outcome(lines=[text.removesuffix("\n")])


def _before(folder: Path) -> activity_log.Log:
    """The log in the folder --before names: it must be there, not a new one."""
    log = folder / activity_log.LOG
    if not folder.is_dir() or not log.is_file():
        what = (
            "такой папки нет"
            if not folder.exists()
            else "это не папка"
            if not folder.is_dir()
            else f"в папке нет {activity_log.LOG}"
        )
        raise Problems(
            [
                Problem(
                    str(folder),
                    0,
                    f"{what}: укажите в --before папку с копией журнала до изменения "
                    f"({activity_log.LOG})",
                )
            ]
        )
    return activity_log.read(folder, registries.load(DATA))


def intake_branch(args: argparse.Namespace) -> Outcome:
    made = intake.rebuild(
        ROOT, args.data, registries.load(DATA), args.branch, set(args.carry or ()), args.source
    )
    issues = [f"#{source.removeprefix('issue-')}" for source in made if source != intake.SHEET]
    parts = [f"заявки {', '.join(issues)}"] if issues else []
    parts += ["строки онлайн-таблицы"] if intake.SHEET in made else []
    return Outcome(
        said=[f"Ветка запроса на изменение журнала: {'; '.join(parts) or 'новых строк нет'}."]
    )


def summary(args: argparse.Namespace) -> Outcome:
    known = registries.load(DATA)
    years = summarise_years(known, activity_log.read(args.data, known).activities)
    if args.year:
        years = [year for year in years if year.year.id == args.year]
    if args.term:
        years = [year for year in years if any(t.term.id == args.term for t in year.terms)]
    if not args.json:
        return Outcome(lines=[as_text(years, known, args.term).rstrip("\n")])
    if args.term:
        terms = [t.as_json() for year in years for t in year.terms if t.term.id == args.term]
        return Outcome(lines=[json.dumps({"terms": terms}, ensure_ascii=False, indent=2)])
    return Outcome(lines=[as_json(years).rstrip("\n")])


def export_counts(args: argparse.Namespace) -> Outcome:
    known = registries.load(DATA)
    log = activity_log.read(args.data, known)
    words = labels.load(DATA)["ru"]
    school = site_config.load(ROOT).school["ru"].short
    heading = export.HeadingWords(school, words, log.example, site_config.today())
    years = summarise_years(known, log.activities)
    sheets = export.period_sheets(years, known, words, heading, term=args.term, year=args.year)
    write = export.write_xlsx if args.format == "xlsx" else export.write_csv
    write(args.output, sheets)
    return Outcome(said=[f"Записано: {_shown(args.output)}"])


def _refuse_outputs(args: argparse.Namespace) -> None:
    """Raise Problems for a file stats.py may not write (activity/outputs.py):
    each is refused before any work is done."""
    if args.run is export_counts:
        name = f"{args.term or args.year}.{args.format}"
        args.output = args.output or ROOT / outputs.EXPORTS / name
        wanted = outputs.Wanted(f".{args.format}", name, "--format")
        outputs.refuse(args.output, ROOT, args.data, wanted)
    if getattr(args, "rejects", None):
        path: Path = args.rejects
        if any(Path(source).resolve() == path.resolve() for source in args.sources):
            why = "это одна из загружаемых таблиц: укажите для отказов другой файл"
            raise Problems([Problem(str(path), 0, why)])
        outputs.refuse(path, ROOT, args.data, outputs.Wanted(".csv", "отказы.csv"))
    if getattr(args, "comment", None):
        outputs.refuse(args.comment, ROOT, args.data, outputs.Wanted(".md", "ответ.md"))
    new_key = {pull: "key", rekey: "new"}.get(args.run)
    if new_key:
        key: Path = getattr(args, new_key) or args.data / pseudonyms.KEY_FILE
        wanted = outputs.Wanted(name=pseudonyms.KEY_FILE)
        if not key.exists() and (
            refusal := outputs.refused(key, ROOT, args.data, wanted, key=True)
        ):
            raise Problems([Problem(str(key), 0, refusal)])


def _calendar_warnings(known: Registries, years: Counter[str]) -> list[str]:
    """One warning per school year with activity and no calendar."""
    return [
        line
        for year, count in sorted(years.items())
        if count and not known.year(year).calendar
        for line in known.calendar_warning(year, count)
    ]


def _next_steps(data: Path, migrated: bool) -> str:
    log = _shown(data / activity_log.LOG)
    if migrated:  # the old second file goes from the repository too
        log = f"--all {log} {_shown(data / activity_log.LEGACY_META)}"
    return (
        "Что дальше:\n"
        "  1. Посмотрите отчёты на сайте: make serve, затем откройте "
        "http://127.0.0.1:8000/reports/\n"
        f"  2. Сохраните журнал в репозитории: git add {log}\n"
        '     git commit -m "Статистика: новые данные"\n'
        f"  Никогда не добавляйте в репозиторий {NEVER_COMMITTED}."
    )


def _on_github() -> bool:
    """Whether a GitHub workflow runs the command (it commits the log itself)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _shown(path: Path) -> str:
    """A path as the coordinator typed it: relative to the project if inside."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _verdict(problems: int, sources: int, consequence: str = "") -> str:
    checked = counted(
        sources, "Проверена {n} таблица", "Проверено {n} таблицы", "Проверено {n} таблиц"
    )
    if not problems:
        return f"{checked}, ошибок нет."
    tail = f"; {consequence}" if consequence else ""
    return f"{checked}: {counted(problems, '{n} ошибка', '{n} ошибки', '{n} ошибок')}{tail}."


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stats.py", description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="КОМАНДА")
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument(
        "--data",
        type=Path,
        default=DATA,
        metavar="ПАПКА",
        help="папка журнала и ключа псевдонимов (по умолчанию data/)",
    )
    sheet = argparse.ArgumentParser(add_help=False)
    sheet.add_argument("--sheet", metavar="ЛИСТ", help="лист XLSX (по умолчанию первый)")
    sources = argparse.ArgumentParser(add_help=False)
    sources.add_argument(
        "sources", nargs="+", metavar="ТАБЛИЦА", help="файл CSV или XLSX, или его адрес"
    )

    commands.add_parser(
        "check",
        parents=[sources, sheet],
        help="проверить таблицы; ничего не сохраняет",
        description="Проверить таблицы: ошибки по строкам, объединённые имена, "
        "учебные годы без сроков четвертей. Ничего не сохраняет.",
    ).set_defaults(run=check)
    sub = commands.add_parser(
        "pull",
        parents=[sources, sheet, data],
        help="проверить таблицы и добавить их в журнал",
        description="Проверить таблицы и добавить их строки в журнал. При любой ошибке "
        "ничего не сохраняется, если не указан --partial.",
    )
    sub.add_argument(
        "--partial",
        action="store_true",
        help="сохранить верные строки, а неверные записать в файл --rejects",
    )
    sub.add_argument(
        "--rejects",
        type=Path,
        metavar="ФАЙЛ",
        help="CSV для непринятых строк со столбцом «Причина» (нужен с --partial)",
    )
    sub.add_argument(
        "--key",
        type=Path,
        metavar="ФАЙЛ",
        help="ключ псевдонимов (по умолчанию ПАПКА/.teacher-key)",
    )
    sub.set_defaults(run=pull)
    for name, run, meaning, description, arguments in (
        (
            "key",
            key,
            "показать отпечаток ключа псевдонимов",
            "Показать отпечаток ключа псевдонимов (не сам ключ) и сказать, подходит ли ключ "
            "журналу: так находят нужный файл ключа.",
            [("file", "ключ (по умолчанию ПАПКА/.teacher-key)", {"nargs": "?"})],
        ),
        (
            "rekey",
            rekey,
            "сделать псевдонимы журнала заново с новым ключом",
            "Сделать псевдонимы журнала заново с новым ключом, одним изменением журнала. "
            "Псевдоним нельзя обратить без имени, поэтому нужны таблицы, где названы все "
            "педагоги журнала (выгрузки, из которых загружали данные, или список педагогов "
            "со столбцом «ФИО педагога»).",
            [
                ("--old", "ключ журнала сейчас", {"required": True}),
                ("--new", "новый ключ (создаётся, если его нет)", {"required": True}),
            ],
        ),
    ):
        sub = commands.add_parser(name, parents=[data], help=meaning, description=description)
        for flag, told, options in arguments:
            sub.add_argument(flag, type=Path, metavar="ФАЙЛ", help=told, **options)
        sub.set_defaults(run=run)
    sub.add_argument(
        "sources", nargs="+", metavar="ТАБЛИЦА", help="таблицы с именами педагогов журнала"
    )
    sub = commands.add_parser(
        "summary",
        parents=[data],
        help="посчитать журнал по четвертям и учебным годам",
        description="Числа журнала по учебным годам, четвертям и каникулам.",
    )
    _period_options(sub, required=False)
    sub.add_argument("--json", action="store_true", help="вывести JSON")
    sub.set_defaults(run=summary)
    sub = commands.add_parser(
        "export",
        parents=[data],
        help="выгрузить таблицы за четверть или учебный год",
        description="Таблицы для управления образования: за четверть (--term) или "
        "за учебный год (--year, лист на год и на каждую четверть).",
    )
    _period_options(sub, required=True)
    sub.add_argument("--format", required=True, choices=("xlsx", "csv"), help="формат файла")
    sub.add_argument(
        "--output",
        type=Path,
        metavar="ФАЙЛ",
        help="куда записать (по умолчанию exports/ПЕРИОД.ФОРМАТ; не в data/)",
    )
    sub.set_defaults(run=export_counts)
    sub = commands.add_parser(
        "from-issue",
        parents=[data],
        help="проверить заявку «Сообщить об участии» с GitHub",
        description="Проверить заявку «Сообщить об участии» из файла события GitHub и "
        "вывести её строку журнала (вместо псевдонима — «педагог-…»). С --pull — добавить "
        "её в журнал, как pull.",
    )
    sub.add_argument(
        "event", type=Path, metavar="СОБЫТИЕ", help="файл события issues (JSON), $GITHUB_EVENT_PATH"
    )
    sub.add_argument("--pull", action="store_true", help="добавить строку заявки в журнал")
    sub.add_argument(
        "--comment",
        type=Path,
        metavar="ФАЙЛ",
        help="записать ответ на заявку (Markdown): «принято к проверке» или что исправить",
    )
    sub.set_defaults(run=from_issue)
    sub = commands.add_parser(
        "describe",
        parents=[data],
        help="описать изменение журнала для запроса на изменение",
        description="Описание запроса на изменение (pull request) в Markdown: новые строки "
        "журнала, числа затронутых четвертей до и после, непринятые строки с причинами "
        "(без ФИО и без адреса таблицы).",
    )
    sub.add_argument(
        "--before",
        type=Path,
        required=True,
        metavar="ПАПКА",
        help=f"папка с копией журнала до изменения ({activity_log.LOG})",
    )
    sub.add_argument(
        "--refused",
        type=Path,
        metavar="ФАЙЛ",
        help="файл непринятых строк, записанный pull --rejects",
    )
    sub.add_argument(
        "--closes",
        type=_issue_number,
        action="append",
        metavar="N",
        help="номер заявки, которую закроет запрос (можно несколько раз)",
    )
    sub.set_defaults(run=describe)
    sub = commands.add_parser(
        "intake",
        parents=[data],
        help="собрать ветку единого запроса на изменение журнала",
        description=f"Для GitHub: собрать ветку {intake.BRANCH} заново на текущем коммите "
        "(main): строки каждого оставленного источника ветки (--carry), затем строки, "
        "которые сейчас сохранены в журнале (--source), — по коммиту на источник.",
    )
    sub.add_argument("--branch", metavar="КОММИТ", help="ветка открытого запроса, если он есть")
    for flag, told in (
        ("--carry", "источник ветки, который остаётся в запросе (можно несколько раз)"),
        ("--source", "источник строк, сохранённых сейчас в журнале"),
    ):
        sub.add_argument(
            flag,
            type=_source,
            action="append" if flag == "--carry" else "store",
            metavar="ИСТОЧНИК",
            help=f"{told}: issue-N (заявка) или {intake.SHEET} (онлайн-таблица)",
        )
    sub.set_defaults(run=intake_branch)
    return parser


def _source(text: str) -> str:
    if not intake.SOURCE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"«{text}» — не источник: issue-N или {intake.SHEET}")
    return text


def _issue_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"«{text}» — не номер заявки")
    return int(text)


def _period_options(command: argparse.ArgumentParser, required: bool) -> None:
    """--term or --year, one of them at the most."""
    period = command.add_mutually_exclusive_group(required=required)
    period.add_argument("--term", metavar="ID", help="четверть: id из data/terms.yml (2025-26-q1)")
    period.add_argument("--year", metavar="ГОД", help="учебный год: 2025-26")


def _check_period(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A --term, --year or --partial that cannot be used is a usage error."""
    if getattr(args, "partial", False) and args.rejects is None:
        parser.error("с --partial нужен --rejects ФАЙЛ: туда запишутся непринятые строки")
    if getattr(args, "rejects", None) and not args.partial:
        parser.error("--rejects используется только вместе с --partial")
    if not (getattr(args, "term", None) or getattr(args, "year", None)):
        return
    known = registries.load(DATA)
    if args.term and known.term(args.term) is None:
        terms = ", ".join(term.id for term in known.terms)
        parser.error(f"нет четверти {args.term} в {registries.TERMS_FILE}; есть: {terms}")
    if args.year:
        years = summarise_years(known, activity_log.read(args.data, known).activities)
        ids = [year.year.id for year in years]
        if args.year not in ids:
            parser.error(
                f"о {args.year} учебном году нет ни данных, ни сроков четвертей; "
                f"есть: {', '.join(ids) or 'ничего'}"
            )


@command
def main(argv: list[str] | None = None) -> int:
    try:
        with argparse_ru.russian():
            commands = parser()
            args = commands.parse_args(argv)
            if (data := getattr(args, "data", None)) is not None:
                store.refuse_missing(data)
            _check_period(commands, args)
        _refuse_outputs(args)
        outcome: Outcome = args.run(args)
    except Problems as err:  # nothing could be done: what was wrong
        outcome = Outcome(err.problems)
    return told(outcome)


if __name__ == "__main__":
    sys.exit(main())
