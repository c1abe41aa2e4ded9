"""The content checks of `make check`, one module per kind of problem.

Every check is a function `(source, rules) -> Iterator[Problem]`; the
`Source` (checks/source.py) knows its path, its text and whether it is
Markdown or Chechen. run.py runs them all over the files people write (for
scripts/check_content.py, which prints one line per problem, and for the
review import's trial, translation/trial.py). Their messages are Russian:
teachers read them in CI.
"""
