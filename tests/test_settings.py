"""mkdocs.yml: a key written twice silently loses the first value (YAML keeps the last), as when
two changes each add their own `extra:` block. Every mapping in the settings has unique keys."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def duplicate_keys(text: str) -> list[str]:
    """`line: key` for every key that appears twice in one mapping (tags such as !ENV are not resolved)."""
    found: list[str] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value)
                if name in seen:
                    found.append(f"{key.start_mark.line + 1}: {name}")
                seen.add(name)
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root)
    return found


def test_settings_have_no_key_twice() -> None:
    assert duplicate_keys((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) == []


def test_a_key_written_twice_is_found() -> None:
    text = "extra:\n  a: 1\nsite_name: x\nextra:\n  b: !ENV [B, null]\nnav:\n  - x: {y: 1, y: 2}\n"
    assert duplicate_keys(text) == ["4: extra", "7: y"]
