"""Web addresses in data files, which the renderers write into Markdown links
(`[text](<address>)`): one that could end its link early and add markup of
its own is refused at its line of the data file, by `make check` and the
build, in Russian; and no address reaches a page able to do it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from common import urls
from render.mdtext import href
from sitebuild.build import BuildError, build
from support.checks import run_check
from support.project import PREFIX_URL, copy_project

EVENT = {
    "id": "planted",
    "start": "2099-12-01 10:00",
    "kind": "webinar",
    "title": {"ru": "Вебинар", "ce": "Вебинар"},
    "audience": {"ru": "Учителя", "ce": "Хьехархой"},
}
# address → what the message says of it
HOSTILE = {
    "https://prosv.ru/a><script>alert(1)</script>": "в адресе «>»",
    "https://prosv.ru/a)<img src=x onerror=alert(1)>": "в адресе «)»",
    "https://prosv.ru/a b": "в адресе пробел",
    'https://prosv.ru/"onmouseover="alert(1)': 'в адресе «"»',
    "https://prosv.ru/a'": "в адресе «'»",
    "https://prosv.ru/\x07": "управляющий знак U+0007",
    "https://prosv.ru/\u202eexe.txt": "невидимый или управляющий знак U+202E",
    "javascript:alert(1)": "адрес должен начинаться с http:, https:",
    "data:text/html,<b>x</b>": "адрес должен начинаться с http:, https:",
    "https://prosv.ru/<b>x</b>": "в адресе «<»",
    "https://": "нет сайта после https://",
}


def with_data(tmp_path: Path, event_link: str | None, channel_url: str | None) -> Path:
    project = copy_project(tmp_path / "project")
    if event_link is not None:
        events = project / "data" / "events.yml"
        entries = yaml.safe_load(events.read_text("utf-8")) or []
        entries.append({**EVENT, "link": event_link})
        events.write_text(yaml.safe_dump(entries, allow_unicode=True, width=1000), "utf-8")
    if channel_url is not None:
        contacts = project / "data" / "contacts.yml"
        data = yaml.safe_load(contacts.read_text("utf-8"))
        data["channels"].append({"kind": "website", "url": channel_url})
        contacts.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), "utf-8")
    return project


def line_of(path: Path, key: str) -> int:
    """The line of the last `key:` in a data file."""
    lines = path.read_text("utf-8").splitlines()
    return max(n for n, line in enumerate(lines, start=1) if line.strip().startswith(f"{key}:"))


@pytest.mark.parametrize("address", HOSTILE)
def test_make_check_names_a_hostile_event_link_at_its_line(tmp_path: Path, address: str) -> None:
    project = with_data(tmp_path, address, None)
    result = run_check("--project", str(project), cwd=project)
    assert result.returncode == 1
    line = line_of(project / "data" / "events.yml", "link")
    (told,) = result.stdout.splitlines()
    assert told.startswith(f"data/events.yml:{line}: [")
    assert HOSTILE[address] in told, told
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("http://school.example.ru/", "должен начинаться с https:"),
        ("https://school.example.ru/(x)", "в адресе «(»"),
        ("tel:+78001002030", "должен начинаться с https:"),
    ],
)
def test_a_contacts_address_is_https_and_whole(tmp_path: Path, address: str, said: str) -> None:
    project = with_data(tmp_path, None, address)
    result = run_check("--project", str(project), cwd=project)
    line = line_of(project / "data" / "contacts.yml", "url")
    (told,) = result.stdout.splitlines()
    assert told.startswith(f"data/contacts.yml:{line}: channels[")
    assert told.endswith(f".url: {urls.problem(address, ('https',))}")
    assert said in told


def test_the_build_refuses_it_at_the_data_files_line_in_russian(tmp_path: Path) -> None:
    address = "https://prosv.ru/a)<img src=x onerror=alert(1)>"
    project = with_data(tmp_path, address, None)
    with pytest.raises(BuildError) as failure:
        build(tmp_path / "site", site_url=PREFIX_URL, project=project)
    line = line_of(project / "data" / "events.yml", "link")
    said = str(failure.value).splitlines()
    assert said[0] == "Сайт не собран:"
    assert said[1].startswith(f"data/events.yml:{line}: "), said
    assert "в адресе «)»: на нём ссылка оборвётся" in said[1]


@pytest.mark.parametrize("address", [a for a in HOSTILE if a.startswith("https://prosv.ru/")])
def test_an_address_written_into_a_link_never_ends_it(address: str) -> None:
    """The renderers' last guard, should an address pass the data check."""
    written = href(address)
    assert not set(written) & urls.FORBIDDEN
    assert written.isascii() and written.isprintable()
    assert written.startswith("https://prosv.ru/")
