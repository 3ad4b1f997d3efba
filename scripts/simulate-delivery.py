#!/usr/bin/env python3
"""Drives the demo shipper through the delivery of one order, so the tracking subscription moves.

Usage: scripts/simulate-delivery.py ORDER_ID        (make simulate-delivery ORDER=<id>)

Signs in as shipper@goshop.dev through the gateway, goes AVAILABLE, takes the order's shipment (accepts the offer, or,
when it was not offered to the demo shipper, has admin@goshop.dev assign it), then rides to the shop and on to the
buyer reporting a position every second, moving PICKED_UP -> IN_TRANSIT -> DELIVERED (collecting the cash of a COD
order). Follow it in Banana Cake Pop with
    subscription { shipmentTracking(orderId: "<id>") { status location { lat lng } etaMinutes at } }
signed in as the order's buyer or the shop's owner.

Environment: GOSHOP_GATEWAY_URL (default http://127.0.0.1:8000/graphql), SPEED_KMH (default 100; the server flags a
report implying more than 150 km/h), OFFER_WAIT_SECONDS (default 15). Python 3 standard library only.
"""

import json
import math
import os
import sys
import time
import urllib.error
import urllib.request

GATEWAY = os.environ.get("GOSHOP_GATEWAY_URL", "http://127.0.0.1:8000/graphql")
SPEED_KMH = float(os.environ.get("SPEED_KMH", "100"))
OFFER_WAIT_SECONDS = float(os.environ.get("OFFER_WAIT_SECONDS", "15"))
PASSWORD = "GoShop-demo-1"

SHIPMENT_FIELDS = "id status trackingNumber order { id } pickup { lat lng } dropoff { lat lng } codAmount { amount currency }"


