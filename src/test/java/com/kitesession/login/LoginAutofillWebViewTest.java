package com.kitesession.login;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.LoginUrls;
import com.kitesession.login.LoginAutofill.Result;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.testing.WebPage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The autofill scripts in a real WebView: against the simulator's Kite-like login pages, and
 * against pages of our own whose fields were renamed (autofill must then step aside quietly).
 */
@ExtendWith(ApplicationExtension.class)
class LoginAutofillWebViewTest {
    private static final Instant NOW = Instant.parse("2026-11-23T04:30:10Z");
    /** Breaks hand-built JavaScript strings; no CR/LF, which an input's value drops by itself. */
    private static final String NASTY_PASSWORD = "p\"a'ss\\wo`rd${x}</script><script>window.pwned=1</script><!-- \u2028\u2029 é 😀";
    private static final String RENAMED = page("""
            <input id="login" name="login_name" type="text">
            <input id="secret" name="pass_phrase" type="text">""");
    private static final String PASSWORD_RENAMED = page("""
            <input id="userid" name="user_id" type="text">
            <input id="pin" name="pin" type="text">""");
    private static final String PLAIN = page("""
            <input id="userid" name="user_id" type="text">
            <input id="password" name="password" type="password">""");

    private final SimulatorClock clock = SimulatorClock.fixedAt(NOW);
    private final List<String> locations = new CopyOnWriteArrayList<>();
    private KiteSimulator simulator;
    private HttpServer pages;
    private WebView view;
    /** The origin the scripts are made for: set by {@link #open} to the page's own. */
    private LoginOrigin origin;

    @Start
    void start(Stage stage) throws IOException {
        simulator = KiteSimulator.start(SimulatorConfig.builder().clock(clock).build());
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pages.createContext("/renamed", ex -> html(ex, RENAMED));
        pages.createContext("/password-renamed", ex -> html(ex, PASSWORD_RENAMED));
        pages.createContext("/plain", ex -> html(ex, PLAIN));
        pages.start();
        view = new WebView();
        view.getEngine().locationProperty().addListener((obs, old, url) -> locations.add(url));
        stage.setScene(new Scene(view, 800, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            view.getEngine().load(null);
            return null;
        });
        pages.stop(0);
        simulator.close();
    }

    @Test
    void fillsTheSimulatorsPagesAndThePersonsClickLogsIn(FxRobot robot) {
        DemoAccount account = simulator.account();
        WebPage page = open(robot, LoginUrls.loginUrl(simulator.baseUrl(), account.apiKey(), null), "#userid");
        assertEquals("credentials", run(page, LoginAutofill.pageStepScript(origin)).step());
        Result wrongStep = run(page, LoginAutofill.twoFactorScript(origin, "123456"));
        assertEquals(new Result("none", List.of(), List.of("code")), wrongStep);

        page.script("window.seen = []; ['input', 'change'].forEach(function (t) {"
                + " document.addEventListener(t, function (e) { seen.push(e.target.id + ':' + t); }); });");
        Result filled = run(page, LoginAutofill.credentialsScript(origin, account.userId(), account.password()));
        assertEquals(new Result("credentials", List.of("userid", "password"), List.of()), filled);
        assertTrue(filled.applied());
        assertEquals(account.userId(), page.script("document.getElementById('userid').value"));
        assertEquals(account.password(), page.script("document.getElementById('password').value"));
        assertEquals("userid:input,userid:change,password:input,password:change", page.script("seen.join(',')"),
                "bubbling events, so a React or Vue page sees the values");
        assertTrue(page.location().contains("/connect/login"), "filled, not submitted");

        page.click("button[type=submit]"); // the person's click
        page.waitFor("form.twofa-form input"); // drawn in the same document, no page load
        assertEquals("twofa", run(page, LoginAutofill.pageStepScript(origin)).step());
        assertEquals("none", run(page, LoginAutofill.credentialsScript(origin, account.userId(), account.password())).step());

        // This computer runs 90 s behind, past the simulator's one-step tolerance; the measured offset corrects it.
        Instant computerClock = clock.instant().minusSeconds(90);
        String code = LoginAutofill.codeFor(account.totpSecretBase32(), computerClock.plus(Duration.ofSeconds(90)));
        Result twofa = run(page, LoginAutofill.twoFactorScript(origin, code));
        assertEquals(new Result("twofa", List.of("code"), List.of()), twofa);
        // Kite's page submits at six digits by itself; the simulator accepts the code and redirects.
        waitUntil(() -> locations.stream().anyMatch(u -> u.startsWith(account.redirectUrl()) && u.contains("request_token=")),
                "the redirect with a request_token");
    }

