"""Finish a built site: the steps MkDocs and its plugins leave to us.

First the files of docs/ that are not pages are held to the policy by file
type (published_files): what it refuses leaves the site. Then one pass
reads every page once: it repairs the markup, cleans the page's
text (sanitise), checks the theme's markup around it, adds the page's
Content-Security-Policy (csp), and notes the link-preview card and the PDF
each page asks for; the pass may be shared by several processes, each
taking a run of the pages. Meanwhile the search indexes, feeds and
calendars are written; then the cards are drawn, the PDFs printed, and
the privacy gate has read everything published. What the cleaning removed and
what the gate found come back as problems, FILE:LINE: pointing at the
Markdown source; the build fails on any (sitebuild/build.py).
The preview (`make serve`) leaves out cards and PDFs, which take seconds
and which a page edit does not change.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from common import site_config
from common.atomic import write_text
from common.personal_data import PublicContacts, find
from common.problem import Problem
from common.processes import Forked, portable
from common.site_config import LANGS
from common.words import load as load_words
from common.words import message
from community import events, news
from postbuild import (
    calendars,
    cards,
    csp,
    feeds,
    html_fixes,
    minify,
    pdfs,
    privacy_gate,
    published_files,
    sanitise,
    search_index,
)
from postbuild import news as news_pages
from postbuild.page_sources import PageSources
from postbuild.sitemap import Sitemap


def finish(
    site: Path,
    pdf: bool,
    project: Path,
    cards_too: bool = True,
    workers: int = 1,
    finished: Sequence[Finished] = (),
) -> list[Problem]:
    """Finish `site`, built from `project`; return what its gates found.

    With `workers` > 1 processors, `workers` - 1 child processes (forked:
    see common/processes.py) share the pass over the pages, each taking a
    run of them, while this process writes the search indexes, the feeds
    and the calendars and reads them for the privacy gate. `finished` are the
    languages whose pages the process that built them has finished already
    (finish_language). What the runs found is taken in the site's order of
    pages, so the site and the problems are those of one pass, and so is a
    failure: that of the step, then of the page, that comes first."""
    # Files of docs/ the policy refuses leave the site before anything reads it.
    problems = published_files.gate(site, project)
    problems += [problem for one in finished for problem in one.refused]
    sitemap = Sitemap.read(site)
    sources = PageSources(project)
    words = load_words(project)
    archive = news.load(project)
    roots = {lang: sitemap.root(lang) for lang in LANGS}
    done = {one.lang for one in finished}
    left = {lang: root for lang, root in roots.items() if lang not in done}
    news_pages.decorate_all(site, archive, words, left)  # before their pages' pass
    for one in finished:
        if one.unready is not None:
            raise one.unready
    finishing = page_pass(site, project, sitemap.site_url, pdf, cards_too)
    ready = {page for one in finished for passed in one.passes for page in passed.pages}
    pages = sorted(path for path in site.rglob("*.html") if _name(site, path) not in ready)
    gate = privacy_gate.Gate(finishing.contacts)
    # This process has work of its own meanwhile: one processor is its.
    with _Runs(finishing, pages, workers - 1) as runs:
        problems += [
            _problem(sources, page, removal)
            for page, removal in search_index.split(site, sitemap, sanitise.clean_search_text)
        ]
        feeds.write_all(site, sitemap.site_url, archive, words, site_config.load(project), roots)
        calendars.write_all(site, sitemap.site_url, events.load(project), words, roots)
        try:  # read while the pages are being finished
            but = {*pages, *(site / page for page in ready)}
            gate.files(site, _published(site, but=but))
            unread = None
        except Exception as err:  # told after the pages' failure, which comes first
            unread = err
        passes = [passed for one in finished for passed in one.passes] + runs.results()
    failures = [passed.failed for passed in passes if passed.failed is not None]
    if failures:
        raise min(failures, key=lambda failed: _order(failed[0]))[1]
    if unread is not None:
        raise unread
    for passed in passes:
        problems += passed.problems
    gate.take([passed.read for passed in passes])
    wanted_cards: dict[str, str] = {}
    for _, path, alt in sorted(
        (card for passed in passes for card in passed.cards), key=lambda card: _order(card[0])
    ):
        wanted_cards.setdefault(path, alt)
    cards.draw_all(site, wanted_cards)
    prints = {site / page: site / target for passed in passes for page, target in passed.prints}
    pdfs.print_all(prints, site, sitemap.site_url)
    write_cname(site, sitemap.site_url)
    minify.minify(site)
    gate.files(site, [path for path in privacy_gate.published(site) if path.suffix == ".pdf"])
    leaks = gate.leaks
    on_pages = {leak.found.key for leak in leaks if leak.path.endswith(".html")}
    for leak in leaks:
        # A datum on a page is in its search entry and its PDF too: the
        # page's problem tells it.
        if leak.path.endswith(".html") or leak.found.key not in on_pages:
            problems.append(_leak_problem(sources, leak))
    return sorted(set(problems))


@dataclass
class Finished:
    """A language's pages, finished by the process that built them, in a
    folder of their own (sitebuild/languages.py), as finish would: the files
    of docs/ the policy refused there (taken out), what its pass found, or
    why its pages could not be readied for it."""

    lang: str
    passes: list[Passed]
    refused: list[Problem] = field(default_factory=list)
    unready: BaseException | None = None


def finish_language(
    folder: Path, lang: str, project: Path, pdf: bool, workers: int = 1
) -> Finished:
    """The pages of `lang`'s build in `folder`: the files the policy refuses
    taken out, its news pages decorated, then the pass over every page
    there, in `workers` runs side by side. What fails is kept, to be told
    where one finish would have told it."""
    refused: list[Problem] = []
    try:
        refused = published_files.gate(folder, project)
        sitemap = Sitemap.read(folder)
        roots = {lang: sitemap.root(lang)}
        news_pages.decorate_all(folder, news.load(project), load_words(project), roots)
        finishing = page_pass(folder, project, sitemap.site_url, pdf, cards_too=True)
    except Exception as err:
        return Finished(lang, [], refused, portable(err))
    # Forked even where other languages' processes hold the processors: this
    # pass then ends sooner, which the whole build waits for (measured).
    with _Runs(finishing, sorted(folder.rglob("*.html")), workers if workers > 1 else 0) as runs:
        return Finished(lang, runs.results(), refused)


def page_pass(site: Path, project: Path, site_url: str, pdf: bool, cards_too: bool) -> PagePass:
    """The pass over the pages of `site`, built from `project`."""
    theme_scripts = sanitise.inline_scripts(
        path.read_text("utf-8") for path in sorted((project / "overrides").rglob("*.html"))
    )
    contacts = PublicContacts.load(project / "data")
    return PagePass(site, PageSources(project), contacts, theme_scripts, site_url, pdf, cards_too)


def _name(site: Path, page: Path) -> str:
    return page.relative_to(site).as_posix()


def _order(page: str) -> tuple[str, ...]:
    """A page's place in the site's order (that of sorted paths)."""
    return tuple(page.split("/"))


def _published(site: Path, but: set[Path]) -> list[Path]:
    """The published files the gate reads besides the pages (`but`), and
    besides the PDFs, which are printed later."""
    return [
        path for path in privacy_gate.published(site) if path.suffix != ".pdf" and path not in but
    ]


@dataclass
class Passed:
    """What a pass over a run of pages found, for `finish` to take in the
    site's order: the pages passed, the cleaning's and the theme check's
    problems, what the privacy gate read, the cards wanted (page, image
    path, alt text), the PDFs to print (page, PDF), all relative to the
    site; and the page the pass stopped at, with why."""

    pages: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    read: privacy_gate.PagesRead = field(default_factory=privacy_gate.PagesRead)
    cards: list[tuple[str, str, str]] = field(default_factory=list)
    prints: list[tuple[str, str]] = field(default_factory=list)
    failed: tuple[str, BaseException] | None = None


@dataclass(frozen=True)
class PagePass:
    """The pass over built pages: each is read once, its markup repaired,
    its text cleaned (sanitise), the theme's markup around it checked, its
    Content-Security-Policy added (csp), the page rewritten in place, read
    for the privacy gate, and the card and PDF it asks for noted."""

    site: Path
    sources: PageSources
    contacts: PublicContacts
    theme_scripts: frozenset[str]
    site_url: str
    pdf: bool
    cards_too: bool

    def run(self, pages: list[Path]) -> Passed:
        """The pass over `pages`, in their order; it stops at the first
        page that fails, as one pass over every page would."""
        passed = Passed()
        reader = privacy_gate.PageReader(self.contacts)
        for page in pages:
            name = _name(self.site, page)
            try:
                self._page(page, name, passed, reader)
            except Exception as err:
                passed.failed = (name, portable(err))
                break
            passed.pages.append(name)
        passed.read = reader.read
        return passed

    def _page(self, page: Path, name: str, passed: Passed, reader: privacy_gate.PageReader) -> None:
        html = page.read_text("utf-8")
        fixed, removals, dangers, texts = _finished_page(html, self.theme_scripts)
        passed.problems += [_problem(self.sources, name, removal) for removal in removals]
        for danger in dangers:
            source = self.sources.source_of(name)
            passed.problems.append(
                Problem(str(source), 1, message("theme_markup", page=name, danger=danger))
            )
        if fixed != html:
            page.write_text(fixed, "utf-8")  # build output, rewritten in place
        reader.page(name, fixed, texts)
        if self.cards_too and (card := cards.card_of(fixed, self.site_url)):
            passed.cards.append((name, *card))
        if self.pdf and (target := pdfs.pdf_of(page, fixed)):
            passed.prints.append((name, _name(self.site, target)))


@functools.lru_cache(maxsize=4096)
def _finished_page(
    html: str, theme_scripts: frozenset[str]
) -> tuple[str, tuple[sanitise.Removal, ...], tuple[str, ...], tuple[str, ...]]:
    """A built page as the pass leaves it (markup repaired, text cleaned,
    its Content-Security-Policy added), what the cleaning removed, what the
    theme check found and the cleaned text regions. All of it follows from
    the page alone: the preview, which builds the site again after each
    edit, does it again only for the pages that came out different."""
    fixed, removals, texts = sanitise.sanitise_page(html_fixes.fix(html))
    dangers = tuple(sanitise.theme_problems(fixed, theme_scripts))
    return csp.add_policy(fixed), tuple(removals), dangers, tuple(texts)


class _Runs:
    """The pass over `pages` in `forks` runs, each in a child process
    started on entering; with none, run here when asked for."""

    def __init__(self, finishing: PagePass, pages: list[Path], forks: int) -> None:
        self.finishing = finishing
        self.pages = pages
        self.forks = forks
        self.children: list[Forked[Passed]] = []

    def __enter__(self) -> _Runs:
        if self.forks > 0:
            size = max(-(-len(self.pages) // self.forks), 1)  # rounded up: none left over
            runs = [self.pages[start : start + size] for start in range(0, len(self.pages), size)]
            name = message("process_pages")
            self.children = [
                Forked(functools.partial(self.finishing.run, run), name) for run in runs
            ]
        return self

    def results(self) -> list[Passed]:
        """What each run found, in order."""
        if self.forks <= 0:
            return [self.finishing.run(self.pages)]
        return [child.result() for child in self.children]

    def __exit__(self, *exc: object) -> None:
        for child in self.children:
            child.stop()  # when one failed: the others are not waited for


def _problem(sources: PageSources, page: str, removal: sanitise.Removal) -> Problem:
    source, line = sources.locate_clues(page, removal.clues)
    told = message("unsafe_html", what=removal.what)
    return Problem(str(source), line, message("removed_from", problem=told, page=page))


def _leak_problem(sources: PageSources, leak: privacy_gate.Leak) -> Problem:
    what = message("leak", path=leak.path, kind=leak.found.kind.ru, masked=leak.found.masked)
    folder = leak.path.rpartition("/")[0]
    page = leak.path if leak.path.endswith(".html") else f"{folder}/index.html".lstrip("/")
    if leak.path.endswith((".html", ".pdf")):  # a page, or a page's PDF beside it
        key = leak.found.key
        source, line = sources.locate(
            page, lambda text: any(found.key == key for found in find(text))
        )
        return Problem(str(source), line, what)
    return Problem(leak.path, 1, what)


def write_cname(site: Path, site_url: str) -> None:
    """Name the custom domain in CNAME when the site sits at a domain's root.

    A GitHub project-pages address (*.github.io/…) needs no CNAME, nor does
    a local preview. Deploying through GitHub Actions, the domain is also set
    in the repository's Pages settings; the file keeps the two in step and
    serves a branch-based deployment too.
    """
    url = urlsplit(site_url)
    host = url.hostname or ""
    cname = site / "CNAME"
    if url.path in ("", "/") and _is_domain(host) and not host.endswith(".github.io"):
        write_text(cname, host + "\n")
    else:
        cname.unlink(missing_ok=True)


def _is_domain(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return "." in host
    return False
