"""Link checks: internal links and anchors of the built site, and the external URLs in the data.

- `internal`: every link and `#anchor` inside a built site, traced back to its YAML or
  Markdown line (`make check`).
- `collect`, `ignore`, `probe`, `store`, `external`: every external URL in the data,
  checked with LinkChecker under a per-host rate limit, with retries, a cache, an ignore
  list and a history, reported per file and line (`make linkcheck`).

Nothing here imports MkDocs; `probe` imports LinkChecker only when it runs.
"""

from __future__ import annotations

from .collect import UrlUse, collect_urls
from .external import Outcome, Policy, console_lines, run_external, write_reports
from .ignore import IgnoreList, IgnoreRule, load_ignore
from .internal import (
    BrokenLink,
    SiteCheck,
    Source,
    SourceIndex,
    Traced,
    check_site,
    index_sources,
    trace,
)
from .probe import HostLimiter, Probe, Settings, probe_urls
from .store import Store

__all__ = [
    "BrokenLink",
    "HostLimiter",
    "IgnoreList",
    "IgnoreRule",
    "Outcome",
    "Policy",
    "Probe",
    "Settings",
    "SiteCheck",
    "Source",
    "SourceIndex",
    "Store",
    "Traced",
    "UrlUse",
    "check_site",
    "collect_urls",
    "console_lines",
    "index_sources",
    "load_ignore",
    "probe_urls",
    "run_external",
    "trace",
    "write_reports",
]
