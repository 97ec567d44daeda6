package com.kitesession.login;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.UserProfile;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.TokenExpiry;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** "Verify": the cheap liveness call ({@code GET /user/profile}) with the session's token, off the UI thread. */
public final class SessionCheck {
    private final KiteClient client;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final ErrorExplainer explainer = new ErrorExplainer();

    public SessionCheck(KiteClient client, Clock clock, Executor background, Executor ui) {
        this.client = client;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
    }

    public void verify(ActiveSession session, Consumer<UserProfile> alive, Consumer<Explanation> dead) {
        background.execute(() -> {
            try {
                UserProfile profile = client.getProfile(session.user().apiKey(), session.accessToken());
                ui.execute(() -> alive.accept(profile));
            } catch (KiteException e) {
                Explanation explanation = explainer.explainApiCall(
                        e, session.expiresAt(), clock.instant().atZone(TokenExpiry.IST));
                ui.execute(() -> dead.accept(explanation));
            } catch (RuntimeException e) {
                Explanation explanation = explainer.explainUnexpected(e);
                ui.execute(() -> dead.accept(explanation));
            }
        });
    }
}
