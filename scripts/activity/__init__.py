"""Participation statistics: the teachers' activity on the platforms.

    sources      read a CSV or XLSX file, one at an http(s) address, or rows
                 in memory, within limits (size, cell, rows, unpacked XLSX,
                 download time); note unsafe characters by line
    columns      find the header row and the date, teacher, … columns in it
    values       parse one cell: dates (Excel's day numbers too), names (one
                 key per teacher), contacts; guard formulas (OWASP) and take
                 the guard off again
    names        which names read are one teacher: spellings, and a short
                 form («Абдулаева М. В.») of the one full name it can be;
                 one it could be two of is ambiguous
    mentions     titles and links naming a teacher without consent
    registries   data/*.yml: platforms, activity kinds, school years and
                 their terms with reporting periods, consent
    validate     turn rows into activities, or into problems with lines;
                 note merged names, repeated rows, totals skipped and years
                 without a calendar
    log          the canonical activity log, data/activity-log.csv: one file
                 whose first line says whether it is the example, and the
                 fingerprint of its key
    store        the one way the log changes: pull (and rekey, and carry of
                 rows a branch holds) under a lock, key checked, one atomic
                 rename
    pseudonyms   teachers without consent are kept under a pseudonym; the key
    summary      counts per school year, term and holidays; the JSON, and
                 the text `stats.py summary` prints
    export       a term's or a year's tables for the district office, under
                 title rows (school, period, «Предварительные данные»); the
                 refused rows of a partial pull
    outputs      where stats.py may write: only where git ignores it, never
                 into data/, the site's sources or git's own folders
    labels       the report's words in each language, with plural forms;
                 `counted` words a count in stats.py's own Russian
    model        Activity and the log's columns
    issue_form   a report made with the issue form «Сообщить об участии»:
                 GitHub's event file read strictly, its answers judged as
                 rows are, problems told by the form's field
    form_rules   the form's stricter rules: a full Cyrillic name; no person
                 by name and patronymic, no pupil or class in a title; links
                 to the public internet only, no phone in their query
    replies      what the GitHub workflows post: the reply to a report
                 issue, the description of the pull request that changes the
                 log, never a row's teacher (templates in templates/)
    refusals     a refused spreadsheet row's reasons as they may be
                 published: the column and a generic reason, no cell
    intake       the one pull request of the log (branch activity/intake):
                 one commit per source (a report issue, the spreadsheet),
                 made afresh on main from the rows each source added

scripts/stats.py is the command line over them (one place, `told`, turns
what they find into lines); the report pages are
rendered by scripts/render/reports.py; .github/workflows/report-intake.yml
and report-sheet.yml run it on GitHub. Today's date is the school's
(common.site_config.today), not the machine's.
"""
