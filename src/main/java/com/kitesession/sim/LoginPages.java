package com.kitesession.sim;

/**
 * The HTML of the simulated Kite login in the CLASSIC style: plain forms that work without
 * JavaScript, with the ids #userid, #password, #totp; and the frame every style shares
 * (see {@link SinglePageLogin} for the single-page styles).
 */
final class LoginPages {
    private LoginPages() {}

    private static final String STYLE = """
            body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;
                 background:#fafafa;font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#444}
            .card{background:#fff;width:340px;padding:36px 32px;border:1px solid #eee;border-radius:4px;
                  box-shadow:0 1px 4px rgba(0,0,0,.06)}
            .logo{width:36px;height:36px;margin:0 auto 12px;background:#ff5722;transform:rotate(45deg);border-radius:3px}
            h1{font-size:20px;font-weight:500;text-align:center;margin:8px 0 24px}
            .sub{text-align:center;font-size:13px;color:#888;margin:-16px 0 20px}
            label{display:block;font-size:12px;color:#888;margin-bottom:4px}
            input{width:100%;box-sizing:border-box;padding:10px;margin-bottom:16px;border:1px solid #ddd;border-radius:3px;font-size:15px}
            input:focus{outline:none;border-color:#ff5722}
            #totp,.su-input,#verify-code{letter-spacing:6px;text-align:center;font-size:20px}
            input[type=number]::-webkit-inner-spin-button{-webkit-appearance:none;margin:0}
            button{width:100%;padding:11px;font-family:inherit;background:#ff5722;color:#fff;border:0;border-radius:3px;font-size:15px;cursor:pointer}
            .error{color:#df514c;background:#fdeeee;padding:8px 10px;border-radius:3px;font-size:13px;margin-bottom:16px}
            .links{text-align:center;margin-top:16px;font-size:13px}
            a{color:#387ed1;text-decoration:none}
            footer{margin-top:24px;font-size:12px;color:#aaa}
            """;

    /** A whole page: {@code card} (trusted HTML) in Kite's white card, with the simulator's footer. */
    static String page(String title, String card) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s / Kite</title>
                <style>%s</style></head>
                <body><div class="card"><div class="logo"></div>
                %s
                </div>
                <footer>Kite simulator — not Zerodha</footer>
                </body></html>
                """.formatted(esc(title), STYLE, card);
    }

    private static String error(String error) {
        return error == null ? "" : "<div class=\"error\" id=\"error\">" + esc(error) + "</div>\n";
    }

    static String cancelLink(String cancelHref) {
        return "<div class=\"links\"><a id=\"cancel\" href=\"" + esc(cancelHref) + "\">Cancel</a></div>";
    }

    /** Step one: user id and password. */
    static String credentials(String appName, String sessId, String cancelHref, String error, String userId) {
        return page("Login", """
                <h1>Login to Kite</h1>
                <div class="sub">%s</div>
                %s<form method="post" action="/connect/login">
                <input type="hidden" name="sess_id" value="%s">
                <label for="userid">Phone or User ID</label>
                <input id="userid" name="user_id" type="text" autocomplete="username" autofocus value="%s">
                <label for="password">Password</label>
                <input id="password" type="password" name="password" autocomplete="current-password">
                <button type="submit">Login</button>
                </form>
                %s""".formatted(esc(appName), error(error), esc(sessId), esc(userId == null ? "" : userId), cancelLink(cancelHref)));
    }

    /** Step two: the 6-digit code from the person's authenticator app. */
    static String twofa(String userId, String sessId, String cancelHref, String error) {
        return page("External TOTP", """
                <h1>External TOTP</h1>
                <div class="sub">%s</div>
                %s<form method="post" action="/connect/twofa">
                <input type="hidden" name="sess_id" value="%s">
                <label for="totp">Enter the 6-digit code from your TOTP app</label>
                <input id="totp" name="twofa_value" type="text" inputmode="numeric" maxlength="6"
                       pattern="[0-9]{6}" autocomplete="one-time-code" autofocus>
                <button type="submit">Continue</button>
                </form>
                %s
                <script>
                  // Kite submits as soon as six digits are in; the form still works without this.
                  var f = document.getElementById('totp');
                  f.addEventListener('input', function () {
                    f.value = f.value.replace(/\\D/g, '').slice(0, 6);
                    if (f.value.length === 6) f.form.submit();
                  });
                </script>""".formatted(esc(userId), error(error), esc(sessId), cancelLink(cancelHref)));
    }

    static String problem(String title, String message) {
        return page(title, "<h1>" + esc(title) + "</h1>\n<div class=\"error\" id=\"error\">" + esc(message) + "</div>");
    }

    static String redirecting(String location) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Redirecting</title></head>"
                + "<body>Redirecting to <a href=\"" + esc(location) + "\">" + esc(location) + "</a></body></html>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
