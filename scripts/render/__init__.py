"""Markdown made from data, before MkDocs runs: `data/ ─render─> docs/`.

core                 the renderer contract, GENERATED, NOTICE, render_all
registry             RENDERERS: every renderer, in the order they run, and
                     MADE_FROM: what each generated file is made from
shows                which Chechen texts each generated part shows, for a
                     page's review notice (translation/units.py)
school               the school's names, for the pages that give them
glossary             the glossary tables on /glossary/
platforms            the comparison on /platforms/ and each guide's facts
report_form          the questions of a school's online report form, on
                     /contributing/report-sheet/
reports              the year and term report pages, the years and the trend on
                     /reports/, the rule of the reporting periods, the open data
charts               static SVG bar charts for the reports: the layout here, the
                     SVG in templates/bar-chart.svg.jinja
translation_status   the table on /contributing/translations/
news                 the news lists on /news/ (paginated) and the home page
events               the calendar on /events/ and /events/archive/
contacts             the community's channels on /contacts/
mdtext               small Markdown pieces: cells, tables, links, safe text
templating           Jinja templates in templates/, with StrictUndefined
"""
