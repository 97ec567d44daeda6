package com.kitesession.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One login attempt's autofill, without JavaFX. The view asks it on every page load and on a
 * short tick, since Kite's login is a single-page app whose 2FA step appears without a load.
 * Each time it asks the page which step it shows and fills that step once: the user id (and
 * the password, if the person stored it), then the 2FA code computed on Kite's clock. It never
 * submits: the person confirms (Zerodha: a person logs in by hand at least once a day).
 *
 * <p>Like a password manager it fills only on Kite's own origin, and that origin must be https
 * (plain http only on loopback, where the built-in simulator runs). The origin is checked here,
 * before any script runs, and again inside the script. Once the view has left Kite's origin,
 * autofill is off for the rest of the attempt.
 *
 * <p>Selectors are not an API, so when a step's fields are not recognised the person types as
 * usual and is told why. A code is filled once per attempt and never again: Kite blocks the
 * account after five wrong codes, and a rejected code filled again would burn attempts.
 */
public final class AutofillPlan {
    /** How long a page may show no step we know before the person is told autofill did not apply. */
    static final Duration UNRECOGNISED_AFTER = Duration.ofSeconds(4);

    private final LoginOrigin kite;
    private final String userId;
    private final String password;
    private final String totpSecret;
    private final Supplier<Instant> kiteNow;
    private final LongSupplier nanoTime;
    private boolean credentialsDone;
    private boolean twoFactorDone;
    private boolean leftKite;
    private boolean told;
    private long unrecognisedSince = -1;
    private String stepScript;

    /**
     * Any of the values may be null: only what is known is filled. {@code kiteNow} is this
     * computer's time corrected by Kite's clock as measured (plain local time until measured).
     */
    public AutofillPlan(LoginOrigin kite, String userId, String password, String totpSecret, Supplier<Instant> kiteNow) {
        this(kite, userId, password, totpSecret, kiteNow, System::nanoTime);
    }

    AutofillPlan(LoginOrigin kite, String userId, String password, String totpSecret, Supplier<Instant> kiteNow,
            LongSupplier nanoTime) {
        this.kite = kite;
        this.userId = blankToNull(userId);
        this.password = blankToNull(password);
        this.totpSecret = blankToNull(totpSecret);
        this.kiteNow = kiteNow;
        this.nanoTime = nanoTime;
    }

    /** Fills nothing, ever: before the first login. */
    public static AutofillPlan none() {
        return new AutofillPlan(null, null, null, null, Instant::now);
    }

    /** Called with every address the view goes to: any but Kite's origin ends autofill for this attempt. */
    public void onLocation(String url) {
        if (kite == null || url == null || url.isEmpty() || url.equals("about:blank")) return;
        if (!kite.contains(url)) leftKite = true;
    }

    /** True once the view has gone anywhere but Kite's origin during this attempt. */
    public boolean hasLeftKite() {
        return leftKite;
    }

    /**
     * Called after each page load and on each tick with the page's address and a way to run
     * JavaScript in it. Returns a line for the person when autofill could not apply (once per
     * attempt); empty when it filled, had nothing to do, or has said its piece.
     */
    public Optional<String> onPage(String pageUrl, Function<String, Object> runScript) {
        if (kite == null || leftKite || !somethingLeftToFill()) return Optional.empty();
        if (!kite.contains(pageUrl)) {
            leftKite = true;
            return Optional.empty();
        }
        if (!kite.allowsAutofill()) {
            return tell("One-click is off for this login: " + kite + " is not an https address, and a stored password"
                    + " or code is filled only on Kite's own https page. Type as usual.");
        }
        if (stepScript == null) stepScript = LoginAutofill.pageStepScript(kite); // the same all attempt long: made once
        LoginAutofill.Result page = LoginAutofill.Result.parse(runScript.apply(stepScript));
        if (page.offOrigin()) {
            leftKite = true;
            return Optional.empty();
        }
        if (page.notReady()) return Optional.empty(); // Kite's page is still on its way: look again next tick
        if (LoginAutofill.STEP_CREDENTIALS.equals(page.step()) && userId != null && !credentialsDone) {
            unrecognisedSince = -1;
            credentialsDone = true;
            LoginAutofill.Result result = fill(runScript, LoginAutofill.credentialsScript(kite, userId, password));
            return result.applied() || result.offOrigin() ? Optional.empty() : tell(notApplied("the user ID and password"));
        }
        if (LoginAutofill.STEP_TWOFA.equals(page.step()) && totpSecret != null && !twoFactorDone) {
            unrecognisedSince = -1;
            twoFactorDone = true; // before filling: whatever happens, never a second code
            String code = LoginAutofill.codeFor(totpSecret, kiteNow.get());
            LoginAutofill.Result result = fill(runScript, LoginAutofill.twoFactorScript(kite, code));
            return result.applied() || result.offOrigin() ? Optional.empty() : tell(notApplied("the 2FA code"));
        }
        if (LoginAutofill.STEP_NONE.equals(page.step())) return unrecognised();
        unrecognisedSince = -1;
        return Optional.empty();
    }

    private LoginAutofill.Result fill(Function<String, Object> runScript, String script) {
        LoginAutofill.Result result = LoginAutofill.Result.parse(runScript.apply(script));
        if (result.offOrigin()) leftKite = true;
        return result;
    }

    /**
     * A page with no step we recognise: Kite's own page may still be drawing itself (a
     * single-page app renders after its load), so the person is told only once it stays so.
     */
    private Optional<String> unrecognised() {
        long now = nanoTime.getAsLong();
        if (unrecognisedSince < 0) unrecognisedSince = now;
        if (now - unrecognisedSince < UNRECOGNISED_AFTER.toNanos()) return Optional.empty();
        boolean credentialsPending = userId != null && !credentialsDone;
        return tell(notApplied(credentialsPending ? "the user ID" : "the 2FA code"));
    }

    private boolean somethingLeftToFill() {
        return userId != null && !credentialsDone || totpSecret != null && !twoFactorDone;
    }

    private Optional<String> tell(String line) {
        if (told) return Optional.empty();
        told = true;
        return Optional.of(line);
    }

    private static String notApplied(String what) {
        return "Autofill did not apply: the Kite page has changed, so " + what
                + " could not be filled. Type as usual; nothing else is affected.";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
