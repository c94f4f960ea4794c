package io.mockpg.examples.orders;

/** The shipment of an order could not be booked; the order was left unchanged. */
public class ShipmentRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ShipmentRefusedException(long orderId, Throwable cause) {
        super("shipment of order " + orderId + " refused: " + cause.getMessage(), cause);
    }
}
