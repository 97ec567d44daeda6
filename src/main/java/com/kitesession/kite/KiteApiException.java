package com.kitesession.kite;

/**
 * Kite answered with its JSON error envelope
 * {@code {"status":"error","message":..,"error_type":..,"data":null}}.
 * Subclasses are named after Kite's error_type values; an unknown error_type stays a plain
 * KiteApiException that keeps the unknown name.
 */
public class KiteApiException extends KiteException {
    private final int httpStatus;
    private final String errorType;
    private final String kiteMessage;

    public KiteApiException(int httpStatus, String errorType, String kiteMessage) {
        super(describe(httpStatus, errorType, kiteMessage));
        this.httpStatus = httpStatus;
        this.errorType = errorType;
        this.kiteMessage = kiteMessage == null ? "" : kiteMessage;
    }

    /** The exception for Kite's error_type; a missing error_type counts as GeneralException. */
    public static KiteApiException of(int httpStatus, String errorType, String kiteMessage) {
        if (errorType == null || errorType.isBlank()) {
            return new GeneralException(httpStatus, "GeneralException", kiteMessage);
        }
        return switch (errorType) {
            case "TokenException" -> new TokenException(httpStatus, errorType, kiteMessage);
            case "PermissionException" -> new PermissionException(httpStatus, errorType, kiteMessage);
            case "UserException" -> new UserException(httpStatus, errorType, kiteMessage);
            case "OrderException" -> new OrderException(httpStatus, errorType, kiteMessage);
            case "InputException" -> new InputException(httpStatus, errorType, kiteMessage);
            case "MarginException" -> new MarginException(httpStatus, errorType, kiteMessage);
            case "HoldingException" -> new HoldingException(httpStatus, errorType, kiteMessage);
            case "NetworkException" -> new NetworkException(httpStatus, errorType, kiteMessage);
            case "DataException" -> new DataException(httpStatus, errorType, kiteMessage);
            case "GeneralException" -> new GeneralException(httpStatus, errorType, kiteMessage);
            default -> new KiteApiException(httpStatus, errorType, kiteMessage);
        };
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Kite's error_type as received, e.g. "TokenException". */
    public String errorType() {
        return errorType;
    }

    /** Kite's own message, e.g. "Incorrect `api_key` or `access_token`."; empty if Kite sent none. */
    public String kiteMessage() {
        return kiteMessage;
    }

    private static String describe(int httpStatus, String errorType, String kiteMessage) {
        String said = kiteMessage == null || kiteMessage.isBlank() ? "no reason given" : kiteMessage;
        return "Kite refused the request: " + said + " (HTTP " + httpStatus + ", " + errorType + ")";
    }
}
