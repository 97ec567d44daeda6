package com.kitesession.login;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One login attempt's autofill, without JavaFX: on each page of Kite's login it asks the page
 * which step it shows and fills that step once: the user id (and the password, if the person
 * stored it), then the 2FA code computed for the corrected time. It never submits: the person
 * confirms (Zerodha: a person logs in by hand at least once a day). Selectors are not an API,
 * so when a field is not found the person types as usual and is told why.
 */
public final class AutofillPlan {
    private final String userId;
    private final String password;
    private final String totpSecret;
    private final Supplier<Instant> correctedNow;
    private boolean credentialsDone;
    private boolean twoFactorDone;

    /** Any of the values may be null: only what is known is filled. */
    public AutofillPlan(String userId, String password, String totpSecret, Supplier<Instant> correctedNow) {
        this.userId = blankToNull(userId);
        this.password = blankToNull(password);
        this.totpSecret = blankToNull(totpSecret);
        this.correctedNow = correctedNow;
    }

    private boolean hasAnything() {
        return userId != null || totpSecret != null;
    }

    /**
     * Called after each page load with a way to run JavaScript in the page. Returns a line for
     * the person when autofill could not apply; empty when it filled or had nothing to do.
     */
    public Optional<String> onPage(Function<String, Object> runScript) {
        if (!hasAnything()) return Optional.empty();
        String step = LoginAutofill.Result.parse(runScript.apply(LoginAutofill.pageStepScript())).step();
        if ("credentials".equals(step) && userId != null && !credentialsDone) {
            credentialsDone = true;
            LoginAutofill.Result result = LoginAutofill.Result.parse(
                    runScript.apply(LoginAutofill.credentialsScript(userId, password)));
            return result.missing().isEmpty() && result.applied() ? Optional.empty()
                    : Optional.of(notApplied("the user ID and password"));
        }
        if ("twofa".equals(step) && totpSecret != null && !twoFactorDone) {
            // Once only: if the code is rejected, retyping it automatically would burn Kite's attempts.
            twoFactorDone = true;
            String code = LoginAutofill.codeFor(totpSecret, correctedNow.get());
            LoginAutofill.Result result = LoginAutofill.Result.parse(runScript.apply(LoginAutofill.twoFactorScript(code)));
            return result.applied() ? Optional.empty() : Optional.of(notApplied("the 2FA code"));
        }
        if ("none".equals(step) && !credentialsDone && userId != null) {
            credentialsDone = true;
            return Optional.of(notApplied("the user ID"));
        }
        return Optional.empty();
    }

    private static String notApplied(String what) {
        return "Autofill did not apply: the Kite page has changed, so " + what
                + " could not be filled. Type as usual; nothing else is affected.";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
