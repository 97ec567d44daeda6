package com.kitesession.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal whose person types the given lines, in order; null once they run out (Ctrl-D). */
final class ScriptedTerminal implements Terminal {
    private final Deque<String> typed = new ArrayDeque<>();
    /** Every prompt shown, with whether it echoed what was typed. */
    final List<String> prompts = new ArrayList<>();
    final List<Boolean> echoed = new ArrayList<>();

    ScriptedTerminal(String... lines) {
        typed.addAll(List.of(lines));
    }

    @Override
    public char[] readHidden(String prompt) {
        prompts.add(prompt);
        echoed.add(false);
        String line = typed.poll();
        return line == null ? null : line.toCharArray();
    }

    @Override
    public String readLine(String prompt) {
        prompts.add(prompt);
        echoed.add(true);
        return typed.poll();
    }
}
