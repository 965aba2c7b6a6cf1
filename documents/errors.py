"""Why a document could not be produced; each error says so in Chinese, since officers read it."""


class DocumentError(Exception):
    """Base of every refusal to render: the caller gets an error instead of a doubtful PDF."""


class MissingData(DocumentError):
    """Required data is absent, so the document would be legally incomplete."""

    def __init__(self, title, labels):
        self.title = title
        self.labels = tuple(labels)
        super().__init__(f"无法生成《{title}》，缺少：{'、'.join(self.labels)}")


class MissingGlyphs(DocumentError):
    """The font cannot draw some characters; printing blanks would silently alter a name or a fact."""

    def __init__(self, font_file, characters):
        self.font_file = font_file
        self.characters = tuple(characters)
        listed = "、".join(f"{ch}（U+{ord(ch):04X}）" for ch in self.characters)
        super().__init__(
            f"字体 {font_file} 缺少以下字符的字形：{listed}；"
            "请设置 CASEFLOW_DOCUMENT_FONT 指定含这些字符的字体"
        )


class UnsupportedFont(DocumentError):
    """The configured font cannot be embedded as TrueType, or cannot be found at all."""


class NotApplicable(DocumentError):
    """The case data shows the document has no place in it, e.g. a hearing notice without a hearing right."""

    def __init__(self, title, reason):
        self.title = title
        super().__init__(f"本案不适用《{title}》：{reason}")
