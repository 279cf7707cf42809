"""A sans-I/O futures venue for LocalExchange: Binance USDⓈ-M ("usdm", UM) and COIN-M ("coinm", CM).

No sockets, threads, asyncio or clock reads: every operation takes `now` (epoch ms) and is called
with the caller's lock held. Rules come from the derivatives docs kept in
``tests/data/binance-derivatives-docs/`` and from ``FUTURES-NOTES.md`` (cited as §N below); nothing
is taken from the client's method tables.

Modelled
--------
* Instruments (§7.1): UM ``BTCUSDT``, ``ETHUSDT`` perpetuals and ``BTCUSDT_261225`` (quarterly);
  CM ``BTCUSD_PERP`` (contract size 100 USD), ``ETHUSD_PERP`` (10 USD) and ``BTCUSD_261225``.
  Filters PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, MIN_NOTIONAL (UM only), PERCENT_PRICE against the
  mark price, MAX_NUM_ORDERS (200), with the futures error codes (-4013/-4002/-4014, -4003/-4004/
  -4005/-4023, -1111 for more decimals than pricePrecision/quantityPrecision, -4016/-4024,
  -4164 (UM), -4131/-4113 for a MARKET order whose best counter price breaks PERCENT_PRICE, -2025).
  Notional leverage brackets (initialLeverage, maintMarginRatio, cum), UM in USDT, CM in coin.
* Order book with price-time matching. Each symbol is seeded with a house account (no user, no
  positions, no events) resting ``house_qty`` on every tick from ``mid ± 1 tick`` outwards, so MARKET
  orders fill; test accounts also trade with each other. ``seed_book`` re-centres the house quotes.
* ``order.place`` (§2.3): LIMIT with GTC / IOC / FOK / GTX / GTD (UM; ``goodTillDate`` seconds
  precision, > now + 600 s, -5040) and MARKET; reduceOnly; positionSide; newOrderRespType ACK (the
  order as accepted, before matching) and RESULT (after matching); newClientOrderId (regex -4015,
  duplicate among the symbol's open orders -4116, generated 22 characters when absent); STP
  NONE (default, §8 #5) / EXPIRE_TAKER / EXPIRE_MAKER / EXPIRE_BOTH by the taker's mode
  (EXPIRED_IN_MATCH, ``er`` 1/3); conditional types -> -4120 on both markets (UM since 2025-12-09,
  CM since 2026-06-30; §2.3, §8 #1-2). IOC remainder EXPIRED ``er`` 2, MARKET remainder ``er`` 9.
  FOK not fully fillable: UM -5021, CM accepted then EXPIRED ``er`` 10; GTX that would take: UM
  -5022, CM accepted then EXPIRED ``er`` 11 (§7.2, §8 #18). Order ids increase per symbol.
* ``order.modify`` (§2.4): LIMIT only (-5025 / CM -4196), ``side`` must match (-1130: the error is not
  documented), price and quantity (or priceMatch), same values -5027 / -4197, < 10000 modifications
  (-5026 / -4198), filters and PERCENT_PRICE, margin and reduce-only checks; the order is cancelled
  when partially filled and the new quantity <= executedQty, or when GTX and the new price would
  take; otherwise it loses its queue place, resets its STP mode to NONE (STP FAQ) and may trade.
  ``modifyId`` is echoed (result and ``M``).
* ``order.cancel`` (-2011 "Unknown order sent." when unknown or final), ``order.status`` (-2013 when
  unknown, or CANCELED/EXPIRED without fills and older than 3 days, or older than 90 days; §2.6).
* ``algoOrder.place`` / ``algoOrder.cancel`` (§2.7, §7.4): STOP, STOP_MARKET, TAKE_PROFIT,
  TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET; ``workingType`` CONTRACT_PRICE (last trade) or
  MARK_PRICE; closePosition (-4137 with a quantity), reduceOnly, priceProtect (no trigger while
  |mark - last| / mark > triggerProtect), activatePrice (``activationPrice`` accepted too) and
  callbackRate (0.1-20 since 2026-10-23, FUTURES-NOTES §9; the page still says 10; -1130 otherwise); a stop that would trigger at once, or a trailing
  activatePrice on the wrong side of the latest price, -> -2021; at most 200 open (-4045); no margin
  check before the trigger. Trigger: TRIGGERING, the order enters the matching engine (client order
  id = clientAlgoId, ``ot`` = the conditional type), TRIGGERED, then FINISHED when that order ends;
  REJECTED with ``rm`` when the triggered order is refused (margin, reduce-only...), EXPIRED for a
  closePosition order with no position. ``algoOrder.cancel`` accepts ``algoid``/``clientalgoid``
  too (§8 #7).
* Positions (§7.3, §7.6): one-way (BOTH) and hedge (LONG/SHORT; -4061 on mismatch, -4060 for an
  unknown value, ``reduceOnly`` in hedge mode -1106); entry price volume-weighted on increase (CM:
  contract-weighted harmonic mean), unchanged on reduce, a flip realizes the closed part and opens
  the rest at the fill price; realized PnL ``s*q*(F-EP)`` (CM ``s*q*CS*(1/EP-1/F)``), booked with
  8 decimals; unrealized PnL at the mark price; breakEvenPrice = entry moved by the opening fees
  per unit (CM: in 1/price terms); ``cr`` accumulates realized PnL before fees.
* Margin (§7.6): per-symbol leverage (default 20; 1..bracket-1 maximum, -4028) and margin type
  CROSSED/ISOLATED. Commissions maker 0.02 % / taker 0.05 % of the fill's notional, in the margin
  asset, always taken from the cross wallet. An ISOLATED position's wallet receives notional /
  leverage from the cross wallet on every increasing fill and gives back its proportional share on
  reducing fills (realized PnL goes to the cross wallet). ``availableBalance = crossWallet +
  crossUnPnl - cross positions' initial margin - open orders' initial margin``; a new or modified
  order that lowers it below zero -> -2019. Potential position (position + increasing open orders)
  above the bracket cap of the chosen leverage -> -2027.
* reduceOnly (§7.5): the order plus the same side's other open reduce-only orders must not exceed
  the position in the order's closing direction, else -2022 (this also refuses a reduce-only that
  would flip); hedge-mode closing orders (SELL LONG, BUY SHORT) obey the same rule. Fills never
  exceed the position; reduce-only orders left larger than the position after a fill are EXPIRED
  with ``er`` 4, newest first.
* Mark price and funding (§7.7): ``set_mark_price`` moves unrealized PnL, fires MARK_PRICE algo
  orders, then checks liquidation and margin calls. ``apply_funding`` charges ``value * rate`` to
  longs and pays shorts (positive rate), value = ``Q*MP`` (UM) / ``Q*CS/MP`` (CM), from the cross
  wallet or the isolated wallet, with ``ACCOUNT_UPDATE m=FUNDING_FEE`` (§6.2 push rules; ``a.S``).
* Leverage / margin type / position mode setters (REST-only actions): ``ACCOUNT_CONFIG_UPDATE`` on a
  leverage change; -4046/-4047/-4048, -4059/-4067/-4068 as documented.
* User data events (§6.2, §6.3), in this order: ``ORDER_TRADE_UPDATE`` (x=NEW on acceptance, then per
  fill x=TRADE), ``TRADE_LITE`` (UM), ``ACCOUNT_UPDATE m=ORDER`` (the margin asset and the changed
  position only) for each account involved in each fill, taker first; CANCELED/EXPIRED/AMENDMENT
  updates; ``ALGO_UPDATE`` (UM and, for the REST twin, CM); ``MARGIN_CALL``; CM events carry the
  account alias ``i`` and ``ma`` in ``o``.

Simplified (and where the docs are unclear)
-------------------------------------------
* Open-order initial margin (§7.6, §8 #24, not documented): one-way mode takes the larger side of
  ``order notional / leverage`` for the quantity exceeding what would close the current position;
  hedge mode adds BUY LONG and SELL SHORT orders. MARKET orders are valued at the price they would
  fill at (book walk, then mark price). Fees are not part of the margin check.
* Liquidation (§7.6): after a mark price change or funding, an isolated position with
  ``isolatedWallet + unrealizedPnL <= maintMargin``, or all cross positions of an asset when
  ``crossWallet + crossUnPnl <= sum(maintMargin)``, are closed at the mark price against the
  insurance fund, not the book (the last price does not move): the account's open orders on the
  symbol expire with ``er`` 5, a ``LIQUIDATION`` order (client id ``autoclose-<now>-<n>``) is
  reported x=NEW then x=CALCULATED/FILLED, no liquidation fee is charged, an isolated loss is capped
  at its wallet and a negative cross wallet is floored at 0 (``ACCOUNT_UPDATE m=INSURANCE_CLEAR``).
  ``MARGIN_CALL`` is sent when maintMargin >= 80 % of the margin balance (threshold not documented).
  Maintenance uses the bracket of the current notional, and the liquidation price formula of §7.6
  uses that bracket (Binance uses the bracket at the liquidation price).
* priceMatch: OPPONENT / QUEUE (+ _5/_10/_20) take the 1st/5th/10th/20th level of the book at
  placement (house levels included); no such level -> -5041. It is then an ordinary LIMIT price.
* RPI is treated as GTX (post-only, visible, matches API orders): there is no app/web flow here.
* ``priceProtect`` uses the symbol's ``triggerProtect``; ``GTE_GTC``, iceberg, strategy/grid
  orders, multi-assets mode, BNB fee burn, ADL, delivery settlement and the one-year GTC expiry are
  not modelled. Funding is applied only when a test calls ``apply_funding``.
* Number rendering: prices at the symbol's pricePrecision, quantities at quantityPrecision, UM
  ``avgPrice``/``cumQuote`` at 5 decimals (the docs' and ccxt's samples), CM ``avgPrice``/``cumBase``
  at 8, balances, PnL, entry/mark/liquidation prices and margins at 8 decimals. Binance pads some
  of these differently per symbol; clients should read them as decimals.
* Unsure points decided here: a reduce-only order larger than the position is refused (-2022)
  rather than shrunk; closePosition with BUY+LONG / SELL+SHORT in hedge mode -> -4061; duplicate
  client order ids on CM use UM's -4116 (§5); ``maxWithdrawAmount = max(0, min(crossWallet,
  availableBalance))``; the triggered order of an algo carries the algo's client id; CM algo
  orders (the REST twin after the integration, §2.3) emit ``ALGO_UPDATE`` like UM, which the CM
  stream docs do not list.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import random
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable, Deque, Iterable, Iterator, Optional

from attrs import define, field, frozen

from .model import ZERO, WireError, bad_param, int_param, invalid_value

__all__ = [
    "AlgoOrder",
    "Bracket",
    "FuturesAccount",
    "FuturesEngine",
    "FuturesOrder",
    "FuturesSymbol",
    "Position",
    "default_symbols",
]

USDM = "usdm"
COINM = "coinm"
CONDITIONAL_TYPES = ("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET")
STP_MODES = ("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH")
PRICE_MATCHES = ("OPPONENT", "OPPONENT_5", "OPPONENT_10", "OPPONENT_20", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20")
WORKING_TYPES = ("CONTRACT_PRICE", "MARK_PRICE")
DEPTH_LIMITS = (5, 10, 20, 50, 100, 500, 1000)
MAX_ALGO_ORDERS = 200
MAX_MODIFICATIONS = 10000
MARGIN_CALL_RATIO = Decimal("0.8")
_CLIENT_ID = re.compile(r"^[\.A-Z\:/a-z0-9_-]{1,36}$")
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_E8 = Decimal("0.00000001")
_HUNDRED = Decimal(100)
_DAY = 86_400_000
_FINAL = ("FILLED", "CANCELED", "EXPIRED", "EXPIRED_IN_MATCH")


# -- small helpers ----------------------------------------------------------------------------


def _err(code: int, msg: str) -> WireError:
    return WireError(400, code, msg)


def _q8(value: Decimal) -> Decimal:
    """An amount as booked: 8 decimals, half up."""
    return value.quantize(_E8, rounding=ROUND_HALF_UP)


def _fixed(value: Decimal, places: int) -> str:
    text = f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]  # no "-0.00000000"
    return text


def _f8(value: Decimal) -> str:
    return _fixed(value, 8)


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _dec(params: dict[str, Any], name: str) -> Optional[Decimal]:
    """A DECIMAL parameter sent as a JSON string or number (both are accepted, §1.2)."""
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise invalid_value(name)
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise invalid_value(name) from None
    if not number.is_finite():
        raise invalid_value(name)
    return number


def _flag(params: dict[str, Any], name: str, code: int = -1130) -> Optional[bool]:
    """A "true"/"false" STRING parameter (a JSON boolean is accepted too)."""
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if code == -4062:
        raise _err(-4062, "Invalid or improper reduceOnly value.")
    raise invalid_value(name)


def _text(params: dict[str, Any], name: str) -> Optional[str]:
    value = params.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise invalid_value(name)
    return value


# UM algo orders' callbackRate ceiling, in percent.
_MAX_CALLBACK_RATE = Decimal(20)


# -- instruments ------------------------------------------------------------------------------


@frozen
class Bracket:
    """One notional bracket: positions up to `notional_cap` may use `initial_leverage` at most."""

    bracket: int
    initial_leverage: int
    notional_floor: Decimal
    notional_cap: Decimal
    maint_margin_ratio: Decimal
    cum: Decimal

    def as_dict(self, inverse: bool) -> dict[str, Any]:
        """The leverageBracket REST shape (CM brackets are in coin: qtyCap/qtyFloor)."""
        cap, floor = ("qtyCap", "qtyFloor") if inverse else ("notionalCap", "notionalFloor")
        return {
            "bracket": self.bracket,
            "initialLeverage": self.initial_leverage,
            cap: float(self.notional_cap),
            floor: float(self.notional_floor),
            "maintMarginRatio": float(self.maint_margin_ratio),
            "cum": float(self.cum),
        }


def brackets(rows: Iterable[tuple[str, int, str]]) -> tuple[Bracket, ...]:
    """Brackets from (cap, initial leverage, maintenance ratio) rows; floors and cum are chained:
    cum_i = cum_(i-1) + floor_i * (mmr_i - mmr_(i-1)), so maintMargin is continuous."""
    out: list[Bracket] = []
    floor, cum, last_mmr = ZERO, ZERO, ZERO
    for i, (cap, leverage, mmr) in enumerate(rows, 1):
        ratio = Decimal(mmr)
        if out:
            cum += floor * (ratio - last_mmr)
        out.append(Bracket(i, leverage, floor, Decimal(cap), ratio, cum))
        floor, last_mmr = Decimal(cap), ratio
    return tuple(out)


@frozen
class FuturesSymbol:
    """A futures contract's static rules (exchangeInfo)."""

    name: str
    pair: str
    base: str
    quote: str
    margin_asset: str
    contract_type: str
    inverse: bool
    contract_size: Decimal
    mid: Decimal
    price_precision: int
    quantity_precision: int
    tick_size: Decimal
    min_price: Decimal
    max_price: Decimal
    step_size: Decimal
    min_qty: Decimal
    max_qty: Decimal
    market_step_size: Decimal
    market_min_qty: Decimal
    market_max_qty: Decimal
    min_notional: Decimal  # ZERO: no MIN_NOTIONAL filter (CM)
    multiplier_up: Decimal
    multiplier_down: Decimal
    brackets: tuple[Bracket, ...]
    house_qty: Decimal
    delivery_date: int = 4133404800000
    onboard_date: int = 1569398400000
    trigger_protect: Decimal = Decimal("0.0500")
    liquidation_fee: Decimal = Decimal("0.012500")
    market_take_bound: Decimal = Decimal("0.05")
    max_num_orders: int = 200

    @property
    def perpetual(self) -> bool:
        return self.contract_type == "PERPETUAL"

    @property
    def max_leverage(self) -> int:
        return self.brackets[0].initial_leverage

    def bracket_for(self, notional: Decimal) -> Bracket:
        for bracket in self.brackets:
            if notional <= bracket.notional_cap:
                return bracket
        return self.brackets[-1]

    def max_notional(self, leverage: int) -> Decimal:
        """The largest position allowed at `leverage` (maxNotionalValue; CM maxQty, in coin)."""
        allowed = [b.notional_cap for b in self.brackets if b.initial_leverage >= leverage]
        return allowed[-1] if allowed else ZERO

    def filters(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [
            {"filterType": "PRICE_FILTER", "minPrice": str(self.min_price), "maxPrice": str(self.max_price),
             "tickSize": str(self.tick_size)},
            {"filterType": "LOT_SIZE", "minQty": str(self.min_qty), "maxQty": str(self.max_qty),
             "stepSize": str(self.step_size)},
            {"filterType": "MARKET_LOT_SIZE", "minQty": str(self.market_min_qty), "maxQty": str(self.market_max_qty),
             "stepSize": str(self.market_step_size)},
            {"filterType": "MAX_NUM_ORDERS", "limit": self.max_num_orders},
        ]
        if self.min_notional:
            out.append({"filterType": "MIN_NOTIONAL", "notional": str(self.min_notional)})
        out.append({"filterType": "PERCENT_PRICE", "multiplierUp": str(self.multiplier_up),
                    "multiplierDown": str(self.multiplier_down), "multiplierDecimal": "4"})
        return out

    def exchange_info(self) -> dict[str, Any]:
        """This symbol's exchangeInfo entry (the fields a client reads)."""
        info: dict[str, Any] = {
            "symbol": self.name, "pair": self.pair, "contractType": self.contract_type,
            "deliveryDate": self.delivery_date, "onboardDate": self.onboard_date,
        }
        info["contractStatus" if self.inverse else "status"] = "TRADING"
        if self.inverse:
            info["contractSize"] = int(self.contract_size)
        info.update({
            "baseAsset": self.base, "quoteAsset": self.quote, "marginAsset": self.margin_asset,
            "pricePrecision": self.price_precision, "quantityPrecision": self.quantity_precision,
            "triggerProtect": str(self.trigger_protect), "liquidationFee": str(self.liquidation_fee),
            "marketTakeBound": str(self.market_take_bound), "filters": self.filters(),
            "orderTypes": ["LIMIT", "MARKET", *CONDITIONAL_TYPES],
            "timeInForce": ["GTC", "IOC", "FOK", "GTX"] + ([] if self.inverse else ["GTD", "RPI"]),
        })
        return info


def _um(name: str, base: str, mid: str, tick: str, price_precision: int, step: str, qty_precision: int,
        max_qty: str, market_max: str, min_notional: str, house_qty: str,
        rows: tuple[tuple[str, int, str], ...], contract_type: str = "PERPETUAL",
        delivery: int = 4133404800000) -> FuturesSymbol:
    return FuturesSymbol(
        name=name, pair=base + "USDT", base=base, quote="USDT", margin_asset="USDT", contract_type=contract_type,
        inverse=False, contract_size=Decimal(1), mid=Decimal(mid), price_precision=price_precision,
        quantity_precision=qty_precision, tick_size=Decimal(tick), min_price=Decimal(tick),
        max_price=Decimal("4529764"), step_size=Decimal(step), min_qty=Decimal(step), max_qty=Decimal(max_qty),
        market_step_size=Decimal(step), market_min_qty=Decimal(step), market_max_qty=Decimal(market_max),
        min_notional=Decimal(min_notional), multiplier_up=Decimal("1.0500"), multiplier_down=Decimal("0.9500"),
        brackets=brackets(rows), house_qty=Decimal(house_qty), delivery_date=delivery,
    )


def _cm(name: str, base: str, contract_size: int, mid: str, tick: str, price_precision: int,
        rows: tuple[tuple[str, int, str], ...], contract_type: str = "PERPETUAL",
        delivery: int = 4133404800000) -> FuturesSymbol:
    return FuturesSymbol(
        name=name, pair=base + "USD", base=base, quote="USD", margin_asset=base, contract_type=contract_type,
        inverse=True, contract_size=Decimal(contract_size), mid=Decimal(mid), price_precision=price_precision,
        quantity_precision=0, tick_size=Decimal(tick), min_price=Decimal(tick), max_price=Decimal("4520958"),
        step_size=Decimal(1), min_qty=Decimal(1), max_qty=Decimal(1000000), market_step_size=Decimal(1),
        market_min_qty=Decimal(1), market_max_qty=Decimal(60000), min_notional=ZERO,
        multiplier_up=Decimal("1.0500"), multiplier_down=Decimal("0.9500"), brackets=brackets(rows),
        house_qty=Decimal(1000), delivery_date=delivery,
    )


_UM_BTC_BRACKETS = (
    ("50000", 125, "0.004"), ("600000", 100, "0.005"), ("3000000", 75, "0.0065"), ("12000000", 50, "0.01"),
    ("70000000", 25, "0.02"), ("100000000", 20, "0.025"), ("230000000", 10, "0.05"), ("480000000", 5, "0.1"),
    ("600000000", 4, "0.125"), ("800000000", 3, "0.15"), ("1200000000", 2, "0.25"), ("1800000000", 1, "0.5"),
)
_UM_ETH_BRACKETS = (
    ("50000", 100, "0.005"), ("500000", 75, "0.0065"), ("2000000", 50, "0.01"), ("10000000", 25, "0.02"),
    ("50000000", 10, "0.05"), ("100000000", 5, "0.1"), ("200000000", 2, "0.25"), ("500000000", 1, "0.5"),
)
_CM_BTC_BRACKETS = (
    ("5", 125, "0.004"), ("10", 100, "0.005"), ("20", 50, "0.01"), ("50", 20, "0.025"), ("100", 10, "0.05"),
    ("200", 5, "0.1"), ("400", 4, "0.125"), ("1000", 3, "0.15"), ("1500", 2, "0.25"), ("100000", 1, "0.5"),
)
_CM_ETH_BRACKETS = (
    ("50", 75, "0.005"), ("100", 50, "0.01"), ("500", 25, "0.02"), ("1000", 10, "0.05"), ("5000", 5, "0.1"),
    ("10000", 2, "0.25"), ("100000", 1, "0.5"),
)
_DELIVERY_261225 = 1798185600000  # 2026-12-25 08:00 UTC


def default_symbols(market: str) -> tuple[FuturesSymbol, ...]:
    """The default instruments of `market` ("usdm" or "coinm")."""
    if market == USDM:
        return (
            _um("BTCUSDT", "BTC", "50000", "0.10", 2, "0.001", 3, "1000", "120", "100", "5", _UM_BTC_BRACKETS),
            _um("ETHUSDT", "ETH", "3000", "0.01", 2, "0.001", 3, "10000", "2000", "20", "50", _UM_ETH_BRACKETS),
            _um("BTCUSDT_261225", "BTC", "50500", "0.10", 1, "0.001", 3, "500", "50", "5", "5", _UM_BTC_BRACKETS,
                "CURRENT_QUARTER", _DELIVERY_261225),
        )
    if market == COINM:
        return (
            _cm("BTCUSD_PERP", "BTC", 100, "50000", "0.1", 1, _CM_BTC_BRACKETS),
            _cm("ETHUSD_PERP", "ETH", 10, "3000", "0.01", 2, _CM_ETH_BRACKETS),
            _cm("BTCUSD_261225", "BTC", 100, "50500", "0.1", 1, _CM_BTC_BRACKETS, "CURRENT_QUARTER", _DELIVERY_261225),
        )
    raise ValueError(f"market must be {USDM!r} or {COINM!r}, not {market!r}")


# -- state ------------------------------------------------------------------------------------


@define(eq=False)
class Position:
    """One position: symbol x positionSide. `amount` is signed (negative: short, also for SHORT)."""

    symbol: str
    side: str
    amount: Decimal = ZERO
    entry: Decimal = ZERO
    #: Fees paid to open what is still open (breakEvenPrice).
    open_fee: Decimal = ZERO
    #: Accumulated realized PnL before fees (ACCOUNT_UPDATE "cr").
    realized: Decimal = ZERO
    isolated_wallet: Decimal = ZERO
    update_time: int = 0

    @property
    def sign(self) -> int:
        return 1 if self.amount > 0 else -1 if self.amount < 0 else 0


@define(eq=False)
class AlgoOrder:
    """A conditional order waiting in the Algo Service (§2.7)."""

    algo_id: int
    client_algo_id: str
    symbol: str
    side: str
    position_side: str
    type: str
    time_in_force: str
    quantity: Decimal
    price: Decimal
    trigger_price: Decimal
    working_type: str
    price_match: str
    close_position: bool
    price_protect: bool
    reduce_only: bool
    stp_mode: str
    good_till_date: int
    account: FuturesAccount
    create_time: int
    update_time: int
    activate_price: Optional[Decimal] = None
    callback_rate: Optional[Decimal] = None
    status: str = "NEW"
    trigger_time: int = 0
    reject_reason: str = ""
    order: Optional[FuturesOrder] = None
    #: Trailing stops: the lowest (BUY) / highest (SELL) price seen since placement.
    extreme: Optional[Decimal] = None
    activated: bool = False

    @property
    def is_open(self) -> bool:
        return self.status == "NEW"


@define(eq=False)
class FuturesOrder:
    """One order in the matching engine. `account` is None for the house's liquidity."""

    order_id: int
    client_order_id: str
    symbol: str
    side: str
    position_side: str
    type: str
    time_in_force: str
    price: Decimal
    orig_qty: Decimal
    account: Optional[FuturesAccount]
    time: int = 0
    orig_type: str = ""
    update_time: int = 0
    reduce_only: bool = False
    close_position: bool = False
    stop_price: Decimal = ZERO
    working_type: str = "CONTRACT_PRICE"
    price_protect: bool = False
    price_match: str = "NONE"
    stp_mode: str = "NONE"
    good_till_date: int = 0
    executed_qty: Decimal = ZERO
    #: Filled value: quote (UM cumQuote) or coin (CM cumBase).
    cum_value: Decimal = ZERO
    status: str = "NEW"
    expiry_reason: int = 0
    modifications: int = 0
    activate_price: Optional[Decimal] = None
    price_rate: Optional[Decimal] = None
    algo: Optional[AlgoOrder] = None
    #: MARKET orders: the price the margin check values them at.
    est_price: Decimal = ZERO

    def __attrs_post_init__(self) -> None:
        if not self.orig_type:
            self.orig_type = self.type

    @property
    def remaining(self) -> Decimal:
        return self.orig_qty - self.executed_qty

    @property
    def is_open(self) -> bool:
        return self.status in ("NEW", "PARTIALLY_FILLED")

    @property
    def value_price(self) -> Decimal:
        return self.price if self.price else self.est_price


@define(eq=False)
class FuturesAccount:
    """A futures account: wallets, settings, positions, orders and algo orders."""

    uid: int
    key: str
    alias: str
    cross_wallet: dict[str, Decimal] = field(factory=dict)
    dual_side: bool = False
    leverage: dict[str, int] = field(factory=dict)
    margin_type: dict[str, str] = field(factory=dict)  # symbol -> "CROSSED" / "ISOLATED"
    positions: dict[tuple[str, str], Position] = field(factory=dict)
    orders: dict[tuple[str, int], FuturesOrder] = field(factory=dict)
    by_client_id: dict[tuple[str, str], list[int]] = field(factory=dict)
    algos: dict[int, AlgoOrder] = field(factory=dict)
    update_time: int = 0

    def position(self, symbol: str, side: str) -> Position:
        pos = self.positions.get((symbol, side))
        if pos is None:
            pos = self.positions[(symbol, side)] = Position(symbol, side)
        return pos

    def lev(self, symbol: str) -> int:
        return self.leverage.get(symbol, 20)

    def isolated(self, symbol: str) -> bool:
        return self.margin_type.get(symbol, "CROSSED") == "ISOLATED"

    def open_orders(self, symbol: Optional[str] = None) -> list[FuturesOrder]:
        return [o for o in self.orders.values() if o.is_open and (symbol is None or o.symbol == symbol)]


@define
class _Risk:
    """One margin asset's numbers for an account."""

    cross_wallet: Decimal = ZERO
    isolated_wallet: Decimal = ZERO
    cross_unpnl: Decimal = ZERO
    unpnl: Decimal = ZERO
    cross_position_im: Decimal = ZERO
    position_im: Decimal = ZERO
    order_im: Decimal = ZERO
    cross_maint: Decimal = ZERO
    maint: Decimal = ZERO

    @property
    def wallet(self) -> Decimal:
        return self.cross_wallet + self.isolated_wallet

    @property
    def available(self) -> Decimal:
        return self.cross_wallet + self.cross_unpnl - self.cross_position_im - self.order_im

    @property
    def max_withdraw(self) -> Decimal:
        return max(ZERO, min(self.cross_wallet, self.available))


class _Book:
    """One symbol's resting orders: FIFO queues at sorted price levels."""

    def __init__(self) -> None:
        self.levels: dict[str, dict[Decimal, Deque[FuturesOrder]]] = {"BUY": {}, "SELL": {}}
        self.prices: dict[str, list[Decimal]] = {"BUY": [], "SELL": []}  # ascending
        self.update_id = 1

    def add(self, order: FuturesOrder) -> None:
        levels = self.levels[order.side]
        queue = levels.get(order.price)
        if queue is None:
            queue = levels[order.price] = collections.deque()
            bisect.insort(self.prices[order.side], order.price)
        queue.append(order)
        self.update_id += 1

    def remove(self, order: FuturesOrder) -> None:
        queue = self.levels[order.side].get(order.price)
        if queue is None or order not in queue:
            return
        queue.remove(order)
        if not queue:
            del self.levels[order.side][order.price]
            prices = self.prices[order.side]
            prices.pop(bisect.bisect_left(prices, order.price))
        self.update_id += 1

    def ranked(self, side: str) -> list[Decimal]:
        """`side`'s prices, best first."""
        prices = self.prices[side]
        return prices[::-1] if side == "BUY" else list(prices)

    def best(self, side: str) -> Optional[Decimal]:
        prices = self.prices[side]
        if not prices:
            return None
        return prices[-1] if side == "BUY" else prices[0]

    def level_qty(self, side: str, price: Decimal) -> Decimal:
        return sum((o.remaining for o in self.levels[side].get(price, ())), ZERO)

    def crossing(self, side: str, limit: Optional[Decimal]) -> list[Decimal]:
        """Opposite levels a `side` taker limited at `limit` (None: MARKET) may trade with, best first."""
        opposite = "SELL" if side == "BUY" else "BUY"
        prices = self.ranked(opposite)
        if limit is None:
            return prices
        return [p for p in prices if (p <= limit if side == "BUY" else p >= limit)]


def _opposite(side: str) -> str:
    return "SELL" if side == "BUY" else "BUY"


# -- the engine -------------------------------------------------------------------------------


class FuturesEngine:
    """Instruments, books, accounts and the rules that move them, for one market."""

    def __init__(
        self,
        market: str,
        *,
        maker_fee: Decimal = Decimal("0.0002"),
        taker_fee: Decimal = Decimal("0.0005"),
        seed: int = 0,
        now: int = 0,
        symbols: Optional[Iterable[FuturesSymbol]] = None,
        book_levels: int = 100,
    ) -> None:
        if market not in (USDM, COINM):
            raise ValueError(f"market must be {USDM!r} or {COINM!r}, not {market!r}")
        self.market = market
        self.coinm = market == COINM
        self.maker_fee = Decimal(maker_fee)
        self.taker_fee = Decimal(taker_fee)
        self.now = now
        self._rng = random.Random(seed)
        self.symbols: dict[str, FuturesSymbol] = {s.name: s for s in (symbols or default_symbols(market))}
        self.books: dict[str, _Book] = {name: _Book() for name in self.symbols}
        self.mark: dict[str, Decimal] = {name: s.mid for name, s in self.symbols.items()}
        self.last: dict[str, Decimal] = {name: s.mid for name, s in self.symbols.items()}
        self.last_time: dict[str, int] = {name: now for name in self.symbols}
        self.funding_rate: dict[str, Decimal] = {name: Decimal("0.0001") for name in self.symbols}
        self.accounts: dict[str, FuturesAccount] = {}
        self._order_ids: dict[str, Iterator[int]] = {name: itertools.count(1) for name in self.symbols}
        self._trade_ids: dict[str, Iterator[int]] = {name: itertools.count(1) for name in self.symbols}
        self._algo_ids = itertools.count(1000000001)
        self._uids = itertools.count(1)
        self._liquidations = itertools.count(1)
        self._events: list[tuple[FuturesAccount, dict[str, Any]]] = []
        self._gtd: list[FuturesOrder] = []
        for name in self.symbols:
            self.seed_book(name, levels=book_levels)

    # -- set-up and test knobs -----------------------------------------------------------------

    def seed_book(self, symbol: str, mid: Optional[Decimal] = None, *, levels: int = 100,
                  qty: Optional[Decimal] = None) -> None:
        """Replace the house's quotes on `symbol`: `levels` levels each side, one tick apart, from
        `mid` ± 1 tick (default: the symbol's mid), `qty` each (default: the symbol's house_qty).
        Leaves the mark and last prices alone."""
        sym = self.symbols[symbol]
        book = self.books[symbol]
        for side in ("BUY", "SELL"):
            for price in list(book.prices[side]):
                for order in [o for o in book.levels[side][price] if o.account is None]:
                    book.remove(order)
        centre = Decimal(mid) if mid is not None else sym.mid
        size = Decimal(qty) if qty is not None else sym.house_qty
        for i in range(1, levels + 1):
            for side, price in (("BUY", centre - sym.tick_size * i), ("SELL", centre + sym.tick_size * i)):
                if price < sym.min_price:
                    continue
                order_id = next(self._order_ids[symbol])
                book.add(FuturesOrder(order_id, f"house{order_id}", symbol, side, "BOTH", "LIMIT", "GTC", price,
                                      size, None, time=self.now, update_time=self.now))

    def new_account(self, key: str, balances: Optional[dict[str, str]] = None) -> FuturesAccount:
        """An account with `balances` in its (cross) wallets; default UM 10000 USDT, CM 1 BTC + 10 ETH."""
        if balances is None:
            balances = {"BTC": "1", "ETH": "10"} if self.coinm else {"USDT": "10000"}
        alias = "".join(self._rng.choice(_ALPHABET) for _ in range(4))
        account = FuturesAccount(next(self._uids), key, alias,
                                 cross_wallet={a: Decimal(v) for a, v in balances.items()})
        self.accounts[key] = account
        return account

    def deposit(self, account: FuturesAccount, asset: str, amount: Decimal, now: Optional[int] = None) -> None:
        """Credit (negative: debit) a cross wallet, with ACCOUNT_UPDATE m=DEPOSIT (m=WITHDRAW)."""
        when = self._advance(now)
        amount = Decimal(amount)
        account.cross_wallet[asset] = account.cross_wallet.get(asset, ZERO) + amount
        account.update_time = when
        self._account_update(account, "DEPOSIT" if amount >= 0 else "WITHDRAW", asset, [], when, change=amount)

    def set_mark_price(self, symbol: str, price: Decimal, now: int) -> None:
        """Move the mark price: unrealized PnL, MARK_PRICE algo triggers, then liquidation and margin calls."""
        self._advance(now)
        sym = self.symbols[symbol]
        price = Decimal(price)
        self.mark[symbol] = price
        for algo in self._open_algos(symbol):
            if algo.working_type == "MARK_PRICE":
                self._observe(algo, price)
        self._settle(now)
        self._risk_check(sym.margin_asset, now)

    def apply_funding(self, symbol: str, rate: Decimal, now: int) -> None:
        """Pay (or charge) funding on every open position of a perpetual `symbol` at the mark price."""
        self._advance(now)
        sym = self.symbols[symbol]
        if not sym.perpetual:
            raise ValueError(f"{symbol} is not a perpetual contract: it has no funding")
        rate = Decimal(rate)
        self.funding_rate[symbol] = rate
        mark = self.mark[symbol]
        for account in self.accounts.values():
            for pos in [p for p in account.positions.values() if p.symbol == symbol and p.amount]:
                fee = _q8(-pos.sign * self._notional(sym, abs(pos.amount), mark) * rate)
                isolated = account.isolated(symbol)
                if isolated:
                    pos.isolated_wallet += fee
                else:
                    account.cross_wallet[sym.margin_asset] = account.cross_wallet.get(sym.margin_asset, ZERO) + fee
                account.update_time = now
                self._account_update(account, "FUNDING_FEE", sym.margin_asset, [pos] if isolated else [], now,
                                     change=fee, symbol=symbol)
        self._risk_check(sym.margin_asset, now)

    def take_events(self) -> list[tuple[FuturesAccount, dict[str, Any]]]:
        """The user data events produced since the last call, oldest first."""
        events, self._events = self._events, []
        return events

    # -- REST-only account settings ------------------------------------------------------------

    def set_leverage(self, account: FuturesAccount, symbol: str, leverage: Any, now: int) -> dict[str, Any]:
        """POST /fapi/v1/leverage (/dapi/v1/leverage), with ACCOUNT_CONFIG_UPDATE."""
        self._advance(now)
        sym = self._symbol({"symbol": symbol})
        if leverage is None:
            raise bad_param("leverage")
        try:
            leverage = int_param({"leverage": leverage}, "leverage")
        except WireError:
            raise _err(-4028, f"Leverage {leverage} is not valid") from None
        if leverage is None or not 1 <= leverage <= sym.max_leverage:
            raise _err(-4028, f"Leverage {leverage} is not valid")
        cap = sym.max_notional(leverage)
        for side in self._sides(account, sym):
            pos = account.positions.get((symbol, side))
            if pos is not None and pos.amount and self._notional(sym, abs(pos.amount), self.mark[symbol]) > cap:
                raise _err(-2027, "Exceeded the maximum allowable position at current leverage.")
        account.leverage[symbol] = leverage
        event: dict[str, Any] = {"e": "ACCOUNT_CONFIG_UPDATE", "E": now, "T": now, "ac": {"s": symbol, "l": leverage}}
        self._events.append((account, event))
        if self.coinm:
            return {"leverage": leverage, "maxQty": str(cap), "symbol": symbol}
        return {"leverage": leverage, "maxNotionalValue": str(cap), "symbol": symbol}

    def set_margin_type(self, account: FuturesAccount, symbol: str, margin_type: str, now: int) -> dict[str, Any]:
        """POST /fapi/v1/marginType: ISOLATED or CROSSED."""
        self._advance(now)
        sym = self._symbol({"symbol": symbol})
        if margin_type not in ("ISOLATED", "CROSSED"):
            raise invalid_value("marginType")
        if account.margin_type.get(sym.name, "CROSSED") == margin_type:
            raise _err(-4046, "No need to change margin type.")
        if account.open_orders(sym.name):
            raise _err(-4047, "Margin type cannot be changed if there exists open orders.")
        if any(p.amount for p in account.positions.values() if p.symbol == sym.name):
            raise _err(-4048, "Margin type cannot be changed if there exists position.")
        account.margin_type[sym.name] = margin_type
        return {"code": 200, "msg": "success"}

    def set_position_mode(self, account: FuturesAccount, dual: bool, now: int) -> dict[str, Any]:
        """POST /fapi/v1/positionSide/dual: hedge mode (True) or one-way mode (False)."""
        self._advance(now)
        if account.dual_side == dual:
            raise _err(-4059, "No need to change position side.")
        if account.open_orders():
            raise _err(-4067, "Position side cannot be changed if there exists open orders.")
        if any(p.amount for p in account.positions.values()):
            raise _err(-4068, "Position side cannot be changed if there exists position.")
        account.dual_side = dual
        return {"code": 200, "msg": "success"}

    # -- market data ---------------------------------------------------------------------------

    def depth(self, params: dict[str, Any], now: Optional[int] = None) -> dict[str, Any]:
        """depth: the best `limit` levels per side."""
        when = self._advance(now)
        sym = self._symbol(params)
        limit = int_param(params, "limit")
        if limit is None:
            limit = 500
        if limit not in DEPTH_LIMITS:
            raise _err(-4021, f"'{limit}' is not valid depth limit.")
        book = self.books[sym.name]

        def levels(side: str) -> list[list[str]]:
            return [[self._price(sym, p), self._qty(sym, book.level_qty(side, p))] for p in book.ranked(side)[:limit]]

        return {"lastUpdateId": book.update_id, "E": when, "T": self.last_time[sym.name],
                "bids": levels("BUY"), "asks": levels("SELL")}

    def ticker_price(self, params: dict[str, Any], now: Optional[int] = None) -> Any:
        """ticker.price: one object with `symbol`, else a list of all."""
        self._advance(now)

        def one(sym: FuturesSymbol) -> dict[str, Any]:
            return {"symbol": sym.name, "price": self._price(sym, self.last[sym.name]), "time": self.last_time[sym.name]}

        if params.get("symbol") is None:
            return [one(s) for s in self.symbols.values()]
        return one(self._symbol(params))

    def ticker_book(self, params: dict[str, Any], now: Optional[int] = None) -> Any:
        """ticker.book: best bid and ask, one object with `symbol`, else a list of all."""
        when = self._advance(now)

        def one(sym: FuturesSymbol) -> dict[str, Any]:
            book = self.books[sym.name]
            bid, ask = book.best("BUY"), book.best("SELL")
            return {
                "lastUpdateId": book.update_id, "symbol": sym.name,
                "bidPrice": self._price(sym, bid or ZERO), "bidQty": self._qty(sym, book.level_qty("BUY", bid) if bid else ZERO),
                "askPrice": self._price(sym, ask or ZERO), "askQty": self._qty(sym, book.level_qty("SELL", ask) if ask else ZERO),
                "time": when,
            }

        if params.get("symbol") is None:
            return [one(s) for s in self.symbols.values()]
        return one(self._symbol(params))

    # -- order.place ---------------------------------------------------------------------------

    def place(self, account: FuturesAccount, params: dict[str, Any], now: int) -> dict[str, Any]:
        """order.place: LIMIT or MARKET (conditional types: -4120, use algo_place)."""
        self._advance(now)
        sym = self._symbol(params)
        order_type = _text(params, "type")
        if order_type is None:
            raise bad_param("type")
        if order_type in CONDITIONAL_TYPES:
            raise _err(-4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.")
        if order_type not in ("LIMIT", "MARKET"):
            raise _err(-1116, "Invalid orderType.")
        resp_type = params.get("newOrderRespType") or "ACK"
        if resp_type not in ("ACK", "RESULT"):
            raise _err(-1136, "Invalid newOrderRespType.")
        order = self._parse_order(account, sym, params, order_type, now)
        ack = self._submit(sym, order, now)
        self._settle(now)
        return ack if resp_type == "ACK" else self._order_result(order)

    def _parse_order(self, account: FuturesAccount, sym: FuturesSymbol, params: dict[str, Any], order_type: str,
                     now: int) -> FuturesOrder:
        side = self._side(params)
        position_side = self._position_side(account, params)
        tif = _text(params, "timeInForce")
        allowed_tif = ("GTC", "IOC", "FOK", "GTX") if self.coinm else ("GTC", "IOC", "FOK", "GTX", "GTD", "RPI")
        if tif is not None and tif not in allowed_tif:
            raise _err(-1115, "Invalid timeInForce.")
        qty = _dec(params, "quantity")
        if qty is None:
            raise bad_param("quantity")
        price = _dec(params, "price")
        price_match = _text(params, "priceMatch") or "NONE"
        if price_match != "NONE" and price_match not in PRICE_MATCHES:
            raise _err(-5037, "Invalid price match")
        if order_type == "MARKET":
            if price_match != "NONE":
                raise _err(-5038, "Price match only supports order type: LIMIT, STOP AND TAKE_PROFIT")
            if price is not None:
                raise _err(-1106, "Parameter 'price' sent when not required.")
            tif = "GTC"
        else:
            if tif is None:
                raise bad_param("timeInForce")
            if price is not None and price_match != "NONE":
                raise _err(-1106, "Parameter 'priceMatch' sent when not required.")
            if price is None:
                if price_match == "NONE":
                    raise bad_param("price")
                price = self._match_price(sym, side, price_match)
        reduce_only = _flag(params, "reduceOnly", -4062)
        if reduce_only is not None and account.dual_side:
            raise _err(-1106, "Parameter 'reduceOnly' sent when not required.")
        gtd = int_param(params, "goodTillDate")
        if tif == "GTD":
            if gtd is None:
                raise bad_param("goodTillDate")
            if not now + 600_000 < gtd < 253402300799000:
                raise _err(-5040, "The goodTillDate timestamp must be greater than the current time plus 600 seconds "
                                  "and smaller than 253402300799000 (UTC 9999-12-31 23:59:59)")
            gtd = gtd // 1000 * 1000
        else:
            gtd = 0
        stp = _text(params, "selfTradePreventionMode") or "NONE"
        if stp not in STP_MODES:
            raise _err(-5039, "Invalid self trade prevention mode")
        client_id = self._client_id(params, "newClientOrderId")
        self._check_filters(sym, price, qty, market=order_type == "MARKET")
        order = FuturesOrder(0, client_id, sym.name, side, position_side, order_type, tif, price or ZERO, qty, account,
                             reduce_only=bool(reduce_only), price_match=price_match, stp_mode=stp, good_till_date=gtd)
        if order_type == "MARKET":
            order.est_price = self._estimate(sym, side, qty)
        return order

    def _side(self, params: dict[str, Any]) -> str:
        side = _text(params, "side")
        if side is None:
            raise bad_param("side")
        if side not in ("BUY", "SELL"):
            raise _err(-1117, "Invalid side.")
        return side

    def _position_side(self, account: FuturesAccount, params: dict[str, Any]) -> str:
        value = _text(params, "positionSide")
        if value is not None and value not in ("BOTH", "LONG", "SHORT"):
            raise _err(-4060, "Invalid position side.")
        if account.dual_side:
            if value not in ("LONG", "SHORT"):
                raise _err(-4061, "Order's position side does not match user's setting.")
            return value
        if value not in (None, "BOTH"):
            raise _err(-4061, "Order's position side does not match user's setting.")
        return "BOTH"

    def _client_id(self, params: dict[str, Any], name: str) -> str:
        value = params.get(name)
        if value is None or value == "":
            return "".join(self._rng.choice(_ALPHABET) for _ in range(22))
        if not isinstance(value, str) or not _CLIENT_ID.match(value):
            raise _err(-4015, "Client order id is not valid.")
        return value

    def _check_filters(self, sym: FuturesSymbol, price: Optional[Decimal], qty: Optional[Decimal], *,
                       market: bool = False) -> None:
        if price is not None:
            if price <= 0:
                raise _err(-4001, "Price less than 0.")
            if _decimals(price) > sym.price_precision:
                raise _err(-1111, "Precision is over the maximum defined for this asset.")
            if price < sym.min_price:
                raise _err(-4013, "Price less than min price.")
            if price > sym.max_price:
                raise _err(-4002, "Price greater than max price.")
            if (price - sym.min_price) % sym.tick_size:
                raise _err(-4014, "Price not increased by tick size.")
        if qty is not None:
            if qty <= 0:
                raise _err(-4003, "Quantity less than zero.")
            if _decimals(qty) > sym.quantity_precision:
                raise _err(-1111, "Precision is over the maximum defined for this asset.")
            low, high, step = ((sym.market_min_qty, sym.market_max_qty, sym.market_step_size) if market
                               else (sym.min_qty, sym.max_qty, sym.step_size))
            if qty < low:
                raise _err(-4004, "Quantity less than min quantity.")
            if qty > high:
                raise _err(-4005, "Quantity greater than max quantity.")
            if (qty - low) % step:
                raise _err(-4023, "Qty not increased by step size.")

    def _check_percent_price(self, sym: FuturesSymbol, side: str, price: Decimal) -> None:
        mark = self.mark[sym.name]
        if side == "BUY" and price > mark * sym.multiplier_up:
            raise _err(-4016, "Price is higher than mark price multiplier cap.")
        if side == "SELL" and price < mark * sym.multiplier_down:
            raise _err(-4024, "Price is lower than mark price multiplier floor.")

    def _match_price(self, sym: FuturesSymbol, side: str, price_match: str) -> Decimal:
        name, _, nth = price_match.partition("_")
        index = int(nth or 1) - 1
        book_side = _opposite(side) if name == "OPPONENT" else side
        prices = self.books[sym.name].ranked(book_side)
        if index >= len(prices):
            raise _err(-5041, "No depth matches this BBO order")
        return prices[index]

    def _estimate(self, sym: FuturesSymbol, side: str, qty: Decimal) -> Decimal:
        """The average price a MARKET order of `qty` would fill at now (mark price past the book)."""
        book = self.books[sym.name]
        left, value = qty, ZERO
        for price in book.crossing(side, None):
            take = min(left, book.level_qty(_opposite(side), price))
            value += take * price
            left -= take
            if not left:
                break
        value += left * self.mark[sym.name]
        return value / qty if qty else self.mark[sym.name]

    # -- checks shared by placing, modifying and triggering --------------------------------------

    def _closing(self, order: FuturesOrder) -> bool:
        """Reduce-only: one-way reduceOnly orders, and hedge-mode SELL LONG / BUY SHORT."""
        if order.position_side == "BOTH":
            return order.reduce_only
        return (order.side == "SELL") == (order.position_side == "LONG")

    def _reducible(self, account: FuturesAccount, order: FuturesOrder) -> Decimal:
        """How much `order` may still close: the position in its closing direction."""
        pos = account.positions.get((order.symbol, order.position_side))
        amount = pos.amount if pos is not None else ZERO
        return max(ZERO, -amount) if order.side == "BUY" else max(ZERO, amount)

    def _check_order(self, sym: FuturesSymbol, order: FuturesOrder, *, new: bool) -> None:
        """Everything an order must pass before it enters (or re-enters, modified) the book."""
        account = order.account
        assert account is not None
        opens = [o for o in account.open_orders(sym.name) if o is not order]
        if new:
            if any(o.client_order_id == order.client_order_id for o in opens):
                raise _err(-4116, "clientOrderId is duplicated")
        closing = self._closing(order)
        if closing:
            others = sum((o.remaining for o in opens if o.side == order.side
                          and o.position_side == order.position_side and self._closing(o)), ZERO)
            if order.remaining + others > self._reducible(account, order):
                raise _err(-2022, "ReduceOnly Order is rejected.")
        if order.type == "LIMIT":
            self._check_percent_price(sym, order.side, order.price)
        else:
            best = self.books[sym.name].best(_opposite(order.side))
            if best is not None:
                try:
                    self._check_percent_price(sym, order.side, best)
                except WireError:
                    raise _err(-4113 if self.coinm else -4131,
                               "The counterparty's best price does not meet the PERCENT_PRICE filter limit") from None
        if sym.min_notional and not closing:
            reference = order.price if order.type == "LIMIT" else self.mark[sym.name]
            if order.orig_qty * reference < sym.min_notional:
                raise _err(-4164, f"Order's notional must be no smaller than {sym.min_notional:.1f} (unless you choose reduce only)")
        if new and len(opens) + 1 > sym.max_num_orders:
            raise _err(-2025, "Reach max open order limit.")
        if not closing:
            self._check_leverage_cap(account, sym, order, opens)
            self._check_margin(account, sym, order)

    def _check_leverage_cap(self, account: FuturesAccount, sym: FuturesSymbol, order: FuturesOrder,
                            opens: list[FuturesOrder]) -> None:
        pos = account.positions.get((sym.name, order.position_side))
        amount = pos.amount if pos is not None else ZERO
        same = [o for o in opens if o.side == order.side and o.position_side == order.position_side
                and not self._closing(o)]
        pending = sum((o.remaining for o in same), ZERO) + order.remaining
        potential = max(ZERO, (amount if order.side == "BUY" else -amount) + pending)
        if self._notional(sym, potential, self.mark[sym.name]) > sym.max_notional(account.lev(sym.name)):
            raise _err(-2027, "Exceeded the maximum allowable position at current leverage.")

    def _check_margin(self, account: FuturesAccount, sym: FuturesSymbol, order: FuturesOrder) -> None:
        before = self._risk(account, sym.margin_asset, exclude=order).available
        after = self._risk(account, sym.margin_asset, extra=order).available
        if after < 0 and after < before:
            raise _err(-2019, "Margin is insufficient.")

    # -- entering the book ---------------------------------------------------------------------

    def _submit(self, sym: FuturesSymbol, order: FuturesOrder, now: int,
                on_registered: Optional[Callable[[], None]] = None) -> dict[str, Any]:
        """Check, accept (ids, x=NEW) and execute `order`; returns its ACK snapshot."""
        account = order.account
        assert account is not None
        self._check_order(sym, order, new=True)
        book = self.books[sym.name]
        opposite = book.crossing(order.side, order.price if order.type == "LIMIT" else None)
        takes = order.type == "MARKET" or bool(opposite)
        if order.time_in_force in ("GTX", "RPI") and takes and not self.coinm:
            raise _err(-5022, "Due to the order could not be executed as maker, the Post Only order will be rejected.")
        if order.time_in_force == "FOK" and not self.coinm and self._fillable(sym, order) < order.orig_qty:
            raise _err(-5021, "Due to the order could not be filled immediately, the FOK order has been rejected.")
        order.order_id = next(self._order_ids[sym.name])
        order.time = order.update_time = now
        account.orders[(sym.name, order.order_id)] = order
        account.by_client_id.setdefault((sym.name, order.client_order_id), []).append(order.order_id)
        if order.good_till_date:
            self._gtd.append(order)
        ack = self._order_result(order)
        self._order_update(order, "NEW", now)
        if on_registered is not None:
            on_registered()
        if order.time_in_force in ("GTX", "RPI") and takes:
            self._end(order, "EXPIRED", now, 11)  # CM: accepted, then expired (§8 #18)
        elif order.time_in_force == "FOK" and self._fillable(sym, order) < order.orig_qty:
            self._end(order, "EXPIRED", now, 10)
        else:
            self._execute(sym, order, now)
        return ack

    def _fillable(self, sym: FuturesSymbol, order: FuturesOrder) -> Decimal:
        book = self.books[sym.name]
        limit = order.price if order.type == "LIMIT" else None
        return sum((book.level_qty(_opposite(order.side), p) for p in book.crossing(order.side, limit)), ZERO)

    def _execute(self, sym: FuturesSymbol, order: FuturesOrder, now: int) -> None:
        """Match `order` as a taker, then rest or expire what is left."""
        self._match(sym, order, now)
        if not order.is_open:
            return
        if order.type != "LIMIT":
            self._end(order, "EXPIRED", now, 9)
        elif order.time_in_force in ("IOC", "FOK"):
            self._end(order, "EXPIRED", now, 2)
        else:
            self.books[sym.name].add(order)

    def _match(self, sym: FuturesSymbol, taker: FuturesOrder, now: int) -> None:
        book = self.books[sym.name]
        maker_side = _opposite(taker.side)
        for price in book.crossing(taker.side, taker.price if taker.type == "LIMIT" else None):
            queue = book.levels[maker_side].get(price)
            while queue and taker.is_open:
                maker = queue[0]
                if (taker.account is not None and maker.account is taker.account and taker.stp_mode != "NONE"
                        and taker.time_in_force not in ("FOK", "GTX")):
                    if taker.stp_mode in ("EXPIRE_MAKER", "EXPIRE_BOTH"):
                        self._end(maker, "EXPIRED_IN_MATCH", now, 1)
                    if taker.stp_mode in ("EXPIRE_TAKER", "EXPIRE_BOTH"):
                        self._end(taker, "EXPIRED_IN_MATCH", now, 3 if taker.time_in_force == "IOC" else 1)
                        return
                    continue
                qty = min(taker.remaining, maker.remaining)
                for order in (taker, maker):
                    if order.account is not None and self._closing(order):
                        qty = min(qty, self._reducible(order.account, order))
                if qty <= 0:
                    # A reduce-only order with nothing left to reduce is knocked out (er 4).
                    for order in (maker, taker):
                        if order.account is not None and self._closing(order) and not self._reducible(order.account, order):
                            self._end(order, "EXPIRED", now, 4)
                    if not taker.is_open:
                        return
                    continue
                self._trade(sym, taker, maker, price, qty, now)
                if not maker.is_open:
                    book.remove(maker)
            if not taker.is_open:
                return

    def _trade(self, sym: FuturesSymbol, taker: FuturesOrder, maker: FuturesOrder, price: Decimal, qty: Decimal,
               now: int) -> None:
        trade_id = next(self._trade_ids[sym.name])
        self.last[sym.name] = price
        self.last_time[sym.name] = now
        self.books[sym.name].update_id += 1
        for algo in self._open_algos(sym.name):
            if algo.working_type == "CONTRACT_PRICE":
                self._observe(algo, price)
        for order, is_maker in ((taker, False), (maker, True)):
            order.executed_qty += qty
            order.cum_value += self._notional(sym, qty, price)
            order.status = "FILLED" if order.remaining <= 0 else "PARTIALLY_FILLED"
            order.update_time = now
            if order.account is not None:
                self._fill(sym, order, price, qty, is_maker, trade_id, now)
            if order.status == "FILLED":
                self._finished(order, now)

    def _fill(self, sym: FuturesSymbol, order: FuturesOrder, price: Decimal, qty: Decimal, is_maker: bool,
              trade_id: int, now: int, *, fee_rate: Optional[Decimal] = None, execution: str = "TRADE") -> None:
        """Book one fill on the order's account: position, realized PnL, commission, events."""
        account = order.account
        assert account is not None
        rate = fee_rate if fee_rate is not None else (self.maker_fee if is_maker else self.taker_fee)
        fee = _q8(self._notional(sym, qty, price) * rate)
        pos = account.position(sym.name, order.position_side)
        realized = self._apply_position(account, sym, pos, order.side, qty, price, fee, now)
        account.update_time = now
        self._order_update(order, execution, now, last=(price, qty, fee, realized, trade_id, is_maker))
        if not self.coinm and execution == "TRADE":
            self._events.append((account, {
                "e": "TRADE_LITE", "E": now, "T": now, "s": sym.name, "q": self._qty(sym, order.orig_qty),
                "p": self._price(sym, order.price), "m": is_maker, "c": order.client_order_id, "S": order.side,
                "L": self._price(sym, price), "l": self._qty(sym, qty), "t": trade_id, "i": order.order_id,
            }))
        self._account_update(account, "ORDER", sym.margin_asset, [pos], now)

    def _apply_position(self, account: FuturesAccount, sym: FuturesSymbol, pos: Position, side: str, qty: Decimal,
                        price: Decimal, fee: Decimal, now: int) -> Decimal:
        """Move `pos` by a fill; returns the realized PnL (8 decimals). Fees leave the cross wallet."""
        asset = sym.margin_asset
        isolated = account.isolated(sym.name)
        leverage = Decimal(account.lev(sym.name))
        delta = qty if side == "BUY" else -qty
        amount = pos.amount
        realized = ZERO
        cross = account.cross_wallet.get(asset, ZERO)

        def open_part(part: Decimal) -> None:
            nonlocal cross
            if isolated and part:
                margin = _q8(self._notional(sym, part, price) / leverage)
                cross -= margin
                pos.isolated_wallet += margin

        if amount == 0 or (amount > 0) == (delta > 0):
            held = abs(amount)
            pos.entry = self._average_entry(sym, held, pos.entry, qty, price)
            pos.open_fee += fee
            open_part(qty)
        else:
            held = abs(amount)
            closed = min(qty, held)
            realized = _q8(self._pnl(sym, pos.sign, closed, pos.entry, price))
            if isolated:
                released = pos.isolated_wallet if closed == held else _q8(pos.isolated_wallet * closed / held)
                pos.isolated_wallet -= released
                cross += released
            pos.open_fee = pos.open_fee * (held - closed) / held
            pos.realized += realized
            if qty > held:  # a flip: the rest opens at the fill price
                opened = qty - held
                pos.entry = price
                pos.open_fee = fee * opened / qty
                open_part(opened)
            elif qty == held:
                pos.entry = ZERO
                pos.open_fee = ZERO
        pos.amount = amount + delta
        pos.update_time = now
        account.cross_wallet[asset] = cross + realized - fee
        return realized

    def _trim_closing(self, account: FuturesAccount, symbol: str, now: int) -> None:
        """Reduce-only orders larger than what is left to close expire (er 4), newest first."""
        groups: dict[tuple[str, str], list[FuturesOrder]] = {}
        for order in account.open_orders(symbol):
            if self._closing(order):
                groups.setdefault((order.position_side, order.side), []).append(order)
        for orders in groups.values():
            orders.sort(key=lambda o: o.order_id)
            while orders and sum((o.remaining for o in orders), ZERO) > self._reducible(account, orders[0]):
                self._end(orders.pop(), "EXPIRED", now, 4)

    def _end(self, order: FuturesOrder, status: str, now: int, reason: int = 0) -> None:
        """Take `order` off the book with a final status, and report it."""
        self.books[order.symbol].remove(order)
        order.status = status
        order.expiry_reason = reason
        order.update_time = now
        if order.account is not None:
            self._order_update(order, "CANCELED" if status == "CANCELED" else "EXPIRED", now)
        self._finished(order, now)

    def _finished(self, order: FuturesOrder, now: int) -> None:
        algo = order.algo
        if algo is not None and algo.status == "TRIGGERED":
            algo.status = "FINISHED"
            algo.update_time = now
            self._algo_update(algo, now)

    def _advance(self, now: Optional[int]) -> int:
        """Move the engine clock; GTD orders whose time has come expire."""
        if now is None:
            return self.now
        self.now = max(self.now, now)
        due = [o for o in self._gtd if o.is_open and o.good_till_date <= now]
        self._gtd = [o for o in self._gtd if o.is_open and o.good_till_date > now]
        for order in due:
            self._end(order, "EXPIRED", now)
        return now

    def _settle(self, now: int) -> None:
        """After an operation: fire the algo orders whose condition holds, trim reduce-only orders."""
        for _ in range(10000):
            fired = next((a for a in self._open_algos() if self._algo_hit(a)), None)
            if fired is None:
                break
            self._trigger(fired, now)
        for account in self.accounts.values():
            for symbol in {o.symbol for o in account.open_orders() if self._closing(o)}:
                self._trim_closing(account, symbol, now)

    # -- order.modify / order.cancel / order.status --------------------------------------------

    def _find(self, account: FuturesAccount, sym: FuturesSymbol, params: dict[str, Any], *, cancel: bool = False) -> FuturesOrder:
        order_id = int_param(params, "orderId")
        client_id = params.get("origClientOrderId")
        if order_id is None and client_id is None:
            raise _err(-1102, "Param 'orderId' or 'origClientOrderId' must be sent, but both were empty/null!")
        order: Optional[FuturesOrder] = None
        if order_id is not None:
            order = account.orders.get((sym.name, order_id))
        else:
            ids = account.by_client_id.get((sym.name, str(client_id)), [])
            order = account.orders.get((sym.name, ids[-1])) if ids else None
        if order is None:
            raise _err(-2011, "Unknown order sent.") if cancel else _err(-2013, "Order does not exist.")
        return order

    def modify(self, account: FuturesAccount, params: dict[str, Any], now: int) -> dict[str, Any]:
        """order.modify: a LIMIT order's price and quantity; it loses its place in the queue."""
        self._advance(now)
        sym = self._symbol(params)
        side = self._side(params)
        qty = _dec(params, "quantity")
        if qty is None:
            raise bad_param("quantity")
        price = _dec(params, "price")
        price_match = _text(params, "priceMatch") or "NONE"
        if price_match != "NONE" and price_match not in PRICE_MATCHES:
            raise _err(-5037, "Invalid price match")
        if price is None and price_match == "NONE":
            raise bad_param("price")
        if price is not None and price_match != "NONE":
            raise _err(-1106, "Parameter 'priceMatch' sent when not required.")
        modify_id = int_param(params, "modifyId")
        order = self._find(account, sym, params)
        if not order.is_open:
            raise _err(-2013, "Order does not exist.")
        if order.type != "LIMIT":
            raise _err(-4196 if self.coinm else -5025, "Only limit order is supported.")
        if side != order.side:
            raise invalid_value("side")
        if price is None:
            price = self._match_price(sym, side, price_match)
        self._check_filters(sym, price, qty)
        self._check_percent_price(sym, side, price)
        if price == order.price and qty == order.orig_qty:
            raise _err(-4197 if self.coinm else -5027, "No need to modify the order.")
        if order.modifications + 1 >= MAX_MODIFICATIONS:
            raise _err(-4198 if self.coinm else -5026, "Exceed maximum modify order limit.")
        book = self.books[sym.name]
        crosses = bool(book.crossing(side, price))
        if (order.executed_qty and qty <= order.executed_qty) or (order.time_in_force in ("GTX", "RPI") and crosses):
            self._end(order, "CANCELED", now)
            return self._order_result(order, modify_id)
        old = (order.price, order.orig_qty)
        order.price, order.orig_qty = price, qty
        try:
            self._check_order(sym, order, new=False)
        except WireError as exc:
            order.price, order.orig_qty = old
            if exc.code == -4164:
                raise _err(-5029, f"Order's notional must be no smaller than {sym.min_notional:.1f}") from None
            raise
        book.remove(order)
        order.modifications += 1
        order.stp_mode = "NONE"
        order.price_match = price_match
        order.update_time = now
        self._order_update(order, "AMENDMENT", now, modify_id=modify_id)
        self._execute(sym, order, now)
        self._settle(now)
        return self._order_result(order, modify_id)

    def cancel(self, account: FuturesAccount, params: dict[str, Any], now: int) -> dict[str, Any]:
        """order.cancel: an open order, by orderId or origClientOrderId."""
        self._advance(now)
        sym = self._symbol(params)
        order = self._find(account, sym, params, cancel=True)
        if not order.is_open:
            raise _err(-2011, "Unknown order sent.")
        self._end(order, "CANCELED", now)
        return self._order_result(order)

    def status(self, account: FuturesAccount, params: dict[str, Any], now: int) -> dict[str, Any]:
        """order.status; orders past the documented retention (§2.6) are not found."""
        self._advance(now)
        sym = self._symbol(params)
        order = self._find(account, sym, params)
        age = now - order.update_time
        if (order.status in ("CANCELED", "EXPIRED", "EXPIRED_IN_MATCH") and not order.executed_qty and age > 3 * _DAY) \
                or now - order.time > 90 * _DAY:
            raise _err(-2013, "Order does not exist.")
        return self._order_query(order)

    # -- algo orders ---------------------------------------------------------------------------

    def algo_place(self, account: FuturesAccount, params: dict[str, Any], now: int) -> dict[str, Any]:
        """algoOrder.place: a conditional order, held until its trigger condition holds."""
        self._advance(now)
        algo_type = _text(params, "algoType")
        if algo_type is None:
            raise bad_param("algoType")
        if algo_type != "CONDITIONAL":
            raise invalid_value("algoType")
        sym = self._symbol(params)
        side = self._side(params)
        order_type = _text(params, "type")
        if order_type is None:
            raise bad_param("type")
        if order_type not in CONDITIONAL_TYPES:
            raise _err(-1116, "Invalid orderType.")
        position_side = self._position_side(account, params)
        tif = _text(params, "timeInForce") or "GTC"
        if tif not in ("GTC", "IOC", "FOK"):
            raise _err(-1115, "Invalid timeInForce.")
        working_type = _text(params, "workingType") or "CONTRACT_PRICE"
        if working_type not in WORKING_TYPES:
            raise _err(-4031, "Invalid parameter working type")
        resp_type = params.get("newOrderRespType") or "ACK"
        if resp_type not in ("ACK", "RESULT"):
            raise _err(-1136, "Invalid newOrderRespType.")
        qty = _dec(params, "quantity")
        price = _dec(params, "price")
        trigger = _dec(params, "triggerPrice")
        price_match = _text(params, "priceMatch") or "NONE"
        close_position = bool(_flag(params, "closePosition"))
        price_protect = bool(_flag(params, "priceProtect"))
        reduce_only = _flag(params, "reduceOnly", -4062)
        activate = _dec(params, "activatePrice")
        if activate is None:
            activate = _dec(params, "activationPrice")
        callback = _dec(params, "callbackRate")
        stp = _text(params, "selfTradePreventionMode") or "NONE"
        if stp not in STP_MODES:
            raise _err(-5039, "Invalid self trade prevention mode")
        if price_match != "NONE" and price_match not in PRICE_MATCHES:
            raise _err(-5037, "Invalid price match")
        if reduce_only is not None and account.dual_side:
            raise _err(-1106, "Parameter 'reduceOnly' sent when not required.")
        market = order_type != "STOP" and order_type != "TAKE_PROFIT"
        if close_position:
            if order_type not in ("STOP_MARKET", "TAKE_PROFIT_MARKET"):
                raise _err(-1106, "Parameter 'closePosition' sent when not required.")
            if qty is not None:
                raise _err(-4137, "Quantity must be zero with closePosition equals true")
            if reduce_only is not None:
                raise _err(-1106, "Parameter 'reduceOnly' sent when not required.")
            if position_side != "BOTH" and (side == "BUY") == (position_side == "LONG"):
                raise _err(-4061, "Order's position side does not match user's setting.")
        elif qty is None:
            raise bad_param("quantity")
        if market:
            if price is not None:
                raise _err(-1106, "Parameter 'price' sent when not required.")
            if price_match != "NONE":
                raise _err(-5038, "Price match only supports order type: LIMIT, STOP AND TAKE_PROFIT")
        elif price is None and price_match == "NONE":
            raise bad_param("price")
        elif price is not None and price_match != "NONE":
            raise _err(-1106, "Parameter 'priceMatch' sent when not required.")
        if order_type == "TRAILING_STOP_MARKET":
            if callback is None:
                raise bad_param("callbackRate")
            # The page says 0.1-10; followed FUTURES-NOTES §9: UM algo orders take up to 20 since 2026-10-23.
            if not Decimal("0.1") <= callback <= _MAX_CALLBACK_RATE:
                raise invalid_value("callbackRate")
            if trigger is not None:
                raise _err(-1106, "Parameter 'triggerPrice' sent when not required.")
        else:
            if trigger is None:
                raise bad_param("triggerPrice")
            if activate is not None or callback is not None:
                raise _err(-1106, f"Parameter '{'activatePrice' if activate is not None else 'callbackRate'}' sent when not required.")
        self._check_filters(sym, price, qty, market=market)
        for value in (trigger, activate):
            if value is not None:
                self._check_filters(sym, value, None)
        client_id = self._client_id(params, "clientAlgoId")
        opens = [a for a in account.algos.values() if a.is_open]
        if any(a.client_algo_id == client_id for a in opens):
            raise _err(-4116, "clientOrderId is duplicated")
        if len(opens) >= MAX_ALGO_ORDERS:
            raise _err(-4045, "Reach max stop order limit.")
        latest = self.mark[sym.name] if working_type == "MARK_PRICE" else self.last[sym.name]
        algo = AlgoOrder(
            next(self._algo_ids), client_id, sym.name, side, position_side, order_type, tif, qty or ZERO,
            price or ZERO, trigger or ZERO, working_type, price_match, close_position, price_protect,
            bool(reduce_only), stp, 0, account, now, now, activate_price=activate, callback_rate=callback,
        )
        if order_type == "TRAILING_STOP_MARKET":
            if activate is not None and (activate >= latest if side == "BUY" else activate <= latest):
                raise _err(-2021, "Order would immediately trigger.")
            algo.extreme = latest
            algo.activated = activate is None
        elif self._stop_hit(algo, latest):
            raise _err(-2021, "Order would immediately trigger.")
        account.algos[algo.algo_id] = algo
        self._algo_update(algo, now)
        self._settle(now)
        return self._algo_result(algo)

    def algo_cancel(self, account: FuturesAccount, params: dict[str, Any], now: int) -> dict[str, Any]:
        """algoOrder.cancel by algoId or clientAlgoId (the lower-case spellings are accepted too)."""
        self._advance(now)
        algo_id = int_param(params, "algoId")
        if algo_id is None:
            algo_id = int_param(params, "algoid")
        client_id = params.get("clientAlgoId", params.get("clientalgoid"))
        if algo_id is None and client_id is None:
            raise _err(-1102, "Param 'algoId' or 'clientAlgoId' must be sent, but both were empty/null!")
        if algo_id is not None:
            algo = account.algos.get(algo_id)
        else:
            matches = [a for a in account.algos.values() if a.client_algo_id == client_id]
            algo = max(matches, key=lambda a: a.algo_id) if matches else None
        if algo is None or not algo.is_open:
            raise _err(-2011, "Unknown order sent.")
        algo.status = "CANCELED"
        algo.update_time = now
        self._algo_update(algo, now)
        return {"algoId": algo.algo_id, "clientAlgoId": algo.client_algo_id, "code": "200", "msg": "success"}

    def algo_status(self, account: FuturesAccount, params: dict[str, Any], now: int) -> dict[str, Any]:
        """The REST "Query Algo Order" (``GET /fapi/v1/algoOrder``): by algoId or clientAlgoId, open or not."""
        self._advance(now)
        algo_id = int_param(params, "algoId")
        client_id = params.get("clientAlgoId")
        if algo_id is None and client_id is None:
            raise _err(-1102, "Param 'algoId' or 'clientAlgoId' must be sent, but both were empty/null!")
        if algo_id is not None:
            algo = account.algos.get(algo_id)
        else:
            matches = [a for a in account.algos.values() if a.client_algo_id == client_id]
            algo = max(matches, key=lambda a: a.algo_id) if matches else None
        if algo is None:
            raise _err(-2013, "Order does not exist.")
        return self._algo_result(algo)

    def _open_algos(self, symbol: Optional[str] = None) -> list[AlgoOrder]:
        return sorted((a for acc in self.accounts.values() for a in acc.algos.values()
                       if a.is_open and (symbol is None or a.symbol == symbol)), key=lambda a: a.algo_id)

    @staticmethod
    def _stop_hit(algo: AlgoOrder, price: Decimal) -> bool:
        stop = algo.type in ("STOP", "STOP_MARKET")
        if algo.side == "BUY":
            return price >= algo.trigger_price if stop else price <= algo.trigger_price
        return price <= algo.trigger_price if stop else price >= algo.trigger_price

    def _observe(self, algo: AlgoOrder, price: Decimal) -> None:
        """A trailing stop sees a price: track the extreme and the activation."""
        if algo.type != "TRAILING_STOP_MARKET" or algo.extreme is None:
            return
        if algo.side == "BUY":
            algo.extreme = min(algo.extreme, price)
            if algo.activate_price is not None and algo.extreme <= algo.activate_price:
                algo.activated = True
        else:
            algo.extreme = max(algo.extreme, price)
            if algo.activate_price is not None and algo.extreme >= algo.activate_price:
                algo.activated = True

    def _algo_hit(self, algo: AlgoOrder) -> bool:
        sym = self.symbols[algo.symbol]
        mark, last = self.mark[sym.name], self.last[sym.name]
        price = mark if algo.working_type == "MARK_PRICE" else last
        if algo.type == "TRAILING_STOP_MARKET":
            if not algo.activated or algo.extreme is None or algo.callback_rate is None:
                return False
            rate = algo.callback_rate / _HUNDRED
            hit = price >= algo.extreme * (1 + rate) if algo.side == "BUY" else price <= algo.extreme * (1 - rate)
        else:
            hit = self._stop_hit(algo, price)
        if hit and algo.price_protect and mark and abs(mark - last) / mark > sym.trigger_protect:
            return False
        return hit

    def _trigger(self, algo: AlgoOrder, now: int) -> None:
        account = algo.account
        sym = self.symbols[algo.symbol]
        algo.status = "TRIGGERING"
        algo.trigger_time = algo.update_time = now
        self._algo_update(algo, now)
        qty = algo.quantity
        if algo.close_position:
            probe = FuturesOrder(0, "", sym.name, algo.side, algo.position_side, "MARKET", "GTC", ZERO, ZERO, account)
            qty = self._reducible(account, probe)
            if not qty:
                algo.status = "EXPIRED"
                self._algo_update(algo, now)
                return
        market = algo.type in ("STOP_MARKET", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET")
        order = FuturesOrder(
            0, algo.client_algo_id, sym.name, algo.side, algo.position_side, "MARKET" if market else "LIMIT",
            "GTC" if market else algo.time_in_force, ZERO, qty, account, orig_type=algo.type,
            reduce_only=algo.reduce_only or algo.close_position, close_position=algo.close_position,
            stop_price=algo.trigger_price, working_type=algo.working_type, price_protect=algo.price_protect,
            stp_mode=algo.stp_mode, algo=algo, activate_price=algo.activate_price, price_rate=algo.callback_rate,
        )
        if order.position_side != "BOTH":
            order.reduce_only = False
        try:
            if market:
                order.est_price = self._estimate(sym, algo.side, qty)
            else:
                order.price = algo.price if algo.price_match == "NONE" else self._match_price(sym, algo.side, algo.price_match)

            def registered() -> None:
                algo.status = "TRIGGERED"
                algo.order = order
                self._algo_update(algo, now)

            self._submit(sym, order, now, on_registered=registered)
        except WireError as exc:
            algo.status = "REJECTED"
            algo.reject_reason = "Reduce Only reject" if exc.code == -2022 else exc.msg
            self._algo_update(algo, now)

    # -- risk: liquidation and margin calls ----------------------------------------------------

    def _risk_check(self, asset: str, now: int) -> None:
        for account in list(self.accounts.values()):
            for sym in [s for s in self.symbols.values() if s.margin_asset == asset]:
                if not account.isolated(sym.name):
                    continue
                for pos in [p for p in account.positions.values() if p.symbol == sym.name and p.amount]:
                    if pos.isolated_wallet + self._unpnl(sym, pos) <= self._maint(sym, pos):
                        self._liquidate(account, [pos], now)
            cross = [p for p in account.positions.values() if p.amount and not account.isolated(p.symbol)
                     and self.symbols[p.symbol].margin_asset == asset]
            if not cross:
                continue
            risk = self._risk(account, asset)
            balance = risk.cross_wallet + risk.cross_unpnl
            if balance <= risk.cross_maint:
                self._liquidate(account, cross, now)
            elif risk.cross_maint >= MARGIN_CALL_RATIO * balance:
                self._margin_call(account, cross, risk, now)

    def _margin_call(self, account: FuturesAccount, positions: list[Position], risk: _Risk, now: int) -> None:
        event: dict[str, Any] = {"e": "MARGIN_CALL", "E": now}
        if self.coinm:
            event["i"] = account.alias
        event["cw"] = _f8(risk.cross_wallet)
        event["p"] = [{
            "s": p.symbol, "ps": p.side, "pa": self._qty(self.symbols[p.symbol], p.amount),
            "mt": "ISOLATED" if account.isolated(p.symbol) else "CROSSED", "iw": _f8(p.isolated_wallet),
            "mp": _f8(self.mark[p.symbol]), "up": _f8(self._unpnl(self.symbols[p.symbol], p)),
            "mm": _f8(self._maint(self.symbols[p.symbol], p)),
        } for p in positions]
        self._events.append((account, event))

    def _liquidate(self, account: FuturesAccount, positions: list[Position], now: int) -> None:
        """Close `positions` at the mark price against the insurance fund (see the module docstring)."""
        for pos in positions:
            sym = self.symbols[pos.symbol]
            for order in account.open_orders(sym.name):
                self._end(order, "EXPIRED", now, 5)
            if not pos.amount:
                continue
            isolated = account.isolated(sym.name)
            wallet_before = pos.isolated_wallet
            mark = self.mark[sym.name]
            qty = abs(pos.amount)
            order = FuturesOrder(next(self._order_ids[sym.name]), f"autoclose-{now}-{next(self._liquidations)}",
                                 sym.name, "SELL" if pos.amount > 0 else "BUY", pos.side, "LIQUIDATION", "IOC", mark,
                                 qty, account, time=now, update_time=now)
            account.orders[(sym.name, order.order_id)] = order
            self._order_update(order, "NEW", now)
            order.executed_qty = qty
            order.cum_value = self._notional(sym, qty, mark)
            order.status = "FILLED"
            trade_id = next(self._trade_ids[sym.name])
            asset = sym.margin_asset
            # _fill reports the position after the booking; an isolated loss beyond its wallet is
            # the insurance fund's, so it is added back before the report.
            realized = _q8(self._pnl(sym, pos.sign, qty, pos.entry, mark))
            if isolated and wallet_before + realized < 0:
                account.cross_wallet[asset] = account.cross_wallet.get(asset, ZERO) - (wallet_before + realized)
            self._fill(sym, order, mark, qty, False, trade_id, now, fee_rate=ZERO, execution="CALCULATED")
        for asset in {self.symbols[p.symbol].margin_asset for p in positions}:
            if account.cross_wallet.get(asset, ZERO) < 0:
                change = -account.cross_wallet[asset]
                account.cross_wallet[asset] = ZERO
                self._account_update(account, "INSURANCE_CLEAR", asset, [], now, change=change)

    # -- valuation -----------------------------------------------------------------------------

    def _notional(self, sym: FuturesSymbol, qty: Decimal, price: Decimal) -> Decimal:
        """Value of `qty` at `price` in the margin asset: UM quote, CM coin (qty x size / price)."""
        if sym.inverse:
            return qty * sym.contract_size / price if price else ZERO
        return qty * price

    def _pnl(self, sym: FuturesSymbol, sign: int, qty: Decimal, entry: Decimal, exit_price: Decimal) -> Decimal:
        if not qty or not entry:
            return ZERO
        if sym.inverse:
            return sign * qty * sym.contract_size * (1 / entry - 1 / exit_price)
        return sign * qty * (exit_price - entry)

    def _average_entry(self, sym: FuturesSymbol, held: Decimal, entry: Decimal, qty: Decimal, price: Decimal) -> Decimal:
        if not held:
            return price
        if sym.inverse:
            return (held + qty) / (held / entry + qty / price)
        return (held * entry + qty * price) / (held + qty)

    def _break_even(self, sym: FuturesSymbol, pos: Position) -> Decimal:
        if not pos.amount or not pos.entry:
            return ZERO
        held = abs(pos.amount)
        if sym.inverse:
            inverse = 1 / pos.entry - pos.sign * pos.open_fee / (held * sym.contract_size)
            return 1 / inverse if inverse > 0 else ZERO
        return pos.entry + pos.sign * pos.open_fee / held

    def _unpnl(self, sym: FuturesSymbol, pos: Position) -> Decimal:
        return self._pnl(sym, pos.sign, abs(pos.amount), pos.entry, self.mark[sym.name])

    def _pos_notional(self, sym: FuturesSymbol, pos: Position) -> Decimal:
        return self._notional(sym, abs(pos.amount), self.mark[sym.name])

    def _maint(self, sym: FuturesSymbol, pos: Position) -> Decimal:
        notional = self._pos_notional(sym, pos)
        if not notional:
            return ZERO
        bracket = sym.bracket_for(notional)
        return max(ZERO, notional * bracket.maint_margin_ratio - bracket.cum)

    def _order_margin(self, account: FuturesAccount, sym: FuturesSymbol, side: str,
                      orders: list[FuturesOrder]) -> Decimal:
        """Initial margin of open orders of one symbol and position side (see the docstring)."""
        leverage = Decimal(account.lev(sym.name))
        pos = account.positions.get((sym.name, side))
        amount = pos.amount if pos is not None else ZERO
        per_side: list[Decimal] = []
        for order_side in ("BUY", "SELL"):
            group = [o for o in orders if o.side == order_side and not self._closing(o)]
            qty = sum((o.remaining for o in group), ZERO)
            if not qty:
                per_side.append(ZERO)
                continue
            value = sum((self._notional(sym, o.remaining, o.value_price) for o in group), ZERO)
            closes = max(ZERO, -amount) if order_side == "BUY" else max(ZERO, amount)
            excess = max(ZERO, qty - closes) if side == "BOTH" else qty
            per_side.append(value * excess / qty / leverage)
        return max(per_side) if side == "BOTH" else sum(per_side, ZERO)

    def _risk(self, account: FuturesAccount, asset: str, *, extra: Optional[FuturesOrder] = None,
              exclude: Optional[FuturesOrder] = None) -> _Risk:
        risk = _Risk(cross_wallet=account.cross_wallet.get(asset, ZERO))
        for sym in self.symbols.values():
            if sym.margin_asset != asset:
                continue
            isolated = account.isolated(sym.name)
            leverage = Decimal(account.lev(sym.name))
            orders = [o for o in account.open_orders(sym.name) if o is not exclude and o is not extra]
            if extra is not None and extra.symbol == sym.name:
                orders.append(extra)
            for side in self._sides(account, sym):
                pos = account.positions.get((sym.name, side))
                risk.order_im += self._order_margin(account, sym, side, [o for o in orders if o.position_side == side])
                if pos is None or not pos.amount:
                    if pos is not None:
                        risk.isolated_wallet += pos.isolated_wallet
                    continue
                up = self._unpnl(sym, pos)
                im = self._pos_notional(sym, pos) / leverage
                mm = self._maint(sym, pos)
                risk.unpnl += up
                risk.position_im += im
                risk.maint += mm
                if isolated:
                    risk.isolated_wallet += pos.isolated_wallet
                else:
                    risk.cross_unpnl += up
                    risk.cross_position_im += im
                    risk.cross_maint += mm
        return risk

    def _liquidation_price(self, account: FuturesAccount, sym: FuturesSymbol, pos: Position) -> Decimal:
        """§7.6's one-position formula, with the bracket of the current notional."""
        if not pos.amount or not pos.entry:
            return ZERO
        s, q = Decimal(pos.sign), abs(pos.amount)
        bracket = sym.bracket_for(self._pos_notional(sym, pos))
        mmr, cum = bracket.maint_margin_ratio, bracket.cum
        if account.isolated(sym.name):
            wallet, others = pos.isolated_wallet, ZERO
        else:
            wallet = account.cross_wallet.get(sym.margin_asset, ZERO)
            others = ZERO
            for other in account.positions.values():
                other_sym = self.symbols[other.symbol]
                if other is pos or not other.amount or account.isolated(other.symbol) \
                        or other_sym.margin_asset != sym.margin_asset:
                    continue
                others += self._unpnl(other_sym, other) - self._maint(other_sym, other)
        if sym.inverse:
            size = q * sym.contract_size
            denominator = wallet + others + cum + s * size / pos.entry
            price = size * (mmr + s) / denominator if denominator else ZERO
        else:
            denominator = q * mmr - s * q
            price = (wallet + others + cum - s * q * pos.entry) / denominator if denominator else ZERO
        return price if price > 0 else ZERO

    # -- account reads -------------------------------------------------------------------------

    def _sides(self, account: FuturesAccount, sym: FuturesSymbol) -> tuple[str, ...]:
        if not account.dual_side:
            return ("BOTH",)
        return ("BOTH", "LONG", "SHORT") if self.coinm else ("LONG", "SHORT")

    def _bid_ask(self, account: FuturesAccount, sym: FuturesSymbol, side: Optional[str] = None) -> tuple[Decimal, Decimal]:
        """Open orders' notionals (UM) or base quantities (CM) per side."""
        out = {"BUY": ZERO, "SELL": ZERO}
        for order in account.open_orders(sym.name):
            if side is None or order.position_side == side:
                out[order.side] += self._notional(sym, order.remaining, order.value_price)
        return out["BUY"], out["SELL"]

    def positions(self, account: FuturesAccount, params: dict[str, Any], *, v2: bool = False) -> list[dict[str, Any]]:
        """account.position / v2/account.position (UM, filter `symbol`); CM: filters `pair`, `marginAsset`."""
        if self.coinm:
            pair, margin_asset = params.get("pair"), params.get("marginAsset")
            chosen = [s for s in self.symbols.values()
                      if (pair is None or s.pair == pair) and (margin_asset is None or s.margin_asset == margin_asset)]
        elif params.get("symbol") is not None:
            chosen = [self._symbol(params)]
        else:
            chosen = list(self.symbols.values())
        out: list[dict[str, Any]] = []
        for sym in chosen:
            if v2 and not account.open_orders(sym.name) and not any(
                    p.amount for p in account.positions.values() if p.symbol == sym.name):
                continue
            for side in self._sides(account, sym):
                pos = account.positions.get((sym.name, side)) or Position(sym.name, side)
                out.append(self._position_v2(account, sym, pos) if v2 else self._position_v1(account, sym, pos))
        return out

    def _position_common(self, account: FuturesAccount, sym: FuturesSymbol, pos: Position) -> dict[str, Decimal]:
        up = self._unpnl(sym, pos)
        return {
            "up": up,
            "notional": pos.amount * sym.contract_size / self.mark[sym.name] if sym.inverse else pos.amount * self.mark[sym.name],
            "isolated_margin": pos.isolated_wallet + up if account.isolated(sym.name) and pos.amount else ZERO,
        }

    def _position_v1(self, account: FuturesAccount, sym: FuturesSymbol, pos: Position) -> dict[str, Any]:
        c = self._position_common(account, sym, pos)
        cap = sym.max_notional(account.lev(sym.name))
        if sym.inverse:
            return {
                "symbol": sym.name, "positionAmt": self._qty(sym, pos.amount), "entryPrice": _f8(pos.entry),
                "markPrice": _f8(self.mark[sym.name]), "unRealizedProfit": _f8(c["up"]),
                "liquidationPrice": _f8(self._liquidation_price(account, sym, pos)),
                "leverage": str(account.lev(sym.name)), "maxQty": str(cap),
                "marginType": "isolated" if account.isolated(sym.name) else "cross",
                "isolatedMargin": _f8(c["isolated_margin"]), "isAutoAddMargin": "false", "positionSide": pos.side,
                "notionalValue": _f8(c["notional"]), "isolatedWallet": _f8(pos.isolated_wallet),
                "updateTime": pos.update_time, "breakEvenPrice": _f8(self._break_even(sym, pos)),
            }
        return {
            "symbol": sym.name, "positionAmt": self._qty(sym, pos.amount), "entryPrice": _f8(pos.entry),
            "breakEvenPrice": _f8(self._break_even(sym, pos)), "markPrice": _f8(self.mark[sym.name]),
            "unRealizedProfit": _f8(c["up"]), "liquidationPrice": _f8(self._liquidation_price(account, sym, pos)),
            "leverage": str(account.lev(sym.name)), "maxNotionalValue": str(cap),
            "marginType": "isolated" if account.isolated(sym.name) else "cross",
            "isolatedMargin": _f8(c["isolated_margin"]), "isAutoAddMargin": "false", "positionSide": pos.side,
            "notional": _f8(c["notional"]), "isolatedWallet": _f8(pos.isolated_wallet), "updateTime": pos.update_time,
        }

    def _position_v2(self, account: FuturesAccount, sym: FuturesSymbol, pos: Position) -> dict[str, Any]:
        c = self._position_common(account, sym, pos)
        leverage = Decimal(account.lev(sym.name))
        position_im = self._pos_notional(sym, pos) / leverage
        order_im = self._order_margin(account, sym, pos.side,
                                      [o for o in account.open_orders(sym.name) if o.position_side == pos.side])
        bid, ask = self._bid_ask(account, sym, pos.side)
        return {
            "symbol": sym.name, "positionSide": pos.side, "positionAmt": self._qty(sym, pos.amount),
            "entryPrice": _f8(pos.entry), "breakEvenPrice": _f8(self._break_even(sym, pos)),
            "markPrice": _f8(self.mark[sym.name]), "unRealizedProfit": _f8(c["up"]),
            "liquidationPrice": _f8(self._liquidation_price(account, sym, pos)),
            "isolatedMargin": _f8(c["isolated_margin"]), "notional": _f8(c["notional"]),
            "marginAsset": sym.margin_asset, "isolatedWallet": _f8(pos.isolated_wallet),
            "initialMargin": _f8(position_im + order_im), "maintMargin": _f8(self._maint(sym, pos)),
            "positionInitialMargin": _f8(position_im), "openOrderInitialMargin": _f8(order_im), "adl": 0,
            "bidNotional": _f8(bid), "askNotional": _f8(ask), "updateTime": pos.update_time,
        }

    def _assets(self, account: FuturesAccount) -> list[str]:
        return sorted(set(account.cross_wallet) | {s.margin_asset for s in self.symbols.values()
                                                   if any(p.symbol == s.name and (p.amount or p.isolated_wallet)
                                                          for p in account.positions.values())})

    def balances(self, account: FuturesAccount, *, v2: bool = False) -> list[dict[str, Any]]:
        """account.balance (v1 and v2 share the UM shape; CM has its own)."""
        out: list[dict[str, Any]] = []
        for asset in self._assets(account):
            risk = self._risk(account, asset)
            item: dict[str, Any] = {"accountAlias": account.alias, "asset": asset, "balance": _f8(risk.wallet)}
            if self.coinm:
                item["withdrawAvailable"] = _f8(risk.max_withdraw)
            item.update(crossWalletBalance=_f8(risk.cross_wallet), crossUnPnl=_f8(risk.cross_unpnl),
                        availableBalance=_f8(risk.available))
            if not self.coinm:
                item.update(maxWithdrawAmount=_f8(risk.max_withdraw), marginAvailable=True)
            item["updateTime"] = account.update_time
            out.append(item)
        return out

    def account_status(self, account: FuturesAccount, *, v2: bool = False) -> dict[str, Any]:
        """account.status / v2/account.status (UM, single-asset mode); CM account.status."""
        assets: list[dict[str, Any]] = []
        risks: dict[str, _Risk] = {}
        for asset in self._assets(account):
            risk = risks[asset] = self._risk(account, asset)
            item: dict[str, Any] = {
                "asset": asset, "walletBalance": _f8(risk.wallet), "unrealizedProfit": _f8(risk.unpnl),
                "marginBalance": _f8(risk.wallet + risk.unpnl), "maintMargin": _f8(risk.maint),
                "initialMargin": _f8(risk.position_im + risk.order_im),
                "positionInitialMargin": _f8(risk.position_im), "openOrderInitialMargin": _f8(risk.order_im),
            }
            if self.coinm:
                item["maxWithdrawAmount"] = _f8(risk.max_withdraw)
            item.update(crossWalletBalance=_f8(risk.cross_wallet), crossUnPnl=_f8(risk.cross_unpnl),
                        availableBalance=_f8(risk.available))
            if not self.coinm:
                item.update(maxWithdrawAmount=_f8(risk.max_withdraw), marginAvailable=True)
            item["updateTime"] = account.update_time
            assets.append(item)
        positions: list[dict[str, Any]] = []
        for sym in self.symbols.values():
            has = bool(account.open_orders(sym.name)) or any(p.amount for p in account.positions.values()
                                                             if p.symbol == sym.name)
            if v2 and not has:
                continue
            for side in self._sides(account, sym):
                pos = account.positions.get((sym.name, side)) or Position(sym.name, side)
                positions.append(self._status_position(account, sym, pos, v2))
        if self.coinm:
            return {"feeTier": 0, "canTrade": True, "canDeposit": True, "canWithdraw": True, "updateTime": 0,
                    "assets": assets, "positions": positions}
        risk = risks.get("USDT") or _Risk()
        totals: dict[str, Any] = {
            "totalInitialMargin": _f8(risk.position_im + risk.order_im), "totalMaintMargin": _f8(risk.maint),
            "totalWalletBalance": _f8(risk.wallet), "totalUnrealizedProfit": _f8(risk.unpnl),
            "totalMarginBalance": _f8(risk.wallet + risk.unpnl),
            "totalPositionInitialMargin": _f8(risk.position_im), "totalOpenOrderInitialMargin": _f8(risk.order_im),
            "totalCrossWalletBalance": _f8(risk.cross_wallet), "totalCrossUnPnl": _f8(risk.cross_unpnl),
            "availableBalance": _f8(risk.available), "maxWithdrawAmount": _f8(risk.max_withdraw),
            "assets": assets, "positions": positions,
        }
        if v2:
            return totals
        return {"feeTier": 0, "canTrade": True, "canDeposit": True, "canWithdraw": True, "updateTime": 0,
                "multiAssetsMargin": False, "tradeGroupId": -1, **totals}

    def _status_position(self, account: FuturesAccount, sym: FuturesSymbol, pos: Position, v2: bool) -> dict[str, Any]:
        c = self._position_common(account, sym, pos)
        leverage = account.lev(sym.name)
        position_im = self._pos_notional(sym, pos) / Decimal(leverage)
        order_im = self._order_margin(account, sym, pos.side,
                                      [o for o in account.open_orders(sym.name) if o.position_side == pos.side])
        if v2:
            return {
                "symbol": sym.name, "positionSide": pos.side, "positionAmt": self._qty(sym, pos.amount),
                "unrealizedProfit": _f8(c["up"]), "isolatedMargin": _f8(c["isolated_margin"]),
                "notional": _f8(c["notional"]), "isolatedWallet": _f8(pos.isolated_wallet),
                "initialMargin": _f8(position_im + order_im), "maintMargin": _f8(self._maint(sym, pos)),
                "updateTime": pos.update_time,
            }
        bid, ask = self._bid_ask(account, sym, pos.side)
        item: dict[str, Any] = {
            "symbol": sym.name, "initialMargin": _f8(position_im + order_im), "maintMargin": _f8(self._maint(sym, pos)),
            "unrealizedProfit": _f8(c["up"]), "positionInitialMargin": _f8(position_im),
            "openOrderInitialMargin": _f8(order_im), "leverage": str(leverage), "isolated": account.isolated(sym.name),
        }
        if sym.inverse:
            item.update(positionSide=pos.side, entryPrice=_f8(pos.entry), maxQty=str(sym.max_notional(leverage)),
                        notionalValue=_f8(c["notional"]), isolatedWallet=_f8(pos.isolated_wallet),
                        updateTime=pos.update_time, positionAmt=self._qty(sym, pos.amount),
                        breakEvenPrice=_f8(self._break_even(sym, pos)))
        else:
            item.update(entryPrice=_f8(pos.entry), breakEvenPrice=_f8(self._break_even(sym, pos)),
                        maxNotional=str(sym.max_notional(leverage)), bidNotional=_f8(bid), askNotional=_f8(ask),
                        positionSide=pos.side, positionAmt=self._qty(sym, pos.amount), updateTime=pos.update_time)
        return item

    # -- renderings ----------------------------------------------------------------------------

    def _symbol(self, params: dict[str, Any]) -> FuturesSymbol:
        value = params.get("symbol")
        if not isinstance(value, str) or not value:
            raise bad_param("symbol")
        sym = self.symbols.get(value)
        if sym is None:
            raise _err(-1121, "Invalid symbol.")
        return sym

    def _price(self, sym: FuturesSymbol, value: Decimal) -> str:
        return _fixed(value, sym.price_precision)

    def _qty(self, sym: FuturesSymbol, value: Decimal) -> str:
        return _fixed(value, sym.quantity_precision)

    def _avg(self, sym: FuturesSymbol, order: FuturesOrder) -> Decimal:
        if not order.executed_qty or not order.cum_value:
            return ZERO
        if sym.inverse:
            return order.executed_qty * sym.contract_size / order.cum_value
        return order.cum_value / order.executed_qty

    def _avg_text(self, sym: FuturesSymbol, order: FuturesOrder) -> str:
        return _fixed(self._avg(sym, order), 8 if sym.inverse else 5)

    def _order_result(self, order: FuturesOrder, modify_id: Optional[int] = None) -> dict[str, Any]:
        """The order.place / order.modify / order.cancel result."""
        sym = self.symbols[order.symbol]
        out: dict[str, Any] = {"orderId": order.order_id, "symbol": sym.name}
        if sym.inverse:
            out["pair"] = sym.pair
        out.update(status=order.status, clientOrderId=order.client_order_id)
        if modify_id is not None:
            out["modifyId"] = modify_id
        out.update(price=self._price(sym, order.price), avgPrice=self._avg_text(sym, order),
                   origQty=self._qty(sym, order.orig_qty), executedQty=self._qty(sym, order.executed_qty),
                   cumQty=self._qty(sym, order.executed_qty))
        if sym.inverse:
            out["cumBase"] = _f8(order.cum_value)
        else:
            out["cumQuote"] = _fixed(order.cum_value, 5)
        out.update(timeInForce=order.time_in_force, type=order.type, reduceOnly=order.reduce_only,
                   closePosition=order.close_position, side=order.side, positionSide=order.position_side,
                   stopPrice=self._price(sym, order.stop_price), workingType=order.working_type,
                   priceProtect=order.price_protect, origType=order.orig_type)
        self._trailing_fields(sym, order, out)
        if not sym.inverse:
            out.update(priceMatch=order.price_match, selfTradePreventionMode=order.stp_mode,
                       goodTillDate=order.good_till_date)
        out["updateTime"] = order.update_time
        return out

    def _trailing_fields(self, sym: FuturesSymbol, order: FuturesOrder, out: dict[str, Any]) -> None:
        if order.orig_type == "TRAILING_STOP_MARKET":
            out["activatePrice"] = self._price(sym, order.activate_price or ZERO)
            out["priceRate"] = str(order.price_rate or ZERO)

    def _order_query(self, order: FuturesOrder) -> dict[str, Any]:
        """The order.status result."""
        sym = self.symbols[order.symbol]
        if sym.inverse:
            out: dict[str, Any] = {
                "orderId": order.order_id, "symbol": sym.name, "pair": sym.pair, "status": order.status,
                "clientOrderId": order.client_order_id, "price": self._price(sym, order.price),
                "avgPrice": self._avg_text(sym, order), "origQty": self._qty(sym, order.orig_qty),
                "executedQty": self._qty(sym, order.executed_qty), "cumBase": _f8(order.cum_value),
                "timeInForce": order.time_in_force, "type": order.type, "reduceOnly": order.reduce_only,
                "closePosition": order.close_position, "side": order.side, "positionSide": order.position_side,
                "stopPrice": self._price(sym, order.stop_price), "workingType": order.working_type,
                "priceProtect": order.price_protect, "origType": order.orig_type,
            }
            self._trailing_fields(sym, order, out)
            out.update(selfTradePreventionMode=order.stp_mode, time=order.time, updateTime=order.update_time,
                       priceMatch=order.price_match)
            return out
        out = {
            "avgPrice": self._avg_text(sym, order), "clientOrderId": order.client_order_id,
            "cumQuote": _fixed(order.cum_value, 5), "executedQty": self._qty(sym, order.executed_qty),
            "orderId": order.order_id, "origQty": self._qty(sym, order.orig_qty), "origType": order.orig_type,
            "price": self._price(sym, order.price), "reduceOnly": order.reduce_only, "side": order.side,
            "positionSide": order.position_side, "status": order.status, "stopPrice": self._price(sym, order.stop_price),
            "closePosition": order.close_position, "symbol": sym.name, "time": order.time,
            "timeInForce": order.time_in_force, "type": order.type,
        }
        self._trailing_fields(sym, order, out)
        out.update(updateTime=order.update_time, workingType=order.working_type, priceProtect=order.price_protect,
                   priceMatch=order.price_match, selfTradePreventionMode=order.stp_mode,
                   goodTillDate=order.good_till_date)
        return out

    def _algo_result(self, algo: AlgoOrder) -> dict[str, Any]:
        sym = self.symbols[algo.symbol]
        out: dict[str, Any] = {
            "algoId": algo.algo_id, "clientAlgoId": algo.client_algo_id, "algoType": "CONDITIONAL",
            "orderType": algo.type, "symbol": sym.name, "side": algo.side, "positionSide": algo.position_side,
            "timeInForce": algo.time_in_force, "quantity": self._qty(sym, algo.quantity), "algoStatus": algo.status,
            "triggerPrice": self._price(sym, algo.trigger_price), "price": self._price(sym, algo.price),
            "icebergQuantity": None, "selfTradePreventionMode": algo.stp_mode, "workingType": algo.working_type,
            "priceMatch": algo.price_match, "closePosition": algo.close_position, "priceProtect": algo.price_protect,
            "reduceOnly": algo.reduce_only,
        }
        if algo.type == "TRAILING_STOP_MARKET":
            out["activatePrice"] = self._price(sym, algo.activate_price or ZERO)
            out["callbackRate"] = str(algo.callback_rate or ZERO)
        out.update(createTime=algo.create_time, updateTime=algo.update_time, triggerTime=algo.trigger_time,
                   goodTillDate=algo.good_till_date)
        return out

    # -- events --------------------------------------------------------------------------------

    def _order_update(self, order: FuturesOrder, execution: str, now: int,
                      last: Optional[tuple[Decimal, Decimal, Decimal, Decimal, int, bool]] = None,
                      modify_id: Optional[int] = None) -> None:
        """ORDER_TRADE_UPDATE for a user's order."""
        account = order.account
        if account is None:
            return
        sym = self.symbols[order.symbol]
        price, qty, fee, realized, trade_id, is_maker = last or (ZERO, ZERO, ZERO, ZERO, 0, False)
        bid, ask = self._bid_ask(account, sym)
        o: dict[str, Any] = {
            "s": sym.name, "c": order.client_order_id, "S": order.side, "o": order.type, "f": order.time_in_force,
            "q": self._qty(sym, order.orig_qty), "p": self._price(sym, order.price), "ap": self._avg_text(sym, order),
            "sp": self._price(sym, order.stop_price), "x": execution, "X": order.status, "i": order.order_id,
            "l": self._qty(sym, qty), "z": self._qty(sym, order.executed_qty), "L": self._price(sym, price),
        }
        if sym.inverse:
            o["ma"] = sym.margin_asset
        o.update(N=sym.margin_asset, n=_f8(fee) if last else "0", T=now, t=trade_id)
        if sym.inverse:
            o["rp"] = _f8(realized)
        o.update(b=_f8(bid), a=_f8(ask), m=is_maker, R=order.reduce_only, wt=order.working_type, ot=order.orig_type,
                 ps=order.position_side, cp=order.close_position)
        if order.orig_type == "TRAILING_STOP_MARKET":
            o.update(AP=self._price(sym, order.activate_price or ZERO), cr=str(order.price_rate or ZERO))
        o["pP"] = order.price_protect
        if not sym.inverse:
            o.update(si=0, ss=0, rp=_f8(realized))
        o.update(V=order.stp_mode, pm=order.price_match)
        if not sym.inverse:
            o["gtd"] = order.good_till_date
        o["er"] = str(order.expiry_reason)
        if modify_id is not None:
            o["M"] = modify_id
        event: dict[str, Any] = {"e": "ORDER_TRADE_UPDATE", "E": now, "T": now}
        if self.coinm:
            event["i"] = account.alias
        event["o"] = o
        self._events.append((account, event))

    def _account_update(self, account: FuturesAccount, reason: str, asset: str, positions: list[Position], now: int,
                        *, change: Decimal = ZERO, symbol: Optional[str] = None) -> None:
        """ACCOUNT_UPDATE with one asset and the given (changed) positions."""
        risk_wallet = account.cross_wallet.get(asset, ZERO) + sum(
            (p.isolated_wallet for p in account.positions.values() if self.symbols[p.symbol].margin_asset == asset), ZERO)
        data: dict[str, Any] = {"m": reason}
        if symbol is not None:
            data["S"] = symbol
        data["B"] = [{"a": asset, "wb": _f8(risk_wallet), "cw": _f8(account.cross_wallet.get(asset, ZERO)),
                      "bc": _f8(change)}]
        data["P"] = [{
            "s": p.symbol, "pa": self._qty(self.symbols[p.symbol], p.amount), "ep": _f8(p.entry),
            "bep": _f8(self._break_even(self.symbols[p.symbol], p)), "cr": _f8(p.realized),
            "up": _f8(self._unpnl(self.symbols[p.symbol], p)),
            "mt": "isolated" if account.isolated(p.symbol) else "cross", "iw": _f8(p.isolated_wallet), "ps": p.side,
        } for p in positions]
        event: dict[str, Any] = {"e": "ACCOUNT_UPDATE", "E": now, "T": now}
        if self.coinm:
            event["i"] = account.alias
        event["a"] = data
        self._events.append((account, event))

    def _algo_update(self, algo: AlgoOrder, now: int) -> None:
        sym = self.symbols[algo.symbol]
        order = algo.order
        o: dict[str, Any] = {
            "caid": algo.client_algo_id, "aid": algo.algo_id, "at": "CONDITIONAL", "o": algo.type, "s": sym.name,
            "S": algo.side, "ps": algo.position_side, "f": algo.time_in_force, "q": self._qty(sym, algo.quantity),
            "X": algo.status, "ai": str(order.order_id) if order is not None else "",
            "ap": self._avg_text(sym, order) if order is not None else "0.00000",
            "aq": self._qty(sym, order.executed_qty) if order is not None else "0",
            "act": order.type if order is not None else "0",
            "tp": self._price(sym, algo.trigger_price), "p": self._price(sym, algo.price), "V": algo.stp_mode,
            "wt": algo.working_type, "pm": algo.price_match, "cp": algo.close_position, "pP": algo.price_protect,
            "R": algo.reduce_only, "tt": algo.trigger_time, "gtd": algo.good_till_date, "rm": algo.reject_reason,
        }
        if algo.type == "TRAILING_STOP_MARKET":
            o["ia"] = algo.activated
        self._events.append((algo.account, {"e": "ALGO_UPDATE", "T": now, "E": now, "o": o}))
