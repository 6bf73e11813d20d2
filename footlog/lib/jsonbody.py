"""JSON request bodies parsed with a nesting limit.

Python's json module recurses once per level: a body of a few thousand `[` raised RecursionError, which no
caller expected (500). No footlog or allauth body nests more than a handful of levels, so anything deeper than
MAX_DEPTH is refused as malformed, by the API's parser and before allauth's headless views parse it themselves.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 32


class TooDeep(ValueError):
    """The body nests objects/arrays deeper than MAX_DEPTH (or deeper than the parser can follow)."""


class NotFinite(ValueError):
    """The body holds NaN, Infinity, -Infinity or a number too large for a float (1e999): not JSON numbers
    footlog takes anywhere (Python's json reads them; int(inf) then raised OverflowError)."""


def _no_constant(name: str) -> Any:
    raise NotFinite(f"{name} is not a number footlog takes.")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise NotFinite(f"{text[:20]} is out of range for a number.")
    return value


def loads_strict(raw: bytes | str, max_depth: int = MAX_DEPTH) -> Any:
    """The one JSON reader of bodies and imports: json.loads refusing non-finite numbers (NotFinite), nesting past
    `max_depth` (TooDeep) and integers too long to read (ValueError); JSONDecodeError/UnicodeDecodeError as
    usual. All of these are ValueError."""
    try:
        data = json.loads(raw, parse_constant=_no_constant, parse_float=_finite_float)
    except RecursionError:
        raise TooDeep(_too_deep(max_depth)) from None
    return check_depth(data, max_depth)


def loads_bounded(raw: bytes | str, max_depth: int = MAX_DEPTH) -> Any:
    """json.loads, raising TooDeep past `max_depth` levels (json.JSONDecodeError/UnicodeDecodeError as usual)."""
    try:
        data = json.loads(raw)
    except RecursionError:
        raise TooDeep(_too_deep(max_depth)) from None
    return check_depth(data, max_depth)


def check_depth(data: Any, max_depth: int = MAX_DEPTH) -> Any:
    """`data` itself when it nests at most `max_depth` levels; else TooDeep."""
    if depth(data, stop_at=max_depth + 1) > max_depth:
        raise TooDeep(_too_deep(max_depth))
    return data


def _too_deep(max_depth: int) -> str:
    return f"The JSON body nests deeper than {max_depth} levels."


def depth(data: object, stop_at: int) -> int:
    """How deep `data` nests (a scalar is 0, `[]` is 1), counted without recursion and at most to `stop_at`."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        elif not isinstance(value, list):
            continue
        level += 1
        deepest = max(deepest, level)
        if deepest >= stop_at:
            return deepest
        stack.extend((item, level) for item in value if isinstance(item, (dict, list)))
    return deepest
