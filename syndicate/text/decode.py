"""Bytes to clean text: encodings, newlines, Unicode normalization, invisible characters."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import ReadError

__all__ = ["clean_text", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Magic numbers of binary files people pass by mistake, for a helpful message.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (EPUB, DOCX, ...)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)

# A multi-byte UTF-8 sequence: its presence means the file was meant to be UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

# C0/C1 controls except tab and newline, zero-width and bidi marks, soft hyphen, BOMs in the middle.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffe\uffff]"
)
_LEGACY_PREFERENCE = ("cp1252", "latin_1", "iso8859_15")


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode article bytes; raise :class:`ReadError` for binary or undecodable data.

    Order: an explicit ``encoding``; a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; then, only
    for files with no UTF-8 multi-byte sequence at all, a legacy encoding found by charset-normalizer,
    preferring windows-1252 among equally plausible single-byte candidates (as WHATWG does for latin-1).
    """
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ReadError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise ReadError(f"is not valid {encoding} (byte {exc.start})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"has a {codec} byte-order mark but invalid data at byte {exc.start}"
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(f"is {what}, not article text")
    if b"\x00" in data[:8192]:
        raise ReadError("is binary data (it contains NUL bytes), not article text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise ReadError(
                f"is not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} "
                "(pass an explicit encoding if the file is in another one)"
            ) from None
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise ReadError("is not UTF-8 and its encoding could not be detected; convert it to UTF-8")
    least = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least + 0.01]
    coherent = max(m.coherence for m in calm)
    plausible = [m for m in calm if m.coherence >= coherent - 0.01]
    for preferred in _LEGACY_PREFERENCE:
        for match in plausible:
            if preferred in match.could_be_from_charset:
                try:
                    return data.decode(preferred)
                except UnicodeDecodeError:
                    continue
    best = plausible[0]
    return str(best)


def clean_text(text: str) -> str:
    """Newlines to ``\\n``, NFC, invisible and control characters removed, NBSPs to spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return text.replace("\u00a0", " ").replace("\t", "    ")
