package com.kitesession.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.kitesession.kite.KiteTime;
import com.kitesession.sim.SimulatorState.AccessSession;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The JSON endpoints: POST/DELETE /session/token and GET /user/profile, in the shapes of Zerodha's mocks. */
final class SessionApi {
    static final String BAD_ACCESS = "Incorrect `api_key` or `access_token`.";
    private static final DateTimeFormatter LOGIN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> EXCHANGES = List.of("NSE", "NFO", "BFO", "CDS", "BSE", "MCX", "BCD", "MF");
    private static final List<String> PRODUCTS = List.of("CNC", "NRML", "MIS", "BO", "CO");
    private static final List<String> ORDER_TYPES = List.of("MARKET", "LIMIT", "SL", "SL-M");

    private final SimulatorState state;

    SessionApi(SimulatorState state) {
        this.state = state;
    }

    /** POST /session/token: api_key, request_token, checksum. */
    void generateSession(HttpExchange ex) throws IOException, ApiError {
        Map<String, String> form = Http.form(ex);
        for (String field : List.of("api_key", "request_token", "checksum")) {
            // Wording unverified; Kite answers missing inputs with an InputException.
            if (form.getOrDefault(field, "").isEmpty()) throw ApiError.input("Missing `" + field + "`.");
        }
        DemoAccount account = state.account(form.get("api_key"));
        if (account == null) throw ApiError.token("Invalid `api_key`."); // wording unverified
        String expected = sha256Hex(account.apiKey() + form.get("request_token") + account.apiSecret());
        // Checked before the token is looked up, so a wrong secret does not burn the request_token:
        // the person can fix the secret and retry within the token's few minutes.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                form.get("checksum").getBytes(StandardCharsets.US_ASCII))) {
            throw ApiError.token("Invalid `checksum`.");
        }
        Http.success(ex, sessionJson(state.exchange(account, form.get("request_token"))));
    }

    /** GET /user/profile with Authorization: token api_key:access_token. */
    void profile(HttpExchange ex) throws IOException, ApiError {
        // X-Kite-Version is not demanded: the SDKs always send it, and a missing one is not what this simulates.
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String prefix = "token ";
        if (auth == null || !auth.regionMatches(true, 0, prefix, 0, prefix.length())) throw ApiError.token(BAD_ACCESS);
        String[] keyAndToken = auth.substring(prefix.length()).strip().split(":", 2);
        AccessSession s = keyAndToken.length == 2 ? state.liveSession(keyAndToken[0], keyAndToken[1]) : null;
        if (s == null) throw ApiError.token(BAD_ACCESS);
        Http.success(ex, profileJson(s.account()));
    }

    /**
     * DELETE /session/token?api_key=..&access_token=..: the token dies. Idempotent: an unknown or
     * already dead token also answers data true, since the caller's aim (that token unusable) holds
     * and an SDK's logout of an expired session should not raise.
     */
    void logout(HttpExchange ex) throws IOException, ApiError {
        Map<String, String> q = Http.query(ex);
        for (String field : List.of("api_key", "access_token")) {
            if (q.getOrDefault(field, "").isEmpty()) throw ApiError.input("Missing `" + field + "`.");
        }
        state.logout(q.get("api_key"), q.get("access_token"));
        Http.success(ex, new JsonPrimitive(true));
    }

    private JsonObject sessionJson(AccessSession s) {
        DemoAccount a = s.account();
        JsonObject data = new JsonObject();
        addUserFields(data, a);
        data.addProperty("user_id", a.userId());
        data.addProperty("api_key", a.apiKey());
        data.addProperty("access_token", s.accessToken());
        data.addProperty("public_token", s.publicToken());
        data.addProperty("enctoken", s.enctoken());
        data.addProperty("refresh_token", "");
        data.addProperty("silo", "");
        data.addProperty("login_time", LOGIN_TIME.format(s.loginTime().atZone(KiteTime.IST))); // naive IST
        data.add("meta", meta());
        return data;
    }

    private static JsonObject profileJson(DemoAccount a) {
        JsonObject data = new JsonObject();
        data.addProperty("user_id", a.userId());
        addUserFields(data, a);
        data.add("meta", meta());
        return data;
    }

    private static void addUserFields(JsonObject data, DemoAccount a) {
        data.addProperty("user_type", "individual");
        data.addProperty("email", a.email());
        data.addProperty("user_name", a.userName());
        data.addProperty("user_shortname", a.userShortname());
        data.addProperty("broker", "ZERODHA");
        data.add("exchanges", array(EXCHANGES));
        data.add("products", array(PRODUCTS));
        data.add("order_types", array(ORDER_TYPES));
        data.add("avatar_url", JsonNull.INSTANCE); // Kite sends null when the user has no picture
    }

    private static JsonObject meta() {
        JsonObject meta = new JsonObject();
        meta.addProperty("demat_consent", "physical");
        return meta;
    }

    private static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
