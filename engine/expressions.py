"""Restricted evaluator for BPMN conditions, script tasks and DMN cells.

SpiffWorkflow's default script engine is plain ``eval``/``exec``; whoever can deploy a diagram
could then run any Python on the server. RestrictedPython-style globals can be escaped through
``().__class__.__base__.__subclasses__()``, so instead of sandboxing ``eval`` this module walks the
syntax tree itself: only whitelisted node types, no attribute access at all, no names starting with
an underscore, calls only to a fixed table of pure functions, and bounds on source size, number of
evaluation steps, wall time and the size of every intermediate value.
"""

import ast
import functools
import operator
import time

from engine.deadlines import EXPRESSION_FUNCTIONS

MAX_SOURCE_CHARS = 4000
MAX_STEPS = 20_000
MAX_SECONDS = 0.5
MAX_SEQUENCE = 100_000
MAX_INT_BITS = 256


class ExpressionError(ValueError):
    """An expression is not allowed, refers to an unknown name, or exceeded its budget."""


SAFE_FUNCTIONS = {
    "len": len,
    "min": min,
    "max": max,
    "abs": abs,
    "round": round,
    "int": int,
    "float": float,
    "str": str,
    "bool": bool,
    "sum": sum,
    "any": any,
    "all": all,
    **EXPRESSION_FUNCTIONS,
}

CONSTANTS = {"True": True, "False": False, "None": None}

BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
UNARY = {ast.Not: operator.not_, ast.USub: operator.neg, ast.UAdd: operator.pos}
COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
}

ALLOWED_NODES = (
    ast.Expression,
    ast.Module,
    ast.Expr,
    ast.Assign,
    ast.AugAssign,
    ast.If,
    ast.Pass,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.BinOp,
    ast.UnaryOp,
    ast.Compare,
    ast.IfExp,
    ast.Call,
    ast.Constant,
    ast.Name,
    ast.Subscript,
    ast.Slice,
    ast.List,
    ast.Tuple,
    ast.Dict,
    ast.Set,
    ast.Load,
    ast.Store,
    *BINARY,
    *UNARY,
    *COMPARE,
)


def parse(source: str, mode: str = "eval") -> ast.AST:
    """Parse and whitelist-check; SyntaxError stays SyntaxError so DMN cell probing keeps working."""
    if not isinstance(source, str):
        raise ExpressionError("expression must be text")
    return _parsed(source, mode)


@functools.lru_cache(maxsize=4096)
def _parsed(source: str, mode: str) -> ast.AST:
    """Once per process for each source: the diagrams evaluate the same few hundred conditions on
    every step. The evaluator only reads the trees, so sharing them is safe; a refused source is
    not cached and is refused again."""
    if len(source) > MAX_SOURCE_CHARS:
        raise ExpressionError(f"expression longer than {MAX_SOURCE_CHARS} characters")
    tree = ast.parse(source.strip(), mode=mode)
    for node in ast.walk(tree):
        _check_node(node)
    return tree


def _check_node(node: ast.AST) -> None:
    if not isinstance(node, ALLOWED_NODES):
        raise ExpressionError(f"'{type(node).__name__}' is not allowed in an expression")
    if isinstance(node, ast.Name) and node.id.startswith("_"):
        raise ExpressionError(f"name '{node.id}' is not allowed")
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in SAFE_FUNCTIONS:
            raise ExpressionError("only the functions " + ", ".join(SAFE_FUNCTIONS) + " may be called")
        if node.keywords:
            raise ExpressionError("keyword arguments are not allowed")
    if isinstance(node, ast.Constant) and isinstance(node.value, (bytes, complex)):
        raise ExpressionError("byte and complex literals are not allowed")


def evaluate(source: str, names: dict) -> object:
    """Evaluate an expression against task data."""
    return _Run(names).eval(parse(source, "eval").body)


def execute(source: str, names: dict) -> None:
    """Run a script of assignments and ifs; assigned names are written back into ``names``."""
    run = _Run(names)
    for stmt in parse(source, "exec").body:
        run.stmt(stmt)


def check(source: str, mode: str = "eval") -> None:
    """Refuse a source that would not run in the evaluator (used by validation before deploy)."""
    parse(source, mode)


