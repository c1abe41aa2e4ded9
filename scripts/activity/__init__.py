"""Participation statistics: the teachers' activity on the platforms.

    sources      read a CSV or XLSX file, or one at an http(s) address
    columns      find the header row and the date, teacher, … columns in it
    values       parse one cell: dates, names (one key per teacher), contacts
    registries   data/*.yml: platforms, activity kinds, school years and
                 their terms with reporting periods, consent
    validate     turn rows into activities, or into problems with lines;
                 note merged names and years without a calendar
    log          the canonical activity log, data/activity-log.csv
    pseudonyms   teachers without consent are kept under a pseudonym
    summary      counts per school year, term and holidays; the JSON
    export       a term's or a year's tables for the district office
    labels       the report's words in each language, with plural forms
    model        Activity and the log's columns

scripts/stats.py is the command line over them; the report pages are
rendered by scripts/render/reports.py.
"""
