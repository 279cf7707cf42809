"""USDⓈ-M futures: leverage, a long with its fills and position, a stop; offline unless given keys.

    python examples/futures.py                      # offline, LocalExchange
    python examples/futures.py API_KEY KEY.pem      # the futures testnet, your Ed25519 key
"""

import sys

from binance_wsapi import AccountUpdate, OrderTradeUpdate, UMFuturesClient
from binance_wsapi.testing import LocalExchange

if len(sys.argv) == 3:
    exchange, client = None, UMFuturesClient.testnet(sys.argv[1], open(sys.argv[2]).read())
else:
    exchange = LocalExchange()
    client = exchange.client(exchange.create_account(usdm={"USDT": "1000"}), "usdm")

with client:
    print("leverage:", client.set_leverage("BTCUSDT", 5)["leverage"])
    stream = client.user_data.subscribe()
    client.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.003")
    for event in stream:
        if isinstance(event, OrderTradeUpdate) and event.execution_type == "TRADE":
            print("filled", f"{event.last_filled_quantity:f} @ {event.last_filled_price:f}")
        elif isinstance(event, AccountUpdate):
            position = event.positions[0]
            print("position", f"{position.position_amount:f} @ {position.entry_price:f}")
            break
    stop = client.algo_order_place(algo_type="CONDITIONAL", symbol="BTCUSDT", side="SELL", type="STOP_MARKET",
                                   trigger_price="40000", close_position="true")
    print("stop", stop["algoStatus"], stop["triggerPrice"])
    stream.close()
if exchange is not None:
    exchange.close()
