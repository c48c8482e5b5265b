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
import contextlib
import importlib
import json
import linecache
import math
import os
import pathlib
import re
import runpy
import sys
import traceback

MARKER = "@@ml-cicd-argparse@@"
KINDS = {int: "int", float: "float", str: "str", bool: "bool"}
KIND_NAMES = set(KINDS.values())
BOOLEAN_ACTIONS = {"store_true", "store_false", "BooleanOptionalAction"}
SKIPPED_ACTIONS = {"help", "version", "parsers"}
PARSE_METHODS = (
    "parse_args",
    "parse_known_args",
    "parse_intermixed_args",
    "parse_known_intermixed_args",
)
# HfArgumentParser's own: they call parse_known_args, which --import intercepts.
HF_PARSE_METHODS = ("parse_args_into_dataclasses",)
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
    if isinstance(value, pathlib.PurePath):
        return value.as_posix(), True
    if isinstance(value, (list, tuple)) and all(jsonable(item)[1] for item in value):
        return [jsonable(item)[0] for item in value], True
    return None, False


def kind_of(type_, action, choices, default):
    if action in BOOLEAN_ACTIONS:
        return "bool"
    if action == "count":
        return "int"
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


def flag(option_strings, action, kind, default, choices, required, help_, where, extra=None):
    value, readable = jsonable(default)
    return {
        **(extra or {}),
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


# What a converter that maps text to a boolean is tried with: `type=str2bool` and the like.
BOOL_TEXTS = (("true", "false"), ("True", "False"), ("yes", "no"))


def imported_bool_text(type_):
    """The texts a converter turns into True and False, or None when it is not such a converter."""
    if type_ is bool:
        return ["true", ""]  # bool() of any non-empty text is True
    if type_ is None or type_ in KINDS:
        return None
    if getattr(type_, "__name__", None) == "strtobool":
        return ["true", "false"]  # distutils' and its copies: 1 and 0 rather than True and False
    for true_text, false_text in BOOL_TEXTS:
        try:
            if type_(true_text) is True and type_(false_text) is False:
                return [true_text, false_text]
        except Exception:
            continue
    return None


def group_of(parser):
    """The mutually exclusive group of each action, by `id`, as the group's number."""
    return {
        id(action): str(number)
        for number, group in enumerate(parser._mutually_exclusive_groups)
        for action in group._group_actions
    }


def imported_flags(parser, locations, root):
    flags = []
    groups = group_of(parser)
    for action in parser._actions:
        name = action_name(parser, action)
        if name in SKIPPED_ACTIONS:
            continue
        where = dict(locations.get(id(action), {}))
        if "file" in where:
            where["file"] = relative_to(where["file"], root)
        choices = ordered_choices(action.choices) if action.choices is not None else None
        suppressed = isinstance(action.default, str) and action.default == argparse.SUPPRESS
        default = None if suppressed else action.default
        extra = {"dest": action.dest, "nargs": action.nargs if name == "store" else None}
        bool_text = imported_bool_text(action.type) if name == "store" else None
        if bool_text:
            extra["bool_text"] = bool_text
            if isinstance(default, str):
                # A text the converter refuses leaves the default unknown.
                with contextlib.suppress(Exception):
                    default = bool(action.type(default))
        if id(action) in groups:
            extra["exclusive_group"] = groups[id(action)]
        kind = "bool" if bool_text else kind_of(action.type, name, choices, default)
        options = action.option_strings or [action.dest]
        required, help_ = action.required, action.help
        flags.append(flag(options, name, kind, default, choices, required, help_, where, extra))
    return flags


# ---- statically -----------------------------------------------------------------------------


def literal(node, constants):
    """The value of a literal, a module constant, `range(...)` or `Path(...)` of literals."""
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id], True
    try:
        return ast.literal_eval(node), True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        pass
    if isinstance(node, ast.Call) and not node.keywords:
        callee = called_name(node.func)
        args = [literal(arg, constants) for arg in node.args]
        if not all(ok for _, ok in args):
            return None, False
        values = [value for value, _ in args]
        integers = all(type(value) is int for value in values)
        if callee == "range" and 1 <= len(values) <= 3 and integers and 0 not in values[2:]:
            numbers = range(*values)
            return (list(numbers), True) if len(numbers) <= 1000 else (None, False)
        if callee in PATH_TYPES and all(isinstance(value, str) for value in values):
            return pathlib.PurePosixPath(*values).as_posix(), True
    if is_path(node):
        left, right = literal(node.left, constants), literal(node.right, constants)
        if left[1] and right[1] and isinstance(right[0], str):
            return pathlib.PurePosixPath(left[0], right[0]).as_posix(), True
    return None, False


