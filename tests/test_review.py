"""The Chechen review round trip: `translations.py review export`, a reviewer's
edits in the workbook (openpyxl, as a spreadsheet program saves them), and
`review import` back into a copy of the project; then the copy builds and
passes `make check`. Also the glossary's avoided forms in `make check`."""

from __future__ import annotations

import difflib
import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from common import yamldata, yamledit
from common.site_config import ROOT
from sitebuild.build import build
from support.checks import CE_HEAD, run_check, write
from support.git import commit_all, git
from support.project import PREFIX_URL, copy_project
from support.site import BuiltSite, text_of
from translation.blocks import apply, blocks
from translation.progress import pending, progress
from translation.units import REVIEW_KEY

SCRIPT = ROOT / "scripts" / "translations.py"
TODAY = date.today()
PAGE = "docs/ce/contributing/index.md"  # every row of it gets «да»; it shows no generated part
# Every row of it gets «да» too, but it shows data (the coordinator, the channels)
# that nobody has reviewed: it keeps its notice.
PARTS_PAGE = "docs/ce/contacts.md"
CORRECTED = "docs/ce/policy.md"
LABEL = "data/activities.yml: [webinar].name"
# The site's name in Chechen: mkdocs.yml gives it to the i18n plugin.
SITE_NAME = "mkdocs.yml: i18n.ce.site_name"
STRING = "overrides/partials/site-strings.html: draft"
TERM = "data/glossary.yml: terms[родители]"


def review(*args: str, project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "review", *args, "--project", str(project)],
        capture_output=True,
        text=True,
    )


def snapshot(project: Path) -> dict[str, str]:
    """Every file of the project, by its hash: to prove nothing changed."""
    return {
        path.relative_to(project).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(project.rglob("*"))
        if path.is_file() and ".generated" not in path.parts
    }


def rows(book_path: Path, sheet: str) -> dict[str, int]:
    """«Где» → row number, on one sheet."""
    book = load_workbook(book_path)
    return {
        str(row[0].value): row[0].row for row in book[sheet].iter_rows(min_row=2) if row[0].value
    }


@dataclass
class RoundTrip:
    project: Path
    book: Path
    export: subprocess.CompletedProcess[str]
    refused: subprocess.CompletedProcess[str]
    refused_rows: dict[str, int]
    untouched: bool  # nothing written by the refused import
    before: dict[str, str]  # the files before the good import
    imported: subprocess.CompletedProcess[str]
    again: subprocess.CompletedProcess[str]
    unchanged_again: bool
    link_block: str


