"""YAML with line numbers, so that configuration and rule-pack errors can say
exactly where they are."""

from __future__ import annotations

import yaml

from .errors import ConfigError

# libyaml's safe parser when PyYAML was built with it (ten times faster on the rule packs)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


MAX_BYTES = 5 * 1024 * 1024  # a configuration or rule pack larger than this is not one
MAX_NODES = 200_000  # values after expanding aliases


class _TooBig(Exception):
    pass


def read_yaml_text(path, error=ConfigError, what: str = "bestand") -> str:
    """The text of a configuration file or rule pack: a regular file of at most
    MAX_BYTES in UTF-8 (``rule-packs: [/dev/zero]`` must not read for ever)."""
    from .fileio import NotRegularFile, TooLarge, read_regular

    file = str(path)
    try:
        data = read_regular(path, MAX_BYTES)
    except NotRegularFile:
        raise error(f"{what} is geen gewoon bestand", file, None) from None
    except TooLarge:
        raise error(f"{what} is te groot (maximaal {MAX_BYTES // (1024 * 1024)} MB)", file, None) from None
    except OSError as exc:
        raise error(f"kan {what} niet lezen: {exc.strerror or exc}", file, None) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{what} is geen UTF-8 (byte {exc.start})", file, None) from None


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
            node = yaml.compose(text, Loader=YAML_LOADER)
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
        budget = [MAX_NODES]
        try:
            data = cls._convert(node, (), lines, constructor, budget)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise error(f"ongeldige YAML: {exc}", file, mark.line + 1 if mark else None) from None
        except _TooBig:
            raise error(f"te veel waarden (meer dan {MAX_NODES:,}); herhalen ankers (&) en aliassen (*) "
                        "elkaar?".replace(",", "."), file, None) from None
        except RecursionError:
            raise error("te diep genest", file, None) from None
        finally:
            constructor.dispose()
        return cls(data, lines)

    @classmethod
    def _convert(cls, node, path, lines, constructor, budget):
        budget[0] -= 1
        if budget[0] < 0:  # aliases can make a small file expand without end ("billion laughs")
            raise _TooBig
        if isinstance(node, yaml.MappingNode):
            out = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node, deep=True)
                sub = path + (key,)
                lines[sub] = key_node.start_mark.line + 1
                out[key] = cls._convert(value_node, sub, lines, constructor, budget)
            return out
        if isinstance(node, yaml.SequenceNode):
            out = []
            for i, item in enumerate(node.value):
                sub = path + (i,)
                lines[sub] = item.start_mark.line + 1
                out.append(cls._convert(item, sub, lines, constructor, budget))
            return out
        return constructor.construct_object(node, deep=True)
