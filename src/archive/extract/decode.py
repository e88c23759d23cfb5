"""Bytes → text: BOM, HTTP header, ``<meta>`` declaration, then detection.

Chinese pages often declare ``gb2312`` while using characters only GBK has (朱镕基's 镕), and Big5 pages use
the Hong Kong and ETEN extensions; every declared name is therefore widened to its superset before decoding.
"""

from __future__ import annotations

import codecs
import re

from archive.errors import InputError

# Declared charset (lower case) → the codec that decodes it without loss.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "euc-cn": "gb18030",
    "csgb2312": "gb18030",
    "hz-gb-2312": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cp950": "cp950",
    "utf8": "utf-8",
    "unicode": "utf-8",
}
# Declarations that usually mean "nobody set the charset" on Chinese sites: verify by detection instead.
_UNTRUSTED = {"iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"}

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def normalize_charset(name: str | None) -> str | None:
    """The Python codec to use for a declared charset name, or None when unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    if label in _UNTRUSTED:
        return None
    label = _SUPERSETS.get(label, label)
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, codec)


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the header, the XML declaration or a ``<meta>`` tag declares (widened), if any."""
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match:
            codec = normalize_charset(match.group(1))
            if codec:
                return codec
    head = data[:8192]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found:
            codec = normalize_charset(found.group(1).decode("ascii", "ignore"))
            if codec:
                return codec
    return None


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or (13 < b < 32 and b != 27))


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read (NUL bytes, control characters)."""
    head = data[:4096]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(head) // 100)


def _try(data: bytes, codec: str, tolerance: float = 0.0) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        if tolerance <= 0:
            return None
    except LookupError:
        return None
    text = data.decode(codec, errors="replace")
    if text.count("\ufffd") <= tolerance * len(text):
        return text
    return None


# Very frequent characters, written the same in both scripts: a decoding that yields many of them is right.
_COMMON = frozenset(
    "的一是不了人我在有他中大上国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好"
    "都然没日于起还成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样分外但身些与高意把法此"
    "实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走四第门相次东政海口使教西"
    "再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件"
)
_CHINESE_CODECS = ("gb18030", "big5hkscs")


def _chinese_score(text: str) -> float:
    sample = text[:50_000]
    hits = sum(1 for ch in sample if ch in _COMMON)
    return hits - 20 * sample.count("\ufffd")


def _detect(data: bytes) -> str | None:
    """Undeclared, not UTF-8: the Chinese codec giving the most common characters, else charset-normalizer."""
    best: tuple[float, str] | None = None
    for codec in _CHINESE_CODECS:
        text = _try(data, codec, tolerance=0.002)
        if text is not None:
            score = _chinese_score(text)
            if best is None or score > best[0]:
                best = (score, text)
    if best is not None and best[0] > 0:
        return best[1]
    from charset_normalizer import from_bytes

    guess = from_bytes(data[:200_000]).best()
    if guess is None:
        return None
    codec = normalize_charset(guess.encoding) or guess.encoding
    return _try(data, codec, tolerance=0.001)


def decode_bytes(data: bytes, content_type: str | None = None) -> str:
    """Decode a page or text file; raises ``InputError`` when no encoding fits.

    Order: byte-order mark, charset in the HTTP ``Content-Type`` header, ``<?xml encoding>`` or ``<meta>``
    declaration, strict UTF-8, GB18030 (a superset of GB2312/GBK) when the bytes fit it well, then detection.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    if looks_binary(data):
        raise InputError("binary data, not text")
    declared = declared_charset(data, content_type)
    if declared in _CHINESE_CODECS:
        # Pages mislabelled between GBK and Big5 exist: a declared Chinese codec must also read well.
        text = _try(data, declared, tolerance=0.002)
        if text is not None and _chinese_score(text) > 0:
            return text
    elif declared:
        # A few broken bytes in a declared page are tolerated (truncated captures, stray bytes).
        text = _try(data, declared, tolerance=0.002)
        if text is not None:
            return text
    text = _try(data, "utf-8")
    if text is not None:
        return text
    text = _detect(data)
    if text is not None:
        return text
    raise InputError("cannot decode: not UTF-8, GB18030 or Big5 text")
