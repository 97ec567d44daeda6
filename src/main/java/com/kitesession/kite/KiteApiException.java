package com.kitesession.kite;

/**
 * Kite answered with its JSON error envelope
 * {@code {"status":"error","message":..,"error_type":..,"data":null}}.
 * {@link #errorType()} says which of Kite's documented error types it is; an unknown or missing
 * error_type counts as {@link ErrorType#GENERAL}, as pykiteconnect does, while
 * {@link #sentErrorType()} keeps the name Kite sent so that an unknown one is still shown.
 */
public class KiteApiException extends KiteException {
    private final int httpStatus;
    private final ErrorType errorType;
    private final String sentErrorType;
    private final String kiteMessage;

    private KiteApiException(int httpStatus, ErrorType errorType, String sentErrorType, String kiteMessage) {
        super(describe(httpStatus, sentErrorType, kiteMessage));
        this.httpStatus = httpStatus;
        this.errorType = errorType;
        this.sentErrorType = sentErrorType;
        this.kiteMessage = kiteMessage == null ? "" : kiteMessage;
    }

    /** The exception for Kite's answer; {@code errorType} is the envelope's error_type, null if it had none. */
    public static KiteApiException of(int httpStatus, String errorType, String kiteMessage) {
        ErrorType type = ErrorType.ofKiteName(errorType);
        String sent = errorType == null || errorType.isBlank() ? type.kiteName() : errorType;
        return new KiteApiException(httpStatus, type, sent, kiteMessage);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Kite's rate limit: 429 "Too many requests" (a NetworkException), which says nothing about the token or the request. */
    public boolean isTooManyRequests() {
        return errorType == ErrorType.NETWORK && httpStatus == 429;
    }

    /** Which documented error type Kite reported; {@link ErrorType#GENERAL} for one this app does not know. */
    public ErrorType errorType() {
        return errorType;
    }

    /**
     * Kite's error_type as it came, e.g. "TokenException", or "TeapotException" for one this app
     * does not know; "GeneralException" when Kite sent none.
     */
    public String sentErrorType() {
        return sentErrorType;
    }

    /** Kite's own message, e.g. "Incorrect `api_key` or `access_token`."; empty if Kite sent none. */
    public String kiteMessage() {
        return kiteMessage;
    }

    /** Kite's error_type rather than this class's name: the logs then say what Kite said. */
    @Override
    public String failureName() {
        return sentErrorType;
    }

    private static String describe(int httpStatus, String sentErrorType, String kiteMessage) {
        String said = kiteMessage == null || kiteMessage.isBlank() ? "no reason given" : kiteMessage;
        return "Kite refused the request: " + said + " (HTTP " + httpStatus + ", " + sentErrorType + ")";
    }

    /** Kite's documented error_type values (KITE-FACTS.md), each named as Kite names it. */
    public enum ErrorType {
        /**
         * Session expired or invalid (403): a used or stale request token, a wrong checksum
         * (api_secret), or an access token past 06:00 IST or logged out. Log in again.
         */
        TOKEN("TokenException"),
        /** The key may not do this (403). */
        PERMISSION("PermissionException"),
        /** A problem with the user's account. */
        USER("UserException"),
        /** An order could not be placed or fetched. */
        ORDER("OrderException"),
        /** A missing or bad parameter (400). */
        INPUT("InputException"),
        /** Not enough funds for an order. */
        MARGIN("MarginException"),
        /** Not enough holdings for a sell order. */
        HOLDING("HoldingException"),
        /** Kite could not reach its own backend, or too many requests (429 "Too many requests", 502/503). */
        NETWORK("NetworkException"),
        /** Kite could not read its own backend's answer (502). */
        DATA("DataException"),
        /** An unclassified error (500); also what a missing or unknown error_type counts as. */
        GENERAL("GeneralException");

        private final String kiteName;

        ErrorType(String kiteName) {
            this.kiteName = kiteName;
        }

        /** The error_type as Kite writes it, e.g. "TokenException". */
        public String kiteName() {
            return kiteName;
        }

        /** The type Kite's name stands for; a null, unknown or differently spelled name is GENERAL. */
        public static ErrorType ofKiteName(String kiteName) {
            for (ErrorType type : values()) {
                if (type.kiteName.equals(kiteName)) return type;
            }
            return GENERAL;
        }
    }
}
