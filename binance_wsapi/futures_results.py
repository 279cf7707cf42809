"""The shape of each USDⓈ-M (``UM...``) and COIN-M (``CM...``) Futures method's
``result``, as TypedDicts. Generated from the response examples of the derivatives docs kept in
``tests/data/binance-derivatives-docs`` (``python -m binance_wsapi._generate``): do not edit.

For type checkers and editors only: at run time every result is a plain dict or list. Every
field is optional (``total=False``): the examples show fields that appear only in some answers
(by ``newOrderRespType``, position mode, Multi-Assets mode), and ``avgPrice``, ``cumQuote`` (UM)
and ``cumBase`` (CM) left the place, modify and cancel results in 2026-07; a TypedDict still
flags a misspelt key.
"""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = ["CMAccountBalanceResultItem", "CMAccountPositionResultItem", "CMAccountStatusResult", "CMAccountStatusResultAssetsItem", "CMAccountStatusResultPositionsItem", "CMOrderCancelResult", "CMOrderModifyResult", "CMOrderPlaceResult", "CMOrderStatusResult", "CMSessionLogonResult", "CMSessionLogoutResult", "CMSessionStatusResult", "CMUserDataStreamPingResult", "CMUserDataStreamStartResult", "UMAccountBalanceResultItem", "UMAccountBalanceV2ResultItem", "UMAccountPositionResultItem", "UMAccountPositionV2ResultItem", "UMAccountStatusResult", "UMAccountStatusResultAssetsItem", "UMAccountStatusResultPositionsItem", "UMAccountStatusV2Result", "UMAccountStatusV2ResultAssetsItem", "UMAccountStatusV2ResultPositionsItem", "UMAlgoOrderCancelResult", "UMAlgoOrderPlaceResult", "UMDepthResult", "UMOrderCancelResult", "UMOrderModifyResult", "UMOrderPlaceResult", "UMOrderStatusResult", "UMSessionLogonResult", "UMSessionLogoutResult", "UMSessionStatusResult", "UMTickerBookResult", "UMTickerBookResultItem", "UMTickerPriceResult", "UMTickerPriceResultItem", "UMUserDataStreamPingResult", "UMUserDataStreamStartResult"]


class UMSessionLogonResult(TypedDict, total=False):
    apiKey: str
    authorizedSince: int
    connectedSince: int
    returnRateLimits: bool
    serverTime: int


class UMSessionStatusResult(TypedDict, total=False):
    apiKey: str
    authorizedSince: int
    connectedSince: int
    returnRateLimits: bool
    serverTime: int


class UMSessionLogoutResult(TypedDict, total=False):
    apiKey: Any
    authorizedSince: Any
    connectedSince: int
    returnRateLimits: bool
    serverTime: int


class UMDepthResult(TypedDict, total=False):
    lastUpdateId: int
    E: int
    T: int
    bids: list[list[str]]
    asks: list[list[str]]


class UMTickerPriceResult(TypedDict, total=False):
    symbol: str
    price: str
    time: int


class UMTickerPriceResultItem(TypedDict, total=False):
    symbol: str
    price: str
    time: int


class UMTickerBookResult(TypedDict, total=False):
    lastUpdateId: int
    symbol: str
    bidPrice: str
    bidQty: str
    askPrice: str
    askQty: str
    time: int


class UMTickerBookResultItem(TypedDict, total=False):
    lastUpdateId: int
    symbol: str
    bidPrice: str
    bidQty: str
    askPrice: str
    askQty: str
    time: int


class UMOrderPlaceResult(TypedDict, total=False):
    orderId: int
    symbol: str
    status: str
    clientOrderId: str
    price: str
    avgPrice: str
    origQty: str
    executedQty: str
    cumQty: str
    cumQuote: str
    timeInForce: str
    type: str
    reduceOnly: bool
    closePosition: bool
    side: str
    positionSide: str
    stopPrice: str
    workingType: str
    priceProtect: bool
    origType: str
    priceMatch: str
    selfTradePreventionMode: str
    goodTillDate: int
    updateTime: int


