"""Benchmarks: what `make bench` runs. It measures and reports; it judges nothing.

1. Site build: a synthetic archive (10 school years of quarterly reports and
100 guide pages, in Russian and Chechen) built with this project's `make
site` command and with plain MkDocs (mkdocs-material + mkdocs-static-i18n)
on the same Markdown, each as a whole process from start to finish, in
turns. Prints the median time, CPU time (the process and its children: less
swayed by other work on a shared machine) and peak memory of each; their
ratios, by time and by CPU time, with each run's; and the processors ours
may use and the machine's load before and after (ours uses every processor
it gets; plain MkDocs, one). The builds keep what they cache in a folder of
the bench's own: the first build of ours, which draws the link-preview
cards, is printed apart as well.

2. Pages as a phone gets them: Lighthouse (mobile) scores, bytes transferred
and requests to other hosts, from the sitecheck tool (SITECHECK, default
../shared/tools/sitecheck) on the pages the budgets name, in every
language, each row then held to the budgets. Search loads when a reader
opens it, so its gzip size (worker, Lunr languages, index) is printed apart.

3. Statistics check: `scripts/stats.py check` on a generated CSV of 100,000
activity rows as a school keeps them (a title above the header, a «№»
column, each teacher's name spelled four ways, which the check merges),
against a bare csv.reader pass over the same file, and stats.py's own reader
(activity/sources.py: the size, cell and row limits, decoding, the scan for
unsafe characters) alone, to show what the limits cost. Prints the times,
the ratio of the check to the bare pass (in seconds, and in processor
seconds, which a busy machine disturbs less) and the peak memory of the check.

4. Preview: `make serve` on a copy of the project, a page open in Chromium;
the time from saving an edit to the edit showing in the page, for a page
edit and a data edit, and whether the preview's temporary folder is gone
after SIGTERM.

Every target is a budget of common/budgets.py (the one place the tests read
them from too); the languages are common.site_config.LANGS.

    python scripts/bench.py [--only build|stats|pages|preview] [--runs N]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import gzip
import io
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load

from common import budgets
from common.cli import command
from common.processes import cores
from common.site_config import LANGS, ROOT
from postbuild.pdfs import CHROMIUM, CHROMIUM_FLAGS, chromium_problem
from render.core import render_all
from render.registry import RENDERERS
from serve import preview_folder, rebuild_seconds
from sitebuild.build import build
from sitebuild.project_copy import copy_project

YEARS = 10
GUIDES = 100
RUNS = 3
# The site build is compared run by run, plain and ours in turn: the median
# of more runs holds on a machine shared with others.
BUILD_RUNS = 7


REPORT = {
    "ru": ("Отчёт за {q} четверть {y}/{y1}", "Учителя публиковали материалы и учились на курсах."),
    "ce": (
        "{y}/{y1} шеран {q} чийрикан жамӀ",
        "Хьехархоша материалаш арахецна, курсашкахь Ӏамийна.",
    ),
}
GUIDE = {
    "ru": ("Руководство", "Шаги", "Откройте сайт платформы и войдите в свою учётную запись."),
    "ce": ("Куьйгалла", "ТӀегӀанаш", "Платформин сайт схьайелла, шен аккаунтаца чу гӀо."),
}


def report_page(lang: str, year: int, quarter: int) -> str:
    title, prose = REPORT.get(lang, REPORT[LANGS[0]])
    title = title.format(q=quarter, y=year, y1=year + 1)
    rows = "\n".join(f"| P{n} | {n * quarter + year % 7} | {n + quarter} |" for n in range(1, 6))
    table = f"| Платформа | Активности | Педагоги |\n|---|---|---|\n{rows}"
    return f"# {title}\n\n{prose}\n\n## {quarter}\n\n{table}\n\n{prose}\n"


def guide_page(lang: str, n: int) -> str:
    title, steps_title, step = GUIDE.get(lang, GUIDE[LANGS[0]])
    steps = "\n".join(f"{i}. {step}" for i in range(1, 8))
    link = f"- [example.org/{n}](https://example.org/{n})"
    return f"# {title} {n}\n\n{step}\n\n## {steps_title}\n\n{steps}\n\n## {n}\n\n{link}\n"


def make_archive(docs: Path) -> int:
    """Add the synthetic pages to a docs folder; return how many were written."""
    count = 0
    for lang in LANGS:
        for year in range(2016, 2016 + YEARS):
            for quarter in range(1, 5):
                path = docs / lang / "archive" / str(year) / f"q{quarter}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(report_page(lang, year, quarter), "utf-8")
                count += 1
        for n in range(1, GUIDES + 1):
            path = docs / lang / "guides" / f"guide-{n:03}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(guide_page(lang, n), "utf-8")
            count += 1
    return count


def make_projects(work: Path) -> tuple[Path, Path, int]:
    """Two copies of the project with the archive: ours, and a plain one."""
    ours = copy_project(work / "ours")
    pages = make_archive(ours / "docs")
    # The same Markdown for both: the generated pages and snippets too.
    render_all(ours, RENDERERS)

    plain = work / "plain"
    shutil.copytree(ours / "docs", plain / "docs")
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)
    plain_config = {
        "site_name": "Plain",
        "site_url": "https://example.org/",
        "theme": {"name": "material", "language": LANGS[0]},
        "plugins": ["search", {"i18n": _plain_i18n(config["plugins"][1]["i18n"])}],
        "nav": config["nav"],
        "exclude_docs": config.get("exclude_docs", ""),
        "markdown_extensions": [_plain_extension(e) for e in config["markdown_extensions"]],
    }
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(plain_config, allow_unicode=True), "utf-8")
    return ours, plain, pages


def _plain_extension(extension: str | dict[str, Any]) -> str | dict[str, Any]:
    """The project's Markdown extension, with default options where ours
    are Python objects (the toc's slugify), which YAML cannot write."""
    if isinstance(extension, str):
        return extension
    name, options = next(iter(extension.items()))
    return name if name == "toc" else {name: options}


def _plain_i18n(i18n: dict[str, Any]) -> dict[str, Any]:
    """The project's languages, with Material's Russian strings for Chechen:
    plain Material has no Chechen translation."""
    languages = [
        {key: lang[key] for key in ("locale", "name", "default", "build") if key in lang}
        | ({} if lang.get("default") else {"theme": {"language": LANGS[0]}})
        for lang in i18n["languages"]
    ]
    return {"docs_structure": i18n["docs_structure"], "languages": languages}


def print_run(start: float, cpu_start: float | None = None) -> None:
    """In a child process: its seconds since `start` and its peak memory,
    its own or its children's (MkDocs runs in one), as JSON; with
    `cpu_start`, its processor seconds since then too."""
    seconds = time.perf_counter() - start
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    run = {"seconds": seconds, "peak_mb": peak_kb / 1024}
    if cpu_start is not None:
        run["cpu"] = time.process_time() - cpu_start
    print(json.dumps(run))


def best_of(
    child: list[str], env: dict[str, str] | None = None, runs: int = RUNS
) -> dict[str, float]:
    """Best time of `runs` runs of this script as `child`, each in a fresh
    process; and the largest peak memory."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, *child], capture_output=True, text=True, check=True, env=env
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = {
        "seconds": min(r["seconds"] for r in results),
        "peak_mb": max(r["peak_mb"] for r in results),
    }
    if all("cpu" in r for r in results):
        best["cpu"] = min(r["cpu"] for r in results)
    return best


def print_results(
    heading: str, results: dict[str, dict[str, float]], labels: dict[str, str]
) -> None:
    print(f"  {heading:40} {'seconds':>8} {'peak MB':>8}")
    for kind, r in results.items():
        print(f"  {labels[kind]:40} {r['seconds']:8.2f} {r['peak_mb']:8.0f}")


def verdict(value: float, target: float) -> str:
    return f"{'within' if value <= target else 'OVER'} the target of {target}"


def run_process(args: list[str], cwd: Path, env: dict[str, str]) -> dict[str, float]:
    """One build as a whole process, started to finished: its seconds, the
    CPU seconds of it and its children, its peak memory (MB)."""
    with tempfile.TemporaryFile() as told:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=told, stderr=told)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            told.seek(0)
            raise SystemExit(f"{' '.join(args)} failed:\n{told.read().decode()}")
    cpu = usage.ru_utime + usage.ru_stime
    return {"seconds": seconds, "cpu": cpu, "peak_mb": usage.ru_maxrss / 1024}


def build_command(kind: str, project: Path, site: Path) -> list[str]:
    """How each setup is built: `make site`'s command, or plain MkDocs'."""
    if kind == "plain":
        return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    script = ROOT / "scripts" / "build_site.py"
    return [sys.executable, str(script), "--site-dir", str(site), "--project", str(project)]


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "cpu": statistics.median(r["cpu"] for r in runs),
        "peak_mb": max(r["peak_mb"] for r in runs),
    }


def bench_site_build(runs: int = BUILD_RUNS) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        ours, plain, pages = make_projects(work)
        print(
            f"Site build: {pages} synthetic pages plus the site's own; median of {runs} runs "
            "each, plain and ours in turn, each a whole process"
        )
        # Ours uses every processor it may (common/processes.py); on a shared
        # machine the others' load decides how many it gets.
        load = os.getloadavg()[0]
        print(f"  {cores()} processors for the build; load average {load:.2f} before")
        # A cache of the bench's own (common/user_cache.py): the first build
        # of ours draws the link-preview cards, the later ones keep them.
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", XDG_CACHE_HOME=str(work / "cache"))
        # "ours" is compared with the plain setup, which prints no PDF; the
        # term reports' PDFs are measured apart, as "ours+pdf".
        no_pdf = dict(env, CHROMIUM=str(work / "no-browser"))
        setups = {"plain": (plain, env), "ours": (ours, no_pdf), "ours+pdf": (ours, env)}
        measured: dict[str, list[dict[str, float]]] = {kind: [] for kind in setups}
        for turn in range(runs):
            # Back to back, so that both meet the same load on a shared machine.
            for kind, (project, kind_env) in setups.items():
                if kind == "ours+pdf" and turn >= RUNS:
                    continue
                command = build_command(kind, project, work / f"{kind}-site")
                measured[kind].append(run_process(command, project, kind_env))
    results = {kind: median_of(found) for kind, found in measured.items()}
    labels = {
        "plain": "plain material + static-i18n",
        "ours": "this project (make site), no PDF",
        "ours+pdf": "this project, with the reports' PDFs",
    }
    print(f"  {'setup':40} {'seconds':>8} {'CPU s':>8} {'peak MB':>8}")
    for kind, r in results.items():
        print(f"  {labels[kind]:40} {r['seconds']:8.2f} {r['cpu']:8.2f} {r['peak_mb']:8.0f}")
    first = measured["ours"][0]
    print(
        f"  {'ours, first run (cards drawn, not kept)':40} {first['seconds']:8.2f} "
        f"{first['cpu']:8.2f} {first['peak_mb']:8.0f}"
    )
    for measure, name in (("seconds", "time"), ("cpu", "CPU time")):
        # Each run's ratio is of two builds back to back; their median is
        # the ratio told.
        ratios = [
            ours_run[measure] / plain_run[measure]
            for ours_run, plain_run in zip(measured["ours"], measured["plain"], strict=True)
        ]
        ratio = statistics.median(ratios)
        each = " ".join(f"{r:.2f}" for r in ratios)
        within = verdict(ratio, budgets.BUILD_RATIO)
        print(f"  ratio by {name} {ratio:.2f} ({within}); each run: {each}")
    print(f"  load average {os.getloadavg()[0]:.2f} after")


SITECHECK = Path(os.environ.get("SITECHECK", ROOT.parent / "shared" / "tools" / "sitecheck"))


def newest_report(site: Path) -> str | None:
    """The address of the newest term report, if the site has any."""
    reports = sorted(p.parent.name for p in (site / "reports").glob("*/index.html"))
    return f"reports/{reports[-1]}/" if reports else None


def gzip_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), 6)) / 1024


def search_kb(site: Path, lang: str) -> float:
    """What opening search fetches: the worker, its Lunr scripts, the index."""
    root = site if lang == LANGS[0] else site / lang
    index = root / "search" / "search_index.json"
    config = json.loads(index.read_text("utf-8"))["config"]
    scripts = list((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    if config["lang"] != ["en"]:
        scripts.append(lunr / "lunr.stemmer.support.min.js")
        scripts += [lunr / f"lunr.{code}.min.js" for code in config["lang"] if code != "en"]
    return sum(gzip_kb(path) for path in [index, *scripts])


def bench_pages() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site = Path(tmp) / "site"
        build(site)
        pages = list(budgets.PAGES)
        if report := newest_report(site):
            pages.append(report)
        pages = [
            "/" + ("" if lang == LANGS[0] else f"{lang}/") + page
            for page in pages
            for lang in LANGS
        ]
        scores = ", ".join(f"{name} {score}" for name, score in budgets.LIGHTHOUSE.items())
        print(
            f"Pages (budgets: Lighthouse {scores}; {budgets.OTHER_HOSTS} other hosts; "
            f"<= {budgets.COLD_PAGE_KB} KB a cold page, {budgets.PAGE_CEILING_KB} KB at most):"
        )
        for lang in LANGS:
            print(f"  search on first use, {lang}: {search_kb(site, lang):.1f} KB gzip")
        if not SITECHECK.exists():
            print(f"  sitecheck not found at {SITECHECK}: set SITECHECK to measure the pages")
            return
        rows = Path(tmp) / "rows.json"
        subprocess.run([str(SITECHECK), str(site), *pages, "--json", str(rows)], check=False)
        if rows.exists():
            for row in json.loads(rows.read_text("utf-8")):
                print(f"  {urlsplit(row['url']).path:40} {page_verdict(row)}")


def page_verdict(row: dict[str, Any]) -> str:
    """A sitecheck row held to the budgets: "within the budgets" or what is over."""
    if "error" in row:
        return "NOT MEASURED"
    over = [
        f"{name} {row['scores'][name]} < {score}"
        for name, score in budgets.LIGHTHOUSE.items()
        if row["scores"].get(name, 0) < score
    ]
    if (kb := row["bytes"] / 1024) > budgets.COLD_PAGE_KB:
        over.append(f"{kb:.1f} KB > {budgets.COLD_PAGE_KB} KB")
    if len(row["third_party"]) > budgets.OTHER_HOSTS:
        over.append(f"{len(row['third_party'])} requests to other hosts")
    return "OVER: " + "; ".join(over) if over else "within the budgets"


STATS_ROWS = 100_000
STATS_RUNS = 5  # rounds of the three passes: they are short, and a shared machine is noisy
# Spellings as the school's spreadsheets have them: aliases, not ids.
STATS_PLATFORMS = ("Инфоурок", "infourok.ru", "Урок.РФ", "Сферум", "Просвещение", "ЭБО")
STATS_KINDS = ("Публикация", "Вебинар", "КПК", "Конкурс", "Олимпиада", "Онлайн-урок")


# Forty teachers, each written four ways as spreadsheets do: the full name,
# the surname with initials, in lower case with extra spaces, and with a
# zero-width space pasted in; `check` merges each four into one.
STATS_SURNAMES = (
    "Абдулаева",
    "Бисултанова",
    "Висаитова",
    "Гайсумова",
    "Дудаева",
    "Эльмурзаева",
    "Юсупова",
    "Ясаева",
)
STATS_GIVEN = (
    ("Марха", "Висхановна"),
    ("Зарема", "Ахмедовна"),
    ("Хава", "Руслановна"),
    ("Луиза", "Магомедовна"),
    ("Седа", "Исаевна"),
)


def teacher_spelling(n: int) -> str:
    teacher = n % 40
    surname = STATS_SURNAMES[teacher % 8]
    name, patronymic = STATS_GIVEN[teacher // 8]
    return (
        f"{surname} {name} {patronymic}",
        f"{surname} {name[0]}. {patronymic[0]}.",
        f"{surname.lower()}  {name[0].lower()}.{patronymic[0].lower()}.",
        f"{surname}\u200b {name[0]}.{patronymic[0]}.",
    )[n // 40 % 4]


def make_activity_csv(path: Path, rows: int) -> None:
    """A semicolon-separated export as Excel writes it, every row valid: a
    title above the header, a «№» column, names spelled several ways."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Учёт участия педагогов в сетевых мероприятиях"])
        writer.writerow([])
        writer.writerow(
            ["№", "Дата", "ФИО педагога", "Платформа", "Вид активности", "Название", "Ссылка"]
        )
        for n in range(rows):
            month, day = (9, 10, 11, 12)[n % 4], 5 + n % 19
            writer.writerow(
                [
                    n + 1,
                    f"{day:02}.{month:02}.2025",
                    teacher_spelling(n),
                    STATS_PLATFORMS[n % len(STATS_PLATFORMS)],
                    STATS_KINDS[n % len(STATS_KINDS)],
                    f"Методическая разработка урока № {n} для {n % 11 + 1} класса",
                    f"https://infourok.ru/material-{n}.html" if n % 3 else "",
                ]
            )