PATH_TYPES = {"Path", "PurePath", "PosixPath", "PurePosixPath"}


def is_path(node):
    """Whether the expression is `Path(...)` joined with `/` to more parts."""
    if isinstance(node, ast.Call):
        return called_name(node.func) in PATH_TYPES
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and is_path(node.left)


def called_name(func):
    """`range` for `range(...)`, `Path` for `pathlib.Path(...)`."""
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


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
    if isinstance(type_node, ast.Name) and type_node.id in KIND_NAMES:
        return type_node.id
    return None


def words_of(node):
    """The string constants in an expression: the texts a condition compares with."""
    return {
        item.value
        for item in ast.walk(node)
        if isinstance(item, ast.Constant) and isinstance(item.value, str)
    }


def returned_bool(statements):
    """True or False when the first statement of a branch returns that constant."""
    first = statements[0] if statements else None
    if isinstance(first, ast.Return) and isinstance(first.value, ast.Constant):
        value = first.value.value
        return value if isinstance(value, bool) else None
    return None


def bool_words(function):
    """The texts a `str2bool`-style function returns True and False for, else None."""
    if isinstance(function, ast.Lambda):
        body = function.body
        # lambda x: bool(strtobool(x))
        while isinstance(body, ast.Call) and called_name(body.func) == "bool" and body.args:
            body = body.args[0]
        if isinstance(body, ast.Call) and called_name(body.func) == "strtobool":
            return STRTOBOOL_WORDS
        if (
            isinstance(body, ast.Compare)
            and len(body.ops) == 1
            and isinstance(body.ops[0], (ast.In, ast.Eq))
        ):
            lowers = "lower" in ast.unparse(body.left)
            return words_of(body.comparators[0]), None, lowers
        return None
    returns = [node for node in ast.walk(function) if isinstance(node, ast.Return)]
    parameter = function.args.args[0].arg if function.args.args else None
    # Every return gives a bool constant, a comparison, or the argument itself (already a bool).
    for node in returns:
        value = node.value
        constant = isinstance(value, ast.Constant) and isinstance(value.value, bool)
        itself = isinstance(value, ast.Name) and value.id == parameter
        if not (constant or itself or isinstance(value, ast.Compare)):
            return None
    true_words, false_words = set(), set()
    for node in ast.walk(function):
        if isinstance(node, ast.If):
            outcome = returned_bool(node.body)
            if outcome is not None:
                (true_words if outcome else false_words).update(words_of(node.test))
    for node in returns:
        if isinstance(node.value, ast.Compare) and isinstance(node.value.ops[0], (ast.In, ast.Eq)):
            true_words.update(words_of(node.value.comparators[0]))
            false_words = None if false_words == set() else false_words
    lowers = any(
        isinstance(node, ast.Attribute) and node.attr in ("lower", "casefold")
        for node in ast.walk(function)
    )
    return (true_words, false_words, lowers) if true_words else None


# What distutils' strtobool (and its copies) take, in any case.
STRTOBOOL_WORDS = (
    {"y", "yes", "t", "true", "on", "1"},
    {"n", "no", "f", "false", "off", "0"},
    True,  # it lowers the text first
)


def static_bool_text(type_node, functions):
    """The texts a converter turns into True and False (`type=str2bool`), or None."""
    if isinstance(type_node, ast.Name) and type_node.id == "bool":
        return ["true", ""], None
    if called_name(type_node) == "strtobool":
        return ["true", "false"], STRTOBOOL_WORDS
    function = type_node if isinstance(type_node, ast.Lambda) else None
    if isinstance(type_node, ast.Name):
        function = functions.get(type_node.id)
    words = bool_words(function) if function is not None else None
    if words is None:
        return None, None
    true_words, false_words, _ = words
    for true_text, false_text in BOOL_TEXTS:
        # No words for False (`return text in (...)`): every other text is False.
        is_false = false_words is None or false_text in false_words
        if true_text in true_words and false_text not in true_words and is_false:
            return [true_text, false_text], words
    return None, None


