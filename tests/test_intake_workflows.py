"""The report intake as it runs on GitHub: the real `run:` scripts of
report-intake.yml, report-sheet.yml and the actions they use, run with
bash in a clone of a copy of the project whose `origin` is a local bare
repository; only `gh` is a fake (tests/support/fake_gh.py). What is
checked is what the coordinator and the teachers see: the one pull request
(its branch, files, description, «Closes» lines), the replies on the
issues, the labels."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from common.site_config import ROOT
from support.git import git
from support.stats import ISSUES
from support.workflows import GITHUB, Hub, Job

KEY = "5a" * 32  # the secret TEACHER_KEY
PSEUDONYM = re.compile(r"педагог-[0-9a-f]{10}")
REPLIES = GITHUB / "replies"
INTAKE, SHEET = "report-intake.yml", "report-sheet.yml"


def report(number: int, action: str = "labeled", before: str | None = None) -> dict[str, Any]:
    """The `issues` event of report #`number` (labelled «участие» and
    «принято»); `before` is the text an edit replaced."""
    event = json.loads((ISSUES / "opened.json").read_text("utf-8"))
    event["action"] = action
    event["issue"]["number"] = number
    event["issue"]["labels"] = [{"name": "участие"}, {"name": "принято"}]
    if action in ("labeled", "unlabeled"):
        event["label"] = {"name": "принято"}
        event["sender"] = {"login": "coordinator"}
    if before is not None:
        event["changes"] = {"body": {"from": before}}
    return event


def with_answers(event: dict[str, Any], *changes: tuple[str, str]) -> dict[str, Any]:
    event = copy.deepcopy(event)
    for old, new in changes:
        assert old in event["issue"]["body"]
        event["issue"]["body"] = event["issue"]["body"].replace(old, new)
    return event


# Report #13: another teacher, another day and platform.
OTHER = (
    ("14.10.2025", "15.10.2025"),
    ("Абдулаева Марха Висхановна", "Исаева Зарема Ахмедовна"),
    ("\nИнфоурок\n", "\nСферум\n"),
    ("\nПубликация\n", "\nВебинар\n"),
    ("Разработка урока «Дроби»", "Вебинар о десятичных дробях"),
    ("https://infourok.ru/razrabotka-uroka-drobi-123.html", "_No response_"),
)


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    hub = Hub(tmp_path)
    state = hub.state()
    state["permissions"] = {"coordinator": "admin"}
    hub.write_state(state)
    return hub


def accept(hub: Hub, event: dict[str, Any]) -> Job:
    """«принято» on the report: its issue carries both labels, and `store` runs."""
    hub.issue(event["issue"]["number"], "участие", "принято")
    job = hub.run_job(INTAKE, "store", event, secrets={"TEACHER_KEY": KEY})
    assert job.result == "success", job.said()
    return job


def sources(hub: Hub) -> list[str]:
    """The sources the pull request's branch carries, oldest first."""
    text = hub.git(
        "log", "--reverse", "--format=%(trailers:key=Activity-Source,valueonly)",
        "main..activity/intake",
    )  # fmt: skip
    return text.split()


def open_pull(hub: Hub) -> dict[str, Any]:
    (pull,) = [pull for pull in hub.state()["pulls"] if pull["state"] == "OPEN"]
    return pull


def log_on(hub: Hub, branch: str) -> str:
    return hub.git("show", f"{branch}:data/activity-log.csv")


