"""The language map: for every page of the site, what the templates need to
know about its languages, written before MkDocs runs.

For each address, as MkDocs' page.url gives it ("", "policy/",
"ce/policy/"), the map says
  lang        the language of the address (/ is Russian, /ce/ is Chechen);
  source      the Markdown file it is made from (docs/ru/policy.md);
  edit        the pencil's address: the source in GitHub's editor, or (with
              translate) GitHub's new-file page to write the translation;
  alternates  {lang: address} of the page in each language it is written in;
and, only when true, known or not empty (a template reads a missing key as
false, or as the page's language):
  text_lang   the language its text is written in, when not `lang`: on a
              fallback page, a Chechen address showing the Russian text;
  fallbacks   {lang: address} where a language shows it untranslated;
  fallback    it is a fallback page;      translate  edit writes a translation;
  outdated    a translation whose original changed since (translation/);
  pdf         the name of the page's PDF, when it is printed (`pdf: true`);
  date        the day its text last changed (YYYY-MM-DD), by git history of
              its source, of the data its generated parts are made from
              (render/registry.py MADE_FROM), and for a Chechen page of the
              translation's own file; missing without git history;
  date_text   that day in the page's language, by Babel's CLDR locale.
For the whole build: `languages` (code, name, root), `default`, `locales`,
`pdf` (whether PDFs are printed), `built` (the build's date, for paper) and
`review_pending` (what awaits a native speaker's review: the 404 page's
words, and each Chechen page showing a text not reviewed yet).
Addresses are relative: templates prefix config.site_url. The map is kept
lean because both language builds compile it.

The map is a Jinja template of `{% set %}` lines, overrides/.generated/
language-map.html, which the templates import: JSON-like literals that
Jinja2 and minijinja (Zensical) both read, so no template needs
mkdocs-static-i18n's variables or page.file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urljoin

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date
from mkdocs.structure.files import File
from mkdocs.utils import get_build_datetime
from mkdocs.utils.meta import get_data

from common import site_config, source_pages
from common.atomic import write_if_changed
from common.history import History
from common.problem import Problem, Problems
from common.words import WORDS_FILE
from common.words import load as load_words
from render.core import GENERATED
from render.registry import MADE_FROM
from translation import progress as review
from translation.status import outdated as outdated_pages

MAP = Path("overrides") / ".generated" / "language-map.html"
SNIPPET = re.compile(r"""^\s*-+8<-+\s+(["'])([^"':]+)(?::[^"']*)?\1\s*$""", re.MULTILINE)
# GitHub refuses longer addresses: a translation link prefilled with the
# Russian text falls back to the review mark alone beyond this.
LONGEST_LINK = 8000
REVIEW_MARK = "---\ntranslation_review: needed\n---\n\n"


@dataclass(frozen=True)
class Text:
    """One Markdown file a page shows."""

    lang: str
    path: str  # under docs/<lang>/: "policy.md"
    source: Path  # the file itself


def write(project: Path, pdf: bool) -> dict[str, Any]:
    """Write the map of `project`; return it."""
    site = site_config.load(project)
    language_map = make(project, site, pdf, History(project, site.timezone))
    write_if_changed(project / MAP, as_template(language_map))
    return language_map


def asks_for_pdf(project: Path) -> bool:
    """Whether a page of `project` asks to be printed (`pdf: true`)."""
    return any(
        get_data(source_pages.read_page(text.source))[1].get("pdf")
        for lang in site_config.load(project).langs
        for text in _texts(project, lang)
    )


def make(project: Path, site: site_config.Site, pdf: bool, history: History) -> dict[str, Any]:
    default = site.default_lang
    texts = {lang: {t.path: t for t in _texts(project, lang)} for lang in site.langs}
    formats = _date_formats(project, site.langs)
    outdated = outdated_pages(project, history)  # the Russian original changed since
    root = {lang: "" if lang == default else f"{lang}/" for lang in site.langs}
    days = _Days(history)

    def shown(lang: str, path: str) -> Text | None:
        """The text shown at `path` in `lang`: its own, or the default's."""
        return texts[lang].get(path) or (texts[default].get(path) if lang != default else None)

    def address(lang: str, path: str) -> str:
        """The page's address as MkDocs' page.url gives it: "" for the home page."""
        url = File(path, "", "", use_directory_urls=True).url
        return root[lang] + ("" if url in (".", "./") else url)

    pages: dict[str, dict[str, Any]] = {}
    every_path = sorted({path for lang in site.langs for path in texts[lang]}, key=_walk_order)
    for lang in site.langs:
        for path in every_path:
            text = shown(lang, path)
            if text is None:
                continue
            alternates: dict[str, str] = {}
            fallbacks: dict[str, str] = {}
            for other in site.langs:
                if other_text := shown(other, path):
                    is_fallback = other_text.lang != other
                    (fallbacks if is_fallback else alternates)[other] = address(other, path)
            page_text = source_pages.read_page(text.source)
            day = _last_changed(project, text, page_text, days)
            markdown, meta = get_data(page_text)
            edit, translate = _edit(site, lang, text, meta, markdown)
            entry: dict[str, Any] = {
                "lang": lang,
                "source": text.source.relative_to(project).as_posix(),
                "edit": edit,
                "alternates": alternates,
            }
            # What is false, empty or the same as lang stays out: a template
            # reads it as false, or as the page's language.
            flags = {
                "text_lang": text.lang if text.lang != lang else "",
                "fallbacks": fallbacks,
                "fallback": text.lang != lang,
                "translate": translate,
                "outdated": text.lang == lang != default and path in outdated,
                "pdf": f"{text.source.stem}-{lang}.pdf" if pdf and meta.get("pdf") else "",
                "date": day.isoformat() if day else "",
                "date_text": format_date(day, formats[lang], locale=lang) if day else "",
            }
            entry |= {key: value for key, value in flags.items() if value}
            pages[address(lang, path)] = entry
    return {
        "languages": [
            {"code": language.code, "name": language.name, "root": root[language.code]}
            for language in site.languages
        ],
        "default": default,
        # og:locale of each language: its likeliest territory by CLDR (ce_RU).
        "locales": {lang: _og_locale(lang) for lang in site.langs},
        "pdf": pdf,
        "built": get_build_datetime().strftime("%d.%m.%Y"),
        # What still awaits a native speaker's review, for its review note:
        # "notfound" (the 404 page's words) and Chechen pages by source file.
        "review_pending": review.pending(review.progress(project)),
        "pages": pages,
    }


