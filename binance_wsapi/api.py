# mypy: disable-error-code="no-any-return"
"""The named methods, one per WebSocket API method. Generated from `methods.py`: do not edit.

Run ``python -m binance_wsapi._generate`` after changing the method table.

`Client` inherits `Methods`, whose blocking methods return the response's ``result``, typed by
`results.py`; `client.futures` is a `FutureMethods`, with the same methods returning a
`concurrent.futures.Future` of it.
"""

from __future__ import annotations

from concurrent.futures import Future
from decimal import Decimal
from typing import Any, Literal, Mapping, NoReturn, Optional, Sequence, Union

from .config import USE_CLIENT_DEFAULT, UseClientDefault
from .enums import OrderType, Side, TimeInForce
from .results import (
    AccountCommissionResult,
    AccountRateLimitsOrdersResultItem,
    AccountStatusResult,
    AllOrderListsResultItem,
    AllOrdersResultItem,
    AvgPriceResult,
    BlockTradesHistoricalResultItem,
    DepthResult,
    ExchangeInfoResult,
    ExecutionRulesResult,
    MyAllocationsResultItem,
    MyFiltersResult,
    MyPreventedMatchesResultItem,
    MyTradesResultItem,
    OpenOrderListsStatusResultItem,
    OpenOrdersStatusResultItem,
    OrderAmendKeepPriorityResult,
    OrderAmendmentsResultItem,
    OrderCancelReplaceResult,
    OrderCancelResult,
    OrderListCancelResult,
    OrderListPlaceOcoResult,
    OrderListPlaceOpoResult,
    OrderListPlaceOpocoResult,
    OrderListPlaceOtoResult,
    OrderListPlaceOtocoResult,
    OrderListPlaceResult,
    OrderListStatusResult,
    OrderPlaceResult,
    OrderStatusResult,
    OrderTestResult,
    ReferencePriceCalculationResult,
    ReferencePriceResult,
    SessionLogonResult,
    SessionLogoutResult,
    SessionStatusResult,
    SessionSubscriptionsResultItem,
    SorOrderPlaceResultItem,
    SorOrderTestResult,
    Ticker24hrResult,
    Ticker24hrResultItem,
    TickerBookResult,
    TickerBookResultItem,
    TickerPriceResult,
    TickerPriceResultItem,
    TickerResult,
    TickerResultItem,
    TickerTradingDayResult,
    TimeResult,
    TradesAggregateResultItem,
    TradesHistoricalResultItem,
    TradesRecentResultItem,
    UserDataStreamSubscribeResult,
    UserDataStreamSubscribeSignatureResult,
)

__all__ = ["FutureMethods", "Methods", "Number", "TimeoutArg"]

#: Prices and quantities: a Decimal or str (sent as written), an int, or a float that prints plainly.
Number = Union[Decimal, str, int, float]
#: Seconds, None to wait forever, or USE_CLIENT_DEFAULT for the client's timeout.
TimeoutArg = Union[float, None, UseClientDefault]


