"""The verification QR code, drawn straight onto the canvas as one filled path.

reportlab's QrCodeWidget builds one shape object per module and scores the eight masks with
slow list code, together costing more than laying out a page. Its encoder
(reportlab.graphics.barcode.qrencoder) still places the data; the mask is chosen here by the
penalty rules of ISO/IEC 18004 §7.8.3 on bit strings, and each run of dark modules becomes one rectangle.
"""

import re

from reportlab.graphics.barcode import qrencoder

QUIET_MODULES = 4
MASK_PATTERNS = range(8)
SAME_COLOUR_RUN = re.compile(r"0{5,}|1{5,}")
FINDER_LIKE = ("10111010000", "00001011101")
LIGHT_BORDER = "0000"
AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def qr_modules(value) -> list[str]:
    """Encode value with error correction M as rows of "1" (dark) and "0", best mask applied."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.version = code.calculate_version()
    symbols = [_masked(code, pattern) for pattern in MASK_PATTERNS]
    return min(symbols, key=penalty)


def penalty(rows) -> int:
    """Score a masked symbol: runs of one colour, 2×2 blocks, finder look-alikes, dark/light imbalance."""
    lines = rows + ["".join(column) for column in zip(*rows, strict=True)]
    runs = sum(len(run) - 2 for line in lines for run in SAME_COLOUR_RUN.findall(line))
    padded = [LIGHT_BORDER + line + LIGHT_BORDER for line in lines]
    finders = sum(line.count(pattern) for line in padded for pattern in FINDER_LIKE)
    return runs + _blocks(rows) + 40 * finders + _imbalance(rows)


def draw_qr(canvas, value, size):
    """Draw value as a QR code filling a size × size square at the canvas origin, quiet zone included."""
    rows = qr_modules(value)
    module = size / (len(rows) + 2 * QUIET_MODULES)
    path = canvas.beginPath()
    for index, row in enumerate(rows):
        y = size - (QUIET_MODULES + index + 1) * module
        for run in re.finditer("1+", row):
            path.rect((QUIET_MODULES + run.start()) * module, y, len(run.group()) * module, module)
    canvas.drawPath(path, stroke=0, fill=1)


def _masked(code, pattern):
    code.makeImpl(False, pattern)
    return [bytes(row).translate(AS_DIGITS).decode() for row in code.modules]


def _blocks(rows):
    inner = (1 << (len(rows[0]) - 1)) - 1
    bits = [int(row, 2) for row in rows]
    same = (~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & inner
            for upper, lower in zip(bits, bits[1:], strict=False))
    return 3 * sum(block.bit_count() for block in same)


def _imbalance(rows):
    total = len(rows) ** 2
    dark = sum(row.count("1") for row in rows)
    return 10 * (abs(dark * 100 // total - 50) // 5)
