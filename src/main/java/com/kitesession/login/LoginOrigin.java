package com.kitesession.login;

import java.net.URI;
import java.net.URISyntaxException;
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

    /** The origin of an http(s) address; empty for anything else (file:, data:, about:, garbage). */
    public static Optional<LoginOrigin> of(String url) {
        if (url == null || url.isBlank()) return Optional.empty();
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) return Optional.empty();
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
            return Optional.of(new LoginOrigin(scheme, host, port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
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
        if (host.equals("localhost") || host.equals("[::1]") || host.equals("::1")) return true;
        String[] parts = host.split("\\.");
        if (parts.length != 4 || !parts[0].equals("127")) return false;
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) return false;
        }
        return true;
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
