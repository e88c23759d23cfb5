"""robots.txt rules of one host, read with ``urllib.robotparser`` (Allow/Disallow, Crawl-delay, Sitemap).

Following RFC 9309: a missing robots.txt (4xx) allows everything; a server error or an unreachable file
disallows everything for this crawl, since the site may be in trouble.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.robotparser import RobotFileParser


@dataclass
class RobotRules:
    parser: RobotFileParser | None  # None: no file (allow all)
    agent: str
    blocked_reason: str | None = None  # set: everything is disallowed, for this reason
    delay: float | None = None

    @classmethod
    def from_text(cls, text: str, agent: str) -> RobotRules:
        parser = RobotFileParser()
        lines = text.splitlines()
        parser.parse(lines)
        return cls(parser, agent, delay=_crawl_delay(lines, agent))

    @classmethod
    def allow_all(cls, agent: str) -> RobotRules:
        return cls(None, agent)

    @classmethod
    def deny_all(cls, agent: str, reason: str) -> RobotRules:
        return cls(None, agent, blocked_reason=reason)

    def allowed(self, url: str) -> bool:
        if self.blocked_reason is not None:
            return False
        if self.parser is None:
            return True
        return self.parser.can_fetch(self.agent, url)

    @property
    def crawl_delay(self) -> float | None:
        return self.delay

    @property
    def sitemaps(self) -> list[str]:
        if self.parser is None:
            return []
        return list(self.parser.site_maps() or [])


def _crawl_delay(lines: list[str], agent: str) -> float | None:
    """Crawl-delay of the group naming our product token, else of the ``*`` group (fractions allowed)."""
    token = agent.split("/", 1)[0].strip().lower()
    groups: list[tuple[list[str], float | None]] = []
    agents: list[str] = []
    delay: float | None = None
    in_rules = False
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if in_rules:
                groups.append((agents, delay))
                agents, delay, in_rules = [], None, False
            agents.append(value.lower())
        elif key == "crawl-delay":
            in_rules = True
            try:
                delay = max(0.0, float(value))
            except ValueError:
                continue
        elif key in {"allow", "disallow"}:
            in_rules = True
    if agents:
        groups.append((agents, delay))
    fallback: float | None = None
    for names, seconds in groups:
        if any(name != "*" and name in token for name in names):
            return seconds
        if "*" in names:
            fallback = seconds
    return fallback
