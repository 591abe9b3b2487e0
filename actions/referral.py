"""The operator's referral, added to replies that say the bot does not know ("Kijk ook op …").

It is configuration, not a fact from the documents: an operator names one place to look further
(a helpdesk page, DUO, the school's own site) in one file, `referral.yml` at the project root
(or the file named by NPO_REFERRAL_FILE). Empty by default: then nothing is added.

    text: "de website van DUO"
    url: "https://duo.nl"

The file is read again when it changes, so no restart is needed. A missing file, an empty one or
a malformed one means "no referral" (the last is logged), never a failed reply.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Optional, Tuple

import yaml

from actions import texts, texts_en

logger = logging.getLogger(__name__)

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "referral.yml"
MAX_TEXT_CHARS = 200
MAX_URL_CHARS = 500

_cache: dict = {}


def referral_file() -> Path:
    return Path(os.environ.get("NPO_REFERRAL_FILE") or DEFAULT_FILE)


def parse(data: object) -> Tuple[str, str]:
    """(text, url) from the file's contents; ValueError when they are not usable."""
    if data is None:
        return "", ""
    if not isinstance(data, dict):
        raise ValueError("the file must hold 'text' and 'url'")
    text = str(data.get("text") or "").strip()
    url = str(data.get("url") or "").strip()
    if len(text) > MAX_TEXT_CHARS or len(url) > MAX_URL_CHARS:
        raise ValueError("text or url is too long")
    if url and not (url.startswith("https://") or url.startswith("http://")) or any(c.isspace() for c in url):
        raise ValueError(f"url must be an http(s) address without spaces, not {url!r}")
    if text and not url:
        raise ValueError("a text needs a url")
    return text, url


def line(path: Optional[Path] = None, language: str = "nl") -> Optional[str]:
    """The sentence to add (in the reply's language), or None when no referral is configured."""
    path = path or referral_file()
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        return None
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        text, url = cached[1]
    else:
        try:
            text, url = parse(yaml.safe_load(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, yaml.YAMLError) as error:
            logger.warning("Referral in %s ignored: %s", path, error)
            text, url = "", ""
        _cache[path] = (stamp, (text, url))
    if not url:
        return None
    words = texts_en if language == "en" else texts
    return words.REFERRAL.format(text=text, url=url) if text else words.REFERRAL_URL_ONLY.format(url=url)