def bool_default(default, words):
    """What a bool converter makes of a text default, as argparse converts it; None if unknown."""
    true_words, false_words, lowers = words
    default = default.lower() if lowers else default
    if default in true_words:
        return True
    if false_words is None or default in false_words:
        return False
    return None


def argparse_dest(options, keywords, constants):
    """The attribute argparse stores the value in: dest=, else the first long option's name."""
    if "dest" in keywords:
        dest, ok = literal(keywords["dest"], constants)
        return dest if ok and isinstance(dest, str) else None
    long = [option for option in options if option.startswith("--")]
    chosen = (long or options)[0].lstrip("-")
    return chosen.replace("-", "_")


def ordered_choices(choices):
    """A set's choices sorted, so that the reading never depends on Python's hash order."""
    if isinstance(choices, (set, frozenset)):
        return sorted(choices, key=repr)
    return list(choices)


def static_call(call, context, where):
    """The flag an add_argument call adds, "skip" for --help/--version, or (None, reason)."""
    constants = context["constants"]
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
    choices = ordered_choices(choices) if choices is not None and choices_known else None
    implicit = {"store_true": False, "store_false": True}.get(action)
    default, default_known = known("default", implicit)
    nargs, _ = value("nargs")
    # A positional argument is required unless it may be empty.
    positional = not any(name.startswith("-") for name, _ in names)
    required, _ = known("required", positional and nargs not in ("?", "*"))
    help_, help_known = value("help")
    kind = static_kind(keywords.get("type"), action, choices) if choices_known else None
    options = [name for name, _ in names]
    extra = {"dest": argparse_dest(options, keywords, constants), "nargs": nargs}
    if action == "store" and "type" in keywords:
        bool_text, words = static_bool_text(keywords["type"], context["functions"])
        if bool_text:
            kind, extra["bool_text"] = "bool", bool_text
            if default_known and isinstance(default, str):
                default = bool_default(default, words) if words else bool(default)
                default_known = default is not None
                if not default_known:
                    unread["default"] = code_of(keywords["default"])
    group = exclusive_group(call, context, where["line"])
    if group:
        extra["exclusive_group"] = group
    if action == "BooleanOptionalAction":
        options += ["--no-" + option[2:] for option in options if option.startswith("--")]
    help_ = help_ if help_known and isinstance(help_, str) else None
    entry = flag(options, action, kind, default, choices, required, help_, where, extra)
    entry["default_known"] = entry["default_known"] and default_known
    if default_known and not entry["default_known"]:
        unread["default"] = code_of(keywords["default"])
    if unread:
        entry["unread"] = unread
    return entry, None


def exclusive_group(call, context, line):
    """`file:line` of the add_mutually_exclusive_group the call adds to, if it adds to one."""
    receiver = call.func.value
    if not isinstance(receiver, ast.Name):
        return None
    made = [at for at in context["groups"].get(receiver.id, []) if at <= line]
    return f"{context['file']}:{max(made)}" if made else None


def exclusive_groups(tree):
    """The lines where each name is assigned a mutually exclusive group."""
    groups = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        if called_name(node.value.func) != "add_mutually_exclusive_group":
            continue
        for target in node.targets:
            if isinstance(target, ast.Name):
                groups.setdefault(target.id, []).append(node.lineno)
    return groups


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


def parse_project(entry_file, root, search):
    """The syntax trees of the entry point and of the project modules it imports, in order."""
    trees = []
    queue, seen = [os.path.abspath(entry_file)], set()
    while queue and len(seen) < MAX_FILES:
        path = queue.pop(0)
        if path in seen or not is_project_file(path, root):
            continue
        seen.add(path)
        with open(path, encoding="utf-8") as source:
            tree = ast.parse(source.read(), filename=path)
        trees.append((path, tree))
        queue += [os.path.abspath(found) for found in local_imports(tree, search, path)]
    return trees


def functions_of(tree):
    return {
        node.name: node
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }


# ---- Hydra configs ---------------------------------------------------------------------------

# The keys of a Hydra config that are not the app's settings.
HYDRA_OWN_KEYS = {"defaults", "hydra"}
TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*))?$")
INTEGER = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
# A dot or an exponent, as OmegaConf reads floats (1e-3 too, which plain YAML 1.1 leaves as text).
FLOAT = re.compile(
    r"^[-+]?([0-9]+[.][0-9]*([eE][-+]?[0-9]+)?|[.][0-9]+([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)$"
)
# YAML 1.1 reads these as booleans, YAML 1.2 as text: which one the app gets is not certain.
AMBIGUOUS = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")


