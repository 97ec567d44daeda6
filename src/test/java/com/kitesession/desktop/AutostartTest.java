package com.kitesession.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OS's own autostart entry, exactly: written and removed for real on Linux in a temp
 * XDG_CONFIG_HOME, the macOS plist and the Windows reg.exe command lines compared as text
 * (never run here).
 */
class AutostartTest {
    @TempDir
    Path temp;

    private Properties machine(String os, String appPath) {
        Properties properties = new Properties();
        properties.setProperty("os.name", os);
        properties.setProperty("user.home", temp.resolve("home").toString());
        properties.setProperty("java.home", "/opt/jdk");
        properties.setProperty("java.class.path", "/opt/kite/kite-session.jar");
        if (appPath != null) properties.setProperty("jpackage.app-path", appPath);
        return properties;
    }

    @Test
    void linuxWritesAndRemovesTheXdgEntryInXdgConfigHome() throws IOException {
        Path config = temp.resolve("config");
        Autostart autostart = Autostart.forMachine(Map.of("XDG_CONFIG_HOME", config.toString()),
                machine("Linux", "/opt/kite-session/bin/kite-session"));
        Path file = config.resolve("autostart/kite-session.desktop");
        assertEquals(file.toString(), autostart.where());
        assertFalse(autostart.isOn());

        autostart.set(true);
        assertTrue(autostart.isOn());
        assertEquals("""
                [Desktop Entry]
                # Written by Kite Session Manager (Preferences > Start at login); it starts the installed app.
                Type=Application
                Name=Kite Session Manager
                Comment=Starts Kite Session Manager minimised at login
                Exec=/opt/kite-session/bin/kite-session --minimised
                Icon=kite-session
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """, Files.readString(file));

        autostart.set(false);
        assertFalse(autostart.isOn());
        assertFalse(Files.exists(file));
        autostart.set(false); // already off: nothing to do, no error
        assertFalse(Files.exists(temp.resolve("home")), "the home was never touched");
    }

    @Test
    void linuxFromTheJarQuotesItsExecArguments() throws IOException {
        Properties properties = machine("Linux", null);
        properties.setProperty("java.home", "/home/a b/jdk");
        properties.setProperty("java.class.path", "/home/a b/100%$x/kite-session.jar");
        Autostart autostart = Autostart.forMachine(Map.of(), properties);
        assertEquals(temp.resolve("home/.config/autostart/kite-session.desktop").toString(), autostart.where());
        autostart.set(true);
        String entry = Files.readString(Path.of(autostart.where()));
        assertTrue(entry.contains("\nName=Kite Session Manager (jar)\n"), entry);
        assertTrue(entry.contains("it starts this copy's jar with Java."), entry);
        assertTrue(entry.contains("\nExec=\"/home/a b/jdk/bin/java\" -jar \"/home/a b/100%%\\\\$x/kite-session.jar\""
                + " --minimised\n"), entry);
        assertFalse(entry.contains("Icon="), "no installed icon to name");
    }

    @Test
    void execQuotingFollowsTheDesktopEntrySpec() {
        assertEquals("/usr/bin/kite", XdgAutostart.quote("/usr/bin/kite"));
        assertEquals("\"/a b\"", XdgAutostart.quote("/a b"));
        assertEquals("\"a\\\\\"b\"", XdgAutostart.quote("a\"b"));
        assertEquals("\"a\\\\\\\\b\"", XdgAutostart.quote("a\\b"));
        assertEquals("\"\"", XdgAutostart.quote(""));
    }

    @Test
    void macWritesALaunchAgentThatRunsAtLoad() throws IOException {
        Autostart autostart = Autostart.forMachine(Map.of(),
                machine("Mac OS X", "/Applications/Kite Session Manager.app/Contents/MacOS/Kite Session Manager"));
        Path plist = temp.resolve("home/Library/LaunchAgents/com.kitesession.app.plist");
        assertEquals(plist.toString(), autostart.where());
        autostart.set(true);
        assertTrue(autostart.isOn());
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <!-- Written by Kite Session Manager (Preferences > Start at login); it starts the installed app. -->
                <plist version="1.0">
                <dict>
                    <key>Label</key>
                    <string>com.kitesession.app</string>
                    <key>ProgramArguments</key>
                    <array>
                        <string>/Applications/Kite Session Manager.app/Contents/MacOS/Kite Session Manager</string>
                        <string>--minimised</string>
                    </array>
                    <key>RunAtLoad</key>
                    <true/>
                </dict>
                </plist>
                """, Files.readString(plist));
        autostart.set(false);
        assertFalse(autostart.isOn());
    }

    @Test
    void windowsSetsTheRunKeyWithTheLauncherQuoted() throws IOException {
        Autostart chosen = Autostart.forMachine(Map.of(), machine("Windows 11",
                "C:\\Program Files\\Kite Session Manager\\Kite Session Manager.exe"));
        assertInstanceOf(RunKeyAutostart.class, chosen);
        List<List<String>> ran = new ArrayList<>();
        int[] exit = {0};
        RunKeyAutostart autostart = new RunKeyAutostart(Autostart.Launcher.of(machine("Windows 11",
                "C:\\Program Files\\Kite Session Manager\\Kite Session Manager.exe")), command -> {
                    ran.add(command);
                    return exit[0];
                });
        assertEquals("\"C:\\Program Files\\Kite Session Manager\\Kite Session Manager.exe\" --minimised", autostart.data());
        assertEquals("reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v KiteSessionManager /t REG_SZ"
                + " /d \"\\\"C:\\Program Files\\Kite Session Manager\\Kite Session Manager.exe\\\" --minimised\" /f",
                RunKeyAutostart.line(autostart.add()));
        assertEquals("reg delete HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v KiteSessionManager /f",
                RunKeyAutostart.line(autostart.delete()));
        assertEquals("reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v KiteSessionManager",
                RunKeyAutostart.line(autostart.query()));

        autostart.set(true);
        assertTrue(autostart.isOn());
        assertEquals(List.of(autostart.add(), autostart.query()), ran);

        exit[0] = 5; // reg.exe refused
        IOException refused = assertThrows(IOException.class, () -> autostart.set(true));
        assertTrue(refused.getMessage().startsWith("Windows did not add the value KiteSessionManager under HKCU"),
                refused.getMessage());
        assertFalse(autostart.isOn());
        autostart.set(false); // the value is not there: off is off, no error
    }

    @Test
    void windowsFromTheJarStartsJavawWithoutAConsole() {
        Properties properties = machine("Windows 10", null);
        properties.setProperty("java.home", "C:\\jdk");
        properties.setProperty("java.class.path", "C:\\Users\\a b\\kite-session.jar");
        RunKeyAutostart autostart = new RunKeyAutostart(Autostart.Launcher.of(properties), command -> 0);
        assertTrue(autostart.data().startsWith("\"" + Path.of("C:\\jdk", "bin", "javaw.exe") + "\" -jar \""),
                autostart.data());
        assertTrue(autostart.data().endsWith("kite-session.jar\" --minimised"), autostart.data());
    }

    @Test
    void minimisedIsOneLaunchArgument() {
        assertTrue(Autostart.minimisedIn(List.of("--minimised")));
        assertFalse(Autostart.minimisedIn(List.of()));
        assertFalse(Autostart.minimisedIn(List.of("--login-profile", "p1")));
        assertFalse(Autostart.minimisedIn(null));
    }
}
