"""What guards the published site: the Content-Security-Policy on every page,
the theme check around each page's text, the one personal-data detector and
the privacy gate. (Hostile pages planted whole: test_hostile_pages.py.)"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from activity.values import contact_in
from common.personal_data import Kind, PublicContacts, find, first_kinds
from common.site_config import ROOT
from common.source_pages import is_generated
from postbuild import privacy_gate, sanitise
from render.core import NOTICE
from support.site import BuiltSite

REQUIRED = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
}


def policy_of(html: str) -> dict[str, list[str]]:
    head = html.split("</head>", 1)[0]
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', head)
    assert found, "no Content-Security-Policy meta"
    assert head.index('<meta charset="utf-8">') < found.start() < head.index("<link")
    return {
        name: values
        for name, *values in (part.split() for part in found.group(1).split(";") if part.strip())
    }


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_carries_a_strict_policy_before_anything_it_governs(site: BuiltSite) -> None:
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text("utf-8")
        policy = policy_of(html)
        for name, value in REQUIRED.items():
            assert policy[name] == [value], (path, name)
        assert policy["script-src"][0] == "'self'"
        assert not any("unsafe" in value for values in policy.values() for value in values)
        # Each inline script and style runs only because its hash is listed.
        for tag in ("script", "style"):
            for text in re.findall(rf"<{tag}(?: media=\"print\")?>(.*?)</{tag}>", html, re.S):
                assert sha256(text) in policy[f"{tag}-src"], (path, tag)


def test_no_page_has_an_executable_script_but_the_sites_own(site: BuiltSite) -> None:
    for path in sorted(site.root.rglob("*.html")):
        for attrs in re.findall(r"<script\b([^>]*)>", path.read_text("utf-8")):
            assert (
                attrs == ""
                or 'type="application/json"' in attrs
                or re.fullmatch(r' src="(\.\./)*assets/javascripts/site\.js" defer', attrs)
            ), (path, attrs)


def test_readme_says_frame_ancestors_needs_a_header() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert re.search(r"meta\s+tag\s+cannot\s+set\s+`frame-ancestors`", readme)


def test_aligned_table_columns_keep_their_alignment(served: str, page: Page) -> None:
    page.goto(served + "reports/")
    cell = page.locator("article table td.site-align-right").first
    expect(cell).to_be_visible()
    assert cell.evaluate("td => getComputedStyle(td).textAlign") == "right"


@pytest.mark.parametrize(
    ("markup", "danger"),
    [
        ('<nav><a href="#">x<script>alert(1)</script></a></nav>', "<script>"),
        ('<title>x</title><meta name="description" content="x" onload="y">', "onload="),
        ('<a class="md-nav__link" href="javascript:alert(1)">x</a>', "javascript:"),
        ('<img src="https://evil.example.org/t.png" alt="">', "другого сайта"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example.org/">', "refresh"),
        ('<form action="https://evil.example.org/"></form>', "<form>"),
        ("<style>body{background:url(https://evil.example.org/x)}</style>", "<style>"),
    ],
)
def test_theme_markup_that_could_run_a_script_or_load_a_host_is_found(
    markup: str, danger: str
) -> None:
    html = f"<html><head><title>T</title></head><body>{markup}</body></html>"
    problems = sanitise.theme_problems(html, frozenset())
    assert any(danger in problem for problem in problems), problems


def test_the_themes_own_markup_passes(site: BuiltSite) -> None:
    scripts = sanitise.inline_scripts(
        p.read_text("utf-8") for p in (ROOT / "overrides").rglob("*.html")
    )
    assert scripts, "main.html's inline script was not found in overrides/"
    for path in sorted(site.root.rglob("*.html")):
        assert sanitise.theme_problems(path.read_text("utf-8"), scripts) == [], path


def test_generated_files_are_known_by_their_path_not_by_a_comment(tmp_path: Path) -> None:
    assert is_generated(Path("docs/ru/reports/2025-26-q1.md"))
    assert is_generated(tmp_path / "docs" / ".generated" / "glossary.ru.md")
    page = tmp_path / "docs" / "ru" / "policy.md"
    page.parent.mkdir(parents=True)
    page.write_text(NOTICE + "# Положение\n", "utf-8")
    assert not is_generated(page)


# --- The one detector --------------------------------------------------

PERSONAL = [
    ("Звоните: +7 (928) 123-45-67.", Kind.PHONE),
    ("8 928 123 45 67", Kind.PHONE),
    ("8.928.123.45.67", Kind.PHONE),
    ("8&nbsp;928&nbsp;123&nbsp;45&nbsp;67", Kind.PHONE),
    ("8\u00a0928\u00a0123\u201145\u201167", Kind.PHONE),
    ("+7–928–123–45–67", Kind.PHONE),
    ("(495) 123-45-67", Kind.PHONE),
    ("9281234567", Kind.PHONE),
    ("тел. 2-22-33", Kind.PHONE),
    ('<a href="tel:+79281234567">позвонить</a>', Kind.PHONE),
    ("https://wa.me/79281234567", Kind.PHONE),
    ("Пишите: WA.ME/7928-12-34", Kind.PHONE),  # in capitals, fewer than ten digits
    ("https://t.me/+79281234567", Kind.PHONE),
    ("ivanova.m@mail.ru", Kind.EMAIL),
    ("ivanova&#64;mail&#46;ru", Kind.EMAIL),
    ("ivanova (at) mail (dot) ru", Kind.EMAIL),
    ("mailto:ivanova%40mail.ru", Kind.EMAIL),
    ("СНИЛС 112-233-445 95", Kind.SNILS),
    ("11223344595", Kind.SNILS),
    ("Паспорт 4510 123456", Kind.PASSPORT),
    ("45 10 123456", Kind.PASSPORT),
    ("серия 4510 № 123456", Kind.PASSPORT),
    ("Иванов Иван Иванович, 12.03.2014 г. р.", Kind.NAME_AND_BIRTH_DATE),
    ("Петров П. П., 2012 г. р.", Kind.NAME_AND_BIRTH_DATE),
    ("Ахмед Хасанов, дата рождения: 3 марта 2015", Kind.NAME_AND_BIRTH_DATE),
    ("Иванова Мария Петровна 05.06.1985", Kind.NAME_AND_BIRTH_DATE),
    # Short local numbers, told as phones by the word before them.
    ("тел. 22-1-33", Kind.PHONE),
    ("Телефон: 2 21 33", Kind.PHONE),
    ("тел./факс 22133", Kind.PHONE),
    ("Сот. 8 87 145 2 21 33", Kind.PHONE),
    # Any space, invisible character or dash between the digits.
    ("8&thinsp;928&thinsp;123&thinsp;45&thinsp;67", Kind.PHONE),
    ("8\u2009928\u2009123\u200945\u200967", Kind.PHONE),
    ("8\u202f928\u200b123\u2060-45\u221267", Kind.PHONE),
    ("+7\u00a0(928)\u00a0123\u201245\u201367", Kind.PHONE),
    ("\uff18\uff19\uff12\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17", Kind.PHONE),
    ("112\u2009233\u2009445\u200995", Kind.SNILS),
    ("СНИЛС&nbsp;112&nbsp;233&nbsp;445&nbsp;95", Kind.SNILS),
    # A passport's series and number around «№», a birth certificate.
    ("Паспорт 4510 № 123456", Kind.PASSPORT),
    ("паспорт РФ 45 10 №123456", Kind.PASSPORT),
    ("4510\u00a0№\u00a0123456", Kind.PASSPORT),
    ("Свидетельство о рождении II-ЭГ № 123456", Kind.CERTIFICATE),
    # A name in capitals next to a birth date.
    ("ИВАНОВ ИВАН ИВАНОВИЧ 12.03.2014", Kind.NAME_AND_BIRTH_DATE),
    ("ИВАНОВ Иван Иванович, 12 МАРТА 2014", Kind.NAME_AND_BIRTH_DATE),
    ("ХАСАНОВА АМИНА, дата рождения 03-04-2015", Kind.NAME_AND_BIRTH_DATE),
    ("ПЕТРОВ П. П., 2012 г.р", Kind.NAME_AND_BIRTH_DATE),
]
NOT_PERSONAL = [
    "Приказ № 1493 от 04.08.2023, 273-ФЗ, 2025-10-24, 1977 год.",
    "Четверть: 01.09–24.10.2025, ОГРН 1022001234567.",
    "[Материал](https://infourok.ru/material-89281234567.html)",
    "педагог-9281234567 и педагог-0123456789",  # the log's pseudonyms
    "Утверждено приказом директора Иванова Ивана Ивановича от 01.09.2020.",
    "Иванова Мария Петровна провела урок 12.10.2025.",
    "Пример: ivanov@example.com",
    "2024 2025 2026; 38 46 52 41 14 17",
    "2024\u20092025\u20092026; 38\u200946\u200952",
    "Учителя 12345 раз открыли уроки; сотрудничество 15 000 просмотров.",
    "Звоните до 12.03.2025; звоните: 12.03.2025.",
    "Приказ № 1493 от 04.08.2023; от 12.10.2025 № 123456; урок № 12345.",
    "ПОЛОЖЕНИЕ О СЕТЕВОМ ВЗАИМОДЕЙСТВИИ, УТВЕРЖДЕНО 01.09.2025",
    "Четверть II-АЯ: 01.09–24.10.2025, 2025-26-q1",
]


@pytest.mark.parametrize(("text", "kind"), PERSONAL)
def test_the_detector_finds_each_writing(text: str, kind: Kind) -> None:
    assert [found.kind for found in find(text)] == [kind]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_the_detector_leaves_other_numbers_and_names(text: str) -> None:
    assert list(find(text)) == []


@pytest.mark.parametrize(("text", "kind"), PERSONAL)
def test_a_find_is_masked(text: str, kind: Kind) -> None:
    (found,) = find(text)
    secrets = ("928 123", "9281234", "ivanova", "445 95", "123456", "22-1", "2 21", "22133")
    for secret in (*secrets, "Иванов", "ИВАНОВ", "Хасанов", "ХАСАНОВ", "ЭГ"):
        assert secret not in found.masked


def test_the_quick_look_over_many_texts_finds_what_each_text_holds() -> None:
    texts = [text for text, _ in PERSONAL] + NOT_PERSONAL
    expected = {i: kind for i, (_, kind) in enumerate(PERSONAL)}
    assert first_kinds(texts) == expected


def test_stats_uses_the_same_detector() -> None:
    assert contact_in("Методичка, СНИЛС 112-233-445 95") == "номер СНИЛС"
    assert contact_in("Урок 8.928.123.45.67") == "номер телефона"
    assert contact_in("педагог-9281234567") is None


def test_public_contacts_pass_the_gate(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        "<p>Школа: <a href='tel:+78001002030'>8 800 100-20-30</a>, "
        "<a href='mailto:school@edu95.ru'>school@edu95.ru</a></p>",
        "utf-8",
    )
    contacts = PublicContacts(
        phones=frozenset({"8001002030"}), emails=frozenset({"school@edu95.ru"})
    )
    assert privacy_gate.scan(tmp_path, contacts) == []
    assert {leak.found.kind for leak in privacy_gate.scan(tmp_path, PublicContacts())} == {
        Kind.PHONE,
        Kind.EMAIL,
    }


def test_gate_joins_text_split_by_inline_tags_but_not_table_cells(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        "<p>8 928 <b>123 45 67</b></p>"
        "<table><tr><td>8</td><td>928</td><td>1234567</td></tr></table>",
        "utf-8",
    )
    leaks = privacy_gate.scan(tmp_path, PublicContacts())
    assert [leak.found.masked for leak in leaks] == ["* *** *** ** 67"]
