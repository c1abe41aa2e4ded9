"""The community's news: one Markdown file per post and language.

    docs/<lang>/news/YYYY-MM-DD-slug.md

    ---
    date: 2026-11-25            the day in the file name
    title: Сообщество открыло сайт
    summary: One or two sentences for the lists and the feed.
    tags: [community]           optional: ids from data/news-tags.yml
    example: true               optional: the post invents facts
    ---

    The text, in Markdown, with ## headings at most.

MkDocs builds each file at /news/YYYY-MM-DD-slug/ (and /ce/…). A Chechen
post may be missing: the Chechen lists and feed then show the Russian post,
whose page carries the usual notice. Problems are told in Russian, for the
coordinator, as FILE:LINE: message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from chechen import palochka
from common import textfile, yamldata
from common.atomic import write_text
from common.problem import Problem, Problems
from common.schema import registry
from common.site_config import LANGS

DEFAULT = LANGS[0]
FOLDER = "docs/{lang}/news"
TAGS = Path("data") / "news-tags.yml"
NAME = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md")
# A post is a short text: bounds keep a mistaken paste out of every list.
MAX_BYTES = 100_000
MAX_TITLE = 150
MAX_SUMMARY = 400
MAX_TAGS = 5

_TAGS_SCHEMA = registry()


@dataclass(frozen=True)
class Post:
    stem: str  # "2026-11-25-slug": the post's address under news/
    day: date
    lang: str  # the language the text is written in
    title: str
    summary: str
    tags: tuple[str, ...]
    example: bool


@dataclass(frozen=True)
class News:
    tags: dict[str, dict[str, str]]  # tag id → its name in each language
    posts: dict[str, list[Post]]  # page language → its posts, newest first

    def of(self, lang: str) -> list[Post]:
        """The posts shown in `lang`, newest first: a missing translation
        is the Russian post (its `lang` says so)."""
        return self.posts[lang]

    def neighbours(self, lang: str, stem: str) -> tuple[Post | None, Post | None]:
        """(the older post, the newer post) around `stem` in `lang`."""
        posts = self.posts[lang]
        index = next(i for i, post in enumerate(posts) if post.stem == stem)
        older = posts[index + 1] if index + 1 < len(posts) else None
        newer = posts[index - 1] if index else None
        return older, newer


def load(project: Path) -> News:
    """Every post of `project`, checked; raise Problems when any is wrong."""
    tags = load_tags(project)
    problems: list[Problem] = []
    written: dict[str, dict[str, Post]] = {}
    for lang in LANGS:
        written[lang] = {}
        for path in post_files(project, lang):
            try:
                post = read_post(path, lang, tags, shown=path.relative_to(project).as_posix())
            except Problems as err:
                problems.extend(err.problems)
                continue
            written[lang][post.stem] = post
    for lang in LANGS[1:]:
        for stem in sorted(set(written[lang]) - set(written[DEFAULT])):
            problems.append(
                Problem(
                    f"{FOLDER.format(lang=lang)}/{stem}.md",
                    1,
                    f"нет русского текста этой новости: добавьте "
                    f"{FOLDER.format(lang=DEFAULT)}/{stem}.md или переименуйте файл как в нём",
                )
            )
    if problems:
        raise Problems(sorted(problems))
    posts = {
        lang: sorted(
            (written[lang].get(stem, post) for stem, post in written[DEFAULT].items()),
            key=lambda post: post.stem,
            reverse=True,
        )
        for lang in LANGS
    }
    return News(tags, posts)


def load_tags(project: Path) -> dict[str, dict[str, str]]:
    document = yamldata.load(project / TAGS, _TAGS_SCHEMA, str(TAGS))
    tags: dict[str, dict[str, str]] = {}
    problems = []
    for index, entry in enumerate(document.data or []):
        if entry["id"] in tags:
            problems.append(document.problem(f"метка {entry['id']} указана дважды", index, "id"))
        tags[entry["id"]] = entry["name"]
    if problems:
        raise Problems(problems)
    return tags


def post_files(project: Path, lang: str) -> list[Path]:
    """The files in docs/<lang>/news/ that are posts (not the index)."""
    folder = project / FOLDER.format(lang=lang)
    return sorted(p for p in folder.glob("*.md") if p.name != "index.md") if folder.is_dir() else []


def is_post(path: Path) -> bool:
    """Whether `path` sits where posts do: docs/<lang>/news/<name>.md."""
    parts = path.parts
    return (
        len(parts) >= 4
        and parts[-4] == "docs"
        and parts[-3] in LANGS
        and parts[-2] == "news"
        and path.suffix == ".md"
        and path.name != "index.md"
    )


def read_post(path: Path, lang: str, tags: dict[str, dict[str, str]], shown: str) -> Post:
    """One post, checked; raise Problems (in Russian, by line) when wrong."""
    name = NAME.fullmatch(path.name)
    if not name:
        raise Problems(
            [
                Problem(
                    shown,
                    1,
                    "имя файла новости пишется как ГГГГ-ММ-ДД-slug.md: дата, затем "
                    "латинские строчные буквы, цифры и дефисы (2026-11-25-novyy-sayt.md)",
                )
            ]
        )
    text = textfile.read(path, shown, limit=MAX_BYTES)
    meta, lines, body, first = _front_matter(text, shown)
    problems: list[Problem] = []

    def line_of(key: str) -> int:
        return lines.get(key, 1)

    def need_text(key: str, limit: int) -> str:
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, line_of(key), f"в начале файла нужно поле «{key}:»"))
            return ""
        value = " ".join(value.split())
        if len(value) > limit:
            problems.append(
                Problem(shown, line_of(key), f"«{key}» длиннее {limit} знаков: сократите")
            )
        if lang == "ce":
            for found in palochka.find_lookalikes(value):
                problems.append(
                    Problem(
                        shown,
                        line_of(key),
                        f"в «{key}» палочка набрана как {found.name}: пишите Ӏ (U+04C0)",
                    )
                )
        return value

    title = need_text("title", MAX_TITLE)
    summary = need_text("summary", MAX_SUMMARY)
    day = _day(meta.get("date"))
    if day is None:
        problems.append(
            Problem(shown, line_of("date"), "в начале файла нужна дата: «date: ГГГГ-ММ-ДД»")
        )
    elif day.isoformat() != name["day"]:
        problems.append(
            Problem(
                shown,
                line_of("date"),
                f"дата {day.isoformat()} не совпадает с датой в имени файла ({name['day']})",
            )
        )
    post_tags = meta.get("tags") or []
    if not isinstance(post_tags, list) or not all(isinstance(t, str) for t in post_tags):
        problems.append(Problem(shown, line_of("tags"), "«tags» — это список: [community, …]"))
        post_tags = []
    for tag in post_tags:
        if tag not in tags:
            problems.append(
                Problem(
                    shown,
                    line_of("tags"),
                    f"нет метки «{tag}» в {TAGS}; есть: {', '.join(sorted(tags))}",
                )
            )
    if len(post_tags) > MAX_TAGS:
        problems.append(Problem(shown, line_of("tags"), f"не больше {MAX_TAGS} меток"))
    if not isinstance(meta.get("example", False), bool):
        problems.append(Problem(shown, line_of("example"), "«example» — это true или false"))
    if not body.strip():
        problems.append(Problem(shown, 1, "в новости нет текста после заголовочных полей"))
    fenced = False
    for number, line in enumerate(body.splitlines(), start=first):
        fenced ^= line.lstrip().startswith(("```", "~~~"))
        if not fenced and re.match(r"#\s", line):
            problems.append(
                Problem(
                    shown,
                    number,
                    "заголовок новости — это поле «title:»; разделы внутри пишите с «## »",
                )
            )
    if problems:
        raise Problems(problems)
    assert day is not None
    return Post(
        path.stem,
        day,
        lang,
        title,
        summary,
        tuple(dict.fromkeys(post_tags)),
        meta.get("example") is True,
    )


def _front_matter(text: str, shown: str) -> tuple[dict[str, Any], dict[str, int], str, int]:
    """(the front matter, the line of each of its keys, the text after it,
    the line that text starts on)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise Problems([Problem(shown, 1, "новость начинается с полей между строками «---»")])
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        raise Problems([Problem(shown, 1, "нет второй строки «---» после полей новости")])
    # Not YAML, or an alias: yamldata says so by line, in Russian.
    meta = yamldata.parse("\n".join(lines[1:end]), shown, first_line=2, lang="ru").data or {}
    if not isinstance(meta, dict):
        raise Problems([Problem(shown, 2, "поля новости пишутся как «ключ: значение»")])
    key_lines: dict[str, int] = {}
    for number, line in enumerate(lines[1:end], start=2):
        key = line.split(":", 1)[0]
        if key and not line[:1].isspace():
            key_lines.setdefault(key, number)
    return meta, key_lines, "\n".join(lines[end + 1 :]), end + 2