def _texts(project: Path, lang: str) -> Iterator[Text]:
    folder = project / "docs" / lang
    for source in source_pages.pages(project, lang):
        yield Text(lang, source.relative_to(folder).as_posix(), source)


def _walk_order(path: str) -> tuple[tuple[str, ...], tuple[bool, str]]:
    """The order MkDocs finds files in: a folder's index first, then its other
    files, then its subfolders, each sorted by name."""
    parts = PurePosixPath(path).parts
    name = parts[-1]
    return parts[:-1], (PurePosixPath(name).stem not in ("index", "README"), name)


def _last_changed(project: Path, text: Text, body: str, days: _Days) -> date | None:
    """The day the text shown (whose file holds `body`) changed last: its own
    file, and what its generated parts (or itself, when generated) are made
    from."""
    own = text.source.relative_to(project).as_posix()
    generated = [own] + [f"{GENERATED.as_posix()}/{m[2]}" for m in SNIPPET.finditer(body)]
    inputs = {
        made_of
        for part in generated
        for pattern, made_from in MADE_FROM.items()
        if fnmatchcase(part, pattern)
        for made_of in made_from
    }
    found = [days.of_file(own), *(days.of_glob(pattern) for pattern in sorted(inputs))]
    return max((day for day in found if day), default=None)


class _Days:
    """The day files last changed, by history; each glob matched once."""

    def __init__(self, history: History) -> None:
        self.history = history
        self.known = sorted(history.latest.keys() | history.changed_now)
        self.globs: dict[str, date | None] = {}

    def of_file(self, path: str) -> date | None:
        return self.history.last_changed(path)

    def of_glob(self, pattern: str) -> date | None:
        if pattern not in self.globs:
            found = [self.of_file(path) for path in self.known if fnmatchcase(path, pattern)]
            self.globs[pattern] = max((day for day in found if day), default=None)
        return self.globs[pattern]


def _edit(
    site: site_config.Site, lang: str, text: Text, meta: dict[str, Any], markdown: str
) -> tuple[str, bool]:
    """The page's edit button: (address, whether it writes a translation)."""
    repo = site.repo_url.rstrip("/") + "/"
    docs_tree = urljoin(repo, site.edit_uri)  # …/edit/main/docs/
    if text.lang != lang:
        folder, _, name = f"{lang}/{text.path}".rpartition("/")
        address = f"{_new(docs_tree)}{folder}?filename={quote(name)}&value="
        prefilled = address + quote(REVIEW_MARK + markdown)
        link = prefilled if len(prefilled) <= LONGEST_LINK else address + quote(REVIEW_MARK)
        return link, True
    edit_path = meta.get("edit_path")
    if isinstance(edit_path, str):
        # A generated page (a term report) opens the file people write for
        # it, or creates it when there is none yet.
        repo_tree = docs_tree.removesuffix("docs/")
        if meta.get("edit_new"):
            folder, _, name = edit_path.rpartition("/")
            return f"{_new(repo_tree)}{folder}?filename={quote(name)}", False
        return repo_tree + edit_path, False
    return docs_tree + f"{lang}/{text.path}", False


def _og_locale(lang: str) -> str:
    likely = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{lang}_{likely.territory}" if likely.territory else lang


def _new(tree: str) -> str:
    """GitHub's new-file address for an edit address."""
    return tree.replace("/edit/", "/new/", 1)


def _date_formats(project: Path, langs: Iterable[str]) -> dict[str, str]:
    """The pattern of a page's date in each language, checked against Babel."""
    words = load_words(project)
    formats = {}
    for lang in langs:
        pattern = words.of("page_dates", lang)["format"]
        try:
            format_date(date(2026, 11, 25), pattern, locale=lang)
        except (UnknownLocaleError, ValueError) as err:
            raise Problems(
                [Problem(str(WORDS_FILE), 1, f"page_dates.format.{lang}: {err}")]
            ) from None
        formats[lang] = pattern
    return formats


def as_template(language_map: dict[str, Any]) -> str:
    """The map as `{% set %}` lines: JSON literals, which Jinja2 and minijinja
    both read (the map holds no null)."""
    lines = [
        "{#- Made by scripts/sitebuild/language_map.py for this build. Do not edit. -#}",
        *(
            f"{{%- set {name} = {json.dumps(value, ensure_ascii=False)} -%}}"
            for name, value in language_map.items()
        ),
    ]
    return "\n".join(lines) + "\n"
