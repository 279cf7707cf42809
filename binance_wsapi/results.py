"""The shape of each method's ``result``, as TypedDicts. Generated from the docs' response examples
(``python -m binance_wsapi._generate``): do not edit.

For type checkers and editors only: at run time every result is a plain dict or list. Every
field is optional (``total=False``): the docs' examples show fields that appear only in some
answers (by ``newOrderRespType``, by order type), and a TypedDict still flags a misspelt key.
"""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = ["AccountCommissionResult", "AccountCommissionResultDiscount", "AccountCommissionResultSpecialCommission", "AccountCommissionResultStandardCommission", "AccountCommissionResultTaxCommission", "AccountRateLimitsOrdersResultItem", "AccountStatusResult", "AccountStatusResultBalancesItem", "AccountStatusResultCommissionRates", "AllOrderListsResultItem", "AllOrderListsResultItemOrdersItem", "AllOrdersResultItem", "AvgPriceResult", "BlockTradesHistoricalResultItem", "DepthResult", "ExchangeInfoResult", "ExchangeInfoResultRateLimitsItem", "ExchangeInfoResultSorsItem", "ExchangeInfoResultSymbolsItem", "ExecutionRulesResult", "ExecutionRulesResultSymbolRulesItem", "ExecutionRulesResultSymbolRulesItemRulesItem", "MyAllocationsResultItem", "MyFiltersResult", "MyFiltersResultAssetFiltersItem", "MyFiltersResultExchangeFiltersItem", "MyFiltersResultSymbolFiltersItem", "MyPreventedMatchesResultItem", "MyTradesResultItem", "OpenOrderListsStatusResultItem", "OpenOrderListsStatusResultItemOrdersItem", "OpenOrdersStatusResultItem", "OrderAmendKeepPriorityResult", "OrderAmendKeepPriorityResultAmendedOrder", "OrderAmendKeepPriorityResultListStatus", "OrderAmendKeepPriorityResultListStatusOrdersItem", "OrderAmendmentsResultItem", "OrderCancelReplaceResult", "OrderCancelReplaceResultCancelResponse", "OrderCancelReplaceResultNewOrderResponse", "OrderCancelResult", "OrderCancelResultOrdersItem", "OrderListCancelResult", "OrderListCancelResultOrdersItem", "OrderListPlaceOcoResult", "OrderListPlaceOcoResultOrdersItem", "OrderListPlaceOpoResult", "OrderListPlaceOpoResultOrdersItem", "OrderListPlaceOpocoResult", "OrderListPlaceOpocoResultOrdersItem", "OrderListPlaceOtoResult", "OrderListPlaceOtoResultOrderReportsItem", "OrderListPlaceOtoResultOrdersItem", "OrderListPlaceOtocoResult", "OrderListPlaceOtocoResultOrdersItem", "OrderListPlaceResult", "OrderListPlaceResultOrdersItem", "OrderListStatusResult", "OrderListStatusResultOrdersItem", "OrderPlaceResult", "OrderPlaceResultFillsItem", "OrderStatusResult", "OrderTestResult", "OrderTestResultDiscount", "OrderTestResultSpecialCommissionForOrder", "OrderTestResultStandardCommissionForOrder", "OrderTestResultTaxCommissionForOrder", "ReferencePriceCalculationResult", "ReferencePriceResult", "SessionLogonResult", "SessionLogoutResult", "SessionStatusResult", "SessionSubscriptionsResultItem", "SorOrderPlaceResultItem", "SorOrderPlaceResultItemFillsItem", "SorOrderTestResult", "SorOrderTestResultDiscount", "SorOrderTestResultStandardCommissionForOrder", "SorOrderTestResultTaxCommissionForOrder", "Ticker24hrResult", "Ticker24hrResultItem", "TickerBookResult", "TickerBookResultItem", "TickerPriceResult", "TickerPriceResultItem", "TickerResult", "TickerResultItem", "TickerTradingDayResult", "TimeResult", "TradesAggregateResultItem", "TradesHistoricalResultItem", "TradesRecentResultItem", "UserDataStreamSubscribeResult", "UserDataStreamSubscribeSignatureResult"]