class UMOrderModifyResult(TypedDict, total=False):
    orderId: int
    symbol: str
    status: str
    clientOrderId: str
    price: str
    avgPrice: str
    origQty: str
    executedQty: str
    cumQty: str
    cumQuote: str
    timeInForce: str
    type: str
    reduceOnly: bool
    closePosition: bool
    side: str
    positionSide: str
    stopPrice: str
    workingType: str
    priceProtect: bool
    origType: str
    priceMatch: str
    selfTradePreventionMode: str
    goodTillDate: int
    updateTime: int


class UMOrderCancelResult(TypedDict, total=False):
    clientOrderId: str
    cumQty: str
    cumQuote: str
    executedQty: str
    orderId: int
    origQty: str
    origType: str
    price: str
    reduceOnly: bool
    side: str
    positionSide: str
    status: str
    stopPrice: str
    closePosition: bool
    symbol: str
    timeInForce: str
    type: str
    activatePrice: str
    priceRate: str
    updateTime: int
    workingType: str
    priceProtect: bool
    priceMatch: str
    selfTradePreventionMode: str
    goodTillDate: int


class UMOrderStatusResult(TypedDict, total=False):
    avgPrice: str
    clientOrderId: str
    cumQuote: str
    executedQty: str
    orderId: int
    origQty: str
    origType: str
    price: str
    reduceOnly: bool
    side: str
    positionSide: str
    status: str
    stopPrice: str
    closePosition: bool
    symbol: str
    time: int
    timeInForce: str
    type: str
    activatePrice: str
    priceRate: str
    updateTime: int
    workingType: str
    priceProtect: bool


class UMAlgoOrderPlaceResult(TypedDict, total=False):
    algoId: int
    clientAlgoId: str
    algoType: str
    orderType: str
    symbol: str
    side: str
    positionSide: str
    timeInForce: str
    quantity: str
    algoStatus: str
    triggerPrice: str
    price: str
    icebergQuantity: Any
    selfTradePreventionMode: str
    workingType: str
    priceMatch: str
    closePosition: bool
    priceProtect: bool
    reduceOnly: bool
    createTime: int
    updateTime: int
    triggerTime: int
    goodTillDate: int


class UMAlgoOrderCancelResult(TypedDict, total=False):
    algoId: int
    clientAlgoId: str
    code: str
    msg: str


class UMAccountPositionResultItem(TypedDict, total=False):
    entryPrice: str
    breakEvenPrice: str
    marginType: str
    isAutoAddMargin: str
    isolatedMargin: str
    leverage: str
    liquidationPrice: str
    markPrice: str
    maxNotionalValue: str
    positionAmt: str
    notional: str
    isolatedWallet: str
    symbol: str
    unRealizedProfit: str
    positionSide: str
    updateTime: int


class UMAccountPositionV2ResultItem(TypedDict, total=False):
    symbol: str
    positionSide: str
    positionAmt: str
    entryPrice: str
    breakEvenPrice: str
    markPrice: str
    unRealizedProfit: str
    liquidationPrice: str
    isolatedMargin: str
    notional: str
    marginAsset: str
    isolatedWallet: str
    initialMargin: str
    maintMargin: str
    positionInitialMargin: str
    openOrderInitialMargin: str
    adl: int
    bidNotional: str
    askNotional: str
    updateTime: int


class UMAccountBalanceResultItem(TypedDict, total=False):
    accountAlias: str
    asset: str
    balance: str
    crossWalletBalance: str
    crossUnPnl: str
    availableBalance: str
    maxWithdrawAmount: str
    marginAvailable: bool
    updateTime: int


