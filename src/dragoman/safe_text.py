"""Untrusted text made safe to leave the program, for a terminal or in JSON.

Articles, their ids, titles, sources and paths come from anyone. Printed raw,
a control character starts an escape sequence that can clear the screen, set
the window title, plant a hyperlink (OSC 8) or write the clipboard (OSC 52),
even through a pipe to `less -R` or a log viewed later. So:

- every human-readable printer passes the untrusted text through
  `terminal_safe`, which writes each C0/C1 control character (ESC, BEL, CSI
  U+009B, NEL U+0085, DEL, ...) as a visible ``\\xNN``; without its ESC or
  CSI byte no sequence can start, and the rest of it is harmless text;
- every JSON output is encoded by `encode_json`, which also escapes what JSON
  allows raw (DEL, C1 controls, U+2028/U+2029) as ``\\uXXXX``: the bytes are
  plain to any terminal and decode to the very same strings.

Records keep the text as read: escaping happens only at display time, so
offsets never move.
"""

from __future__ import annotations

import re
from typing import Optional

import msgspec

# every C0 control but tab and newline, DEL, and every C1 control
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# for one-line fields, tab, newline and the Unicode line and paragraph separators too
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# what JSON leaves raw but a terminal or a JavaScript reader may act on (UTF-8 bytes; the
# lead bytes C2 and E2 start a character, so a match is always a whole character)
_JSON_RAW = re.compile(b"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]")

_encoder = msgspec.json.Encoder()


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character written as a visible escape (``\\x1b``).

    Newline and tab are kept for layout, unless `one_line`: then they are escaped
    too, so an id or a title cannot forge a row or a column. Escaping twice changes
    nothing, since the escapes are printable."""
    return (_CONTROL_OR_BREAK if one_line else _CONTROL).sub(_escaped, text)


def encode_json(obj, *, indent: Optional[int] = None) -> bytes:
    """`obj` as UTF-8 JSON with every control and line-separator character escaped."""
    data = _encoder.encode(obj)
    if indent is not None:
        data = msgspec.json.format(data, indent=indent)
    return _JSON_RAW.sub(lambda m: b"\\u%04x" % ord(m.group().decode("utf-8")), data)
