"""Print the argparse flags of a training entry point as JSON, without running the training.

Usage: read_argparse.py --root DIR (--script PATH | --module NAME | --entry MODULE:FUNCTION)
                        [--import]

By default the add_argument calls of the entry point and of the project modules it imports are
read statically with `ast`: none of the project's code runs, and the reading is the same on every
machine. What is not a literal (a flag name, a default computed when the script runs) is recorded
as such, never guessed.

With --import, the entry point runs with ArgumentParser.parse_args intercepted, so it stops at the
moment it parses its flags and the parser's actions are read: its top-level code runs. Only when
the entry point's own sources call parse_args somewhere, since otherwise running it could train.
When importing fails (a missing dependency, say), the static reading is used.

The JSON follows a marker line on stdout: the entry point's own prints go to stderr.
"""

import argparse
import ast
import importlib
import json
import linecache
import math
import os
import runpy
import sys
import traceback

MARKER = "@@ml-cicd-argparse@@"
KINDS = {int: "int", float: "float", str: "str", bool: "bool"}
BOOLEAN_ACTIONS = {"store_true", "store_false", "BooleanOptionalAction"}
SKIPPED_ACTIONS = {"help", "version", "parsers"}
PARSE_METHODS = (
    "parse_args",
    "parse_known_args",
    "parse_intermixed_args",
    "parse_known_intermixed_args",
)
MAX_FILES = 300


class NotParsed(Exception):
    """The entry point ran without ever parsing its flags."""


class Captured(BaseException):
    """Raised instead of parsing: a BaseException, which `except Exception` lets by."""

    def __init__(self, parser):
        super().__init__()
        self.parser = parser


# Beyond this an integer does not survive JSON into JavaScript's numbers unchanged.
SAFE_INTEGER = 2**53 - 1


def jsonable(value):
    if value is None or isinstance(value, (bool, str)):
        return value, True
    if isinstance(value, int):
        return (value, True) if abs(value) <= SAFE_INTEGER else (None, False)
    if isinstance(value, float):
        return (value, True) if math.isfinite(value) else (None, False)
    if isinstance(value, (list, tuple)) and all(jsonable(item)[1] for item in value):
        return list(value), True
    return None, False


def kind_of(type_, action, choices, default):
    if action in BOOLEAN_ACTIONS:
        return "bool"
    if type_ is None:
        return "str" if action == "store" else None
    if type_ in KINDS:
        return KINDS[type_]
    # A converter such as a range check: what it makes of the default, or of the first choice.
    sample = default if default is not None else (choices[0] if choices else None)
    if sample is not None and action == "store":
        try:
            return KINDS.get(type(type_(str(sample))))
        except Exception:
            return None
    return None


def choice_value(choice):
    value, readable = jsonable(choice)
    return value if readable else repr(choice)


def flag(option_strings, action, kind, default, choices, required, help_, where):
    value, readable = jsonable(default)
    return {
        "option_strings": list(option_strings),
        "action": action,
        "kind": kind,
        "default": value,
        "default_known": readable,
        "choices": None if choices is None else [choice_value(choice) for choice in choices],
        "required": bool(required),
        "help": help_,
        **where,
    }


# ---- by import ------------------------------------------------------------------------------


def action_name(parser, action):
    """The `action=` name it was added with, from argparse's own registry; else its class name."""
    names = {cls: name for name, cls in parser._registries["action"].items() if name is not None}
    return names.get(type(action), type(action).__name__)


def located(filename, line):
    """file, line and the column where the code on that line starts."""
    text = linecache.getline(filename, line)
    return {"file": filename, "line": line, "column": len(text) - len(text.lstrip()) + 1}


def read_by_import(args, locations):
    original_add = argparse._ActionsContainer.add_argument

    def add_argument(self, *names, **kwargs):
        action = original_add(self, *names, **kwargs)
        caller = sys._getframe(1)
        locations[id(action)] = located(caller.f_code.co_filename, caller.f_lineno)
        return action

    def intercept(self, *_args, **_kwargs):
        raise Captured(self)

    argparse._ActionsContainer.add_argument = add_argument
    for name in PARSE_METHODS:
        setattr(argparse.ArgumentParser, name, intercept)
    sys.argv = [args.script or args.module or args.entry]
    try:
        if args.script:
            sys.path.insert(0, os.path.dirname(os.path.abspath(args.script)))
            runpy.run_path(args.script, run_name="__main__")
        elif args.module:
            runpy.run_module(args.module, run_name="__main__", alter_sys=True)
        else:
            module_name, _, function = args.entry.partition(":")
            target = importlib.import_module(module_name)
            for part in function.split("."):
                target = getattr(target, part)
            target()
    except Captured as captured:
        return captured.parser
    except SystemExit as exit_:
        raise NotParsed(f"it exited (status {exit_.code}) before parsing its flags") from None
    raise NotParsed("it finished without parsing its flags")


