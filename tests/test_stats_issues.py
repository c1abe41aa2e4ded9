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
import yaml

from activity import issue_form, registries, replies
from activity.validate import Validator
from common import site_config
from common.problem import Problems
from common.site_config import ROOT
from sitebuild.project_copy import copy_project
from support.commands import run_program
from support.stats import (
    ROWS,
    data_folder,
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
    "consent not ticked": ("- [X] ", "- [ ] ", f"«Согласие»: {issue_form.CONSENT_MISSING}"),
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
    "tag characters": (
        "Разработка урока",
        "Разработка\U000e0069\U000e0067 урока",
        "«Название»: в ответе есть невидимые управляющие символы (U+E0067, U+E0069): "
        "наберите ответ заново, не копируя его",
    ),
    "one word for a name": (
        "Абдулаева Марха Висхановна",
        "Абдулаева",
        "«ФИО педагога»: напишите фамилию, имя и отчество полностью, как в школьных "
        "документах (одного слова мало)",
    ),
    "a name in Latin letters": (
        "Абдулаева Марха Висхановна",
        "Abdulaeva Markha Viskhanovna",
        "«ФИО педагога»: ФИО не кириллицей: напишите его русскими буквами, как в школьных "
        "документах",
    ),
    "a name with Greek letters": (
        "Абдулаева Марха Висхановна",
        "Абдулаева Марха Висхановнα",
        "«ФИО педагога»: в ФИО есть буквы не кириллицей: напишите его русскими буквами, "
        "как в школьных документах",
    ),
    "a digit for the palochka": (
        "Абдулаева Марха Висхановна",
        "Абдулаева Марха Абдул-1алимовна",
        "«ФИО педагога»: в ФИО есть цифры: напишите фамилию, имя и отчество буквами "
        "(палочку пишите буквой Ӏ, а не цифрой 1)",
    ),
}

FULL_NAME = (
    "«Название»: в названии, похоже, имя и отчество человека: уберите их; писателя или "
    "исторического деятеля назовите фамилией с инициалами (А. С. Пушкин)"
)
PUPIL = (
    "«Название»: в названии упомянут ученик или ученица: сведения об учениках не "
    "публикуются — уберите это из названия"
)
LOCAL = (
    "«Ссылка»: ссылка ведёт не на сайт в интернете (IP-адрес, localhost или адрес локальной "
    "сети): дайте адрес страницы с именем сайта, например https://infourok.ru/…"
)
PHONE = (
    "«Ссылка»: в ссылке после «?» или «#», похоже, номер телефона (семь цифр и больше "
    "подряд): личные данные не сохраняются — уберите эту часть адреса"
)


def _class(label: str) -> str:
    return (
        f"«Название»: в названии номер класса («{label}»): сведения об учениках не "
        "публикуются — уберите его из названия"
    )


# Titles and links the issue form refuses (the text is anyone's on the
# internet), with the one problem told; and the ones it keeps.
REFUSED_ANSWERS = {
    "Открытый урок Марха Висхановна": FULL_NAME,
    "Вебинар Ахмеда Рашидовича о дробях": FULL_NAME,
    "Мастер-класс Анны Ильиничны": FULL_NAME,
    "Поздравление Рашида Мамед оглы": FULL_NAME,
    "Проект ученицы Мадины": PUPIL,
    "Работы учеников": PUPIL,
    "Открытый урок в 5 «А» классе": _class("5 «А»"),
    "Классный час 7Б": _class("7Б"),
    "Урок в 9 б классе": _class("9 б класс"),
    "Утренник 11-А": _class("11-А"),
    "http://127.0.0.1/урок": LOCAL,
    "http://localhost:8000/x": LOCAL,
    "https://192.168.1.10/журнал": LOCAL,
    "http://10.0.0.5/": LOCAL,
    "http://169.254.169.254/latest/meta-data/": LOCAL,
    "http://[::1]/x": LOCAL,
    "http://2130706433/": LOCAL,
    "http://0x7f.1/": LOCAL,
    "http://intranet/урок": LOCAL,
    "https://files.school.local/урок": LOCAL,
    "https://infourok.ru/razrabotka?tel=89281234567": PHONE,
    "https://infourok.ru/razrabotka?call=%2B7%20(928)%201234567": PHONE,
    "https://infourok.ru/razrabotka#79281234567": PHONE,
}
KEPT_ANSWERS = (
    "Урок по сказке А. С. Пушкина",
    "Олимпиада для 5–7 классов",
    "Рабочая программа на 2025/26 учебный год",
    "Урок о городе Москве",
    "https://урок.рф/x?page=2",
    "https://infourok.ru/razrabotka-uroka-drobi-1234567.html",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
)


