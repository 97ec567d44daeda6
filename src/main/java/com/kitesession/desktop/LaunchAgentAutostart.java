package com.kitesession.desktop;

import java.nio.file.Path;

/** macOS: a LaunchAgent, {@code ~/Library/LaunchAgents/com.kitesession.app.plist}, run at load (login). */
final class LaunchAgentAutostart extends EntryFileAutostart {
    static final String LABEL = "com.kitesession.app";

    LaunchAgentAutostart(Path folder, Launcher launcher) {
        super(folder.resolve(LABEL + ".plist"), launcher);
    }

    /** The plist's text, exactly. */
    @Override
    String entry() {
        StringBuilder arguments = new StringBuilder();
        for (String arg : launcher.minimised()) {
            arguments.append("        <string>").append(xml(arg)).append("</string>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<!-- Written by Kite Session Manager (Preferences > Start at login); it starts " + launcher.how() + ". -->\n"
                + "<plist version=\"1.0\">\n"
                + "<dict>\n"
                + "    <key>Label</key>\n"
                + "    <string>" + LABEL + "</string>\n"
                + "    <key>ProgramArguments</key>\n"
                + "    <array>\n"
                + arguments
                + "    </array>\n"
                + "    <key>RunAtLoad</key>\n"
                + "    <true/>\n"
                + "</dict>\n"
                + "</plist>\n";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
