"""docs/_ext/reproducible.py: two zips of the same files made at different times become identical."""

import os
import time
import zipfile

from reproducible import fixed_date, normalize_zip


def make_zip(path, mtime):
    with zipfile.ZipFile(path, "w") as z:
        for name in ("b.py", "a.ipynb"):
            info = zipfile.ZipInfo(name, date_time=time.gmtime(mtime)[:6])
            z.writestr(info, f"content of {name}")


def test_zip_downloads_get_fixed_times(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    make_zip(first, 1_700_000_000)
    make_zip(second, 1_800_000_000)
    assert first.read_bytes() != second.read_bytes()
    assert normalize_zip(first, fixed_date()) and normalize_zip(second, fixed_date())
    assert first.read_bytes() == second.read_bytes()
    assert zipfile.ZipFile(first).infolist()[0].date_time == (2026, 1, 1, 0, 0, 0)
    assert not normalize_zip(first, fixed_date())  # already fixed: left alone
    assert os.environ["SOURCE_DATE_EPOCH"] == "1767225600"


def test_comparison_of_two_builds_catches_planted_differences(tmp_path):
    from check_reproducible import differences

    a, b = tmp_path / "a", tmp_path / "b"
    for root in (a, b):
        (root / "sub").mkdir(parents=True)
        (root / "index.html").write_text("<p>same</p>\n")
        (root / ".buildinfo").write_bytes(os.urandom(16))  # Sphinx's build hash: ignored
    assert differences(a, b) == []
    (a / "sub" / "page.html").write_text("<p>Run at 12:00</p>\n")
    (b / "sub" / "page.html").write_text("<p>Run at 12:01</p>\n")
    (a / "only-here.png").write_bytes(b"\x89PNG")
    found = differences(a, b)
    assert any(f.startswith("sub/page.html: differs") and "12:00" in f for f in found), found
    assert "only-here.png: only in one build" in found
    assert len(found) == 2