class UMAccountBalanceV2ResultItem(TypedDict, total=False):
    accountAlias: str
    asset: str
    balance: str
    crossWalletBalance: str
    crossUnPnl: str
    availableBalance: str
    maxWithdrawAmount: str
    marginAvailable: bool
    updateTime: int


class UMAccountStatusResultAssetsItem(TypedDict, total=False):
    asset: str
    walletBalance: str
    unrealizedProfit: str
    marginBalance: str
    maintMargin: str
    initialMargin: str
    positionInitialMargin: str
    openOrderInitialMargin: str
    crossWalletBalance: str
    crossUnPnl: str
    availableBalance: str
    maxWithdrawAmount: str
    marginAvailable: bool
    updateTime: int


class UMAccountStatusResultPositionsItem(TypedDict, total=False):
    symbol: str
    initialMargin: str
    maintMargin: str
    unrealizedProfit: str
    positionInitialMargin: str
    openOrderInitialMargin: str
    leverage: str
    isolated: bool
    entryPrice: str
    maxNotional: str
    bidNotional: str
    askNotional: str
    positionSide: str
    positionAmt: str
    updateTime: int
    breakEvenPrice: str


class UMAccountStatusResult(TypedDict, total=False):
    feeTier: int
    canTrade: bool
    canDeposit: bool
    canWithdraw: bool
    updateTime: int
    multiAssetsMargin: bool
    tradeGroupId: int
    totalInitialMargin: str
    totalMaintMargin: str
    totalWalletBalance: str
    totalUnrealizedProfit: str
    totalMarginBalance: str
    totalPositionInitialMargin: str
    totalOpenOrderInitialMargin: str
    totalCrossWalletBalance: str
    totalCrossUnPnl: str
    availableBalance: str
    maxWithdrawAmount: str
    assets: list[UMAccountStatusResultAssetsItem]
    positions: list[UMAccountStatusResultPositionsItem]


class UMAccountStatusV2ResultAssetsItem(TypedDict, total=False):
    asset: str
    walletBalance: str
    unrealizedProfit: str
    marginBalance: str
    maintMargin: str
    initialMargin: str
    positionInitialMargin: str
    openOrderInitialMargin: str
    crossWalletBalance: str
    crossUnPnl: str
    availableBalance: str
    maxWithdrawAmount: str
    updateTime: int
    marginAvailable: bool


class UMAccountStatusV2ResultPositionsItem(TypedDict, total=False):
    symbol: str
    positionSide: str
    positionAmt: str
    unrealizedProfit: str
    isolatedMargin: str
    notional: str
    isolatedWallet: str
    initialMargin: str
    maintMargin: str
    updateTime: int


class UMAccountStatusV2Result(TypedDict, total=False):
    totalInitialMargin: str
    totalMaintMargin: str
    totalWalletBalance: str
    totalUnrealizedProfit: str
    totalMarginBalance: str
    totalPositionInitialMargin: str
    totalOpenOrderInitialMargin: str
    totalCrossWalletBalance: str
    totalCrossUnPnl: str
    availableBalance: str
    maxWithdrawAmount: str
    assets: list[UMAccountStatusV2ResultAssetsItem]
    positions: list[UMAccountStatusV2ResultPositionsItem]


class UMUserDataStreamStartResult(TypedDict, total=False):
    listenKey: str


class UMUserDataStreamPingResult(TypedDict, total=False):
    listenKey: str


class CMSessionLogonResult(TypedDict, total=False):
    apiKey: str
    authorizedSince: int
    connectedSince: int
    returnRateLimits: bool
    serverTime: int


class CMSessionStatusResult(TypedDict, total=False):
    apiKey: str
    authorizedSince: int
    connectedSince: int
    returnRateLimits: bool
    serverTime: int


class CMSessionLogoutResult(TypedDict, total=False):
    apiKey: Any
    authorizedSince: Any
    connectedSince: int
    returnRateLimits: bool
    serverTime: int


