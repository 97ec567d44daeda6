package com.kitesession.kite;

/** Kite's error_type {@code OrderException}: An order could not be placed or fetched. */
public class OrderException extends KiteApiException {
    public OrderException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
