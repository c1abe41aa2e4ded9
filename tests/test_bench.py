"""`make bench` judges by the budgets of common/budgets.py, the ones the
tests hold, and measures every language of common.site_config.LANGS."""

from __future__ import annotations

from pathlib import Path

import bench
from common import budgets
from common.site_config import LANGS

ROW = {
    "url": "http://127.0.0.1:8000/network/policy/",
    "scores": dict(budgets.LIGHTHOUSE),
    "bytes": budgets.COLD_PAGE_KB * 1024,
    "third_party": [],
}


def test_a_page_within_every_budget_is_said_to_be() -> None:
    assert bench.page_verdict(ROW) == "within the budgets"


def test_each_budget_a_page_is_over_is_named() -> None:
    heavy = {
        **ROW,
        "scores": {**budgets.LIGHTHOUSE, "performance": 98},
        "bytes": 46 * 1024,
        "third_party": ["https://fonts.example.org/x.woff2"],
    }
    assert bench.page_verdict(heavy) == (
        "OVER: performance 98 < 100; 46.0 KB > 45 KB; 1 requests to other hosts"
    )


def test_the_synthetic_archive_has_every_language(tmp_path: Path) -> None:
    bench.make_archive(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(LANGS)
