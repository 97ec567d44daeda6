package com.kitesession.kite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the URL that starts a Kite login in a browser. */
public final class LoginUrls {
    private LoginUrls() {}

    /**
     * {@code loginBase + "/connect/login?v=3&api_key=" + urlenc(apiKey)}, plus
     * {@code "&redirect_params=" + urlenc(redirectParams)} when redirectParams is non-null and
     * non-blank. Kite echoes redirect_params back on a successful login (not on cancel).
     * A trailing "/" on loginBase is stripped.
     */
    public static String loginUrl(String loginBase, String apiKey, String redirectParams) {
        if (loginBase == null || loginBase.isBlank()) {
            throw new IllegalArgumentException("The Kite login address is empty.");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("The API key is empty.");
        }
        String base = loginBase.endsWith("/") ? loginBase.substring(0, loginBase.length() - 1) : loginBase;
        StringBuilder url = new StringBuilder(base)
                .append("/connect/login?v=").append(KiteHosts.KITE_VERSION)
                .append("&api_key=").append(urlenc(apiKey));
        if (redirectParams != null && !redirectParams.isBlank()) {
            url.append("&redirect_params=").append(urlenc(redirectParams));
        }
        return url.toString();
    }

    private static String urlenc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
