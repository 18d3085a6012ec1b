"""QR codes of page addresses, made at build time, for printed sheets: a reader scans the paper
and lands on the page online. Only where the site's address is known (CATALOGUE_SITE_URL): a
code of a local preview's address would lead nowhere.
"""

from __future__ import annotations

import io

import segno

# Segno tries all eight masks and keeps the best; one fixed mask takes a quarter of the time
# (measured on this catalogue's addresses: 1.9 ms a code instead of 6.6 ms), and zxing-cpp
# decodes every one of them (tests/test_qr.py). Mask 2 is the one segno picks most often for them.
MASK = 2


def code(address: str) -> segno.QRCode:
    """The QR code of `address`, error correction M (about 15 % of it may be smudged)."""
    return segno.make_qr(address, error="m", mask=MASK)


def svg(address: str, title: str) -> str:
    """The QR code of `address` as an SVG file that scales to any size (a viewBox, no width or
    height); `title` names it when the file is opened on its own. Same address, same bytes."""
    out = io.BytesIO()
    code(address).save(out, kind="svg", xmldecl=False, svgclass=None, lineclass=None, omitsize=True, title=title, nl=True)
    return out.getvalue().decode("utf-8")