def split_comment(text):
    """(the text before a ` #` comment outside quotes, the comment's words)."""
    quote = None
    for index, char in enumerate(text):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t"):
            return text[:index].rstrip(), text[index + 1 :].strip()
    return text.rstrip(), ""


def comment_above(lines, index):
    """The words of the `#` lines right above line `index`, as one text."""
    words = []
    for line in reversed(lines[:index]):
        if not line.startswith("#"):
            break
        words.insert(0, line[1:].strip())
    return " ".join(word for word in words if word)


def yaml_scalar(text):
    """(value, known) of a plain or quoted YAML scalar; not known when readers may differ."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None, True
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true", True
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'"), "${" not in text
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1], "\\" not in text and "${" not in text
    if text[0] in "'\"&*!|>[{%@`" or "${" in text or AMBIGUOUS.match(text):
        return None, False
    if INTEGER.match(text):
        return int(text), True
    if FLOAT.match(text):
        return float(text), True
    # 010 (octal in YAML 1.1), 1_000, 0x1f, .inf: numbers only some readers take.
    if re.match(r"^[-+]?[.0-9]", text):
        return None, False
    return text, True


def config_keys(text):
    """(key, line, text, value, known, help) of each top-level key of a mapping with a scalar
    value; its help is the comment after it, else the comment lines right above it."""
    lines = text.splitlines()
    keys = []
    for index, line in enumerate(lines):
        match = TOP_KEY.match(line)
        if not match or match.group(1) in HYDRA_OWN_KEYS:
            continue
        value, comment = split_comment(match.group(2) or "")
        if value.startswith(("[", "{")):
            continue  # a list or a mapping, like the nested ones below
        if value == "":
            following = [rest for rest in lines[index + 1 :] if rest.strip()]
            following = [rest for rest in following if not rest.lstrip().startswith("#")]
            # A nested mapping or a list: its keys are set as key.sub=value, in extra-args.
            if following and (following[0][0] in " \t-"):
                continue
        help_ = comment or comment_above(lines, index) or None
        keys.append((match.group(1), index + 1, value, *yaml_scalar(value), help_))
    return keys


def hydra_main(tree):
    """The `@hydra.main(...)` decorator call of the tree, or None."""
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "hydra"
        for alias in node.names
        if alias.name == "main"
    }
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for decorator in node.decorator_list:
            if not isinstance(decorator, ast.Call):
                continue
            func = decorator.func
            named = isinstance(func, ast.Name) and func.id in imported
            dotted = (
                isinstance(func, ast.Attribute)
                and func.attr == "main"
                and isinstance(func.value, ast.Name)
                and func.value.id == "hydra"
            )
            if named or dotted:
                return decorator
    return None


def hydra_config_file(call, path, root):
    """The primary config `@hydra.main` names, relative to root, or (None, why it is not read)."""
    given = dict(zip(("config_path", "config_name"), call.args, strict=False))
    given.update({keyword.arg: keyword.value for keyword in call.keywords if keyword.arg})
    values = {}
    for key in ("config_path", "config_name"):
        value, ok = literal(given[key], {}) if key in given else (None, True)
        if not ok or not (value is None or isinstance(value, str)):
            return None, f"its {key} `{code_of(given[key])}` is not a string literal"
        values[key] = value
    folder, name = values["config_path"], values["config_name"]
    if name is None:
        return None, "it names no config_name, so the app has no primary config"
    if folder is None or "://" in folder or os.path.isabs(folder):
        return None, f"its config_path {folder!r} is not a folder beside the script"
    file_name = name if name.endswith((".yaml", ".yml")) else name + ".yaml"
    config = os.path.normpath(os.path.join(os.path.dirname(path), folder, file_name))
    if not is_project_file(config, root) or not os.path.isfile(config):
        return None, f"its config {relative_to(config, root)} is not a file of the project"
    return config, None


def hydra_flags(path, tree, root):
    """(the config file, its top-level scalar keys as flags, what is not read) of a Hydra app;
    the file is "" when the app's config cannot be read, None for a script without Hydra."""
    call = hydra_main(tree)
    if call is None:
        return None, [], []
    where = {"file": relative_to(path, root), "line": call.lineno, "column": call.col_offset + 1}
    config, why = hydra_config_file(call, path, root)
    if config is None:
        return "", [], [dict(where, call="hydra.main", reason=why)]
    relative = relative_to(config, root).replace(os.sep, "/")
    with open(config, encoding="utf-8-sig") as source:
        keys = config_keys(source.read())
    flags = []
    for key, line, text, value, known, help_ in keys:
        required = known and value == "???"
        default = None if required else value
        kind = "str" if value is None or isinstance(value, str) else KINDS[type(value)]
        extra = {"dest": key, "nargs": None, "override": True}
        if kind == "bool":
            extra["bool_text"] = ["true", "false"]
        place = {"file": relative, "line": line, "column": 1}
        entry = flag([key], "store", kind, default, None, required, help_, place, extra)
        if not known:
            entry["default_known"] = False
            entry["unread"] = {"default": text if len(text) <= 60 else text[:57] + "..."}
        flags.append(entry)
    return relative, flags, []


