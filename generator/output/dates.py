"""The day a site is built 'on', the same for every output (a MkDocs build, an export)."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def build_date() -> date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today.

    MkDocs dates sitemap.xml the same way, so one variable fixes every date in the site.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date() if epoch else date.today()