def imported_flags(parser, locations, root):
    flags = []
    for action in parser._actions:
        name = action_name(parser, action)
        if name in SKIPPED_ACTIONS:
            continue
        where = dict(locations.get(id(action), {}))
        if "file" in where:
            where["file"] = relative_to(where["file"], root)
        choices = list(action.choices) if action.choices is not None else None
        suppressed = isinstance(action.default, str) and action.default == argparse.SUPPRESS
        default = None if suppressed else action.default
        kind = kind_of(action.type, name, choices, default)
        options = action.option_strings or [action.dest]
        required, help_ = action.required, action.help
        flags.append(flag(options, name, kind, default, choices, required, help_, where))
    return flags


# ---- statically -----------------------------------------------------------------------------


def literal(node, constants):
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id], True
    try:
        return ast.literal_eval(node), True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None, False


def static_action(node, constants):
    """The `action=` name of a call, or None when it is not a literal."""
    if node is None:
        return "store"
    if isinstance(node, ast.Attribute) and node.attr == "BooleanOptionalAction":
        return "BooleanOptionalAction"
    action, ok = literal(node, constants)
    return action if ok and isinstance(action, str) else None


def static_kind(type_node, action, choices):
    """What argparse turns the text into; None for a converter that cannot be known statically."""
    if type_node is None:
        return kind_of(None, action, choices, None)
    if isinstance(type_node, ast.Name) and type_node.id in ("int", "float", "str", "bool"):
        return type_node.id
    return None


def static_call(call, constants, where):
    """The flag an add_argument call adds, "skip" for --help/--version, or (None, reason)."""
    names = [literal(arg, constants) for arg in call.args]
    if not names:
        return None, "it names no flag"
    for (value, ok), node in zip(names, call.args, strict=True):
        if not (ok and isinstance(value, str)):
            return None, f"its flag name `{code_of(node)}` is not a string literal"
    if any(keyword.arg is None for keyword in call.keywords):
        return None, "it passes **keyword arguments"
    keywords = {keyword.arg: keyword.value for keyword in call.keywords}
    action = static_action(keywords.get("action"), constants)
    if action is None:
        return None, "its action is not a string literal"
    if action in SKIPPED_ACTIONS:
        return "skip", None

    def value(key, fallback=None):
        return literal(keywords[key], constants) if key in keywords else (fallback, True)

    # What only running the script would tell: recorded with its source, never guessed.
    unread = {}

    def known(key, fallback=None):
        result, ok = value(key, fallback)
        if not ok:
            unread[key] = code_of(keywords[key])
        return result, ok

    choices, choices_known = known("choices")
    if choices is not None and not isinstance(choices, (list, tuple, set, frozenset, str)):
        choices_known, unread["choices"] = False, code_of(keywords["choices"])
    choices = list(choices) if choices is not None and choices_known else None
    implicit = {"store_true": False, "store_false": True}.get(action)
    default, default_known = known("default", implicit)
    nargs, _ = value("nargs")
    # A positional argument is required unless it may be empty.
    positional = not any(name.startswith("-") for name, _ in names)
    required, _ = known("required", positional and nargs not in ("?", "*"))
    help_, help_known = value("help")
    kind = static_kind(keywords.get("type"), action, choices) if choices_known else None
    options = [name for name, _ in names]
    if action == "BooleanOptionalAction":
        options += ["--no-" + option[2:] for option in options if option.startswith("--")]
    help_ = help_ if help_known and isinstance(help_, str) else None
    entry = flag(options, action, kind, default, choices, required, help_, where)
    entry["default_known"] = entry["default_known"] and default_known
    if default_known and not entry["default_known"]:
        unread["default"] = code_of(keywords["default"])
    if unread:
        entry["unread"] = unread
    return entry, None


def code_of(node):
    """A short form of the code of an argument, to name it in a note."""
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= 60 else text[:57] + "..."