@pytest.mark.parametrize("answer", REFUSED_ANSWERS)
def test_a_title_or_link_naming_a_person_or_the_local_network_is_refused(
    tmp_path: Path, answer: str
) -> None:
    field = "https://infourok.ru/razrabotka-uroka-drobi-123.html"
    old = field if answer.startswith("http") else "Разработка урока «Дроби»"
    result = run("from-issue", issue_event(tmp_path / "event.json", body=changed(old, answer)))
    assert result.returncode == 1
    assert result.stdout == f"issue #12:{REFUSED_ANSWERS[answer]}\n"


@pytest.mark.parametrize("answer", KEPT_ANSWERS)
def test_titles_and_links_that_name_no_one_are_kept(tmp_path: Path, answer: str) -> None:
    field = "https://infourok.ru/razrabotka-uroka-drobi-123.html"
    old = field if answer.startswith("http") else "Разработка урока «Дроби»"
    result = run("from-issue", issue_event(tmp_path / "event.json", body=changed(old, answer)))
    assert result.returncode == 0, result.stdout


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


SHOWN = "14.10.2025 · Инфоурок · Публикация · Разработка урока «Дроби»"


def test_the_reply_accepts_a_good_report_with_the_activity_and_no_teacher(tmp_path: Path) -> None:
    reply = tmp_path / "reply.md"
    result = run("from-issue", issue_event(tmp_path / "event.json"), "--comment", reply)
    assert result.returncode == 0
    text = reply.read_text("utf-8")
    # The workflow finds its reply by the first line, to edit it in place.
    assert text.splitlines()[0] == replies.MARKER
    assert "**Принято к проверке.**" in text
    # The activity by its date, platform, kind and title: no teacher at all.
    assert f"```text\n{SHOWN}\n```" in text
    assert "Абдулаева" not in text and "педагог-…" not in text and not PSEUDONYM.search(text)
    assert "«принято»" in text and "pull request" in text
    # What is true: the issue is public, and what the log keeps without consent.
    said = " ".join(text.split())
    assert (
        "**Эта заявка публична.** Любой в интернете видит в ней ваше ФИО рядом со сведениями "
        "об участии"
    ) in said
    assert "сообщите через онлайн-таблицу школы" in said
    assert "журнал участия хранит эту строку не с ФИО, а с псевдонимом" in said
    assert "с вашим ФИО" not in said


