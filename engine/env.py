"""Typed settings from the environment, where a deployment keeps all of its configuration.

A mistyped value stops the process at start-up with the variable's name: falling back to a default
would run a production server with settings nobody chose.
"""

import os


def whole_number(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise RuntimeError(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise RuntimeError(f"{name} must be at least {minimum}, not {value}")
    return value


def choice(name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = os.environ.get(name, "").strip() or default
    if value not in allowed:
        raise RuntimeError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value