def module_constants(tree):
    constants = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name):
                value, ok = literal(statement.value, constants)
                if ok:
                    constants[target.id] = value
    return constants


def resolve(name, search, level, current):
    if level:
        base = os.path.dirname(current)
        for _ in range(level - 1):
            base = os.path.dirname(base)
        search = [base]
    parts = name.split(".") if name else []
    for folder in search:
        path = os.path.join(folder, *parts)
        for candidate in (path + ".py", os.path.join(path, "__init__.py")):
            if parts and os.path.isfile(candidate):
                return candidate
    return None


def local_imports(tree, search, current):
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [resolve(alias.name, search, 0, current) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            found.append(resolve(base, search, node.level, current))
            names = (f"{base}.{alias.name}".strip(".") for alias in node.names)
            found += [resolve(name, search, node.level, current) for name in names]
    return [path for path in found if path]


def relative_to(path, root):
    try:
        return os.path.relpath(path, root)
    except ValueError:  # another drive, on Windows
        return path


def is_project_file(path, root):
    relative = relative_to(path, root)
    return not (relative.startswith("..") or os.path.isabs(relative)) and (
        "site-packages" not in relative.split(os.sep)
    )


def read_statically(entry_file, root, search):
    flags, unreadable, parses = [], [], False
    queue, seen = [os.path.abspath(entry_file)], set()
    while queue and len(seen) < MAX_FILES:
        path = queue.pop(0)
        if path in seen or not is_project_file(path, root):
            continue
        seen.add(path)
        with open(path, encoding="utf-8") as source:
            tree = ast.parse(source.read(), filename=path)
        constants = module_constants(tree)
        relative = relative_to(path, root)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr in PARSE_METHODS:
                parses = True
            if node.func.attr != "add_argument":
                continue
            where = {"file": relative, "line": node.lineno, "column": node.col_offset + 1}
            entry, reason = static_call(node, constants, where)
            if reason:
                unreadable.append(dict(where, reason=reason))
            elif entry != "skip":
                flags.append(entry)
        queue += [os.path.abspath(found) for found in local_imports(tree, search, path)]
    return flags, unreadable, parses


def where_raised(error, root):
    """` (file:line)` of the deepest frame of the project in the traceback, if any."""
    if isinstance(error, NotParsed):
        return ""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if is_project_file(frame.filename, root)]
    return f" ({relative_to(ours[-1].filename, root)}:{ours[-1].lineno})" if ours else ""


# ---- main -----------------------------------------------------------------------------------


def entry_file(args, search):
    if args.script:
        return args.script
    module = args.module or args.entry.partition(":")[0]
    path = resolve(module, search, 0, "")
    if path is None:
        raise RuntimeError(f"the module {module} was not found under {' or '.join(search)}")
    return path


def main(argv):
    parser = argparse.ArgumentParser(prog="read_argparse.py")
    parser.add_argument("--root", required=True)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--script")
    source.add_argument("--module")
    source.add_argument("--entry")
    parser.add_argument("--import", dest="import_", action="store_true")
    args = parser.parse_args(argv)
    root = os.path.abspath(args.root)
    search = [root, os.path.join(root, "src")]
    if args.script:
        args.script = os.path.join(root, args.script)
        search.insert(0, os.path.dirname(args.script))
    out = sys.stdout
    sys.stdout = sys.stderr
    result = {"python": sys.version.split()[0]}
    try:
        path = entry_file(args, search)
        flags, unreadable, parses = read_statically(path, root, search)
    except (OSError, SyntaxError, ValueError, RecursionError, RuntimeError) as error:
        result.update(method="none", error=f"{type(error).__name__}: {error}")
        out.write(f"\n{MARKER}\n{json.dumps(result)}\n")
        return 0
    result.update(method="static", flags=flags, unreadable=unreadable)
    if args.import_ and not parses:
        result["import_error"] = (
            "not tried: its sources never call parse_args, so running it could train"
        )
    elif args.import_:
        sys.path[:0] = [p for p in search if p not in sys.path]
        locations = {}
        try:
            parsed = read_by_import(args, locations)
            flags = imported_flags(parsed, locations, root)
            result.update(method="import", flags=flags, unreadable=[])
        except Exception as error:
            result["import_error"] = f"{type(error).__name__}: {error}{where_raised(error, root)}"
    out.write(f"\n{MARKER}\n{json.dumps(result)}\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