def _block_with_link(book_path: Path) -> tuple[str, str]:
    book = load_workbook(book_path)
    for row in book["Страницы"].iter_rows(min_row=2):
        where, ce = str(row[0].value), str(row[2].value)
        if where.startswith(CORRECTED + " ") and re.search(r"\]\([^)]+\)", ce):
            return where, ce
    raise AssertionError("no block with a link")


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> RoundTrip:
    project = copy_project(tmp_path_factory.mktemp("review-project"))
    book = tmp_path_factory.mktemp("review-book") / "review.xlsx"
    export = review("export", str(book), project=project)
    assert export.returncode == 0, export.stdout + export.stderr

    # The reviewer's edits, saved the way a spreadsheet program saves them.
    wb = load_workbook(book)
    pages = wb["Страницы"]
    link_where, _ = _block_with_link(book)
    stale_where = None
    for row in pages.iter_rows(min_row=2):
        where, ce = str(row[0].value), str(row[2].value)
        if where.startswith((PAGE + " ", PARTS_PAGE + " ")):
            row[4].value = "да"
        elif where == link_where:  # a correction that drops the link
            row[3].value = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", ce)
        elif (
            stale_where is None
            and where.startswith(CORRECTED + " ")
            and "дакъалацар" in ce
            and "[" not in ce
        ):
            stale_where = where
            row[3].value = ce.replace("дакъалацар", "дакъалацар (нисдина)", 1)
    strings = wb["Интерфейс"]
    for row in strings.iter_rows(min_row=2):
        if row[0].value == STRING:
            row[3].value = "Черновик: агӀонан йоза хӀинца а кечдеш ду (нисдина)."
            row[4].value = "да"
    for row in wb["Подписи"].iter_rows(min_row=2):
        if row[0].value == LABEL:
            row[3].value = "Вебинар (нисдина)"
        elif row[0].value == SITE_NAME:
            row[3].value = f"{row[2].value} (нисдина)"
    for row in wb["Термины"].iter_rows(min_row=2):
        if row[0].value == TERM:
            row[4].value = "да"
    wb.save(book)
    assert stale_where is not None

    # The stale row: its Chechen text changes in the project after the export.
    policy = project / CORRECTED
    text = policy.read_text("utf-8")
    index = int(stale_where.rsplit("#", 1)[1]) - 1
    block = blocks(text)[index]
    policy.write_text(apply(text, [(block, block.text + " ХӀинца.")]), "utf-8")

    untouched_before = snapshot(project)
    refused = review("import", str(book), project=project)
    untouched = snapshot(project) == untouched_before
    refused_rows = {
        "stale": rows(book, "Страницы")[stale_where],
        "link": rows(book, "Страницы")[link_where],
    }

    # The reviewer is told; the stale row is exported again, the link kept.
    policy.write_text(text, "utf-8")
    wb = load_workbook(book)
    for row in wb["Страницы"].iter_rows(min_row=2):
        if row[0].value == link_where:
            row[3].value = None
    wb.save(book)
    before = snapshot(project)
    imported = review("import", str(book), project=project)
    after_first = snapshot(project)
    again = review("import", str(book), project=project)
    return RoundTrip(
        project,
        book,
        export,
        refused,
        refused_rows,
        untouched,
        before,
        imported,
        again,
        snapshot(project) == after_first,
        stale_where,
    )


def test_export_counts_every_kind_and_lays_the_workbook_out(round_trip: RoundTrip) -> None:
    assert re.search(
        r"строк на проверку — страницы \d+, интерфейс \d+, подписи \d+, термины \d+",
        round_trip.export.stdout,
    )
    book = load_workbook(round_trip.book)
    assert book.sheetnames == ["Как проверять", "Страницы", "Интерфейс", "Подписи", "Термины"]
    guide = book["Как проверять"]
    assert guide["A1"].value == "По-русски" and guide["B1"].value == "Нохчийн маттахь"
    assert "Исправление" in str(guide["A3"].value) and "Ӏ" in str(guide["B2"].value)
    for title in book.sheetnames[1:]:
        sheet = book[title]
        header = [c.value for c in sheet[1]][:6]
        assert header == [
            "Где",
            "По-русски",
            "По-чеченски",
            "Исправление",
            "Проверено",
            "Комментарий",
        ]
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["C"].width >= 50
        assert sheet["C2"].alignment.wrap_text
        (validation,) = sheet.data_validations.dataValidation
        assert validation.formula1 == '"да"' and validation.allow_blank
        assert str(validation.sqref).startswith("E2")
    pages = {str(row[0].value) for row in book["Страницы"].iter_rows(min_row=2)}
    assert any(where.startswith("docs/ce/policy.md #") for where in pages)
    labels = {str(row[0].value) for row in book["Подписи"].iter_rows(min_row=2)}
    # Generic over data files: words.yml and report-labels.yml without naming them in code.
    assert any(w.startswith("data/words.yml: ") for w in labels)
    assert any(w.startswith("data/report-labels.yml: ") for w in labels)
    strings = {str(row[0].value) for row in book["Интерфейс"].iter_rows(min_row=2)}
    assert "overrides/partials/site-strings.html: notfound.text" in strings
    assert "overrides/partials/languages/ce.html: search.placeholder" in strings


