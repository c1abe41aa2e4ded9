"""The whole build, from data to a finished site/.

    build          render (scripts/render/) ─> language map ─> mkdocs build
                   --strict, in this process ─> postbuild (scripts/postbuild/);
                   MkDocs' warnings told as FILE:LINE
    language_map   every page's languages, addresses, date and edit link,
                   written for the templates before MkDocs runs
    preview        `make serve`: rebuild only what an edit needs
    warm_theme     each template compiled once, for every language's build
    project_copy   a copy of the project's sources, to change and build

scripts/build_site.py, scripts/serve.py, the tests and the benchmark call it.
"""
