package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.otp.Totp;
import com.kitesession.session.ActiveSession;
import com.kitesession.sim.LoginPageStyle;
import com.kitesession.testing.WebPage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * One-click login on each of the simulator's login pages: the demo profile, with its password
 * and 2FA secret stored; the person's only act is the page's own Login button.
 */
class OneClickLoginPagesTest {

    /** The person clicks Login on Kite's page once; the token view follows with nothing typed. */
    static void oneClick(WindowTestBase test, FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the demo profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        waitUntil(() -> test.account().password().equals(page.script("(document.getElementById('password') || {}).value")),
                "the password filled");
        page.click("button[type=submit]");
        waitUntil(() -> WindowTestBase.visible(robot, "#token-view"), "the token view, after one click");
        ActiveSession session = onFx(() -> robot.lookup("#token-view").queryAs(TokenView.class).session());
        assertEquals(test.account().userId(), session.userId());
    }

    @Nested
    class SpaUserId extends DemoWindowTestBase {
        @Start
        void start(Stage stage) throws Exception {
            open(stage);
        }


        @Override
        LoginPageStyle loginPage() {
            return LoginPageStyle.SPA_USERID;
        }

        /** The 2FA field reuses id="userid": the code goes there, never taken for step one's user id. */
        @Test
        void theCodeGoesIntoTheTwoFactorFieldThatReusesTheUserIdsId(FxRobot robot) {
            oneClick(this, robot);
        }
    }

    @Nested
    class Classic extends DemoWindowTestBase {
        @Start
        void start(Stage stage) throws Exception {
            open(stage);
        }


        @Override
        LoginPageStyle loginPage() {
            return LoginPageStyle.CLASSIC;
        }

        @Test
        void theOlderPageOfFormsIsStillOneClick(FxRobot robot) {
            oneClick(this, robot);
        }
    }

    @Nested
    class Renamed extends DemoWindowTestBase {
        @Start
        void start(Stage stage) throws Exception {
            open(stage);
        }


        @Override
        LoginPageStyle loginPage() {
            return LoginPageStyle.RENAMED;
        }

        /** Kite after a redesign nobody knows: autofill steps aside, says so, and a typed login still works. */
        @Test
        void autofillSaysItDidNotApplyAndATypedLoginStillWorks(FxRobot robot) {
            waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the demo profile");
            robot.clickOn("#login");
            WebPage page = new WebPage(robot, WebPage.loginView(robot));
            waitUntil(() -> text(robot, "#notice").startsWith("Autofill did not apply"), "the notice");
            assertEquals("", page.script("document.getElementById('login-handle').value"), "nothing filled");
            assertEquals("", page.script("document.getElementById('login-secret').value"));
            page.type("#login-handle", account().userId());
            page.type("#login-secret", account().password());
            page.click("button[type=submit]");
            page.type("#verify-code", Totp.code(account().totpSecretBase32(), clock.instant()));
            page.click("form.verify-form button");
            waitUntil(() -> visible(robot, "#token-view"), "the token view");
            assertTrue(text(robot, "#notice").startsWith("Autofill did not apply"), "told once, and it stays said");
        }
    }
}
