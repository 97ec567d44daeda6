package com.kitesession.explain;

/** The two layers that fail in look-alike ways and must never be confused. */
public enum ErrorLayer {
    /** The person logging in to Kite in the browser: user id, password, 2FA code, cancel. */
    LOGIN("Kite login (you, in the browser)"),
    /** The program's API session: the request_token exchange and every call made with the access token. */
    API("Kite Connect API (your program's session)"),
    /** Not Kite at all: this computer's settings file, keychain or encrypted secrets file. */
    LOCAL("This computer (saved settings and secrets)");

    private final String label;

    ErrorLayer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
