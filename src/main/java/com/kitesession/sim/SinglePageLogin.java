package com.kitesession.sim;

import static com.kitesession.sim.LoginPages.esc;

/**
 * Kite's login as a single-page app (styles SPA, SPA_USERID and RENAMED): one document whose script
 * posts step one to /api/login by XHR, then removes that form and puts the 2FA form in its place
 * without a page load, posts the code to /api/twofa, and only after Kite accepts it navigates to
 * /connect/finish. Errors appear in place, in div#error. The script is plain ES5 so that JavaFX's
 * WebKit runs it; it finds fields by position in their form, so it serves every style's markup.
 */
final class SinglePageLogin {
    private SinglePageLogin() {}

    /**
     * The document GET /connect/login serves. {@code finishPath} is where the page goes once Kite
     * accepts the code; the script reads it from #app's data-finish.
     */
    static String page(LoginPageStyle style, String appName, String finishPath, String cancelHref) {
        boolean renamed = style == LoginPageStyle.RENAMED;
        return LoginPages.page(renamed ? "Sign in" : "Login", """
                <div id="app" data-finish="%s">
                %s</div>
                <script type="text/html" id="step-two">
                %s</script>
                %s
                <script>%s</script>""".formatted(esc(finishPath), stepOne(style, appName), stepTwo(style),
                LoginPages.cancelLink(cancelHref), SCRIPT));
    }

    private static String stepOne(LoginPageStyle style, String appName) {
        if (style == LoginPageStyle.RENAMED) {
            // Nothing an autofill keyed on Kite's ids, names or autocomplete hints could recognise.
            return """
                    <h1>Sign in</h1>
                    <div class="sub">%s</div>
                    <form class="signin">
                    <label for="login-handle">Account</label>
                    <input id="login-handle" name="handle" type="text">
                    <label for="login-secret">Secret</label>
                    <input id="login-secret" name="secret" type="password">
                    <button type="submit">Sign in</button>
                    </form>
                    """.formatted(esc(appName));
        }
        return """
                <h1>Login to Kite</h1>
                <div class="sub">%s</div>
                <form class="login-form">
                <label for="userid">Phone or User ID</label>
                <input id="userid" name="user_id" type="text" autocomplete="username" autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password">
                <button type="submit">Login</button>
                </form>
                """.formatted(esc(appName));
    }

    private static String stepTwo(LoginPageStyle style) {
        if (style == LoginPageStyle.RENAMED) {
            return """
                    <h1>Verify</h1>
                    <div class="sub" id="who"></div>
                    <form class="verify-form">
                    <label for="verify-code">Code</label>
                    <input id="verify-code" name="code" type="text" placeholder="Code">
                    <button type="submit">Continue</button>
                    </form>
                    """;
        }
        // Kite's field has no id; some versions reuse id="userid" on it (SPA_USERID).
        String id = style == LoginPageStyle.SPA_USERID ? " id=\"userid\"" : "";
        return """
                <h1>External TOTP</h1>
                <div class="sub" id="who"></div>
                <form class="twofa-form" data-autosubmit="6">
                <input type="number"%s class="su-input" label="External TOTP" minlength="6" maxlength="6" placeholder="••••••" autocomplete="off">
                <button type="submit">Continue</button>
                </form>
                """.formatted(id);
    }

    /** ES5 only: no let/const, arrow functions, fetch or template literals (JavaFX's WebKit, older pages). */
    private static final String SCRIPT = """
            (function () {
              var app = document.getElementById('app');
              var busy = false;
              var login = {};

              function post(url, fields, done) {
                var parts = [];
                for (var name in fields) {
                  if (fields.hasOwnProperty(name)) parts.push(encodeURIComponent(name) + '=' + encodeURIComponent(fields[name]));
                }
                var xhr = new XMLHttpRequest();
                xhr.open('POST', url, true); // same origin: the HttpOnly session cookie goes along
                xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
                xhr.onreadystatechange = function () {
                  if (xhr.readyState !== 4) return;
                  var reply = null;
                  try { reply = JSON.parse(xhr.responseText); } catch (notJson) { reply = null; }
                  if (!reply || !reply.status) reply = {status: 'error', message: 'Something went wrong. Please try again.'};
                  done(reply);
                };
                xhr.send(parts.join('&'));
              }

              function showError(message) {
                var box = document.getElementById('error');
                if (!box) {
                  box = document.createElement('div');
                  box.className = 'error';
                  box.id = 'error';
                  app.insertBefore(box, app.getElementsByTagName('form')[0]);
                }
                box.textContent = message;
              }

              function stepOne() {
                var form = app.getElementsByTagName('form')[0];
                var fields = form.getElementsByTagName('input');
                form.addEventListener('submit', function (e) {
                  e.preventDefault();
                  if (busy) return;
                  busy = true;
                  post('/api/login', {user_id: fields[0].value, password: fields[1].value}, function (reply) {
                    busy = false;
                    if (reply.status !== 'success') { showError(reply.message); return; }
                    login = reply.data;
                    stepTwo();
                  });
                });
              }

              function stepTwo() {
                // As React would: step one's form leaves the DOM and step two takes its place, no page load.
                app.innerHTML = document.getElementById('step-two').text;
                document.getElementById('who').textContent = login.user_id;
                var form = app.getElementsByTagName('form')[0];
                var code = form.getElementsByTagName('input')[0];
                var digits = Number(form.getAttribute('data-autosubmit')) || 0;
                function submit() {
                  if (busy || code.value === '') return;
                  busy = true;
                  post('/api/twofa', {user_id: login.user_id, request_id: login.request_id, twofa_value: code.value,
                      twofa_type: 'totp', skip_session: ''}, function (reply) {
                    if (reply.status === 'success') { window.location.href = app.getAttribute('data-finish'); return; }
                    busy = false;
                    showError(reply.message);
                    code.value = '';
                    code.focus();
                  });
                }
                form.addEventListener('submit', function (e) { e.preventDefault(); submit(); });
                if (digits) {
                  code.addEventListener('input', function () {
                    var typed = code.value.replace(/\\D/g, '').slice(0, digits);
                    if (typed !== code.value) code.value = typed;
                    if (typed.length === digits) submit();
                  });
                }
                code.focus();
              }

              stepOne();
            })();
            """;
}
