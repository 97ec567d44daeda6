package com.kitesession.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.util.List;

/** What the listing commands print: columns lined up for a person, or JSON for a program. */
final class CommandOutput {
    private CommandOutput() {}

    /** The rows (the first is the heading) in columns two spaces apart, one line each, no trailing spaces. */
    static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** Pretty-printed, nulls kept (a program sees every field), no HTML escaping; ends in a line break. */
    static String json(JsonElement json) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(json) + "\n";
    }
}
