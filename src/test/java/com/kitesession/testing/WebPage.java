package com.kitesession.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.web.WebView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives a page inside a real WebView as a person would: finds an element, clicks its centre
 * on screen, and types with the robot. WebEngine state is only read on the FX thread.
 */
public final class WebPage {
    private final WebView view;
    private final FxRobot robot;

    public WebPage(FxRobot robot, WebView view) {
        this.robot = robot;
        this.view = view;
    }

    /** The window's login WebView, once made: the window makes it after it is shown, or at the first login. */
    public static WebView loginView(FxRobot robot) {
        waitUntil(() -> robot.lookup("#login-webview").tryQuery().isPresent(), "the login WebView");
        return robot.lookup("#login-webview").queryAs(WebView.class);
    }

    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX read failed", e);
        }
    }

    public Object script(String js) {
        return onFx(() -> view.getEngine().executeScript(js));
    }

    public String text() {
        Object text = script("document.body ? document.body.innerText : ''");
        return text instanceof String s ? s : "";
    }

    public String location() {
        return onFx(() -> view.getEngine().getLocation());
    }

    public void waitFor(String selector) {
        String js = "document.querySelector('" + selector + "') != null";
        waitUntil(() -> Boolean.TRUE.equals(script(js)), "element " + selector + " on " + location());
    }

    public void waitForText(String text) {
        waitUntil(() -> text().contains(text), "text '" + text + "' on " + location());
    }

    /** Clicks the element's centre on screen, then types {@code text} key by key. */
    public void type(String selector, String text) {
        waitFor(selector);
        click(selector);
        robot.write(text);
    }

    public void click(String selector) {
        String js = "(function(){var r=document.querySelector('" + selector + "').getBoundingClientRect();"
                + "return (r.left + r.width/2) + ',' + (r.top + r.height/2);})()";
        String[] xy = ((String) script(js)).split(",");
        Point2D onScreen = onFx(() -> view.localToScreen(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
        robot.clickOn(onScreen);
    }

    public static void waitUntil(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }
}