def test_russian_source_stands_beside_each_block(round_trip: RoundTrip) -> None:
    book = load_workbook(round_trip.book)
    pairs = {
        str(r[0].value): (str(r[1].value), str(r[2].value))
        for r in book["Страницы"].iter_rows(min_row=2)
    }
    heading = next(v for k, v in pairs.items() if v[1] == "1. Юкъара дакъа")
    assert heading[0] == "1. Общие положения"


def test_bad_rows_are_refused_by_row_and_nothing_is_written(round_trip: RoundTrip) -> None:
    result = round_trip.refused
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    name = str(round_trip.book)
    stale = f"{name}:{round_trip.refused_rows['stale']}: лист «Страницы»: чеченский текст изменился"
    link = f"{name}:{round_trip.refused_rows['link']}: лист «Страницы»: в исправлении потеряно «]("
    assert any(line.startswith(stale) for line in lines), lines
    assert any(line.startswith(link) for line in lines), lines
    assert round_trip.untouched


def test_good_import_applies_the_correction_in_place(round_trip: RoundTrip) -> None:
    assert round_trip.imported.returncode == 0, round_trip.imported.stdout
    text = (round_trip.project / CORRECTED).read_text("utf-8")
    original = (ROOT / CORRECTED).read_text("utf-8")
    assert "дакъалацар (нисдина)" in text
    # Only the corrected block's lines differ; the rest of the file is byte for byte.
    matcher = difflib.SequenceMatcher(a=original.splitlines(), b=text.splitlines(), autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert len(changes) == 1
    _, a0, a1, b0, b1 = changes[0]
    assert a1 - a0 <= 3 and b1 - b0 <= 3


def test_label_and_string_corrections_touch_only_their_value(round_trip: RoundTrip) -> None:
    data = (round_trip.project / "data/activities.yml").read_text("utf-8")
    original = (ROOT / "data/activities.yml").read_text("utf-8")
    assert data == original.replace("    ce: Вебинар\n", "    ce: Вебинар (нисдина)\n", 1)
    strings = (round_trip.project / "overrides/partials/site-strings.html").read_text("utf-8")
    original = (ROOT / "overrides/partials/site-strings.html").read_text("utf-8")
    assert strings == original.replace(
        "Черновик: агӀонан йоза хӀинца а кечдеш ду.",
        "Черновик: агӀонан йоза хӀинца а кечдеш ду (нисдина).",
    )


def test_every_chechen_text_of_the_site_is_in_the_workbook(round_trip: RoundTrip) -> None:
    labels = rows(round_trip.book, "Подписи")
    # The site's identity and menu that mkdocs.yml gives the i18n plugin.
    for key in ("site_name", "site_description", "nav_translations.Платформы"):
        assert f"mkdocs.yml: i18n.ce.{key}" in labels
    # A platform guide's record of participation: its words, not a template.
    for key in ("record_intro", "record_columns[3]", "record_fields[5]", "record_how"):
        assert f"data/words.yml: platforms.{key}" in labels
    # Every text a generated part shows is in the workbook.
    assert not [w for w in labels if w.startswith("scripts/")]


def test_the_site_name_is_corrected_in_mkdocs_yml_and_shown(
    round_trip: RoundTrip, reviewed_site: BuiltSite
) -> None:
    config = (round_trip.project / "mkdocs.yml").read_text("utf-8")
    original = (ROOT / "mkdocs.yml").read_text("utf-8")
    name = "Хьехархойн машанан юкъаралла"
    assert f"          site_name: {name}\n" in original
    assert config == original.replace(
        f"          site_name: {name}\n", f"          site_name: {name} (нисдина)\n", 1
    )
    title = text_of(reviewed_site.html("ce/").select_one("title"))
    assert title.endswith(f"{name} (нисдина)")
    assert "(нисдина)" not in text_of(reviewed_site.html("").select_one("title"))


def test_a_page_with_every_block_checked_turns_reviewed(round_trip: RoundTrip) -> None:
    for page in (PAGE, PARTS_PAGE):
        text = (round_trip.project / page).read_text("utf-8")
        meta = yaml.safe_load(text.split("---")[1])
        assert meta["translation_review"] == "reviewed"
        assert meta["reviewed_by"] == "учитель чеченского языка"
        assert meta["reviewed_on"] == TODAY
        original = (ROOT / page).read_text("utf-8")
        assert text.split("---", 2)[2] == original.split("---", 2)[2]  # the text is as it was
    # A page with only some rows checked stays as it was.
    policy = yaml.safe_load((round_trip.project / CORRECTED).read_text("utf-8").split("---")[1])
    assert policy["translation_review"] == "needed"


def test_a_checked_term_is_confirmed_by_the_school(round_trip: RoundTrip) -> None:
    glossary = yaml.safe_load((round_trip.project / "data/glossary.yml").read_text("utf-8"))
    ident = f"school-{TODAY.isoformat()}"
    source = next(s for s in glossary["sources"] if s["id"] == ident)
    assert source["name"]["ru"] == f"школа, {TODAY.strftime('%d.%m.%Y')}"
    (term,) = (t for t in glossary["terms"] if t["ru"] == "родители")
    assert term["source"] == ident


def test_checked_strings_are_recorded_in_the_ledger(round_trip: RoundTrip) -> None:
    ledger = yaml.safe_load((round_trip.project / "data/translation-review.yml").read_text("utf-8"))
    where = {entry["where"] for entry in ledger["reviewed"]}
    assert STRING in where
    # Every block of a reviewed page, so that a later change shows.
    page_rows = set(rows(round_trip.book, "Страницы"))
    assert {w for w in page_rows if w.startswith(PAGE + " ")} <= where


def test_importing_twice_changes_nothing(round_trip: RoundTrip) -> None:
    assert round_trip.again.returncode == 0, round_trip.again.stdout
    assert round_trip.unchanged_again
    assert "исправлений 0" in round_trip.again.stdout


@pytest.fixture(scope="module")
def reviewed_site(round_trip: RoundTrip, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    out = tmp_path_factory.mktemp("review-site")
    build(out, site_url=PREFIX_URL, project=round_trip.project)
    return BuiltSite(out, PREFIX_URL)


def test_after_a_good_import_the_site_builds_and_passes_make_check(
    round_trip: RoundTrip, reviewed_site: BuiltSite
) -> None:
    result = run_check("--project", str(round_trip.project), cwd=round_trip.project)
    assert result.returncode == 0, result.stdout
    assert reviewed_site.html("ce/contributing/").select_one(".site-notice--review") is None
    assert reviewed_site.html("ce/policy/").select_one(".site-notice--review") is not None
    # Its own text is reviewed, the coordinator's words and the channels are not.
    assert reviewed_site.html("ce/contacts/").select_one(".site-notice--review") is not None


def test_status_page_counts_reviewed_blocks(reviewed_site: BuiltSite) -> None:
    page = reviewed_site.html("contributing/translations/")
    cells = {
        text_of(row.find_all("td")[0]): text_of(row.find_all("td")[2])
        for row in page.select("table")[0].select("tbody tr")
    }
    done, total = re.match(r"(\d+) / (\d+) \(вся страница\)", cells["Как помочь сайту"]).groups()
    assert done == total and int(total) > 10
    done, total = re.match(r"(\d+) / (\d+) \((.+)\)", cells["Контакты"]).groups()[:2]
    assert done == total
    assert cells["Контакты"].endswith("(вставки из данных ещё не проверены)")
    # Titles made by a generated part are shown, not file names.
    assert {"Инфоурок", "Электронная библиотека", "Сферум"} <= set(cells)
    assert "Проверено носителем чеченского языка: блоков страниц" in text_of(page)
    others = {
        text_of(row.find_all("td")[0]): text_of(row.find_all("td")[1])
        for row in page.select("table")[1].select("tbody tr")
    }
    assert others["Строки сайта"].startswith("1 / ")
    assert others["Страница «не найдена» (404)"].startswith("0 / ")


def test_unreviewed_404_page_says_so(reviewed_site: BuiltSite) -> None:
    chechen = reviewed_site.html("404.html").select_one('[lang="ce"]')
    assert chechen.select_one(".site-notice--review") is not None


# ---------------------------------------------------------------- review follows the text


def reexport(project: Path, book: Path) -> dict[str, tuple[int, str]]:
    """Export again; every «Где» of every sheet → (row, sheet)."""
    result = review("export", str(book), project=project)
    assert result.returncode == 0, result.stdout
    found = {}
    for title in ("Страницы", "Интерфейс", "Подписи", "Термины"):
        found |= {where: (row, title) for where, row in rows(book, title).items()}
    return found


def mark_yes(book: Path, wanted: set[str]) -> None:
    wb = load_workbook(book)
    for sheet in wb.worksheets[1:]:
        for row in sheet.iter_rows(min_row=2):
            if row[0].value in wanted:
                row[4].value = "да"
    wb.save(book)


def flag(project: Path, page: str) -> str:
    return str(yaml.safe_load((project / page).read_text("utf-8").split("---")[1])[REVIEW_KEY])


def test_a_reviewed_block_edited_since_is_reviewed_again(
    round_trip: RoundTrip, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(round_trip.project, project)
    page, russian = project / PAGE, project / PAGE.replace("/ce/", "/ru/")
    assert flag(project, PAGE) == "reviewed"
    ce_blocks = [b for b in blocks(page.read_text("utf-8")) if b.kind == "paragraph"]
    ru_blocks = [b for b in blocks(russian.read_text("utf-8")) if b.kind == "paragraph"]
    # A teacher edits one paragraph of the Chechen page, another of its Russian original.
    edited, source_edited = ce_blocks[1], ru_blocks[3]
    text = page.read_text("utf-8")
    page.write_text(apply(text, [(edited, edited.text + " Керла дош.")]), "utf-8")
    text = russian.read_text("utf-8")
    russian.write_text(apply(text, [(source_edited, source_edited.text + " Новое.")]), "utf-8")

    book = tmp_path / "again.xlsx"
    exported = [w for w in reexport(project, book) if w.startswith(PAGE + " ")]
    assert len(exported) == 2, exported  # just these two, exported again
    assert progress(project).pages[PAGE].reviewed == progress(project).pages[PAGE].total - 2
    assert PAGE in pending(progress(project))  # so the page shows its notice again

    # The next import (nothing marked yet) puts the flag back: the page changed since.
    result = review("import", str(book), project=project)
    assert result.returncode == 0, result.stdout
    assert f"{PAGE}: текст изменился после проверки" in result.stdout
    assert flag(project, PAGE) == "needed"
    assert run_check("--project", str(project), cwd=project).returncode == 0

    # «да» on both: reviewed again, as a whole.
    mark_yes(book, set(exported))
    assert review("import", str(book), project=project).returncode == 0
    assert flag(project, PAGE) == "reviewed"
    assert PAGE not in pending(progress(project))
    assert not [w for w in reexport(project, book) if w.startswith(PAGE + " ")]


def test_a_page_is_reviewed_whole_once_its_generated_parts_are(
    round_trip: RoundTrip, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(round_trip.project, project)
    assert flag(project, PARTS_PAGE) == "reviewed"
    assert PARTS_PAGE in pending(progress(project))
    book = tmp_path / "parts.xlsx"
    exported = reexport(project, book)
    # What docs/ce/contacts.md shows from data: the coordinator's paragraph
    # (data/words.yml and mkdocs.yml) and the channels (data/contacts.yml).
    shown = {
        w
        for w in exported
        if w.startswith(("data/words.yml: contacts.", "data/contacts.yml: "))
        or w == "mkdocs.yml: extra.coordinator"
    }
    assert "mkdocs.yml: extra.coordinator" in shown and len(shown) > 5
    mark_yes(book, shown - {"mkdocs.yml: extra.coordinator"})
    assert review("import", str(book), project=project).returncode == 0
    assert PARTS_PAGE in pending(progress(project))  # one text it shows is still a draft
    mark_yes(book, shown)
    assert review("import", str(book), project=project).returncode == 0
    assert PARTS_PAGE not in pending(progress(project))


def test_a_page_flagged_by_hand_is_reviewed_as_it_stood_when_flagged(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "the project")
    page = project / PAGE
    text = page.read_text("utf-8")
    head = (
        "translation_review: reviewed\nreviewed_by: учитель чеченского языка\n"
        f"reviewed_on: {TODAY.isoformat()}\n"
    )
    page.write_text(text.replace("translation_review: needed\n", head, 1), "utf-8")
    tally = progress(project).pages[PAGE]
    assert tally.reviewed == tally.total  # the flag, not committed yet: the page as it stands
    commit_all(project, "reviewed on GitHub")
    assert progress(project).pages[PAGE].reviewed == tally.total
    # Edited after the review, committed or not: that block is a draft again.
    found = blocks(page.read_text("utf-8"))
    index = next(i for i, block in enumerate(found) if block.kind == "paragraph")
    edited = apply(page.read_text("utf-8"), [(found[index], found[index].text + " Керла.")])
    page.write_text(edited, "utf-8")
    for commit in (True, False):
        assert progress(project).pages[PAGE].reviewed == tally.total - 1
        assert PAGE in pending(progress(project))
        if commit:
            commit_all(project, "an edit after the review")
    book = tmp_path / "review.xlsx"
    exported = [w for w in reexport(project, book) if w.startswith(PAGE + " ")]
    assert exported == [f"{PAGE} #{index + 1}"]


# ---------------------------------------------------------------- corrections that break the site


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = copy_project(tmp_path_factory.mktemp("refused-project"))
    book = tmp_path_factory.mktemp("refused-book") / "review.xlsx"
    assert review("export", str(book), project=project).returncode == 0
    return project, book


@pytest.mark.parametrize(
    ("where", "correction", "said"),
    [
        # The build's own loaders: two kinds of activity with one name.
        (
            "data/activities.yml: [lesson].name",
            "Вебинар",
            "data/activities.yml:57: «Вебинар» значит и webinar, и lesson",
        ),
        # `make check`: a form the glossary says to avoid.
        (
            "data/words.yml: contacts.issues_text",
            "учётни записехь",
            "по словарю терминов «учётная запись (аккаунт)»",
        ),
    ],
)
def test_a_correction_the_site_would_refuse_is_refused_and_nothing_written(
    exported: tuple[Path, Path], tmp_path: Path, where: str, correction: str, said: str
) -> None:
    project, exported_book = exported
    book = tmp_path / "review.xlsx"
    shutil.copy(exported_book, book)
    wb = load_workbook(book)
    (row,) = (r for r in wb["Подписи"].iter_rows(min_row=2) if r[0].value == where)
    row[3].value = correction
    row[4].value = "да"
    wb.save(book)
    before = snapshot(project)
    result = review("import", str(book), project=project)
    assert result.returncode == 1, result.stdout
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{book}:{row[0].row}: лист «Подписи»: после этого исправления ")
    assert said in line
    assert snapshot(project) == before


# ---------------------------------------------------------------- hostile workbooks


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    result = review("import", str(fake), project=project)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{fake}:1: ")
    assert "Traceback" not in result.stderr


def test_edited_source_cells_and_bad_marks_are_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    book = tmp_path / "review.xlsx"
    assert review("export", str(book), project=project).returncode == 0
    wb = load_workbook(book)
    sheet = wb["Подписи"]
    sheet["C2"] = str(sheet["C2"].value) + " (не там)"  # edited «По-чеченски»
    sheet["E3"] = "конечно"
    sheet["D4"] = "x" * 10_001
    wb.save(book)
    before = snapshot(project)
    result = review("import", str(book), project=project)
    assert result.returncode == 1
    out = result.stdout
    assert f"{book}:2: лист «Подписи»: изменены" in out
    assert f"{book}:3: лист «Подписи»: в «Проверено» можно только «да»" in out
    assert f"{book}:4: лист «Подписи»: в «Исправление» больше 10000 знаков" in out
    assert snapshot(project) == before


def test_a_reviewer_is_named_only_with_consent(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    book = tmp_path / "review.xlsx"
    assert review("export", str(book), project=project).returncode == 0
    wb = load_workbook(book)
    guide = wb["Как проверять"]
    guide.cell(guide.max_row, 2).value = "Иванова Мадина"
    wb.save(book)
    result = review("import", str(book), project=project)
    assert result.returncode == 1
    assert "data/consent.yml" in result.stdout


# ---------------------------------------------------------------- the glossary as a linter


def test_avoided_forms_are_flagged_with_file_line_and_term(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write(project / "docs/ce/extra.md", CE_HEAD + "# АгӀо\n\nПайдехь хьажоригаш а, `хьажориг` а.\n")
    write(project / "docs/ru/extra.md", "# Страница\n\nхьажоригаш по-русски не проверяются.\n")
    data = project / "data/activities.yml"
    data.write_text(
        data.read_text("utf-8").replace("ce: Онлайн-урок", "ce: Онлайн-дарсаш", 1), "utf-8"
    )
    theme = project / "overrides/partials/languages/ce.html"
    theme.write_text(theme.read_text("utf-8").replace('"Хьажоргаш"', '"Хьажоригаш"'), "utf-8")
    result = run_check("--project", str(project), cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    line_of = data.read_text("utf-8").splitlines().index("    ce: Онлайн-дарсаш") + 1
    assert (
        "docs/ce/extra.md:7: «хьажоригаш»: по словарю терминов «ссылка» по-чеченски — «хьажорг»"
        in result.stdout
    )
    assert any(line.startswith(f"data/activities.yml:{line_of}: «Онлайн-дарсаш»") for line in lines)
    assert any(line.startswith("overrides/partials/languages/ce.html:") for line in lines)
    assert not any("docs/ru/" in line for line in lines)
    # The page's and the theme's, not the one in code.
    assert sum("хьажориг" in line.casefold() for line in lines) == 2


def test_avoided_stems_are_found_in_any_case_ending_and_line_break(tmp_path: Path) -> None:
    page = (
        CE_HEAD
        + "# АгӀо\n\n"  # line 5
        + "Хьан учётни записехь.\n\n"  # 7: another ending
        + "УЧЕТНИ ЗАПИСЬ.\n\n"  # 9: capitals, е for ё
        + "ХӀокху абзацехь учётни\nзапись ю.\n\n"  # 11: the phrase across a line break
        + "Учётни\n\nзапись: two paragraphs, no phrase.\n"  # 13, 15
    )
    write(tmp_path / "docs/ce/page.md", page)
    # «гӀуллакх» is an event on other pages, and the wrong word in a report's.
    write(tmp_path / "docs/ce/events.md", CE_HEAD + "# ГӀуллакхаш\n")
    write(tmp_path / "docs/ce/reports/term.md", CE_HEAD + "# ЖамӀ\n\n## ГӀуллакхаш\n")
    result = run_check("docs", cwd=tmp_path)
    assert result.returncode == 1
    found = [line.split(": по словарю")[0] for line in result.stdout.splitlines()]
    assert found == [
        "docs/ce/page.md:7: «учётни записехь»",
        "docs/ce/page.md:9: «УЧЕТНИ ЗАПИСЬ»",
        "docs/ce/page.md:11: «учётни запись»",
        "docs/ce/reports/term.md:7: «ГӀуллакхаш»",
    ]
    assert "«учётная запись (аккаунт)» по-чеченски — «аккаунт»" in result.stdout
    assert "«участие; активность (одна запись в отчётах)» по-чеченски — «дакъалацар»" in (
        result.stdout
    )


def test_the_project_uses_the_glossary_terms() -> None:
    assert run_check(cwd=ROOT).returncode == 0


# ---------------------------------------------------------------- front matter of a reviewed page


@pytest.mark.parametrize(
    ("head", "message"),
    [
        ("translation_review: reviewed\n", "добавьте «reviewed_by:»"),
        (
            "translation_review: reviewed\nreviewed_by: Иванова Мадина\nreviewed_on: 2026-11-01\n",
            "только если его согласие записано",
        ),
        ("translation_review: needed\nreviewed_on: 2026-11-01\n", "только вместе с"),
        (
            "translation_review: reviewed\nreviewed_by: учитель чеченского языка\n"
            "reviewed_on: 2999-01-01\n",
            "ещё не наступил",
        ),
    ],
)
def test_reviewed_flag_says_who_and_when(tmp_path: Path, head: str, message: str) -> None:
    write(tmp_path / "docs/ce/page.md", f"---\n{head}---\n\n# АгӀо\n")
    result = run_check("docs", cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stdout


def test_a_properly_reviewed_page_passes(tmp_path: Path) -> None:
    head = (
        "translation_review: reviewed\nreviewed_by: учитель чеченского языка\n"
        "reviewed_on: 2026-11-01\n"
    )
    write(tmp_path / "docs/ce/page.md", f"---\n{head}---\n\n# АгӀо\n")
    result = run_check("docs", cwd=tmp_path)
    assert result.returncode == 0, result.stdout


# ---------------------------------------------------------------- editing in place


@pytest.mark.parametrize("path", sorted((ROOT / "docs").rglob("*.md")), ids=str)
def test_writing_every_block_back_unchanged_leaves_the_page_as_it_was(path: Path) -> None:
    text = path.read_text("utf-8")
    assert apply(text, [(block, block.text) for block in blocks(text)]) == text
    # Written back through its layout (re-wrapped where it wraps), each block
    # reads back as the same text, and no block appears or disappears.
    for block in blocks(text):
        if block.kind in ("paragraph", "item", "admonition", "heading", "cell"):
            rewritten = text[: block.start] + block.render(block.text) + text[block.end :]
            assert [b.text for b in blocks(rewritten)] == [b.text for b in blocks(text)]


def test_a_yaml_value_is_changed_in_its_own_style_and_nothing_else() -> None:
    source = (
        "# comment\n"
        "a: {ru: Да, ce: ХӀаъ}  # flow\n"
        "b:\n"
        "  ce: >-\n"
        "    long folded\n"
        "    text\n"
        "  ru: x\n"
        "c: 'quoted'\n"
    )
    root = yamldata.compose(source)
    flow = root.value[0][1]
    folded = root.value[1][1].value[0][1]
    quoted = root.value[2][1]
    edits = [
        yamledit.replace_scalar(source, flow.value[1][1], "ХӀаъ, дера", flow=True),
        yamledit.replace_scalar(source, folded, "new folded text", flow=False),
        yamledit.replace_scalar(source, quoted, "it's", flow=False),
    ]
    out = yamledit.apply(source, edits)
    assert out == (
        "# comment\n"
        'a: {ru: Да, ce: "ХӀаъ, дера"}  # flow\n'
        "b:\n"
        "  ce: >-\n"
        "    new folded text\n"
        "  ru: x\n"
        "c: 'it''s'\n"
    )
    assert yaml.safe_load(out) == {
        "a": {"ru": "Да", "ce": "ХӀаъ, дера"},
        "b": {"ce": "new folded text", "ru": "x"},
        "c": "it's",
    }
