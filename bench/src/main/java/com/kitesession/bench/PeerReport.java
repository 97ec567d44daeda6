package com.kitesession.bench;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;

/** The peer's rows of the Markdown table: its column beside the app's, the ratios app/peer, its steps. */
final class PeerReport {
    static final String COLUMN = "peer";

    private PeerReport() {}

    /** Rows of the main table: the like-for-like numbers, then app/peer for each app configuration. */
    static void rows(StringBuilder md, JsonObject columns, List<String> names, List<String> apps) {
        Report.row(md, columns, names, "toTokenMs", "Nothing to token in hand: app cold start + click-to-token;"
                + " peer process start to token exchanged", "", Double.NaN);
        Report.row(md, columns, names, "launchToRedirectMs", "Peer: process start to the redirect caught", "", Double.NaN);
        Report.row(md, columns, names, "pssTreePeakMb", "Peak PSS of the process tree (sampled every 25 ms)", "", Double.NaN);
        Report.row(md, columns, names, "rssTreePeakMb", "Peak RSS of the process tree (sampled; shared libraries counted"
                + " in full in every process)", "", Double.NaN);
        ratio(md, columns, names, apps, "toTokenMs", "Ratio app / peer: nothing to token");
        ratio(md, columns, names, apps, "pssTreePeakMb", "Ratio app / peer: peak PSS");
        ratio(md, columns, names, apps, "rssTreePeakMb", "Ratio app / peer: peak RSS");
    }

    private static void ratio(StringBuilder md, JsonObject columns, List<String> names, List<String> apps, String key,
            String label) {
        JsonObject peer = Report.summary(columns, COLUMN, key);
        md.append("| ").append(label).append(" (of the medians) | |");
        for (String name : names) {
            JsonObject app = apps.contains(name) ? Report.summary(columns, name, key) : null;
            if (app == null || peer == null) {
                md.append(" |");
                continue;
            }
            md.append(String.format(Locale.ROOT, " **%.2f** |", median(app) / median(peer)));
        }
        md.append('\n');
    }

    /** Where the peer's time goes, step by step. */
    static void steps(StringBuilder md, JsonObject peer) {
        md.append("\nWhere the peer's time goes (median ms; ").append(peer.get("description").getAsString())
                .append(", Chromium ").append(peer.has("chromiumVersion") ? peer.get("chromiumVersion").getAsString() : "?")
                .append("):\n\n| step | `peer` |\n|---|---|\n");
        JsonObject summary = peer.getAsJsonObject("summary");
        for (String[] step : PeerBench.STEPS) {
            if (!summary.has(step[0])) continue;
            md.append("| ").append(step[1]).append(" | ").append(Report.fmt(median(summary.getAsJsonObject(step[0]))))
                    .append(" |\n");
        }
        if (summary.has("processesPeak")) {
            md.append("| processes in the tree at most (node, Chromium's browser, zygotes, renderer, GPU, utility) | ")
                    .append(Report.fmt(median(summary.getAsJsonObject("processesPeak")))).append(" |\n");
        }
    }

    private static double median(JsonObject stats) {
        return stats.get("median").getAsDouble();
    }
}
