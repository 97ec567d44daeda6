package com.kitesession.sim;

import com.kitesession.testing.SimClient;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.kitesession.testing.SimClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionApiTest {
    private static final Instant TEN_AM_IST = OffsetDateTime.parse("2026-11-23T10:00:00+05:30").toInstant();
    private static final String BAD_ACCESS = "Incorrect `api_key` or `access_token`.";

    private final SimulatorClock clock = SimulatorClock.fixedAt(TEN_AM_IST);
    private final AtomicLong nanos = new AtomicLong(); // frozen: every request falls in one rate window
    private KiteSimulator sim = LoginEndpointsTest.start(SimulatorConfig.builder().clock(clock).nanoTime(nanos::get).rateLimitPerSecond(1000));
    private SimClient client = new SimClient(sim);
    private final DemoAccount demo = sim.account();

    @AfterEach
    void stop() {
        sim.close();
    }

    private static void assertError(Reply r, int status, String type, String message) {
        assertEquals(status, r.code(), r.body());
        assertEquals("application/json", r.contentType());
        JsonObject body = r.json();
        assertEquals("error", body.get("status").getAsString());
        assertEquals(type, body.get("error_type").getAsString());
        assertEquals(message, body.get("message").getAsString());
        assertTrue(body.has("data") && body.get("data").isJsonNull(), r.body());
        assertEquals(4, body.size(), r.body());
    }

    @Test
    void exchangeReturnsSessionForTheAccount() {
        Reply r = client.exchange(demo, client.requestToken(demo));
        assertEquals(200, r.code(), r.body());
        assertEquals("application/json", r.contentType());
        assertEquals("success", r.json().get("status").getAsString());
        JsonObject data = r.json().getAsJsonObject("data");
        assertEquals(demo.userId(), data.get("user_id").getAsString());
        assertEquals(demo.apiKey(), data.get("api_key").getAsString());
        assertEquals(demo.userName(), data.get("user_name").getAsString());
        assertEquals(demo.userShortname(), data.get("user_shortname").getAsString());
        assertEquals(demo.email(), data.get("email").getAsString());
        assertTrue(data.get("access_token").getAsString().matches("[A-Za-z0-9]{32}"));
        assertNotEquals(data.get("access_token").getAsString(), data.get("public_token").getAsString());
        assertEquals("2026-11-23 10:00:00", data.get("login_time").getAsString()); // naive IST
        assertFalse(r.body().contains(demo.apiSecret()));
    }

    @Test
    void badChecksumIsRefusedAndDoesNotBurnTheToken() {
        String token = client.requestToken(demo);
        assertError(client.exchange(demo.apiKey(), token, SessionApi.sha256Hex(demo.apiKey() + token + "wrong-secret")),
                403, "TokenException", "Invalid `checksum`.");
        assertError(client.exchange(demo.apiKey(), token, SessionApi.sha256Hex(demo.apiKey() + token + demo.apiSecret()).toUpperCase()),
                403, "TokenException", "Invalid `checksum`.");
        assertEquals(200, client.exchange(demo, token).code());
    }

    @Test
    void requestTokenIsSingleUse() {
        String token = client.requestToken(demo);
        assertEquals(200, client.exchange(demo, token).code());
        assertError(client.exchange(demo, token), 403, "TokenException", "Token is invalid or has expired.");
    }

    @Test
    void unknownRequestTokenIsRefused() {
        assertError(client.exchange(demo, "A".repeat(32)), 403, "TokenException", "Token is invalid or has expired.");
    }

    @Test
    void requestTokenExpiresAfterTtlOnSimulatorClock() {
        String fresh = client.requestToken(demo);
        String stale = client.requestToken(demo);
        clock.advance(Duration.ofMinutes(5)); // exactly the TTL: still fine
        assertEquals(200, client.exchange(demo, fresh).code());
        clock.advance(Duration.ofSeconds(1));
        assertError(client.exchange(demo, stale), 403, "TokenException", "Token is invalid or has expired.");
    }

    @Test
    void missingFieldsAre400InputException() {
        String token = client.requestToken(demo);
        String sum = SessionApi.sha256Hex(demo.apiKey() + token + demo.apiSecret());
        assertError(client.exchange(null, token, sum), 400, "InputException", "Missing `api_key`.");
        assertError(client.exchange(demo.apiKey(), null, sum), 400, "InputException", "Missing `request_token`.");
        assertError(client.exchange(demo.apiKey(), token, null), 400, "InputException", "Missing `checksum`.");
        assertError(client.exchange(demo.apiKey(), token, ""), 400, "InputException", "Missing `checksum`.");
    }

    @Test
    void unknownApiKeyIsTokenException() {
        assertError(client.exchange("nosuchkey", "A".repeat(32), "00"), 403, "TokenException", "Invalid `api_key`.");
    }

    @Test
    void tokenOfOneAppCannotBeExchangedByAnother() throws Exception {
        DemoAccount other = new DemoAccount("second_app", "0123456789abcdef0123456789ABCDEF", "http://127.0.0.1/cb",
                "ZX9876", "pw2", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "Second User", "Second", "second@example.com");
        sim.close();
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).addAccount(other).build());
        client = new SimClient(sim);
        String token = client.requestToken(demo);
        assertError(client.exchange(other, token), 403, "TokenException", "Token is invalid or has expired.");
        String otherAccess = client.accessToken(other);
        assertEquals("ZX9876", client.profile(other.apiKey(), otherAccess).json().getAsJsonObject("data").get("user_id").getAsString());
        assertError(client.profile(demo.apiKey(), otherAccess), 403, "TokenException", BAD_ACCESS);
    }

    @Test
    void profileWithValidToken() {
        String access = client.accessToken(demo);
        Reply r = client.profile(demo.apiKey(), access);
        assertEquals(200, r.code(), r.body());
        assertEquals("application/json", r.contentType());
        JsonObject data = r.json().getAsJsonObject("data");
        assertEquals(demo.userId(), data.get("user_id").getAsString());
        assertEquals(demo.userName(), data.get("user_name").getAsString());
        assertEquals("ZERODHA", data.get("broker").getAsString());
        assertFalse(data.has("access_token"));
    }

    @Test
    void profileWithBadAuthIsTokenException() {
        String access = client.accessToken(demo);
        assertError(client.profile(demo.apiKey(), "B".repeat(32)), 403, "TokenException", BAD_ACCESS);
        assertError(client.profile("otherkey", access), 403, "TokenException", BAD_ACCESS);
        assertError(client.call("GET", "/user/profile", null, null), 403, "TokenException", BAD_ACCESS);
        assertError(client.call("GET", "/user/profile", null, "Bearer " + access), 403, "TokenException", BAD_ACCESS);
        assertError(client.call("GET", "/user/profile", null, "token " + access), 403, "TokenException", BAD_ACCESS);
    }

    @Test
    void accessTokenDiesAtSixIstTheNextDay() {
        String access = client.accessToken(demo); // login 2026-11-23 10:00 IST
        assertAliveUntil(access, "2026-11-24T06:00:00+05:30");
        clock.setInstant(OffsetDateTime.parse("2026-11-24T05:00:00+05:30").toInstant()); // dead stays dead
        assertError(client.profile(demo.apiKey(), access), 403, "TokenException", BAD_ACCESS);
    }

    @Test
    void loginBeforeSixDiesAtSixTheSameDay() {
        clock.setInstant(OffsetDateTime.parse("2026-11-23T05:00:00+05:30").toInstant());
        assertAliveUntil(client.accessToken(demo), "2026-11-23T06:00:00+05:30");
    }

    @Test
    void expiryHourIsASetting() throws Exception {
        sim.close();
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).expiryTime(LocalTime.of(7, 30)).build());
        client = new SimClient(sim);
        assertAliveUntil(client.accessToken(demo), "2026-11-24T07:30:00+05:30");
    }

    /** The token works one second before {@code death} and is refused from {@code death} on. */
    private void assertAliveUntil(String access, String death) {
        Instant dies = OffsetDateTime.parse(death).toInstant();
        clock.setInstant(dies.minusSeconds(1));
        assertEquals(200, client.profile(demo.apiKey(), access).code(), "alive at " + clock.instant());
        clock.setInstant(dies);
        assertError(client.profile(demo.apiKey(), access), 403, "TokenException", BAD_ACCESS);
    }

    @Test
    void expiryIsTheFirstExpiryTimeStrictlyAfterLogin() {
        SimulatorState state = new SimulatorState(SimulatorConfig.builder().clock(clock).build());
        Instant sixAm = OffsetDateTime.parse("2026-11-23T06:00:00+05:30").toInstant();
        assertEquals(sixAm.plus(Duration.ofDays(1)), state.expiryAfter(sixAm));
        assertEquals(sixAm, state.expiryAfter(sixAm.minusSeconds(1)));
        // A user far from India: 23:00 in New York on the 22nd is 09:30 IST on the 23rd.
        Instant nyEvening = OffsetDateTime.parse("2026-11-22T23:00:00-05:00").toInstant();
        assertEquals(sixAm.plus(Duration.ofDays(1)), state.expiryAfter(nyEvening));
    }

    @Test
    void logoutKillsTheTokenAndIsIdempotent() {
        String access = client.accessToken(demo);
        String other = client.accessToken(demo);
        Reply r = client.logout(demo.apiKey(), access);
        assertEquals(200, r.code());
        assertEquals("application/json", r.contentType());
        assertEquals("{\"status\":\"success\",\"data\":true}", r.body());
        assertError(client.profile(demo.apiKey(), access), 403, "TokenException", BAD_ACCESS);
        assertEquals(200, client.profile(demo.apiKey(), other).code(), "other sessions live on");
        assertEquals(200, client.logout(demo.apiKey(), access).code()); // already dead: still success
        assertEquals(200, client.logout(demo.apiKey(), "C".repeat(32)).code()); // unknown: success
    }

    @Test
    void logoutWithWrongApiKeyLeavesTokenAlive() {
        String access = client.accessToken(demo);
        client.logout("otherkey", access);
        assertEquals(200, client.profile(demo.apiKey(), access).code());
    }

    @Test
    void logoutWithoutParametersIsInputException() {
        assertError(client.call("DELETE", "/session/token?api_key=" + demo.apiKey(), null, null),
                400, "InputException", "Missing `access_token`.");
    }

    @Test
    void invalidateAccessTokensKillsEveryTokenOfThatUser() {
        String a = client.accessToken(demo);
        String b = client.accessToken(demo);
        sim.invalidateAccessTokens(demo.userId());
        assertError(client.profile(demo.apiKey(), a), 403, "TokenException", BAD_ACCESS);
        assertError(client.profile(demo.apiKey(), b), 403, "TokenException", BAD_ACCESS);
        String c = client.accessToken(demo);
        assertEquals(200, client.profile(demo.apiKey(), c).code(), "a new login works again");
    }

    @Test
    void moreThanTenRequestsInOneSecondAre429() throws Exception {
        sim.close();
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).nanoTime(nanos::get).build());
        client = new SimClient(sim);
        for (int i = 0; i < 10; i++) assertEquals(403, client.profile(demo.apiKey(), "x").code(), "request " + (i + 1));
        assertError(client.profile(demo.apiKey(), "x"), 429, "NetworkException", "Too many requests");
        assertError(client.exchange(demo, "x"), 429, "NetworkException", "Too many requests");
        // The login pages are not limited.
        assertEquals(200, client.get("/connect/login?v=3&api_key=" + demo.apiKey()).code());
        // A frozen simulator clock does not matter: the window slides on the monotonic source.
        nanos.addAndGet(1_000_000_000L);
        assertEquals(403, client.profile(demo.apiKey(), "x").code());
    }

    @Test
    void rateLimitUsesRealMonotonicTimeByDefault() throws Exception {
        sim.close();
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).build());
        client = new SimClient(sim);
        int refused = 0;
        for (int i = 0; i < 30; i++) if (client.profile(demo.apiKey(), "x").code() == 429) refused++;
        assertTrue(refused > 0, "30 quick requests, none refused");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertError(client.get("/no/such/path"), 404, "GeneralException", "Route not found");
        Reply r = client.call("PUT", "/user/profile", RequestBody.create(new byte[0]), null);
        assertError(r, 405, "GeneralException", "Method not allowed");
        assertError(client.get("/session/token"), 405, "GeneralException", "Method not allowed");
    }
}
