package com.kitesession.sim;

import com.kitesession.sim.SimulatorState.LoginSession;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The browser side: /connect/login (user id and password), /connect/twofa (TOTP), /connect/finish
 * (issues the request_token and redirects to the app) and /connect/cancel. In the CLASSIC style the
 * pages post forms back here; the single-page styles serve one {@link SinglePageLogin} document
 * whose script talks to {@link LoginApi} instead, and both end at /connect/finish.
 */
final class LoginEndpoints {
    static final String COOKIE = "kf_session";
    static final String COOKIES_DISABLED = "Cookies are disabled in your browser. Please enable cookies and try logging in again.";
    static final String SESSION_EXPIRED = "Your login session has expired. Please start the login again.";

    private final SimulatorState state;
    private final LoginGuard guard;
    private final LoginPageStyle style;

    LoginEndpoints(SimulatorState state, LoginGuard guard, LoginPageStyle style) {
        this.state = state;
        this.guard = guard;
        this.style = style;
    }

    /** GET /connect/login?v=3&api_key=K[&redirect_params=...]: a fresh session and step one. */
    void start(HttpExchange ex) throws IOException {
        Map<String, String> q = Http.query(ex);
        DemoAccount account = state.account(q.get("api_key"));
        if (account == null) {
            // Wording unverified: seen only as the API's reply to an unknown key.
            Http.html(ex, 400, LoginPages.problem("Error", "Invalid `api_key`."));
            return;
        }
        LoginSession s = state.startLogin(account, q.get("redirect_params"));
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + s.cookie + "; Path=/; HttpOnly; SameSite=Lax");
        Http.html(ex, 200, style == LoginPageStyle.CLASSIC ? credentialsPage(s, null, null)
                : SinglePageLogin.page(style, account.apiKey(), finishPath(s), cancelHref(s)));
    }

    /** POST /connect/login: step one. */
    void password(HttpExchange ex) throws IOException {
        Map<String, String> form = Http.form(ex);
        LoginSession s = session(ex, form.get("sess_id"));
        if (s == null) return;
        String userId = form.getOrDefault("user_id", "").strip();
        try {
            guard.password(s, userId, form.get("password"));
        } catch (ApiError rejected) {
            Http.html(ex, 200, credentialsPage(s, rejected.getMessage(), userId));
            return;
        }
        Http.html(ex, 200, twofaPage(s, null));
    }

    /** POST /connect/twofa: step two, checked on the simulator's clock. */
    void twofa(HttpExchange ex) throws IOException {
        Map<String, String> form = Http.form(ex);
        LoginSession s = session(ex, form.get("sess_id"));
        if (s == null) return;
        if (!s.passwordOk) {
            Http.html(ex, 200, credentialsPage(s, null, null));
            return;
        }
        try {
            guard.code(s, form.get("twofa_value"));
        } catch (ApiError rejected) {
            Http.html(ex, 200, twofaPage(s, rejected.getMessage()));
            return;
        }
        Http.redirect(ex, finishPath(s));
    }

    /** GET /connect/finish?api_key=..&sess_id=..: the request_token, off to the app's redirect URL. */
    void finish(HttpExchange ex) throws IOException {
        Map<String, String> q = Http.query(ex);
        LoginSession s = session(ex, q.get("sess_id"));
        if (s == null) return;
        if (!s.twofaOk || !s.account.apiKey().equals(q.get("api_key"))) {
            Http.html(ex, 400, LoginPages.problem("Error", "Invalid session. Please start the login again."));
            return;
        }
        state.endLogin(s);
        List<String> pairs = new ArrayList<>(List.of("action", "login", "type", "login", "status", "success",
                "request_token", state.issueRequestToken(s.account)));
        // redirect_params is a URL-encoded query string; its pairs come back as pairs of their own.
        Http.parse(s.redirectParams).forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        Http.redirect(ex, withQuery(s.account.redirectUrl(), pairs));
    }

    /** GET /connect/cancel?api_key=..: back to the app with status=cancelled, no token, no redirect_params. */
    void cancel(HttpExchange ex) throws IOException {
        DemoAccount account = state.account(Http.query(ex).get("api_key"));
        if (account == null) {
            Http.html(ex, 400, LoginPages.problem("Error", "Invalid `api_key`."));
            return;
        }
        LoginSession s = state.loginSession(Http.cookie(ex, COOKIE));
        if (s != null) state.endLogin(s);
        Http.redirect(ex, withQuery(account.redirectUrl(), List.of("status", "cancelled")));
    }

    /** The session behind the request's cookie, or null after showing why there is none. */
    private LoginSession session(HttpExchange ex, String sessId) throws IOException {
        String cookie = Http.cookie(ex, COOKIE);
        if (cookie == null) {
            // Kite's docs: the login needs cookies; a WebView without them never gets past step one.
            Http.html(ex, 400, LoginPages.problem("Cookies are disabled", COOKIES_DISABLED));
            return null;
        }
        LoginSession s = state.loginSession(cookie);
        if (s == null || !s.sessId.equals(sessId)) {
            Http.html(ex, 400, LoginPages.problem("Session expired", SESSION_EXPIRED));
            return null;
        }
        return s;
    }

    private static String credentialsPage(LoginSession s, String error, String userId) {
        return LoginPages.credentials(s.account.apiKey(), s.sessId, cancelHref(s), error, userId);
    }

    private static String twofaPage(LoginSession s, String error) {
        return LoginPages.twofa(s.account.userId(), s.sessId, cancelHref(s), error);
    }

    /** Where a login whose code was accepted goes next, to collect its request_token. */
    static String finishPath(LoginSession s) {
        return "/connect/finish?api_key=" + Http.encode(s.account.apiKey()) + "&sess_id=" + Http.encode(s.sessId);
    }

    private static String cancelHref(LoginSession s) {
        return "/connect/cancel?api_key=" + Http.encode(s.account.apiKey()) + "&sess_id=" + Http.encode(s.sessId);
    }

    /** {@code url} with name/value pairs appended, whether or not it already has a query. */
    static String withQuery(String url, List<String> pairs) {
        StringBuilder sb = new StringBuilder(url);
        if (!url.endsWith("?") && !url.endsWith("&")) sb.append(url.contains("?") ? '&' : '?');
        for (int i = 0; i < pairs.size(); i += 2) {
            if (i > 0) sb.append('&');
            sb.append(Http.encode(pairs.get(i))).append('=').append(Http.encode(pairs.get(i + 1)));
        }
        return sb.toString();
    }
}
