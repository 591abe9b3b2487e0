"""In-memory sliding-window rate limiter with bounded memory.

Used by the website channel to limit messages per sender id and per client IP. The state
lives in the process: with several Rasa replicas every replica counts on its own, so put a
shared limit (for example nginx ``limit_req``) in front when you scale out.
"""

from collections import OrderedDict, deque
from dataclasses import dataclass
import time
from typing import Callable, Deque, Hashable


@dataclass(frozen=True)
class RateDecision:
    """Outcome of one :meth:`SlidingWindowRateLimiter.hit`."""

    allowed: bool
    retry_after: float = 0.0


class SlidingWindowRateLimiter:
    """Allow at most ``limit`` hits per key within any window of ``window_seconds``.

    Each key keeps the timestamps of its accepted hits (never more than ``limit``). At most
    ``max_keys`` keys are tracked; when a new key would exceed that, the least recently used
    key is dropped. Keys untouched for a whole window hold no information anyway, so under
    normal load eviction loses nothing; under a flood of new keys the per-IP limit stays the
    backstop. A ``limit`` of 0 or less disables the limiter.
    """

    def __init__(
        self,
        limit: int,
        window_seconds: float = 60.0,
        max_keys: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if window_seconds <= 0:
            raise ValueError("window_seconds must be positive")
        if max_keys < 1:
            raise ValueError("max_keys must be at least 1")
        self.limit = int(limit)
        self.window_seconds = float(window_seconds)
        self.max_keys = int(max_keys)
        self._clock = clock
        self._hits: "OrderedDict[Hashable, Deque[float]]" = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.limit > 0

    def __len__(self) -> int:
        return len(self._hits)

    def hit(self, key: Hashable) -> RateDecision:
        """Record a hit for ``key`` if it is within the limit and say whether it was."""
        if not self.enabled:
            return RateDecision(True)
        now = self._clock()
        hits = self._hits.get(key)
        if hits is None:
            hits = deque()
            self._hits[key] = hits
            self._evict_overflow()
        else:
            self._hits.move_to_end(key)
        cutoff = now - self.window_seconds
        while hits and hits[0] <= cutoff:
            hits.popleft()
        if len(hits) >= self.limit:
            return RateDecision(False, retry_after=max(hits[0] - cutoff, 0.0))
        hits.append(now)
        return RateDecision(True)

    def reset(self) -> None:
        self._hits.clear()

    def _evict_overflow(self) -> None:
        while len(self._hits) > self.max_keys:
            self._hits.popitem(last=False)
