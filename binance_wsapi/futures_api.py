# mypy: disable-error-code="no-any-return"
"""The named methods of the USDⓈ-M and COIN-M Futures WebSocket APIs. Generated from
`futures_methods.py`: do not edit.

Run ``python -m binance_wsapi._generate`` after changing the method tables.

`UMFuturesClient` inherits `UMMethods` and `CMFuturesClient` `CMMethods`, whose blocking methods
return the response's ``result``, typed by `futures_results.py`; their ``futures`` twins are
`UMFutureMethods` and `CMFutureMethods`, returning a `concurrent.futures.Future` of it.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any, Literal, Mapping, NoReturn, Optional, Union

from .api import Number, TimeoutArg
from .config import USE_CLIENT_DEFAULT
from .enums import Side, TimeInForce
from .futures_results import (
    CMAccountBalanceResultItem,
    CMAccountPositionResultItem,
    CMAccountStatusResult,
    CMOrderCancelResult,
    CMOrderModifyResult,
    CMOrderPlaceResult,
    CMOrderStatusResult,
    CMSessionLogonResult,
    CMSessionLogoutResult,
    CMSessionStatusResult,
    CMUserDataStreamPingResult,
    CMUserDataStreamStartResult,
    UMAccountBalanceResultItem,
    UMAccountBalanceV2ResultItem,
    UMAccountPositionResultItem,
    UMAccountPositionV2ResultItem,
    UMAccountStatusResult,
    UMAccountStatusV2Result,
    UMAlgoOrderCancelResult,
    UMAlgoOrderPlaceResult,
    UMDepthResult,
    UMOrderCancelResult,
    UMOrderModifyResult,
    UMOrderPlaceResult,
    UMOrderStatusResult,
    UMSessionLogonResult,
    UMSessionLogoutResult,
    UMSessionStatusResult,
    UMTickerBookResult,
    UMTickerBookResultItem,
    UMTickerPriceResult,
    UMTickerPriceResultItem,
    UMUserDataStreamPingResult,
    UMUserDataStreamStartResult,
)

__all__ = ["CMFutureMethods", "CMMethods", "UMFutureMethods", "UMMethods"]


class UMMethods:
    """Every USDⓈ-M Futures WebSocket API method by its snake_case name, blocking; `_named` does the work."""

    __slots__ = ()

    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def session_logon(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMSessionLogonResult:
        """Log in with API key: `session.logon` (SIGNED, weight 2)."""
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
    ) -> UMSessionStatusResult:
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
    ) -> UMSessionLogoutResult:
        """Log out of the session: `session.logout` (NONE, weight 2)."""
        return self._named(
            "session.logout",
            timeout,
            unknown,
            {},
        )

    def depth(
        self,
        *,
        symbol: str,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMDepthResult:
        """Order book: `depth` (NONE, weight by parameters).

        Weight: 2 for limit 5, 10, 20 or 50; 5 for 100; 10 for 500 (the default); 20 for 1000.
        """
        return self._named(
            "depth",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "limit": limit,
            },
        )

    def ticker_price(
        self,
        *,
        symbol: Optional[str] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Union[UMTickerPriceResult, list[UMTickerPriceResultItem]]:
        """Symbol price ticker: `ticker.price` (NONE, weight by parameters).

        Weight: 1 for a single symbol, 2 when `symbol` is omitted.
        """
        return self._named(
            "ticker.price",
            timeout,
            unknown,
            {
                "symbol": symbol,
            },
        )

    def ticker_book(
        self,
        *,
        symbol: Optional[str] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Union[UMTickerBookResult, list[UMTickerBookResultItem]]:
        """Symbol order book ticker: `ticker.book` (NONE, weight by parameters).

        Weight: 2 for a single symbol, 5 when `symbol` is omitted.
        """
        return self._named(
            "ticker.book",
            timeout,
            unknown,
            {
                "symbol": symbol,
            },
        )

    def order_place(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        position_side: Optional[Literal["BOTH", "LONG", "SHORT"]] = None,
        type: Literal["LIMIT", "MARKET"],
        time_in_force: Optional[Literal["GTC", "IOC", "FOK", "GTX", "GTD", "RPI"]] = None,
        quantity: Optional[Number] = None,
        reduce_only: Optional[Literal["true", "false"]] = None,
        price: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT"]] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"]] = None,
        good_till_date: Optional[int] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMOrderPlaceResult:
        """New order: `order.place` (TRADE, weight 0).

        Counts 1 against the account's order rate limits.
        `new_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        """
        return self._named(
            "order.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "position_side": position_side,
                "type": type,
                "time_in_force": time_in_force,
                "quantity": quantity,
                "reduce_only": reduce_only,
                "price": price,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "price_match": price_match,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "good_till_date": good_till_date,
                "recv_window": recv_window,
            },
        )

    def order_modify(
        self,
        *,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        quantity: Number,
        price: Optional[Number] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        modify_id: Optional[int] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMOrderModifyResult:
        """Modify order: `order.modify` (TRADE, weight 0).

        Counts 1 against the account's order rate limits.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        """
        return self._named(
            "order.modify",
            timeout,
            unknown,
            {
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "symbol": symbol,
                "side": side,
                "quantity": quantity,
                "price": price,
                "price_match": price_match,
                "modify_id": modify_id,
                "recv_window": recv_window,
            },
        )

    def order_cancel(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMOrderCancelResult:
        """Cancel order: `order.cancel` (TRADE, weight 1).

        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        """
        return self._named(
            "order.cancel",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "recv_window": recv_window,
            },
        )

    def order_status(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMOrderStatusResult:
        """Query order: `order.status` (USER_DATA, weight 1).

        Signed by the client; `recv_window` overrides the client's for this call.
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

    def algo_order_place(
        self,
        *,
        algo_type: Literal["CONDITIONAL"],
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        position_side: Optional[Literal["BOTH", "LONG", "SHORT"]] = None,
        type: Literal["STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        quantity: Optional[Number] = None,
        price: Optional[Number] = None,
        trigger_price: Optional[Number] = None,
        working_type: Optional[Literal["MARK_PRICE", "CONTRACT_PRICE"]] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "OPPONENT_10", "OPPONENT_20", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        close_position: Optional[Literal["true", "false"]] = None,
        price_protect: Optional[Literal["true", "false"]] = None,
        reduce_only: Optional[Literal["true", "false"]] = None,
        activate_price: Optional[Number] = None,
        callback_rate: Optional[Number] = None,
        client_algo_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"]] = None,
        good_till_date: Optional[int] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMAlgoOrderPlaceResult:
        """New algo order: `algoOrder.place` (TRADE, weight 0).

        `client_algo_id` is generated when not given, so the order can be looked up if its outcome is
        unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        """
        return self._named(
            "algoOrder.place",
            timeout,
            unknown,
            {
                "algo_type": algo_type,
                "symbol": symbol,
                "side": side,
                "position_side": position_side,
                "type": type,
                "time_in_force": time_in_force,
                "quantity": quantity,
                "price": price,
                "trigger_price": trigger_price,
                "working_type": working_type,
                "price_match": price_match,
                "close_position": close_position,
                "price_protect": price_protect,
                "reduce_only": reduce_only,
                "activate_price": activate_price,
                "callback_rate": callback_rate,
                "client_algo_id": client_algo_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "good_till_date": good_till_date,
                "recv_window": recv_window,
            },
        )

    def algo_order_cancel(
        self,
        *,
        algo_id: Optional[int] = None,
        client_algo_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMAlgoOrderCancelResult:
        """Cancel algo order: `algoOrder.cancel` (TRADE, weight 1).

        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        """
        return self._named(
            "algoOrder.cancel",
            timeout,
            unknown,
            {
                "algo_id": algo_id,
                "client_algo_id": client_algo_id,
                "recv_window": recv_window,
            },
        )

    def account_position(
        self,
        *,
        symbol: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[UMAccountPositionResultItem]:
        """Position information: `account.position` (USER_DATA, weight 5).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "account.position",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def account_position_v2(
        self,
        *,
        symbol: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[UMAccountPositionV2ResultItem]:
        """Position information V2: `v2/account.position` (USER_DATA, weight 5).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "v2/account.position",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def account_balance(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[UMAccountBalanceResultItem]:
        """Futures account balance: `account.balance` (USER_DATA, weight 5).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "account.balance",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def account_balance_v2(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[UMAccountBalanceV2ResultItem]:
        """Futures account balance V2: `v2/account.balance` (USER_DATA, weight 5).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "v2/account.balance",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def account_status(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMAccountStatusResult:
        """Account information: `account.status` (USER_DATA, weight 5).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "account.status",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def account_status_v2(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMAccountStatusV2Result:
        """Account information V2: `v2/account.status` (USER_DATA, weight 5).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "v2/account.status",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def user_data_stream_start(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMUserDataStreamStartResult:
        """Start user data stream: `userDataStream.start` (USER_STREAM, weight 1).

        Carries the API key (not on a connection logged on with `session.logon`); not signed.
        """
        return self._named(
            "userDataStream.start",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_ping(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> UMUserDataStreamPingResult:
        """Keepalive user data stream: `userDataStream.ping` (USER_STREAM, weight 1).

        Carries the API key (not on a connection logged on with `session.logon`); not signed.
        """
        return self._named(
            "userDataStream.ping",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_stop(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> dict[str, Any]:
        """Close user data stream: `userDataStream.stop` (USER_STREAM, weight 1).

        Carries the API key (not on a connection logged on with `session.logon`); not signed.
        """
        return self._named(
            "userDataStream.stop",
            timeout,
            unknown,
            {},
        )


class UMFutureMethods:
    """Every USDⓈ-M Futures WebSocket API method by its snake_case name, returning a Future; `_named` does the work."""

    __slots__ = ()

    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any]) -> Future[Any]:
        raise NotImplementedError

    def session_logon(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMSessionLogonResult]:
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
    ) -> Future[UMSessionStatusResult]:
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
    ) -> Future[UMSessionLogoutResult]:
        """Log out of the session: `session.logout` (NONE, weight 2), as a Future (see `Methods.session_logout`)."""
        return self._named(
            "session.logout",
            timeout,
            unknown,
            {},
        )

    def depth(
        self,
        *,
        symbol: str,
        limit: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMDepthResult]:
        """Order book: `depth` (NONE, weight by parameters), as a Future (see `Methods.depth`)."""
        return self._named(
            "depth",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "limit": limit,
            },
        )

    def ticker_price(
        self,
        *,
        symbol: Optional[str] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[Union[UMTickerPriceResult, list[UMTickerPriceResultItem]]]:
        """Symbol price ticker: `ticker.price` (NONE, weight by parameters), as a Future (see `Methods.ticker_price`)."""
        return self._named(
            "ticker.price",
            timeout,
            unknown,
            {
                "symbol": symbol,
            },
        )

    def ticker_book(
        self,
        *,
        symbol: Optional[str] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[Union[UMTickerBookResult, list[UMTickerBookResultItem]]]:
        """Symbol order book ticker: `ticker.book` (NONE, weight by parameters), as a Future (see `Methods.ticker_book`)."""
        return self._named(
            "ticker.book",
            timeout,
            unknown,
            {
                "symbol": symbol,
            },
        )

    def order_place(
        self,
        *,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        position_side: Optional[Literal["BOTH", "LONG", "SHORT"]] = None,
        type: Literal["LIMIT", "MARKET"],
        time_in_force: Optional[Literal["GTC", "IOC", "FOK", "GTX", "GTD", "RPI"]] = None,
        quantity: Optional[Number] = None,
        reduce_only: Optional[Literal["true", "false"]] = None,
        price: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT"]] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"]] = None,
        good_till_date: Optional[int] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMOrderPlaceResult]:
        """New order: `order.place` (TRADE, weight 0), as a Future (see `Methods.order_place`)."""
        return self._named(
            "order.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "position_side": position_side,
                "type": type,
                "time_in_force": time_in_force,
                "quantity": quantity,
                "reduce_only": reduce_only,
                "price": price,
                "new_client_order_id": new_client_order_id,
                "new_order_resp_type": new_order_resp_type,
                "price_match": price_match,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "good_till_date": good_till_date,
                "recv_window": recv_window,
            },
        )

    def order_modify(
        self,
        *,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        quantity: Number,
        price: Optional[Number] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        modify_id: Optional[int] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMOrderModifyResult]:
        """Modify order: `order.modify` (TRADE, weight 0), as a Future (see `Methods.order_modify`)."""
        return self._named(
            "order.modify",
            timeout,
            unknown,
            {
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "symbol": symbol,
                "side": side,
                "quantity": quantity,
                "price": price,
                "price_match": price_match,
                "modify_id": modify_id,
                "recv_window": recv_window,
            },
        )

    def order_cancel(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMOrderCancelResult]:
        """Cancel order: `order.cancel` (TRADE, weight 1), as a Future (see `Methods.order_cancel`)."""
        return self._named(
            "order.cancel",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "recv_window": recv_window,
            },
        )

    def order_status(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMOrderStatusResult]:
        """Query order: `order.status` (USER_DATA, weight 1), as a Future (see `Methods.order_status`)."""
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

    def algo_order_place(
        self,
        *,
        algo_type: Literal["CONDITIONAL"],
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        position_side: Optional[Literal["BOTH", "LONG", "SHORT"]] = None,
        type: Literal["STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"],
        time_in_force: Optional[Union[TimeInForce, Literal["GTC", "IOC", "FOK"]]] = None,
        quantity: Optional[Number] = None,
        price: Optional[Number] = None,
        trigger_price: Optional[Number] = None,
        working_type: Optional[Literal["MARK_PRICE", "CONTRACT_PRICE"]] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "OPPONENT_10", "OPPONENT_20", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        close_position: Optional[Literal["true", "false"]] = None,
        price_protect: Optional[Literal["true", "false"]] = None,
        reduce_only: Optional[Literal["true", "false"]] = None,
        activate_price: Optional[Number] = None,
        callback_rate: Optional[Number] = None,
        client_algo_id: Optional[str] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"]] = None,
        good_till_date: Optional[int] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMAlgoOrderPlaceResult]:
        """New algo order: `algoOrder.place` (TRADE, weight 0), as a Future (see `Methods.algo_order_place`)."""
        return self._named(
            "algoOrder.place",
            timeout,
            unknown,
            {
                "algo_type": algo_type,
                "symbol": symbol,
                "side": side,
                "position_side": position_side,
                "type": type,
                "time_in_force": time_in_force,
                "quantity": quantity,
                "price": price,
                "trigger_price": trigger_price,
                "working_type": working_type,
                "price_match": price_match,
                "close_position": close_position,
                "price_protect": price_protect,
                "reduce_only": reduce_only,
                "activate_price": activate_price,
                "callback_rate": callback_rate,
                "client_algo_id": client_algo_id,
                "new_order_resp_type": new_order_resp_type,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "good_till_date": good_till_date,
                "recv_window": recv_window,
            },
        )

    def algo_order_cancel(
        self,
        *,
        algo_id: Optional[int] = None,
        client_algo_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMAlgoOrderCancelResult]:
        """Cancel algo order: `algoOrder.cancel` (TRADE, weight 1), as a Future (see `Methods.algo_order_cancel`)."""
        return self._named(
            "algoOrder.cancel",
            timeout,
            unknown,
            {
                "algo_id": algo_id,
                "client_algo_id": client_algo_id,
                "recv_window": recv_window,
            },
        )

    def account_position(
        self,
        *,
        symbol: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[UMAccountPositionResultItem]]:
        """Position information: `account.position` (USER_DATA, weight 5), as a Future (see `Methods.account_position`)."""
        return self._named(
            "account.position",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def account_position_v2(
        self,
        *,
        symbol: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[UMAccountPositionV2ResultItem]]:
        """Position information V2: `v2/account.position` (USER_DATA, weight 5), as a Future (see `Methods.account_position_v2`)."""
        return self._named(
            "v2/account.position",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "recv_window": recv_window,
            },
        )

    def account_balance(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[UMAccountBalanceResultItem]]:
        """Futures account balance: `account.balance` (USER_DATA, weight 5), as a Future (see `Methods.account_balance`)."""
        return self._named(
            "account.balance",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def account_balance_v2(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[UMAccountBalanceV2ResultItem]]:
        """Futures account balance V2: `v2/account.balance` (USER_DATA, weight 5), as a Future (see `Methods.account_balance_v2`)."""
        return self._named(
            "v2/account.balance",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def account_status(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMAccountStatusResult]:
        """Account information: `account.status` (USER_DATA, weight 5), as a Future (see `Methods.account_status`)."""
        return self._named(
            "account.status",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def account_status_v2(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMAccountStatusV2Result]:
        """Account information V2: `v2/account.status` (USER_DATA, weight 5), as a Future (see `Methods.account_status_v2`)."""
        return self._named(
            "v2/account.status",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def user_data_stream_start(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMUserDataStreamStartResult]:
        """Start user data stream: `userDataStream.start` (USER_STREAM, weight 1), as a Future (see `Methods.user_data_stream_start`)."""
        return self._named(
            "userDataStream.start",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_ping(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[UMUserDataStreamPingResult]:
        """Keepalive user data stream: `userDataStream.ping` (USER_STREAM, weight 1), as a Future (see `Methods.user_data_stream_ping`)."""
        return self._named(
            "userDataStream.ping",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_stop(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[dict[str, Any]]:
        """Close user data stream: `userDataStream.stop` (USER_STREAM, weight 1), as a Future (see `Methods.user_data_stream_stop`)."""
        return self._named(
            "userDataStream.stop",
            timeout,
            unknown,
            {},
        )


class CMMethods:
    """Every COIN-M Futures WebSocket API method by its snake_case name, blocking; `_named` does the work."""

    __slots__ = ()

    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def session_logon(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> CMSessionLogonResult:
        """Log in with API key: `session.logon` (SIGNED, weight 2)."""
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
    ) -> CMSessionStatusResult:
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
    ) -> CMSessionLogoutResult:
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
        position_side: Optional[Literal["BOTH", "LONG", "SHORT"]] = None,
        type: Literal["LIMIT", "MARKET"],
        time_in_force: Optional[Literal["GTC", "IOC", "FOK", "GTX"]] = None,
        quantity: Optional[Number] = None,
        reduce_only: Optional[Literal["true", "false"]] = None,
        price: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        stop_price: Optional[Number] = None,
        close_position: Optional[Literal["true", "false"]] = None,
        activation_price: Optional[Number] = None,
        callback_rate: Optional[Number] = None,
        working_type: Optional[Literal["MARK_PRICE", "CONTRACT_PRICE"]] = None,
        price_protect: Optional[Literal["true", "false"]] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT"]] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"]] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> CMOrderPlaceResult:
        """New order: `order.place` (TRADE, weight 0).

        Counts 1 against the account's order rate limits.
        `new_client_order_id` is generated when not given, so the order can be looked up if its outcome
        is unknown.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        """
        return self._named(
            "order.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "position_side": position_side,
                "type": type,
                "time_in_force": time_in_force,
                "quantity": quantity,
                "reduce_only": reduce_only,
                "price": price,
                "new_client_order_id": new_client_order_id,
                "stop_price": stop_price,
                "close_position": close_position,
                "activation_price": activation_price,
                "callback_rate": callback_rate,
                "working_type": working_type,
                "price_protect": price_protect,
                "new_order_resp_type": new_order_resp_type,
                "price_match": price_match,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "recv_window": recv_window,
            },
        )

    def order_modify(
        self,
        *,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        quantity: Number,
        price: Optional[Number] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        modify_id: Optional[int] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> CMOrderModifyResult:
        """Modify order: `order.modify` (TRADE, weight 1).

        Counts 1 against the account's order rate limits.
        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        """
        return self._named(
            "order.modify",
            timeout,
            unknown,
            {
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "symbol": symbol,
                "side": side,
                "quantity": quantity,
                "price": price,
                "price_match": price_match,
                "modify_id": modify_id,
                "recv_window": recv_window,
            },
        )

    def order_cancel(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> CMOrderCancelResult:
        """Cancel order: `order.cancel` (TRADE, weight 1).

        Signed by the client; `recv_window` overrides the client's for this call.
        Raises ExecutionStatusUnknown if it may have executed without a definitive answer.
        """
        return self._named(
            "order.cancel",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "recv_window": recv_window,
            },
        )

    def order_status(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> CMOrderStatusResult:
        """Query order: `order.status` (USER_DATA, weight 1).

        Signed by the client; `recv_window` overrides the client's for this call.
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

    def account_position(
        self,
        *,
        margin_asset: Optional[str] = None,
        pair: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[CMAccountPositionResultItem]:
        """Position information: `account.position` (USER_DATA, weight 5).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "account.position",
            timeout,
            unknown,
            {
                "margin_asset": margin_asset,
                "pair": pair,
                "recv_window": recv_window,
            },
        )

    def account_balance(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> list[CMAccountBalanceResultItem]:
        """Futures account balance: `account.balance` (USER_DATA, weight 5).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "account.balance",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def account_status(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> CMAccountStatusResult:
        """Account information: `account.status` (USER_DATA, weight 5).

        Signed by the client; `recv_window` overrides the client's for this call.
        """
        return self._named(
            "account.status",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def user_data_stream_start(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> CMUserDataStreamStartResult:
        """Start user data stream: `userDataStream.start` (USER_STREAM, weight 1).

        Carries the API key (not on a connection logged on with `session.logon`); not signed.
        """
        return self._named(
            "userDataStream.start",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_ping(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> CMUserDataStreamPingResult:
        """Keepalive user data stream: `userDataStream.ping` (USER_STREAM, weight 1).

        Carries the API key (not on a connection logged on with `session.logon`); not signed.
        """
        return self._named(
            "userDataStream.ping",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_stop(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> dict[str, Any]:
        """Close user data stream: `userDataStream.stop` (USER_STREAM, weight 1).

        Carries the API key (not on a connection logged on with `session.logon`); not signed.
        """
        return self._named(
            "userDataStream.stop",
            timeout,
            unknown,
            {},
        )


class CMFutureMethods:
    """Every COIN-M Futures WebSocket API method by its snake_case name, returning a Future; `_named` does the work."""

    __slots__ = ()

    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any]) -> Future[Any]:
        raise NotImplementedError

    def session_logon(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[CMSessionLogonResult]:
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
    ) -> Future[CMSessionStatusResult]:
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
    ) -> Future[CMSessionLogoutResult]:
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
        position_side: Optional[Literal["BOTH", "LONG", "SHORT"]] = None,
        type: Literal["LIMIT", "MARKET"],
        time_in_force: Optional[Literal["GTC", "IOC", "FOK", "GTX"]] = None,
        quantity: Optional[Number] = None,
        reduce_only: Optional[Literal["true", "false"]] = None,
        price: Optional[Number] = None,
        new_client_order_id: Optional[str] = None,
        stop_price: Optional[Number] = None,
        close_position: Optional[Literal["true", "false"]] = None,
        activation_price: Optional[Number] = None,
        callback_rate: Optional[Number] = None,
        working_type: Optional[Literal["MARK_PRICE", "CONTRACT_PRICE"]] = None,
        price_protect: Optional[Literal["true", "false"]] = None,
        new_order_resp_type: Optional[Literal["ACK", "RESULT"]] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        self_trade_prevention_mode: Optional[Literal["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"]] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[CMOrderPlaceResult]:
        """New order: `order.place` (TRADE, weight 0), as a Future (see `Methods.order_place`)."""
        return self._named(
            "order.place",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "side": side,
                "position_side": position_side,
                "type": type,
                "time_in_force": time_in_force,
                "quantity": quantity,
                "reduce_only": reduce_only,
                "price": price,
                "new_client_order_id": new_client_order_id,
                "stop_price": stop_price,
                "close_position": close_position,
                "activation_price": activation_price,
                "callback_rate": callback_rate,
                "working_type": working_type,
                "price_protect": price_protect,
                "new_order_resp_type": new_order_resp_type,
                "price_match": price_match,
                "self_trade_prevention_mode": self_trade_prevention_mode,
                "recv_window": recv_window,
            },
        )

    def order_modify(
        self,
        *,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        symbol: str,
        side: Union[Side, Literal["BUY", "SELL"]],
        quantity: Number,
        price: Optional[Number] = None,
        price_match: Optional[Literal["NONE", "OPPONENT", "OPPONENT_5", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"]] = None,
        modify_id: Optional[int] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[CMOrderModifyResult]:
        """Modify order: `order.modify` (TRADE, weight 1), as a Future (see `Methods.order_modify`)."""
        return self._named(
            "order.modify",
            timeout,
            unknown,
            {
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "symbol": symbol,
                "side": side,
                "quantity": quantity,
                "price": price,
                "price_match": price_match,
                "modify_id": modify_id,
                "recv_window": recv_window,
            },
        )

    def order_cancel(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[CMOrderCancelResult]:
        """Cancel order: `order.cancel` (TRADE, weight 1), as a Future (see `Methods.order_cancel`)."""
        return self._named(
            "order.cancel",
            timeout,
            unknown,
            {
                "symbol": symbol,
                "order_id": order_id,
                "orig_client_order_id": orig_client_order_id,
                "recv_window": recv_window,
            },
        )

    def order_status(
        self,
        *,
        symbol: str,
        order_id: Optional[int] = None,
        orig_client_order_id: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[CMOrderStatusResult]:
        """Query order: `order.status` (USER_DATA, weight 1), as a Future (see `Methods.order_status`)."""
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

    def account_position(
        self,
        *,
        margin_asset: Optional[str] = None,
        pair: Optional[str] = None,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[CMAccountPositionResultItem]]:
        """Position information: `account.position` (USER_DATA, weight 5), as a Future (see `Methods.account_position`)."""
        return self._named(
            "account.position",
            timeout,
            unknown,
            {
                "margin_asset": margin_asset,
                "pair": pair,
                "recv_window": recv_window,
            },
        )

    def account_balance(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[list[CMAccountBalanceResultItem]]:
        """Futures account balance: `account.balance` (USER_DATA, weight 5), as a Future (see `Methods.account_balance`)."""
        return self._named(
            "account.balance",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def account_status(
        self,
        *,
        recv_window: Optional[int] = None,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[CMAccountStatusResult]:
        """Account information: `account.status` (USER_DATA, weight 5), as a Future (see `Methods.account_status`)."""
        return self._named(
            "account.status",
            timeout,
            unknown,
            {
                "recv_window": recv_window,
            },
        )

    def user_data_stream_start(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[CMUserDataStreamStartResult]:
        """Start user data stream: `userDataStream.start` (USER_STREAM, weight 1), as a Future (see `Methods.user_data_stream_start`)."""
        return self._named(
            "userDataStream.start",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_ping(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[CMUserDataStreamPingResult]:
        """Keepalive user data stream: `userDataStream.ping` (USER_STREAM, weight 1), as a Future (see `Methods.user_data_stream_ping`)."""
        return self._named(
            "userDataStream.ping",
            timeout,
            unknown,
            {},
        )

    def user_data_stream_stop(
        self,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        **unknown: NoReturn,
    ) -> Future[dict[str, Any]]:
        """Close user data stream: `userDataStream.stop` (USER_STREAM, weight 1), as a Future (see `Methods.user_data_stream_stop`)."""
        return self._named(
            "userDataStream.stop",
            timeout,
            unknown,
            {},
        )
