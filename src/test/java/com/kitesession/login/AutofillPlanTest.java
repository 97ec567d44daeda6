package com.kitesession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.otp.Totp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The plan against a fake page: which scripts run, where, once per step, and what the person is told. */
class AutofillPlanTest {
    private static final String SECRET = "KITESIMULATORDEMOSECRETTOTPABCDE";
    private static final Instant NOW = Instant.parse("2026-11-23T04:30:00Z");
    private static final LoginOrigin KITE = LoginOrigin.of("https://kite.zerodha.com").orElseThrow();
    private static final String LOGIN = "https://kite.zerodha.com/connect/login?v=3&api_key=k";
    private final List<String> ran = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    private AutofillPlan plan(String userId, String password, String totp) {
        return new AutofillPlan(KITE, userId, password, totp, () -> NOW, nanos::get);
    }

    /** A page showing {@code step} whose fill scripts report {@code fillResult}. */
    private Function<String, Object> page(String step, String fillResult) {
        return script -> {
            ran.add(script);
            return script.equals(LoginAutofill.pageStepScript(KITE)) ? "{\"step\":\"" + step + "\",\"filled\":[],\"missing\":[]}" : fillResult;
        };
    }

    @Test
    void fillsTheCredentialsOnceAndSaysNothingWhenItWorked() {
        AutofillPlan plan = plan("AB1234", "pw", null);
        String ok = "{\"step\":\"credentials\",\"filled\":[\"userid\",\"password\"],\"missing\":[]}";
        assertEquals(Optional.empty(), plan.onPage(LOGIN, page("credentials", ok)));
        assertTrue(ran.contains(LoginAutofill.credentialsScript(KITE, "AB1234", "pw")));
        ran.clear();
        assertEquals(Optional.empty(), plan.onPage(LOGIN, page("credentials", ok)), "a wrong password shown in place is not refilled");
        assertTrue(ran.isEmpty(), "nothing left to fill: the page is not even asked");
    }

    @Test
    void fillsTheCodeForKitesTimeOnlyOnceEvenWhenTheStepAppearsWithoutALoad() {
        AutofillPlan plan = plan("AB1234", null, SECRET);
        String ok = "{\"step\":\"twofa\",\"filled\":[\"code\"],\"missing\":[]}";
        String filledUser = "{\"step\":\"credentials\",\"filled\":[\"userid\"],\"missing\":[]}";
        plan.onPage(LOGIN, page("credentials", filledUser));
        ran.clear();
        plan.onPage(LOGIN, page("credentials", filledUser)); // a tick: still step one
        assertEquals(List.of(LoginAutofill.pageStepScript(KITE)), ran);
        plan.onPage(LOGIN, page("twofa", ok)); // a later tick: the 2FA step is drawn in the same document
        assertTrue(ran.contains(LoginAutofill.twoFactorScript(KITE, Totp.code(SECRET, NOW))));
        ran.clear();
        plan.onPage(LOGIN, page("twofa", ok)); // "Invalid TOTP": filling again would burn one of Kite's five attempts
        assertTrue(ran.isEmpty(), ran.toString());
    }

    @Test
    void nothingRunsOnAnotherOriginAndLeavingKiteEndsTheAttempt() {
        AutofillPlan plan = plan("AB1234", "pw", SECRET);
        assertEquals(Optional.empty(), plan.onPage("http://127.0.0.2:8080/connect/login", page("credentials", null)));
        assertTrue(ran.isEmpty(), "checked in Java before any script runs");
        assertTrue(plan.hasLeftKite());
        plan.onPage(LOGIN, page("credentials", null));
        assertTrue(ran.isEmpty(), "off for the rest of the attempt, even back on Kite");

        AutofillPlan viaLocation = plan("AB1234", "pw", SECRET);
        viaLocation.onLocation("about:blank");
        viaLocation.onLocation(LOGIN);
        assertFalse(viaLocation.hasLeftKite());
        viaLocation.onLocation("https://kite.zerodha.com.evil.example/connect/login");
        assertTrue(viaLocation.hasLeftKite());
        for (String sameHostOtherOrigin : List.of("http://kite.zerodha.com/connect/login", "https://kite.zerodha.com:8443/x")) {
            AutofillPlan p = plan("AB1234", "pw", SECRET);
            p.onLocation(sameHostOtherOrigin);
            assertTrue(p.hasLeftKite(), sameHostOtherOrigin);
        }
    }

