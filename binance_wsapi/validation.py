"""Checks on a named method's arguments, before anything is sent.

`wire_params(spec, values, unknown)` turns the keyword arguments of a named method into wire
parameters, or raises `InvalidRequest` saying what to do: an unknown name (with the closest
known one), a value of the wrong type or outside its enum, both or neither of an "exactly one
of" pair, and what each order type requires. Messages use the Python names the caller wrote.
The server remains the judge of everything else (filters, balances, symbols).
"""

from __future__ import annotations

import difflib
import enum
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Mapping, Optional

from .exceptions import InvalidRequest
from .methods import Group, MethodSpec, Param, ParamType, python_name

__all__ = ["check_required", "wire_params"]

_STOP_TYPES = frozenset({"STOP_LOSS", "TAKE_PROFIT"})
_STOP_LIMIT_TYPES = frozenset({"STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"})
# The leg types each order list accepts, in the docs' order. The belowType text omits
# LIMIT_MAKER, but the docs' own OCO and OTOCO examples use it (a BUY OCO's lower leg).
_ABOVE_TYPES = ("STOP_LOSS_LIMIT", "STOP_LOSS", "LIMIT_MAKER", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT")
_BELOW_TYPES = ("STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER")
_WORKING_TYPES = ("LIMIT", "LIMIT_MAKER")


def wire_params(
    spec: MethodSpec, values: Mapping[str, Any], unknown: Mapping[str, Any], *, decimal_strings: bool = False
) -> dict[str, Any]:
    """The wire params for a named method call; None values count as not given (refused if required).

    With `decimal_strings` (the futures APIs: "DECIMAL parameters such as price are expected as
    JSON strings"), a DECIMAL given as an int goes as its string too, like a Decimal or float.
    """
    if unknown:
        raise InvalidRequest(_unknown_message(spec, f"{spec.python_name}()", unknown))
    if not spec.params:
        return {}
    call = spec.python_name + "()"
    wire: dict[str, Any] = {}
    for param in spec.params:
        value = values.get(param.name)
        if value is not None:
            _check_type(call, param, value)
            if decimal_strings and type(value) is int and param.type is ParamType.DECIMAL:
                value = str(value)
            wire[param.wire] = value.value if isinstance(value, enum.Enum) else value
        elif param.required:
            raise InvalidRequest(_required_message(call, param))
    for group in spec.groups:
        _check_group(call, group, wire)
    for check in spec.checks:
        _CHECKS[check](call, wire)
    return wire


def _unknown_message(spec: MethodSpec, call: str, unknown: Mapping[str, Any]) -> str:
    names = [p.name for p in spec.params]
    parts = []
    for given in sorted(unknown):
        snake = python_name(given)
        if snake in names:
            hint = f" (did you mean {snake}? named methods take snake_case names)"
        elif given in ("api_key", "apiKey", "signature", "timestamp"):
            hint = f" ({given} is added by the client)"
        else:
            close = difflib.get_close_matches(snake, names, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]}?)" if close else ""
        parts.append(f"{given!r}{hint}")
    known = ", ".join(names) or "no parameters"
    return f"{call} got an unknown parameter {', '.join(parts)}; it takes: {known}"


def check_required(method: str, spec: Optional[MethodSpec], params: Mapping[str, Any]) -> None:
    """Refuse None for a required param of a known method's wire params (`Client.request`).

    None elsewhere means "leave it out"; a required param left out that way would reach the
    server, so it is refused here, as for named methods. `spec` is the method's, if known.
    """
    if spec is None:
        return
    for name, value in params.items():
        param = spec.by_wire.get(name)
        if value is None and param is not None and param.required:
            raise InvalidRequest(_required_message(method, param))


def _required_message(call: str, param: Param) -> str:
    return f"{call}: {param.name} ({param.wire!r} on the wire) is required; pass a value, not None"


