"""The offline bundle: a built site (English at the root, Chinese in zh/) as one zip file.

Officials read the catalogue on machines with no network: unzipped, `index.html` opens from
file:// with search working (the site is built with Material's offline plugin; see hooks.py).
The archive is deterministic: entries sorted, fixed timestamps and permissions, so the same
site gives the same bytes. It is written beside its target and renamed, never half-written.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

FIXED_TIME = (2023, 11, 20, 0, 0, 0)  # the scenarios' release date; zip cannot store times before 1980
README = """Chongqing aerospace-information scenario catalogue (offline copy)
重庆空天信息应用场景目录（离线版）

Open index.html in a web browser for English, zh/index.html for Chinese.
Search, filters and downloads work without a network connection.

用浏览器打开 zh/index.html 查看中文版，打开 index.html 查看英文版。
搜索、筛选和下载均无需联网。
"""


def bundle(site: Path, target: Path, folder: str) -> int:
    """Zip every file under `site` but its 404 pages into `target`, inside `folder`/; return the
    number of files. The entries are sorted as text, as unzip lists them."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site} holds no built site (no index.html); build it first")
    # Not the 404 page: only a web server shows it, for an address it lacks; from file:// none does,
    # and its links start at the server's root ('/assets/…'), which on a disk is the disk's.
    files = sorted((path for path in site.rglob("*") if path.is_file() and path.name != "404.html"), key=Path.as_posix)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".zip")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            _add(archive, f"{folder}/README.txt", README.encode("utf-8"))
            for path in files:
                _add(archive, f"{folder}/{path.relative_to(site).as_posix()}", path.read_bytes())
        Path(temporary).chmod(0o644)  # mkstemp makes it private; the bundle is meant to be passed around
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(files) + 1


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    entry.external_attr = 0o644 << 16
    # Compressed at zlib's default level: the archive's own settings do not reach an entry given as a ZipInfo.
    archive.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)