def one_stats(kind: str, path: Path) -> None:
    """Run in a child process: one pass over `path`, then its seconds and peak memory."""
    import stats
    from activity.sources import open_table

    start, cpu_start = time.perf_counter(), time.process_time()
    if kind == "csv.reader":
        with open(path, encoding="utf-8-sig", newline="") as f:
            for _row in csv.reader(f, delimiter=";"):
                pass
    elif kind == "reader":  # stats.py's reader: the limits, decoding, unsafe characters
        with open_table(str(path)) as table:
            for _cells in table.rows:
                pass
    else:
        with contextlib.redirect_stdout(io.StringIO()) as printed:  # the merged names
            status = stats.main(["check", str(path)])
        if status != 0 or "один педагог" not in printed.getvalue():
            raise SystemExit("the generated rows did not pass the check")
    print_run(start, cpu_start)


STATS_KINDS_MEASURED = {
    "csv.reader": "bare csv.reader",
    "reader": "stats.py's reader with its limits",
    "check": "stats.py check",
}


def bench_stats_check() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-stats-") as tmp:
        path = Path(tmp) / "activity.csv"
        make_activity_csv(path, STATS_ROWS)
        print(f"Statistics check: {STATS_ROWS:,} generated rows, best of {RUNS}")
        # Taken in turns, so that a busy machine weighs on each alike.
        rounds = [
            {
                kind: best_of(["--one-stats", kind, str(path)], runs=1)
                for kind in STATS_KINDS_MEASURED
            }
            for _ in range(STATS_RUNS)
        ]
        results = {
            kind: {
                "seconds": min(r[kind]["seconds"] for r in rounds),
                "cpu": min(r[kind]["cpu"] for r in rounds),
                "peak_mb": max(r[kind]["peak_mb"] for r in rounds),
            }
            for kind in STATS_KINDS_MEASURED
        }
    print_results("pass", results, STATS_KINDS_MEASURED)
    bare = results["csv.reader"]["seconds"]
    print(f"  the limits: reader/bare {results['reader']['seconds'] / bare:.2f}")
    ratio = results["check"]["seconds"] / bare
    print(f"  ratio {ratio:.2f} ({verdict(ratio, budgets.STATS_RATIO)})")
    # Processor time: what the passes cost, whatever else the machine runs.
    cpu = results["check"]["cpu"] / results["csv.reader"]["cpu"]
    print(f"  ratio of processor time {cpu:.2f} ({verdict(cpu, budgets.STATS_RATIO)})")
    peak = results["check"]["peak_mb"]
    print(f"  peak memory of check {peak:.0f} MB ({verdict(peak, budgets.STATS_MEMORY_MB)} MB)")