def _check_type(call: str, param: Param, value: Any) -> None:
    name = param.name
    kind = param.type
    if kind is ParamType.STRING:
        if isinstance(value, bool):
            raise InvalidRequest(f"{call}: {name} is a string on the wire; pass {str(value).lower()!r}, not {value!r}")
        if not isinstance(value, str):
            raise InvalidRequest(f"{call}: {name} must be a str, not {type(value).__name__} {value!r}")
        if not value:
            raise InvalidRequest(f"{call}: {name} is empty; leave it out instead")
    elif kind is ParamType.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidRequest(f"{call}: {name} must be an int, not {type(value).__name__} {value!r}")
    elif kind is ParamType.BOOL:
        if not isinstance(value, bool):
            raise InvalidRequest(f"{call}: {name} must be True or False, not {value!r}")
    elif kind is ParamType.DECIMAL:
        _check_decimal(call, name, value)
    elif kind is ParamType.ENUM:
        text = value.value if isinstance(value, enum.Enum) else value
        if not isinstance(text, str):
            raise InvalidRequest(f"{call}: {name} must be a str, not {type(value).__name__} {value!r}")
        if param.choices is not None and text not in param.choices:
            allowed = ", ".join(param.choices)
            raise InvalidRequest(f"{call}: {name}={text!r} is not one of {allowed}")
    elif kind is ParamType.ARRAY:
        if isinstance(value, str) or not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            single = " (for one symbol, use symbol=)" if name == "symbols" else ""
            raise InvalidRequest(f"{call}: {name} must be a list of str, not {value!r}{single}")


def _check_decimal(call: str, name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float, str)):
        raise InvalidRequest(
            f"{call}: {name} must be a Decimal, str, int or float, not {type(value).__name__} {value!r}"
        )
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise InvalidRequest(f"{call}: {name}={value!r} is not a decimal number") from None
    else:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    # Before any comparison: NaN raises decimal.InvalidOperation when compared.
    if not number.is_finite():
        raise InvalidRequest(f"{call}: {name}={value!r} is not a finite number; pass a plain decimal such as '0.001'")
    if isinstance(value, str) and "e" in value.lower():
        raise InvalidRequest(f"{call}: {name}={value!r} must be in plain decimal notation, like '0.00001'")
    if number < 0:
        raise InvalidRequest(f"{call}: {name}={value!r} is negative")


def _check_group(call: str, group: Group, wire: Mapping[str, Any]) -> None:
    given = [n for n in group.names if n in wire]
    names = [python_name(n) for n in group.names]
    if group.kind in ("one", "any") and not given:
        need = "one of" if group.kind == "one" else "at least one of"
        raise InvalidRequest(f"{call} needs {need} {' or '.join(names)}")
    if group.kind in ("one", "most") and len(given) > 1:
        raise InvalidRequest(f"{call} takes only one of {', '.join(names)}; got {', '.join(map(python_name, given))}")
    first = group.names[0]
    if group.kind == "apart" and first in wire and len(given) > 1:
        others = ", ".join(python_name(n) for n in given[1:])
        raise InvalidRequest(f"{call}: {names[0]} cannot be combined with {others}")
    if group.kind == "needs" and first in wire:
        missing = [python_name(n) for n in group.names[1:] if n not in wire]
        if missing:
            raise InvalidRequest(f"{call}: {names[0]} needs {' and '.join(missing)}")


def _refuse(call: str, wire: Mapping[str, Any], what: str, *names: str) -> None:
    extra = [python_name(n) for n in names if n in wire]
    if extra:
        raise InvalidRequest(f"{call}: {what} does not take {', '.join(extra)}; leave it out")


