package com.kitesession.sim;

import com.google.gson.JsonObject;
import com.kitesession.sim.SimulatorState.LoginSession;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/**
 * The single-page login's XHR endpoints: POST /api/login (user id and password) and POST /api/twofa
 * (the code). Both answer JSON in Kite's envelope; the login session is the one behind the cookie
 * that GET /connect/login set, and only /connect/finish (which the page opens on success) issues
 * the request_token.
 */
final class LoginApi {
    private final SimulatorState state;
    private final LoginGuard guard;

    LoginApi(SimulatorState state, LoginGuard guard) {
        this.state = state;
        this.guard = guard;
    }

    /** POST /api/login: form user_id, password. */
    void login(HttpExchange ex) throws IOException, ApiError {
        Map<String, String> form = Http.form(ex);
        LoginSession s = session(ex);
        guard.password(s, form.get("user_id"), form.get("password"));
        JsonObject data = new JsonObject();
        data.addProperty("user_id", s.account.userId());
        data.addProperty("request_id", s.requestId);
        data.addProperty("twofa_type", "totp");
        data.addProperty("twofa_status", "active");
        Http.success(ex, data);
    }

    /** POST /api/twofa: form user_id, request_id, twofa_value, twofa_type (totp), skip_session. */
    void twofa(HttpExchange ex) throws IOException, ApiError {
        Map<String, String> form = Http.form(ex);
        LoginSession s = session(ex);
        String requestId = s.requestId;
        // Before a good password there is no request_id; another one, or another user's, gets nowhere.
        if (!s.passwordOk || requestId == null || !requestId.equals(form.get("request_id"))
                || !s.account.userId().equalsIgnoreCase(form.getOrDefault("user_id", "").strip())) {
            throw ApiError.input("Invalid `request_id`. Please start the login again."); // wording unverified
        }
        String type = form.getOrDefault("twofa_type", "totp");
        if (!type.equals("totp")) throw ApiError.input("Invalid `twofa_type`."); // only external TOTP is simulated
        guard.code(s, form.get("twofa_value"));
        Http.success(ex, new JsonObject());
    }

    /** The login session behind the request's cookie; Kite's docs: the login fails without cookies. */
    private LoginSession session(HttpExchange ex) throws ApiError {
        String cookie = Http.cookie(ex, LoginEndpoints.COOKIE);
        if (cookie == null) throw ApiError.input(LoginEndpoints.COOKIES_DISABLED);
        LoginSession s = state.loginSession(cookie);
        if (s == null) throw ApiError.input(LoginEndpoints.SESSION_EXPIRED);
        return s;
    }
}