class CMOrderPlaceResult(TypedDict, total=False):
    orderId: int
    symbol: str
    pair: str
    status: str
    clientOrderId: str
    price: str
    avgPrice: str
    origQty: str
    executedQty: str
    cumQty: str
    cumBase: str
    timeInForce: str
    type: str
    reduceOnly: bool
    closePosition: bool
    side: str
    positionSide: str
    stopPrice: str
    workingType: str
    priceProtect: bool
    origType: str
    updateTime: int


class CMOrderModifyResult(TypedDict, total=False):
    orderId: int
    symbol: str
    pair: str
    status: str
    clientOrderId: str
    price: str
    avgPrice: str
    origQty: str
    executedQty: str
    cumQty: str
    cumBase: str
    timeInForce: str
    type: str
    reduceOnly: bool
    closePosition: bool
    side: str
    positionSide: str
    stopPrice: str
    workingType: str
    priceProtect: bool
    origType: str
    updateTime: int


class CMOrderCancelResult(TypedDict, total=False):
    orderId: int
    symbol: str
    pair: str
    status: str
    clientOrderId: str
    price: str
    avgPrice: str
    origQty: str
    executedQty: str
    cumQty: str
    cumBase: str
    timeInForce: str
    type: str
    reduceOnly: bool
    closePosition: bool
    side: str
    positionSide: str
    stopPrice: str
    workingType: str
    priceProtect: bool
    origType: str
    updateTime: int


class CMOrderStatusResult(TypedDict, total=False):
    orderId: int
    symbol: str
    pair: str
    status: str
    clientOrderId: str
    price: str
    avgPrice: str
    origQty: str
    executedQty: str
    cumBase: str
    timeInForce: str
    type: str
    reduceOnly: bool
    closePosition: bool
    side: str
    positionSide: str
    stopPrice: str
    workingType: str
    priceProtect: bool
    origType: str
    selfTradePreventionMode: str
    time: int
    updateTime: int
    priceMatch: str


class CMAccountPositionResultItem(TypedDict, total=False):
    symbol: str
    positionAmt: str
    entryPrice: str
    markPrice: str
    unRealizedProfit: str
    liquidationPrice: str
    leverage: str
    maxQty: str
    marginType: str
    isolatedMargin: str
    isAutoAddMargin: str
    positionSide: str
    notionalValue: str
    isolatedWallet: str
    updateTime: int
    breakEvenPrice: str


class CMAccountBalanceResultItem(TypedDict, total=False):
    accountAlias: str
    asset: str
    balance: str
    withdrawAvailable: str
    crossWalletBalance: str
    crossUnPnl: str
    availableBalance: str
    updateTime: int


class CMAccountStatusResultAssetsItem(TypedDict, total=False):
    asset: str
    walletBalance: str
    unrealizedProfit: str
    marginBalance: str
    maintMargin: str
    initialMargin: str
    positionInitialMargin: str
    openOrderInitialMargin: str
    maxWithdrawAmount: str
    crossWalletBalance: str
    crossUnPnl: str
    availableBalance: str
    updateTime: int


class CMAccountStatusResultPositionsItem(TypedDict, total=False):
    symbol: str
    initialMargin: str
    maintMargin: str
    unrealizedProfit: str
    positionInitialMargin: str
    openOrderInitialMargin: str
    leverage: str
    isolated: bool
    positionSide: str
    entryPrice: str
    maxQty: str
    notionalValue: str
    isolatedWallet: str
    updateTime: int
    positionAmt: str
    breakEvenPrice: str


class CMAccountStatusResult(TypedDict, total=False):
    feeTier: int
    canTrade: bool
    canDeposit: bool
    canWithdraw: bool
    updateTime: int
    assets: list[CMAccountStatusResultAssetsItem]
    positions: list[CMAccountStatusResultPositionsItem]


class CMUserDataStreamStartResult(TypedDict, total=False):
    listenKey: str


class CMUserDataStreamPingResult(TypedDict, total=False):
    listenKey: str
