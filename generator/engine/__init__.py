"""Engines that turn the core's pages into a site. Only `engine/mkdocs` imports MkDocs or knows Material."""