def _day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


# --- a new post (scripts/news.py new) --------------------------------------

# Russian letters in addresses, as passports write them (ъ and ь are dropped).
_TRANSLIT = {
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
    **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
    **{"ъ": "", "ь": "", "ю": "yu", "я": "ya", "ӏ": ""},
}
MAX_SLUG = 60


def slug_of(title: str) -> str:
    """An address for a title: «Сайт открыт!» → «sayt-otkryt»."""
    letters = []
    for char in title.casefold():
        if char in _TRANSLIT:
            letters.append(_TRANSLIT[char])
        elif char.isascii() and char.isalnum():
            letters.append(char)
        else:
            letters.append("-")
    slug = re.sub("-+", "-", "".join(letters)).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or "novost"


# What `new` writes where a person has to write. Every placeholder starts
# with a mark that `make check` refuses (placeholders(), checks/news_posts.py)
# until it is replaced, so that neither an unedited post nor a Chechen file
# still holding the Russian title is published. The marks are the
# coordinator's instructions, in Russian, in both files.
PLACEHOLDER = re.compile(r"\[(ЗАМЕНИТЕ|ПЕРЕВЕДИТЕ):")
_WRITE = {
    "summary": "[ЗАМЕНИТЕ: одно-два предложения о новости, для списка новостей и ленты]",
    "body": "[ЗАМЕНИТЕ: текст новости; разделы внутри начинайте с «## »]",
}
_TRANSLATE = {
    "title": "[ПЕРЕВЕДИТЕ: {title}]",
    "summary": "[ПЕРЕВЕДИТЕ: одно-два предложения о новости по-чеченски]",
    "body": (
        "[ПЕРЕВЕДИТЕ: текст новости на чеченский язык. Пока перевода нет, удалите "
        "этот файл: сайт покажет русскую новость с пометкой, что она не переведена]"
    ),
}