def _leg_rule(call: str, wire: Mapping[str, Any], prefix: str, order_type: str, what: str) -> None:
    """What an order of `order_type` needs among its `prefix`-ed fields (``""`` for a plain order)."""

    def field(suffix: str) -> str:
        return prefix + suffix if prefix else suffix[0].lower() + suffix[1:]

    def has(suffix: str) -> bool:
        return field(suffix) in wire

    def named(*suffixes: str) -> str:
        return " and ".join(python_name(field(s)) for s in suffixes)

    priced = has("Price") or has("PegPriceType")
    triggered = has("StopPrice") or has("TrailingDelta")
    needs: list[str] = []
    refuses: list[str] = []
    if order_type == "LIMIT":
        needs += [] if has("TimeInForce") else [named("TimeInForce")]
        needs += [] if priced else [named("Price")]
        refuses += ["StopPrice", "TrailingDelta"]
    elif order_type == "LIMIT_MAKER":
        needs += [] if priced else [named("Price")]
        refuses += ["TimeInForce", "StopPrice", "TrailingDelta"]
    elif order_type in _STOP_TYPES:
        needs += [] if triggered else [f"{named('StopPrice')} or {named('TrailingDelta')}"]
        refuses += ["Price", "TimeInForce"]
    elif order_type in _STOP_LIMIT_TYPES:
        needs += [] if has("TimeInForce") else [named("TimeInForce")]
        needs += [] if priced else [named("Price")]
        needs += [] if triggered else [f"{named('StopPrice')} or {named('TrailingDelta')}"]
    elif order_type == "MARKET":
        refuses += ["Price", "TimeInForce", "StopPrice", "TrailingDelta"]
    if needs:
        raise InvalidRequest(f"{call}: {what}{order_type!r} needs {', '.join(needs)}")
    _refuse(call, wire, f"{what}{order_type!r}", *map(field, refuses))
    if has("IcebergQty") and wire.get(field("TimeInForce"), "GTC") != "GTC":
        raise InvalidRequest(f"{call}: {named('IcebergQty')} needs {named('TimeInForce')}='GTC'")
    if has("PegOffsetType") != has("PegOffsetValue"):
        raise InvalidRequest(f"{call}: {named('PegOffsetType', 'PegOffsetValue')} go together")


def _check_new_order(call: str, wire: Mapping[str, Any]) -> None:
    order_type = wire.get("type", "")
    _leg_rule(call, wire, "", order_type, "type=")
    if order_type == "MARKET":
        if ("quantity" in wire) == ("quoteOrderQty" in wire):
            raise InvalidRequest(f"{call}: MARKET orders need exactly one of quantity or quote_order_qty")
    else:
        if "quoteOrderQty" in wire:
            raise InvalidRequest(f"{call}: quote_order_qty is for MARKET orders only")
        if "quantity" not in wire:
            raise InvalidRequest(f"{call}: {order_type} orders need quantity")


def _check_sor_order(call: str, wire: Mapping[str, Any]) -> None:
    order_type = wire.get("type", "")
    if order_type not in ("LIMIT", "MARKET"):
        raise InvalidRequest(f"{call}: SOR orders are LIMIT or MARKET, not {order_type}")
    _leg_rule(call, wire, "", order_type, "type=")


def _check_oco_legacy(call: str, wire: Mapping[str, Any]) -> None:
    if ("stopLimitPrice" in wire) != ("stopLimitTimeInForce" in wire):
        raise InvalidRequest(f"{call}: stop_limit_price and stop_limit_time_in_force go together")


_LEGS = (
    ("above", _ABOVE_TYPES),
    ("below", _BELOW_TYPES),
    ("working", _WORKING_TYPES),
    ("pending", None),
    ("pendingAbove", _ABOVE_TYPES),
    ("pendingBelow", _BELOW_TYPES),
)


def _check_order_list(call: str, wire: Mapping[str, Any]) -> None:
    for prefix, allowed in _LEGS:
        type_field = prefix + "Type"
        fields = [k for k in wire if k.startswith(prefix) and k[len(prefix) : len(prefix) + 1].isupper()]
        if prefix == "pending":  # pendingAbove*/pendingBelow* belong to their own legs
            fields = [k for k in fields if not k.startswith(("pendingAbove", "pendingBelow"))]
        if type_field not in wire:
            if fields and prefix in ("pendingBelow",):
                leftovers = ", ".join(python_name(k) for k in fields)
                raise InvalidRequest(f"{call}: {leftovers} given without {python_name(type_field)}")
            continue
        order_type = wire[type_field]
        if allowed is not None and order_type not in allowed:
            options = ", ".join(allowed)
            raise InvalidRequest(f"{call}: {python_name(type_field)}={order_type!r} is not one of {options}")
        _leg_rule(call, wire, prefix, order_type, f"{python_name(type_field)}=")


def _flags(call: str, wire: Mapping[str, Any], *names: str) -> None:
    """Futures' true/false parameters are STRINGs on the wire: only "true" or "false" go."""
    for name in names:
        if name in wire and wire[name] not in ("true", "false"):
            raise InvalidRequest(f"{call}: {python_name(name)}={wire[name]!r}: pass 'true' or 'false'")