def test_reports_and_the_spreadsheet_go_to_one_pull_request(hub: Hub, tmp_path: Path) -> None:
    first = accept(hub, report(12))
    assert first.outputs == {"branch": "activity/intake", "included": "true"}
    # One pull request from activity/intake into main, changing the log alone.
    pull = open_pull(hub)
    assert (pull["head"], pull["base"], pull["number"]) == ("activity/intake", "main", 1)
    assert hub.git("diff", "--name-only", "main", "activity/intake").split() == [
        "data/activity-log.csv"
    ]
    assert sources(hub) == ["issue-12"]
    assert pull["body"].startswith("Closes #12\n\n**Новых строк в журнале участия: 1.**")
    assert "14.10.2025 · Инфоурок · Публикация · Разработка урока «Дроби»" in pull["body"]
    assert first.summary == pull["body"]  # the run's summary is the description
    # The log keeps the teacher under a pseudonym; nothing public shows it.
    assert PSEUDONYM.search(log_on(hub, "activity/intake"))
    for public in (pull["body"], first.summary, first.said()):
        assert not PSEUDONYM.search(public) and "Абдулаева" not in public
    # The run says no next steps for a person at a terminal.
    assert "Что дальше" not in first.said() and "make serve" not in first.said()

    accept(hub, with_answers(report(13), *OTHER))
    pull = open_pull(hub)
    assert pull["number"] == 1 and len(hub.state()["pulls"]) == 1
    assert pull["body"].startswith("Closes #12\nCloses #13\n\n")
    assert sources(hub) == ["issue-12", "issue-13"]
    assert hub.calls_of("pr", "edit")[-1]["args"][2] == "1"

    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Дата,ФИО педагога,Платформа,Вид активности,Название,Ссылка\n"
        "20.10.2025,Педагог Семь,Урок.РФ,Онлайн-урок,Урок о площади,\n"
        "21.10.2025,Тайнова Секрета Скрытовна,ВКонтакте,Вебинар,Скрытый вебинар,\n",
        "utf-8",
    )
    pulled = hub.run_job(
        SHEET,
        "sheet",
        {},
        secrets={"TEACHER_KEY": KEY, "ACTIVITY_SHEET_URL": str(sheet)},
    )
    assert pulled.result == "success", pulled.said()
    pull = open_pull(hub)
    assert sources(hub) == ["issue-12", "issue-13", "sheet"]
    assert pull["body"].startswith(
        "Closes #12\nCloses #13\n\n**Новых строк в журнале участия: 3.**"
    )
    assert "20.10.2025 · Урок.РФ · Онлайн-урок · Урок о площади" in pull["body"]
    # A refused row: its line, column and a generic reason; never its cells.
    assert "строка 3: «Платформа» — неизвестная платформа" in pull["body"]
    for public in (pull["body"], pulled.summary, pulled.said()):
        for secret in ("ВКонтакте", "Тайнова", "Скрытый", str(sheet)):
            assert secret not in public


def test_a_report_edited_after_it_was_accepted_must_be_accepted_again(hub: Hub) -> None:
    accept(hub, report(12))
    accept(hub, with_answers(report(13), *OTHER))
    edited = with_answers(
        report(12, "edited", before=report(12)["issue"]["body"]),
        ("Разработка урока «Дроби»", "Разработка урока «Дроби и доли»"),
    )
    job = hub.run_job(INTAKE, "withdraw", edited)
    assert job.result == "success", job.said()
    # The teacher reads why, in Russian; the label is off.
    (comment,) = hub.calls_of("issue", "comment")
    assert comment["args"][2] == "12"
    assert comment["body"] == (REPLIES / "edited.md").read_text("utf-8")
    assert comment["body"].startswith("**Заявку нужно принять снова.**")
    assert hub.state()["issues"]["12"]["labels"] == ["участие"]
    # The pull request no longer carries the old row, nor closes #12.
    assert sources(hub) == ["issue-13"]
    body = open_pull(hub)["body"]
    assert body.startswith("Closes #13\n\n") and "Closes #12" not in body
    assert "Дроби»" not in body
    # Accepted again: the row as it is now.
    accept(hub, edited | {"action": "labeled", "label": {"name": "принято"}})
    assert sources(hub) == ["issue-13", "issue-12"]
    body = open_pull(hub)["body"]
    assert "Closes #12\nCloses #13" in body
    assert "Разработка урока «Дроби и доли»" in body and "Разработка урока «Дроби»\n" not in body


def test_a_report_whose_label_is_taken_off_leaves_the_pull_request(hub: Hub) -> None:
    accept(hub, report(12))
    accept(hub, with_answers(report(13), *OTHER))
    hub.issue(13, "участие")  # the coordinator took «принято» off by hand
    job = hub.run_job(INTAKE, "withdraw", report(13, "unlabeled"))
    assert job.result == "success", job.said()
    assert hub.calls_of("issue", "comment") == []  # only an edit asks the teacher
    assert sources(hub) == ["issue-12"]
    # Taking the last one off closes the pull request.
    hub.issue(12, "участие")
    assert hub.run_job(INTAKE, "withdraw", report(12, "unlabeled")).result == "success"
    assert [pull["state"] for pull in hub.state()["pulls"]] == ["CLOSED"]