class TimeResult(TypedDict, total=False):
    serverTime: int


class ExchangeInfoResultRateLimitsItem(TypedDict, total=False):
    interval: str
    intervalNum: int
    limit: int
    rateLimitType: str


class ExchangeInfoResultSorsItem(TypedDict, total=False):
    baseAsset: str
    symbols: list[str]


class ExchangeInfoResultSymbolsItem(TypedDict, total=False):
    allowTrailingStop: bool
    allowedSelfTradePreventionModes: list[str]
    amendAllowed: bool
    baseAsset: str
    baseAssetPrecision: int
    baseCommissionPrecision: int
    cancelReplaceAllowed: bool
    defaultSelfTradePreventionMode: str
    filters: list[dict[str, Any]]
    icebergAllowed: bool
    isMarginTradingAllowed: bool
    isSpotTradingAllowed: bool
    ocoAllowed: bool
    opoAllowed: bool
    orderTypes: list[str]
    otoAllowed: bool
    pegInstructionsAllowed: bool
    permissionSets: list[list[str]]
    permissions: list[Any]
    quoteAsset: str
    quoteAssetPrecision: int
    quoteCommissionPrecision: int
    quoteOrderQtyMarketAllowed: bool
    quotePrecision: int
    status: str
    symbol: str


class ExchangeInfoResult(TypedDict, total=False):
    exchangeFilters: list[Any]
    rateLimits: list[ExchangeInfoResultRateLimitsItem]
    serverTime: int
    sors: list[ExchangeInfoResultSorsItem]
    symbols: list[ExchangeInfoResultSymbolsItem]
    timezone: str


class ExecutionRulesResultSymbolRulesItemRulesItem(TypedDict, total=False):
    askLimitMultDown: str
    askLimitMultUp: str
    bidLimitMultDown: str
    bidLimitMultUp: str
    ruleType: str


class ExecutionRulesResultSymbolRulesItem(TypedDict, total=False):
    rules: list[ExecutionRulesResultSymbolRulesItemRulesItem]
    symbol: str


class ExecutionRulesResult(TypedDict, total=False):
    symbolRules: list[ExecutionRulesResultSymbolRulesItem]


class DepthResult(TypedDict, total=False):
    asks: list[list[str]]
    bids: list[list[str]]
    lastUpdateId: int


class TradesRecentResultItem(TypedDict, total=False):
    id: int
    isBestMatch: bool
    isBuyerMaker: bool
    price: str
    qty: str
    quoteQty: str
    time: int


class TradesHistoricalResultItem(TypedDict, total=False):
    id: int
    isBestMatch: bool
    isBuyerMaker: bool
    price: str
    qty: str
    quoteQty: str
    time: int


class BlockTradesHistoricalResultItem(TypedDict, total=False):
    id: int
    isBuyerMaker: bool
    price: str
    qty: str
    quoteQty: str
    time: int


class TradesAggregateResultItem(TypedDict, total=False):
    M: bool
    T: int
    a: int
    f: int
    l: int
    m: bool
    p: str
    q: str


class AvgPriceResult(TypedDict, total=False):
    closeTime: int
    mins: int
    price: str


class Ticker24hrResult(TypedDict, total=False):
    askPrice: str
    askQty: str
    bidPrice: str
    bidQty: str
    closeTime: int
    count: int
    firstId: int
    highPrice: str
    lastId: int
    lastPrice: str
    lastQty: str
    lowPrice: str
    openPrice: str
    openTime: int
    prevClosePrice: str
    priceChange: str
    priceChangePercent: str
    quoteVolume: str
    symbol: str
    volume: str
    weightedAvgPrice: str


class Ticker24hrResultItem(TypedDict, total=False):
    askPrice: str
    askQty: str
    bidPrice: str
    bidQty: str
    closeTime: int
    count: int
    firstId: int
    highPrice: str
    lastId: int
    lastPrice: str
    lastQty: str
    lowPrice: str
    openPrice: str
    openTime: int
    prevClosePrice: str
    priceChange: str
    priceChangePercent: str
    quoteVolume: str
    symbol: str
    volume: str
    weightedAvgPrice: str