def _good_till_date(call: str, wire: Mapping[str, Any]) -> None:
    if (wire.get("timeInForce") == "GTD") != ("goodTillDate" in wire):
        raise InvalidRequest(f"{call}: time_in_force='GTD' and good_till_date go together")


# COIN-M's order.place still lists the parameters of its conditional types, which it refuses
# (-4120) since 2026-06-30: they mean nothing on LIMIT and MARKET orders.
_CM_CONDITIONAL = ("stopPrice", "closePosition", "activationPrice", "callbackRate", "workingType", "priceProtect")


def _check_futures_order(call: str, wire: Mapping[str, Any]) -> None:
    """order.place on USDⓈ-M and COIN-M: LIMIT or MARKET (conditional types: algo_order_place)."""
    _flags(call, wire, "reduceOnly", "closePosition", "priceProtect")
    order_type = wire.get("type", "")
    extra = [python_name(n) for n in _CM_CONDITIONAL if n in wire]
    if extra:
        raise InvalidRequest(
            f"{call}: {', '.join(extra)} serve(s) only conditional orders, which COIN-M takes over REST only "
            "since 2026-06-30; leave it out"
        )
    if "quantity" not in wire:
        raise InvalidRequest(f"{call}: type={order_type!r} needs quantity")
    if order_type == "LIMIT":
        if "timeInForce" not in wire:
            raise InvalidRequest(f"{call}: type='LIMIT' needs time_in_force")
        if "price" not in wire and "priceMatch" not in wire:
            raise InvalidRequest(f"{call}: type='LIMIT' needs price (or price_match)")
    elif order_type == "MARKET":
        _refuse(call, wire, "type='MARKET'", "price", "priceMatch", "timeInForce", "goodTillDate")
    _good_till_date(call, wire)


_ALGO_PRICED = frozenset({"STOP", "TAKE_PROFIT"})
_ALGO_CLOSING = frozenset({"STOP_MARKET", "TAKE_PROFIT_MARKET"})


def _check_algo_order(call: str, wire: Mapping[str, Any]) -> None:
    """algoOrder.place (USDⓈ-M): what each conditional type needs and refuses (FUTURES-NOTES §2.7, §7.4)."""
    _flags(call, wire, "reduceOnly", "closePosition", "priceProtect")
    order_type = wire.get("type", "")
    what = f"type={order_type!r}"
    closing = wire.get("closePosition") == "true"
    if closing:
        if order_type not in _ALGO_CLOSING:
            raise InvalidRequest(f"{call}: close_position='true' goes only with STOP_MARKET or TAKE_PROFIT_MARKET")
        _refuse(call, wire, "close_position='true'", "quantity", "reduceOnly")
    elif "quantity" not in wire:
        raise InvalidRequest(f"{call}: {what} needs quantity (or close_position='true' for the *_MARKET types)")
    if order_type == "TRAILING_STOP_MARKET":
        if "callbackRate" not in wire:
            raise InvalidRequest(f"{call}: {what} needs callback_rate")
        _refuse(call, wire, what, "triggerPrice", "price", "priceMatch")
        return
    _refuse(call, wire, what, "activatePrice", "callbackRate")
    if "triggerPrice" not in wire:
        raise InvalidRequest(f"{call}: {what} needs trigger_price")
    if order_type in _ALGO_PRICED:
        if "price" not in wire and "priceMatch" not in wire:
            raise InvalidRequest(f"{call}: {what} needs price (or price_match): the limit order placed at the trigger")
    else:
        _refuse(call, wire, what, "price", "priceMatch")


_CHECKS: dict[str, Callable[[str, Mapping[str, Any]], None]] = {
    "new_order": _check_new_order,
    "sor_order": _check_sor_order,
    "oco_legacy": _check_oco_legacy,
    "order_list": _check_order_list,
    "um_order": _check_futures_order,
    "cm_order": _check_futures_order,
    "algo_order": _check_algo_order,
}


def check_names() -> frozenset[str]:
    """The conditional checks this module implements (the method table may name only these)."""
    return frozenset(_CHECKS)