class Methods:
    """Every WebSocket API method by its snake_case name, blocking; `_named` does the work."""

    __slots__ = ()

    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def ping(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> dict[str, Any]:
        """Test connectivity: `ping` (NONE, weight 1)."""
        return self._named(
            "ping",
            timeout,
            unknown,
            {},
        )

    def time(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> TimeResult:
        """Check server time: `time` (NONE, weight 1)."""
        return self._named(
            "time",
            timeout,
            unknown,
            {},
        )

    def exchange_info(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        permissions: Optional[Sequence[str]] = None,
        show_permission_sets: Optional[bool] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> ExchangeInfoResult:
        """Exchange information: `exchangeInfo` (NONE, weight 20).

        Parameters (from the docs):
        - symbol: Describe a single symbol
        - symbols: Describe multiple symbols
        - permissions: Filter symbols by permissions
        - show_permission_sets: Controls whether the content of the permissionSets field is populated or
          not. Defaults to true.
        - symbol_status: Filters for symbols that have this tradingStatus. Valid values: TRADING, HALT,
          BREAK Cannot be used in combination with symbol or symbols
        """
        return self._named(
            "exchangeInfo",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "permissions": permissions,
                "show_permission_sets": show_permission_sets,
                "symbol_status": symbol_status,
            },
        )

    def execution_rules(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> ExecutionRulesResult:
        """Query execution rules: `executionRules` (NONE, weight by parameters).

        Weight: 2 per symbol, 40 at most; 40 for symbolStatus or all symbols.
        Parameters (from the docs):
        - symbol: Query for specified symbol
        - symbols: Query for multiple symbols
        - symbol_status: Query for all symbols with the specified status. Supported values: TRADING,
          HALT, BREAK
        """
        return self._named(
            "executionRules",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "symbol_status": symbol_status,
            },
        )

    def depth(
        self,
        *,
        symbol: str,
        limit: Optional[int] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> DepthResult:
        """Order book: `depth` (NONE, weight by parameters).

        Weight: 5 for limit 1-100 (the default), 25 up to 500, 50 up to 1000, 250 up to 5000.
        Parameters (from the docs):
        - limit: Default: 100; Maximum: 5000
        - symbol_status: Filters for symbols that have this tradingStatus. A status mismatch returns
          error -1220 SYMBOL_DOES_NOT_MATCH_STATUS Valid values: TRADING, HALT, BREAK
        """
        return self._named(
            "depth",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "limit": limit,
                "symbol_status": symbol_status,
            },
        )

    def trades_recent(
        self,
        *,
        symbol: str,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[TradesRecentResultItem]:
        """Recent trades: `trades.recent` (NONE, weight 25).

        Parameters (from the docs):
        - limit: Default: 500; Maximum: 1000
        """
        return self._named(
            "trades.recent",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "limit": limit,
            },
        )

    def trades_historical(
        self,
        *,
        symbol: str,
        from_id: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[TradesHistoricalResultItem]:
        """Historical trades: `trades.historical` (NONE, weight 25).

        Parameters (from the docs):
        - from_id: Trade ID to begin at
        - limit: Default: 500; Maximum: 1000
        """
        return self._named(
            "trades.historical",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "from_id": from_id,
                "limit": limit,
            },
        )

    def block_trades_historical(
        self,
        *,
        symbol: str,
        from_id: int,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[BlockTradesHistoricalResultItem]:
        """Historical block trades: `blockTrades.historical` (NONE, weight 25).

        Parameters (from the docs):
        - from_id: Block trade ID to fetch from
        - limit: Default: 500; Maximum: 1000
        """
        return self._named(
            "blockTrades.historical",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "from_id": from_id,
                "limit": limit,
            },
        )

    def trades_aggregate(
        self,
        *,
        symbol: str,
        from_id: Optional[int] = None,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[TradesAggregateResultItem]:
        """Aggregate trades: `trades.aggregate` (NONE, weight 4).

        Parameters (from the docs):
        - from_id: Aggregate trade ID to begin at
        - limit: Default: 500; Maximum: 1000
        """
        return self._named(
            "trades.aggregate",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "from_id": from_id,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
            },
        )

    def klines(
        self,
        *,
        symbol: str,
        interval: Literal["1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"],
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        time_zone: Optional[str] = None,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[list[Union[int, str]]]:
        """Klines: `klines` (NONE, weight 2).

        Each row: open time, open, high, low, close, volume, close time, quote asset volume, number of
        trades, taker buy base asset volume, taker buy quote asset volume, (unused).
        Parameters (from the docs):
        - time_zone: Default: 0 (UTC)
        - limit: Default: 500; Maximum: 1000
        """
        return self._named(
            "klines",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "interval": interval,
                "start_time": start_time,
                "end_time": end_time,
                "time_zone": time_zone,
                "limit": limit,
            },
        )

    def ui_klines(
        self,
        *,
        symbol: str,
        interval: Literal["1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"],
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        time_zone: Optional[str] = None,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[list[Union[int, str]]]:
        """UI klines: `uiKlines` (NONE, weight 2).

        Each row: open time, open, high, low, close, volume, close time, quote asset volume, number of
        trades, taker buy base asset volume, taker buy quote asset volume, (unused).
        Parameters (from the docs):
        - interval: See [klines](#kline-intervals)
        - time_zone: Default: 0 (UTC)
        - limit: Default: 500; Maximum: 1000
        """
        return self._named(
            "uiKlines",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "interval": interval,
                "start_time": start_time,
                "end_time": end_time,
                "time_zone": time_zone,
                "limit": limit,
            },
        )

    def avg_price(
        self,
        *,
        symbol: str,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> AvgPriceResult:
        """Current average price: `avgPrice` (NONE, weight 2)."""
        return self._named(
            "avgPrice",
            timeout,
            unknown,
            {
                "symbol": symbol,
            },
        )

    def ticker_24hr(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        type: Optional[Literal["FULL", "MINI"]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Union[Ticker24hrResult, list[Ticker24hrResultItem]]:
        """24hr ticker price change statistics: `ticker.24hr` (NONE, weight by parameters).

        Weight: 2 for 1-20 symbols, 40 for 21-100, 80 for more or all.
        Parameters (from the docs):
        - symbol: Query ticker for a single symbol
        - symbols: Query ticker for multiple symbols
        - type: Ticker type: FULL (default) or MINI
        - symbol_status: Filters for symbols that have this tradingStatus. For a single symbol, a status
          mismatch returns error -1220 SYMBOL_DOES_NOT_MATCH_STATUS. For multiple or all symbols, non-
          matching ones are simply excluded from the response. Valid values: TRADING, HALT, BREAK
        """
        return self._named(
            "ticker.24hr",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "type": type,
                "symbol_status": symbol_status,
            },
        )

    def ticker_trading_day(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        time_zone: Optional[str] = None,
        type: Optional[Literal["FULL", "MINI"]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Union[TickerTradingDayResult, list[dict[str, Any]]]:
        """Trading day ticker: `ticker.tradingDay` (NONE, weight by parameters).

        Weight: `ticker` and `ticker.tradingDay`: 4 per symbol, capped at 200 beyond 50 symbols.
        Parameters (from the docs):
        - symbol: Query ticker of a single symbol
        - symbols: Query ticker for multiple symbols
        - time_zone: Default: 0 (UTC)
        - type: Supported values: FULL or MINI. If none provided, the default is FULL
        - symbol_status: Filters for symbols that have this tradingStatus. For a single symbol, a status
          mismatch returns error -1220 SYMBOL_DOES_NOT_MATCH_STATUS. For multiple symbols, non-matching
          ones are simply excluded from the response. Valid values: TRADING, HALT, BREAK
        """
        return self._named(
            "ticker.tradingDay",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "time_zone": time_zone,
                "type": type,
                "symbol_status": symbol_status,
            },
        )

    def ticker(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        type: Optional[Literal["FULL", "MINI"]] = None,
        window_size: Optional[Literal["1m", "2m", "3m", "4m", "5m", "6m", "7m", "8m", "9m", "10m", "11m", "12m", "13m", "14m", "15m", "16m", "17m", "18m", "19m", "20m", "21m", "22m", "23m", "24m", "25m", "26m", "27m", "28m", "29m", "30m", "31m", "32m", "33m", "34m", "35m", "36m", "37m", "38m", "39m", "40m", "41m", "42m", "43m", "44m", "45m", "46m", "47m", "48m", "49m", "50m", "51m", "52m", "53m", "54m", "55m", "56m", "57m", "58m", "59m", "1h", "2h", "3h", "4h", "5h", "6h", "7h", "8h", "9h", "10h", "11h", "12h", "13h", "14h", "15h", "16h", "17h", "18h", "19h", "20h", "21h", "22h", "23h", "1d", "2d", "3d", "4d", "5d", "6d", "7d"]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Union[TickerResult, list[TickerResultItem]]:
        """Rolling window price change statistics: `ticker` (NONE, weight by parameters).

        Weight: `ticker` and `ticker.tradingDay`: 4 per symbol, capped at 200 beyond 50 symbols.
        Parameters (from the docs):
        - symbol: Query ticker of a single symbol
        - symbols: Query ticker for multiple symbols
        - type: Ticker type: FULL (default) or MINI
        - window_size: Default 1d
        - symbol_status: Filters for symbols that have this tradingStatus. For a single symbol, a status
          mismatch returns error -1220 SYMBOL_DOES_NOT_MATCH_STATUS. For multiple symbols, non-matching
          ones are simply excluded from the response. Valid values: TRADING, HALT, BREAK
        """
        return self._named(
            "ticker",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "type": type,
                "window_size": window_size,
                "symbol_status": symbol_status,
            },
        )

    def ticker_price(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Union[TickerPriceResult, list[TickerPriceResultItem]]:
        """Symbol price ticker: `ticker.price` (NONE, weight by parameters).

        Weight: 2 for one symbol, 4 for several or all.
        Parameters (from the docs):
        - symbol: Query price for a single symbol
        - symbols: Query price for multiple symbols
        - symbol_status: Filters for symbols that have this tradingStatus. For a single symbol, a status
          mismatch returns error -1220 SYMBOL_DOES_NOT_MATCH_STATUS. For multiple or all symbols, non-
          matching ones are simply excluded from the response. Valid values: TRADING, HALT, BREAK
        """
        return self._named(
            "ticker.price",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "symbol_status": symbol_status,
            },
        )

    def ticker_book(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Union[TickerBookResult, list[TickerBookResultItem]]:
        """Symbol order book ticker: `ticker.book` (NONE, weight by parameters).

        Weight: 2 for one symbol, 4 for several or all.
        Parameters (from the docs):
        - symbol: Query ticker for a single symbol
        - symbols: Query ticker for multiple symbols
        - symbol_status: Filters for symbols that have this tradingStatus. For a single symbol, a status
          mismatch returns error -1220 SYMBOL_DOES_NOT_MATCH_STATUS. For multiple or all symbols, non-
          matching ones are simply excluded from the response. Valid values: TRADING, HALT, BREAK
        """
        return self._named(
            "ticker.book",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "symbol_status": symbol_status,
            },
        )

    def reference_price(
        self,
        *,
        symbol: str,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> ReferencePriceResult:
        """Query reference price: `referencePrice` (NONE, weight 2)."""
        return self._named(
            "referencePrice",
            timeout,
            unknown,
            {
                "symbol": symbol,
            },
        )

    def reference_price_calculation(
        self,
        *,
        symbol: str,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> ReferencePriceCalculationResult:
        """Query reference price calculation: `referencePrice.calculation` (NONE, weight 2).

        Parameters (from the docs):
        - symbol_status: Supported values: TRADING, HALT, BREAK
        """
        return self._named(
            "referencePrice.calculation",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbol_status": symbol_status,
            },
        )

    def session_logon(
        self,
        *,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> SessionLogonResult:
        """Log in with API key: `session.logon` (SIGNED, weight 2).

        Parameters (from the docs):
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "session.logon",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def session_status(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> SessionStatusResult:
        """Query session status: `session.status` (NONE, weight 2)."""
        return self._named(
            "session.status",
            timeout,
            unknown,
            {},
        )

    def session_logout(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> SessionLogoutResult:
        """Log out of the session: `session.logout` (NONE, weight 2)."""
        return self._named(
            "session.logout",
            timeout,
            unknown,
            {},
        )

    def order_place(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Optional[Number] = None,
        quote_order_qty: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        stop_price: Optional[Number] = None,
        trailing_delta: Optional[int] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        peg_offset_value: Optional[int] = None,
        peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderPlaceResult:
        """Place new order: `order.place` (TRADE, weight 1; 0 when successful).

        Adds 1 to the unfilled order count.
        `new_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - side: BUY or SELL
        - new_client_order_id: Arbitrary unique ID among open orders. Automatically generated if not
          sent
        - new_order_resp_type: Select response format: ACK, RESULT, FULL.MARKET and LIMIT orders use
          FULL by default, other order types default to ACK.
        - trailing_delta: See [Trailing Stop order FAQ](https://developers.binance.com/docs/binance-
          spot-api-docs/faqs/trailing-stop-faq)
        - strategy_id: Arbitrary numeric value identifying the order within an order strategy.
        - strategy_type: Arbitrary numeric value identifying the order strategy.Values smaller than
          1000000 are reserved and cannot be used.
        - self_trade_prevention_mode: The allowed enums is dependent on what is configured on the
          symbol. Supported values: [STP Modes](https://developers.binance.com/docs/binance-spot-api-
          docs/enums#stpmodes)
        - peg_price_type: PRIMARY_PEG or MARKET_PEG See [Pegged Orders](#pegged-orders-info)
        - peg_offset_value: Price level to peg the price to (max: 100) See [Pegged Orders](#pegged-
          orders-info)
        - peg_offset_type: Only PRICE_LEVEL is supported See [Pegged Orders](#pegged-orders-info)
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "order.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "quote_order_qty": quote_order_qty,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "stop_price": stop_price,
                "trailing_delta": trailing_delta,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "peg_price_type": peg_price_type,
                "peg_offset_value": peg_offset_value,
                "peg_offset_type": peg_offset_type,
                "recv_window": recv_window,
            },
        )

    def order_test(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Optional[Number] = None,
        quote_order_qty: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        stop_price: Optional[Number] = None,
        trailing_delta: Optional[int] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        peg_offset_value: Optional[int] = None,
        peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        compute_commission_rates: Optional[bool] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderTestResult:
        """Test new order: `order.test` (TRADE, weight by parameters).

        Weight: 1; 20 with computeCommissionRates.
        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - side: BUY or SELL
        - new_client_order_id: Arbitrary unique ID among open orders. Automatically generated if not
          sent
        - new_order_resp_type: Select response format: ACK, RESULT, FULL.MARKET and LIMIT orders use
          FULL by default, other order types default to ACK.
        - trailing_delta: See [Trailing Stop order FAQ](https://developers.binance.com/docs/binance-
          spot-api-docs/faqs/trailing-stop-faq)
        - strategy_id: Arbitrary numeric value identifying the order within an order strategy.
        - strategy_type: Arbitrary numeric value identifying the order strategy.Values smaller than
          1000000 are reserved and cannot be used.
        - self_trade_prevention_mode: The allowed enums is dependent on what is configured on the
          symbol. Supported values: [STP Modes](https://developers.binance.com/docs/binance-spot-api-
          docs/enums#stpmodes)
        - peg_price_type: PRIMARY_PEG or MARKET_PEG See [Pegged Orders](#pegged-orders-info)
        - peg_offset_value: Price level to peg the price to (max: 100) See [Pegged Orders](#pegged-
          orders-info)
        - peg_offset_type: Only PRICE_LEVEL is supported See [Pegged Orders](#pegged-orders-info)
        - compute_commission_rates: Default: false See [Commissions
          FAQ](https://developers.binance.com/docs/binance-spot-api-docs/faqs/commission_faq#test-order-
          diferences) to learn more.
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "order.test",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "quote_order_qty": quote_order_qty,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "stop_price": stop_price,
                "trailing_delta": trailing_delta,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "peg_price_type": peg_price_type,
                "peg_offset_value": peg_offset_value,
                "peg_offset_type": peg_offset_type,
                "compute_commission_rates": compute_commission_rates,
                "recv_window": recv_window,
            },
        )

    def order_cancel(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        new_client_order_id: Optional[str] = None,
        cancel_restrictions: Optional[Literal["ONLY_NEW", "ONLY_PARTIALLY_FILLED"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderCancelResult:
        """Cancel order: `order.cancel` (TRADE, weight 1; 0 when successful).

        `new_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - order_id: Cancel order by orderId
        - orig_client_order_id: Cancel order by clientOrderId
        - new_client_order_id: New ID for the canceled order. Automatically generated if not sent
        - cancel_restrictions: Supported values: ONLY_NEW - Cancel will succeed if the order status is
          NEW. ONLY_PARTIALLY_FILLED - Cancel will succeed if order status is PARTIALLY_FILLED.
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "order.cancel",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "new_client_order_id": new_client_order_id,
                "cancel_restrictions": cancel_restrictions,
                "recv_window": recv_window,
            },
        )

    def order_cancel_replace(
        self,
        *,
        symbol: str,
        cancel_replace_mode: Literal["STOP_ON_FAILURE", "ALLOW_FAILURE"],
        cancel_order_id: Optional[int] = None,
        cancel_orig_client_order_id: Optional[str] = None,
        cancel_new_client_order_id: Optional[str] = None,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Optional[Number] = None,
        quote_order_qty: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        stop_price: Optional[Number] = None,
        trailing_delta: Optional[int] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        peg_offset_value: Optional[int] = None,
        peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        cancel_restrictions: Optional[Literal["ONLY_NEW", "ONLY_PARTIALLY_FILLED"]] = None,
        order_rate_limit_exceeded_mode: Optional[Literal["DO_NOTHING", "CANCEL_ONLY"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderCancelReplaceResult:
        """Cancel and replace order: `order.cancelReplace` (TRADE, weight 1; 0 when successful).

        Adds 1 to the unfilled order count.
        `new_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - cancel_order_id: Cancel order by orderId
        - cancel_orig_client_order_id: Cancel order by clientOrderId
        - cancel_new_client_order_id: New ID for the canceled order. Automatically generated if not sent
        - side: BUY or SELL
        - new_client_order_id: Arbitrary unique ID among open orders. Automatically generated if not
          sent
        - new_order_resp_type: Select response format: ACK, RESULT, FULL. MARKET and LIMIT orders
          produce FULL response by default, other order types default to ACK.
        - trailing_delta: See Trailing Stop order FAQ
        - strategy_id: Arbitrary numeric value identifying the order within an order strategy.
        - strategy_type: Arbitrary numeric value identifying the order strategy. Values smaller than
          1000000 are reserved and cannot be used.
        - self_trade_prevention_mode: The allowed enums is dependent on what is configured on the
          symbol. Supported values: STP Modes.
        - peg_price_type: PRIMARY_PEG or MARKET_PEG. See Pegged Orders"
        - peg_offset_value: Price level to peg the price to (max: 100) See Pegged Orders
        - peg_offset_type: Only PRICE_LEVEL is supported See Pegged Orders
        - cancel_restrictions: Supported values: ONLY_NEW - Cancel will succeed if the order status is
          NEW. ONLY_PARTIALLY_FILLED - Cancel will succeed if order status is PARTIALLY_FILLED. For more
          information please refer to Regarding cancelRestrictions.
        - order_rate_limit_exceeded_mode: Supported values: DO_NOTHING (default)- will only attempt to
          cancel the order if account has not exceeded the unfilled order rate limit CANCEL_ONLY - will
          always cancel the order.
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "order.cancelReplace",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "cancel_replace_mode": cancel_replace_mode,
                "cancel_order_id": cancel_order_id,
                "cancel_orig_client_order_id": cancel_orig_client_order_id,
                "cancel_new_client_order_id": cancel_new_client_order_id,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "quote_order_qty": quote_order_qty,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "stop_price": stop_price,
                "trailing_delta": trailing_delta,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "peg_price_type": peg_price_type,
                "peg_offset_value": peg_offset_value,
                "peg_offset_type": peg_offset_type,
                "cancel_restrictions": cancel_restrictions,
                "order_rate_limit_exceeded_mode": order_rate_limit_exceeded_mode,
                "recv_window": recv_window,
            },
        )

    def order_amend_keep_priority(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        new_client_order_id: Optional[str] = None,
        new_qty: Number,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderAmendKeepPriorityResult:
        """Order amend keep priority: `order.amend.keepPriority` (TRADE, weight 4).

        `new_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - order_id: orderId or origClientOrderId must be sent
        - orig_client_order_id: orderId or origClientOrderId must be sent
        - new_client_order_id: The new client order ID for the order after being amended. If not sent,
          one will be randomly generated. It is possible to reuse the current clientOrderId by sending
          it as the newClientOrderId.
        - new_qty: newQty must be greater than 0 and less than the order's quantity.
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "order.amend.keepPriority",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "new_client_order_id": new_client_order_id,
                "new_qty": new_qty,
                "recv_window": recv_window,
            },
        )

    def open_orders_cancel_all(
        self,
        *,
        symbol: str,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[dict[str, Any]]:
        """Cancel open orders: `openOrders.cancelAll` (TRADE, weight 1; 0 when successful).

        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "openOrders.cancelAll",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def order_list_place(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        price: Number,
        quantity: Number,
        list_client_order_id: Optional[str] = None,
        limit_client_order_id: Optional[str] = None,
        limit_iceberg_qty: Optional[Number] = None,
        limit_strategy_id: Optional[int] = None,
        limit_strategy_type: Optional[int] = None,
        stop_price: Optional[Number] = None,
        trailing_delta: Optional[int] = None,
        stop_client_order_id: Optional[str] = None,
        stop_limit_price: Optional[Number] = None,
        stop_limit_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        stop_iceberg_qty: Optional[Number] = None,
        stop_strategy_id: Optional[int] = None,
        stop_strategy_type: Optional[int] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderListPlaceResult:
        """Place new OCO (deprecated): `orderList.place` (TRADE, weight 1; 0 when successful).

        Adds 1 to the unfilled order count.
        `list_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - side: BUY or SELL
        - price: Price for the limit order
        - list_client_order_id: Arbitrary unique ID among open order lists. Automatically generated if
          not sent
        - limit_client_order_id: Arbitrary unique ID among open orders for the limit order.
          Automatically generated if not sent
        - limit_strategy_id: Arbitrary numeric value identifying the limit order within an order
          strategy.
        - limit_strategy_type: Arbitrary numeric value identifying the limit order strategy.Values
          smaller than 1000000 are reserved and cannot be used.
        - stop_price: Either stopPrice or trailingDelta, or both must be specified
        - trailing_delta: See [Trailing Stop order FAQ](https://developers.binance.com/docs/binance-
          spot-api-docs/faqs/trailing-stop-faq)
        - stop_client_order_id: Arbitrary unique ID among open orders for the stop order. Automatically
          generated if not sent
        - stop_limit_time_in_force: See [order.place](#timeInForce) for available options
        - stop_strategy_id: Arbitrary numeric value identifying the stop order within an order strategy.
        - stop_strategy_type: Arbitrary numeric value identifying the stop order strategy.Values smaller
          than 1000000 are reserved and cannot be used.
        - new_order_resp_type: Select response format: ACK, RESULT, FULL (default)
        - self_trade_prevention_mode: The allowed enums is dependent on what is configured on the
          symbol. The possible supported values are: [STP
          Modes](https://developers.binance.com/docs/binance-spot-api-docs/enums#stpmodes)
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "orderList.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "price": price,
                "quantity": quantity,
                "list_client_order_id": list_client_order_id,
                "limit_client_order_id": limit_client_order_id,
                "limit_iceberg_qty": limit_iceberg_qty,
                "limit_strategy_id": limit_strategy_id,
                "limit_strategy_type": limit_strategy_type,
                "stop_price": stop_price,
                "trailing_delta": trailing_delta,
                "stop_client_order_id": stop_client_order_id,
                "stop_limit_price": stop_limit_price,
                "stop_limit_time_in_force": stop_limit_time_in_force,
                "stop_iceberg_qty": stop_iceberg_qty,
                "stop_strategy_id": stop_strategy_id,
                "stop_strategy_type": stop_strategy_type,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "recv_window": recv_window,
            },
        )

    def order_list_place_oco(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        side: Union[Side, Literal["BUY", "SELL"]],
        quantity: Number,
        above_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        above_client_order_id: Optional[str] = None,
        above_price: Optional[Number] = None,
        above_stop_price: Optional[Number] = None,
        above_trailing_delta: Optional[int] = None,
        above_iceberg_qty: Optional[Number] = None,
        above_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        above_strategy_id: Optional[int] = None,
        above_strategy_type: Optional[int] = None,
        above_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        above_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        above_peg_offset_value: Optional[int] = None,
        below_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        below_client_order_id: Optional[str] = None,
        below_price: Optional[Number] = None,
        below_stop_price: Optional[Number] = None,
        below_trailing_delta: Optional[int] = None,
        below_iceberg_qty: Optional[Number] = None,
        below_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        below_strategy_id: Optional[int] = None,
        below_strategy_type: Optional[int] = None,
        below_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        below_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        below_peg_offset_value: Optional[int] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderListPlaceOcoResult:
        """Place new order list - OCO: `orderList.place.oco` (TRADE, weight 1; 0 when successful).

        Adds 2 to the unfilled order count.
        `list_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - list_client_order_id: Arbitrary unique ID among open order lists. Automatically generated if
          not sent. A new order list with the same listClientOrderId is accepted only when the previous
          one is filled or completely expired. listClientOrderId is distinct from the aboveClientOrderId
          and the belowCLientOrderId.
        - side: BUY or SELL
        - quantity: Quantity for both orders of the order list.
        - above_type: Supported values: STOP_LOSS_LIMIT, STOP_LOSS, LIMIT_MAKER, TAKE_PROFIT,
          TAKE_PROFIT_LIMIT
        - above_client_order_id: Arbitrary unique ID among open orders for the above order.
          Automatically generated if not sent
        - above_price: Can be used if aboveType is STOP_LOSS_LIMIT , LIMIT_MAKER, or TAKE_PROFIT_LIMIT
          to specify the limit price.
        - above_stop_price: Can be used if aboveType is STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT,
          TAKE_PROFIT_LIMIT. Either aboveStopPrice or aboveTrailingDelta or both, must be specified.
        - above_trailing_delta: See [Trailing Stop order
          FAQ](https://developers.binance.com/docs/binance-spot-api-docs/faqs/trailing-stop-faq).
        - above_iceberg_qty: Note that this can only be used if aboveTimeInForce is GTC.
        - above_time_in_force: Required if aboveType is STOP_LOSS_LIMIT or TAKE_PROFIT_LIMIT.
        - above_strategy_id: Arbitrary numeric value identifying the above order within an order
          strategy.
        - above_strategy_type: Arbitrary numeric value identifying the above order strategy. Values
          smaller than 1000000 are reserved and cannot be used.
        - above_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - below_type: Supported values: STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT,TAKE_PROFIT_LIMIT
        - below_price: Can be used if belowType is STOP_LOSS_LIMIT , LIMIT_MAKER, or TAKE_PROFIT_LIMIT
          to specify the limit price.
        - below_stop_price: Can be used if belowType is STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT or
          TAKE_PROFIT_LIMIT. Either belowStopPrice or belowTrailingDelta or both, must be specified.
        - below_trailing_delta: See [Trailing Stop order
          FAQ](https://developers.binance.com/docs/binance-spot-api-docs/faqs/trailing-stop-faq).
        - below_iceberg_qty: Note that this can only be used if belowTimeInForce is GTC.
        - below_time_in_force: Required if belowType is STOP_LOSS_LIMIT or TAKE_PROFIT_LIMIT
        - below_strategy_id: Arbitrary numeric value identifying the below order within an order
          strategy.
        - below_strategy_type: Arbitrary numeric value identifying the below order strategy. Values
          smaller than 1000000 are reserved and cannot be used.
        - below_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - new_order_resp_type: Select response format: ACK, RESULT, FULL
        - self_trade_prevention_mode: The allowed enums is dependent on what is configured on the
          symbol. The possible supported values are: [STP
          Modes](https://developers.binance.com/docs/binance-spot-api-docs/enums#stpmodes).
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "orderList.place.oco",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "side": side,
                "quantity": quantity,
                "above_type": above_type,
                "above_client_order_id": above_client_order_id,
                "above_price": above_price,
                "above_stop_price": above_stop_price,
                "above_trailing_delta": above_trailing_delta,
                "above_iceberg_qty": above_iceberg_qty,
                "above_time_in_force": above_time_in_force,
                "above_strategy_id": above_strategy_id,
                "above_strategy_type": above_strategy_type,
                "above_peg_price_type": above_peg_price_type,
                "above_peg_offset_type": above_peg_offset_type,
                "above_peg_offset_value": above_peg_offset_value,
                "below_type": below_type,
                "below_client_order_id": below_client_order_id,
                "below_price": below_price,
                "below_stop_price": below_stop_price,
                "below_trailing_delta": below_trailing_delta,
                "below_iceberg_qty": below_iceberg_qty,
                "below_time_in_force": below_time_in_force,
                "below_strategy_id": below_strategy_id,
                "below_strategy_type": below_strategy_type,
                "below_peg_price_type": below_peg_price_type,
                "below_peg_offset_type": below_peg_offset_type,
                "below_peg_offset_value": below_peg_offset_value,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "recv_window": recv_window,
            },
        )

    def order_list_place_oto(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        working_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        working_side: Union[Side, Literal["BUY", "SELL"]],
        working_price: Number,
        working_quantity: Number,
        working_client_order_id: Optional[str] = None,
        working_iceberg_qty: Optional[Number] = None,
        working_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        working_strategy_id: Optional[int] = None,
        working_strategy_type: Optional[int] = None,
        working_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        working_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        working_peg_offset_value: Optional[int] = None,
        pending_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        pending_side: Union[Side, Literal["BUY", "SELL"]],
        pending_quantity: Number,
        pending_client_order_id: Optional[str] = None,
        pending_price: Optional[Number] = None,
        pending_stop_price: Optional[Number] = None,
        pending_trailing_delta: Optional[int] = None,
        pending_iceberg_qty: Optional[Number] = None,
        pending_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_strategy_id: Optional[int] = None,
        pending_strategy_type: Optional[int] = None,
        pending_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_peg_offset_value: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderListPlaceOtoResult:
        """Place new order list - OTO: `orderList.place.oto` (TRADE, weight 1; 0 when successful).

        Adds 2 to the unfilled order count.
        `list_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - list_client_order_id: Arbitrary unique ID among open order lists. Automatically generated if
          not sent. A new order list with the same listClientOrderId is accepted only when the previous
          one is filled or completely expired. listClientOrderId is distinct from the
          workingClientOrderId and the pendingClientOrderId.
        - new_order_resp_type: Format of the JSON response. Supported values: [Order Response
          Type](https://developers.binance.com/docs/binance-spot-api-docs/enums#orderresponsetype)
        - self_trade_prevention_mode: The allowed values are dependent on what is configured on the
          symbol. Supported values: [STP Modes](https://developers.binance.com/docs/binance-spot-api-
          docs/enums#stpmodes)
        - working_type: Supported values: LIMIT,LIMIT_MAKER
        - working_side: Supported values: [Order side](https://developers.binance.com/docs/binance-spot-
          api-docs/enums#side)
        - working_quantity: Sets the quantity for the working order.
        - working_client_order_id: Arbitrary unique ID among open orders for the working order.
          Automatically generated if not sent.
        - working_iceberg_qty: This can only be used if workingTimeInForce is GTC, or if workingType is
          LIMIT_MAKER.
        - working_time_in_force: Supported values: [Time In
          Force](https://developers.binance.com/docs/binance-spot-api-docs/enums#timeinforce)
        - working_strategy_id: Arbitrary numeric value identifying the working order within an order
          strategy.
        - working_strategy_type: Arbitrary numeric value identifying the working order strategy. Values
          smaller than 1000000 are reserved and cannot be used.
        - working_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - pending_type: Supported values: [Order types](#order-type). Note that MARKET orders using
          quoteOrderQty are not supported.
        - pending_side: Supported values: [Order side](https://developers.binance.com/docs/binance-spot-
          api-docs/enums#side)
        - pending_quantity: Sets the quantity for the pending order.
        - pending_client_order_id: Arbitrary unique ID among open orders for the pending order.
          Automatically generated if not sent.
        - pending_iceberg_qty: This can only be used if pendingTimeInForce is GTC, or if pendingType is
          LIMIT_MAKER.
        - pending_time_in_force: Supported values: [Time In
          Force](https://developers.binance.com/docs/binance-spot-api-docs/enums#timeinforce)
        - pending_strategy_id: Arbitrary numeric value identifying the pending order within an order
          strategy.
        - pending_strategy_type: Arbitrary numeric value identifying the pending order strategy. Values
          smaller than 1000000 are reserved and cannot be used.
        - pending_peg_offset_type: See [Pegged Orders](#pegged-orders-info)
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "orderList.place.oto",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "working_type": working_type,
                "working_side": working_side,
                "working_price": working_price,
                "working_quantity": working_quantity,
                "working_client_order_id": working_client_order_id,
                "working_iceberg_qty": working_iceberg_qty,
                "working_time_in_force": working_time_in_force,
                "working_strategy_id": working_strategy_id,
                "working_strategy_type": working_strategy_type,
                "working_peg_price_type": working_peg_price_type,
                "working_peg_offset_type": working_peg_offset_type,
                "working_peg_offset_value": working_peg_offset_value,
                "pending_type": pending_type,
                "pending_side": pending_side,
                "pending_quantity": pending_quantity,
                "pending_client_order_id": pending_client_order_id,
                "pending_price": pending_price,
                "pending_stop_price": pending_stop_price,
                "pending_trailing_delta": pending_trailing_delta,
                "pending_iceberg_qty": pending_iceberg_qty,
                "pending_time_in_force": pending_time_in_force,
                "pending_strategy_id": pending_strategy_id,
                "pending_strategy_type": pending_strategy_type,
                "pending_peg_price_type": pending_peg_price_type,
                "pending_peg_offset_type": pending_peg_offset_type,
                "pending_peg_offset_value": pending_peg_offset_value,
                "recv_window": recv_window,
            },
        )

    def order_list_place_otoco(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        working_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        working_side: Union[Side, Literal["BUY", "SELL"]],
        working_price: Number,
        working_quantity: Number,
        working_client_order_id: Optional[str] = None,
        working_iceberg_qty: Optional[Number] = None,
        working_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        working_strategy_id: Optional[int] = None,
        working_strategy_type: Optional[int] = None,
        working_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        working_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        working_peg_offset_value: Optional[int] = None,
        pending_side: Union[Side, Literal["BUY", "SELL"]],
        pending_quantity: Number,
        pending_above_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        pending_above_client_order_id: Optional[str] = None,
        pending_above_price: Optional[Number] = None,
        pending_above_stop_price: Optional[Number] = None,
        pending_above_trailing_delta: Optional[int] = None,
        pending_above_iceberg_qty: Optional[Number] = None,
        pending_above_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_above_strategy_id: Optional[int] = None,
        pending_above_strategy_type: Optional[int] = None,
        pending_above_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_above_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_above_peg_offset_value: Optional[int] = None,
        pending_below_type: Optional[Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]]] = None,
        pending_below_client_order_id: Optional[str] = None,
        pending_below_price: Optional[Number] = None,
        pending_below_stop_price: Optional[Number] = None,
        pending_below_trailing_delta: Optional[int] = None,
        pending_below_iceberg_qty: Optional[Number] = None,
        pending_below_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_below_strategy_id: Optional[int] = None,
        pending_below_strategy_type: Optional[int] = None,
        pending_below_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_below_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_below_peg_offset_value: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderListPlaceOtocoResult:
        """Place new order list - OTOCO: `orderList.place.otoco` (TRADE, weight 1; 0 when successful).

        Adds 3 to the unfilled order count.
        `list_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - list_client_order_id: Arbitrary unique ID among open order lists. Automatically generated if
          not sent. A new order list with the same listClientOrderId is accepted only when the previous
          one is filled or completely expired. listClientOrderId is distinct from the
          workingClientOrderId, pendingAboveClientOrderId, and the pendingBelowClientOrderId.
        - new_order_resp_type: Format of the JSON response. Supported values: [Order Response
          Type](https://developers.binance.com/docs/binance-spot-api-docs/enums#orderresponsetype)
        - self_trade_prevention_mode: The allowed values are dependent on what is configured on the
          symbol. Supported values: [STP Modes](https://developers.binance.com/docs/binance-spot-api-
          docs/enums#stpmodes)
        - working_type: Supported values: LIMIT, LIMIT_MAKER
        - working_side: Supported values: [Order Side](https://developers.binance.com/docs/binance-spot-
          api-docs/enums#side)
        - working_client_order_id: Arbitrary unique ID among open orders for the working order.
          Automatically generated if not sent.
        - working_iceberg_qty: This can only be used if workingTimeInForce is GTC, or if workingType is
          LIMIT_MAKER.
        - working_time_in_force: Supported values: [Time In
          Force](https://developers.binance.com/docs/binance-spot-api-docs/enums#timeinforce)
        - working_strategy_id: Arbitrary numeric value identifying the working order within an order
          strategy.
        - working_strategy_type: Arbitrary numeric value identifying the working order strategy. Values
          smaller than 1000000 are reserved and cannot be used.
        - working_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - pending_side: Supported values: [Order Side](https://developers.binance.com/docs/binance-spot-
          api-docs/enums#side)
        - pending_above_type: Supported values: STOP_LOSS_LIMIT, STOP_LOSS, LIMIT_MAKER, TAKE_PROFIT,
          TAKE_PROFIT_LIMIT
        - pending_above_client_order_id: Arbitrary unique ID among open orders for the pending above
          order. Automatically generated if not sent.
        - pending_above_price: Can be used if pendingAboveType is STOP_LOSS_LIMIT , LIMIT_MAKER, or
          TAKE_PROFIT_LIMIT to specify the limit price.
        - pending_above_stop_price: Can be used if pendingAboveType is STOP_LOSS, STOP_LOSS_LIMIT,
          TAKE_PROFIT, TAKE_PROFIT_LIMIT
        - pending_above_trailing_delta: See [Trailing Stop
          FAQ](https://developers.binance.com/docs/binance-spot-api-docs/faqs/trailing-stop-faq)
        - pending_above_iceberg_qty: This can only be used if pendingAboveTimeInForce is GTC or if
          pendingAboveType is LIMIT_MAKER.
        - pending_above_strategy_id: Arbitrary numeric value identifying the pending above order within
          an order strategy.
        - pending_above_strategy_type: Arbitrary numeric value identifying the pending above order
          strategy. Values smaller than 1000000 are reserved and cannot be used.
        - pending_above_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - pending_below_type: Supported values: STOP_LOSS, STOP_LOSS_LIMIT,
          TAKE_PROFIT,TAKE_PROFIT_LIMIT
        - pending_below_client_order_id: Arbitrary unique ID among open orders for the pending below
          order. Automatically generated if not sent.
        - pending_below_price: Can be used if pendingBelowType is STOP_LOSS_LIMIT or TAKE_PROFIT_LIMIT
          to specify the limit price.
        - pending_below_stop_price: Can be used if pendingBelowType is STOP_LOSS, STOP_LOSS_LIMIT,
          TAKE_PROFIT or TAKE_PROFIT_LIMIT. Either pendingBelowStopPrice or pendingBelowTrailingDelta or
          both, must be specified.
        - pending_below_iceberg_qty: This can only be used if pendingBelowTimeInForce is GTC, or if
          pendingBelowType is LIMIT_MAKER.
        - pending_below_time_in_force: Supported values: [Time In
          Force](https://developers.binance.com/docs/binance-spot-api-docs/enums#timeinforce)
        - pending_below_strategy_id: Arbitrary numeric value identifying the pending below order within
          an order strategy.
        - pending_below_strategy_type: Arbitrary numeric value identifying the pending below order
          strategy. Values smaller than 1000000 are reserved and cannot be used.
        - pending_below_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "orderList.place.otoco",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "working_type": working_type,
                "working_side": working_side,
                "working_price": working_price,
                "working_quantity": working_quantity,
                "working_client_order_id": working_client_order_id,
                "working_iceberg_qty": working_iceberg_qty,
                "working_time_in_force": working_time_in_force,
                "working_strategy_id": working_strategy_id,
                "working_strategy_type": working_strategy_type,
                "working_peg_price_type": working_peg_price_type,
                "working_peg_offset_type": working_peg_offset_type,
                "working_peg_offset_value": working_peg_offset_value,
                "pending_side": pending_side,
                "pending_quantity": pending_quantity,
                "pending_above_type": pending_above_type,
                "pending_above_client_order_id": pending_above_client_order_id,
                "pending_above_price": pending_above_price,
                "pending_above_stop_price": pending_above_stop_price,
                "pending_above_trailing_delta": pending_above_trailing_delta,
                "pending_above_iceberg_qty": pending_above_iceberg_qty,
                "pending_above_time_in_force": pending_above_time_in_force,
                "pending_above_strategy_id": pending_above_strategy_id,
                "pending_above_strategy_type": pending_above_strategy_type,
                "pending_above_peg_price_type": pending_above_peg_price_type,
                "pending_above_peg_offset_type": pending_above_peg_offset_type,
                "pending_above_peg_offset_value": pending_above_peg_offset_value,
                "pending_below_type": pending_below_type,
                "pending_below_client_order_id": pending_below_client_order_id,
                "pending_below_price": pending_below_price,
                "pending_below_stop_price": pending_below_stop_price,
                "pending_below_trailing_delta": pending_below_trailing_delta,
                "pending_below_iceberg_qty": pending_below_iceberg_qty,
                "pending_below_time_in_force": pending_below_time_in_force,
                "pending_below_strategy_id": pending_below_strategy_id,
                "pending_below_strategy_type": pending_below_strategy_type,
                "pending_below_peg_price_type": pending_below_peg_price_type,
                "pending_below_peg_offset_type": pending_below_peg_offset_type,
                "pending_below_peg_offset_value": pending_below_peg_offset_value,
                "recv_window": recv_window,
            },
        )

    def order_list_place_opo(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        working_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        working_side: Union[Side, Literal["BUY", "SELL"]],
        working_price: Number,
        working_quantity: Number,
        working_client_order_id: Optional[str] = None,
        working_iceberg_qty: Optional[Number] = None,
        working_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        working_strategy_id: Optional[int] = None,
        working_strategy_type: Optional[int] = None,
        working_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        working_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        working_peg_offset_value: Optional[int] = None,
        pending_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        pending_side: Union[Side, Literal["BUY", "SELL"]],
        pending_client_order_id: Optional[str] = None,
        pending_price: Optional[Number] = None,
        pending_stop_price: Optional[Number] = None,
        pending_trailing_delta: Optional[int] = None,
        pending_iceberg_qty: Optional[Number] = None,
        pending_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_strategy_id: Optional[int] = None,
        pending_strategy_type: Optional[int] = None,
        pending_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_peg_offset_value: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderListPlaceOpoResult:
        """Place new order list - OPO: `orderList.place.opo` (TRADE, weight 1; 0 when successful).

        Adds 2 to the unfilled order count.
        `list_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - list_client_order_id: Arbitrary unique ID among open order lists. Automatically generated if
          not sent. A new order list with the same listClientOrderId is accepted only when the previous
          one is filled or completely expired. listClientOrderId is distinct from the
          workingClientOrderId and the pendingClientOrderId.
        - new_order_resp_type: Format of the JSON response. Supported values: [Order Response
          Type](https://developers.binance.com/docs/binance-spot-api-docs/enums#orderresponsetype)
        - self_trade_prevention_mode: The allowed values are dependent on what is configured on the
          symbol. Supported values: [STP Modes](https://developers.binance.com/docs/binance-spot-api-
          docs/enums#stpmodes)
        - working_type: Supported values: LIMIT,LIMIT_MAKER
        - working_side: Supported values: [Order Side](https://developers.binance.com/docs/binance-spot-
          api-docs/enums#side)
        - working_quantity: Sets the quantity for the working order.
        - working_client_order_id: Arbitrary unique ID among open orders for the working order.
          Automatically generated if not sent.
        - working_iceberg_qty: This can only be used if workingTimeInForce is GTC, or if workingType is
          LIMIT_MAKER.
        - working_time_in_force: Supported values: [Time In
          Force](https://developers.binance.com/docs/binance-spot-api-docs/enums#timeinforce)
        - working_strategy_id: Arbitrary numeric value identifying the working order within an order
          strategy.
        - working_strategy_type: Arbitrary numeric value identifying the working order strategy. Values
          smaller than 1000000 are reserved and cannot be used.
        - working_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - pending_type: Supported values: [Order Types](#order-type) Note that MARKET orders using
          quoteOrderQty are not supported.
        - pending_side: Supported values: [Order Side](https://developers.binance.com/docs/binance-spot-
          api-docs/enums#side)
        - pending_client_order_id: Arbitrary unique ID among open orders for the pending order.
          Automatically generated if not sent.
        - pending_iceberg_qty: This can only be used if pendingTimeInForce is GTC or if pendingType is
          LIMIT_MAKER.
        - pending_time_in_force: Supported values: [Time In
          Force](https://developers.binance.com/docs/binance-spot-api-docs/enums#timeinforce)
        - pending_strategy_id: Arbitrary numeric value identifying the pending order within an order
          strategy.
        - pending_strategy_type: Arbitrary numeric value identifying the pending order strategy. Values
          smaller than 1000000 are reserved and cannot be used.
        - pending_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "orderList.place.opo",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "working_type": working_type,
                "working_side": working_side,
                "working_price": working_price,
                "working_quantity": working_quantity,
                "working_client_order_id": working_client_order_id,
                "working_iceberg_qty": working_iceberg_qty,
                "working_time_in_force": working_time_in_force,
                "working_strategy_id": working_strategy_id,
                "working_strategy_type": working_strategy_type,
                "working_peg_price_type": working_peg_price_type,
                "working_peg_offset_type": working_peg_offset_type,
                "working_peg_offset_value": working_peg_offset_value,
                "pending_type": pending_type,
                "pending_side": pending_side,
                "pending_client_order_id": pending_client_order_id,
                "pending_price": pending_price,
                "pending_stop_price": pending_stop_price,
                "pending_trailing_delta": pending_trailing_delta,
                "pending_iceberg_qty": pending_iceberg_qty,
                "pending_time_in_force": pending_time_in_force,
                "pending_strategy_id": pending_strategy_id,
                "pending_strategy_type": pending_strategy_type,
                "pending_peg_price_type": pending_peg_price_type,
                "pending_peg_offset_type": pending_peg_offset_type,
                "pending_peg_offset_value": pending_peg_offset_value,
                "recv_window": recv_window,
            },
        )

    def order_list_place_opoco(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        working_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        working_side: Union[Side, Literal["BUY", "SELL"]],
        working_price: Number,
        working_quantity: Number,
        working_client_order_id: Optional[str] = None,
        working_iceberg_qty: Optional[Number] = None,
        working_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        working_strategy_id: Optional[int] = None,
        working_strategy_type: Optional[int] = None,
        working_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        working_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        working_peg_offset_value: Optional[int] = None,
        pending_side: Union[Side, Literal["BUY", "SELL"]],
        pending_above_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        pending_above_client_order_id: Optional[str] = None,
        pending_above_price: Optional[Number] = None,
        pending_above_stop_price: Optional[Number] = None,
        pending_above_trailing_delta: Optional[int] = None,
        pending_above_iceberg_qty: Optional[Number] = None,
        pending_above_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_above_strategy_id: Optional[int] = None,
        pending_above_strategy_type: Optional[int] = None,
        pending_above_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_above_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_above_peg_offset_value: Optional[int] = None,
        pending_below_type: Optional[Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]]] = None,
        pending_below_client_order_id: Optional[str] = None,
        pending_below_price: Optional[Number] = None,
        pending_below_stop_price: Optional[Number] = None,
        pending_below_trailing_delta: Optional[int] = None,
        pending_below_iceberg_qty: Optional[Number] = None,
        pending_below_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_below_strategy_id: Optional[int] = None,
        pending_below_strategy_type: Optional[int] = None,
        pending_below_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_below_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_below_peg_offset_value: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderListPlaceOpocoResult:
        """Place new order list - OPOCO: `orderList.place.opoco` (TRADE, weight 1; 0 when successful).

        Adds 3 to the unfilled order count.
        `list_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - list_client_order_id: Arbitrary unique ID among open order lists. Automatically generated if
          not sent. A new order list with the same listClientOrderId is accepted only when the previous
          one is filled or completely expired. listClientOrderId is distinct from the
          workingClientOrderId, pendingAboveClientOrderId, and the pendingBelowClientOrderId.
        - new_order_resp_type: Format of the JSON response. Supported values: [Order Response
          Type](https://developers.binance.com/docs/binance-spot-api-docs/enums#orderresponsetype)
        - self_trade_prevention_mode: The allowed values are dependent on what is configured on the
          symbol. Supported values: [STP Modes](https://developers.binance.com/docs/binance-spot-api-
          docs/enums#stpmodes)
        - working_type: Supported values: LIMIT, LIMIT_MAKER
        - working_side: Supported values: [Order side](https://developers.binance.com/docs/binance-spot-
          api-docs/enums#side)
        - working_client_order_id: Arbitrary unique ID among open orders for the working order.
          Automatically generated if not sent.
        - working_iceberg_qty: This can only be used if workingTimeInForce is GTC, or if workingType is
          LIMIT_MAKER.
        - working_time_in_force: Supported values: [Time In
          Force](https://developers.binance.com/docs/binance-spot-api-docs/enums#timeinforce)
        - working_strategy_id: Arbitrary numeric value identifying the working order within an order
          strategy.
        - working_strategy_type: Arbitrary numeric value identifying the working order strategy. Values
          smaller than 1000000 are reserved and cannot be used.
        - working_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - pending_side: Supported values: [Order side](https://developers.binance.com/docs/binance-spot-
          api-docs/enums#side)
        - pending_above_type: Supported values: STOP_LOSS_LIMIT, STOP_LOSS, LIMIT_MAKER, TAKE_PROFIT,
          TAKE_PROFIT_LIMIT
        - pending_above_client_order_id: Arbitrary unique ID among open orders for the pending above
          order. Automatically generated if not sent.
        - pending_above_price: Can be used if pendingAboveType is STOP_LOSS_LIMIT , LIMIT_MAKER, or
          TAKE_PROFIT_LIMIT to specify the limit price.
        - pending_above_stop_price: Can be used if pendingAboveType is STOP_LOSS, STOP_LOSS_LIMIT,
          TAKE_PROFIT, TAKE_PROFIT_LIMIT
        - pending_above_trailing_delta: See [Trailing Stop
          FAQ](https://developers.binance.com/docs/binance-spot-api-docs/faqs/trailing-stop-faq)
        - pending_above_iceberg_qty: This can only be used if pendingAboveTimeInForce is GTC or if
          pendingAboveType is LIMIT_MAKER.
        - pending_above_strategy_id: Arbitrary numeric value identifying the pending above order within
          an order strategy.
        - pending_above_strategy_type: Arbitrary numeric value identifying the pending above order
          strategy. Values smaller than 1000000 are reserved and cannot be used.
        - pending_above_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - pending_below_type: Supported values: STOP_LOSS, STOP_LOSS_LIMIT,
          TAKE_PROFIT,TAKE_PROFIT_LIMIT
        - pending_below_client_order_id: Arbitrary unique ID among open orders for the pending below
          order. Automatically generated if not sent.
        - pending_below_price: Can be used if pendingBelowType is STOP_LOSS_LIMIT or TAKE_PROFIT_LIMIT
          to specify limit price
        - pending_below_stop_price: Can be used if pendingBelowType is STOP_LOSS, STOP_LOSS_LIMIT,
          TAKE_PROFIT or TAKE_PROFIT_LIMIT. Either pendingBelowStopPrice or pendingBelowTrailingDelta or
          both, must be specified.
        - pending_below_iceberg_qty: This can only be used if pendingBelowTimeInForce is GTC, or if
          pendingBelowType is LIMIT_MAKER.
        - pending_below_time_in_force: Supported values: [Time In
          Force](https://developers.binance.com/docs/binance-spot-api-docs/enums#timeinforce)
        - pending_below_strategy_id: Arbitrary numeric value identifying the pending below order within
          an order strategy.
        - pending_below_strategy_type: Arbitrary numeric value identifying the pending below order
          strategy. Values smaller than 1000000 are reserved and cannot be used.
        - pending_below_peg_price_type: See [Pegged Orders](#pegged-orders-info)
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "orderList.place.opoco",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "working_type": working_type,
                "working_side": working_side,
                "working_price": working_price,
                "working_quantity": working_quantity,
                "working_client_order_id": working_client_order_id,
                "working_iceberg_qty": working_iceberg_qty,
                "working_time_in_force": working_time_in_force,
                "working_strategy_id": working_strategy_id,
                "working_strategy_type": working_strategy_type,
                "working_peg_price_type": working_peg_price_type,
                "working_peg_offset_type": working_peg_offset_type,
                "working_peg_offset_value": working_peg_offset_value,
                "pending_side": pending_side,
                "pending_above_type": pending_above_type,
                "pending_above_client_order_id": pending_above_client_order_id,
                "pending_above_price": pending_above_price,
                "pending_above_stop_price": pending_above_stop_price,
                "pending_above_trailing_delta": pending_above_trailing_delta,
                "pending_above_iceberg_qty": pending_above_iceberg_qty,
                "pending_above_time_in_force": pending_above_time_in_force,
                "pending_above_strategy_id": pending_above_strategy_id,
                "pending_above_strategy_type": pending_above_strategy_type,
                "pending_above_peg_price_type": pending_above_peg_price_type,
                "pending_above_peg_offset_type": pending_above_peg_offset_type,
                "pending_above_peg_offset_value": pending_above_peg_offset_value,
                "pending_below_type": pending_below_type,
                "pending_below_client_order_id": pending_below_client_order_id,
                "pending_below_price": pending_below_price,
                "pending_below_stop_price": pending_below_stop_price,
                "pending_below_trailing_delta": pending_below_trailing_delta,
                "pending_below_iceberg_qty": pending_below_iceberg_qty,
                "pending_below_time_in_force": pending_below_time_in_force,
                "pending_below_strategy_id": pending_below_strategy_id,
                "pending_below_strategy_type": pending_below_strategy_type,
                "pending_below_peg_price_type": pending_below_peg_price_type,
                "pending_below_peg_offset_type": pending_below_peg_offset_type,
                "pending_below_peg_offset_value": pending_below_peg_offset_value,
                "recv_window": recv_window,
            },
        )

    def order_list_cancel(
        self,
        *,
        symbol: str,
        order_list_id: Optional[int] = None,
        list_client_order_id: Optional[str] = None,
        new_client_order_id: Optional[str] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderListCancelResult:
        """Cancel order list: `orderList.cancel` (TRADE, weight 1; 0 when successful).

        `new_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - order_list_id: Cancel order list by orderListId
        - list_client_order_id: Cancel order list by listClientId
        - new_client_order_id: New ID for the canceled order list. Automatically generated if not sent
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "orderList.cancel",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_list_id": order_list_id,
                "list_client_order_id": list_client_order_id,
                "new_client_order_id": new_client_order_id,
                "recv_window": recv_window,
            },
        )

    def sor_order_place(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Number,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[SorOrderPlaceResultItem]:
        """Place new order using SOR: `sor.order.place` (TRADE, weight 1; 0 when successful).

        Adds 1 to the unfilled order count.
        `new_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        Parameters (from the docs):
        - side: BUY or SELL
        - time_in_force: Applicable only to LIMIT order type
        - price: Applicable only to LIMIT order type
        - new_client_order_id: Arbitrary unique ID among open orders. Automatically generated if not
          sent
        - new_order_resp_type: Select response format: ACK, RESULT, FULL.MARKET and LIMIT orders use
          FULL by default.
        - strategy_id: Arbitrary numeric value identifying the order within an order strategy.
        - strategy_type: Arbitrary numeric value identifying the order strategy.Values smaller than
          1000000 are reserved and cannot be used.
        - self_trade_prevention_mode: The allowed enums is dependent on what is configured on the
          symbol. The possible supported values are: [STP
          Modes](https://developers.binance.com/docs/binance-spot-api-docs/enums#stpmodes).
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "sor.order.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "recv_window": recv_window,
            },
        )

    def sor_order_test(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Number,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        compute_commission_rates: Optional[bool] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> SorOrderTestResult:
        """Test new order using SOR: `sor.order.test` (TRADE, weight by parameters).

        Weight: 1; 20 with computeCommissionRates.
        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - side: BUY or SELL
        - time_in_force: Applicable only to LIMIT order type
        - price: Applicable only to LIMIT order type
        - new_client_order_id: Arbitrary unique ID among open orders. Automatically generated if not
          sent
        - new_order_resp_type: Select response format: ACK, RESULT, FULL.MARKET and LIMIT orders use
          FULL by default.
        - strategy_id: Arbitrary numeric value identifying the order within an order strategy.
        - strategy_type: Arbitrary numeric value identifying the order strategy.Values smaller than
          1000000 are reserved and cannot be used.
        - self_trade_prevention_mode: The allowed enums is dependent on what is configured on the
          symbol. The possible supported values are: [STP
          Modes](https://developers.binance.com/docs/binance-spot-api-docs/enums#stpmodes).
        - compute_commission_rates: Default: false
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "sor.order.test",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "compute_commission_rates": compute_commission_rates,
                "recv_window": recv_window,
            },
        )

    def account_status(
        self,
        *,
        omit_zero_balances: Optional[bool] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> AccountStatusResult:
        """Account information: `account.status` (USER_DATA, weight 20).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - omit_zero_balances: When set to true, emits only the non-zero balances of an account. Default
          value: false
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "account.status",
            timeout,
            unknown,
            {
                "omit_zero_balances": omit_zero_balances,
                "recv_window": recv_window,
            },
        )

    def order_status(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderStatusResult:
        """Query order: `order.status` (USER_DATA, weight 4).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - order_id: Lookup order by orderId
        - orig_client_order_id: Lookup order by clientOrderId
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "order.status",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "recv_window": recv_window,
            },
        )

    def open_orders_status(
        self,
        *,
        symbol: Optional[str] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[OpenOrdersStatusResultItem]:
        """Current open orders: `openOrders.status` (USER_DATA, weight by parameters).

        Weight: 6 for one symbol, 80 for all.
        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - symbol: If omitted, open orders for all symbols are returned
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "openOrders.status",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def all_orders(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[AllOrdersResultItem]:
        """Account order history: `allOrders` (USER_DATA, weight 20).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - order_id: Order ID to begin at
        - limit: Default: 500; Maximum: 1000
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "allOrders",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def order_list_status(
        self,
        *,
        orig_client_order_id: Optional[str] = None,
        order_list_id: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> OrderListStatusResult:
        """Query order list: `orderList.status` (USER_DATA, weight 4).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - orig_client_order_id: Query order list by listClientOrderId. orderListId or origClientOrderId
          must be provided.
        - order_list_id: Query order list by orderListId. orderListId or origClientOrderId must be
          provided.
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "orderList.status",
            timeout,
            unknown,
            {
                "orig_client_order_id": orig_client_order_id,
                "order_list_id": order_list_id,
                "recv_window": recv_window,
            },
        )

    def open_order_lists_status(
        self,
        *,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[OpenOrderListsStatusResultItem]:
        """Current open order lists: `openOrderLists.status` (USER_DATA, weight 6).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "openOrderLists.status",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def all_order_lists(
        self,
        *,
        from_id: Optional[int] = None,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[AllOrderListsResultItem]:
        """Account order list history: `allOrderLists` (USER_DATA, weight 20).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - from_id: Order list ID to begin at
        - limit: Default: 500; Maximum: 1000
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "allOrderLists",
            timeout,
            unknown,
            {
                "from_id": from_id,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def my_trades(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        from_id: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[MyTradesResultItem]:
        """Account trade history: `myTrades` (USER_DATA, weight by parameters).

        Weight: 20; 5 with orderId.
        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - from_id: First trade ID to query
        - limit: Default: 500; Maximum: 1000
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "myTrades",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "start_time": start_time,
                "end_time": end_time,
                "from_id": from_id,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def account_rate_limits_orders(
        self,
        *,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[AccountRateLimitsOrdersResultItem]:
        """Unfilled order count: `account.rateLimits.orders` (USER_DATA, weight 40).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "account.rateLimits.orders",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def my_prevented_matches(
        self,
        *,
        symbol: str,
        prevented_match_id: Optional[int] = None,
        order_id: Optional[int] = None,
        from_prevented_match_id: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[MyPreventedMatchesResultItem]:
        """Account prevented matches: `myPreventedMatches` (USER_DATA, weight by parameters).

        Weight: 2 by preventedMatchId, 20 by orderId.
        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - limit: Default: 500; Maximum: 1000
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "myPreventedMatches",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "prevented_match_id": prevented_match_id,
                "order_id": order_id,
                "from_prevented_match_id": from_prevented_match_id,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def my_allocations(
        self,
        *,
        symbol: str,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        from_allocation_id: Optional[int] = None,
        limit: Optional[int] = None,
        order_id: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[MyAllocationsResultItem]:
        """Account allocations: `myAllocations` (USER_DATA, weight 20).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - limit: Default: 500; Maximum: 1000
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "myAllocations",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "start_time": start_time,
                "end_time": end_time,
                "from_allocation_id": from_allocation_id,
                "limit": limit,
                "order_id": order_id,
                "recv_window": recv_window,
            },
        )

    def account_commission(
        self,
        *,
        symbol: str,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> AccountCommissionResult:
        """Account commission rates: `account.commission` (USER_DATA, weight 20).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "account.commission",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def order_amendments(
        self,
        *,
        symbol: str,
        order_id: int,
        from_execution_id: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[OrderAmendmentsResultItem]:
        """Query order amendments: `order.amendments` (USER_DATA, weight 4).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - limit: Default:500; Maximum: 1000
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "order.amendments",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "from_execution_id": from_execution_id,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def my_filters(
        self,
        *,
        symbol: str,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> MyFiltersResult:
        """Query relevant filters: `myFilters` (USER_DATA, weight 40).

        Signed by the client; `recv_window` overrides the client's for this call.
        Parameters (from the docs):
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "myFilters",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def user_data_stream_subscribe(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UserDataStreamSubscribeResult:
        """Subscribe to the user data stream: `userDataStream.subscribe` (USER_STREAM, weight 2).

        Needs a connection logged on with an Ed25519 key (the client does it by default).
        """
        return self._named(
            "userDataStream.subscribe",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_unsubscribe(
        self,
        *,
        subscription_id: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> dict[str, Any]:
        """Unsubscribe from the user data stream: `userDataStream.unsubscribe` (NONE, weight 2).

        Parameters (from the docs):
        - subscription_id: When called with no parameter, this will close all subscriptions. When called
          with the subscriptionId parameter, this will attempt to close the subscription with that
          subscription id, if it exists.
        """
        return self._named(
            "userDataStream.unsubscribe",
            timeout,
            unknown,
            {
                "subscription_id": subscription_id,
            },
        )

    def session_subscriptions(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[SessionSubscriptionsResultItem]:
        """List all subscriptions: `session.subscriptions` (NONE, weight 2)."""
        return self._named(
            "session.subscriptions",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_subscribe_signature(
        self,
        *,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UserDataStreamSubscribeSignatureResult:
        """Subscribe to the user data stream by signature: `userDataStream.subscribe.signature` (USER_STREAM, weight 2).

        Parameters (from the docs):
        - recv_window: The value cannot be greater than 60000. Supports up to three decimal places of
          precision (e.g., 6000.346) so that microseconds may be specified.
        """
        return self._named(
            "userDataStream.subscribe.signature",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )


class FutureMethods:
    """Every WebSocket API method by its snake_case name, returning a Future; `_named` does the work."""

    __slots__ = ()

    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any]) -> Future[Any]:
        raise NotImplementedError

    def ping(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[dict[str, Any]]:
        """Test connectivity: `ping` (NONE, weight 1), as a Future (see `Methods.ping`)."""
        return self._named(
            "ping",
            timeout,
            unknown,
            {},
        )

    def time(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[TimeResult]:
        """Check server time: `time` (NONE, weight 1), as a Future (see `Methods.time`)."""
        return self._named(
            "time",
            timeout,
            unknown,
            {},
        )

    def exchange_info(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        permissions: Optional[Sequence[str]] = None,
        show_permission_sets: Optional[bool] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[ExchangeInfoResult]:
        """Exchange information: `exchangeInfo` (NONE, weight 20), as a Future (see `Methods.exchange_info`)."""
        return self._named(
            "exchangeInfo",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "permissions": permissions,
                "show_permission_sets": show_permission_sets,
                "symbol_status": symbol_status,
            },
        )

    def execution_rules(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[ExecutionRulesResult]:
        """Query execution rules: `executionRules` (NONE, weight by parameters), as a Future (see `Methods.execution_rules`)."""
        return self._named(
            "executionRules",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "symbol_status": symbol_status,
            },
        )

    def depth(
        self,
        *,
        symbol: str,
        limit: Optional[int] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[DepthResult]:
        """Order book: `depth` (NONE, weight by parameters), as a Future (see `Methods.depth`)."""
        return self._named(
            "depth",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "limit": limit,
                "symbol_status": symbol_status,
            },
        )

    def trades_recent(
        self,
        *,
        symbol: str,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[TradesRecentResultItem]]:
        """Recent trades: `trades.recent` (NONE, weight 25), as a Future (see `Methods.trades_recent`)."""
        return self._named(
            "trades.recent",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "limit": limit,
            },
        )

    def trades_historical(
        self,
        *,
        symbol: str,
        from_id: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[TradesHistoricalResultItem]]:
        """Historical trades: `trades.historical` (NONE, weight 25), as a Future (see `Methods.trades_historical`)."""
        return self._named(
            "trades.historical",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "from_id": from_id,
                "limit": limit,
            },
        )

    def block_trades_historical(
        self,
        *,
        symbol: str,
        from_id: int,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[BlockTradesHistoricalResultItem]]:
        """Historical block trades: `blockTrades.historical` (NONE, weight 25), as a Future (see `Methods.block_trades_historical`)."""
        return self._named(
            "blockTrades.historical",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "from_id": from_id,
                "limit": limit,
            },
        )

    def trades_aggregate(
        self,
        *,
        symbol: str,
        from_id: Optional[int] = None,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[TradesAggregateResultItem]]:
        """Aggregate trades: `trades.aggregate` (NONE, weight 4), as a Future (see `Methods.trades_aggregate`)."""
        return self._named(
            "trades.aggregate",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "from_id": from_id,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
            },
        )

    def klines(
        self,
        *,
        symbol: str,
        interval: Literal["1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"],
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        time_zone: Optional[str] = None,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[list[Union[int, str]]]]:
        """Klines: `klines` (NONE, weight 2), as a Future (see `Methods.klines`)."""
        return self._named(
            "klines",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "interval": interval,
                "start_time": start_time,
                "end_time": end_time,
                "time_zone": time_zone,
                "limit": limit,
            },
        )

    def ui_klines(
        self,
        *,
        symbol: str,
        interval: Literal["1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"],
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        time_zone: Optional[str] = None,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[list[Union[int, str]]]]:
        """UI klines: `uiKlines` (NONE, weight 2), as a Future (see `Methods.ui_klines`)."""
        return self._named(
            "uiKlines",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "interval": interval,
                "start_time": start_time,
                "end_time": end_time,
                "time_zone": time_zone,
                "limit": limit,
            },
        )

    def avg_price(
        self,
        *,
        symbol: str,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[AvgPriceResult]:
        """Current average price: `avgPrice` (NONE, weight 2), as a Future (see `Methods.avg_price`)."""
        return self._named(
            "avgPrice",
            timeout,
            unknown,
            {
                "symbol": symbol,
            },
        )

    def ticker_24hr(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        type: Optional[Literal["FULL", "MINI"]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[Union[Ticker24hrResult, list[Ticker24hrResultItem]]]:
        """24hr ticker price change statistics: `ticker.24hr` (NONE, weight by parameters), as a Future (see `Methods.ticker_24hr`)."""
        return self._named(
            "ticker.24hr",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "type": type,
                "symbol_status": symbol_status,
            },
        )

    def ticker_trading_day(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        time_zone: Optional[str] = None,
        type: Optional[Literal["FULL", "MINI"]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[Union[TickerTradingDayResult, list[dict[str, Any]]]]:
        """Trading day ticker: `ticker.tradingDay` (NONE, weight by parameters), as a Future (see `Methods.ticker_trading_day`)."""
        return self._named(
            "ticker.tradingDay",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "time_zone": time_zone,
                "type": type,
                "symbol_status": symbol_status,
            },
        )

    def ticker(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        type: Optional[Literal["FULL", "MINI"]] = None,
        window_size: Optional[Literal["1m", "2m", "3m", "4m", "5m", "6m", "7m", "8m", "9m", "10m", "11m", "12m", "13m", "14m", "15m", "16m", "17m", "18m", "19m", "20m", "21m", "22m", "23m", "24m", "25m", "26m", "27m", "28m", "29m", "30m", "31m", "32m", "33m", "34m", "35m", "36m", "37m", "38m", "39m", "40m", "41m", "42m", "43m", "44m", "45m", "46m", "47m", "48m", "49m", "50m", "51m", "52m", "53m", "54m", "55m", "56m", "57m", "58m", "59m", "1h", "2h", "3h", "4h", "5h", "6h", "7h", "8h", "9h", "10h", "11h", "12h", "13h", "14h", "15h", "16h", "17h", "18h", "19h", "20h", "21h", "22h", "23h", "1d", "2d", "3d", "4d", "5d", "6d", "7d"]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[Union[TickerResult, list[TickerResultItem]]]:
        """Rolling window price change statistics: `ticker` (NONE, weight by parameters), as a Future (see `Methods.ticker`)."""
        return self._named(
            "ticker",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "type": type,
                "window_size": window_size,
                "symbol_status": symbol_status,
            },
        )

    def ticker_price(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[Union[TickerPriceResult, list[TickerPriceResultItem]]]:
        """Symbol price ticker: `ticker.price` (NONE, weight by parameters), as a Future (see `Methods.ticker_price`)."""
        return self._named(
            "ticker.price",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "symbol_status": symbol_status,
            },
        )

    def ticker_book(
        self,
        *,
        symbol: Optional[str] = None,
        symbols: Optional[Sequence[str]] = None,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[Union[TickerBookResult, list[TickerBookResultItem]]]:
        """Symbol order book ticker: `ticker.book` (NONE, weight by parameters), as a Future (see `Methods.ticker_book`)."""
        return self._named(
            "ticker.book",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbols": symbols,
                "symbol_status": symbol_status,
            },
        )

    def reference_price(
        self,
        *,
        symbol: str,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[ReferencePriceResult]:
        """Query reference price: `referencePrice` (NONE, weight 2), as a Future (see `Methods.reference_price`)."""
        return self._named(
            "referencePrice",
            timeout,
            unknown,
            {
                "symbol": symbol,
            },
        )

    def reference_price_calculation(
        self,
        *,
        symbol: str,
        symbol_status: Optional[Literal["TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"]] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[ReferencePriceCalculationResult]:
        """Query reference price calculation: `referencePrice.calculation` (NONE, weight 2), as a Future (see `Methods.reference_price_calculation`)."""
        return self._named(
            "referencePrice.calculation",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "symbol_status": symbol_status,
            },
        )

    def session_logon(
        self,
        *,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[SessionLogonResult]:
        """Log in with API key: `session.logon` (SIGNED, weight 2), as a Future (see `Methods.session_logon`)."""
        return self._named(
            "session.logon",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def session_status(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[SessionStatusResult]:
        """Query session status: `session.status` (NONE, weight 2), as a Future (see `Methods.session_status`)."""
        return self._named(
            "session.status",
            timeout,
            unknown,
            {},
        )

    def session_logout(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[SessionLogoutResult]:
        """Log out of the session: `session.logout` (NONE, weight 2), as a Future (see `Methods.session_logout`)."""
        return self._named(
            "session.logout",
            timeout,
            unknown,
            {},
        )

    def order_place(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Optional[Number] = None,
        quote_order_qty: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        stop_price: Optional[Number] = None,
        trailing_delta: Optional[int] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        peg_offset_value: Optional[int] = None,
        peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderPlaceResult]:
        """Place new order: `order.place` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_place`)."""
        return self._named(
            "order.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "quote_order_qty": quote_order_qty,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "stop_price": stop_price,
                "trailing_delta": trailing_delta,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "peg_price_type": peg_price_type,
                "peg_offset_value": peg_offset_value,
                "peg_offset_type": peg_offset_type,
                "recv_window": recv_window,
            },
        )

    def order_test(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Optional[Number] = None,
        quote_order_qty: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        stop_price: Optional[Number] = None,
        trailing_delta: Optional[int] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        peg_offset_value: Optional[int] = None,
        peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        compute_commission_rates: Optional[bool] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderTestResult]:
        """Test new order: `order.test` (TRADE, weight by parameters), as a Future (see `Methods.order_test`)."""
        return self._named(
            "order.test",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "quote_order_qty": quote_order_qty,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "stop_price": stop_price,
                "trailing_delta": trailing_delta,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "peg_price_type": peg_price_type,
                "peg_offset_value": peg_offset_value,
                "peg_offset_type": peg_offset_type,
                "compute_commission_rates": compute_commission_rates,
                "recv_window": recv_window,
            },
        )

    def order_cancel(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        new_client_order_id: Optional[str] = None,
        cancel_restrictions: Optional[Literal["ONLY_NEW", "ONLY_PARTIALLY_FILLED"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderCancelResult]:
        """Cancel order: `order.cancel` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_cancel`)."""
        return self._named(
            "order.cancel",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "new_client_order_id": new_client_order_id,
                "cancel_restrictions": cancel_restrictions,
                "recv_window": recv_window,
            },
        )

    def order_cancel_replace(
        self,
        *,
        symbol: str,
        cancel_replace_mode: Literal["STOP_ON_FAILURE", "ALLOW_FAILURE"],
        cancel_order_id: Optional[int] = None,
        cancel_orig_client_order_id: Optional[str] = None,
        cancel_new_client_order_id: Optional[str] = None,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Optional[Number] = None,
        quote_order_qty: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        stop_price: Optional[Number] = None,
        trailing_delta: Optional[int] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        peg_offset_value: Optional[int] = None,
        peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        cancel_restrictions: Optional[Literal["ONLY_NEW", "ONLY_PARTIALLY_FILLED"]] = None,
        order_rate_limit_exceeded_mode: Optional[Literal["DO_NOTHING", "CANCEL_ONLY"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderCancelReplaceResult]:
        """Cancel and replace order: `order.cancelReplace` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_cancel_replace`)."""
        return self._named(
            "order.cancelReplace",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "cancel_replace_mode": cancel_replace_mode,
                "cancel_order_id": cancel_order_id,
                "cancel_orig_client_order_id": cancel_orig_client_order_id,
                "cancel_new_client_order_id": cancel_new_client_order_id,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "quote_order_qty": quote_order_qty,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "stop_price": stop_price,
                "trailing_delta": trailing_delta,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "peg_price_type": peg_price_type,
                "peg_offset_value": peg_offset_value,
                "peg_offset_type": peg_offset_type,
                "cancel_restrictions": cancel_restrictions,
                "order_rate_limit_exceeded_mode": order_rate_limit_exceeded_mode,
                "recv_window": recv_window,
            },
        )

    def order_amend_keep_priority(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        new_client_order_id: Optional[str] = None,
        new_qty: Number,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderAmendKeepPriorityResult]:
        """Order amend keep priority: `order.amend.keepPriority` (TRADE, weight 4), as a Future (see `Methods.order_amend_keep_priority`)."""
        return self._named(
            "order.amend.keepPriority",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "new_client_order_id": new_client_order_id,
                "new_qty": new_qty,
                "recv_window": recv_window,
            },
        )

    def open_orders_cancel_all(
        self,
        *,
        symbol: str,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[dict[str, Any]]]:
        """Cancel open orders: `openOrders.cancelAll` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.open_orders_cancel_all`)."""
        return self._named(
            "openOrders.cancelAll",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def order_list_place(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        price: Number,
        quantity: Number,
        list_client_order_id: Optional[str] = None,
        limit_client_order_id: Optional[str] = None,
        limit_iceberg_qty: Optional[Number] = None,
        limit_strategy_id: Optional[int] = None,
        limit_strategy_type: Optional[int] = None,
        stop_price: Optional[Number] = None,
        trailing_delta: Optional[int] = None,
        stop_client_order_id: Optional[str] = None,
        stop_limit_price: Optional[Number] = None,
        stop_limit_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        stop_iceberg_qty: Optional[Number] = None,
        stop_strategy_id: Optional[int] = None,
        stop_strategy_type: Optional[int] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderListPlaceResult]:
        """Place new OCO (deprecated): `orderList.place` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_list_place`)."""
        return self._named(
            "orderList.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "price": price,
                "quantity": quantity,
                "list_client_order_id": list_client_order_id,
                "limit_client_order_id": limit_client_order_id,
                "limit_iceberg_qty": limit_iceberg_qty,
                "limit_strategy_id": limit_strategy_id,
                "limit_strategy_type": limit_strategy_type,
                "stop_price": stop_price,
                "trailing_delta": trailing_delta,
                "stop_client_order_id": stop_client_order_id,
                "stop_limit_price": stop_limit_price,
                "stop_limit_time_in_force": stop_limit_time_in_force,
                "stop_iceberg_qty": stop_iceberg_qty,
                "stop_strategy_id": stop_strategy_id,
                "stop_strategy_type": stop_strategy_type,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "recv_window": recv_window,
            },
        )

    def order_list_place_oco(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        side: Union[Side, Literal["BUY", "SELL"]],
        quantity: Number,
        above_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        above_client_order_id: Optional[str] = None,
        above_price: Optional[Number] = None,
        above_stop_price: Optional[Number] = None,
        above_trailing_delta: Optional[int] = None,
        above_iceberg_qty: Optional[Number] = None,
        above_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        above_strategy_id: Optional[int] = None,
        above_strategy_type: Optional[int] = None,
        above_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        above_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        above_peg_offset_value: Optional[int] = None,
        below_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        below_client_order_id: Optional[str] = None,
        below_price: Optional[Number] = None,
        below_stop_price: Optional[Number] = None,
        below_trailing_delta: Optional[int] = None,
        below_iceberg_qty: Optional[Number] = None,
        below_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        below_strategy_id: Optional[int] = None,
        below_strategy_type: Optional[int] = None,
        below_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        below_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        below_peg_offset_value: Optional[int] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderListPlaceOcoResult]:
        """Place new order list - OCO: `orderList.place.oco` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_list_place_oco`)."""
        return self._named(
            "orderList.place.oco",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "side": side,
                "quantity": quantity,
                "above_type": above_type,
                "above_client_order_id": above_client_order_id,
                "above_price": above_price,
                "above_stop_price": above_stop_price,
                "above_trailing_delta": above_trailing_delta,
                "above_iceberg_qty": above_iceberg_qty,
                "above_time_in_force": above_time_in_force,
                "above_strategy_id": above_strategy_id,
                "above_strategy_type": above_strategy_type,
                "above_peg_price_type": above_peg_price_type,
                "above_peg_offset_type": above_peg_offset_type,
                "above_peg_offset_value": above_peg_offset_value,
                "below_type": below_type,
                "below_client_order_id": below_client_order_id,
                "below_price": below_price,
                "below_stop_price": below_stop_price,
                "below_trailing_delta": below_trailing_delta,
                "below_iceberg_qty": below_iceberg_qty,
                "below_time_in_force": below_time_in_force,
                "below_strategy_id": below_strategy_id,
                "below_strategy_type": below_strategy_type,
                "below_peg_price_type": below_peg_price_type,
                "below_peg_offset_type": below_peg_offset_type,
                "below_peg_offset_value": below_peg_offset_value,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "recv_window": recv_window,
            },
        )

    def order_list_place_oto(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        working_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        working_side: Union[Side, Literal["BUY", "SELL"]],
        working_price: Number,
        working_quantity: Number,
        working_client_order_id: Optional[str] = None,
        working_iceberg_qty: Optional[Number] = None,
        working_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        working_strategy_id: Optional[int] = None,
        working_strategy_type: Optional[int] = None,
        working_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        working_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        working_peg_offset_value: Optional[int] = None,
        pending_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        pending_side: Union[Side, Literal["BUY", "SELL"]],
        pending_quantity: Number,
        pending_client_order_id: Optional[str] = None,
        pending_price: Optional[Number] = None,
        pending_stop_price: Optional[Number] = None,
        pending_trailing_delta: Optional[int] = None,
        pending_iceberg_qty: Optional[Number] = None,
        pending_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_strategy_id: Optional[int] = None,
        pending_strategy_type: Optional[int] = None,
        pending_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_peg_offset_value: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderListPlaceOtoResult]:
        """Place new order list - OTO: `orderList.place.oto` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_list_place_oto`)."""
        return self._named(
            "orderList.place.oto",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "working_type": working_type,
                "working_side": working_side,
                "working_price": working_price,
                "working_quantity": working_quantity,
                "working_client_order_id": working_client_order_id,
                "working_iceberg_qty": working_iceberg_qty,
                "working_time_in_force": working_time_in_force,
                "working_strategy_id": working_strategy_id,
                "working_strategy_type": working_strategy_type,
                "working_peg_price_type": working_peg_price_type,
                "working_peg_offset_type": working_peg_offset_type,
                "working_peg_offset_value": working_peg_offset_value,
                "pending_type": pending_type,
                "pending_side": pending_side,
                "pending_quantity": pending_quantity,
                "pending_client_order_id": pending_client_order_id,
                "pending_price": pending_price,
                "pending_stop_price": pending_stop_price,
                "pending_trailing_delta": pending_trailing_delta,
                "pending_iceberg_qty": pending_iceberg_qty,
                "pending_time_in_force": pending_time_in_force,
                "pending_strategy_id": pending_strategy_id,
                "pending_strategy_type": pending_strategy_type,
                "pending_peg_price_type": pending_peg_price_type,
                "pending_peg_offset_type": pending_peg_offset_type,
                "pending_peg_offset_value": pending_peg_offset_value,
                "recv_window": recv_window,
            },
        )

    def order_list_place_otoco(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        working_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        working_side: Union[Side, Literal["BUY", "SELL"]],
        working_price: Number,
        working_quantity: Number,
        working_client_order_id: Optional[str] = None,
        working_iceberg_qty: Optional[Number] = None,
        working_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        working_strategy_id: Optional[int] = None,
        working_strategy_type: Optional[int] = None,
        working_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        working_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        working_peg_offset_value: Optional[int] = None,
        pending_side: Union[Side, Literal["BUY", "SELL"]],
        pending_quantity: Number,
        pending_above_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        pending_above_client_order_id: Optional[str] = None,
        pending_above_price: Optional[Number] = None,
        pending_above_stop_price: Optional[Number] = None,
        pending_above_trailing_delta: Optional[int] = None,
        pending_above_iceberg_qty: Optional[Number] = None,
        pending_above_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_above_strategy_id: Optional[int] = None,
        pending_above_strategy_type: Optional[int] = None,
        pending_above_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_above_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_above_peg_offset_value: Optional[int] = None,
        pending_below_type: Optional[Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]]] = None,
        pending_below_client_order_id: Optional[str] = None,
        pending_below_price: Optional[Number] = None,
        pending_below_stop_price: Optional[Number] = None,
        pending_below_trailing_delta: Optional[int] = None,
        pending_below_iceberg_qty: Optional[Number] = None,
        pending_below_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_below_strategy_id: Optional[int] = None,
        pending_below_strategy_type: Optional[int] = None,
        pending_below_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_below_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_below_peg_offset_value: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderListPlaceOtocoResult]:
        """Place new order list - OTOCO: `orderList.place.otoco` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_list_place_otoco`)."""
        return self._named(
            "orderList.place.otoco",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "working_type": working_type,
                "working_side": working_side,
                "working_price": working_price,
                "working_quantity": working_quantity,
                "working_client_order_id": working_client_order_id,
                "working_iceberg_qty": working_iceberg_qty,
                "working_time_in_force": working_time_in_force,
                "working_strategy_id": working_strategy_id,
                "working_strategy_type": working_strategy_type,
                "working_peg_price_type": working_peg_price_type,
                "working_peg_offset_type": working_peg_offset_type,
                "working_peg_offset_value": working_peg_offset_value,
                "pending_side": pending_side,
                "pending_quantity": pending_quantity,
                "pending_above_type": pending_above_type,
                "pending_above_client_order_id": pending_above_client_order_id,
                "pending_above_price": pending_above_price,
                "pending_above_stop_price": pending_above_stop_price,
                "pending_above_trailing_delta": pending_above_trailing_delta,
                "pending_above_iceberg_qty": pending_above_iceberg_qty,
                "pending_above_time_in_force": pending_above_time_in_force,
                "pending_above_strategy_id": pending_above_strategy_id,
                "pending_above_strategy_type": pending_above_strategy_type,
                "pending_above_peg_price_type": pending_above_peg_price_type,
                "pending_above_peg_offset_type": pending_above_peg_offset_type,
                "pending_above_peg_offset_value": pending_above_peg_offset_value,
                "pending_below_type": pending_below_type,
                "pending_below_client_order_id": pending_below_client_order_id,
                "pending_below_price": pending_below_price,
                "pending_below_stop_price": pending_below_stop_price,
                "pending_below_trailing_delta": pending_below_trailing_delta,
                "pending_below_iceberg_qty": pending_below_iceberg_qty,
                "pending_below_time_in_force": pending_below_time_in_force,
                "pending_below_strategy_id": pending_below_strategy_id,
                "pending_below_strategy_type": pending_below_strategy_type,
                "pending_below_peg_price_type": pending_below_peg_price_type,
                "pending_below_peg_offset_type": pending_below_peg_offset_type,
                "pending_below_peg_offset_value": pending_below_peg_offset_value,
                "recv_window": recv_window,
            },
        )

    def order_list_place_opo(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        working_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        working_side: Union[Side, Literal["BUY", "SELL"]],
        working_price: Number,
        working_quantity: Number,
        working_client_order_id: Optional[str] = None,
        working_iceberg_qty: Optional[Number] = None,
        working_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        working_strategy_id: Optional[int] = None,
        working_strategy_type: Optional[int] = None,
        working_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        working_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        working_peg_offset_value: Optional[int] = None,
        pending_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        pending_side: Union[Side, Literal["BUY", "SELL"]],
        pending_client_order_id: Optional[str] = None,
        pending_price: Optional[Number] = None,
        pending_stop_price: Optional[Number] = None,
        pending_trailing_delta: Optional[int] = None,
        pending_iceberg_qty: Optional[Number] = None,
        pending_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_strategy_id: Optional[int] = None,
        pending_strategy_type: Optional[int] = None,
        pending_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_peg_offset_value: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderListPlaceOpoResult]:
        """Place new order list - OPO: `orderList.place.opo` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_list_place_opo`)."""
        return self._named(
            "orderList.place.opo",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "working_type": working_type,
                "working_side": working_side,
                "working_price": working_price,
                "working_quantity": working_quantity,
                "working_client_order_id": working_client_order_id,
                "working_iceberg_qty": working_iceberg_qty,
                "working_time_in_force": working_time_in_force,
                "working_strategy_id": working_strategy_id,
                "working_strategy_type": working_strategy_type,
                "working_peg_price_type": working_peg_price_type,
                "working_peg_offset_type": working_peg_offset_type,
                "working_peg_offset_value": working_peg_offset_value,
                "pending_type": pending_type,
                "pending_side": pending_side,
                "pending_client_order_id": pending_client_order_id,
                "pending_price": pending_price,
                "pending_stop_price": pending_stop_price,
                "pending_trailing_delta": pending_trailing_delta,
                "pending_iceberg_qty": pending_iceberg_qty,
                "pending_time_in_force": pending_time_in_force,
                "pending_strategy_id": pending_strategy_id,
                "pending_strategy_type": pending_strategy_type,
                "pending_peg_price_type": pending_peg_price_type,
                "pending_peg_offset_type": pending_peg_offset_type,
                "pending_peg_offset_value": pending_peg_offset_value,
                "recv_window": recv_window,
            },
        )

    def order_list_place_opoco(
        self,
        *,
        symbol: str,
        list_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        working_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        working_side: Union[Side, Literal["BUY", "SELL"]],
        working_price: Number,
        working_quantity: Number,
        working_client_order_id: Optional[str] = None,
        working_iceberg_qty: Optional[Number] = None,
        working_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        working_strategy_id: Optional[int] = None,
        working_strategy_type: Optional[int] = None,
        working_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        working_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        working_peg_offset_value: Optional[int] = None,
        pending_side: Union[Side, Literal["BUY", "SELL"]],
        pending_above_type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        pending_above_client_order_id: Optional[str] = None,
        pending_above_price: Optional[Number] = None,
        pending_above_stop_price: Optional[Number] = None,
        pending_above_trailing_delta: Optional[int] = None,
        pending_above_iceberg_qty: Optional[Number] = None,
        pending_above_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_above_strategy_id: Optional[int] = None,
        pending_above_strategy_type: Optional[int] = None,
        pending_above_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_above_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_above_peg_offset_value: Optional[int] = None,
        pending_below_type: Optional[Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]]] = None,
        pending_below_client_order_id: Optional[str] = None,
        pending_below_price: Optional[Number] = None,
        pending_below_stop_price: Optional[Number] = None,
        pending_below_trailing_delta: Optional[int] = None,
        pending_below_iceberg_qty: Optional[Number] = None,
        pending_below_time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        pending_below_strategy_id: Optional[int] = None,
        pending_below_strategy_type: Optional[int] = None,
        pending_below_peg_price_type: Optional[Literal["PRIMARY_PEG", "MARKET_PEG"]] = None,
        pending_below_peg_offset_type: Optional[Literal["PRICE_LEVEL"]] = None,
        pending_below_peg_offset_value: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderListPlaceOpocoResult]:
        """Place new order list - OPOCO: `orderList.place.opoco` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_list_place_opoco`)."""
        return self._named(
            "orderList.place.opoco",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "list_client_order_id": list_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "working_type": working_type,
                "working_side": working_side,
                "working_price": working_price,
                "working_quantity": working_quantity,
                "working_client_order_id": working_client_order_id,
                "working_iceberg_qty": working_iceberg_qty,
                "working_time_in_force": working_time_in_force,
                "working_strategy_id": working_strategy_id,
                "working_strategy_type": working_strategy_type,
                "working_peg_price_type": working_peg_price_type,
                "working_peg_offset_type": working_peg_offset_type,
                "working_peg_offset_value": working_peg_offset_value,
                "pending_side": pending_side,
                "pending_above_type": pending_above_type,
                "pending_above_client_order_id": pending_above_client_order_id,
                "pending_above_price": pending_above_price,
                "pending_above_stop_price": pending_above_stop_price,
                "pending_above_trailing_delta": pending_above_trailing_delta,
                "pending_above_iceberg_qty": pending_above_iceberg_qty,
                "pending_above_time_in_force": pending_above_time_in_force,
                "pending_above_strategy_id": pending_above_strategy_id,
                "pending_above_strategy_type": pending_above_strategy_type,
                "pending_above_peg_price_type": pending_above_peg_price_type,
                "pending_above_peg_offset_type": pending_above_peg_offset_type,
                "pending_above_peg_offset_value": pending_above_peg_offset_value,
                "pending_below_type": pending_below_type,
                "pending_below_client_order_id": pending_below_client_order_id,
                "pending_below_price": pending_below_price,
                "pending_below_stop_price": pending_below_stop_price,
                "pending_below_trailing_delta": pending_below_trailing_delta,
                "pending_below_iceberg_qty": pending_below_iceberg_qty,
                "pending_below_time_in_force": pending_below_time_in_force,
                "pending_below_strategy_id": pending_below_strategy_id,
                "pending_below_strategy_type": pending_below_strategy_type,
                "pending_below_peg_price_type": pending_below_peg_price_type,
                "pending_below_peg_offset_type": pending_below_peg_offset_type,
                "pending_below_peg_offset_value": pending_below_peg_offset_value,
                "recv_window": recv_window,
            },
        )

    def order_list_cancel(
        self,
        *,
        symbol: str,
        order_list_id: Optional[int] = None,
        list_client_order_id: Optional[str] = None,
        new_client_order_id: Optional[str] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderListCancelResult]:
        """Cancel order list: `orderList.cancel` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.order_list_cancel`)."""
        return self._named(
            "orderList.cancel",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_list_id": order_list_id,
                "list_client_order_id": list_client_order_id,
                "new_client_order_id": new_client_order_id,
                "recv_window": recv_window,
            },
        )

    def sor_order_place(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Number,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[SorOrderPlaceResultItem]]:
        """Place new order using SOR: `sor.order.place` (TRADE, weight 1; 0 when successful), as a Future (see `Methods.sor_order_place`)."""
        return self._named(
            "sor.order.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "recv_window": recv_window,
            },
        )

    def sor_order_test(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        type: Union[OrderType, Literal["LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"]],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        price: Optional[Number] = None,
        quantity: Number,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT", "FULL"]] = None,
        iceberg_qty: Optional[Number] = None,
        strategy_id: Optional[int] = None,
        strategy_type: Optional[int] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"]] = None,
        compute_commission_rates: Optional[bool] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[SorOrderTestResult]:
        """Test new order using SOR: `sor.order.test` (TRADE, weight by parameters), as a Future (see `Methods.sor_order_test`)."""
        return self._named(
            "sor.order.test",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "type": type,
                "time_in_force": time_in_force,
                "price": price,
                "quantity": quantity,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "iceberg_qty": iceberg_qty,
                "strategy_id": strategy_id,
                "strategy_type": strategy_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "compute_commission_rates": compute_commission_rates,
                "recv_window": recv_window,
            },
        )

    def account_status(
        self,
        *,
        omit_zero_balances: Optional[bool] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[AccountStatusResult]:
        """Account information: `account.status` (USER_DATA, weight 20), as a Future (see `Methods.account_status`)."""
        return self._named(
            "account.status",
            timeout,
            unknown,
            {
                "omit_zero_balances": omit_zero_balances,
                "recv_window": recv_window,
            },
        )

    def order_status(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderStatusResult]:
        """Query order: `order.status` (USER_DATA, weight 4), as a Future (see `Methods.order_status`)."""
        return self._named(
            "order.status",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "recv_window": recv_window,
            },
        )

    def open_orders_status(
        self,
        *,
        symbol: Optional[str] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[OpenOrdersStatusResultItem]]:
        """Current open orders: `openOrders.status` (USER_DATA, weight by parameters), as a Future (see `Methods.open_orders_status`)."""
        return self._named(
            "openOrders.status",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def all_orders(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[AllOrdersResultItem]]:
        """Account order history: `allOrders` (USER_DATA, weight 20), as a Future (see `Methods.all_orders`)."""
        return self._named(
            "allOrders",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def order_list_status(
        self,
        *,
        orig_client_order_id: Optional[str] = None,
        order_list_id: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[OrderListStatusResult]:
        """Query order list: `orderList.status` (USER_DATA, weight 4), as a Future (see `Methods.order_list_status`)."""
        return self._named(
            "orderList.status",
            timeout,
            unknown,
            {
                "orig_client_order_id": orig_client_order_id,
                "order_list_id": order_list_id,
                "recv_window": recv_window,
            },
        )

    def open_order_lists_status(
        self,
        *,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[OpenOrderListsStatusResultItem]]:
        """Current open order lists: `openOrderLists.status` (USER_DATA, weight 6), as a Future (see `Methods.open_order_lists_status`)."""
        return self._named(
            "openOrderLists.status",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def all_order_lists(
        self,
        *,
        from_id: Optional[int] = None,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[AllOrderListsResultItem]]:
        """Account order list history: `allOrderLists` (USER_DATA, weight 20), as a Future (see `Methods.all_order_lists`)."""
        return self._named(
            "allOrderLists",
            timeout,
            unknown,
            {
                "from_id": from_id,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def my_trades(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        from_id: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[MyTradesResultItem]]:
        """Account trade history: `myTrades` (USER_DATA, weight by parameters), as a Future (see `Methods.my_trades`)."""
        return self._named(
            "myTrades",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "start_time": start_time,
                "end_time": end_time,
                "from_id": from_id,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def account_rate_limits_orders(
        self,
        *,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[AccountRateLimitsOrdersResultItem]]:
        """Unfilled order count: `account.rateLimits.orders` (USER_DATA, weight 40), as a Future (see `Methods.account_rate_limits_orders`)."""
        return self._named(
            "account.rateLimits.orders",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def my_prevented_matches(
        self,
        *,
        symbol: str,
        prevented_match_id: Optional[int] = None,
        order_id: Optional[int] = None,
        from_prevented_match_id: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[MyPreventedMatchesResultItem]]:
        """Account prevented matches: `myPreventedMatches` (USER_DATA, weight by parameters), as a Future (see `Methods.my_prevented_matches`)."""
        return self._named(
            "myPreventedMatches",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "prevented_match_id": prevented_match_id,
                "order_id": order_id,
                "from_prevented_match_id": from_prevented_match_id,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def my_allocations(
        self,
        *,
        symbol: str,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        from_allocation_id: Optional[int] = None,
        limit: Optional[int] = None,
        order_id: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[MyAllocationsResultItem]]:
        """Account allocations: `myAllocations` (USER_DATA, weight 20), as a Future (see `Methods.my_allocations`)."""
        return self._named(
            "myAllocations",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "start_time": start_time,
                "end_time": end_time,
                "from_allocation_id": from_allocation_id,
                "limit": limit,
                "order_id": order_id,
                "recv_window": recv_window,
            },
        )

    def account_commission(
        self,
        *,
        symbol: str,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[AccountCommissionResult]:
        """Account commission rates: `account.commission` (USER_DATA, weight 20), as a Future (see `Methods.account_commission`)."""
        return self._named(
            "account.commission",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def order_amendments(
        self,
        *,
        symbol: str,
        order_id: int,
        from_execution_id: Optional[int] = None,
        limit: Optional[int] = None,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[OrderAmendmentsResultItem]]:
        """Query order amendments: `order.amendments` (USER_DATA, weight 4), as a Future (see `Methods.order_amendments`)."""
        return self._named(
            "order.amendments",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "from_execution_id": from_execution_id,
                "limit": limit,
                "recv_window": recv_window,
            },
        )

    def my_filters(
        self,
        *,
        symbol: str,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[MyFiltersResult]:
        """Query relevant filters: `myFilters` (USER_DATA, weight 40), as a Future (see `Methods.my_filters`)."""
        return self._named(
            "myFilters",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def user_data_stream_subscribe(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UserDataStreamSubscribeResult]:
        """Subscribe to the user data stream: `userDataStream.subscribe` (USER_STREAM, weight 2), as a Future (see `Methods.user_data_stream_subscribe`)."""
        return self._named(
            "userDataStream.subscribe",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_unsubscribe(
        self,
        *,
        subscription_id: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[dict[str, Any]]:
        """Unsubscribe from the user data stream: `userDataStream.unsubscribe` (NONE, weight 2), as a Future (see `Methods.user_data_stream_unsubscribe`)."""
        return self._named(
            "userDataStream.unsubscribe",
            timeout,
            unknown,
            {
                "subscription_id": subscription_id,
            },
        )

    def session_subscriptions(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[SessionSubscriptionsResultItem]]:
        """List all subscriptions: `session.subscriptions` (NONE, weight 2), as a Future (see `Methods.session_subscriptions`)."""
        return self._named(
            "session.subscriptions",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_subscribe_signature(
        self,
        *,
        recv_window: Optional[Number] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UserDataStreamSubscribeSignatureResult]:
        """Subscribe to the user data stream by signature: `userDataStream.subscribe.signature` (USER_STREAM, weight 2), as a Future (see `Methods.user_data_stream_subscribe_signature`)."""
        return self._named(
            "userDataStream.subscribe.signature",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )
