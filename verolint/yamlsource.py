"""YAML with line numbers, so that configuration and rule-pack errors can say
exactly where they are."""

from __future__ import annotations

import yaml

from .errors import ConfigError

# libyaml's parser when PyYAML was built with it (ten times faster on the rule packs)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedYaml:
    """Plain Python data plus the line of every mapping key and list item."""

    def __init__(self, data, lines: dict[tuple, int]):
        self.data = data
        self.lines = lines

    def line(self, path: tuple) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    @classmethod
    def load(cls, text: str, file: str, error=ConfigError) -> "LocatedYaml":
        try:
            node = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc)
            raise error(f"ongeldige YAML: {problem}", file, line) from None
        lines: dict[tuple, int] = {}
        if node is None:
            return cls({}, {(): 1})
        lines[()] = node.start_mark.line + 1
        constructor = yaml.SafeLoader(text)
        try:
            data = cls._convert(node, (), lines, constructor)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise error(f"ongeldige YAML: {exc}", file, mark.line + 1 if mark else None) from None
        finally:
            constructor.dispose()
        return cls(data, lines)

    @classmethod
    def _convert(cls, node, path, lines, constructor):
        if isinstance(node, yaml.MappingNode):
            out = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node, deep=True)
                sub = path + (key,)
                lines[sub] = key_node.start_mark.line + 1
                out[key] = cls._convert(value_node, sub, lines, constructor)
            return out
        if isinstance(node, yaml.SequenceNode):
            out = []
            for i, item in enumerate(node.value):
                sub = path + (i,)
                lines[sub] = item.start_mark.line + 1
                out.append(cls._convert(item, sub, lines, constructor))
            return out
        return constructor.construct_object(node, deep=True)
