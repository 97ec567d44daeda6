package com.kitesession.ui;

import static com.kitesession.ui.PresenterTestBase.TEN_AM_IST;
import static com.kitesession.ui.PresenterTestBase.ist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.service.Preferences;
import com.kitesession.service.ProfileStatus;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.TokenExpiry;
import com.kitesession.storage.AppSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The window's state without the toolkit: title, home card, editor focus, read-only rows. */
class MainModelTest {
    private final MainModel model = new MainModel(TEN_AM_IST, Preferences.of(new AppSettings()));
    private final KiteProfile profile = KiteProfile.forKite("Main account", "key", "http://127.0.0.1/kite-redirect", null);
    /** Logged in at 10:00 IST: Kite's token dies at 06:00 IST tomorrow, 20 hours on. */
    private final ActiveSession session = new ActiveSession("key", "AB1234", "Trader", "token", TEN_AM_IST,
            TokenExpiry.documented().expiresAt(TEN_AM_IST));

    @Test
    void theTitleIsTheAppNameWithoutASession() {
        assertEquals("Kite Session Manager", model.titleProperty().get());
        model.profile.set(profile);
        assertEquals("Kite Session Manager", model.titleProperty().get());
    }

    @Test
    void theTitleCountsDownWithTheSharedSecond() {
        model.profile.set(profile);
        model.session.set(session);
        assertEquals("Main account \u00b7 20:00 left \u2013 Kite Session Manager", model.titleProperty().get());
        model.tick(TEN_AM_IST.plusSeconds(1));
        assertEquals("Main account \u00b7 20:00 left \u2013 Kite Session Manager", model.titleProperty().get());
        model.tick(TEN_AM_IST.plusSeconds(60));
        assertEquals("Main account \u00b7 19:59 left \u2013 Kite Session Manager", model.titleProperty().get());
        model.tick(ist("2026-11-24T05:59:59"));
        assertEquals("Main account \u00b7 00:01 left \u2013 Kite Session Manager", model.titleProperty().get());
    }

    @Test
    void theTitleIsTheAppNameAgainOnceExpiredOrLoggedOut() {
        model.profile.set(profile);
        model.session.set(session);
        model.tick(ist("2026-11-24T06:00:00"));
        assertEquals("Kite Session Manager", model.titleProperty().get());

        model.tick(TEN_AM_IST);
        assertEquals("Main account \u00b7 20:00 left \u2013 Kite Session Manager", model.titleProperty().get());
        model.session.set(null);
        assertEquals("Kite Session Manager", model.titleProperty().get());
    }

    @Test
    void homeIsTheTokenWithASessionElseTheWelcome() {
        model.card.set(MainModel.Card.LOGIN);
        model.showHome();
        assertEquals(MainModel.Card.WELCOME, model.cardProperty().get());
        model.session.set(session);
        model.card.set(MainModel.Card.EDIT_PROFILE);
        model.showHome();
        assertEquals(MainModel.Card.TOKEN, model.cardProperty().get());
    }

    @Test
    void focusingTheSameEditorFieldTwiceIsHeardTwice() {
        List<MainModel.EditorField> asked = new ArrayList<>();
        model.editorFocusProperty().addListener((obs, old, field) -> {
            if (field != null) asked.add(field);
        });
        model.focusEditor(MainModel.EditorField.API_SECRET);
        model.focusEditor(MainModel.EditorField.API_SECRET);
        model.focusEditor(MainModel.EditorField.NAME);
        assertEquals(List.of(MainModel.EditorField.API_SECRET, MainModel.EditorField.API_SECRET,
                MainModel.EditorField.NAME), asked);
        assertEquals(MainModel.EditorField.NAME, model.editorFocusProperty().get());
    }

    @Test
    void theRowsAreReadOnlyButFollowThePresenters() {
        ProfileStatus row = new ProfileStatus(profile, null, false, true);
        assertThrows(UnsupportedOperationException.class, () -> model.rows().add(row));
        model.rows.setAll(row);
        assertEquals(List.of(row), model.rows());
        assertThrows(UnsupportedOperationException.class, () -> model.rows().clear());
    }

    @Test
    void theSelectedRowIsTheOneWithTheSelectedId() {
        KiteProfile other = KiteProfile.forKite("Other", "key2", "http://127.0.0.1/kite-redirect", null);
        ProfileStatus first = new ProfileStatus(profile, null, false, true);
        ProfileStatus second = new ProfileStatus(other, null, false, false);
        model.rows.setAll(first, second);
        assertEquals(Optional.empty(), model.selectedRow());
        model.selectedId.set(other.id());
        assertEquals(second, model.selectedRow().orElseThrow());
    }

    @Test
    void anExplanationStaysUntilDismissed() {
        model.explain(new ErrorExplainer().explainCancelled());
        assertEquals("The login was cancelled", model.explanationProperty().get().title());
        model.dismissExplanation();
        assertNull(model.explanationProperty().get());
    }
}
