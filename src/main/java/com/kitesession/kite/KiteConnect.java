package com.kitesession.kite;

/** Fixed facts of Kite Connect v3 (see shared/KITE-FACTS.md). */
public final class KiteConnect {
    /** Where the person logs in, in a browser. */
    public static final String LOGIN_BASE = "https://kite.zerodha.com";
    /** Where programs talk to Kite. */
    public static final String API_BASE = "https://api.kite.trade";
    /** Sent as {@code X-Kite-Version} on every API call and as {@code v} on the login URL. */
    public static final String KITE_VERSION = "3";

    private KiteConnect() {}
}