    @Test
    void thePagesOwnOriginCheckAlsoEndsTheAttempt() {
        AutofillPlan plan = plan("AB1234", "pw", SECRET);
        // Navigated between the Java check and the script: the script says so and fills nothing.
        plan.onPage(LOGIN, script -> "{\"step\":\"none\",\"filled\":[],\"missing\":[],\"offOrigin\":true}");
        assertTrue(plan.hasLeftKite());
    }

    @Test
    void anEmptyPageBeforeKitesArrivesIsNeitherLeavingKiteNorAnUnknownPage() {
        // The view's address is already Kite's while the previous, empty page is still shown.
        AutofillPlan plan = plan("AB1234", "pw", null);
        Function<String, Object> blank = script -> "{\"step\":\"none\",\"filled\":[],\"missing\":[],\"notReady\":true}";
        for (int tick = 0; tick < 20; tick++) {
            assertEquals(Optional.empty(), plan.onPage(LOGIN, blank));
            nanos.addAndGet(AutofillPlan.UNRECOGNISED_AFTER.toNanos());
        }
        assertFalse(plan.hasLeftKite());
        String ok = "{\"step\":\"credentials\",\"filled\":[\"userid\",\"password\"],\"missing\":[]}";
        assertEquals(Optional.empty(), plan.onPage(LOGIN, page("credentials", ok)), "no notice for the wait");
        assertTrue(ran.contains(LoginAutofill.credentialsScript(KITE, "AB1234", "pw")), "filled once Kite's page is there");
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        AutofillPlan http = new AutofillPlan(LoginOrigin.of("http://kite.example.net").orElseThrow(), "AB1234", "pw", SECRET,
                () -> NOW, nanos::get);
        Optional<String> notice = http.onPage("http://kite.example.net/connect/login", page("credentials", null));
        assertTrue(notice.orElseThrow().contains("not an https address"), notice.toString());
        assertTrue(ran.isEmpty(), "no password travels to a plain-http page");

        LoginOrigin simulator = LoginOrigin.of("http://127.0.0.1:5000").orElseThrow();
        AutofillPlan demo = new AutofillPlan(simulator, "AB1234", "pw", null, () -> NOW, nanos::get);
        demo.onPage("http://127.0.0.1:5000/connect/login", script -> {
            ran.add(script);
            return "{\"step\":\"credentials\",\"filled\":[\"userid\",\"password\"],\"missing\":[]}";
        });
        assertTrue(ran.contains(LoginAutofill.credentialsScript(simulator, "AB1234", "pw")));
    }

    @Test
    void renamedFieldsFallBackToTypingWithOneNotice() {
        AutofillPlan plan = plan("AB1234", "pw", SECRET);
        String partly = "{\"step\":\"credentials\",\"filled\":[],\"missing\":[\"userid\",\"password\"]}";
        Optional<String> notice = plan.onPage(LOGIN, page("credentials", partly));
        assertTrue(notice.orElseThrow().startsWith("Autofill did not apply"), notice.toString());
        nanos.addAndGet(AutofillPlan.UNRECOGNISED_AFTER.toNanos() * 2);
        plan.onPage(LOGIN, page("none", null));
        assertEquals(Optional.empty(), plan.onPage(LOGIN, page("none", null)), "told once per attempt");
    }

    @Test
    void aPageStillDrawingItselfIsGivenTimeBeforeTheNotice() {
        AutofillPlan plan = plan("AB1234", "pw", null);
        assertEquals(Optional.empty(), plan.onPage(LOGIN, page("none", null)), "a single-page app renders after its load");
        nanos.addAndGet(AutofillPlan.UNRECOGNISED_AFTER.toNanos() - 1);
        assertEquals(Optional.empty(), plan.onPage(LOGIN, page("none", null)));
        nanos.addAndGet(1);
        assertTrue(plan.onPage(LOGIN, page("none", null)).orElseThrow().contains("the user ID"));

        AutofillPlan late = plan("AB1234", "pw", null);
        late.onPage(LOGIN, page("none", null));
        nanos.addAndGet(AutofillPlan.UNRECOGNISED_AFTER.toNanos() / 2);
        String ok = "{\"step\":\"credentials\",\"filled\":[\"userid\",\"password\"],\"missing\":[]}";
        assertEquals(Optional.empty(), late.onPage(LOGIN, page("credentials", ok)), "the form arrived in time: filled, no notice");
    }

    @Test
    void nothingStoredMeansNothingRuns() {
        AutofillPlan plan = plan(null, null, null);
        assertEquals(Optional.empty(), plan.onPage(LOGIN, page("credentials", null)));
        assertEquals(Optional.empty(), AutofillPlan.none().onPage(LOGIN, page("credentials", null)));
        assertTrue(ran.isEmpty());
    }
}
