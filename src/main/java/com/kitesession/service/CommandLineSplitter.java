package com.kitesession.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a typed command line into a program and its arguments, without a shell: no variables,
 * pipes or globs, only the quoting rules people know from their platform. POSIX: single quotes
 * keep everything, double quotes keep all but {@code \"}, {@code \\}, {@code \$} and {@code \`},
 * a backslash outside quotes keeps the next character. Windows: {@code CommandLineToArgvW}
 * (the first word ends at whitespace or its closing quote; then 2n backslashes before a quote
 * are n and the quote toggles, 2n+1 are n and a literal quote, {@code ""} inside quotes is one).
 */
public final class CommandLineSplitter {
    private CommandLineSplitter() {}

    /** Splits by this computer's rules. */
    public static List<String> split(String line) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return windows ? windows(line) : posix(line);
    }

    /** POSIX-shell-like words; an unclosed quote is an error, said in words. */
    public static List<String> posix(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("A single quote (') is not closed; add the closing quote.");
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < line.length() && line.charAt(i + 1) != '\n') word.append(line.charAt(i + 1));
                inWord = inWord || i + 1 < line.length();
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** Appends the double-quoted text starting at {@code i}; returns the index after its closing quote. */
    private static int doubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                if (line.charAt(i + 1) != '\n') word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("A double quote (\") is not closed; add the closing quote.");
    }

    /** {@code CommandLineToArgvW}'s words (an unclosed quote runs to the end, as Windows does). */
    public static List<String> windows(String line) {
        List<String> words = new ArrayList<>();
        int i = skipBlanks(line, 0);
        if (i >= line.length()) return words;
        // The program name: quotes group, backslashes are plain.
        StringBuilder first = new StringBuilder();
        boolean quoted = false;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == ' ' || c == '\t')) break;
            else first.append(c);
        }
        words.add(first.toString());
        i = skipBlanks(line, i);
        while (i < line.length()) {
            StringBuilder word = new StringBuilder();
            quoted = false;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\') {
                    int n = 0;
                    while (i < line.length() && line.charAt(i) == '\\') {
                        n++;
                        i++;
                    }
                    if (i < line.length() && line.charAt(i) == '"') {
                        word.append("\\".repeat(n / 2));
                        if (n % 2 == 1) {
                            word.append('"');
                            i++;
                        }
                    } else {
                        word.append("\\".repeat(n));
                    }
                } else if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        word.append('"');
                        i += 2;
                    } else {
                        quoted = !quoted;
                        i++;
                    }
                } else if (!quoted && (c == ' ' || c == '\t')) {
                    break;
                } else {
                    word.append(c);
                    i++;
                }
            }
            words.add(word.toString());
            i = skipBlanks(line, i);
        }
        return words;
    }

    private static int skipBlanks(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }
}
