"""stats.py from-issue: a report made with the issue form «Сообщить об
участии», read from GitHub's event file, judged by every rule of `check`,
told as issue #N:«Field»: problem, answered on the issue, and stored by
`pull` itself; stats.py describe: the pull request's description."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest

from activity import issue_form, replies
from common.site_config import ROOT
from support.commands import run_program
from support.stats import (
    ROWS,
    issue_body,
    issue_event,
    log_rows,
    run,
    snapshot,
    today,
    write_csv,
)

ROW = (
    "2025-10-14,педагог-…,infourok,publication,Разработка урока «Дроби»,"
    "https://infourok.ru/razrabotka-uroka-drobi-123.html"
)
CONSENT = "Я согласен(на), что моё ФИО будет видно всем в этой заявке"
PSEUDONYM = re.compile(r"педагог-[0-9a-f]{10}")


def changed(old: str, new: str, fixture: str = "opened.json") -> str:
    body = issue_body(fixture)
    assert old in body
    return body.replace(old, new, 1)


def test_a_report_gives_its_row_as_the_log_will_keep_it(tmp_path: Path) -> None:
    result = run("from-issue", issue_event(tmp_path / "event.json"))
    assert result.returncode == 0, result.stdout
    # The log's own columns and writing; the name is not shown, nor its pseudonym.
    assert result.stdout == ROW + "\n"
    assert "Абдулаева" not in result.stdout
    assert "issue #12 заполнена верно" in result.stderr


def test_an_edited_report_is_read_as_it_is_now(tmp_path: Path) -> None:
    result = run("from-issue", issue_event(tmp_path / "event.json", fixture="edited.json"))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ROW.replace("«Дроби»", "«Дроби и доли»") + "\n"


def _tomorrow() -> str:
    return f"{today() + datetime.timedelta(days=1):%d.%m.%Y}"


# Each kind of bad report: what is changed in the form's text, and the one
# problem told, after «issue #12:».
BAD = {
    "future date": (
        "14.10.2025",
        _tomorrow(),
        f"«Дата»: {_tomorrow()} — дата в будущем (сегодня {today():%d.%m.%Y}): "
        "проверьте день, месяц и год",
    ),
    "impossible date": (
        "14.10.2025",
        "30.02.2025",
        "«Дата»: невозможная дата «30.02.2025»: такого дня нет",
    ),
    "no date": ("14.10.2025", "_No response_", "«Дата»: не указана дата"),
    "unknown platform": (
        "\nИнфоурок\n",
        "\nОдноклассники\n",
        "«Платформа»: неизвестная платформа «Одноклассники»; известные: infourok (Инфоурок), "
        "urokrf (Урок.РФ), library (Электронная библиотека), "
        "prosv (Интернет-школа «Просвещение.ру»), sferum (Сферум)",
    ),
    "unknown activity": (
        "\nПубликация\n",
        "\nПрогулка\n",
        "«Вид активности»: неизвестный вид активности «Прогулка»; известные: "
        "publication (Публикация), webinar (Вебинар), course (Курсы повышения квалификации), "
        "contest (Конкурс или олимпиада), lesson (Онлайн-урок)",
    ),
    "consent not ticked": (
        "- [X] ",
        "- [ ] ",
        "«Согласие»: не отмечено согласие: без него сведения не принимаются; если вы не "
        "согласны, чтобы ФИО было видно в заявке, удалите его и сообщите об участии координатору",
    ),
    "consent reworded": (
        "будет видно всем",
        "не будет видно",
        "«Согласие»: текст согласия изменён: верните текст из формы и отметьте его",
    ),
    "mixed-script name": (
        "Абдулаева",
        "Aбдулаева",  # a Latin A
        "«ФИО педагога»: в имени «Aбдулаева Марха Висхановна» смешаны латинские и русские "
        "буквы: латинская «A»; наберите имя в одной раскладке",
    ),
    "a phone for a name": (
        "Абдулаева Марха Висхановна",
        "+7 928 123-45-67",
        "«ФИО педагога»: в столбце педагога, похоже, номер телефона: контакты не сохраняются",
    ),
    "a pseudonym for a name": (
        "Абдулаева Марха Висхановна",
        "педагог-0123456789",
        "«ФИО педагога»: напишите фамилию, имя и отчество, а не псевдоним",
    ),
    "e-mail in the title": (
        "Разработка урока «Дроби»",
        "пишите на teacher@mail.ru",
        "«Название»: в названии, похоже, адрес электронной почты: "
        "личные данные не сохраняются — сократите текст",
    ),
    "not a web link": (
        "https://infourok.ru/razrabotka-uroka-drobi-123.html",
        "javascript:alert(1)",
        "«Ссылка»: ссылка «javascript:alert(1)» — не адрес http:// или https://",
    ),
    "two lines in an answer": (
        "Абдулаева Марха Висхановна",
        "Абдулаева\nМарха Висхановна",
        "«ФИО педагога»: ответ должен быть одной строкой",
    ),
    "a field removed": (
        "### Платформа\n\nИнфоурок\n\n",
        "",
        "«Платформа»: нет этого поля: верните строку «### Платформа» и ответ под ней",
    ),
    "a field twice": (
        "### Название",
        "### Дата\n\n15.10.2025\n\n### Название",
        "«Дата»: поле повторяется",
    ),
    "a section of its own": (
        "### Согласие",
        "### Комментарий\n\n@coordinator посмотрите\n\n### Согласие",
        " лишний раздел «### Комментарий»: в заявке должны быть только поля формы",
    ),
    "text before the form": (
        "### Дата",
        "Здравствуйте!\n\n### Дата",
        " перед первым полем («### Дата») есть текст: в заявке должны быть только поля формы",
    ),
    "control characters": (
        "Разработка урока",
        "Разработка\x1b[31m урока\u202e",
        "«Название»: в ответе есть невидимые управляющие символы (U+001B, U+202E): "
        "наберите ответ заново, не копируя его",
    ),
}


@pytest.mark.parametrize("kind", BAD)
def test_each_bad_report_is_told_by_its_field(tmp_path: Path, kind: str) -> None:
    old, new, problem = BAD[kind]
    result = run("from-issue", issue_event(tmp_path / "event.json", body=changed(old, new)))
    assert result.returncode == 1
    assert result.stdout == f"issue #12:{problem}\n"
    assert "Ошибок в заявке issue #12: 1; исправьте заявку." in result.stderr
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e]", result.stdout + result.stderr)


def test_every_problem_of_a_report_is_told_at_once_in_the_forms_order(tmp_path: Path) -> None:
    body = changed("- [X] ", "- [ ] ").replace("Инфоурок", "Одноклассники")
    body = body.replace("14.10.2025", "31.09.2025")
    result = run("from-issue", issue_event(tmp_path / "event.json", body=body))
    assert result.returncode == 1
    fields = [line.split("»:")[0] for line in result.stdout.splitlines()]
    assert fields == ["issue #12:«Дата", "issue #12:«Платформа", "issue #12:«Согласие"]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (None, "заявка пуста: заполните форму заново"),
        ("   \n", "заявка пуста: заполните форму заново"),
        (
            issue_body() + "\n" + "я" * issue_form.MAX_BODY,
            f"текст заявки длиннее {issue_form.MAX_BODY} знаков: в форме столько не бывает; "
            "оставьте в заявке только ответы формы",
        ),
        ("Просто текст, без формы.", None),
    ],
    ids=["no text", "blank", "too long", "no form"],
)
def test_a_report_that_is_no_form_is_refused(tmp_path: Path, body, problem) -> None:
    result = run("from-issue", issue_event(tmp_path / "event.json", body=body))
    assert result.returncode == 1
    if problem:
        assert result.stdout == f"issue #12: {problem}\n"
    else:  # every field missing, and the text above them
        assert result.stdout.count("нет этого поля") == 7
        assert result.stdout.startswith("issue #12: перед первым полем")


def test_a_flood_of_sections_is_told_in_a_few_lines(tmp_path: Path) -> None:
    flood = "".join(f"\n### {n}" for n in range(500))
    result = run("from-issue", issue_event(tmp_path / "event.json", body=issue_body() + flood))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == issue_form.MAX_PROBLEMS + 1
    assert lines[-1] == (
        f"issue #12: и ещё ошибок: {500 - issue_form.MAX_PROBLEMS}; "
        "оставьте в заявке только поля формы"
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "это не JSON события GitHub"),
        (
            b'{"pull_request": {"number": 3}}',
            "это не событие заявки (issues): в нём нет заявки с номером",
        ),
        (
            b'{"issue": {"number": true, "body": ""}}',
            "это не событие заявки (issues): в нём нет заявки с номером",
        ),
        (b'{"issue": {"number": 4, "body": ["###"]}}', "текст заявки (body) — не строка"),
        (b" " * (issue_form.MAX_EVENT + 1), "файл больше 1024 КБ: это не событие GitHub"),
    ],
    ids=["not json", "not an issue", "no number", "body not text", "too big"],
)
def test_an_event_file_that_is_no_issue_event_is_refused(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    event = tmp_path / "event.json"
    event.write_bytes(content)
    result = run("from-issue", event)
    assert result.returncode == 1
    assert result.stdout == f"{event}:1: {problem}\n"


def test_the_reply_accepts_a_good_report_with_the_row_and_no_name(tmp_path: Path) -> None:
    reply = tmp_path / "reply.md"
    result = run("from-issue", issue_event(tmp_path / "event.json"), "--comment", reply)
    assert result.returncode == 0
    text = reply.read_text("utf-8")
    # The workflow finds its reply by the first line, to edit it in place.
    assert text.splitlines()[0] == replies.MARKER
    assert "**Принято к проверке.**" in text
    assert f"```text\n{ROW}\n```" in text
    assert "Абдулаева" not in text and not PSEUDONYM.search(text)
    assert "«принято»" in text and "pull request" in text


def test_the_reply_lists_the_problems_and_how_to_edit(tmp_path: Path) -> None:
    reply = tmp_path / "reply.md"
    body = changed("- [X] ", "- [ ] ").replace("14.10.2025", "30.02.2025")
    result = run("from-issue", issue_event(tmp_path / "event.json", body=body), "--comment", reply)
    assert result.returncode == 1
    text = reply.read_text("utf-8")
    assert text.splitlines()[0] == replies.MARKER
    assert "**Нужно исправить заявку.**" in text
    assert (
        "```text\n«Дата»: невозможная дата «30.02.2025»: такого дня нет\n"
        "«Согласие»: не отмечено согласие: без него сведения не принимаются; если вы не "
        "согласны, чтобы ФИО было видно в заявке, удалите его и сообщите об участии "
        "координатору\n```"
    ) in text
    assert "«Edit»" in text and "### Дата" in text


def test_what_a_teacher_wrote_stays_text_in_the_reply(tmp_path: Path) -> None:
    """Markdown, HTML, mentions and fences from the issue land in a code
    block that nothing in them can close."""
    title = "<img src=x onerror=alert(1)> @coordinator #1 ```` [x](javascript:y)"
    reply = tmp_path / "reply.md"
    event = issue_event(tmp_path / "event.json", body=changed("Разработка урока «Дроби»", title))
    assert run("from-issue", event, "--comment", reply).returncode == 0
    text = reply.read_text("utf-8")
    block = re.search(r"^(`{3,})text\n(.*?)\n\1$", text, re.MULTILINE | re.DOTALL)
    assert block and len(block[1]) == 5
    assert title in block[2]
    assert text.count(title) == 1


def test_a_report_is_pulled_once_with_a_pseudonym(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    event = issue_event(tmp_path / "event.json")
    first = run("from-issue", event, "--pull", "--data", data)
    assert first.returncode == 0, first.stdout
    assert "добавлена 1 новая активность" in first.stderr and "журнал изменился" in first.stderr
    rows = log_rows(data)
    assert rows[0] == ["date", "teacher", "platform", "activity", "title", "url"]
    assert len(rows) == 2 and PSEUDONYM.fullmatch(rows[1][1])
    assert rows[1][:1] + rows[1][2:] == ROW.split(",")[:1] + ROW.split(",")[2:]
    assert "Абдулаева" not in (data / "activity-log.csv").read_text("utf-8")
    stored = snapshot(data)
    # The same issue again, as the workflow would on a second «принято».
    again = run("from-issue", event, "--pull", "--data", data)
    assert again.returncode == 0
    assert "добавлено 0 новых активностей" in again.stderr and "журнал не изменился" in again.stderr
    assert snapshot(data) == stored


def test_an_edited_report_is_pulled_as_edited_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    event = issue_event(tmp_path / "event.json", fixture="edited.json")
    assert run("from-issue", event, "--pull", "--data", data).returncode == 0
    assert [row[4] for row in log_rows(data)[1:]] == ["Разработка урока «Дроби и доли»"]
    stored = snapshot(data)
    assert run("from-issue", event, "--pull", "--data", data).returncode == 0
    assert snapshot(data) == stored


def test_a_report_and_a_spreadsheet_count_one_teacher_once(tmp_path: Path) -> None:
    """pull's rules hold for an issue: the name, spelled otherwise in a
    spreadsheet, is the same teacher under the same pseudonym."""
    data = tmp_path / "data"
    data.mkdir()
    sheet = write_csv(
        tmp_path / "sheet.csv",
        rows=[["15.10.2025", "Абдулаева М. В.", "Сферум", "Вебинар", "", ""]],
    )
    assert run("pull", sheet, "--data", data).returncode == 0
    assert (
        run("from-issue", issue_event(tmp_path / "event.json"), "--pull", "--data", data).returncode
        == 0
    )
    teachers = {row[1] for row in log_rows(data)[1:]}
    assert len(log_rows(data)) == 3 and len(teachers) == 1


def test_a_bad_report_stores_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    assert (
        run("pull", write_csv(tmp_path / "sheet.csv", rows=ROWS[:2]), "--data", data).returncode
        == 0
    )
    before = snapshot(data)
    event = issue_event(tmp_path / "event.json", body=changed("- [X] ", "- [ ] "))
    result = run("from-issue", event, "--pull", "--data", data)
    assert result.returncode == 1
    assert "ничего не сохранено" in result.stderr
    assert snapshot(data) == before


def test_the_reply_is_not_written_into_the_data(tmp_path: Path) -> None:
    event = issue_event(tmp_path / "event.json")
    result = run("from-issue", event, "--comment", ROOT / "data" / "reply.md")
    assert result.returncode == 1 and "хранится журнал" in result.stdout
    assert not (ROOT / "data" / "reply.md").exists()


def test_a_hostile_report_as_its_own_program_prints_no_traceback(tmp_path: Path) -> None:
    event = issue_event(
        tmp_path / "event.json", body=changed("Разработка урока", "\x1b]0;x\x07\x00")
    )
    result = run_program("stats.py", "from-issue", event, "--pull", "--data", tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("issue #12:«Название»: в ответе есть невидимые")
    assert not re.search(r"[\x00\x07\x1b]", result.stdout + result.stderr)
    assert not (tmp_path / "activity-log.csv").exists()


def test_the_description_shows_the_new_row_and_the_terms_new_counts(tmp_path: Path) -> None:
    data, before = tmp_path / "data", tmp_path / "before"
    data.mkdir()
    assert (
        run("pull", write_csv(tmp_path / "sheet.csv", rows=ROWS[:2]), "--data", data).returncode
        == 0
    )
    shutil.copytree(data, before)
    assert (
        run("from-issue", issue_event(tmp_path / "event.json"), "--pull", "--data", data).returncode
        == 0
    )
    result = run("describe", "--before", before, "--closes", "12", "--data", data)
    assert result.returncode == 0, result.stdout
    text = result.stdout
    assert text.startswith("Closes #12\n")
    assert "**Новых строк в журнале участия: 1.**" in text
    new_row = next(",".join(row) for row in log_rows(data)[1:] if row[0] == "2025-10-14")
    assert f"```text\n{new_row}\n```" in text
    # The first term of 2025/26 had two activities of two teachers on
    # Инфоурок and Урок.РФ; the report adds one on Инфоурок, by a third.
    assert "### I четверть 2025/26 учебного года: числа отчёта" in text
    for line in (
        "| Участий | 2 | 3 |",
        "| Педагогов | 2 | 3 |",
        "| Инфоурок | 1 | 2 |",
        "| Урок.РФ | 1 | 1 |",
    ):
        assert line in text
    assert "Сферум" not in text  # no activity there before or after
    assert "Не принято" not in text and "пример" not in text


def test_the_description_tells_refused_rows_without_names_or_address(tmp_path: Path) -> None:
    data, before = tmp_path / "data", tmp_path / "before"
    sheet = write_csv(
        tmp_path / "secret-published-sheet.csv",
        rows=[
            ROWS[0],
            ["03.09.2025", "Иванова Aйшат Руслановна", "Сферум", "Вебинар", "", ""],
            ["04.09.2025", "Педагог 05", "ВКонтакте", "Вебинар", "", ""],
        ],
    )
    rejects = tmp_path / "rejects.csv"
    data.mkdir()
    result = run("pull", "--partial", "--rejects", rejects, sheet, "--data", data)
    assert result.returncode == 1  # refused rows, the right one stored
    result = run("describe", "--before", before, "--refused", rejects, "--data", data)
    assert result.returncode == 0, result.stdout
    text = result.stdout
    assert "Closes" not in text
    assert "### Не принято строк: 2" in text
    assert "строка 3: в имени «[ФИО скрыто]» смешаны латинские и русские буквы" in text
    assert "строка 4: неизвестная платформа «ВКонтакте»" in text
    assert "Иванова" not in text and "Aйшат" not in text
    assert "secret-published-sheet" not in text and str(tmp_path) not in text


def test_the_description_says_the_example_is_replaced(tmp_path: Path) -> None:
    data, before = tmp_path / "data", tmp_path / "before"
    before.mkdir()
    shutil.copy(ROOT / "data" / "activity-log.csv", before / "activity-log.csv")
    shutil.copytree(before, data)
    assert (
        run("from-issue", issue_event(tmp_path / "event.json"), "--pull", "--data", data).returncode
        == 0
    )
    text = run("describe", "--before", before, "--data", data).stdout
    assert "Журнал был примером" in text
    assert "| Участий | 0 | 1 |" in text  # the example's numbers are not the school's
    assert len(log_rows(data)) == 2  # the header and the issue's row


def test_describe_refuses_a_file_that_is_no_list_of_refused_rows(tmp_path: Path) -> None:
    other = write_csv(tmp_path / "sheet.csv")
    result = run("describe", "--before", tmp_path, "--refused", other, "--data", tmp_path)
    assert result.returncode == 1
    assert result.stdout == f"{other}:1: нет столбцов «Причина» и «Откуда»: это не список отказов\n"
