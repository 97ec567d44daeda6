package com.kitesession.kite;

/**
 * The API address answered with a redirect (3xx). Kite's API never redirects, so the app does
 * not follow it: following would re-send the api_key, request_token and checksum (or the access
 * token) to wherever the redirect points. Holds neither the target nor anything sent.
 */
public class KiteRedirectException extends KiteRefusedAnswerException {
    public KiteRedirectException(int httpStatus, String host) {
        super(httpStatus, host, "The Kite API address " + host + " answered HTTP " + httpStatus + " with a redirect;"
                + " Kite's API never redirects, so the app did not follow it and sent nothing elsewhere.");
    }
}
