package com.kitesession.kite;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The three Kite Connect calls a session manager needs: exchange a request token for a session,
 * check a session is alive, log it out. Blocking; call it off the UI thread.
 */
public final class KiteClient {
    private static final String USER_AGENT = "kite-session/0.1";
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(20);

    private final String apiBase;
    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    /**
     * The same client (same pool) for GET only, which may be sent again on a fresh connection when
     * the pooled one was closed by the server while idle: a liveness check every few minutes
     * nearly always finds it so. Never for POST or DELETE (see {@link #defaultHttpClient}).
     */
    private final OkHttpClient resendingHttp;

    public KiteClient(String apiBase) {
        this(apiBase, defaultHttpClient());
    }

    public KiteClient(String apiBase, OkHttpClient http) {
        String base = apiBase == null ? "" : apiBase.trim();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        HttpUrl url = HttpUrl.parse(base);
        if (url == null) {
            throw new IllegalArgumentException("The Kite API address must be a full http:// or https:// address, "
                    + "like " + KiteHosts.API_BASE + ".");
        }
        if (http == null) throw new IllegalArgumentException("No HTTP client given.");
        if (!url.isHttps() && !LoopbackHosts.isLoopback(url.host())) {
            throw new IllegalArgumentException("The Kite API address " + url.host() + " starts with http://, which"
                    + " would send the checksum and tokens unencrypted. Use https:// (Kite's is "
                    + KiteHosts.API_BASE + "); plain http:// is only for the simulator on this computer.");
        }
        this.apiBase = base;
        this.baseUrl = url;
        this.http = hardened(http);
        this.resendingHttp = this.http.newBuilder().retryOnConnectionFailure(true).build();
    }

    /**
     * Whatever client the caller built: never follow a redirect (Kite's API never redirects, and
     * following one re-sends the api_key, request_token and checksum, or the access token, to its
     * target), and always bound the whole call, so a body that drips forever still ends.
     */
    private static OkHttpClient hardened(OkHttpClient http) {
        OkHttpClient.Builder builder = http.newBuilder().followRedirects(false).followSslRedirects(false);
        if (http.callTimeoutMillis() == 0) builder.callTimeout(CALL_DEADLINE);
        return builder.build();
    }


    /** The client actually used, for tests of its settings. */
    OkHttpClient http() {
        return http;
    }

