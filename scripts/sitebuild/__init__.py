"""The whole build, from data to a finished site/.

    build   render (scripts/render/) ─> mkdocs build --strict ─> postbuild
            (scripts/postbuild/); MkDocs' warnings told as FILE:LINE

scripts/build_site.py, scripts/serve.py, the tests and the benchmark call it.
"""