class TickerTradingDayResult(TypedDict, total=False):
    closeTime: int
    count: int
    firstId: int
    highPrice: str
    lastId: int
    lastPrice: str
    lowPrice: str
    openPrice: str
    openTime: int
    priceChange: str
    priceChangePercent: str
    quoteVolume: str
    symbol: str
    volume: str
    weightedAvgPrice: str


class TickerResult(TypedDict, total=False):
    closeTime: int
    count: int
    firstId: int
    highPrice: str
    lastId: int
    lastPrice: str
    lowPrice: str
    openPrice: str
    openTime: int
    priceChange: str
    priceChangePercent: str
    quoteVolume: str
    symbol: str
    volume: str
    weightedAvgPrice: str


class TickerResultItem(TypedDict, total=False):
    closeTime: int
    count: int
    firstId: int
    highPrice: str
    lastId: int
    lastPrice: str
    lowPrice: str
    openPrice: str
    openTime: int
    priceChange: str
    priceChangePercent: str
    quoteVolume: str
    symbol: str
    volume: str
    weightedAvgPrice: str


class TickerPriceResult(TypedDict, total=False):
    price: str
    symbol: str


class TickerPriceResultItem(TypedDict, total=False):
    price: str
    symbol: str


class TickerBookResult(TypedDict, total=False):
    askPrice: str
    askQty: str
    bidPrice: str
    bidQty: str
    symbol: str


class TickerBookResultItem(TypedDict, total=False):
    askPrice: str
    askQty: str
    bidPrice: str
    bidQty: str
    symbol: str


class ReferencePriceResult(TypedDict, total=False):
    referencePrice: str
    symbol: str
    timestamp: int
    code: int
    msg: str


class ReferencePriceCalculationResult(TypedDict, total=False):
    bucketCount: int
    bucketWidthMs: int
    calculationType: str
    symbol: str
    externalCalculationId: int


class SessionLogonResult(TypedDict, total=False):
    apiKey: str
    authorizedSince: int
    connectedSince: int
    returnRateLimits: bool
    serverTime: int
    userDataStream: bool


class SessionStatusResult(TypedDict, total=False):
    apiKey: str
    authorizedSince: int
    connectedSince: int
    returnRateLimits: bool
    serverTime: int
    userDataStream: bool


class SessionLogoutResult(TypedDict, total=False):
    apiKey: Any
    authorizedSince: Any
    connectedSince: int
    returnRateLimits: bool
    serverTime: int
    userDataStream: bool


class OrderPlaceResultFillsItem(TypedDict, total=False):
    commission: str
    commissionAsset: str
    price: str
    qty: str
    tradeId: int


