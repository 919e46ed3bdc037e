"""Turn the bytes of a report file into text: UTF-8 (with or without BOM), else GB18030.

Every refusal is one :class:`InputError` line that says exactly what is wrong: empty,
over the size limit, UTF-16/32, binary (NUL or control bytes), or an undecodable byte with
its offset.
"""

from __future__ import annotations

import re

from ..i18n import Text
from .errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_BYTES_ENV = "BUDGETCHECK_MAX_BYTES"  # read by the CLI's --max-bytes option
_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16",
}
# C0 controls other than tab, LF and CR, DEL, C1 controls other than NEL, and the
# non-characters U+FFFE/U+FFFF: never part of a text report, and not allowed in YAML (so a
# text dump holding one would be extracted into YAML that cannot be read back).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def _utf16_without_bom(data: bytes) -> bool:
    """ASCII text saved as UTF-16 has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return evens.count(0) > 0.4 * len(evens) or odds.count(0) > 0.4 * len(odds)


def _refuse_binary(data: bytes, source: str) -> None:
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise InputError(source, Text("input.bom", name=name))
    if b"\x00" in data:
        if _utf16_without_bom(data):
            raise InputError(source, Text("input.utf16"))
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(source, Text("input.nul"), line)


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            at = utf8_error.start
            line = data[:at].count(b"\n") + 1
            column = at - (data.rfind(b"\n", 0, at) + 1) + 1
            raise InputError(
                source,
                Text("input.encoding", byte=f"{data[at]:02x}", offset=at),
                line,
                column,
            ) from None


def decode_report(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode a report file, rejecting empty, oversized and binary input with a clear error."""
    if len(data) > max_bytes:
        raise InputError(
            source,
            Text("input.too_big", limit=f"{max_bytes:,}", env=MAX_BYTES_ENV),
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    _refuse_binary(data, source)
    text = _decode(data, source)
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        control_character = ord(control.group()) < 0xFFFE
        kind = "control character" if control_character else "non-character"
        kind_zh = "控制字符" if control_character else "非字符"
        raise InputError(
            source,
            Text("input.control", kind=kind, kind_zh=kind_zh, code=f"{ord(control.group()):04X}"),
            line,
            column,
        )
    if not text.strip():
        raise InputError(source, Text("input.empty_file"), 1)
    return text
