"""JSON request bodies parsed with a nesting limit.

Python's json module recurses once per level: a body of a few thousand `[` raised RecursionError, which no
caller expected (500). No footlog or allauth body nests more than a handful of levels, so anything deeper than
MAX_DEPTH is refused as malformed, by the API's parser and before allauth's headless views parse it themselves.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 32


class TooDeep(ValueError):
    """The body nests objects/arrays deeper than MAX_DEPTH (or deeper than the parser can follow)."""


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


def depth(data: Any, stop_at: int) -> int:
    """How deep `data` nests (a scalar is 0, `[]` is 1), counted without recursion and at most to `stop_at`."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
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
