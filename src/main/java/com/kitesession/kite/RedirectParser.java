package com.kitesession.kite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Recognises the redirect Kite sends after a login, from the URL the login browser navigates to.
 * The redirect target often does not load at all (e.g. {@code http://127.0.0.1/...}), so callers
 * should feed every location change here, not only loaded pages.
 */
public final class RedirectParser {
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");
    /** Kite's tokens are 32 characters; twice that leaves room, and anything longer is not a token. */
    static final int MAX_TOKEN_LENGTH = 64;

    private final HttpUrl registered;

    /** @throws IllegalArgumentException if the URL is not an absolute http(s) URL */
    public RedirectParser(String registeredRedirectUrl) {
        HttpUrl url = registeredRedirectUrl == null ? null : HttpUrl.parse(registeredRedirectUrl.trim());
        if (url == null) {
            throw new IllegalArgumentException("The redirect URL must be a full http:// or https:// address, "
                    + "like http://127.0.0.1/kite-login, exactly as registered on the Kite developer console.");
        }
        this.registered = url;
    }

    /** The registered URL's scheme, for a pasted address that lost its own. */
    public String scheme() {
        return registered.scheme();
    }

    /** Never throws. */
    public LoginRedirect parse(String url) {
        HttpUrl candidate = url == null ? null : HttpUrl.parse(url.trim());
        if (candidate == null || !isOurs(candidate)) {
            return new LoginRedirect.NotOurs();
        }
        Map<String, String> params = queryParams(candidate);
        String status = params.get("status");
        if (status == null || status.isBlank()) {
            return new LoginRedirect.Failed(status, "Kite came back without saying whether the login worked. "
                    + "Please log in again.");
        }
        if (status.equalsIgnoreCase("cancelled")) {
            return new LoginRedirect.Cancelled(params);
        }
        if (!status.equalsIgnoreCase("success")) {
            return new LoginRedirect.Failed(status, "Kite came back with a login status this app does not know (\""
                    + shorten(status) + "\"). Please log in again.");
        }
        String token = params.get("request_token");
        if (token == null || token.isBlank()) {
            return new LoginRedirect.Failed(status, "Kite said the login worked but sent no request token. "
                    + "Please log in again.");
        }
        if (token.length() > MAX_TOKEN_LENGTH || !ALPHANUMERIC.matcher(token).matches()) {
            return new LoginRedirect.Failed(status, "Kite said the login worked but the request token it sent "
                    + "does not look valid. Please log in again.");
        }
        return new LoginRedirect.Success(token, params);
    }

    /**
     * Same scheme, host, port (HttpUrl fills in default ports and lowercases the host), path and
     * user info (normally none: {@code http://kite@127.0.0.1/...} is not the registered URL either).
     */
    private boolean isOurs(HttpUrl url) {
        return url.scheme().equals(registered.scheme())
                && url.encodedUsername().equals(registered.encodedUsername())
                && url.encodedPassword().equals(registered.encodedPassword())
                && url.host().equals(registered.host())
                && url.port() == registered.port()
                && normalisedPath(url).equals(normalisedPath(registered));
    }

    /** HttpUrl gives "/" for an empty path; a trailing slash is tolerated. */
    private static String normalisedPath(HttpUrl url) {
        String path = url.encodedPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** URL-decoded query parameters in arrival order; the first of a repeated name wins. */
    private static Map<String, String> queryParams(HttpUrl url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            params.putIfAbsent(url.queryParameterName(i), value == null ? "" : value);
        }
        return Collections.unmodifiableMap(params);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
