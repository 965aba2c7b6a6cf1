from reportlab.graphics.barcode import qrencoder

from documents.qr import penalty, qr_modules

URL = "https://caseflow.example.gov.cn/verify/3f9c2a7e"


def _reportlab_symbol(value, pattern):
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    code.makeImpl(False, pattern)
    return ["".join("1" if dark else "0" for dark in row) for row in code.modules]


def test_symbol_is_reportlabs_encoding_under_the_lowest_penalty_mask():
    symbol = qr_modules(URL)
    candidates = [_reportlab_symbol(URL, pattern) for pattern in range(8)]
    assert symbol in candidates
    assert penalty(symbol) == min(penalty(candidate) for candidate in candidates)


def test_symbol_has_finder_patterns_in_three_corners():
    symbol = qr_modules(URL)
    size = len(symbol)
    finder_top = "1111111"
    assert symbol[0][:7] == symbol[0][size - 7:] == symbol[size - 1][:7] == finder_top
    assert all(len(row) == size for row in symbol)


def test_penalty_counts_runs_blocks_and_imbalance():
    light = ["0" * 6] * 6
    runs = 12 * (6 - 2)
    blocks = 3 * 25
    imbalance = 10 * (50 // 5)
    assert penalty(light) == runs + blocks + imbalance