class OrderPlaceResult(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    orderListId: int
    symbol: str
    transactTime: int
    cummulativeQuoteQty: str
    executedQty: str
    origQty: str
    origQuoteOrderQty: str
    price: str
    selfTradePreventionMode: str
    side: str
    status: str
    timeInForce: str
    type: str
    workingTime: int
    fills: list[OrderPlaceResultFillsItem]


class OrderTestResultDiscount(TypedDict, total=False):
    discount: str
    discountAsset: str
    enabledForAccount: bool
    enabledForSymbol: bool


class OrderTestResultSpecialCommissionForOrder(TypedDict, total=False):
    maker: str
    taker: str


class OrderTestResultStandardCommissionForOrder(TypedDict, total=False):
    maker: str
    taker: str


class OrderTestResultTaxCommissionForOrder(TypedDict, total=False):
    maker: str
    taker: str


class OrderTestResult(TypedDict, total=False):
    discount: OrderTestResultDiscount
    specialCommissionForOrder: OrderTestResultSpecialCommissionForOrder
    standardCommissionForOrder: OrderTestResultStandardCommissionForOrder
    taxCommissionForOrder: OrderTestResultTaxCommissionForOrder


class OrderCancelResultOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderCancelResult(TypedDict, total=False):
    clientOrderId: str
    cummulativeQuoteQty: str
    executedQty: str
    icebergQty: str
    orderId: int
    orderListId: int
    origClientOrderId: str
    origQty: str
    origQuoteOrderQty: str
    price: str
    selfTradePreventionMode: str
    side: str
    status: str
    stopPrice: str
    strategyId: int
    strategyType: int
    symbol: str
    timeInForce: str
    trailingDelta: int
    transactTime: int
    type: str
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderReports: list[dict[str, Any]]
    orders: list[OrderCancelResultOrdersItem]
    transactionTime: int


class OrderCancelReplaceResultCancelResponse(TypedDict, total=False):
    clientOrderId: str
    cummulativeQuoteQty: str
    executedQty: str
    orderId: int
    orderListId: int
    origClientOrderId: str
    origQty: str
    origQuoteOrderQty: str
    price: str
    selfTradePreventionMode: str
    side: str
    status: str
    symbol: str
    timeInForce: str
    transactTime: int
    type: str


class OrderCancelReplaceResultNewOrderResponse(TypedDict, total=False):
    clientOrderId: str
    cummulativeQuoteQty: str
    executedQty: str
    orderId: int
    orderListId: int
    origQty: str
    origQuoteOrderQty: str
    price: str
    selfTradePreventionMode: str
    side: str
    status: str
    symbol: str
    timeInForce: str
    transactTime: int
    type: str


class OrderCancelReplaceResult(TypedDict, total=False):
    cancelResponse: OrderCancelReplaceResultCancelResponse
    cancelResult: str
    newOrderResponse: OrderCancelReplaceResultNewOrderResponse
    newOrderResult: str


class OrderAmendKeepPriorityResultAmendedOrder(TypedDict, total=False):
    clientOrderId: str
    cumulativeQuoteQty: str
    executedQty: str
    orderId: int
    orderListId: int
    origClientOrderId: str
    preventedQty: str
    price: str
    qty: str
    quoteOrderQty: str
    selfTradePreventionMode: str
    side: str
    status: str
    symbol: str
    timeInForce: str
    type: str
    workingTime: int


class OrderAmendKeepPriorityResultListStatusOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderAmendKeepPriorityResultListStatus(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    orderListId: int
    orders: list[OrderAmendKeepPriorityResultListStatusOrdersItem]
    symbol: str


class OrderAmendKeepPriorityResult(TypedDict, total=False):
    amendedOrder: OrderAmendKeepPriorityResultAmendedOrder
    executionId: int
    transactTime: int
    listStatus: OrderAmendKeepPriorityResultListStatus


class OrderListPlaceResultOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderListPlaceResult(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orderReports: list[dict[str, Any]]
    orders: list[OrderListPlaceResultOrdersItem]
    symbol: str
    transactionTime: int


class OrderListPlaceOcoResultOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderListPlaceOcoResult(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orderReports: list[dict[str, Any]]
    orders: list[OrderListPlaceOcoResultOrdersItem]
    symbol: str
    transactionTime: int


class OrderListPlaceOtoResultOrderReportsItem(TypedDict, total=False):
    clientOrderId: str
    cummulativeQuoteQty: str
    executedQty: str
    orderId: int
    orderListId: int
    origQty: str
    origQuoteOrderQty: str
    price: str
    selfTradePreventionMode: str
    side: str
    status: str
    symbol: str
    timeInForce: str
    transactTime: int
    type: str
    workingTime: int


class OrderListPlaceOtoResultOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderListPlaceOtoResult(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orderReports: list[OrderListPlaceOtoResultOrderReportsItem]
    orders: list[OrderListPlaceOtoResultOrdersItem]
    symbol: str
    transactionTime: int


class OrderListPlaceOtocoResultOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderListPlaceOtocoResult(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orderReports: list[dict[str, Any]]
    orders: list[OrderListPlaceOtocoResultOrdersItem]
    symbol: str
    transactionTime: int


class OrderListPlaceOpoResultOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderListPlaceOpoResult(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orderReports: list[dict[str, Any]]
    orders: list[OrderListPlaceOpoResultOrdersItem]
    symbol: str
    transactionTime: int


class OrderListPlaceOpocoResultOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderListPlaceOpocoResult(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orderReports: list[dict[str, Any]]
    orders: list[OrderListPlaceOpocoResultOrdersItem]
    symbol: str
    transactionTime: int


class OrderListCancelResultOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderListCancelResult(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orderReports: list[dict[str, Any]]
    orders: list[OrderListCancelResultOrdersItem]
    symbol: str
    transactionTime: int


class SorOrderPlaceResultItemFillsItem(TypedDict, total=False):
    allocId: int
    commission: str
    commissionAsset: str
    matchType: str
    price: str
    qty: str
    tradeId: int


class SorOrderPlaceResultItem(TypedDict, total=False):
    clientOrderId: str
    cummulativeQuoteQty: str
    executedQty: str
    fills: list[SorOrderPlaceResultItemFillsItem]
    orderId: int
    orderListId: int
    origQty: str
    origQuoteOrderQty: str
    price: str
    selfTradePreventionMode: str
    side: str
    status: str
    symbol: str
    timeInForce: str
    transactTime: int
    type: str
    usedSor: bool
    workingFloor: str
    workingTime: int


class SorOrderTestResultDiscount(TypedDict, total=False):
    discount: str
    discountAsset: str
    enabledForAccount: bool
    enabledForSymbol: bool


class SorOrderTestResultStandardCommissionForOrder(TypedDict, total=False):
    maker: str
    taker: str


class SorOrderTestResultTaxCommissionForOrder(TypedDict, total=False):
    maker: str
    taker: str


class SorOrderTestResult(TypedDict, total=False):
    discount: SorOrderTestResultDiscount
    standardCommissionForOrder: SorOrderTestResultStandardCommissionForOrder
    taxCommissionForOrder: SorOrderTestResultTaxCommissionForOrder


class AccountStatusResultBalancesItem(TypedDict, total=False):
    asset: str
    free: str
    locked: str


class AccountStatusResultCommissionRates(TypedDict, total=False):
    buyer: str
    maker: str
    seller: str
    taker: str


class AccountStatusResult(TypedDict, total=False):
    accountType: str
    balances: list[AccountStatusResultBalancesItem]
    brokered: bool
    buyerCommission: int
    canDeposit: bool
    canTrade: bool
    canWithdraw: bool
    commissionRates: AccountStatusResultCommissionRates
    makerCommission: int
    permissions: list[str]
    preventSor: bool
    requireSelfTradePrevention: bool
    sellerCommission: int
    takerCommission: int
    uid: int
    updateTime: int


class OrderStatusResult(TypedDict, total=False):
    clientOrderId: str
    cummulativeQuoteQty: str
    executedQty: str
    icebergQty: str
    isWorking: bool
    orderId: int
    orderListId: int
    origQty: str
    origQuoteOrderQty: str
    preventedMatchId: int
    preventedQuantity: str
    price: str
    selfTradePreventionMode: str
    side: str
    status: str
    stopPrice: str
    strategyId: int
    strategyType: int
    symbol: str
    time: int
    timeInForce: str
    trailingDelta: int
    trailingTime: int
    type: str
    updateTime: int
    workingTime: int


class OpenOrdersStatusResultItem(TypedDict, total=False):
    clientOrderId: str
    cummulativeQuoteQty: str
    executedQty: str
    icebergQty: str
    isWorking: bool
    orderId: int
    orderListId: int
    origQty: str
    origQuoteOrderQty: str
    price: str
    selfTradePreventionMode: str
    side: str
    status: str
    stopPrice: str
    symbol: str
    time: int
    timeInForce: str
    type: str
    updateTime: int
    workingTime: int


class AllOrdersResultItem(TypedDict, total=False):
    clientOrderId: str
    cummulativeQuoteQty: str
    executedQty: str
    icebergQty: str
    isWorking: bool
    orderId: int
    orderListId: int
    origQty: str
    origQuoteOrderQty: str
    preventedMatchId: int
    preventedQuantity: str
    price: str
    selfTradePreventionMode: str
    side: str
    status: str
    stopPrice: str
    symbol: str
    time: int
    timeInForce: str
    type: str
    updateTime: int
    workingTime: int


class OrderListStatusResultOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OrderListStatusResult(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orders: list[OrderListStatusResultOrdersItem]
    symbol: str
    transactionTime: int


class OpenOrderListsStatusResultItemOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class OpenOrderListsStatusResultItem(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orders: list[OpenOrderListsStatusResultItemOrdersItem]
    symbol: str
    transactionTime: int


class AllOrderListsResultItemOrdersItem(TypedDict, total=False):
    clientOrderId: str
    orderId: int
    symbol: str


class AllOrderListsResultItem(TypedDict, total=False):
    contingencyType: str
    listClientOrderId: str
    listOrderStatus: str
    listStatusType: str
    orderListId: int
    orders: list[AllOrderListsResultItemOrdersItem]
    symbol: str
    transactionTime: int


class MyTradesResultItem(TypedDict, total=False):
    commission: str
    commissionAsset: str
    id: int
    isBestMatch: bool
    isBuyer: bool
    isMaker: bool
    orderId: int
    orderListId: int
    price: str
    qty: str
    quoteQty: str
    symbol: str
    time: int


class AccountRateLimitsOrdersResultItem(TypedDict, total=False):
    count: int
    interval: str
    intervalNum: int
    limit: int
    rateLimitType: str


class MyPreventedMatchesResultItem(TypedDict, total=False):
    makerOrderId: int
    makerPreventedQuantity: str
    makerSymbol: str
    preventedMatchId: int
    price: str
    selfTradePreventionMode: str
    symbol: str
    takerOrderId: int
    tradeGroupId: int
    transactTime: int


class MyAllocationsResultItem(TypedDict, total=False):
    allocationId: int
    allocationType: str
    commission: str
    commissionAsset: str
    isAllocator: bool
    isBuyer: bool
    isMaker: bool
    orderId: int
    orderListId: int
    price: str
    qty: str
    quoteQty: str
    symbol: str
    time: int


class AccountCommissionResultDiscount(TypedDict, total=False):
    discount: str
    discountAsset: str
    enabledForAccount: bool
    enabledForSymbol: bool


class AccountCommissionResultSpecialCommission(TypedDict, total=False):
    buyer: str
    maker: str
    seller: str
    taker: str


class AccountCommissionResultStandardCommission(TypedDict, total=False):
    buyer: str
    maker: str
    seller: str
    taker: str


class AccountCommissionResultTaxCommission(TypedDict, total=False):
    buyer: str
    maker: str
    seller: str
    taker: str


class AccountCommissionResult(TypedDict, total=False):
    discount: AccountCommissionResultDiscount
    specialCommission: AccountCommissionResultSpecialCommission
    standardCommission: AccountCommissionResultStandardCommission
    symbol: str
    taxCommission: AccountCommissionResultTaxCommission


class OrderAmendmentsResultItem(TypedDict, total=False):
    executionId: int
    newClientOrderId: str
    newQty: str
    orderId: int
    origClientOrderId: str
    origQty: str
    symbol: str
    time: int


class MyFiltersResultAssetFiltersItem(TypedDict, total=False):
    asset: str
    filterType: str
    limit: str


class MyFiltersResultExchangeFiltersItem(TypedDict, total=False):
    filterType: str
    maxNumOrders: int


class MyFiltersResultSymbolFiltersItem(TypedDict, total=False):
    filterType: str
    maxNumOrderLists: int


class MyFiltersResult(TypedDict, total=False):
    assetFilters: list[MyFiltersResultAssetFiltersItem]
    exchangeFilters: list[MyFiltersResultExchangeFiltersItem]
    symbolFilters: list[MyFiltersResultSymbolFiltersItem]


class UserDataStreamSubscribeResult(TypedDict, total=False):
    subscriptionId: int


class SessionSubscriptionsResultItem(TypedDict, total=False):
    subscriptionId: int


class UserDataStreamSubscribeSignatureResult(TypedDict, total=False):
    subscriptionId: int
