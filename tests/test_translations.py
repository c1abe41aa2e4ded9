"""Translation status by git history: `make translations`, the status page and
the notice on an outdated Chechen page. Real git repositories, real builds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

import translations
from support.commands import run_main, run_program
from support.git import commit_all, git
from support.project import build_copy
from support.site import NEWS_PAGES, PAGES, BuiltSite, text_of


def edit(path: Path, line: str) -> None:
    path.write_text(path.read_text("utf-8") + f"\n{line}\n", "utf-8")


def status_lines(project: Path) -> list[str]:
    result = run_main(translations.main, "--project", project)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with three pages: one translated, one not, one to be changed."""
    project = tmp_path / "repo"
    for name in ("ru/a.md", "ce/a.md", "ru/b.md", "ru/c.md", "ce/c.md"):
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {name}\n", "utf-8")
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "pages")
    return project


def test_each_page_is_translated_missing_or_outdated(repo: Path) -> None:
    edit(repo / "docs" / "ru" / "c.md", "Новый абзац.")
    commit_all(repo, "Russian page changed")
    lines = status_lines(repo)
    assert lines[:4] == [
        "переведена     docs/ce/a.md",
        "не переведена  docs/ce/b.md",
        "устарела       docs/ce/c.md",
        "Из 3 страниц: переведено 1, устарело 1, не переведено 1, неизвестно 0",
    ]
    # The pages here hold no Chechen words (their headings are file names).
    assert lines[4] == (
        "Проверено носителем языка: блоков страниц 0/0, строк интерфейса 0/0, "
        "подписей 0/0, терминов 0/0"
    )


def test_changing_the_chechen_page_brings_it_up_to_date(repo: Path) -> None:
    edit(repo / "docs" / "ru" / "c.md", "Новый абзац.")
    commit_all(repo, "Russian page changed")
    edit(repo / "docs" / "ce" / "c.md", "Керла абзац.")
    commit_all(repo, "Chechen page follows")
    assert "переведена     docs/ce/c.md" in status_lines(repo)


def test_uncommitted_russian_change_counts_as_newest(repo: Path) -> None:
    edit(repo / "docs" / "ru" / "a.md", "Правка, ещё не в истории.")
    assert "устарела       docs/ce/a.md" in status_lines(repo)


def test_a_change_on_another_branch_is_not_taken_as_seen(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "translation")
    edit(repo / "docs" / "ce" / "a.md", "Гочдар.")
    commit_all(repo, "translation, later in time")
    git(repo, "checkout", "-q", "main")
    edit(repo / "docs" / "ru" / "a.md", "Правка.")
    commit_all(repo, "Russian change the translation never saw")
    git(repo, "merge", "-q", "--no-edit", "translation")
    assert "устарела       docs/ce/a.md" in status_lines(repo)


def test_shallow_clone_says_unknown(repo: Path, tmp_path: Path) -> None:
    edit(repo / "docs" / "ru" / "c.md", "Новый абзац.")
    commit_all(repo, "Russian page changed")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    lines = status_lines(clone)
    assert lines[:3] == [
        "неизвестно     docs/ce/a.md",
        "не переведена  docs/ce/b.md",
        "неизвестно     docs/ce/c.md",
    ]
    assert "git fetch --unshallow" in lines[-1]


def test_no_git_history_says_unknown(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(repo / "docs", copy / "docs")
    # As a person runs it: its own program, which prints no traceback.
    result = run_program("translations.py", "--project", copy)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "неизвестно     docs/ce/a.md"


LONG_PARAGRAPH = "Термин и его перевод. " * 200


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site in a git repository where /ce/policy/ fell behind its
    Russian original and /ce/glossary/ is not translated."""

    def change(project: Path) -> None:
        git(project, "init", "-q", "-b", "main")
        commit_all(project, "the site")
        edit(project / "docs" / "ru" / "policy.md", "Новый пункт положения.")
        edit(project / "docs" / "ru" / "glossary.md", LONG_PARAGRAPH)
        (project / "docs" / "ce" / "glossary.md").unlink()
        commit_all(project, "policy changed, glossary translation dropped")

    return build_copy(tmp_path_factory, "history", change)


def test_outdated_page_says_so_and_links_to_the_original(history_site: BuiltSite) -> None:
    here = history_site.absolute("ce/policy/")
    notice = history_site.html("ce/policy/").select_one(".site-notice--outdated")
    assert notice is not None
    paragraphs = {p["lang"]: text_of(p) for p in notice.select("p[lang]")}
    assert "изменился после перевода" in paragraphs["ru"]
    assert "хийцина" in paragraphs["ce"]
    for link in notice.select("a"):
        assert urljoin(here, link["href"]) == history_site.absolute("policy/")


def test_up_to_date_pages_carry_no_outdated_notice(history_site: BuiltSite) -> None:
    for path in ("ce/platforms/", "policy/", "ce/glossary/"):
        assert history_site.html(path).select_one(".site-notice--outdated") is None, path


# Every page people write, news posts too, and no generated one (term reports).
TOTAL = len(PAGES) + len(NEWS_PAGES)


@pytest.mark.parametrize(
    ("path", "counts", "outdated", "missing"),
    [
        ("contributing/translations/",
         f"Переведено {TOTAL - 2} из {TOTAL}; устарело 1; не переведено 1.",
         "русский текст изменился после перевода", "ещё не переведена"),
        ("ce/contributing/translations/",
         f"{TOTAL} агӀонах гочйина {TOTAL - 2}; тиша хилла 1; гочйина яц 1.",
         "гочдинчул тӀаьхьа оьрсийн йоза хийцина", "хӀинца а гочйина яц"),
    ],
)  # fmt: skip
def test_status_page_counts_and_lists_every_page(
    history_site: BuiltSite, path: str, counts: str, outdated: str, missing: str
) -> None:
    page = history_site.html(path)
    assert counts in text_of(page)
    rows = {
        urljoin(history_site.absolute(path), row.a["href"]): text_of(row.find_all("td")[1])
        for row in page.select("table")[0].select("tbody tr")  # the pages; then other texts
    }
    root = history_site.absolute(path.removesuffix("contributing/translations/"))
    assert rows[root + "policy/"] == outdated
    assert rows[root + "glossary/"] == missing
    assert rows[root + "platforms/sferum/"] != outdated
    assert len(rows) == TOTAL


def test_long_untranslated_page_gets_an_empty_new_file(history_site: BuiltSite) -> None:
    """GitHub refuses very long addresses: the Russian text is left out."""
    button = history_site.html("ce/glossary/").select_one('a.md-content__button[rel="edit"]')
    query = parse_qs(urlsplit(button["href"]).query)
    assert query["filename"] == ["glossary.md"]
    assert query["value"] == ["---\ntranslation_review: needed\n---\n\n"]