    /**
     * Timeouts as the official SDKs use them (10 s connect like Java, 7 s read like Python and Go),
     * capped at 20 s per call. No silent retries: a repeated POST /session/token would spend the
     * single-use request token twice and hide the real error behind "Token is invalid".
     */
    public static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(7))
                .writeTimeout(Duration.ofSeconds(7))
                .callTimeout(CALL_DEADLINE)
                .retryOnConnectionFailure(false)
                .build();
    }

    public String apiBase() {
        return apiBase;
    }

    /** POST {apiBase}/session/token, form api_key, request_token, checksum. The secret never travels. */
    public UserSession generateSession(String apiKey, String requestToken, String apiSecret) throws KiteException {
        require(apiKey, "API key");
        require(requestToken, "request token");
        require(apiSecret, "API secret");
        FormBody form = new FormBody.Builder()
                .add("api_key", apiKey)
                .add("request_token", requestToken)
                .add("checksum", Checksum.sha256Hex(apiKey, requestToken, apiSecret))
                .build();
        return call(newRequest(url("session/token").build()).post(form).build())
                .read(Models::session, "a session");
    }

    /** GET {apiBase}/user/profile with Authorization: token apiKey:accessToken. */
    public UserProfile getProfile(String apiKey, String accessToken) throws KiteException {
        Request request = authorised(url("user/profile").build(), apiKey, accessToken).get().build();
        return call(request).read(Models::profile, "a user profile");
    }

    /**
     * DELETE {apiBase}/session/token?api_key=..&access_token=.. and return the body's data boolean.
     * The access token rides in the URL here (Kite's design), so nothing below may echo the URL.
     */
    public boolean invalidateAccessToken(String apiKey, String accessToken) throws KiteException {
        HttpUrl url = url("session/token")
                .addQueryParameter("api_key", apiKey)
                .addQueryParameter("access_token", accessToken)
                .build();
        Answer answer = call(authorised(url, apiKey, accessToken).delete().build());
        if (!answer.data.isJsonPrimitive() || !answer.data.getAsJsonPrimitive().isBoolean()) {
            throw answer.wrongShape("a yes/no answer");
        }
        return answer.data.getAsBoolean();
    }

    private HttpUrl.Builder url(String path) {
        return baseUrl.newBuilder().addPathSegments(path);
    }

    private static Request.Builder newRequest(HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .header("X-Kite-Version", KiteHosts.KITE_VERSION)
                .header("User-Agent", USER_AGENT);
    }

    /** A request with Kite's {@code Authorization: token api_key:access_token} header. */
    private static Request.Builder authorised(HttpUrl url, String apiKey, String accessToken) {
        require(apiKey, "API key");
        require(accessToken, "access token");
        return newRequest(url).header("Authorization", "token " + apiKey + ":" + accessToken);
    }

    /** Non-blank printable ASCII: anything else cannot be right and would break the HTTP headers. */
    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is empty.");
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("The " + what + " contains spaces or characters Kite never uses.");
        }
    }

    /** The {@code data} of an answer, with the status and content type needed to report a wrong shape. */
    private record Answer(int code, String contentType, JsonElement data) {
        /** The data object read by {@code reader}, which returns null when a key field is missing. */
        <T> T read(Function<JsonObject, T> reader, String what) throws KiteUnexpectedResponseException {
            T value = data.isJsonObject() ? reader.apply(data.getAsJsonObject()) : null;
            if (value == null) throw wrongShape(what);
            return value;
        }

        KiteUnexpectedResponseException wrongShape(String what) {
            return new KiteUnexpectedResponseException(code, contentType, "Kite answered HTTP " + code
                    + " but without " + what + " this app can read.");
        }
    }

    /** Runs the request and returns the {@code data} of Kite's success envelope. */
    private Answer call(Request request) throws KiteException {
        int code;
        String contentType;
        String body;
        OkHttpClient client = "GET".equals(request.method()) ? resendingHttp : http;
        try (Response response = client.newCall(request).execute()) {
            code = response.code();
            if (response.isRedirect() || code / 100 == 3) throw new KiteRedirectException(code, baseUrl.host());
            contentType = response.header("Content-Type");
            body = BoundedBody.read(response.body(), BoundedBody.MAX_BYTES);
        } catch (IOException e) {
            throw networkFailure(e);
        }
        if (body == null) throw new KiteAnswerTooLargeException(code, baseUrl.host());

        JsonObject envelope = parseObject(body);
        if (envelope == null) throw NotJsonAnswer.describe(code, contentType, body);
        // Like the official SDKs: an error envelope counts whatever the HTTP status says.
        if ("error".equals(Models.text(envelope, "status")) || Models.text(envelope, "error_type") != null) {
            throw KiteApiException.of(code, Models.text(envelope, "error_type"), Models.text(envelope, "message"));
        }
        if (code < 200 || code > 299) {
            throw new KiteUnexpectedResponseException(code, contentType,
                    "Kite answered HTTP " + code + " without its usual error details.");
        }
        Answer answer = new Answer(code, contentType, envelope.get("data"));
        if (!"success".equals(Models.text(envelope, "status")) || answer.data == null || answer.data.isJsonNull()) {
            throw answer.wrongShape("data");
        }
        return answer;
    }

    /** Never keeps the IOException: its message or stack may name the URL, which can hold a token. */
    private KiteException networkFailure(IOException e) {
        String host = baseUrl.host();
        // SocketTimeoutException is an InterruptedIOException; so is OkHttp's whole-call timeout.
        if (e instanceof InterruptedIOException) {
            return new KiteTimeoutException("Kite (" + host + ") did not answer in time. "
                    + "The network may be slow or Kite busy; please try again.");
        }
        String why;
        if (e instanceof UnknownHostException) {
            why = "the address " + host + " could not be found. Is this computer online?";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            why = "the connection to " + host + " was refused or blocked. Is this computer online?";
        } else if (e instanceof SSLException) {
            why = "the secure (TLS) connection to " + host + " failed. A firewall, proxy or antivirus "
                    + "may be intercepting it, or this computer's clock may be wrong.";
        } else {
            why = "the connection to " + host + " broke off (" + e.getClass().getSimpleName() + ").";
        }
        return new KiteConnectionException(host, "Could not reach Kite: " + why);
    }

    private static JsonObject parseObject(String body) {
        try {
            JsonElement json = JsonParser.parseString(body);
            return json.isJsonObject() ? json.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }
}
