package com.kitesession.clock;

import static org.junit.jupiter.api.Assertions.*;

import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteApiException.ErrorType;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DateHeaderClockProbeTest {
    private static final Duration TOLERANCE = Duration.ofSeconds(2);

    /** One refused profile call against a simulator whose clock runs {@code skewSeconds} from real time. */
    private static ClockOffset measureAgainstSimulator(long skewSeconds, Clock localClock) throws Exception {
        SimulatorConfig config = SimulatorConfig.builder()
                .clock(SimulatorClock.startingAt(Instant.now().plusSeconds(skewSeconds))).build();
        ClockOffsets offsets = new ClockOffsets(localClock);
        try (KiteSimulator sim = KiteSimulator.start(config)) {
            OkHttpClient http = KiteClient.defaultHttpClient().newBuilder()
                    .addNetworkInterceptor(new DateHeaderClockProbe(offsets, localClock)).build();
            KiteClient kite = new KiteClient(sim.baseUrl(), http);
            KiteApiException refused = assertThrows(KiteApiException.class,
                    () -> kite.getProfile(sim.account().apiKey(), "bogus-token"), "a 403 still carries a Date");
            assertEquals(ErrorType.TOKEN, refused.errorType());
        }
        return offsets.best().orElseThrow(() -> new AssertionError("no reading recorded"));
    }

    private static void assertNear(Duration expected, Duration actual) {
        assertTrue(actual.minus(expected).abs().compareTo(TOLERANCE) <= 0, "expected ~" + expected + " but was " + actual);
    }

    @ParameterizedTest
    @ValueSource(longs = {45, -45, 0})
    void seesTheSimulatorsSkew(long skewSeconds) throws Exception {
        ClockOffset reading = measureAgainstSimulator(skewSeconds, Clock.systemUTC());
        assertNear(Duration.ofSeconds(skewSeconds), reading.offset());
        assertTrue(reading.uncertainty().compareTo(TOLERANCE) <= 0, reading.uncertainty().toString());
        assertTrue(reading.uncertainty().compareTo(Duration.ofMillis(500)) >= 0, "never claims better than the header's 1 s");
        assertEquals(DateHeaderClockProbe.SOURCE, reading.source());
    }

    @Test
    void aSkewedComputerAgainstATrueKiteIsSeenFromTheOtherSide() throws Exception {
        Clock computer45sBehind = SimulatorClock.startingAt(Instant.now().minusSeconds(45));
        ClockOffset reading = measureAgainstSimulator(0, computer45sBehind);
        assertNear(Duration.ofSeconds(45), reading.offset());
        assertTrue(reading.describe().contains("behind"), reading.describe());
        assertEquals(ClockOffset.Severity.ALARM, reading.severity());
        Duration measuredAtVsComputer = Duration.between(reading.measuredAt(), computer45sBehind.instant());
        assertTrue(measuredAtVsComputer.abs().compareTo(Duration.ofSeconds(5)) < 0, "measuredAt is the computer's own time");
    }

    @Test
    void onlyAnswersOverTlsOrFromThisComputerAndNoRedirectHopAreRead() {
        assertTrue(DateHeaderClockProbe.trustworthy(HttpUrl.get("https://api.kite.trade/user/profile"), answer(200)));
        assertTrue(DateHeaderClockProbe.trustworthy(HttpUrl.get("http://127.0.0.1:5000/user/profile"), answer(200)));
        assertFalse(DateHeaderClockProbe.trustworthy(HttpUrl.get("http://api.kite.trade/user/profile"), answer(200)),
                "plain http from the network: anyone on the path can forge its Date");
        assertFalse(DateHeaderClockProbe.trustworthy(HttpUrl.get("https://api.kite.trade/"), answer(302)),
                "a redirect hop: its target may be any server");
    }

    private static Response answer(int code) {
        return new Response.Builder().request(new Request.Builder().url("https://api.kite.trade/").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("x").build();
    }

    @Test
    void theArithmeticFollowsTheHalfSecondRule() {
        Instant sent = Instant.parse("2026-11-23T04:30:00.000Z");
        TimedCall<Void> call = new TimedCall<>(null, sent, sent.plusMillis(200), Duration.ofMillis(200));
        ClockOffset r = DateHeaderClockProbe.reading(Instant.parse("2026-11-23T04:30:45Z"), call).orElseThrow();
        assertEquals(Duration.ofMillis(45_000 + 500 - 100), r.offset());
        assertEquals(Duration.ofMillis(600), r.uncertainty());
        assertEquals(sent.plusMillis(200), r.measuredAt());
    }

    @Test
    void aCallDuringWhichThisComputersClockWasSetIsNotRead() throws Exception {
        SimulatorClock shared = SimulatorClock.fixedAt(Instant.parse("2026-11-23T04:30:00Z"));
        ClockOffsets offsets = new ClockOffsets(shared);
        Duration step = Duration.ofHours(17).plusMinutes(40);
        boolean[] stepNext = {false};
        try (KiteSimulator sim = KiteSimulator.start(SimulatorConfig.builder().clock(shared).build())) {
            // Runs inside the probe's call: the clock is set after the probe's first look, before Kite answers.
            OkHttpClient http = KiteClient.defaultHttpClient().newBuilder()
                    .addNetworkInterceptor(new DateHeaderClockProbe(offsets, shared))
                    .addNetworkInterceptor(chain -> {
                        if (stepNext[0]) shared.advance(step);
                        return chain.proceed(chain.request());
                    }).build();
            KiteClient kite = new KiteClient(sim.baseUrl(), http);
            assertThrows(KiteApiException.class, () -> kite.getProfile(sim.account().apiKey(), "bogus-token"));
            ClockOffset before = offsets.best().orElseThrow();
            assertNear(Duration.ZERO, before.offset());

            stepNext[0] = true;
            assertThrows(KiteApiException.class, () -> kite.getProfile(sim.account().apiKey(), "bogus-token"));
            // Read, it would have put Kite's clock half the step (8 h 50 m) ahead of this computer's.
            assertEquals(Optional.empty(), offsets.best(), "the reading across the step is dropped; the one before is 17 h old");
            shared.setInstant(before.measuredAt());
            assertEquals(before, offsets.best().orElseThrow(), "the reading before the step is kept");
        }
    }

    @Test
    void responsesWithoutAUsableDateAreIgnored() throws Exception {
        ClockOffsets offsets = new ClockOffsets(Clock.systemUTC());
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("no date"));
            server.enqueue(new MockResponse().setHeader("Date", "yesterday, about noon").setBody("bad date"));
            server.start();
            OkHttpClient http = new OkHttpClient.Builder()
                    .addNetworkInterceptor(new DateHeaderClockProbe(offsets, Clock.systemUTC())).build();
            for (int i = 0; i < 2; i++) {
                try (Response response = http.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
                    assertEquals(200, response.code(), "the call itself is untouched");
                }
            }
        }
        assertTrue(offsets.best().isEmpty());
    }
}
