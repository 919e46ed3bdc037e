"""Turn the bytes of a report file into text: UTF-8 (with or without BOM), else GB18030."""

from __future__ import annotations

from .errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def decode_report(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode a report file, rejecting empty, oversized and binary input with a clear error."""
    if len(data) > max_bytes:
        raise InputError(source, f"file is {len(data):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "file is UTF-16; save it as UTF-8 / 文件为 UTF-16 编码，请另存为 UTF-8")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(source, "binary data (NUL byte): not a YAML report / 二进制内容，不是 YAML 报告", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise InputError(
                source,
                f"not valid UTF-8 or GB18030 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
                "/ 文件编码无法识别",
                line,
            ) from None
    if not text.strip():
        raise InputError(source, "empty file: no report / 空文件", 1)
    return text
