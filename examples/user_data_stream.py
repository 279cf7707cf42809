"""Stream your account's orders, fills and balances (against LocalExchange unless given keys).

    python examples/user_data_stream.py                      # offline, LocalExchange
    python examples/user_data_stream.py API_KEY KEY.pem      # the Spot testnet, your Ed25519 key
"""

import sys

from binance_wsapi import Client, ExecutionReport, OutboundAccountPosition
from binance_wsapi.testing import LocalExchange

if len(sys.argv) == 3:
    exchange, client = None, Client.testnet(sys.argv[1], open(sys.argv[2]).read())
else:
    exchange = LocalExchange()
    client = exchange.client(exchange.create_account({"USDT": "1000"}))

with client:
    stream = client.user_data.subscribe()
    client.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.001")
    for event in stream:
        if isinstance(event, ExecutionReport):
            print(event.execution_type, event.order_status, f"{event.last_filled_qty:f} @ {event.last_filled_price:f}")
        elif isinstance(event, OutboundAccountPosition):
            print("balances:", {b.asset: f"{b.free:f}" for b in event.balances})
            break
if exchange is not None:
    exchange.close()
