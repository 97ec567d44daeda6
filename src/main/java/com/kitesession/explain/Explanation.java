package com.kitesession.explain;

import java.util.List;

/**
 * What went wrong, in the user's words: which layer, a one-line title, why it happens,
 * the steps that fix it, and the button that starts the fix. {@code kiteMessage} is Kite's
 * own text, shown verbatim in small print so the person can search for it; null when Kite
 * said nothing (a dead network, a cancelled login).
 */
public record Explanation(
        ErrorLayer layer, String title, String why, List<String> fixes, FixAction action, String kiteMessage) {

    public Explanation {
        fixes = List.copyOf(fixes);
    }

    /** Plain text for the command line and logs: layer, Kite's message, why, fixes. */
    public String toPlainText() {
        StringBuilder text = new StringBuilder();
        text.append(layer.label()).append(": ").append(title).append('\n');
        if (kiteMessage != null) text.append("Kite said: ").append(kiteMessage).append('\n');
        text.append(why).append('\n');
        for (int i = 0; i < fixes.size(); i++) {
            text.append("  ").append(i + 1).append(". ").append(fixes.get(i)).append('\n');
        }
        return text.toString();
    }
}
