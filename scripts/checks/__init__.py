"""The content checks of `make check`, one module per kind of problem.

Every check is a function `(source, rules) -> Iterator[Problem]`; the
`Source` (checks/source.py) knows its path, its text and whether it is
Markdown or Chechen. run.py reads each file people write (through
common/textfile.py and, for its YAML, common/yamldata.py) and runs them all,
for scripts/check_content.py, which prints one line per problem, and for the
review import's trial (translation/trial.py). Their messages are Russian:
teachers read them in CI.

run                  CHECKS, the files they read (sources), check()
source               Source, Rules (the exceptions, the glossary's forms to
                     avoid, the consented names), Check, shown
palochka_lookalikes  Ӏ typed as I, l, 1 or І in Chechen text
personal_data        phones, e-mails, SNILS, passports, birth certificates
                     (common/personal_data.py)
unsafe_html          what the build's sanitiser would remove from a page
images               images without alt text
front_matter         front matter against front-matter.schema.yml, whose
                     non-empty text is common/schema.py's TEXT; the review flag
internal_links       links to a missing page, file or anchor of the site
markdown_lint        heading levels, one H1 and a few more rules (pymarkdown)
markdown_text        prose apart from code, front matter's end, HTML tags
news_posts           news posts as the build reads them (community/news.py),
                     and the placeholders `news.py new` wrote
glossary_terms       a form data/glossary.yml says to avoid, in Chechen text
files                files of docs/ that are not pages, by type (the build's
                     policy, postbuild/published_files.py); not a Source
                     check: check(paths, rules)
"""
