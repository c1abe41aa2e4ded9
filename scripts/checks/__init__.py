"""The content checks of `make check`, one module per kind of problem.

Every check is a function `(source, rules) -> Iterator[Problem]`; the
`Source` (checks/source.py) knows its path, its text and whether it is
Markdown or Chechen. scripts/check_content.py runs them all and prints one
line per problem; its docstring lists them.
"""
