"""The ignore list of the external link check: links it skips, each with the reason why.

```yaml
ignore:
  - url: https://www.voorbeeld.nl/pagina        # exactly this address
    reason: De site weigert automatische controles (403); met de hand gecontroleerd op 2026-11-20.
  - prefix: https://www.voorbeeld.nl/archief/   # every address that starts like this
    reason: Het archief staat achter een inlog; de links werken voor ingelogde bezoekers.
```

An entry without a reason is an error: a skipped link that nobody can explain is a dead
link nobody will look at again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ...problems import Problem

_FIELDS = ("url", "prefix", "reason")
EXAMPLE = "- url: https://… en reason: waarom deze link niet gecontroleerd wordt"


@dataclass(frozen=True)
class IgnoreRule:
    """One entry of the ignore list."""

    reason: str
    line: int
    url: str | None = None
    prefix: str | None = None

    def matches(self, url: str) -> bool:
        if self.url is not None:
            return url == self.url
        return self.prefix is not None and url.startswith(self.prefix)

    @property
    def pattern(self) -> str:
        return self.url if self.url is not None else f"{self.prefix}…"


class IgnoreList:
    """The rules of an ignore file, in order; the first that matches a URL applies."""

    def __init__(self, path: str, rules: list[IgnoreRule]) -> None:
        self.path = path
        self.rules = rules

    def match(self, url: str) -> IgnoreRule | None:
        return next((rule for rule in self.rules if rule.matches(url)), None)

    def unused(self, urls: set[str]) -> list[IgnoreRule]:
        """Rules that match none of `urls`: the link was fixed or removed, so the rule can go."""
        return [rule for rule in self.rules if not any(rule.matches(u) for u in urls)]


def load_ignore(path: Path, root: Path) -> tuple[IgnoreList, list[Problem]]:
    """Read and validate an ignore file. A missing file is an empty list; problems name file and line."""
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    if not path.exists():
        return IgnoreList(rel, []), []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return IgnoreList(rel, []), [Problem(rel, 1, "", f"kan het bestand niet lezen ({exc})")]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else 1
        return IgnoreList(rel, []), [Problem(rel, line, "", f"YAML-fout: dit is geen geldige YAML ({problem})")]
    rules, problems = _rules(rel, node)
    return IgnoreList(rel, rules), problems


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _rules(rel: str, node: yaml.Node | None) -> tuple[list[IgnoreRule], list[Problem]]:
    if node is None:
        return [], []
    if not isinstance(node, yaml.MappingNode):
        return [], [Problem(rel, _line(node), "", "het bestand begint met 'ignore:' en daaronder een lijst")]
    problems: list[Problem] = []
    items: yaml.Node | None = None
    for key, value in node.value:
        if key.value != "ignore":
            problems.append(
                Problem(rel, _line(key), str(key.value), "onbekend veld; het bestand heeft alleen 'ignore:'")
            )
        else:
            items = value
    if items is None or (isinstance(items, yaml.ScalarNode) and items.value in {"", "null", "~"}):
        return [], problems
    if not isinstance(items, yaml.SequenceNode):
        return [], [
            *problems,
            Problem(rel, _line(items), "ignore", f"moet een lijst zijn: elke uitzondering begint met '{EXAMPLE}'"),
        ]
    rules: list[IgnoreRule] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items.value):
        where = f"ignore[{index}]"
        if not isinstance(item, yaml.MappingNode):
            problems.append(Problem(rel, _line(item), where, f"moet een groep velden zijn: {EXAMPLE}"))
            continue
        fields: dict[str, tuple[str, int]] = {}
        for key, value in item.value:
            name = str(key.value)
            if name not in _FIELDS:
                problems.append(
                    Problem(rel, _line(key), f"{where}.{name}", "onbekend veld; gebruik url of prefix, en reason")
                )
            elif not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
                problems.append(Problem(rel, _line(key), f"{where}.{name}", "moet tekst zijn en mag niet leeg zijn"))
            else:
                fields[name] = (str(value.value).strip(), _line(key))
        line = _line(item)
        if "reason" not in fields:
            problems.append(
                Problem(
                    rel,
                    line,
                    f"{where}.reason",
                    "elke uitzondering heeft een reden nodig: schrijf onder 'reason:' waarom deze link niet gecontroleerd wordt",
                )
            )
        has_url, has_prefix = "url" in fields, "prefix" in fields
        if has_url == has_prefix:
            problems.append(
                Problem(rel, line, where, "geef óf 'url' (precies dit adres) óf 'prefix' (alles wat zo begint)")
            )
        for name in ("url", "prefix"):
            if name in fields and not fields[name][0].startswith(("https://", "http://")):
                problems.append(
                    Problem(
                        rel,
                        fields[name][1],
                        f"{where}.{name}",
                        f"'{fields[name][0]}' is geen webadres; het begint met https://",
                    )
                )
        key_value = fields.get("url", fields.get("prefix", ("", 0)))[0]
        if key_value in seen:
            problems.append(Problem(rel, line, where, f"'{key_value}' staat al in de lijst (regel {seen[key_value]})"))
        elif key_value:
            seen[key_value] = line
        if "reason" in fields and has_url != has_prefix:
            rules.append(
                IgnoreRule(
                    reason=fields["reason"][0],
                    line=line,
                    url=fields["url"][0] if has_url else None,
                    prefix=fields["prefix"][0] if has_prefix else None,
                )
            )
    return rules, problems
