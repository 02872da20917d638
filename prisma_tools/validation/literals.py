"""Why a default's literal does not parse, in the words of the Rust parsers Prisma uses.

Each checker returns None for a valid literal, else the parser's error text:
``serde_json`` (Json), ``chrono`` RFC 3339 (DateTime), ``base64`` (Bytes),
``bigdecimal`` (Decimal) and ``i64::from_str`` (Int, BigInt).
"""

from __future__ import annotations

import base64
import binascii

__all__ = ["bytes_error", "datetime_error", "decimal_error", "integer_error", "json_error"]


# ----------------------------------------------------------------- integers


def integer_error(text: str) -> str | None:
    """``str::parse::<i64>``."""
    digits = text[1:] if text[:1] in "+-" else text
    if not digits:
        return "cannot parse integer from empty string" if not text else "invalid digit found in string"
    if not (digits.isascii() and digits.isdigit()):
        return "invalid digit found in string"
    n = int(text)
    if n >= 2**63:
        return "number too large to fit in target type"
    if n < -(2**63):
        return "number too small to fit in target type"
    return None


# ----------------------------------------------------------------- decimals


def _bigint_error(digits: str) -> str | None:
    """``BigInt::from_str_radix(_, 10)`` (num-bigint): a sign, then digits and underscores."""
    if digits[:1] == "-" or (digits[:1] == "+" and digits[1:2] != "+"):
        digits = digits[1:]
    if not digits:
        return "cannot parse integer from empty string"
    if digits[0] == "_" or not all(c in "0123456789_" for c in digits):
        return "invalid digit found in string"
    return None


def decimal_error(text: str) -> str | None:
    """``BigDecimal::from_str``."""
    if not text:
        return "Failed to parse empty string"
    base, exponent = text, None
    for i, c in enumerate(text):
        if c in "eE":
            base, exponent = text[:i], text[i + 1 :]
            break
    if not base:
        return "Failed to parse empty string"
    if exponent is not None:
        err = integer_error(exponent)
        if err is not None:
            return err
    whole, _, fraction = base.partition(".")
    return _bigint_error(whole + fraction)


# ----------------------------------------------------------------- bytes


def bytes_error(text: str) -> str | None:
    """Standard, padded base64 with canonical trailing bits."""
    try:
        decoded = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        decoded = None
    if decoded is None or base64.b64encode(decoded).decode("ascii") != text:
        return "Could not convert from `base64 encoded bytes` to `PrismaValue::Bytes`"
    return None


# ----------------------------------------------------------------- date-times

_TOO_SHORT = "premature end of input"
_INVALID = "input contains invalid characters"
_OUT_OF_RANGE = "input is out of range"
_TOO_LONG = "trailing input"


class _DateTimeError(Exception):
    pass


def datetime_error(text: str) -> str | None:
    """``DateTime::parse_from_rfc3339`` (chrono)."""
    s = text.encode("utf-8")
    pos = 0

    def number(n: int, low: int, high: int) -> int:
        nonlocal pos
        if len(s) - pos < n:
            raise _DateTimeError(_TOO_SHORT)
        chunk = s[pos : pos + n]
        if not chunk.isdigit():
            raise _DateTimeError(_INVALID)
        pos += n
        value = int(chunk)
        if not low <= value <= high:
            raise _DateTimeError(_OUT_OF_RANGE)
        return value

    def char(options: bytes) -> int:
        nonlocal pos
        if pos >= len(s):
            raise _DateTimeError(_TOO_SHORT)
        c = s[pos]
        if c not in options:
            raise _DateTimeError(_INVALID)
        pos += 1
        return c

    try:
        year = number(4, 0, 9999)
        char(b"-")
        month = number(2, 1, 12)
        char(b"-")
        day = number(2, 1, 31)
        char(b"Tt ")
        number(2, 0, 23)
        char(b":")
        number(2, 0, 59)
        char(b":")
        number(2, 0, 60)
        if pos < len(s) and s[pos] == ord("."):
            pos += 1
            start = pos
            while pos < len(s) and 48 <= s[pos] <= 57:
                pos += 1
            if pos == start:
                raise _DateTimeError(_TOO_SHORT if pos >= len(s) else _INVALID)
        sign = char(b"Zz+-")
        if sign in b"+-":
            number(2, 0, 23)
            char(b":")
            number(2, 0, 59)
        if pos < len(s):
            raise _DateTimeError(_TOO_LONG)
    except _DateTimeError as e:
        return str(e)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return _OUT_OF_RANGE if day > days else None


# ----------------------------------------------------------------- JSON


class _JsonError(Exception):
    def __init__(self, message: str, at: int) -> None:
        super().__init__(message)
        self.at = at
        """Byte offset just after the offending character (or the end, at EOF)."""


