package com.kitesession.session;

import com.kitesession.kite.KiteConnect;

/**
 * One Kite Connect app as the person registered it: the api_key and the redirect URL.
 * {@code loginBase}/{@code apiBase} are Kite's real hosts, or the built-in simulator's for
 * the demo. No secret lives here: the api_secret is held apart and never written with it.
 */
public record KiteProfile(String name, String apiKey, String redirectUrl, String loginBase, String apiBase) {

    public static KiteProfile forKite(String name, String apiKey, String redirectUrl) {
        return new KiteProfile(name, apiKey, redirectUrl, KiteConnect.LOGIN_BASE, KiteConnect.API_BASE);
    }

    public boolean isDemo() {
        return !KiteConnect.API_BASE.equals(apiBase);
    }

    public KiteProfile withApp(String newApiKey, String newRedirectUrl) {
        return new KiteProfile(name, newApiKey, newRedirectUrl, loginBase, apiBase);
    }
}
