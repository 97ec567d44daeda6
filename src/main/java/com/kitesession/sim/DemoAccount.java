package com.kitesession.sim;

import java.util.Objects;

/** One registered Kite app (api key, secret, redirect URL) and the user who logs in to it. */
public record DemoAccount(String apiKey, String apiSecret, String redirectUrl, String userId, String password,
                          String totpSecretBase32, String userName, String userShortname, String email) {

    public DemoAccount {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiSecret, "apiSecret");
        Objects.requireNonNull(redirectUrl, "redirectUrl");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(totpSecretBase32, "totpSecretBase32");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(userShortname, "userShortname");
        Objects.requireNonNull(email, "email");
    }

    /** The fixed demo account; its values are documented and printed by {@code sim}, so they are no secret. */
    public static DemoAccount standard() {
        return new DemoAccount(
                "kitesim_demo",
                "kitesimDemoSecret0123456789abcde",   // 32 alphanumerics, like a real api_secret
                // The address the app suggests registering: with a port, so the demo can try both roads.
                "http://127.0.0.1:5483/kite-redirect",
                "DM1234",
                "demo-password",
                "KITESIMULATORDEMOSECRETTOTPABCDE", // base32, 160 bits
                "Demo Trader",
                "Demo",
                "demo.trader@example.com");
    }

    /** The same account registered with another redirect URL (a test's free port, say). */
    public DemoAccount withRedirectUrl(String url) {
        return new DemoAccount(apiKey, apiSecret, url, userId, password, totpSecretBase32, userName, userShortname, email);
    }

    /** Leaves out apiSecret, password and totpSecretBase32 so logs never carry them. */
    @Override
    public String toString() {
        return "DemoAccount[apiKey=" + apiKey + ", redirectUrl=" + redirectUrl + ", userId=" + userId
                + ", userName=" + userName + ", userShortname=" + userShortname + ", email=" + email + "]";
    }
}
