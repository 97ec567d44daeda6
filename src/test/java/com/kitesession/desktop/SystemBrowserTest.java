package com.kitesession.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Where a browser or a window can open, and the commands that open them: never a shell, the
 * address always one argument of its own, nothing tried on a Linux session with no display.
 */
class SystemBrowserTest {
    private static final String URL = "https://kite.zerodha.com/connect/login?v=3&api_key=k&redirect_params=ks_state%3Dabc";

    @Test
    void aDisplayIsThereOnWindowsAndMacAndOnLinuxOnlyInADesktopSession() {
        assertTrue(DesktopDisplay.available(Map.of(), "Windows 11"));
        assertTrue(DesktopDisplay.available(Map.of(), "Mac OS X"));
        assertFalse(DesktopDisplay.available(Map.of(), "Linux"));
        assertFalse(DesktopDisplay.available(Map.of("DISPLAY", " "), "Linux"));
        assertTrue(DesktopDisplay.available(Map.of("DISPLAY", ":0"), "Linux"));
        assertTrue(DesktopDisplay.available(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"));
        assertTrue(DesktopDisplay.available(Map.of("DISPLAY", "localhost:10.0"), "FreeBSD"));
    }

    @Test
    void eachSystemOpensTheAddressAsOneArgument() {
        assertEquals(Optional.of(List.of("xdg-open", URL)), SystemBrowser.command(Map.of("DISPLAY", ":0"), "Linux", URL));
        assertEquals(Optional.of(List.of("open", URL)), SystemBrowser.command(Map.of(), "Mac OS X", URL));
        assertEquals(Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", URL)),
                SystemBrowser.command(Map.of(), "Windows 10", URL));
    }

    @Test
    void overSshNothingIsTried() {
        assertEquals(Optional.empty(), SystemBrowser.command(Map.of("SSH_CONNECTION", "x"), "Linux", URL));
        SystemBrowser.Attempt attempt = new SystemBrowser(Map.of(), "Linux").open(URL);
        assertFalse(attempt.started());
        assertEquals("No browser can open here (no desktop session).", attempt.words());
    }

    @Test
    void browserIsTakenAsThePersonSetItWithoutAShell() {
        assertEquals(Optional.of(List.of("w3m", URL)), SystemBrowser.command(Map.of("BROWSER", "w3m"), "Linux", URL));
        assertEquals(Optional.of(List.of("firefox", "--new-tab", URL)),
                SystemBrowser.command(Map.of("BROWSER", "firefox --new-tab %s"), "Linux", URL));
        assertEquals(Optional.of(List.of("lynx", URL)),
                SystemBrowser.command(Map.of("BROWSER", File.pathSeparator + "lynx" + File.pathSeparator + "w3m"), "Linux", URL));
        // A shell's characters are just characters: nothing runs "rm".
        assertEquals(Optional.of(List.of("echo;rm", "-rf", URL)),
                SystemBrowser.command(Map.of("BROWSER", "echo;rm -rf"), "Linux", URL));
    }

    @Test
    void aBrowserThatCannotStartIsSaidNotThrown() {
        SystemBrowser.Attempt attempt = new SystemBrowser(Map.of("BROWSER", "/nonexistent/kite-browser"), "Linux").open(URL);
        assertFalse(attempt.started());
        assertTrue(attempt.words().startsWith("The browser could not be started (/nonexistent/kite-browser: IOException)"),
                attempt.words());
        assertFalse(attempt.words().contains(URL));
    }

    @Test
    void theWindowStartsAsThisCopyWasStartedWithTheAppsSettingsOnly() {
        Properties jar = new Properties();
        jar.setProperty("os.name", "Mac OS X");
        jar.setProperty("java.home", "/jdk");
        jar.setProperty("java.class.path", "/apps/kite-session.jar");
        jar.setProperty("kite.session.home", "/home/t/.config/kite-session");
        jar.setProperty("user.name", "t");
        jar.setProperty("prism.order", "sw");
        assertEquals(List.of("/jdk/bin/java", "-Dkite.session.home=/home/t/.config/kite-session", "-Dprism.order=sw", "-cp",
                "/apps/kite-session.jar", "com.kitesession.Main", "--login-profile", "p1"),
                WindowLauncher.command("com.kitesession.Main", jar, LoginRequest.args("p1")));

        Properties installed = new Properties();
        installed.setProperty("os.name", "Windows 11");
        installed.setProperty("jpackage.app-path", "C:\\Program Files\\Kite Session Manager\\kite-session.exe");
        assertEquals(List.of("C:\\Program Files\\Kite Session Manager\\kite-session.exe", "--login-profile", "p1"),
                WindowLauncher.command("com.kitesession.Main", installed, LoginRequest.args("p1")));
    }
}
