"""Draw the site's link-preview image (Open Graph / Twitter card): docs/assets/images/routewijzer-delen.png.

A signpost on the site's indigo, 1200 x 630 (the size link previews expect), written as a PNG with
the standard library only, so the image is local and reproducible. Run once after changing it:

    python scripts/make_share_image.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
INDIGO = (63, 81, 181)
WHITE = (255, 255, 255)
PINK = (245, 0, 87)
OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images" / "routewijzer-delen.png"


def inside_board(x: int, y: int, left: int, right: int, top: int, bottom: int, point_right: bool) -> bool:
    """A sign board: a rectangle with an arrow point on one side."""
    if not top <= y < bottom:
        return False
    middle = (top + bottom) / 2
    half = (bottom - top) / 2
    slope = abs(y - middle)
    if point_right:
        return left <= x < right + (half - slope)
    return left - (half - slope) <= x < right


def pixel(x: int, y: int) -> tuple[int, int, int]:
    if 585 <= x < 615 and 120 <= y < 560:  # the pole
        return WHITE
    if 380 <= x < 820 and 550 <= y < 570:  # the ground
        return WHITE
    if inside_board(x, y, 600, 860, 150, 250, point_right=True):
        return WHITE
    if inside_board(x, y, 340, 600, 290, 390, point_right=False):
        return PINK
    return INDIGO


def png(width: int, height: int) -> bytes:
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(png(WIDTH, HEIGHT))
    print(f"{OUT} ({OUT.stat().st_size} bytes)")
