package com.kitesession.kite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.kitesession.kite.KiteApiException.ErrorType;
import com.kitesession.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KiteClientTest {
    private static final String API_KEY = "abc123key";
    private static final String SECRET = "s3cr3tS3cr3tS3cr3t";
    private static final String REQUEST_TOKEN = "Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56";
    private static final String ACCESS_TOKEN = "AcCeSs0123456789AcCeSs0123456789";
    /** checksum of API_KEY + REQUEST_TOKEN + SECRET, from sha256sum. */
    private static final String CHECKSUM = "e4b2db98b78d4a15fd93030d02177f7b1f9887f55bc3c14d983a24dd320ec349";

    private static final List<String> PRODUCTS = List.of("CNC", "NRML", "MIS", "BO", "CO");
    private static final List<String> ORDER_TYPES = List.of("MARKET", "LIMIT", "SL", "SL-M");

    private MockWebServer server;
    private KiteClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = new KiteClient(server.url("/").toString());
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private void answer(int code, String json) {
        server.enqueue(new MockResponse().setResponseCode(code)
                .setHeader("Content-Type", "application/json").setBody(json));
    }

    private static String error(String errorType, String message) {
        return "{\"status\":\"error\",\"message\":\"" + message + "\",\"error_type\":\"" + errorType + "\",\"data\":null}";
    }

    // ---- success paths, Zerodha's own mock responses ----

    @Test
    void generateSessionSendsChecksumNotSecret() throws Exception {
        answer(200, Fixtures.read("generate_session.json"));
        UserSession s = client.generateSession(API_KEY, REQUEST_TOKEN, SECRET);

        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("POST", r.getMethod());
        assertEquals("/session/token", r.getPath());
        assertEquals("3", r.getHeader("X-Kite-Version"));
        assertTrue(r.getHeader("User-Agent").startsWith("kite-session/"));
        assertNull(r.getHeader("Authorization"));
        assertTrue(r.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        String body = r.getBody().readUtf8();
        assertEquals("api_key=" + API_KEY + "&request_token=" + REQUEST_TOKEN + "&checksum=" + CHECKSUM, body);
        assertEquals(Checksum.sha256Hex(API_KEY, REQUEST_TOKEN, SECRET), CHECKSUM);
        assertFalse(body.contains(SECRET));

        assertEquals(new UserSession("XX0000", "Kite Connect", "Connect", "XXXXXX", "individual", "ZERODHA",
                "XXXXXX", "XXXXXX", "XXXXXXXX", ZonedDateTime.of(2021, 1, 1, 16, 15, 14, 0, KiteTime.IST),
                "abc", List.of("NSE", "NFO", "BFO", "CDS", "BSE", "MCX", "BCD", "MF"), PRODUCTS, ORDER_TYPES), s);
        assertEquals("2021-01-01T10:45:14Z", s.loginTime().toInstant().toString());
    }

    /**
     * Servers close keep-alive connections left idle (the simulator after 30 s, web fronts after a
     * minute or so) while the client's pool keeps them for 5 minutes: the periodic liveness check
     * then finds its pooled connection dead. A GET may be sent again on a fresh connection; it was
     * reported as "offline" instead.
     */
    @Test
    void aProfileCheckOnAConnectionTheServerClosedIsSentAgainNotTakenForOffline() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(Fixtures.read("profile.json")).setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
        answer(200, Fixtures.read("profile.json"));
        client.getProfile(API_KEY, ACCESS_TOKEN);
        UserProfile again = client.getProfile(API_KEY, ACCESS_TOKEN);
        assertEquals("AB1234", again.userId());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aSessionExchangeIsNeverSentTwice() throws Exception {
        // The request_token is single-use: a second POST would hide the real error behind "Token is invalid".
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        expect(KiteConnectionException.class, () -> client.generateSession(API_KEY, REQUEST_TOKEN, SECRET));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void getProfileSendsTokenHeader() throws Exception {
        answer(200, Fixtures.read("profile.json"));
        UserProfile p = client.getProfile(API_KEY, ACCESS_TOKEN);

        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("GET", r.getMethod());
        assertEquals("/user/profile", r.getPath());
        assertEquals("3", r.getHeader("X-Kite-Version"));
        assertEquals("token " + API_KEY + ":" + ACCESS_TOKEN, r.getHeader("Authorization"));

        assertEquals(new UserProfile("AB1234", "AxAx Bxx", "AxAx", "xxxyyy@gmail.com", "individual", "ZERODHA", null,
                List.of("BFO", "MCX", "NSE", "CDS", "BSE", "BCD", "MF", "NFO"), PRODUCTS, ORDER_TYPES), p);
    }

    @Test
    void fullProfileWithExtraFieldsParses() throws Exception {
        answer(200, Fixtures.read("full_profile.json"));
        UserProfile p = client.getProfile(API_KEY, ACCESS_TOKEN);
        assertEquals("AB1234", p.userId());
        assertNull(p.avatarUrl());
        assertEquals(List.of("MF", "BCD", "BSE", "BFO", "NFO", "CDS", "NSE"), p.exchanges());
        assertEquals(ORDER_TYPES, p.orderTypes());
    }

    @Test
    void invalidateAccessTokenSendsDeleteWithQuery() throws Exception {
        answer(200, Fixtures.read("session_logout.json"));
        assertTrue(client.invalidateAccessToken(API_KEY, ACCESS_TOKEN));

        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("DELETE", r.getMethod());
        assertEquals("/session/token", r.getRequestUrl().encodedPath());
        assertEquals(API_KEY, r.getRequestUrl().queryParameter("api_key"));
        assertEquals(ACCESS_TOKEN, r.getRequestUrl().queryParameter("access_token"));
        assertEquals("3", r.getHeader("X-Kite-Version"));

        answer(200, "{\"status\":\"success\",\"data\":false}");
        assertFalse(client.invalidateAccessToken(API_KEY, ACCESS_TOKEN));
    }

    @Test
    void missingListsAreEmptyAndOddLoginTimeIsNull() throws Exception {
        answer(200, "{\"status\":\"success\",\"data\":{\"user_id\":\"AB1\",\"access_token\":\"" + ACCESS_TOKEN
                + "\",\"login_time\":\"yesterday\",\"exchanges\":null}}");
        UserSession s = client.generateSession(API_KEY, REQUEST_TOKEN, SECRET);
        assertEquals(List.of(), s.exchanges());
        assertEquals(List.of(), s.products());
        assertEquals(List.of(), s.orderTypes());
        assertNull(s.loginTime());
        assertNull(s.avatarUrl());
    }

    @Test
    void apiBaseWithPathAndTrailingSlash() throws Exception {
        KiteClient c = new KiteClient(server.url("/kite/").toString());
        assertEquals(server.url("/kite").toString(), c.apiBase());
        answer(200, Fixtures.read("profile.json"));
        c.getProfile(API_KEY, ACCESS_TOKEN);
        assertEquals("/kite/user/profile", server.takeRequest(1, TimeUnit.SECONDS).getPath());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals("https://api.kite.trade", new KiteClient(KiteHosts.API_BASE).apiBase());
        OkHttpClient http = KiteClient.defaultHttpClient();
        assertEquals(10_000, http.connectTimeoutMillis());
        assertEquals(7_000, http.readTimeoutMillis());
        assertEquals(7_000, http.writeTimeoutMillis());
        assertEquals(20_000, http.callTimeoutMillis());
        assertFalse(http.retryOnConnectionFailure());
        assertThrows(IllegalArgumentException.class, () -> new KiteClient("api.kite.trade"));
    }

    @Test
    void sessionToStringHidesTokens() throws Exception {
        answer(200, "{\"status\":\"success\",\"data\":{\"user_id\":\"AB1\",\"access_token\":\"" + ACCESS_TOKEN
                + "\",\"public_token\":\"PuBlIcToKeN123\"}}");
        UserSession s = client.generateSession(API_KEY, REQUEST_TOKEN, SECRET);
        assertEquals(ACCESS_TOKEN, s.accessToken());
        String text = s.toString();
        assertFalse(text.contains(ACCESS_TOKEN), text);
        assertFalse(text.contains("PuBlIcToKeN123"), text);
        assertTrue(text.contains("accessToken=****"), text);
        assertTrue(text.contains("AB1"), text);
    }

    // ---- Kite's error envelopes (KITE-FACTS.md) ----

    @Test
    void invalidChecksum() {
        answer(403, error("TokenException", "Invalid `checksum`."));
        var e = expect(KiteApiException.class, () -> client.generateSession(API_KEY, REQUEST_TOKEN, SECRET));
        assertEquals(403, e.httpStatus());
        assertEquals(ErrorType.TOKEN, e.errorType());
        assertEquals("TokenException", e.sentErrorType());
        assertEquals("Invalid `checksum`.", e.kiteMessage());
        assertTrue(e.getMessage().contains("Invalid `checksum`."), e.getMessage());
    }

    @Test
    void expiredSessionOnLogout() {
        answer(403, error("TokenException", "Incorrect `api_key` or `access_token`."));
        var e = expect(KiteApiException.class, () -> client.invalidateAccessToken(API_KEY, ACCESS_TOKEN));
        assertEquals(ErrorType.TOKEN, e.errorType());
    }

    /** The messages seen for real (KITE-FACTS.md), then every other documented error_type. */
    static Stream<Arguments> kiteErrors() {
        return Stream.of(
                arguments(403, "TokenException", "Token is invalid or has expired.", ErrorType.TOKEN),
                arguments(403, "TokenException", "Incorrect `api_key` or `access_token`.", ErrorType.TOKEN),
                arguments(429, "NetworkException", "Too many requests", ErrorType.NETWORK),
                arguments(400, "InputException", "Missing or empty field `api_key`", ErrorType.INPUT),
                arguments(403, "PermissionException", "No permission.", ErrorType.PERMISSION),
                arguments(502, "DataException", "Couldn't parse the response.", ErrorType.DATA),
                arguments(500, "GeneralException", "Something went wrong.", ErrorType.GENERAL),
                arguments(400, "UserException", "User issue.", ErrorType.USER),
                arguments(400, "OrderException", "Order issue.", ErrorType.ORDER),
                arguments(400, "MarginException", "Insufficient funds.", ErrorType.MARGIN),
                arguments(400, "HoldingException", "Insufficient holdings.", ErrorType.HOLDING),
                arguments(503, "NetworkException", "Upstream down.", ErrorType.NETWORK));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("kiteErrors")
    void kiteErrorEnvelopes(int code, String type, String message, ErrorType expected) {
        answer(code, error(type, message));
        var e = expect(KiteApiException.class, () -> client.getProfile(API_KEY, ACCESS_TOKEN));
        assertEquals(code, e.httpStatus());
        assertEquals(expected, e.errorType());
        assertEquals(type, expected.kiteName());
        assertEquals(type, e.sentErrorType());
        assertEquals(type, e.failureName());
        assertEquals(message, e.kiteMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void unknownErrorTypeIsGeneralButKeepsItsName() {
        answer(418, error("TeapotException", "I am a teapot."));
        var e = expect(KiteApiException.class, () -> client.getProfile(API_KEY, ACCESS_TOKEN));
        assertEquals(ErrorType.GENERAL, e.errorType());
        assertEquals("TeapotException", e.sentErrorType());
        assertEquals("I am a teapot.", e.kiteMessage());
        assertTrue(e.getMessage().contains("I am a teapot."));
        assertTrue(e.getMessage().contains("TeapotException"), e.getMessage());
    }

    @Test
    void missingErrorTypeIsGeneral() {
        answer(500, "{\"status\":\"error\",\"message\":\"Something broke.\",\"data\":null}");
        var e = expect(KiteApiException.class, () -> client.getProfile(API_KEY, ACCESS_TOKEN));
        assertEquals(ErrorType.GENERAL, e.errorType());
        assertEquals("GeneralException", e.sentErrorType());
        assertEquals(500, e.httpStatus());
        assertEquals("Something broke.", e.kiteMessage());
    }

    @Test
    void errorEnvelopeWithHttp200StillFails() {
        answer(200, error("InputException", "Missing api_key"));
        var e = expect(KiteApiException.class, () -> client.getProfile(API_KEY, ACCESS_TOKEN));
        assertEquals(ErrorType.INPUT, e.errorType());
    }

    // ---- answers that are not Kite's data ----

    @Test
    void htmlGatewayPage() {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                        + "</center><hr><center>nginx</center></body></html>"));
        var e = expect(KiteUnexpectedResponseException.class, () -> client.getProfile(API_KEY, ACCESS_TOKEN));
        assertEquals(502, e.httpStatus());
        assertEquals("text/html", e.contentType());
        assertTrue(e.getMessage().startsWith("Kite answered HTTP 502 with an HTML page instead of data"), e.getMessage());
        assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
        assertFalse(e.getMessage().contains("nginx"), "no body dump: " + e.getMessage());
    }

    @Test
    void htmlWithHttp200() {
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html; charset=utf-8")
                .setBody("<!doctype html><html><body>Scheduled maintenance</body></html>"));
        var e = expect(KiteUnexpectedResponseException.class,
                () -> client.generateSession(API_KEY, REQUEST_TOKEN, SECRET));
        assertEquals(200, e.httpStatus());
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
    }

    @Test
    void emptyBody() {
        server.enqueue(new MockResponse().setResponseCode(200));
        var e = expect(KiteUnexpectedResponseException.class, () -> client.getProfile(API_KEY, ACCESS_TOKEN));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void plainTextBody() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Content-Type", "text/plain")
                .setBody("upstream connect error"));
        var e = expect(KiteUnexpectedResponseException.class, () -> client.getProfile(API_KEY, ACCESS_TOKEN));
        assertEquals(503, e.httpStatus());
        assertFalse(e.getMessage().contains("upstream"), e.getMessage());
    }

    @Test
    void jsonOfTheWrongShape() {
        for (String body : List.of("{\"status\":\"success\",\"data\":[1,2]}", "{\"status\":\"success\"}",
                "{\"status\":\"success\",\"data\":null}", "{\"hello\":\"world\"}", "[]", "\"text\"",
                "{\"status\":\"success\",\"data\":{\"user_id\":\"AB1\"}}")) {
            answer(200, body);
            var e = expect(KiteUnexpectedResponseException.class,
                    () -> client.generateSession(API_KEY, REQUEST_TOKEN, SECRET));
            assertEquals(200, e.httpStatus(), body);
            assertEquals("application/json", e.contentType(), body);
        }
        answer(200, "{\"status\":\"success\",\"data\":{\"access_token\":\"x\"}}");
        expect(KiteUnexpectedResponseException.class, () -> client.getProfile(API_KEY, ACCESS_TOKEN));
        answer(200, "{\"status\":\"success\",\"data\":\"yes\"}");
        expect(KiteUnexpectedResponseException.class, () -> client.invalidateAccessToken(API_KEY, ACCESS_TOKEN));
    }

    @Test
    void non2xxJsonWithoutErrorEnvelope() {
        answer(404, "{\"detail\":\"not found\"}");
        var e = expect(KiteUnexpectedResponseException.class, () -> client.getProfile(API_KEY, ACCESS_TOKEN));
        assertEquals(404, e.httpStatus());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    // ---- the network itself ----

    private KiteClient impatientClient(String base) {
        OkHttpClient http = KiteClient.defaultHttpClient().newBuilder()
                .connectTimeout(Duration.ofMillis(300)).readTimeout(Duration.ofMillis(300))
                .callTimeout(Duration.ofSeconds(2)).build();
        return new KiteClient(base, http);
    }

    @Test
    void noAnswerIsATimeout() {
        KiteClient c = impatientClient(server.url("/").toString());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        var e = expect(KiteTimeoutException.class, () -> c.invalidateAccessToken(API_KEY, ACCESS_TOKEN));
        assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void slowBodyIsATimeout() {
        KiteClient c = impatientClient(server.url("/").toString());
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(Fixtures.read("generate_session.json")).setBodyDelay(2, TimeUnit.SECONDS));
        expect(KiteTimeoutException.class, () -> c.generateSession(API_KEY, REQUEST_TOKEN, SECRET));
    }

    @Test
    void wholeCallTimeoutIsATimeout() {
        // OkHttp reports its call timeout as a plain InterruptedIOException, not a SocketTimeoutException.
        OkHttpClient http = KiteClient.defaultHttpClient().newBuilder()
                .readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofMillis(300)).build();
        KiteClient c = new KiteClient(server.url("/").toString(), http);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        expect(KiteTimeoutException.class, () -> c.getProfile(API_KEY, ACCESS_TOKEN));
    }

    @Test
    void droppedConnectionIsAConnectionFailure() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        var e = expect(KiteConnectionException.class, () -> client.invalidateAccessToken(API_KEY, ACCESS_TOKEN));
        assertTrue(e.getMessage().contains("broke off"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "no retry");
    }

    @Test
    void closedPortIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        KiteClient c = impatientClient("http://127.0.0.1:" + port);
        var e = expect(KiteConnectionException.class, () -> c.invalidateAccessToken(API_KEY, ACCESS_TOKEN));
        assertTrue(e.getMessage().startsWith("Could not reach Kite"), e.getMessage());
        assertFalse(e.getMessage().contains("Failed to connect"), "OkHttp's own words are not echoed: " + e.getMessage());
        assertNull(e.getCause());
        expect(KiteConnectionException.class, () -> c.generateSession(API_KEY, REQUEST_TOKEN, SECRET));
        expect(KiteConnectionException.class, () -> c.getProfile(API_KEY, ACCESS_TOKEN));
    }

    @Test
    void blankOrHeaderBreakingCredentialsAreRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> client.getProfile(API_KEY, " "));
        assertThrows(IllegalArgumentException.class, () -> client.getProfile(API_KEY, null));
        var e = assertThrows(IllegalArgumentException.class, () -> client.getProfile(API_KEY, "zq9\nwv"));
        assertFalse(e.getMessage().contains("zq9"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    /**
     * Asserts the type, and that nothing the exception can print (message, toString, causes,
     * stack trace) holds the secret, a token or the checksum.
     */
    private static <T extends KiteException> T expect(Class<T> type, Executable call) {
        T e = assertThrows(type, call);
        StringWriter printed = new StringWriter();
        e.printStackTrace(new PrintWriter(printed));
        for (String text : List.of(String.valueOf(e.getMessage()), e.toString(), printed.toString())) {
            for (String secret : List.of(SECRET, ACCESS_TOKEN, REQUEST_TOKEN, CHECKSUM)) {
                assertFalse(text.contains(secret), "leaks a secret: " + text);
            }
        }
        assertFalse(e.getMessage().isBlank());
        assertInstanceOf(type, e);
        return e;
    }
}
