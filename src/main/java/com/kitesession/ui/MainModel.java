package com.kitesession.ui;

import com.kitesession.explain.Explanation;
import com.kitesession.service.Preferences;
import com.kitesession.service.ProfileStatus;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.Countdown;
import com.kitesession.session.KiteProfile;
import com.kitesession.sim.DemoAccount;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The window's state, after AtlantaFX's sampler ({@code layout/MainModel}): read-only properties
 * the views bind to; the presenters (same package) change them. {@code javafx.beans} needs no
 * toolkit, so the model and its presenters are tested with plain JUnit.
 * <p>
 * One "now" ticks each second (Kite's time as best measured: the token dies by Kite's clock);
 * every countdown on screen follows it instead of a timer of its own.
 */
public final class MainModel {
    static final String APP_NAME = "Kite Session Manager";

    /** What the detail pane shows. */
    public enum Card {
        WELCOME, LOGIN, BROWSER_LOGIN, BUSY, TOKEN, REDIRECT_HELP, EDIT_PROFILE
    }

    /** What "Try again" repeats. */
    enum Retry {
        LOGIN, VERIFY
    }

    /** Which field of the profile editor a fix puts the cursor in. */
    enum EditorField {
        NAME, API_KEY, API_SECRET, LOGIN_DETAILS, AFTER_LOGIN
    }

    /** A line of feedback; success is never shown in the error colour. */
    public record Notice(String text, Tone tone) {
        public enum Tone {
            INFO, SUCCESS, PROBLEM
        }

        static final Notice NONE = new Notice("", Tone.INFO);

        static Notice info(String text) {
            return new Notice(text, Tone.INFO);
        }

        static Notice success(String text) {
            return new Notice(text, Tone.SUCCESS);
        }

        static Notice problem(String text) {
            return new Notice(text, Tone.PROBLEM);
        }
    }

    final ObservableList<ProfileStatus> rows = FXCollections.observableArrayList();
    private final ObservableList<ProfileStatus> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    final ReadOnlyObjectWrapper<String> selectedId = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<KiteProfile> profile = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<ProfileDraft> draft = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<DemoAccount> demo = new ReadOnlyObjectWrapper<>();
    final ReadOnlyBooleanWrapper canLogin = new ReadOnlyBooleanWrapper();
    final ReadOnlyBooleanWrapper savedProfileSelected = new ReadOnlyBooleanWrapper();
    final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(Notice.NONE);
    final ReadOnlyObjectWrapper<Card> card = new ReadOnlyObjectWrapper<>(Card.WELCOME);
    final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();
    final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    final ReadOnlyObjectWrapper<ActiveSession> session = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<Notice> sessionStatus = new ReadOnlyObjectWrapper<>(Notice.NONE);
    final ReadOnlyObjectWrapper<BrowserWait> browserWait = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<Notice> pasteNotice = new ReadOnlyObjectWrapper<>(Notice.NONE);
    final ReadOnlyObjectWrapper<Handover> handover = new ReadOnlyObjectWrapper<>(Handover.NONE);
    final ReadOnlyObjectWrapper<Instant> now;
    final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP_NAME);
    final ReadOnlyObjectWrapper<Preferences> preferences;
    final ReadOnlyObjectWrapper<EditorField> editorFocus = new ReadOnlyObjectWrapper<>();
    /** Why the desktop shows no tray icon, for Preferences; empty where it does (or before it was asked). */
    final ReadOnlyStringWrapper trayProblem = new ReadOnlyStringWrapper("");
    Retry retry = Retry.LOGIN;

    MainModel(Instant now, Preferences preferences) {
        this.now = new ReadOnlyObjectWrapper<>(now);
        this.preferences = new ReadOnlyObjectWrapper<>(preferences);
        session.addListener((obs, old, shown) -> showTitle());
        profile.addListener((obs, old, shown) -> showTitle());
        rows.addListener((ListChangeListener<ProfileStatus>) change -> showTitle());
    }

    /** The shared second: the window's one timer calls it. */
    void tick(Instant instant) {
        now.set(instant);
        showTitle();
    }

    /** The selected profile's row, if the list has it. */
    Optional<ProfileStatus> selectedRow() {
        String id = selectedId.get();
        return rows.stream().filter(row -> row.profile().id().equals(id)).findFirst();
    }

    /** The card to come back to: the session if one is shown, else the welcome. */
    void showHome() {
        card.set(session.get() != null ? Card.TOKEN : Card.WELCOME);
    }

    void explain(Explanation why) {
        explanation.set(why);
    }

    void dismissExplanation() {
        explanation.set(null);
    }

    /** Puts the editor's cursor in {@code field}, even if it was the last one asked for. */
    void focusEditor(EditorField field) {
        editorFocus.set(null);
        editorFocus.set(field);
    }

    private void showTitle() {
        ActiveSession shown = session.get();
        KiteProfile selected = profile.get();
        Instant instant = now.get();
        // A session Kite refused (invalidated early, logged out elsewhere) has no countdown either.
        boolean refused = selectedRow().map(row -> !row.state(instant).isLive()).orElse(false);
        if (shown == null || selected == null || shown.isExpired(instant) || refused) {
            title.set(APP_NAME);
        } else {
            // Minutes: a title is read at a glance in the taskbar, and a minimised window ticks every 15 s.
            title.set(selected.name() + " \u00b7 " + Countdown.hoursMinutes(shown.remaining(instant)) + " left \u2013 "
                    + APP_NAME);
        }
    }

    public ObservableList<ProfileStatus> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<String> selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KiteProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProfileDraft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DemoAccount> demoProperty() {
        return demo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canLoginProperty() {
        return canLogin.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savedProfileSelectedProperty() {
        return savedProfileSelected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Card> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActiveSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> sessionStatusProperty() {
        return sessionStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BrowserWait> browserWaitProperty() {
        return browserWait.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> pasteNoticeProperty() {
        return pasteNotice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Handover> handoverProperty() {
        return handover.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preferences> preferencesProperty() {
        return preferences.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trayProblemProperty() {
        return trayProblem.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<EditorField> editorFocusProperty() {
        return editorFocus.getReadOnlyProperty();
    }
}
