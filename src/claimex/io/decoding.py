"""Decoding a file's bytes into the article text as read (:func:`decode_bytes`), and repairing text.

A byte order mark decides; otherwise strict UTF-8; otherwise UTF-16/32 without BOM if the NUL-byte pattern
says so; otherwise a Western or Central European 8-bit code page (cp1252, latin-1, iso-8859-15, cp1250)
picked with charset-normalizer. Other encodings (KOI8-R, Shift-JIS, ...) are misread unless ``encoding=``
names them.  Mojibake is then repaired with ftfy, changing nothing else (curly quotes, ligatures, widths,
Unicode normalization and HTML entities are left alone) and ``\\r\\n`` / ``\\r`` become ``\\n``
(:func:`repair_text`).  Bytes with NULs outside UTF-16/32, or too many control characters, are not text.
"""

from __future__ import annotations

import re

import ftfy

NOT_TEXT = "not a text file (binary content)"

# Share of control characters (other than whitespace) above which decoded
# bytes are taken for binary content rather than text.
MAX_CONTROL_SHARE = 0.05

_WESTERN_CODE_PAGES = ["cp1252", "latin_1", "iso8859_15"]
_CENTRAL_EUROPEAN_CODE_PAGES = ["cp1250"]

_BOMS: tuple[tuple[bytes, str], ...] = (  # longest first: UTF-32 LE starts like UTF-16 LE
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,  # done by hand: ftfy would also turn U+2028 into \n
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc but whitespace
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # C0 controls XML 1.0 forbids


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode a file's bytes into the article text as read (see module doc).

    ``encoding`` forces a codec (strict; a leading BOM is dropped). Raises
    ValueError, and only ValueError, with a reason fit for the user:
    ``not a text file (binary content)`` for NUL bytes outside UTF-16/32 or
    too many control characters, or why the bytes do not decode.
    """
    return repair_text(decode_raw(data, encoding))


def repair_text(text: str) -> str:
    """Normalize line breaks to ``\\n`` and repair mojibake, nothing else.

    Lone surrogates (possible from JSON ``\\ud800`` escapes) become U+FFFD and
    NUL characters (JSON ``\\u0000``) are dropped (:func:`valid_text`).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return valid_text(_without_mojibake(text))


def _without_mojibake(text: str) -> str:
    """ftfy's repair of the lines that hold a character beyond ASCII, the only ones it can change; the others as
    they are.  ftfy fixes a text a line at a time, the same lines (2 million blank lines took it 16 s)."""
    pieces, position = [], 0
    while (found := _NON_ASCII.search(text, position)) is not None:
        start = max(text.rfind("\n", position, found.start()) + 1, position)
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end + 1
        pieces += [text[position:start], ftfy.fix_text(text[start:end], _MOJIBAKE_ONLY)]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def valid_text(text: str) -> str:
    """``text`` without NUL characters and with lone surrogates as U+FFFD: text that every writer accepts."""
    return without_lone_surrogates(text.replace("\x00", ""))


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD (same length, so offsets hold); ``text`` itself when it has none."""
    return LONE_SURROGATE.sub("\ufffd", text) if LONE_SURROGATE.search(text) else text


def without_xml_controls(text: str) -> str:
    """``text`` without the C0 control characters XML forbids (all but tab, line feed and carriage return).

    Browsers show a page with a stray one; lxml refuses the whole page.
    """
    return _NOT_IN_XML.sub("", text)


def decode_raw(data: bytes, encoding: str | None = None) -> str:
    """Decode bytes to str without any repair; raises ValueError."""
    text = _decode_forced(data, encoding) if encoding else _decode_guessed(data)
    if not looks_like_text(text):
        raise ValueError(NOT_TEXT)
    return text


def check_encoding(encoding: str) -> None:
    """Raise ValueError unless ``encoding`` names a text encoding Python decodes (``base64`` does not)."""
    try:
        b"a".decode(encoding)  # an empty input skips the lookup
    except LookupError:
        raise ValueError(f"unknown text encoding {encoding!r}") from None
    except UnicodeError:
        pass  # a known encoding that cannot decode "a" (utf-16): known all the same


def _decode_forced(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None
    except UnicodeError as error:
        raise ValueError(f"cannot decode as {encoding}: {_decode_reason(error)}") from None
    return text[1:] if text.startswith("\ufeff") else text


def _decode_guessed(data: bytes) -> str:
    bom_codec = bom_encoding(data)
    if bom_codec:
        return _decode_with_bom(data, bom_codec)
    if b"\x00" in data:
        text = _decode_wide_without_bom(data)
        if text is None:
            raise ValueError(NOT_TEXT)
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_code_page(data)


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _decode_with_bom(data: bytes, encoding: str) -> str:
    if encoding == "utf-32":
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError:
            if data.startswith(b"\x00\x00"):
                raise ValueError("invalid UTF-32 (file starts with a UTF-32 byte order mark)") from None
            encoding = "utf-16"  # FF FE 00 00 may be a UTF-16 BOM and a NUL
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16"}[encoding]
        raise ValueError(
            f"invalid {name} (file starts with a {name} byte order mark): {_decode_reason(error)}"
        ) from None


def _decode_wide_without_bom(data: bytes) -> str | None:
    """UTF-32/UTF-16 text without a BOM, or None (then it is binary).

    Accepted only if NUL bytes sit where the high bytes of mostly-ASCII
    UTF-16/32 text would be and the bytes decode strictly.
    """
    for codec in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        if _nul_pattern_fits(data, codec):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
    return None


def _nul_pattern_fits(data: bytes, codec: str) -> bool:
    """NULs (nearly) never in the low byte of a code unit: the shape of UTF-16/32 text."""
    width = 4 if codec.startswith("utf-32") else 2
    if len(data) % width:
        return False
    low_byte = 0 if codec.endswith("le") else width - 1
    nuls_in_low_byte = data[low_byte::width].count(0)
    return nuls_in_low_byte * 20 < data.count(0)


def _decode_code_page(data: bytes) -> str:
    """Non-UTF-8 bytes: the most plausible Western, then Central European code page."""
    from charset_normalizer import from_bytes

    for candidates in (_WESTERN_CODE_PAGES, _CENTRAL_EUROPEAN_CODE_PAGES):
        best = from_bytes(data, cp_isolation=candidates).best()
        if best is not None:
            return data.decode(best.encoding)
    # Too short or too odd for charset-normalizer: cp1252 if it can, else latin-1.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_like_text(text: str) -> bool:
    if "\x00" in text:
        return False
    return len(_CONTROL_CHAR.findall(text)) <= MAX_CONTROL_SHARE * len(text)


def _decode_reason(error: UnicodeError) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"{error.reason} at byte {error.start}"
    return str(error)