# ---- HfArgumentParser dataclasses --------------------------------------------------------------


def is_dataclass(node):
    return any(
        called_name(decorator.func if isinstance(decorator, ast.Call) else decorator) == "dataclass"
        for decorator in node.decorator_list
    )


def dataclasses_of(tree):
    return {
        node.name: node
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and is_dataclass(node)
    }


def is_none(node):
    return isinstance(node, ast.Constant) and node.value is None


def without_none(annotation):
    """`X` of `Optional[X]`, `Union[X, None]` and `X | None`; the annotation itself otherwise."""
    if isinstance(annotation, ast.Subscript) and called_name(annotation.value) == "Optional":
        return annotation.slice
    members = None
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        members = [annotation.left, annotation.right]
    elif isinstance(annotation, ast.Subscript) and called_name(annotation.value) == "Union":
        elements = annotation.slice
        members = elements.elts if isinstance(elements, ast.Tuple) else [elements]
    if members is not None:
        others = [member for member in members if not is_none(member)]
        if len(others) == 1:
            return others[0]
    return annotation


LIST_TYPES = {"list", "List", "Sequence", "tuple", "Tuple"}


def field_type(annotation, constants):
    """(kind, choices, nargs) of a field's annotation, as HfArgumentParser makes its flag."""
    annotation = without_none(annotation)
    if isinstance(annotation, ast.Name) and annotation.id in KIND_NAMES:
        return annotation.id, None, None
    if isinstance(annotation, ast.Subscript):
        outer = called_name(annotation.value)
        if outer == "Literal":
            elements = annotation.slice
            nodes = elements.elts if isinstance(elements, ast.Tuple) else [elements]
            values = [literal(node, constants) for node in nodes]
            if all(ok for _, ok in values):
                choices = [value for value, _ in values]
                kinds = {type(choice) for choice in choices}
                return (KINDS.get(kinds.pop()) if len(kinds) == 1 else None), choices, None
        if outer in LIST_TYPES:
            kind, _, _ = field_type(annotation.slice, constants)
            return kind, None, "+"
    return None, None, None


def field_flag(statement, context, where):
    """The flag HfArgumentParser makes of a dataclass field; None for a field it leaves out."""
    constants = context["constants"]
    name = statement.target.id
    annotation = statement.annotation
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    if called_name(annotation) == "ClassVar":
        return None
    value, keywords = statement.value, {}
    if isinstance(value, ast.Call) and called_name(value.func) == "field":
        keywords = {keyword.arg: keyword.value for keyword in value.keywords if keyword.arg}
        if "init" in keywords and literal(keywords["init"], constants) == (False, True):
            return None
        value = keywords.get("default")
    metadata, _ = literal(keywords["metadata"], constants) if "metadata" in keywords else ({}, True)
    metadata = metadata if isinstance(metadata, dict) else {}
    kind, choices, nargs = field_type(statement.annotation, constants)
    if isinstance(metadata.get("choices"), (list, tuple)):
        choices = list(metadata["choices"])
    unread = {}
    if "default_factory" in keywords:
        default, default_known = None, False
        unread["default"] = code_of(keywords["default_factory"])
    elif value is None:
        default, default_known = (False, True) if kind == "bool" else (None, True)
    else:
        default, default_known = literal(value, constants)
        if not default_known:
            unread["default"] = code_of(value)
    required = value is None and "default_factory" not in keywords and kind != "bool"
    help_ = metadata.get("help") if isinstance(metadata.get("help"), str) else None
    extra = {"dest": name, "nargs": nargs}
    if kind == "bool":
        # `--flag` alone is true; `--flag=true` and `--flag=false` say which.
        extra.update(nargs="?", bool_text=["true", "false"])
    where = dict(where, line=statement.lineno, column=statement.col_offset + 1)
    entry = flag([f"--{name}"], "store", kind, default, choices, required, help_, where, extra)
    entry["default_known"] = entry["default_known"] and default_known
    if unread:
        entry["unread"] = unread
    return entry