PREVIEW_EDITS = 5


def bench_preview() -> None:
    """Edit-to-visible time of `make serve`, measured in Chromium."""
    from playwright.sync_api import sync_playwright

    if problem := chromium_problem():
        print(f"Preview: skipped: {problem}")
        return
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        project = copy_project(Path(tmp) / "project")
        port = _free_port()
        serve = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "serve.py"), "--project", str(project),
             "--port", str(port)],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}/"
            site_dir = _wait_for_preview(serve, url)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
                )
                tab = browser.new_page()
                _open_when_served(tab, url + "policy/")
                page_edits = [
                    _edit_to_visible(tab, project / "docs" / LANGS[0] / "policy.md", _paragraph)
                    for _ in range(PREVIEW_EDITS)
                ]
                tab.goto(url + "glossary/")
                data_edits = [
                    _edit_to_visible(tab, project / "data" / "glossary.yml", _term)
                    for _ in range(PREVIEW_EDITS)
                ]
                browser.close()
        finally:
            serve.send_signal(signal.SIGTERM)
            serve.wait(timeout=30)
    print(f"Preview (make serve): edit saved to edit seen in Chromium, {PREVIEW_EDITS} edits each")
    for label, times in (
        (f"a page (docs/{LANGS[0]}/policy.md)", page_edits),
        ("data (glossary)", data_edits),
    ):
        print(f"  {label:28} median {statistics.median(times):.2f} s, worst {max(times):.2f} s")
    print(f"  the preview's own rebuild times: {', '.join(REBUILDS[1:])}")
    median = statistics.median(page_edits)
    print(f"  page edit {median:.2f} s ({verdict(median, budgets.PREVIEW_SECONDS)} s)")
    gone = "removed" if not site_dir.exists() else "LEFT BEHIND"
    print(f"  after SIGTERM the preview's folder is {gone} (exit status {serve.returncode})")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_preview(serve: subprocess.Popen[str], url: str) -> Path:
    """Wait for the preview's first build; return its folder."""
    assert serve.stdout is not None
    for line in serve.stdout:
        if (folder := preview_folder(line, url)) is not None:
            threading.Thread(target=_drain, args=(serve.stdout,), daemon=True).start()
            return folder
    raise SystemExit("the preview stopped before serving")


