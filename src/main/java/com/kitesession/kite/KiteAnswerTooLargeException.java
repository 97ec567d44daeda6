package com.kitesession.kite;

/**
 * The answer's body was larger than {@link BoundedBody#MAX_BYTES}. Kite's answers to these calls
 * are a few hundred bytes, so the app stops reading rather than run out of memory.
 */
public class KiteAnswerTooLargeException extends KiteRefusedAnswerException {
    public KiteAnswerTooLargeException(int httpStatus, String host) {
        super(httpStatus, host, "Kite's answer was too large: " + host + " sent more than "
                + BoundedBody.MAX_BYTES / 1024 + " KiB for HTTP " + httpStatus
                + ", far beyond any Kite answer; the app stopped reading it.");
    }
}
