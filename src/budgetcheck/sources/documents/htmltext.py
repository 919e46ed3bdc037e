"""The text side of HTML pages: their bytes decoded by the declared charset, and text
with HTML's insignificant whitespace removed."""

from __future__ import annotations

import codecs
import re

from ...i18n import Text
from ..errors import InputError

# The WHATWG prescan in short: a charset named in a <meta> within the first bytes.
_META = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
# Labels that name a subset of GB18030: decode as GB18030 so that no GBK extension fails.
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "euc-cn", "cp936", "windows-936"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SPACE = re.compile(r"[ \t\f\v\xa0\u2002\u2003\u2009]*[\r\n][\s\xa0]*|[ \t\f\v\xa0\u2002\u2003\u2009]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\xad]")  # zero-width characters, soft hyphens
_WIDE = "\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_BREAK_NEXT_TO_WIDE = re.compile(rf"(?<=[{_WIDE}])\n|\n(?=[{_WIDE}])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares (BOM, else ``<meta charset>``), as a Python codec name."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    found = _META.search(data[:4096])
    if found is None:
        return None
    label = found.group(1).decode("ascii").lower()
    if label in _GB:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, source: str) -> str:
    """A page's text: by its declared charset, else UTF-8, else GB18030; control characters blanked."""
    declared = declared_charset(data)
    if declared is None and b"\x00" in data:
        raise InputError(source, Text("input.html_binary"))
    for name in dict.fromkeys(filter(None, (declared, "utf-8", "gb18030"))):
        try:
            text = data.decode("utf-8-sig" if name == "utf-8" else name)
        except UnicodeDecodeError:
            continue
        return _CONTROL.sub(" ", text)
    raise InputError(source, Text("input.html_encoding", declared=declared or "UTF-8"))


def squash(text: str) -> str:
    """HTML's whitespace rule: each run becomes one space, except that a source line break
    next to a Chinese character is no space at all (a sentence wrapped in the source)."""
    text = _SPACE.sub(lambda m: "\n" if "\n" in m.group() or "\r" in m.group() else " ", _INVISIBLE.sub("", text))
    text = _BREAK_NEXT_TO_WIDE.sub("", text.strip(" \n\u3000"))
    return text.replace("\n", " ")
