"""Byte-identical builds: give the gallery's zip downloads fixed file times.

sphinx-gallery zips each example (its .py and .ipynb) with the files' modification times, so
two builds of the same sources give different zips. At the end of each HTML build this
rewrites every zip under ``_downloads/`` whose entries do not carry the build's date
(``SOURCE_DATE_EPOCH``, or 1980-01-01, the earliest date a zip can hold) with that date.
``tools/check_reproducible.py`` (``nox -s repro``) checks the result.
"""

import os
import time
import zipfile
from pathlib import Path


def fixed_date():
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01
    return time.gmtime(max(epoch, 315532800))[:6]


def normalize_zip(path, date):
    with zipfile.ZipFile(path) as old:
        infos = old.infolist()
        if all(info.date_time == date for info in infos):
            return False
        entries = [(info, old.read(info)) for info in infos]
    tmp = path.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w") as new:
        for info, data in sorted(entries, key=lambda entry: entry[0].filename):
            fixed = zipfile.ZipInfo(info.filename, date_time=date)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            new.writestr(fixed, data)
    tmp.replace(path)
    return True


def _on_build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    date = fixed_date()
    for path in sorted((Path(app.outdir) / "_downloads").rglob("*.zip")):
        normalize_zip(path, date)


def setup(app):
    app.connect("build-finished", _on_build_finished)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
