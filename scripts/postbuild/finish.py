"""Finish a built site: the steps MkDocs and its plugins leave to us.

One pass reads every page once: it repairs the markup, cleans the page's
text (sanitise), checks the theme's markup around it, adds the page's
Content-Security-Policy (csp), and notes the link-preview card and the PDF
each page asks for; then the cards are drawn, the PDFs printed, and the
privacy gate reads everything published. What the cleaning removed and
what the gate found come back as problems, FILE:LINE: pointing at the
Markdown source; the build fails on any (sitebuild/build.py).
The preview (`make serve`) leaves out cards and PDFs, which take seconds
and which a page edit does not change.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from common import site_config
from common.atomic import write_text
from common.personal_data import PublicContacts, find
from common.problem import Problem
from common.site_config import LANGS
from common.words import load as load_words
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
    sanitise,
    search_index,
)
from postbuild import news as news_pages
from postbuild.page_sources import PageSources
from postbuild.sitemap import Sitemap


def finish(site: Path, pdf: bool, project: Path, cards_too: bool = True) -> list[Problem]:
    """Finish `site`, built from `project`; return what its gates found."""
    sitemap = Sitemap.read(site)
    sources = PageSources(project)
    problems = [
        _problem(sources, page, removal)
        for page, removal in search_index.split(site, sitemap, sanitise.clean_search_text)
    ]
    _community(site, sitemap, project)
    theme_scripts = sanitise.inline_scripts(
        path.read_text("utf-8") for path in sorted((project / "overrides").rglob("*.html"))
    )
    wanted_cards: dict[str, str] = {}
    prints: dict[Path, Path] = {}
    gate = privacy_gate.Gate(PublicContacts.load(project / "data"))
    pages: set[Path] = set()
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        html = page.read_text("utf-8")
        fixed, removals, texts = sanitise.sanitise_page(html_fixes.fix(html))
        problems += [_problem(sources, name, removal) for removal in removals]
        for danger in sanitise.theme_problems(fixed, theme_scripts):
            source = sources.source_of(name)
            problems.append(
                Problem(
                    str(source),
                    1,
                    f"the page {name} holds {danger} outside its text: "
                    "check its front matter (title, description) for HTML",
                )
            )
        fixed = csp.add_policy(fixed)
        if fixed != html:
            page.write_text(fixed, "utf-8")  # build output, rewritten in place
        gate.page(name, fixed, texts)
        pages.add(page)
        if cards_too and (card := cards.card_of(fixed, sitemap.site_url)):
            wanted_cards.setdefault(*card)
        if pdf and (target := pdfs.pdf_of(page, fixed)):
            prints[page] = target
    cards.draw_all(site, wanted_cards)
    pdfs.print_all(prints, site, sitemap.site_url)
    write_cname(site, sitemap.site_url)
    minify.minify(site)
    gate.files(site, pages)
    leaks = gate.leaks
    on_pages = {leak.found.key for leak in leaks if leak.path.endswith(".html")}
    for leak in leaks:
        # A datum on a page is in its search entry and its PDF too: the
        # page's problem tells it.
        if leak.path.endswith(".html") or leak.found.key not in on_pages:
            problems.append(_leak_problem(sources, leak))
    return sorted(set(problems))


def _problem(sources: PageSources, page: str, removal: sanitise.Removal) -> Problem:
    source, line = sources.locate_clues(page, removal.clues)
    return Problem(str(source), line, f"unsafe HTML: {removal.what} (removed from {page})")


def _leak_problem(sources: PageSources, leak: privacy_gate.Leak) -> Problem:
    what = (
        f"personal data: the published {leak.path} holds {leak.found.kind.with_article} "
        f"({leak.found.masked}): remove it from the source, or list it in "
        "data/checks.yml if the school publishes it itself"
    )
    folder = leak.path.rpartition("/")[0]
    page = leak.path if leak.path.endswith(".html") else f"{folder}/index.html".lstrip("/")
    if leak.path.endswith((".html", ".pdf")):  # a page, or a page's PDF beside it
        key = leak.found.key
        source, line = sources.locate(
            page, lambda text: any(found.key == key for found in find(text))
        )
        return Problem(str(source), line, what)
    return Problem(leak.path, 1, what)


def _community(site: Path, sitemap: Sitemap, project: Path) -> None:
    """The news posts' neighbours, the Atom feeds and the calendar files."""
    words = load_words(project)
    roots = {lang: sitemap.root(lang) for lang in LANGS}
    archive = news.load(project)
    news_pages.decorate_all(site, archive, words, roots)
    feeds.write_all(site, sitemap.site_url, archive, words, site_config.load(project), roots)
    calendars.write_all(site, sitemap.site_url, events.load(project), words, roots)


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
