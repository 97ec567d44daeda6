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
 * <p>Two lines this class keeps:
 * <ul>
 * <li><b>Fail soft.</b> Kite's selectors are not an API. Each field is looked for through a list of
 *     candidates; when the step's first field is not found nothing is filled and the result says
 *     step "none", so the person types as usual and is told autofill did not apply. The script
 *     never throws into the window.</li>
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

    /** Candidates in order: Kite's ids first, then what a renamed page would likely still carry. */
    static final List<String> USER_ID_SELECTORS = List.of("#userid", "input[name=user_id]", "input[name=userid]",
            "input[autocomplete=username]");
    static final List<String> PASSWORD_SELECTORS = List.of("#password", "input[name=password]", "input[type=password]");
    static final List<String> CODE_SELECTORS = List.of("#totp", "input[name=twofa_value]", "input[autocomplete=one-time-code]",
            "input[inputmode=numeric][maxlength=\"6\"]", "input[type=number][maxlength=\"6\"]", "input[type=number]");

    /** Gson's defaults escape HTML characters and U+2028/U+2029: the JSON literal is safe inside any script. */
    private static final Gson GSON = new Gson();

    /**
     * The page program; {@code a} is the one JSON argument: the step to fill, its fields (the first
     * one decides whether the page shows that step) and the candidate selectors.
     */
    static final String PROGRAM = """
            (function (a) {
              var out = {step: 'none', filled: [], missing: []};
              function names() { return a.fields.map(function (f) { return f.name; }); }
              function usable(el) {
                if (!(el instanceof HTMLInputElement) || el.disabled || el.readOnly) return false;
                var type = (el.type || 'text').toLowerCase();
                return ['hidden', 'submit', 'button', 'reset', 'checkbox', 'radio', 'file', 'image'].indexOf(type) < 0;
              }
              function find(selectors) {
                for (var i = 0; i < selectors.length; i++) {
                  var list;
                  try { list = document.querySelectorAll(selectors[i]); } catch (e) { continue; }
                  for (var j = 0; j < list.length; j++) if (usable(list[j])) return list[j];
                }
                return null;
              }
              // A password field means step one; Kite's 2FA page has none.
              function stepOf() {
                if (find(a.selectors.password)) return 'credentials';
                if (find(a.selectors.code)) return 'twofa';
                if (find(a.selectors.userid)) return 'credentials';
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
                } else if (step !== a.step || !find(a.selectors[a.fields[0].name])) {
                  out.missing = names();
                } else {
                  out.step = step;
                  a.fields.forEach(function (f) {
                    var el = find(a.selectors[f.name]);
                    try {
                      if (el) { fill(el, f.value); out.filled.push(f.name); return; }
                    } catch (e) { /* a page script objected: count the field as not filled */ }
                    out.missing.push(f.name);
                  });
                }
              } catch (e) {
                out = {step: 'none', filled: [], missing: names()};
              }
              return JSON.stringify(out);
            })""";

    private LoginAutofill() {}

    /** Fills the user id, and the password unless it is null. Does not submit. */
    public static String credentialsScript(String userId, String password) {
        Objects.requireNonNull(userId, "userId");
        JsonArray fields = new JsonArray();
        fields.add(field(USER_ID, userId));
        if (password != null) fields.add(field(PASSWORD, password));
        return script(STEP_CREDENTIALS, fields);
    }

    /** Fills the 6-digit code; Kite's page may then submit by itself. */
    public static String twoFactorScript(String code) {
        Objects.requireNonNull(code, "code");
        JsonArray fields = new JsonArray();
        fields.add(field(CODE, code));
        return script(STEP_TWOFA, fields);
    }

    /** Fills nothing; the result's step is the one the page shows: "credentials", "twofa" or "none". */
    public static String pageStepScript() {
        return script(STEP_NONE, new JsonArray());
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

    private static String script(String step, JsonArray fields) {
        JsonObject selectors = new JsonObject();
        selectors.add(USER_ID, GSON.toJsonTree(USER_ID_SELECTORS));
        selectors.add(PASSWORD, GSON.toJsonTree(PASSWORD_SELECTORS));
        selectors.add(CODE, GSON.toJsonTree(CODE_SELECTORS));
        JsonObject args = new JsonObject();
        args.addProperty("step", step);
        args.add("fields", fields);
        args.add("selectors", selectors);
        return PROGRAM + "(" + GSON.toJson(args) + ");";
    }

    /**
     * What a script did: the step it found and the names (never the values) of the fields it
     * filled or could not find, so {@code toString} is safe to log.
     */
    public record Result(String step, List<String> filled, List<String> missing) {
        private static final Set<String> STEPS = Set.of(STEP_CREDENTIALS, STEP_TWOFA, STEP_NONE);

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
                return new Result(s, names(o.get("filled")), names(o.get("missing")));
            } catch (RuntimeException e) { // malformed JSON, deep nesting: the page is not ours to trust
                return none();
            }
        }

        /** Every field this step asked for was filled: the person only has to confirm. */
        public boolean applied() {
            return !STEP_NONE.equals(step) && !filled.isEmpty() && missing.isEmpty();
        }

        private static Result none() {
            return new Result(STEP_NONE, List.of(), List.of());
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
