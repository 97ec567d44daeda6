package com.kitesession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.otp.Totp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The plan against a fake page: which scripts run, once per step, and what the person is told. */
class AutofillPlanTest {
    private static final String SECRET = "KITESIMULATORDEMOSECRETTOTPABCDE";
    private static final Instant NOW = Instant.parse("2026-11-23T04:30:00Z");
    private final List<String> ran = new ArrayList<>();

    /** A page showing {@code step} whose fill scripts report {@code fillResult}. */
    private Function<String, Object> page(String step, String fillResult) {
        return script -> {
            ran.add(script);
            return script.equals(LoginAutofill.pageStepScript()) ? "{\"step\":\"" + step + "\",\"filled\":[],\"missing\":[]}" : fillResult;
        };
    }

    @Test
    void fillsTheCredentialsOnceAndSaysNothingWhenItWorked() {
        AutofillPlan plan = new AutofillPlan("AB1234", "pw", null, () -> NOW);
        String ok = "{\"step\":\"credentials\",\"filled\":[\"userid\",\"password\"],\"missing\":[]}";
        assertEquals(Optional.empty(), plan.onPage(page("credentials", ok)));
        assertTrue(ran.contains(LoginAutofill.credentialsScript("AB1234", "pw")));
        ran.clear();
        assertEquals(Optional.empty(), plan.onPage(page("credentials", ok)), "a reload (wrong password) is not refilled");
        assertEquals(List.of(LoginAutofill.pageStepScript()), ran);
    }

    @Test
    void fillsTheCodeForTheCorrectedTimeOnlyOnce() {
        AutofillPlan plan = new AutofillPlan("AB1234", null, SECRET, () -> NOW);
        String ok = "{\"step\":\"twofa\",\"filled\":[\"totp\"],\"missing\":[]}";
        plan.onPage(page("twofa", ok));
        assertTrue(ran.contains(LoginAutofill.twoFactorScript(Totp.code(SECRET, NOW))));
        ran.clear();
        plan.onPage(page("twofa", ok)); // "Invalid TOTP": retyping automatically would burn attempts
        assertEquals(List.of(LoginAutofill.pageStepScript()), ran);
    }

    @Test
    void renamedFieldsFallBackToTypingWithANotice() {
        AutofillPlan plan = new AutofillPlan("AB1234", "pw", SECRET, () -> NOW);
        Optional<String> notice = plan.onPage(page("none", null));
        assertTrue(notice.orElseThrow().startsWith("Autofill did not apply"));
        String partly = "{\"step\":\"credentials\",\"filled\":[\"userid\"],\"missing\":[\"password\"]}";
        assertTrue(new AutofillPlan("AB1234", "pw", null, () -> NOW).onPage(page("credentials", partly)).isPresent());
    }

    @Test
    void nothingStoredMeansNothingRuns() {
        AutofillPlan plan = new AutofillPlan(null, null, null, () -> NOW);
        assertEquals(Optional.empty(), plan.onPage(page("credentials", null)));
        assertTrue(ran.isEmpty());
    }
}
