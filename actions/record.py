"""What every reply of the actions records for the people who run the bot (the weekly report).

Each reply carries, in its stored bot event's metadata under `REPLY_KEY`, a small dict:

- `id`: a random id of this reply; feedback (👍/👎) names it, so a rating is linked to its answer;
- `kind`: what sort of reply it is, decided by the action, never read back from the wording:
  `answered` (a fact from the documents, with its source), `not_in_documents` (the question is
  about the programme, the documents do not give what it asks), `out_of_scope` (not about the
  programme), `unsure` (several facts fit equally well: the nearest is shown as such), `fallback`
  (nothing found), `dialogue` (greeting, thanks, a form's question ...)
  or `error` (the knowledge base could not be read);
- `sources`: the citations shown (document title, page or theme), for "sources most used".

Rasa keeps the keys an action adds to `utter_message` in the BotUttered event's metadata and
passes them to the output channel, which shows the id of a factual answer to its client
(`bot.channels.turn`).
"""
from __future__ import annotations

import uuid
from typing import Any, Dict, Iterable, List, Optional

REPLY_KEY = "npo_reply"

ANSWERED = "answered"
NOT_IN_DOCUMENTS = "not_in_documents"
UNSURE = "unsure"
OUT_OF_SCOPE = "out_of_scope"
FALLBACK = "fallback"
DIALOGUE = "dialogue"
ERROR = "error"
KINDS = (ANSWERED, NOT_IN_DOCUMENTS, UNSURE, OUT_OF_SCOPE, FALLBACK, DIALOGUE, ERROR)
# Replies that say the bot does not know: they get the operator's referral and go to the review.
NOT_KNOWN = (NOT_IN_DOCUMENTS, UNSURE, FALLBACK)
# Replies that can be rated.
RATED = (ANSWERED,)


def new_reply_id() -> str:
    return uuid.uuid4().hex[:16]


def reply_metadata(kind: str, citations: Iterable[Any] = (), language: Optional[str] = None) -> Dict[str, Any]:
    """Keyword arguments for `dispatcher.utter_message`: the reply's record under REPLY_KEY."""
    sources: List[Dict[str, Any]] = []
    for cite in citations:
        if cite is None:
            continue
        entry = cite.to_dict() if hasattr(cite, "to_dict") else dict(cite)
        entry.pop("document", None)
        if entry not in sources:
            sources.append(entry)
    record: Dict[str, Any] = {"id": new_reply_id(), "kind": kind}
    if sources:
        record["sources"] = sources
    if language:
        record["language"] = language
    return {REPLY_KEY: record}


def read(metadata: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The record in a bot event's metadata (or a message the channel gets), if any."""
    record = (metadata or {}).get(REPLY_KEY)
    return record if isinstance(record, dict) and isinstance(record.get("id"), str) else None