def test_the_pull_request_follows_main(hub: Hub) -> None:
    accept(hub, report(12))
    # The coordinator merges it: main holds the row, the branch stays.
    hub.git("update-ref", "refs/heads/main", "refs/heads/activity/intake")
    state = hub.state()
    state["pulls"][0]["state"] = "MERGED"
    state["issues"]["12"]["state"] = "CLOSED"
    hub.write_state(state)
    accept(hub, with_answers(report(13), *OTHER))
    # A new pull request, from main: the merged row is not proposed again.
    pull = open_pull(hub)
    assert pull["number"] == 2 and sources(hub) == ["issue-13"]
    assert pull["body"].startswith("Closes #13\n\n**Новых строк в журнале участия: 1.**")
    # main moves on: the next report is added on the branch made afresh on it.
    work = hub.clone() / "project"
    (work / "docs" / "ru" / "новое.md").write_text("# Новое\n", "utf-8")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "Another change of main")
    git(work, "push", "-q", "origin", "main")
    accept(
        hub,
        with_answers(
            report(14),
            ("14.10.2025", "16.10.2025"),
            ("Разработка урока «Дроби»", "Разработка урока «Проценты»"),
        ),
    )
    hub.git("merge-base", "--is-ancestor", "main", "activity/intake")  # fails if not
    assert sources(hub) == ["issue-13", "issue-14"]
    assert hub.git("diff", "--name-only", "main", "activity/intake").split() == [
        "data/activity-log.csv"
    ]


def reply(hub: Hub, event: dict[str, Any], needs: dict[str, Any]) -> Job:
    job = hub.run_job(INTAKE, "reply", event, needs=needs)
    assert job.result == "success", job.said()
    return job


def test_a_label_set_by_someone_who_may_not_accept_is_answered(hub: Hub) -> None:
    event = report(12) | {"sender": {"login": "stranger"}}
    hub.issue(12, "участие", "принято")
    authorise = hub.run_job(INTAKE, "authorise", event)
    assert authorise.outputs == {"allowed": "false"}
    reply(hub, event, {"authorise": {"result": "success", "outputs": authorise.outputs}})
    (comment,) = hub.calls_of("issue", "comment")
    assert comment["body"] == (REPLIES / "not-allowed.md").read_text("utf-8")
    assert "может только координатор" in comment["body"]
    assert hub.state()["issues"]["12"]["labels"] == ["участие"]


def test_a_report_that_could_not_be_stored_is_answered(hub: Hub) -> None:
    hub.issue(12, "участие", "принято")
    store = hub.run_job(INTAKE, "store", report(12), secrets={})  # no TEACHER_KEY
    assert store.result == "failure"
    assert "Секрет TEACHER_KEY не задан" in store.said()
    assert "activity/intake" not in hub.git("branch", "--list")
    assert hub.state()["pulls"] == []
    reply(
        hub,
        report(12),
        {
            "authorise": {"result": "success", "outputs": {"allowed": "true"}},
            "store": {"result": store.result, "outputs": store.outputs},
        },
    )
    (comment,) = hub.calls_of("issue", "comment")
    assert comment["body"].startswith((REPLIES / "store-failed.md").read_text("utf-8"))
    # The run to open (the hub numbers each job's run from 1001).
    assert comment["body"].endswith(
        "\nЗапуск: https://github.com/belgatoy-school/network/actions/runs/1002\n"
    )
    assert "Сведения пока не сохранены" in comment["body"]
    assert hub.state()["issues"]["12"]["labels"] == ["участие"]  # to be set again


def test_a_report_the_log_holds_already_is_closed(hub: Hub) -> None:
    accept(hub, report(12))
    hub.git("update-ref", "refs/heads/main", "refs/heads/activity/intake")
    state = hub.state()
    state["pulls"][0]["state"] = "MERGED"
    hub.write_state(state)
    again = accept(hub, report(12))  # the same report accepted once more
    assert again.outputs == {"branch": "", "included": "false"}
    assert len(hub.state()["pulls"]) == 1  # no new pull request
    reply(
        hub,
        report(12),
        {
            "authorise": {"result": "success", "outputs": {"allowed": "true"}},
            "store": {"result": "success", "outputs": again.outputs},
        },
    )
    (comment,) = hub.calls_of("issue", "comment")
    assert comment["body"] == (REPLIES / "already-in-log.md").read_text("utf-8")
    assert hub.state()["issues"]["12"] == {"labels": ["участие", "принято"], "state": "CLOSED"}


def test_the_scripts_a_workflow_runs_exist_in_the_project() -> None:
    """Every file a step copies or adds is one the project has: a renamed
    file fails here, not on GitHub."""
    for path in sorted([*(GITHUB / "workflows").glob("*.yml"), *GITHUB.glob("actions/*/*.yml")]):
        text = path.read_text("utf-8")
        for name in re.findall(r"(?:data|\.github)/[\w./-]+\.(?:csv|yml|md)", text):
            assert (ROOT / name).exists(), f"{path.name}: {name}"
