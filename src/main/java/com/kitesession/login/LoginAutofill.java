package com.kitesession.login;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kitesession.otp.Totp;
import com.kitesession.otp.TotpSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Autofill of the Kite login page with what the person chose to store, as JavaScript for the
 * window's WebView to run; the script's value (a JSON string) comes back through {@link Result#parse}.
 *
 * <p>Three lines this class keeps:
 * <ul>
 * <li><b>Kite's origin only.</b> Every script is made for one origin and fills nothing when the
 *     page's {@code location.origin} is another (the caller checks in Java first, too).</li>
 * <li><b>Fail soft.</b> Kite's selectors are not an API. Each field is recognised by several signs
 *     (see {@link #PROGRAM}); when the step's first field is not found nothing is filled, so the
 *     person types as usual and is told autofill did not apply. The script never throws into the
 *     window.</li>
 * <li><b>No submit.</b> The scripts fill, they never click or submit: Zerodha wants a person to log
 *     in by hand at least once a day, so the person's own click (or Enter: the password field keeps
 *     the focus) sends the form. Kite's 2FA page submits by itself at six digits; that is the page's
 *     own behaviour, not ours.</li>
 * </ul>
 *
 * <p>The values travel only inside one JSON literal made by Gson, which escapes quotes,
 * backslashes, {@code <}, {@code >} (so {@code </script>} cannot appear), and U+2028/U+2029
 * (line ends to older JavaScript). The scripts carry secrets: never log them.
 */
public final class LoginAutofill {
    static final String STEP_CREDENTIALS = "credentials";
    static final String STEP_TWOFA = "twofa";
    static final String STEP_NONE = "none";
    static final String USER_ID = "userid";
    static final String PASSWORD = "password";
    static final String CODE = "code";

    /** Gson's defaults escape HTML characters and U+2028/U+2029: the JSON literal is safe inside any script. */
    private static final Gson GSON = new Gson();

    /**
     * The page program; {@code a} is the one JSON argument: the origin it may fill on, the step
     * to fill and its fields (the first one decides whether the page shows that step).
     *
     * <p>Fields are recognised by several signs each, never by a catch-all: the user id by id,
     * name or autocomplete; the password by its type; the 2FA code by id, name, autocomplete,
     * Kite's {@code label} attribute, Kite's {@code form.twofa-form}, or a numeric type with
     * maxlength 6. A code-like field is never taken for the user id, even when it reuses
     * {@code id="userid"} as some Kite versions do. Only visible, enabled inputs count.
     */
    static final String PROGRAM = """
            (function (a) {
              var out = {step: 'none', filled: [], missing: [], offOrigin: false, notReady: false};
              function names() { return a.fields.map(function (f) { return f.name; }); }
              // Checked here as well as in Java: a navigation between the two checks must not
              // carry a password or a code to another origin. An opaque origin ("null": the
              // empty page, or the one before Kite's has arrived) is not yet Kite's page, but
              // nobody else's either.
              var origin = String(window.location.origin);
              if (origin !== a.origin) {
                if (origin === 'null' || origin === '') out.notReady = true; else out.offOrigin = true;
                out.missing = names();
                return JSON.stringify(out);
              }
              function attr(el, n) { var v = el.getAttribute(n); return v == null ? '' : String(v).toLowerCase(); }
              function usable(el) {
                if (!(el instanceof HTMLInputElement) || el.disabled || el.readOnly) return false;
                var type = (el.type || 'text').toLowerCase();
                if (['hidden', 'submit', 'button', 'reset', 'checkbox', 'radio', 'file', 'image'].indexOf(type) >= 0) return false;
                return el.getClientRects().length > 0; // shown: a step the page has hidden is not the step
              }
              function isCode(el) {
                var numeric = ['number', 'tel'].indexOf(attr(el, 'type')) >= 0 || attr(el, 'inputmode') === 'numeric';
                var label = attr(el, 'label') + ' ' + attr(el, 'aria-label');
                return attr(el, 'id') === 'totp' || attr(el, 'name') === 'twofa_value'
                    || attr(el, 'autocomplete') === 'one-time-code' || /totp|app code|2fa|two.factor/.test(label)
                    || (typeof el.closest === 'function' && el.closest('form.twofa-form') !== null)
                    || (numeric && attr(el, 'maxlength') === '6');
              }
              function isPassword(el) { return attr(el, 'type') === 'password'; }
              function isUserId(el) {
                if (isCode(el) || isPassword(el)) return false;
                return attr(el, 'id') === 'userid' || attr(el, 'name') === 'user_id' || attr(el, 'name') === 'userid'
                    || attr(el, 'autocomplete') === 'username';
              }
              var signs = {userid: isUserId, password: isPassword, code: isCode};
              function find(name) {
                var list = document.querySelectorAll('input');
                for (var i = 0; i < list.length; i++) if (usable(list[i]) && signs[name](list[i])) return list[i];
                return null;
              }
              // A password field means step one; Kite's 2FA step has none.
              function stepOf() {
                if (find('password')) return 'credentials';
                if (find('code')) return 'twofa';
                if (find('userid')) return 'credentials';
                return 'none';
              }
              function fill(el, value) {
                el.focus();
                // React tracks an input's value through its own setter and ignores a plain
                // assignment; the prototype's setter plus bubbling events is what it notices.
                var d = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
                if (d && d.set) d.set.call(el, value); else el.value = value;
                el.dispatchEvent(new Event('input', {bubbles: true}));
                el.dispatchEvent(new Event('change', {bubbles: true}));
              }
              try {
                var step = stepOf();
                if (a.fields.length === 0) {
                  out.step = step;
                } else if (step !== a.step || !find(a.fields[0].name)) {
                  out.missing = names();
                } else {
                  out.step = step;
                  a.fields.forEach(function (f) {
                    var el = find(f.name);
                    try {
                      if (el) { fill(el, f.value); out.filled.push(f.name); return; }
                    } catch (e) { /* a page script objected: count the field as not filled */ }
                    out.missing.push(f.name);
                  });
                }
              } catch (e) {
                out = {step: 'none', filled: [], missing: names(), offOrigin: false, notReady: false};
              }
              return JSON.stringify(out);
            })""";

    private LoginAutofill() {}

    /** Fills the user id, and the password unless it is null, if the page is on {@code origin}. Does not submit. */
    public static String credentialsScript(LoginOrigin origin, String userId, String password) {
        Objects.requireNonNull(userId, "userId");
        JsonArray fields = new JsonArray();
        fields.add(field(USER_ID, userId));
        if (password != null) fields.add(field(PASSWORD, password));
        return script(origin, STEP_CREDENTIALS, fields);
    }

    /** Fills the 6-digit code if the page is on {@code origin}; Kite's page may then submit by itself. */
    public static String twoFactorScript(LoginOrigin origin, String code) {
        Objects.requireNonNull(code, "code");
        JsonArray fields = new JsonArray();
        fields.add(field(CODE, code));
        return script(origin, STEP_TWOFA, fields);
    }

    /** Fills nothing; the result's step is the one the page shows: "credentials", "twofa" or "none". */
    public static String pageStepScript(LoginOrigin origin) {
        return script(origin, STEP_NONE, new JsonArray());
    }

    /** The code for the corrected time (this computer's clock plus its measured offset), not the raw clock. */
    public static String codeFor(String totpSecretBase32, Instant correctedNow) {
        Objects.requireNonNull(correctedNow, "correctedNow");
        return Totp.code(TotpSecret.normalize(totpSecretBase32), correctedNow);
    }

    private static JsonObject field(String name, String value) {
        JsonObject f = new JsonObject();
        f.addProperty("name", name);
        f.addProperty("value", value);
        return f;
    }

    private static String script(LoginOrigin origin, String step, JsonArray fields) {
        JsonObject args = new JsonObject();
        args.addProperty("origin", origin.serialized());
        args.addProperty("step", step);
        args.add("fields", fields);
        return PROGRAM + "(" + GSON.toJson(args) + ");";
    }

    /**
     * What a script did: the step it found and the names (never the values) of the fields it
     * filled or could not find, so {@code toString} is safe to log. {@code offOrigin}: the page
     * was on another origin than the one the script was made for, so it filled nothing;
     * {@code notReady}: the page had no origin yet (an empty page while Kite's is loading).
     */
    public record Result(String step, List<String> filled, List<String> missing, boolean offOrigin, boolean notReady) {
        private static final Set<String> STEPS = Set.of(STEP_CREDENTIALS, STEP_TWOFA, STEP_NONE);

        public Result(String step, List<String> filled, List<String> missing) {
            this(step, filled, missing, false, false);
        }

        public Result {
            step = step != null && STEPS.contains(step) ? step : STEP_NONE;
            filled = filled == null ? List.of() : List.copyOf(filled);
            missing = missing == null ? List.of() : List.copyOf(missing);
        }

        /** The script's value as WebEngine.executeScript returns it; anything unexpected reads as "nothing filled". */
        public static Result parse(Object scriptValue) {
            if (!(scriptValue instanceof String json)) return none();
            try {
                JsonElement root = JsonParser.parseString(json);
                if (!root.isJsonObject()) return none();
                JsonObject o = root.getAsJsonObject();
                JsonElement step = o.get("step");
                String s = step != null && step.isJsonPrimitive() && step.getAsJsonPrimitive().isString() ? step.getAsString() : STEP_NONE;
                return new Result(s, names(o.get("filled")), names(o.get("missing")), flag(o, "offOrigin"), flag(o, "notReady"));
            } catch (RuntimeException e) { // malformed JSON, deep nesting: the page is not ours to trust
                return none();
            }
        }

        /** Every field this step asked for was filled: the person only has to confirm. */
        public boolean applied() {
            return !offOrigin && !notReady && !STEP_NONE.equals(step) && !filled.isEmpty() && missing.isEmpty();
        }

        private static Result none() {
            return new Result(STEP_NONE, List.of(), List.of());
        }

        private static boolean flag(JsonObject o, String name) {
            JsonElement e = o.get(name);
            return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
        }

        private static List<String> names(JsonElement e) {
            List<String> out = new ArrayList<>();
            if (e == null || !e.isJsonArray()) return out;
            for (JsonElement item : e.getAsJsonArray()) {
                if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isString()) out.add(item.getAsString());
            }
            return out;
        }
    }
}
