package com.kitesession.login;

import com.kitesession.explain.Explanation;
import com.kitesession.session.ActiveSession;
import java.util.ArrayList;
import java.util.List;

/** What a login attempt told its view, in order: the calls by name, the explanations and the session. */
final class RecordingListener implements LoginAttempt.Listener {
    final List<String> events = new ArrayList<>();
    final List<Explanation> explanations = new ArrayList<>();
    ActiveSession session;

    @Override
    public void exchanging() {
        events.add("exchanging");
    }

    @Override
    public void loggedIn(ActiveSession s) {
        events.add("loggedIn");
        session = s;
    }

    @Override
    public void failed(Explanation e) {
        events.add("failed");
        explanations.add(e);
    }

    @Override
    public void refused(Explanation e) {
        events.add("refused");
        explanations.add(e);
    }
}
