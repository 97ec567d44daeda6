package com.kitesession.session;

import com.kitesession.kite.KiteHosts;
import java.util.UUID;

/**
 * One Kite Connect app (and the account that logs in to it) as the person registered it.
 * {@code id} is stable across renames and keys the profile's secrets; {@code userId} (the Kite
 * client id, optional) is filled into the login page. {@code loginBase}/{@code apiBase} are
 * Kite's real hosts, or the built-in simulator's for the demo. No secret lives here.
 */
public record KiteProfile(String id, String name, String apiKey, String redirectUrl, String userId,
        String loginBase, String apiBase) {

    public static final String DEMO_ID = "demo";

    public static KiteProfile forKite(String name, String apiKey, String redirectUrl, String userId) {
        return new KiteProfile(UUID.randomUUID().toString(), name, apiKey, redirectUrl, userId,
                KiteHosts.LOGIN_BASE, KiteHosts.API_BASE);
    }

    /** A profile for a Kite simulator on this computer ({@code kite-session sim}): login and API at {@code baseUrl}. */
    public static KiteProfile forSimulator(String name, String apiKey, String redirectUrl, String userId, String baseUrl) {
        return new KiteProfile(UUID.randomUUID().toString(), name, apiKey, redirectUrl, userId, baseUrl, baseUrl);
    }

    public boolean isDemo() {
        return DEMO_ID.equals(id);
    }

    public KiteProfile withApp(String newName, String newApiKey, String newRedirectUrl, String newUserId) {
        return new KiteProfile(id, newName, newApiKey, newRedirectUrl, newUserId, loginBase, apiBase);
    }
}