    @Test
    void aPageWithRenamedFieldsIsLeftAlone(FxRobot robot) {
        WebPage page = open(robot, pages("/renamed"), "#login");
        assertEquals("none", run(page, LoginAutofill.pageStepScript(origin)).step());
        Result r = run(page, LoginAutofill.credentialsScript(origin, "AB1234", "secret-password"));
        assertEquals(new Result("none", List.of(), List.of("userid", "password")), r);
        assertFalse(r.applied());
        assertEquals("", page.script("document.getElementById('login').value"));
        assertEquals("", page.script("document.getElementById('secret').value"));
        assertEquals(new Result("none", List.of(), List.of("code")), run(page, LoginAutofill.twoFactorScript(origin, "123456")));
    }

    @Test
    void aRenamedPasswordFieldFillsTheUserIdAndSaysWhatIsMissing(FxRobot robot) {
        WebPage page = open(robot, pages("/password-renamed"), "#userid");
        Result r = run(page, LoginAutofill.credentialsScript(origin, "AB1234", "secret-password"));
        assertEquals(new Result("credentials", List.of("userid"), List.of("password")), r);
        assertFalse(r.applied(), "the person types the password");
        assertEquals("AB1234", page.script("document.getElementById('userid').value"));
        assertEquals("", page.script("document.getElementById('pin').value"));
    }

    @Test
    void aScriptMadeForKiteFillsNothingOnAnotherOriginOrAnEmptyPage(FxRobot robot) {
        LoginOrigin kite = LoginOrigin.of(simulator.baseUrl()).orElseThrow();
        WebPage page = open(robot, pages("/plain"), "#userid"); // same host, another port: another origin
        Result other = run(page, LoginAutofill.credentialsScript(kite, "AB1234", "secret-password"));
        assertTrue(other.offOrigin(), other.toString());
        assertFalse(other.applied());
        assertEquals("", page.script("document.getElementById('password').value"), "nothing filled");

        onFx(() -> {
            view.getEngine().loadContent("<html><body><input id='userid'><input id='password' type='password'></body></html>");
            return null;
        });
        page.waitFor("#password");
        Result empty = run(page, LoginAutofill.credentialsScript(kite, "AB1234", "secret-password"));
        assertTrue(empty.notReady() && !empty.offOrigin(), "no origin yet: not Kite's, not another's: " + empty);
        assertEquals("", page.script("document.getElementById('password').value"));
    }

    @Test
    void aPasswordOfQuotesAndScriptTagsArrivesIntact(FxRobot robot) {
        WebPage page = open(robot, pages("/plain"), "#userid");
        Result r = run(page, LoginAutofill.credentialsScript(origin, "AB'1234\"", NASTY_PASSWORD));
        assertTrue(r.applied(), r.toString());
        assertEquals("AB'1234\"", page.script("document.getElementById('userid').value"));
        assertEquals(NASTY_PASSWORD, page.script("document.getElementById('password').value"));
        assertEquals("undefined", page.script("typeof window.pwned"));
        assertEquals(new Result("credentials", List.of("userid"), List.of()), run(page, LoginAutofill.credentialsScript(origin, "AB1234", null)));
        assertEquals(NASTY_PASSWORD, page.script("document.getElementById('password').value"), "no password given: left as it was");
    }

    private WebPage open(FxRobot robot, String url, String selector) {
        origin = LoginOrigin.of(url).orElseThrow();
        onFx(() -> {
            view.getEngine().load(url);
            return null;
        });
        WebPage page = new WebPage(robot, view);
        page.waitFor(selector);
        return page;
    }

    private static Result run(WebPage page, String script) {
        return Result.parse(page.script(script));
    }

    private String pages(String path) {
        return "http://127.0.0.1:" + pages.getAddress().getPort() + path;
    }

    private static String page(String fields) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Login</title></head><body>"
                + "<form method=\"post\" action=\"/nowhere\">" + fields + "<button type=\"submit\">Go</button></form></body></html>";
    }

    private static void html(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (ex) {
            ex.getResponseBody().write(bytes);
        }
    }
}