def test_the_reply_says_the_log_keeps_a_consented_name(tmp_path: Path) -> None:
    """With consent in data/consent.yml the log keeps the name, and the reply
    says so, not that the name stays out."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "consent.yml").write_text(
        "- name: Абдулаева Марха Висхановна\n  since: 2025-09-01\n  kept: папка согласий\n",
        "utf-8",
    )
    known = registries.load(data)
    form = issue_form.load_form(ROOT)
    report = issue_form.read(issue_event(tmp_path / "event.json"), form, Validator(known))
    said = " ".join(replies.issue_reply(report, form, known).split())
    assert "журнал участия хранит эту строку с вашим ФИО, и отчёты сайта могут вас назвать" in said
    assert "псевдоним" not in said and "**Эта заявка публична.**" in said
    assert SHOWN in said and "Абдулаева" not in said


def test_the_form_says_what_is_public_and_what_the_log_keeps() -> None:
    form = yaml.safe_load((ROOT / issue_form.FORM).read_text("utf-8"))
    said = " ".join(form["body"][0]["attributes"]["value"].split())
    assert "**Эту заявку видят все в интернете:** ваше ФИО в ней стоит рядом со сведениями" in (
        said
    )
    assert "не заполняйте эту форму: сообщите об участии через онлайн-таблицу школы" in said
    assert (
        "если ваше письменное согласие на публикацию ФИО записано в списке согласий школы, — "
        "ваше ФИО, и отчёты сайта могут вас назвать; если нет — вместо ФИО псевдоним"
    ) in said
    assert "ФИО не попадает" not in said


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
        f"«Согласие»: {issue_form.CONSENT_MISSING}\n```"
    ) in text
    assert "«Edit»" in text and "### Дата" in text


def test_a_teacher_who_did_not_consent_is_not_told_to_delete_the_name() -> None:
    """GitHub keeps every version of an issue's text: deleting the name
    would leave it in the history. The coordinator removes the version."""
    said = issue_form.CONSENT_MISSING
    assert "удалите" not in said
    assert "GitHub хранит прежние версии текста заявки" in said
    assert "координатор удалит эту версию из истории (или всю заявку)" in said
    assert "онлайн-таблицу школы" in said


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
    result = run("describe", "--before", before, "--closes", "15", "--closes", "12", "--data", data)
    assert result.returncode == 0, result.stdout
    text = result.stdout
    # One line for each report the pull request closes.
    assert text.startswith("Closes #12\nCloses #15\n\n")
    assert "**Новых строк в журнале участия: 1.**" in text
    # The row by its date, platform, kind and title: never its pseudonym,
    # which the public issue would tie to the teacher's name.
    assert f"```text\n{SHOWN}\n```" in text
    assert not PSEUDONYM.search(text) and "Абдулаева" not in text
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


# A spreadsheet row refused for each kind of reason, and what the public
# description may say of it: the line, the column, a generic reason.
REFUSED_ROWS = [
    (["", "Педагог 05", "Сферум", "Вебинар", "", ""], "«Дата» — дата не указана"),
    (["вчера", "Педагог 05", "Сферум", "Вебинар", "", ""], "«Дата» — не дата (нужно ДД.ММ.ГГГГ)"),
    (["31.09.2025", "Педагог 05", "Сферум", "Вебинар", "", ""], "«Дата» — такого дня нет"),
    (["01.01.2099", "Педагог 05", "Сферум", "Вебинар", "", ""], "«Дата» — дата в будущем"),
    (["01.01.1999", "Педагог 05", "Сферум", "Вебинар", "", ""], "«Дата» — слишком ранняя дата"),
    (["03.09.2025", "", "Сферум", "Вебинар", "", ""], "«ФИО педагога» — ФИО не указано"),
    (
        ["03.09.2025", "89281234567", "Сферум", "Вебинар", "", ""],
        "«ФИО педагога» — вместо ФИО — контакт или номер",
    ),
    (
        ["03.09.2025", "Иванова Aйшат Руслановна", "Сферум", "Вебинар", "", ""],
        "«ФИО педагога» — смешаны латинские и русские буквы",
    ),
    (["03.09.2025", "Педагог 05", "", "Вебинар", "", ""], "«Платформа» — платформа не указана"),
    (
        ["03.09.2025", "Педагог 05", "ВКонтакте", "Вебинар", "", ""],
        "«Платформа» — неизвестная платформа",
    ),
    (
        ["03.09.2025", "Педагог 05", "Сферум", "", "", ""],
        "«Вид активности» — вид активности не указан",
    ),
    (
        ["03.09.2025", "Педагог 05", "Сферум", "Чаепитие", "", ""],
        "«Вид активности» — неизвестный вид активности",
    ),
    (
        ["03.09.2025", "Педагог 05", "Сферум", "Вебинар", "Звоните 89281234567", ""],
        "«Название» — личные данные",
    ),
    (
        ["03.09.2025", "Педагог 05", "Сферум", "Вебинар", "Урок Ясаевой Т. М.", ""],
        "«Название» — фамилия педагога без согласия",
    ),
    (
        ["03.09.2025", "Педагог 05", "Сферум", "Вебинар", "", "ftp://files.example.ru/a"],
        "«Ссылка» — не адрес http:// или https://",
    ),
    (
        ["03.09.2025", "Педагог 05", "Сферум", "Вебинар", "", "https://a b"],
        "«Ссылка» — неполный адрес",
    ),
    (
        ["03.09.2025", "Педагог 05", "Сферум", "Вебинар", "", "https://wa.me/79281234567"],
        "«Ссылка» — личные данные",
    ),
    (
        ["03.09.2025", "Педагог 05", "Сферум", "Вебинар", "", "https://t.ru/yasaeva-tamara"],
        "«Ссылка» — фамилия педагога без согласия",
    ),
    (
        ["03.09.2025", "Педагог 05", "Сферум", "Вебинар", "Урок\x1b", ""],
        "недопустимый управляющий символ",
    ),
]


def test_the_description_tells_refused_rows_without_their_cells(tmp_path: Path) -> None:
    data, before = tmp_path / "data", tmp_path / "before"
    teacher = ["02.09.2025", "Ясаева Тамара Магомедовна", "Сферум", "Вебинар", "", ""]
    sheet = write_csv(
        tmp_path / "secret-published-sheet.csv",
        rows=[ROWS[0], teacher, *(row for row, _ in REFUSED_ROWS)],
    )
    rejects = tmp_path / "rejects.csv"
    data.mkdir()
    shutil.copytree(data, before)
    (before / "activity-log.csv").write_bytes((ROOT / "data" / "activity-log.csv").read_bytes())
    result = run("pull", "--partial", "--rejects", rejects, sheet, "--data", data)
    assert result.returncode == 1  # refused rows, the right ones stored
    result = run("describe", "--before", before, "--refused", rejects, "--data", data)
    assert result.returncode == 0, result.stdout
    text = result.stdout
    assert "Closes" not in text
    assert f"### Не принято строк онлайн-таблицы: {len(REFUSED_ROWS)}" in text
    block = re.search(r"```text\n(строка .*?)\n```", text, re.DOTALL)
    assert block
    assert block[1].splitlines() == [
        f"строка {line}: {told}" for line, (_, told) in enumerate(REFUSED_ROWS, start=4)
    ]
    # Not a word of the refused cells: names, dates, values; nor the address.
    for row, _ in REFUSED_ROWS:
        for cell in row:
            if len(cell) > 3:
                assert cell not in block[1], cell
    for secret in ("Ясаев", "Aйшат", "ВКонтакте", "31.09.2025", "Чаепитие", "89281234567"):
        assert secret not in text
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
    shutil.copy(ROOT / "data" / "activity-log.csv", tmp_path / "activity-log.csv")
    result = run("describe", "--before", tmp_path, "--refused", other, "--data", tmp_path)
    assert result.returncode == 1
    assert result.stdout == f"{other}:1: нет столбцов «Причина» и «Откуда»: это не список отказов\n"


@pytest.mark.parametrize("what", ["missing", "a file", "empty"])
def test_describe_refuses_a_before_folder_without_the_log(tmp_path: Path, what: str) -> None:
    """A typo in --before would describe every row of the log as new."""
    before = tmp_path / "before"
    if what == "a file":
        before.write_text("", "utf-8")
    elif what == "empty":
        before.mkdir()
    told = {
        "missing": "такой папки нет",
        "a file": "это не папка",
        "empty": "в папке нет activity-log.csv",
    }
    result = run("describe", "--before", before, "--data", ROOT / "data")
    assert result.returncode == 1
    assert result.stdout == (
        f"{before}: {told[what]}: укажите в --before папку с копией журнала до изменения "
        "(activity-log.csv)\n"
    )


def test_a_report_pulled_on_github_is_named_as_the_issue_and_says_no_next_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`from-issue --pull` runs in a workflow, which commits the log: none of
    pull's steps for a person at a terminal, and no temporary file named."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    data = data_folder(tmp_path)
    result = run("from-issue", issue_event(tmp_path / "event.json"), "--pull", "--data", data)
    assert result.returncode == 0, result.stdout
    said = result.stdout + result.stderr
    assert "Что дальше" not in said and "make serve" not in said and "git add" not in said
    assert "issue-12" not in said and ".csv" not in said.replace("activity-log.csv", "")
    # A pull of a spreadsheet on GitHub says none either; at a terminal it does.
    sheet = write_csv(tmp_path / "sheet.csv", rows=ROWS[:1])
    at_terminal = run("pull", sheet, "--data", data)
    assert "Что дальше" in at_terminal.stderr
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    on_github = run("pull", write_csv(tmp_path / "more.csv", rows=ROWS[1:2]), "--data", data)
    assert on_github.returncode == 0 and "Что дальше" not in on_github.stderr


def test_a_form_of_other_fields_is_told_in_russian(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    form = project / issue_form.FORM
    form.write_text(form.read_text("utf-8").replace("id: url", "id: link"), "utf-8")
    with pytest.raises(Problems) as told:
        issue_form.load_form(project)
    assert str(told.value).endswith(
        "поля формы (id) должны быть такими, по порядку: date, teacher, platform, activity, "
        "title, url, consent"
    )


def test_today_is_the_schools_date_not_the_runners() -> None:
    """At 22:30 UTC on 24 November it is already 25 November in Moscow: a
    report of that day is not in the future."""
    evening = datetime.datetime(2026, 11, 24, 22, 30, tzinfo=datetime.UTC)
    assert site_config.today(evening) == datetime.date(2026, 11, 25)
    assert site_config.today(evening.replace(hour=20)) == datetime.date(2026, 11, 24)
    known = registries.load(ROOT / "data")
    assert Validator(known).today == site_config.today()
    late = Validator(known, today=site_config.today(evening))
    assert late.record({"date": "25.11.2026"}, ("x", 1)) != [] and all(
        field != "date" for field, _ in late.record({"date": "25.11.2026"}, ("x", 1))
    )
