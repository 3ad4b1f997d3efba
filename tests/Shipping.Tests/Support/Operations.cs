namespace GoShop.Shipping.Tests.Support;

/// <summary>The GraphQL documents the tests send.</summary>
public static class Operations
{
    public const string ShipmentFields = """
        id trackingNumber status orderNumber order { id } shipper { id status activeShipments }
        pickup { lat lng } dropoff { lat lng } dropoffAddress codAmount { amount currency } codCollected { amount }
        note attempts receivedBy proofMediaId assignedAt pickedUpAt deliveredAt
        history { from to actorRole actor { id } location { lat lng } reason at }
        trail { lat lng }
        """;

    public const string Errors = "userErrors { code field message }";

    public const string SetShipperStatus = $$"""
        mutation($input: SetShipperStatusInput!) { setShipperStatus(input: $input) { shipper { id status activeShipments capacity } {{Errors}} } }
        """;

    public const string ReportLocation = $$"""
        mutation($input: ReportLocationInput!) { reportLocation(input: $input) { trusted speedKmh shipper { id location { lat lng } } {{Errors}} } }
        """;

    public const string AcceptShipment = $$"""
        mutation($input: AcceptShipmentInput!) { acceptShipment(input: $input) { shipment { {{ShipmentFields}} } {{Errors}} } }
        """;

    public const string DeclineShipment = $$"""
        mutation($input: DeclineShipmentInput!) { declineShipment(input: $input) { shipment { id status } {{Errors}} } }
        """;

    public const string AssignShipper = $$"""
        mutation($input: AssignShipperInput!) { assignShipper(input: $input) { shipment { {{ShipmentFields}} } {{Errors}} } }
        """;

    public const string UpdateShipmentStatus = $$"""
        mutation($input: UpdateShipmentStatusInput!) { updateShipmentStatus(input: $input) { shipment { {{ShipmentFields}} } {{Errors}} } }
        """;

    public const string Shipment = $$"""
        query($id: ID!) { shipment(id: $id) { {{ShipmentFields}} } }
        """;

    public const string Shipper = """
        query($id: ID!) { shipper(id: $id) { id fullName vehicleType capacity activeShipments status location { lat lng } rating deliveredCount failedCount returnedCount } }
        """;

    public const string AvailableShippers = """
        query($near: GeoPointInput!, $radiusKm: Float) { availableShippers(near: $near, radiusKm: $radiusKm) { distanceKm shipper { id status } } }
        """;

    public const string MyShipments = """
        query($status: ShipmentStatus) { myShipments(status: $status) { id status } }
        """;

    public const string MyOffers = """
        query { myOffers { id distanceKm expiresAt shipment { id trackingNumber codAmount { amount } } } }
        """;

    public const string ResolveEntities = """
        query($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Order { id shipment { id status trackingNumber shipper { id } } }
            ... on User { id shipper { id vehicleType status } }
            ... on Shipper { id capacity }
          }
        }
        """;

    public const string ShipmentTracking = """
        subscription($orderId: ID!) { shipmentTracking(orderId: $orderId) { shipmentId orderId status location { lat lng } etaMinutes at } }
        """;

    public const string MyShipmentOffers = """
        subscription { myShipmentOffers { id distanceKm expiresAt shipment { id trackingNumber } } }
        """;
}
