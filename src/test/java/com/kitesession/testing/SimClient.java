package com.kitesession.testing;

import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.LoginPageStyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kitesession.kite.Checksum;
import com.kitesession.otp.Totp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw HTTP against a simulator, one hop at a time (no redirects followed), with a browser-like cookie jar. */
public final class SimClient {
    /** One reply, read in full. */
    public record Reply(int code, String contentType, String body, String location) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** The value of a hidden or text input by name, e.g. the sess_id the form carries. */
        public String input(String name) {
            Matcher m = Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"").matcher(body);
            assertTrue(m.find(), "no input " + name + " in " + body);
            return m.group(1);
        }
    }

    /** Keeps cookies as a browser would, per host (path and expiry are not needed here). */
    public static final class MemoryCookieJar implements CookieJar {
        public final List<Cookie> cookies = new ArrayList<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> fresh) {
            for (Cookie c : fresh) {
                cookies.removeIf(old -> old.name().equals(c.name()) && old.domain().equals(c.domain()));
                cookies.add(c);
            }
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            return cookies.stream().filter(c -> c.matches(url)).toList();
        }
    }

    public final KiteSimulator sim;
    public final MemoryCookieJar cookies = new MemoryCookieJar();
    public final OkHttpClient http;

    public SimClient(KiteSimulator sim) {
        this.sim = sim;
        http = new OkHttpClient.Builder().followRedirects(false).cookieJar(cookies).build();
    }

    public Reply get(String pathAndQuery) {
        return call(new Request.Builder().url(sim.baseUrl() + pathAndQuery).build());
    }

    public Reply post(String path, Map<String, String> form) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        return call(new Request.Builder().url(sim.baseUrl() + path).post(body.build()).build());
    }

    public Reply call(String method, String pathAndQuery, RequestBody body, String authorization) {
        Request.Builder b = new Request.Builder().url(sim.baseUrl() + pathAndQuery).method(method, body)
                .header("X-Kite-Version", "3");
        if (authorization != null) b.header("Authorization", authorization);
        return call(b.build());
    }

    public Reply call(Request request) {
        try (Response r = http.newCall(request).execute()) {
            return new Reply(r.code(), r.header("Content-Type"), r.body().string(), r.header("Location"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET /connect/login: a fresh login session (its cookie lands in the jar) and the first page. */
    public Reply openLogin(DemoAccount a, String redirectParams) {
        Reply start = get("/connect/login?v=3&api_key=" + encode(a.apiKey())
                + (redirectParams == null ? "" : "&redirect_params=" + encode(redirectParams)));
        assertEquals(200, start.code(), start.body());
        return start;
    }

    /** GET /connect/login, then the credentials; returns the 2FA page. */
    public Reply passwordStep(DemoAccount a, String redirectParams) {
        Reply start = openLogin(a, redirectParams);
        Reply twofa = post("/connect/login", Map.of("sess_id", start.input("sess_id"), "user_id", a.userId(), "password", a.password()));
        assertTrue(twofa.body().contains("id=\"totp\""), twofa.body());
        return twofa;
    }

    /** The whole login, as the simulator's login page goes; returns the Location of the final redirect to the app. */
    public String login(DemoAccount a, String redirectParams) {
        return sim.loginPage() == LoginPageStyle.CLASSIC ? classicLogin(a, redirectParams) : spaLogin(a, redirectParams);
    }

    /** The whole login through the classic pages' form posts. */
    public String classicLogin(DemoAccount a, String redirectParams) {
        Reply twofa = passwordStep(a, redirectParams);
        Reply finish = post("/connect/twofa", Map.of("sess_id", twofa.input("sess_id"),
                "twofa_value", code(a)));
        assertEquals(302, finish.code(), finish.body());
        Reply toApp = get(finish.location());
        assertEquals(302, toApp.code(), toApp.body());
        return toApp.location();
    }

    /** The single-page login's step one, as its script posts it. */
    public Reply apiLogin(String userId, String password) {
        return post("/api/login", Map.of("user_id", userId, "password", password));
    }

    /** The single-page login's step two, as its script posts it. */
    public Reply apiTwofa(String userId, String requestId, String code) {
        return post("/api/twofa", Map.of("user_id", userId, "request_id", requestId, "twofa_value", code,
                "twofa_type", "totp", "skip_session", ""));
    }

    /** The code the person's authenticator shows now, on the simulator's clock. */
    public String code(DemoAccount a) {
        return Totp.code(a.totpSecretBase32(), sim.clock().instant());
    }

    /**
     * The whole single-page login over HTTP, as its script goes: the page, /api/login, /api/twofa,
     * then /connect/finish (whose path the page carries); returns the Location of the redirect to the app.
     */
    public String spaLogin(DemoAccount a, String redirectParams) {
        Reply page = openLogin(a, redirectParams);
        Reply login = apiLogin(a.userId(), a.password());
        assertEquals(200, login.code(), login.body());
        String requestId = login.json().getAsJsonObject("data").get("request_id").getAsString();
        Reply twofa = apiTwofa(a.userId(), requestId, code(a));
        assertEquals(200, twofa.code(), twofa.body());
        Reply toApp = get(finishPath(page));
        assertEquals(302, toApp.code(), toApp.body());
        return toApp.location();
    }

    /** The /connect/finish path a single-page login page navigates to once the code is accepted. */
    public static String finishPath(Reply page) {
        Matcher m = Pattern.compile("data-finish=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), "no data-finish in " + page.body());
        return m.group(1).replace("&amp;", "&");
    }

    public String requestToken(DemoAccount a) {
        return HttpUrl.get(login(a, null)).queryParameter("request_token");
    }

    public Reply exchange(DemoAccount a, String requestToken) {
        return exchange(a.apiKey(), requestToken, Checksum.sha256Hex(a.apiKey(), requestToken, a.apiSecret()));
    }

    public Reply exchange(String apiKey, String requestToken, String checksum) {
        FormBody.Builder body = new FormBody.Builder();
        if (apiKey != null) body.add("api_key", apiKey);
        if (requestToken != null) body.add("request_token", requestToken);
        if (checksum != null) body.add("checksum", checksum);
        return call("POST", "/session/token", body.build(), null);
    }

    /** A fresh access token by the full login and exchange. */
    public String accessToken(DemoAccount a) {
        Reply r = exchange(a, requestToken(a));
        assertEquals(200, r.code(), r.body());
        return r.json().getAsJsonObject("data").get("access_token").getAsString();
    }

    public Reply profile(String apiKey, String accessToken) {
        return call("GET", "/user/profile", null, "token " + apiKey + ":" + accessToken);
    }

    public Reply logout(String apiKey, String accessToken) {
        return call("DELETE", "/session/token?api_key=" + encode(apiKey) + "&access_token=" + encode(accessToken), null, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public Clock clock() {
        return sim.clock();
    }
}
