"""Each content check of `make check` on fixture files: clean text passes,
each kind of fault fails with its file, line and kind named."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.personal_data import Kind, PublicContacts, classify, find, snils_checks
from support.checks import CE_HEAD, picture, run_check, write

# (page, clean text, faulty text, line of the fault, words the report has)
CASES = {
    "phone": (
        "ru/page.md",
        "# Контакты\n\nПриказ № 1493 от 04.08.2023, 273-ФЗ, 2025-10-24, 1977 год.\n",
        "# Контакты\n\nЗвоните: +7 (928) 123-45-67.\n",
        3,
        "личные данные: номер телефона",
    ),
    "phone without +7": (
        "ru/page.md",
        "# Контакты\n\nЧетверть: 01.09–24.10.2025, ОГРН 1022001234567.\n",
        "# Контакты\n\nЗвоните 8 928 123 45 67 вечером.\n",
        3,
        "личные данные: номер телефона",
    ),
    "e-mail": (
        "ru/page.md",
        "# Контакты\n\nКоманда @belgatoy-school/data-reviewers; пример: `ivanov@example.com`.\n",
        "# Контакты\n\nПишите: ivanova.m@mail.ru.\n",
        3,
        "личные данные: адрес электронной почты",
    ),
    "SNILS": (
        "ru/page.md",
        "# Учитель\n\nСтаж 12 лет, 34 публикации.\n",
        "# Учитель\n\nСНИЛС 112-233-445 95\n",
        3,
        "личные данные: номер СНИЛС",
    ),
    "local phone after «тел.»": (
        "ru/page.md",
        "# Итоги\n\nВ 2025 году учителя 12 345 раз открыли уроки; 15 000 просмотров.\n",
        "# Контакты\n\nСекретарь, тел. 22-1-33.\n",
        3,
        "личные данные: номер телефона",
    ),
    "phone in thin spaces": (
        "ru/page.md",
        "# Итоги\n\n38&thinsp;46&thinsp;52 и 41\u200914\u200917 материалов.\n",
        "# Контакты\n\nМоб. 8&thinsp;928&thinsp;123\u200945\u200967\n",
        3,
        "личные данные: номер телефона",
    ),
    "passport with №": (
        "ru/page.md",
        "# Документы\n\nПриказ № 1493 от 04.08.2023, от 12.10.2025 № 123456.\n",
        "# Документы\n\nПаспорт 4510 № 123456\n",
        3,
        "личные данные: номер паспорта",
    ),
    "name in capitals with a birth date": (
        "ru/page.md",
        "# ПОЛОЖЕНИЕ\n\nПОЛОЖЕНИЕ О СЕТЕВОМ ВЗАИМОДЕЙСТВИИ, утверждено 01.09.2025.\n",
        "# Список\n\nИВАНОВ ИВАН ИВАНОВИЧ 12.03.2014\n",
        3,
        "личные данные: имя с датой рождения",
    ),
    "theme id": (
        "ru/page.md",
        '# Вкладки\n\n=== "Один"\n\n    Текст.\n\n=== "Два"\n\n    Текст.\n',
        '# Текст\n\n<div id="__config">{"search": "x.js"}</div>\n',
        3,
        "небезопасный HTML: id «__config» у <div> — имя элемента темы сайта",
    ),
    "theme id in an attribute list": (
        "ru/page.md",
        "# Текст {#text}\n\nАбзац.\n{: #paragraph }\n",
        "# Текст\n\nАбзац.\n{: #__search }\n",
        4,
        "небезопасный HTML: id «__search» у <p>",
    ),
    "theme id of overrides/": (
        "ru/page.md",
        "# Текст\n\nАбзац.\n",
        '# Текст\n\n<div id="site-a11y">Настройки</div>\n',
        3,
        "id «site-a11y» у <div>",
    ),
    "absolute link": (
        "ru/page.md",
        "# Ссылки\n\n[Наверх](#ссылки), [сайт](https://урок.рф/), [почта](mailto:a@example.com)\n",
        "# Ссылки\n\n[Положение](/policy/)\n",
        3,
        "ссылка от корня сайта «/policy/»: на /ce/ и на сайте проекта GitHub Pages она ведёт "
        "мимо; ссылайтесь относительно, на файл .md",
    ),
    "absolute link in HTML": (
        "ru/page.md",
        '# Ссылки\n\n<a href="#ссылки">Наверх</a>\n',
        '# Ссылки\n\n<a href="/ce/">По-чеченски</a>\n',
        3,
        "ссылка от корня сайта «/ce/»",
    ),
    "script": (
        "ru/page.md",
        "# Пример\n\nНе пишите `<script>` в страницах.\n\n```html\n<script>x()</script>\n```\n",
        "# Пример\n\n<script>alert(1)</script>\n",
        3,
        "небезопасный HTML: <script> в тексте страницы не допускается",
    ),
    "iframe": (
        "ru/page.md",
        "# Видео\n\n[Видео урока](https://www.youtube.com/watch?v=x)\n",
        '# Видео\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n',
        3,
        "небезопасный HTML: <iframe> встраивает чужую страницу",
    ),
    "on attribute": (
        "ru/page.md",
        '# Кнопка\n\n<a href="https://урок.рф/" title="Урок">Урок.РФ</a>\n',
        '# Кнопка\n\n<a href="#" onclick="steal()">Нажмите</a>\n',
        3,
        "небезопасный HTML: атрибут onclick=",
    ),
    "on attribute in an attribute list": (
        "ru/page.md",
        "# Кнопка\n\n[Урок.РФ](https://урок.рф/){ .md-button }\n",
        '# Кнопка\n\n[Урок.РФ](https://урок.рф/){: onmouseover="steal()" }\n',
        3,
        "небезопасный HTML: атрибут onmouseover=",
    ),
    "javascript link": (
        "ru/page.md",
        "# Ссылки\n\n[Инфоурок](https://infourok.ru/)\n",
        "# Ссылки\n\n[Инфоурок](jav&#x09;ascript:alert(1))\n",
        3,
        "небезопасный HTML: ссылка javascript:",
    ),
    "image": (
        "ru/page.md",
        '# Фото\n\n![Кабинет информатики](room.jpg)\n\n<img src="a.png" alt="Схема">\n',
        "# Фото\n\n![](room.jpg)\n",
        3,
        "картинка без описания (alt)",
    ),
    "HTML image": (
        "ru/page.md",
        '# Фото\n\n<img src="a.png" alt="Схема">\n',
        '# Фото\n\n<img src="a.png" alt=" ">\n',
        3,
        "картинка без описания (alt)",
    ),
    "link": (
        "ru/page.md",
        "# Ссылки\n\n[Наверх](#ссылки) и [картинка](room.jpg)\n",
        "# Ссылки\n\n[Положение](policy.md)\n",
        3,
        "ссылка на страницу или файл, которых нет: policy.md",
    ),
    "anchor": (
        "ru/page.md",
        "# Ссылки {#links}\n\n[Наверх](page.md#links)\n",
        "# Ссылки {#links}\n\n[Наверх](page.md#ссылки)\n",
        3,
        "ссылка на якорь, которого нет: page.md#ссылки",
    ),
    "front matter key": (
        "ru/page.md",
        "---\ntitle: Страница\ndescription: О странице.\ndraft: true\n---\n\n# Страница\n",
        "---\ntitle: Страница\ntranslation_reveiw: needed\n---\n\n# Страница\n",
        3,
        "в шапке нет такого ключа «translation_reveiw»",
    ),
    "front matter value": (
        "ce/page.md",
        CE_HEAD + "# АгӀо\n",
        "---\ntranslation_review: done\n---\n\n# АгӀо\n",
        2,
        "шапка, «translation_review»: допустимо только: «needed», «reviewed»",
    ),
    "front matter HTML": (
        "ru/page.md",
        "---\ndescription: Отчёт «за четверть» — кратко.\n---\n\n# Страница\n",
        "---\ndescription: '\"><script>alert(1)</script>'\n---\n\n# Страница\n",
        2,
        "шапка, «description»: здесь нельзя HTML",
    ),
    "front matter text of spaces alone": (
        "ru/page.md",
        "---\ndescription: Отчёт за четверть.\n---\n\n# Страница\n",
        "---\ndescription: '   '\n---\n\n# Страница\n",
        2,
        "шапка, «description»: «   » — не может состоять из одних пробелов",
    ),
    "front matter YAML": (
        "ru/page.md",
        "---\ndraft: false\n---\n\n# Страница\n",
        "---\ntitle: [Страница\n---\n\n# Страница\n",
        2,
        "шапка страницы (front matter): ошибка в записи YAML: не закрыта скобка [ или {",
    ),
    "Chechen page without its review flag": (
        "ce/page.md",
        "---\ntranslation_review: reviewed\nreviewed_by: учитель чеченского языка\n"
        "reviewed_on: 2026-11-01\n---\n\n# АгӀо\n",
        "---\ndraft: true\n---\n\n# АгӀо\n",
        1,
        "у чеченской страницы в шапке должно быть «translation_review: needed»",
    ),
    "heading levels": (
        "ru/page.md",
        "# Страница\n\n## Раздел\n\n### Пункт\n",
        "# Страница\n\n### Пункт\n",
        3,
        "MD001: уровни заголовков идут по одному",
    ),
    "one H1": (
        "ru/page.md",
        "# Страница\n\n## Раздел\n",
        "# Страница\n\n# Ещё страница\n",
        3,
        "MD025: заголовок первого уровня (# …) на странице один",
    ),
    "duplicate sibling headings": (
        "ru/page.md",
        "# Страница\n\n## Инфоурок\n\n### Как начать\n\n## Сферум\n\n### Как начать\n",
        "# Страница\n\n## Как начать\n\n## Как начать\n",
        5,
        "MD024",
    ),
    "palochka": (
        "ce/page.md",
        CE_HEAD + "# Коьрта агӀо\n\n1977ш, XIX-чу бӀешо.\n",
        CE_HEAD + "# Коьрта агӀо\n\nдIагIо\n",
        7,
        "палочка набрана как латинская I",
    ),
}


IMAGES = ("room.jpg", "a.png")


@pytest.mark.parametrize("case", CASES)
def test_clean_text_passes(case: str, tmp_path: Path) -> None:
    page, clean, _, _, _ = CASES[case]
    written = write(tmp_path / "docs" / page, clean)
    for image in IMAGES:  # the images the pages show exist
        picture(written.parent / image)
    result = run_check("docs", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.parametrize("case", CASES)
def test_fault_is_reported_with_file_line_and_kind(case: str, tmp_path: Path) -> None:
    page, _, faulty, line, words = CASES[case]
    write(tmp_path / "docs" / page, faulty)
    result = run_check("docs", cwd=tmp_path)
    assert result.returncode == 1
    assert f"docs/{page}:{line}: " in result.stdout, result.stdout
    assert words in result.stdout, result.stdout
    assert "Traceback" not in result.stderr


def test_personal_data_is_found_in_data_files_too(tmp_path: Path) -> None:
    write(tmp_path / "data" / "teachers.yml", "- name: Учитель\n  phone: 89281234567\n")
    write(tmp_path / "data" / "log.csv", "Дата;Ссылка\n2025-10-01;mailto:a.b@yandex.ru\n")
    result = run_check("data", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "data/log.csv:2: личные данные: адрес электронной почты в 19-м знаке строки "
        "(a***@***.ru): уберите это или внесите в data/checks.yml, если школа публикует это сама",
        "data/teachers.yml:2: личные данные: номер телефона в 10-м знаке строки (*********67): "
        "уберите это или внесите в data/checks.yml, если школа публикует это сама",
    ]


def test_the_report_never_repeats_the_personal_datum(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "ru" / "page.md", "# К\n\n+7 928 123-45-67, ivanova@mail.ru\n")
    output = run_check("docs", cwd=tmp_path).stdout
    assert "123-45-67" not in output
    assert "ivanova" not in output


def test_numbers_in_web_addresses_are_not_phones() -> None:
    line = "[Материал](https://infourok.ru/material-89281234567.html)"
    assert list(find(line)) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("+7 (928) 123-45-67", Kind.PHONE),
        ("8-928-123-45-67", Kind.PHONE),
        ("(928) 123-45-67", Kind.PHONE),
        ("+49 30 1234567", Kind.PHONE),
        ("112-233-445 95", Kind.SNILS),
        ("11223344595", Kind.SNILS),
        ("11223344596", None),  # wrong check sum: some other number
        ("2024 2025 2026", None),
        ("1022001234567", None),
    ],
)
def test_numbers_are_told_apart(text: str, kind: Kind | None) -> None:
    assert classify(text) == kind


def test_snils_check_sum_follows_the_pension_fund_rule() -> None:
    # 1·9 + 1·8 + 2·7 + 2·6 + 3·5 + 3·4 + 4·3 + 4·2 + 5·1 = 95
    assert snils_checks("11223344595")
    # 9·9 + 2·8 + 1·4 = 101, which gives 00
    assert snils_checks("92000100000")
    # 9·(9 + 8 + … + 1) = 405, and 405 mod 101 = 1
    assert snils_checks("99999999901")
    assert not snils_checks("1122334459")  # ten digits


def test_public_contacts_on_the_allow_list_pass() -> None:
    contacts = PublicContacts(
        phones=frozenset({"9281234567"}), emails=frozenset({"school@edu95.ru"})
    )
    line = "Школа: 8 (928) 123-45-67, School@edu95.ru; учитель: +7 928 765-43-21"
    assert [found.kind for found in find(line, contacts)] == [Kind.PHONE]


def test_every_iframe_is_unsafe_even_from_the_site_itself(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "ru" / "page.md", '# В\n\n<iframe src="/network/x.html"></iframe>\n')
    result = run_check("docs", cwd=tmp_path)
    assert "docs/ru/page.md:3: небезопасный HTML: <iframe>" in result.stdout


def test_an_absolute_link_is_told_with_the_relative_one_to_write(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "ru" / "policy.md", "# Положение\n\n## Участники {#members}\n")
    write(
        tmp_path / "docs" / "ru" / "platforms" / "sferum.md",
        "# Сферум\n\n[Кто](/policy/#members)\n",
    )
    result = run_check("docs", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "docs/ru/platforms/sferum.md:3: ссылка от корня сайта «/policy/#members»: на /ce/ и на "
        "сайте проекта GitHub Pages она ведёт мимо; ссылайтесь относительно, на файл .md, "
        "например ../policy.md#members"
    ]


# --- Files beside the pages: what docs/ may publish, by type ---------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n{}\n</svg>\n'
# name → (content, line, what `make check` says)
REFUSED_FILES: dict[str, tuple[bytes, int, str]] = {
    "script.svg": (SVG.format("<script>alert(1)</script>").encode(), 2, "<script> в SVG"),
    "handler.svg": (
        SVG.format('<rect width="10" height="10" onclick="alert(1)"/>').encode(),
        2,
        "атрибут onclick= у <rect> в SVG запускает скрипт",
    ),
    "outside.svg": (
        SVG.format('<use href="https://evil.example.org/s.svg#x"/>').encode(),
        2,
        "href= у <use> в SVG ссылается на «https://evil.example.org/s.svg#x»",
    ),
    "style-import.svg": (
        SVG.format("<style>@import url(https://evil.example.org/x.css);</style>").encode(),
        2,
        "url(…) в SVG ссылается не на #элемент этого же файла",
    ),
    "entities.svg": (
        b'<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        1,
        "SVG с <!DOCTYPE> или <!ENTITY> не допускается",
    ),
    "page.html": (b"<p>Hi</p>", 1, "HTML-файл публиковался бы как есть"),
    "pupils.xlsx": (b"PK\x03\x04", 1, "документ «.xlsx» не публикуется"),
    "order.docx": (b"PK\x03\x04", 1, "документ «.docx» не публикуется"),
    "scan.pdf": (b"%PDF-1.4\n", 1, "PDF не публикуется"),
    "notes.txt": (b"text", 1, "файлы «.txt» сайт не публикует"),
    "fake.png": (b"<svg onload=alert(1)>", 1, "картинка не читается как PNG"),
}


@pytest.mark.parametrize("name", REFUSED_FILES)
def test_a_file_the_site_does_not_publish_is_named(name: str, tmp_path: Path) -> None:
    data, line, words = REFUSED_FILES[name]
    path = tmp_path / "docs" / "ru" / "files" / name
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    result = run_check("docs", cwd=tmp_path)
    assert result.returncode == 1
    (told,) = result.stdout.splitlines()
    assert told.startswith(f"docs/ru/files/{name}:{line}: {words}"), told
    assert "Traceback" not in result.stderr


def test_a_photo_with_its_place_is_refused_and_clean_pictures_pass(tmp_path: Path) -> None:
    files = tmp_path / "docs" / "ce" / "files"
    for name in ("photo.jpg", "chart.png", "icon.webp", "anim.gif"):
        picture(files / name)
    picture(files / "phone-photo.jpeg", place=True)
    write(files / "chart.svg", SVG.format('<rect width="10" height="10" fill="url(#g)"/>'))
    result = run_check("docs", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "docs/ce/files/phone-photo.jpeg:1: в снимке записано место съёмки (GPS): удалите из "
        "файла метаданные (геолокацию) и добавьте его снова"
    ]


def test_a_drawings_text_is_read_for_personal_data(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "ru" / "t.svg", SVG.format("<text>тел. 22-1-33</text>"))
    result = run_check("docs/ru/t.svg", cwd=tmp_path)
    assert "docs/ru/t.svg:2: личные данные: номер телефона" in result.stdout, result.stdout
