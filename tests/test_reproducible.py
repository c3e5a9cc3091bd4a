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
