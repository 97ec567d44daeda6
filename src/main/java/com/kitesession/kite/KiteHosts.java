package com.kitesession.kite;

/** Kite Connect v3's hosts and version (see shared/KITE-FACTS.md). Not the client: that is {@link KiteClient}. */
public final class KiteHosts {
    /** Where the person logs in, in a browser. */
    public static final String LOGIN_BASE = "https://kite.zerodha.com";
    /** Where programs talk to Kite. */
    public static final String API_BASE = "https://api.kite.trade";
    /** Sent as {@code X-Kite-Version} on every API call and as {@code v} on the login URL. */
    public static final String KITE_VERSION = "3";

    private KiteHosts() {}
}