def dataclass_flags(node, context, classes, seen=()):
    """The flags of a project dataclass's fields, its project base classes' first."""
    flags, unreadable = [], []
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in classes and base.id not in seen:
            base_context, base_node = classes[base.id]
            more, missed = dataclass_flags(base_node, base_context, classes, (*seen, node.name))
            flags, unreadable = flags + more, unreadable + missed
    where = {"file": context["file"]}
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            entry = field_flag(statement, context, where)
            if entry:
                flags.append(entry)
    return flags, unreadable


def hf_parser_flags(call, classes, where):
    """The flags of the dataclasses given to `HfArgumentParser(...)`, and what is not read."""
    given = call.args[0] if call.args else None
    for keyword in call.keywords:
        if keyword.arg == "dataclass_types":
            given = keyword.value
    if given is None:
        return [], [dict(where, call="HfArgumentParser", reason="it is given no dataclass")]
    nodes = given.elts if isinstance(given, (ast.Tuple, ast.List)) else [given]
    flags, unreadable = [], []
    for node in nodes:
        if isinstance(node, ast.Name) and node.id in classes:
            context, class_node = classes[node.id]
            more, missed = dataclass_flags(class_node, context, classes)
            flags, unreadable = flags + more, unreadable + missed
        else:
            reason = f"{code_of(node)} is not a dataclass of the project: its fields are not read"
            unreadable.append(dict(where, call="HfArgumentParser", reason=reason))
    return flags, unreadable


def read_statically(entry_file, root, search):
    """(flags, unreadable calls, whether it calls parse_args, its Hydra config or None)."""
    parses = False
    trees = parse_project(entry_file, root, search)
    hydra_config, flags, unreadable = hydra_flags(*trees[0], root)
    # A converter such as str2bool may live in another module of the project than its flag.
    everywhere = {}
    for _, tree in reversed(trees):
        everywhere.update(functions_of(tree))
    contexts, classes = [], {}
    for path, tree in trees:
        relative = relative_to(path, root)
        context = {
            "file": relative.replace(os.sep, "/"),
            "constants": module_constants(tree),
            "functions": {**everywhere, **functions_of(tree)},
            "groups": exclusive_groups(tree),
        }
        contexts.append((relative, tree, context))
        for name, node in dataclasses_of(tree).items():
            classes.setdefault(name, (context, node))
    for relative, tree, context in contexts:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            if called_name(node.func) == "HfArgumentParser":
                where = {"file": relative, "line": node.lineno, "column": node.col_offset + 1}
                more, missed = hf_parser_flags(node, classes, where)
                flags, unreadable = flags + more, unreadable + missed
                continue
            if not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr in PARSE_METHODS + HF_PARSE_METHODS:
                parses = True
            if node.func.attr != "add_argument":
                continue
            where = {"file": relative, "line": node.lineno, "column": node.col_offset + 1}
            entry, reason = static_call(node, context, where)
            if reason:
                unreadable.append(dict(where, reason=reason))
            elif entry != "skip":
                flags.append(entry)
    return flags, unreadable, parses, hydra_config


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
    # python -m runs a package's __main__.py, not its __init__.py.
    main_file = os.path.join(os.path.dirname(path), "__main__.py")
    if args.module and path.endswith("__init__.py") and os.path.isfile(main_file):
        return main_file
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
        flags, unreadable, parses, hydra_config = read_statically(path, root, search)
    except (OSError, SyntaxError, ValueError, RecursionError, RuntimeError) as error:
        result.update(method="none", error=f"{type(error).__name__}: {error}")
        out.write(f"\n{MARKER}\n{json.dumps(result)}\n")
        return 0
    result.update(method="static", flags=flags, unreadable=unreadable)
    if hydra_config:
        result["hydra_config"] = hydra_config
    if args.import_ and hydra_config is not None:
        # Importing would catch Hydra's own parser, whose flags are not the app's settings.
        result["import_error"] = "not tried: a Hydra app's settings are its config's keys"
    elif args.import_ and not parses:
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
