package com.kitesession.bench;

import com.google.gson.JsonObject;
import com.kitesession.clock.ClockOffsets;
import com.kitesession.clock.DateHeaderClockProbe;
import com.kitesession.kite.Checksum;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteException;
import com.kitesession.otp.Totp;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.LoginPageStyle;
import com.kitesession.sim.SimulatorConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import okhttp3.Response;

/**
 * The exchange alone: {@code POST /session/token} against the simulator on 127.0.0.1, three ways
 * on one reused OkHttp client each (so every call rides a kept-alive connection):
 * <ul>
 * <li><b>bare</b>: OkHttp posts the same form (checksum computed beforehand) and reads the body as a string;</li>
 * <li><b>client</b>: {@link KiteClient#generateSession} (checksum, form, envelope and JSON parsing, checks);</li>
 * <li><b>app</b>: the same through the app's client, which also reads each answer's Date header
 *     to measure the clock ({@link DateHeaderClockProbe}).</li>
 * </ul>
 * Each call spends a fresh request_token (they are single-use), minted beforehand through the
 * simulator's login pages, so the server does the same work in all three. The order of the three
 * rotates every iteration, so drift on a shared machine hits them alike.
 */
final class ExchangeBench {
    private static final Pattern SESS_ID = Pattern.compile("name=\"sess_id\" value=\"([^\"]+)\"");

    private ExchangeBench() {}

    static JsonObject run(int warmup, int iterations) throws IOException, KiteException {
        // Tokens are minted through the classic pages' form posts: plain HTTP, no script to run.
        SimulatorConfig config = SimulatorConfig.builder().rateLimitPerSecond(1_000_000)
                .requestTokenTtl(Duration.ofHours(1)).loginPage(LoginPageStyle.CLASSIC).build();
        try (KiteSimulator sim = KiteSimulator.start(config)) {
            DemoAccount account = sim.account();
            List<String> tokens = mint(sim, 3 * (warmup + iterations));

            OkHttpClient bareHttp = KiteClient.defaultHttpClient();
            OkHttpClient plainHttp = KiteClient.defaultHttpClient();
            KiteClient client = new KiteClient(sim.baseUrl(), plainHttp);
            OkHttpClient probing = KiteClient.defaultHttpClient().newBuilder()
                    .addNetworkInterceptor(new DateHeaderClockProbe(new ClockOffsets(Clock.systemUTC()), Clock.systemUTC()))
                    .build();
            KiteClient appClient = new KiteClient(sim.baseUrl(), probing);
            HttpUrl tokenUrl = HttpUrl.get(sim.baseUrl() + "/session/token");

            double[] bare = new double[iterations];
            double[] plain = new double[iterations];
            double[] app = new double[iterations];
            int next = 0;
            for (int i = 0; i < warmup + iterations; i++) {
                long[] took = new long[3];
                for (int k = 0; k < 3; k++) {
                    int which = (i + k) % 3;
                    String token = tokens.get(next++);
                    String checksum = Checksum.sha256Hex(account.apiKey(), token, account.apiSecret());
                    long start = System.nanoTime();
                    switch (which) {
                        case 0 -> bareCall(bareHttp, tokenUrl, account.apiKey(), token, checksum);
                        case 1 -> client.generateSession(account.apiKey(), token, account.apiSecret());
                        default -> appClient.generateSession(account.apiKey(), token, account.apiSecret());
                    }
                    took[which] = System.nanoTime() - start;
                }
                if (i >= warmup) {
                    bare[i - warmup] = took[0] / 1e3;
                    plain[i - warmup] = took[1] / 1e3;
                    app[i - warmup] = took[2] / 1e3;
                }
            }
            double[] overheadClient = new double[iterations];
            double[] overheadApp = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                overheadClient[i] = plain[i] - bare[i];
                overheadApp[i] = app[i] - bare[i];
            }
            JsonObject out = new JsonObject();
            out.addProperty("warmup", warmup);
            out.addProperty("iterations", iterations);
            out.addProperty("unit", "microseconds");
            out.add("bareOkHttp", Report.statsJson(Stats.ofArray(bare)));
            out.add("kiteClient", Report.statsJson(Stats.ofArray(plain)));
            out.add("kiteClientAsInApp", Report.statsJson(Stats.ofArray(app)));
            out.add("overheadKiteClientPaired", Report.statsJson(Stats.ofArray(overheadClient)));
            out.add("overheadAsInAppPaired", Report.statsJson(Stats.ofArray(overheadApp)));
            // One pooled connection each: the calls reused their connection rather than opening one per call.
            out.addProperty("connectionsOpenedBare", bareHttp.connectionPool().connectionCount());
            out.addProperty("connectionsOpenedKiteClient", plainHttp.connectionPool().connectionCount());
            out.addProperty("connectionsOpenedAsInApp", probing.connectionPool().connectionCount());
            return out;
        }
    }

    private static void bareCall(OkHttpClient http, HttpUrl url, String apiKey, String token, String checksum)
            throws IOException {
        FormBody form = new FormBody.Builder().add("api_key", apiKey).add("request_token", token)
                .add("checksum", checksum).build();
        try (Response response = http.newCall(new Request.Builder().url(url).post(form).build()).execute()) {
            String body = response.body().string();
            if (response.code() != 200 || body.isEmpty()) throw new IOException("bare exchange answered " + response.code());
        }
    }

    /** {@code count} fresh request tokens, each through the whole login (pages, password, 2FA, redirect). */
    static List<String> mint(KiteSimulator sim, int count) throws IOException {
        DemoAccount a = sim.account();
        Map<String, Cookie> jar = new HashMap<>();
        OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).cookieJar(new CookieJar() {
            @Override
            public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
                cookies.forEach(c -> jar.put(c.name(), c));
            }

            @Override
            public List<Cookie> loadForRequest(HttpUrl url) {
                return new ArrayList<>(jar.values());
            }
        }).build();
        String base = sim.baseUrl();
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String start = text(http, new Request.Builder().url(base + "/connect/login?v=3&api_key=" + a.apiKey()).build());
            Matcher m = SESS_ID.matcher(start);
            if (!m.find()) throw new IOException("no sess_id on the simulator's login page");
            String sessId = m.group(1);
            text(http, post(base + "/connect/login", "sess_id", sessId, "user_id", a.userId(), "password", a.password()));
            String finish = location(http, post(base + "/connect/twofa", "sess_id", sessId,
                    "twofa_value", Totp.code(a.totpSecretBase32(), sim.clock().instant())));
            String redirect = location(http, new Request.Builder().url(HttpUrl.get(base).resolve(finish)).build());
            String token = HttpUrl.get(redirect).queryParameter("request_token");
            if (token == null) throw new IOException("the simulator's redirect carried no request_token");
            tokens.add(token);
        }
        return tokens;
    }

    private static Request post(String url, String... pairs) {
        FormBody.Builder form = new FormBody.Builder();
        for (int i = 0; i < pairs.length; i += 2) form.add(pairs[i], pairs[i + 1]);
        return new Request.Builder().url(url).post(form.build()).build();
    }

    private static String text(OkHttpClient http, Request request) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            if (r.code() != 200) throw new IOException(request.url().encodedPath() + " answered " + r.code());
            return r.body().string();
        }
    }

    private static String location(OkHttpClient http, Request request) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            String location = r.header("Location");
            if (r.code() != 302 || location == null) throw new IOException(request.url().encodedPath() + " answered " + r.code());
            return location;
        }
    }
}
