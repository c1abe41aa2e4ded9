"""News: posts from docs/<lang>/news/, lists, neighbours, feeds, the command."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest

from common.site_config import LANGS, ROOT
from community import news
from support.checks import run_check, write
from support.commands import run_program
from support.project import build_copy, copy_project
from support.site import BuiltSite, address, text_of

ATOM = {"a": "http://www.w3.org/2005/Atom"}
POSTS = news.load(ROOT)
# A Chechen post the copy below loses: its Russian one must stand in.
UNTRANSLATED = POSTS.of("ru")[1].stem


def list_links(page) -> list[str]:
    """The posts a list page links, in order: its items' headings."""
    return [a["href"] for a in page.select(".site-news-item :is(h2, h3) > a:not(.headerlink)")]


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site with 24 posts (three pages of the list) and one Chechen post missing."""

    def change(project: Path) -> None:
        for n in range(21):
            news.new_post(project, f"Новость номер {n}", date(2026, 1, 1 + n))
        (project / "docs" / "ce" / "news" / f"{UNTRANSLATED}.md").unlink()

    return build_copy(tmp_path_factory, "many-news", change)


@pytest.mark.parametrize("lang", LANGS)
def test_news_index_lists_the_posts_newest_first(site: BuiltSite, lang: str) -> None:
    page = site.html(address(lang, "news/"))
    hrefs = list_links(page)
    assert hrefs == [f"{post.stem}/" for post in POSTS.of(lang)]
    days = [t["datetime"] for t in page.select(".site-news-item time")]
    assert days == sorted(days, reverse=True)
    summaries = [text_of(p) for p in page.select(".site-news-item > p:not(.site-news-meta)")]
    assert summaries == [post.summary for post in POSTS.of(lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_shows_the_latest_three(site: BuiltSite, lang: str) -> None:
    home = site.html(address(lang, ""))
    assert list_links(home) == [f"news/{post.stem}/" for post in POSTS.of(lang)[:3]]
    assert home.select_one('#news ~ p a[href="news/"]') is not None


def test_the_list_is_paginated_at_ten(many: BuiltSite) -> None:
    stems = [post.stem for post in news.load(ROOT).of("ru")]  # the real three
    first = list_links(many.html("news/"))
    second = list_links(many.html("news/page/2/"))
    third = list_links(many.html("news/page/3/"))
    assert [len(first), len(second), len(third)] == [10, 10, 4]
    everything = [h.removeprefix("../").rstrip("/") for h in first + second + third]
    assert everything == sorted(everything, reverse=True)
    assert set(stems) <= set(everything)
    assert not many.file("news/page/4/").exists()
    # Each page links the pages beside it, and the links lead there.
    for path, expected in (("news/", {"page/2/"}), ("news/page/2/", {"../../", "../3/"})):
        links = {a["href"] for a in many.html(path).select("nav.site-pager a")}
        assert links == expected
        for href in links:
            target = urljoin(many.absolute(path), href).removeprefix(many.url)
            assert many.file(target).exists()


def test_each_post_links_its_neighbours(many: BuiltSite) -> None:
    stems = [a.rstrip("/") for a in list_links(many.html("news/"))]
    middle = stems[1]
    pager = many.html(f"news/{middle}/").select_one("nav.site-pager--posts")
    assert pager is not None
    older = pager.select_one('a[rel="prev"]')["href"]
    newer = pager.select_one('a[rel="next"]')["href"]
    assert (older, newer) == (f"../{stems[2]}/", f"../{stems[0]}/")
    newest = many.html(f"news/{stems[0]}/").select_one("nav.site-pager--posts")
    assert newest.select_one('a[rel="next"]') is None
    assert newest.select_one('a[href="../"]') is not None


def test_post_shows_its_date_topics_and_example_mark(site: BuiltSite) -> None:
    for post in POSTS.of("ru"):
        page = site.html(f"news/{post.stem}/")
        meta = page.select_one("article .site-news-meta")
        assert meta.find("time")["datetime"] == post.day.isoformat()
        assert (page.select_one(".site-notice--example") is not None) == post.example
    example = next(post for post in POSTS.of("ce") if post.example)
    ce = site.html(f"ce/news/{example.stem}/")
    assert "ноябрь" in text_of(ce.select_one(".site-news-meta"))
    assert "масал" in text_of(ce.select_one(".site-notice--example")).casefold()


def test_missing_chechen_post_shows_the_russian_one(many: BuiltSite) -> None:
    page = many.html(f"ce/news/{UNTRANSLATED}/")
    assert page.select_one(".site-notice--fallback") is not None
    assert page.find("h1").find_parent(attrs={"lang": True})["lang"] == "ru"
    # The Chechen list names it, marked as Russian text.
    item = next(
        a
        for a in many.html("ce/news/").select(".site-news-item h2 > a:not(.headerlink)")
        if UNTRANSLATED in a["href"]
    )
    assert item.select_one('span[lang="ru"]') is not None
    assert "оьрсийн маттахь" in text_of(item.parent)
    assert page.select_one("nav.site-pager--posts")["lang"] == "ce"


@pytest.mark.parametrize("built", ["site", "domain_site"])
@pytest.mark.parametrize("lang", LANGS)
def test_feed_is_atom_with_absolute_addresses(
    request: pytest.FixtureRequest, built: str, lang: str
) -> None:
    site: BuiltSite = request.getfixturevalue(built)
    root = ET.parse(site.file(address(lang, "news/feed.xml"))).getroot()
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("a:id", "a:title", "a:updated", "a:author/a:name"):
        assert (root.findtext(required, namespaces=ATOM) or "").strip(), required
    self_link = root.find("a:link[@rel='self']", ATOM).get("href")
    assert self_link == site.absolute(address(lang, "news/feed.xml"))
    entries = root.findall("a:entry", ATOM)
    assert [e.findtext("a:title", namespaces=ATOM) for e in entries] == [
        post.title for post in POSTS.of(lang)
    ]
    for entry in entries:
        for required in ("a:id", "a:title", "a:updated", "a:summary"):
            assert (entry.findtext(required, namespaces=ATOM) or "").strip(), required
        link = entry.find("a:link", ATOM).get("href")
        assert link.startswith(site.url + address(lang, "news/"))
        assert site.file(link.removeprefix(site.url)).exists()
    icon = root.findtext("a:icon", namespaces=ATOM) or ""
    assert icon.startswith(site.url) and site.file(icon.removeprefix(site.url)).exists()


@pytest.mark.parametrize("path", ["", "policy/", "ce/", "ce/platforms/sferum/", "news/"])
def test_every_page_links_its_language_feed(site: BuiltSite, path: str) -> None:
    link = site.html(path).select_one('head link[rel="alternate"][type="application/atom+xml"]')
    target = urljoin(site.absolute(path), link["href"]).removeprefix(site.url)
    lang = "ce" if path.startswith("ce/") else "ru"
    assert target == address(lang, "news/feed.xml")
    assert site.file(target).exists()


def test_a_new_post_is_refused_by_check_until_its_placeholders_are_replaced(
    tmp_path: Path,
) -> None:
    """`news.py new` writes both files with their front matter, and marks
    where a person writes: `make check` refuses the unedited post in both
    languages, the Chechen one (which holds the Russian title) included."""
    project = copy_project(tmp_path / "project")
    command = [sys.executable, str(ROOT / "scripts" / "news.py"), "new", "Итоги первой четверти!"]
    command += ["--date", "2026-11-25", "--project", str(project)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "переведите" in result.stdout.casefold() or "на перевод" in result.stdout
    assert "удалите" in result.stdout and "make check" in result.stdout
    stem = "2026-11-25-itogi-pervoy-chetverti"
    paths = {lang: project / "docs" / lang / "news" / f"{stem}.md" for lang in LANGS}
    for lang, path in paths.items():
        post = news.read_post(path, lang, news.load_tags(project), shown=str(path))
        assert post.day == date(2026, 11, 25)
    assert news.load(project).of("ce")[0].stem == stem
    checked = run_check("docs", cwd=project)
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    ru, ce = f"docs/ru/news/{stem}.md", f"docs/ce/news/{stem}.md"
    # The Russian summary and text; the Chechen title, summary and text.
    where = [line.split(": ")[0] for line in lines]
    assert where == [f"{ce}:3", f"{ce}:4", f"{ce}:9", f"{ru}:4", f"{ru}:8"], lines
    assert all("[ПЕРЕВЕДИТЕ: …]" in line and "удалите этот файл" in line for line in lines[:3])
    assert all("[ЗАМЕНИТЕ: …]" in line for line in lines[3:])
    # A summary left as written is refused although the rest is done.
    ru_text = paths["ru"].read_text("utf-8")
    body_placeholder = ru_text.rstrip("\n").splitlines()[-1]
    paths["ru"].write_text(ru_text.replace(body_placeholder, "Четверть закончилась."), "utf-8")
    paths["ce"].unlink()  # not translated yet: the site shows the Russian post
    checked = run_check("docs", cwd=project)
    assert checked.returncode == 1
    assert [line.split(": ")[0] for line in checked.stdout.splitlines()] == [f"{ru}:4"]
    text = paths["ru"].read_text("utf-8").splitlines()
    text[3] = "summary: Итоги четверти сообщества."
    paths["ru"].write_text("\n".join(text) + "\n", "utf-8")
    checked = run_check("docs", cwd=project)
    assert checked.returncode == 0, checked.stdout
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 1 and "уже есть" in again.stdout
    assert "Traceback" not in again.stderr


@pytest.mark.parametrize("title", ["", "   ", "Ж" * (news.MAX_TITLE + 1)])
def test_news_refuses_an_empty_or_overlong_title(tmp_path: Path, title: str) -> None:
    project = copy_project(tmp_path / "project")
    result = run_program("news.py", "new", title, "--project", project)
    assert result.returncode == 2
    assert "заголовок" in result.stderr.splitlines()[-1]
    assert not list((project / "docs" / "ru" / "news").glob("2*-novost*.md"))
    assert not list((project / "docs" / "ru" / "news").glob("2*-zh*.md"))


def test_commands_refuse_a_folder_that_is_not_the_project(tmp_path: Path) -> None:
    """news.py creates nothing and check_content.py checks nothing outside a
    project: both say so (mkdocs.yml and docs/ are missing)."""
    news_run = run_program("news.py", "new", "Заголовок", "--project", tmp_path)
    check_run = run_program("check_content.py", "--project", tmp_path)
    for result in (news_run, check_run):
        assert result.returncode == 2
        assert f"«{tmp_path}» — не папка проекта сайта" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("2026-11-25-x.md", "date: 2026-11-24\ntitle: T\nsummary: S", ":2: дата 2026-11-24"),
        (
            "2026-11-25-x.md",
            "date: 2026-11-25\ntitle: T\nsummary: S\ntags: [nope]",
            ":5: нет метки",
        ),
        (
            "2026-11-25-x.md",
            "date: 2026-11-25\nsummary: S",
            ":1: в начале файла нужно поле «title:»",
        ),
        ("novost.md", "date: 2026-11-25\ntitle: T\nsummary: S", ":1: имя файла новости"),
    ],
)
def test_a_wrong_post_is_named_by_line(tmp_path: Path, name: str, head: str, expected: str) -> None:
    project = copy_project(tmp_path / "project")
    write(project / "docs" / "ru" / "news" / name, f"---\n{head}\n---\n\nТекст.\n")
    result = run_check("docs/ru/news", cwd=project)
    assert result.returncode == 1
    assert f"docs/ru/news/{name}{expected}" in result.stdout