def placeholders(text: str) -> list[tuple[int, str]]:
    """(line, mark) of every placeholder `new` wrote that is still there:
    the mark is ЗАМЕНИТЕ or ПЕРЕВЕДИТЕ."""
    return [
        (number, found.group(1))
        for number, line in enumerate(text.splitlines(), start=1)
        for found in PLACEHOLDER.finditer(line)
    ]


def placeholder_problem(mark: str) -> str:
    """What to do with a placeholder left in a post."""
    if mark == "ЗАМЕНИТЕ":
        return "пометка «[ЗАМЕНИТЕ: …]» осталась: напишите здесь свой текст"
    return (
        "пометка «[ПЕРЕВЕДИТЕ: …]» осталась: переведите текст на чеченский язык "
        "или удалите этот файл (сайт покажет русскую новость с пометкой)"
    )


def clean_title(title: str) -> str:
    """A new post's title with its spaces tidied; ValueError (in Russian)
    when it is empty or too long."""
    title = " ".join(title.split())
    if not title:
        raise ValueError("заголовок новости пуст: напишите его, например «Итоги четверти»")
    if len(title) > MAX_TITLE:
        raise ValueError(f"заголовок длиннее {MAX_TITLE} знаков: сократите его")
    return title


def new_post(project: Path, title: str, day: date) -> list[Path]:
    """Create the post `title` of `day` in every language; return the files.

    Every file gets its front matter filled, and placeholders where a person
    writes: the summary and the text, and in the other languages the title,
    to be translated (or the file deleted: the site then shows the Russian
    post). `make check` refuses a post until they are replaced.
    """
    title = clean_title(title)
    stem = f"{day.isoformat()}-{slug_of(title)}"
    paths = [project / FOLDER.format(lang=lang) / f"{stem}.md" for lang in LANGS]
    taken = [path for path in paths if path.exists()]
    if taken:
        shown = taken[0].relative_to(project)
        raise Problems(
            [Problem(str(shown), 1, "такая новость уже есть: выберите другой заголовок")]
        )
    for lang, path in zip(LANGS, paths, strict=True):
        words = _WRITE if lang == DEFAULT else _TRANSLATE
        meta: dict[str, Any] = {
            "date": day,
            "title": title if lang == DEFAULT else _TRANSLATE["title"].format(title=title),
            "summary": words["summary"],
            "tags": [],
        }
        if lang != DEFAULT:
            meta["translation_review"] = "needed"
        head = yaml.safe_dump(
            meta, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000
        )
        write_text(path, f"---\n{head}---\n\n{words['body']}\n")
    return paths
