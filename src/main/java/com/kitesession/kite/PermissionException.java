package com.kitesession.kite;

/** Kite's error_type {@code PermissionException}: The key may not do this (403). */
public class PermissionException extends KiteApiException {
    public PermissionException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