class _Json:
    """A JSON reader that fails as ``serde_json`` does (same error, same position)."""

    def __init__(self, data: bytes) -> None:
        self.s = data
        self.i = 0

    def fail(self, message: str, at: int | None = None) -> _JsonError:
        return _JsonError(message, self.i + 1 if at is None else at)

    def eof(self, what: str) -> _JsonError:
        return _JsonError(f"EOF while parsing {what}", len(self.s))

    def peek(self) -> int | None:
        return self.s[self.i] if self.i < len(self.s) else None

    def whitespace(self) -> int | None:
        while self.i < len(self.s) and self.s[self.i] in b" \n\t\r":
            self.i += 1
        return self.peek()

    def document(self) -> None:
        self.value(0)
        if self.whitespace() is not None:
            raise self.fail("trailing characters")

    def value(self, depth: int) -> None:
        c = self.whitespace()
        if c is None:
            raise self.eof("a value")
        if depth > 127:
            raise self.fail("recursion limit exceeded")
        if c == ord('"'):
            self.i += 1
            self.string()
        elif c == ord("["):
            self.i += 1
            self.sequence(depth)
        elif c == ord("{"):
            self.i += 1
            self.mapping(depth)
        elif c == ord("-") or 48 <= c <= 57:
            self.number()
        elif c in b"tfn":
            word = {ord("t"): b"true", ord("f"): b"false", ord("n"): b"null"}[c]
            self.i += 1
            for expected in word[1:]:
                got = self.peek()
                if got is None:
                    raise self.eof("a value")
                self.i += 1
                if got != expected:
                    raise _JsonError("expected ident", self.i)
        else:
            raise self.fail("expected value")

    def sequence(self, depth: int) -> None:
        c = self.whitespace()
        if c is None:
            raise self.eof("a list")
        if c == ord("]"):
            self.i += 1
            return
        while True:
            self.value(depth + 1)
            c = self.whitespace()
            if c is None:
                raise self.eof("a list")
            if c == ord("]"):
                self.i += 1
                return
            if c != ord(","):
                raise self.fail("expected `,` or `]`")
            self.i += 1
            if self.whitespace() == ord("]"):
                raise self.fail("trailing comma")

    def mapping(self, depth: int) -> None:
        c = self.whitespace()
        if c == ord("}"):
            self.i += 1
            return
        while True:
            if c is None:
                raise self.eof("an object")
            if c != ord('"'):
                raise self.fail("key must be a string")
            self.i += 1
            self.string()
            c = self.whitespace()
            if c is None:
                raise self.eof("an object")
            if c != ord(":"):
                raise self.fail("expected `:`")
            self.i += 1
            self.value(depth + 1)
            c = self.whitespace()
            if c is None:
                raise self.eof("an object")
            if c == ord("}"):
                self.i += 1
                return
            if c != ord(","):
                raise self.fail("expected `,` or `}`")
            self.i += 1
            c = self.whitespace()
            if c == ord("}"):
                raise self.fail("trailing comma")

    def string(self) -> None:
        s = self.s
        while True:
            if self.i >= len(s):
                raise self.eof("a string")
            c = s[self.i]
            self.i += 1
            if c == ord('"'):
                return
            if c < 0x20:
                raise _JsonError("control character (\\u0000-\\u001F) found while parsing a string", self.i)
            if c != ord("\\"):
                continue
            if self.i >= len(s):
                raise self.eof("a string")
            e = s[self.i]
            self.i += 1
            if e == ord("u"):
                self.unicode_escape()
            elif e not in b'"\\/bfnrt':
                raise _JsonError("invalid escape", self.i)

    def hex4(self) -> int:
        s = self.s
        if self.i + 4 > len(s):
            self.i = len(s)
            raise self.eof("a string")
        n = 0
        for _ in range(4):
            c = s[self.i]
            self.i += 1
            digit = int(chr(c), 16) if chr(c) in "0123456789abcdefABCDEF" else None
            if digit is None:
                raise _JsonError("invalid escape", self.i)
            n = n * 16 + digit
        return n

    def unicode_escape(self) -> None:
        n = self.hex4()
        if 0xDC00 <= n <= 0xDFFF:
            raise _JsonError("lone leading surrogate in hex escape", self.i)
        if not 0xD800 <= n <= 0xDBFF:
            return
        for expected in b"\\u":
            if self.i >= len(self.s):
                raise self.eof("a string")
            got = self.s[self.i]
            self.i += 1
            if got != expected:
                raise _JsonError("unexpected end of hex escape", self.i)
        n2 = self.hex4()
        if not 0xDC00 <= n2 <= 0xDFFF:
            raise _JsonError("lone leading surrogate in hex escape", self.i)

    def number(self) -> None:
        start = self.i
        self.number_text()
        text = self.s[start : self.i]
        # serde_json reads a fraction, an exponent or a long integer as an f64
        floating = b"." in text or b"e" in text or b"E" in text or len(text) > 19
        if floating and float(text) in (float("inf"), float("-inf")):
            raise _JsonError("number out of range", self.i)

    def number_text(self) -> None:
        s = self.s
        if s[self.i] == ord("-"):
            self.i += 1
        c = self.peek()
        if c is None:
            raise self.eof("a value")
        if c == ord("0"):
            self.i += 1
            nxt = self.peek()
            if nxt is not None and 48 <= nxt <= 57:
                raise self.fail("invalid number")
        elif 49 <= c <= 57:
            while self.peek() is not None and 48 <= s[self.i] <= 57:
                self.i += 1
        else:
            raise self.fail("invalid number")
        if self.peek() == ord("."):
            self.i += 1
            self.digits()
        if self.peek() in (ord("e"), ord("E")):
            self.i += 1
            if self.peek() in (ord("+"), ord("-")):
                self.i += 1
            self.digits()

    def digits(self) -> None:
        c = self.peek()
        if c is None:
            raise self.eof("a value")
        if not 48 <= c <= 57:
            raise self.fail("invalid number")
        while self.peek() is not None and 48 <= self.s[self.i] <= 57:
            self.i += 1


def json_error(text: str) -> str | None:
    """``serde_json::from_str::<Value>``: ``"<error> at line L column C"``, or None."""
    data = text.encode("utf-8")
    try:
        _Json(data).document()
    except _JsonError as e:
        at = min(e.at, len(data))
        line = data.count(b"\n", 0, at) + 1
        column = at - (data.rfind(b"\n", 0, at) + 1)
        return f"{e} at line {line} column {column}"
    return None