class _Run:
    """One evaluation: owns the step counter and the deadline."""

    def __init__(self, names: dict):
        self.names = names
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise ExpressionError("expression exceeded its step budget")
        if self.steps % 256 == 0 and time.monotonic() > self.deadline:
            raise ExpressionError("expression exceeded its time budget")

    def stmt(self, node: ast.stmt) -> None:
        self.tick()
        if isinstance(node, ast.Assign):
            value = self.eval(node.value)
            for target in node.targets:
                self.assign(target, value)
        elif isinstance(node, ast.AugAssign):
            current = self.eval(node.target)
            self.assign(node.target, self.binary(node.op, current, self.eval(node.value)))
        elif isinstance(node, ast.If):
            for inner in node.body if self.eval(node.test) else node.orelse:
                self.stmt(inner)
        elif isinstance(node, ast.Expr):
            self.eval(node.value)

    def assign(self, target: ast.expr, value: object) -> None:
        if isinstance(target, ast.Name):
            self.names[target.id] = value
        elif isinstance(target, ast.Subscript):
            container = self.eval(target.value)
            if not isinstance(container, (dict, list)):
                raise ExpressionError("only dicts and lists accept item assignment")
            container[self.eval(target.slice)] = value
        else:
            raise ExpressionError("only names and items may be assigned")

    def eval(self, node: ast.expr) -> object:
        self.tick()
        handler = getattr(self, "eval_" + type(node).__name__, None)
        if handler is None:
            raise ExpressionError(f"'{type(node).__name__}' is not allowed in an expression")
        return handler(node)

    def eval_Constant(self, node):
        return _bounded(node.value)

    def eval_Name(self, node):
        if node.id in self.names:
            return self.names[node.id]
        if node.id in CONSTANTS:
            return CONSTANTS[node.id]
        if node.id in SAFE_FUNCTIONS:
            return SAFE_FUNCTIONS[node.id]
        raise ExpressionError(f"unknown name '{node.id}'")

    def eval_BoolOp(self, node):
        value = None
        for operand in node.values:
            value = self.eval(operand)
            if isinstance(node.op, ast.And) and not value:
                return value
            if isinstance(node.op, ast.Or) and value:
                return value
        return value

    def eval_BinOp(self, node):
        return self.binary(node.op, self.eval(node.left), self.eval(node.right))

    def binary(self, op: ast.operator, left: object, right: object) -> object:
        _precheck(op, left, right)
        try:
            return _bounded(BINARY[type(op)](left, right))
        except (TypeError, ZeroDivisionError, OverflowError) as exc:
            raise ExpressionError(str(exc)) from exc

    def eval_UnaryOp(self, node):
        try:
            return UNARY[type(node.op)](self.eval(node.operand))
        except TypeError as exc:
            raise ExpressionError(str(exc)) from exc

    def eval_Compare(self, node):
        left = self.eval(node.left)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = self.eval(comparator)
            try:
                if not COMPARE[type(op)](left, right):
                    return False
            except TypeError as exc:
                raise ExpressionError(str(exc)) from exc
            left = right
        return True

    def eval_IfExp(self, node):
        return self.eval(node.body) if self.eval(node.test) else self.eval(node.orelse)

    def eval_Call(self, node):
        function = SAFE_FUNCTIONS[node.func.id]
        args = [self.eval(arg) for arg in node.args]
        try:
            return _bounded(function(*args))
        except (TypeError, ValueError, OverflowError) as exc:
            raise ExpressionError(str(exc)) from exc

    def eval_Subscript(self, node):
        container = self.eval(node.value)
        key = self.eval(node.slice)
        if not isinstance(container, (dict, list, tuple, str)):
            raise ExpressionError("only dicts, lists and strings can be indexed")
        try:
            return container[key]
        except (KeyError, IndexError, TypeError) as exc:
            raise ExpressionError(f"no item {key!r}") from exc

    def eval_Slice(self, node):
        parts = [None if p is None else self.eval(p) for p in (node.lower, node.upper, node.step)]
        return slice(*parts)

    def eval_List(self, node):
        return [self.eval(e) for e in node.elts]

    def eval_Tuple(self, node):
        return tuple(self.eval(e) for e in node.elts)

    def eval_Set(self, node):
        return {self.eval(e) for e in node.elts}

    def eval_Dict(self, node):
        if any(k is None for k in node.keys):
            raise ExpressionError("dict unpacking is not allowed")
        return {self.eval(k): self.eval(v) for k, v in zip(node.keys, node.values, strict=True)}


def _precheck(op: ast.operator, left: object, right: object) -> None:
    """Stop a value from growing past its bound before Python allocates it."""
    if isinstance(op, ast.Pow) and isinstance(right, (int, float)) and abs(right) > 64:
        raise ExpressionError("exponent too large")
    if isinstance(op, ast.Mult):
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                if len(seq) * max(times, 0) > MAX_SEQUENCE:
                    raise ExpressionError("value too large")


def _bounded(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise ExpressionError("number too large")
    if isinstance(value, (str, list, tuple, dict, set)) and len(value) > MAX_SEQUENCE:
        raise ExpressionError("value too large")
    return value