def _open_when_served(tab: Any, url: str) -> None:
    """Open `url` once the preview listens (it says so just before)."""
    from playwright.sync_api import Error

    for _ in range(100):
        try:
            tab.goto(url)
            return
        except Error:  # the port is not open yet
            time.sleep(0.1)
    tab.goto(url)


REBUILDS: list[str] = []


def _drain(output: Any) -> None:
    """Keep the preview's output flowing; note its rebuild times."""
    for line in output:
        if (seconds := rebuild_seconds(line)) is not None:
            REBUILDS.append(f"{seconds} s")


def _paragraph(text: str, token: str) -> str:
    return f"{text}\nАбзац для замера {token}.\n"


def _term(text: str, token: str) -> str:
    return f"{text}  - ru: замер {token}\n    ce: замер {token}\n"


def _edit_to_visible(tab: Any, path: Path, edit: Any) -> float:
    """Save an edit made by `edit(text, token)`; seconds until the page shows it."""
    token = f"{time.time_ns()}"
    text = edit(path.read_text("utf-8"), token)
    start = time.perf_counter()
    path.write_text(text, "utf-8")
    tab.get_by_text(token, exact=False).first.wait_for(timeout=60_000)
    return time.perf_counter() - start


BENCHES: dict[str, Callable[[], None]] = {
    "build": bench_site_build,
    "stats": bench_stats_check,
    "pages": bench_pages,
    "preview": bench_preview,
}


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", choices=BENCHES, help="run one benchmark, not all")
    parser.add_argument(
        "--runs",
        type=int,
        default=BUILD_RUNS,
        help=f"runs of each site build (default {BUILD_RUNS})",
    )
    parser.add_argument("--one-stats", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.one_stats:
        kind, path = args.one_stats
        one_stats(kind, Path(path))
        return 0
    if args.runs < 1:
        parser().error("--runs: at least 1")
    benches: dict[str, Callable[[], None]] = {
        **BENCHES,
        "build": functools.partial(bench_site_build, args.runs),
    }
    for name, bench in benches.items():
        if args.only in (None, name):
            bench()
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
