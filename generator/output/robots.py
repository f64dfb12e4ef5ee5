"""robots.txt: every page may be crawled, and the sitemap is named with its absolute URL."""

from __future__ import annotations

from urllib.parse import urljoin

ROBOTS_PATH = "robots.txt"


def robots_txt(site_url: str) -> str:
    """The file for the root of the site. `site_url` is mkdocs.yml's (absolute, where the site lives).

    Crawlers read robots.txt only at the root of a host; a site in a subfolder still names its
    sitemap here, for the host to serve or merge.
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(base, 'sitemap.xml')}\n"