def graphql(query, variables=None, token=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(GATEWAY, data=body, headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        answer = json.loads(error.read() or b"{}")
    except urllib.error.URLError as error:
        sys.exit(f"error: cannot reach the gateway at {GATEWAY} ({error.reason}); is the platform up (make up)?")
    if answer.get("errors"):
        sys.exit("error: " + "; ".join(e.get("message", "?") for e in answer["errors"]))
    return answer["data"]


def mutate(name, query, variables, token):
    payload = graphql(query, variables, token)[name]
    if payload.get("userErrors"):
        sys.exit(f"error: {name}: " + "; ".join(f"{e['code']}: {e['message']}" for e in payload["userErrors"]))
    return payload


def login(email):
    payload = mutate("login", "mutation($input: LoginInput!) { login(input: $input) { accessToken userErrors { code message } } }",
                     {"input": {"email": email, "password": PASSWORD}}, None)
    return payload["accessToken"]


def km(a, b):
    rad = math.radians
    d_lat, d_lng = rad(b["lat"] - a["lat"]), rad(b["lng"] - a["lng"])
    h = math.sin(d_lat / 2) ** 2 + math.cos(rad(a["lat"])) * math.cos(rad(b["lat"])) * math.sin(d_lng / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1, math.sqrt(h)))


def report(token, point):
    payload = graphql("mutation($input: ReportLocationInput!) { reportLocation(input: $input) { trusted userErrors { code message } } }",
                      {"input": {"location": point}}, token)["reportLocation"]
    errors = payload.get("userErrors") or []
    if errors:
        print(f"  ! {errors[0]['code']}: {errors[0]['message']}")
    elif not payload["trusted"]:
        print("  ! the server flagged this position (too fast)")


def ride(token, start, end, label):
    """Reports positions from start to end, one per second, at SPEED_KMH."""
    distance = km(start, end)
    steps = max(1, math.ceil(distance / (SPEED_KMH / 3600)))
    print(f"-> {label}: {distance:.2f} km, {steps} s at {SPEED_KMH:.0f} km/h")
    if steps > 600:
        # The server trusts no position that would need more than 150 km/h: a long route takes its real time.
        print(f"   (a long ride: about {steps / 60:.0f} minutes; pick an order whose shop and buyer are in the same city for a short demo)")
    for i in range(1, steps + 1):
        time.sleep(1)
        point = {"lat": start["lat"] + (end["lat"] - start["lat"]) * i / steps,
                 "lng": start["lng"] + (end["lng"] - start["lng"]) * i / steps}
        report(token, point)
        if i % 10 == 0 or i == steps:
            print(f"   {i}/{steps}  {point['lat']:.5f}, {point['lng']:.5f}")
    return end


def find_shipment(order_id, token):
    """The shipment of the order among the shipper's offers and shipments: (shipment, offered)."""
    data = graphql(f"{{ myOffers {{ shipment {{ {SHIPMENT_FIELDS} }} }} myShipments {{ {SHIPMENT_FIELDS} }} }}", None, token)
    for offer in data["myOffers"]:
        if offer["shipment"]["order"]["id"] == order_id:
            return offer["shipment"], True
    for shipment in data["myShipments"]:
        if shipment["order"]["id"] == order_id:
            return shipment, False
    return None, False


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    order_id = sys.argv[1]
    token = login("shipper@goshop.dev")
    me = graphql("{ me { id shipper { id status location { lat lng } } } }", None, token)["me"]
    if not me or not me["shipper"]:
        sys.exit("error: shipper@goshop.dev is not a shipper in the shipping subgraph (was the demo data seeded?)")
    shipper_id = me["id"]
    if me["shipper"]["status"] == "OFFLINE":
        mutate("setShipperStatus", "mutation($input: SetShipperStatusInput!) { setShipperStatus(input: $input) { userErrors { code message } } }",
               {"input": {"status": "AVAILABLE"}}, token)
        print("Shipper is AVAILABLE")

    deadline = time.time() + OFFER_WAIT_SECONDS
    shipment, offered = find_shipment(order_id, token)
    while shipment is None and time.time() < deadline:
        time.sleep(1)
        shipment, offered = find_shipment(order_id, token)
    if shipment is None:
        print("The shipment was not offered to the demo shipper; assigning it as admin@goshop.dev")
        admin = login("admin@goshop.dev")
        order = graphql("query($id: ID!) { order(id: $id) { id status shipment { id status } } }", {"id": order_id}, admin)["order"]
        if not order:
            sys.exit(f"error: no order {order_id}")
        if not order["shipment"]:
            sys.exit(f"error: order {order_id} has no shipment yet (it is {order['status']}; the seller must confirm it first)")
        mutate("assignShipper", "mutation($input: AssignShipperInput!) { assignShipper(input: $input) { userErrors { code message } } }",
               {"input": {"shipmentId": order["shipment"]["id"], "shipperId": shipper_id}}, admin)
        shipment, offered = find_shipment(order_id, token)
    if offered:
        mutate("acceptShipment", "mutation($input: AcceptShipmentInput!) { acceptShipment(input: $input) { userErrors { code message } } }",
               {"input": {"shipmentId": shipment["id"]}}, token)
        shipment["status"] = "ASSIGNED"
    print(f"Shipment {shipment['trackingNumber']} ({shipment['status']})")

    def move(status, **extra):
        mutate("updateShipmentStatus",
               "mutation($input: UpdateShipmentStatusInput!) { updateShipmentStatus(input: $input) { userErrors { code message } } }",
               {"input": {"shipmentId": shipment["id"], "status": status, **extra}}, token)
        print(f"Shipment is {status}")

    here = me["shipper"]["location"] or shipment["pickup"]
    dropoff = shipment["dropoff"] or shipment["pickup"]
    if shipment["status"] == "ASSIGNED":
        here = ride(token, here, shipment["pickup"], "to the shop")
        move("PICKED_UP", note="Simulated pickup")
        shipment["status"] = "PICKED_UP"
    if shipment["status"] in ("PICKED_UP", "FAILED_DELIVERY"):
        move("IN_TRANSIT")
        shipment["status"] = "IN_TRANSIT"
    if shipment["status"] != "IN_TRANSIT":
        sys.exit(f"error: the shipment is {shipment['status']}; nothing to drive")
    ride(token, here, dropoff, "to the buyer")
    cod = shipment["codAmount"]["amount"]
    extra = {"recipientName": "Simulated recipient"}
    if float(cod) > 0:
        extra["codCollected"] = cod
    move("DELIVERED", **extra)
    if float(cod) > 0:
        print(f"Collected {cod} {shipment['codAmount']['currency']} cash on delivery")


if __name__ == "__main__":
    main()
