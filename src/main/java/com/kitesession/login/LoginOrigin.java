package com.kitesession.login;

import com.kitesession.kite.LoopbackHosts;
import okhttp3.HttpUrl;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin (scheme, host, port) as a browser compares them, with {@link #serialized()}
 * spelled exactly as JavaScript's {@code location.origin}, so the check in Java and the one
 * inside the page compare the same text.
 */
public record LoginOrigin(String scheme, String host, int port) {

    public LoginOrigin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * The origin of an http(s) address; empty for anything else (file:, data:, about:, garbage).
     * Parsed as OkHttp parses it, like the redirect parser and the login flow, so that an address
     * Kite may well send (a "|" in its query, say) is not taken for no address at all.
     */
    public static Optional<LoginOrigin> of(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) return Optional.empty();
        String host = parsed.host().contains(":") ? "[" + parsed.host() + "]" : parsed.host();
        return Optional.of(new LoginOrigin(parsed.scheme(), host, parsed.port()));
    }

    /** True when {@code url} is on this very origin. */
    public boolean contains(String url) {
        return of(url).map(this::equals).orElse(false);
    }

    public boolean isHttps() {
        return scheme.equals("https");
    }

    /** 127.0.0.0/8, localhost or [::1]: only this computer can serve it. */
    public boolean isLoopback() {
        return LoopbackHosts.isLoopback(host);
    }

    /**
     * Where stored passwords and codes may be filled, as a password manager decides: https only.
     * Plain http only on loopback, which is where the built-in simulator runs; nothing on the
     * network can listen there.
     */
    public boolean allowsAutofill() {
        return isHttps() || scheme.equals("http") && isLoopback();
    }

    /** "https://kite.zerodha.com", "http://127.0.0.1:5000": the default port is left out, as browsers do. */
    public String serialized() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return serialized();
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
