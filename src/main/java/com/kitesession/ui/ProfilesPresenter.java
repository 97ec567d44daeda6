package com.kitesession.ui;

import com.kitesession.clock.KiteClockPing;
import com.kitesession.explain.ErrorExplainer;
import com.kitesession.service.AfterLoginCommand;
import com.kitesession.service.ProfileStatus;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.ProfileForm;
import com.kitesession.session.RedirectUrlCheck;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.storage.AppSettings;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The profile list and the profile editor: start-up (saved profiles or the demo), select, add,
 * save, delete, make default, export. Blocking calls go through {@link UiTasks}.
 */
final class ProfilesPresenter {
    private final MainModel model;
    private final AppServices services;
    private final SessionService sessions;
    private final UiTasks tasks;
    private final KiteClockPing clockPing;
    private final ErrorExplainer explainer;
    private final WindowDialogs dialogs;
    private KiteSimulator simulator;
    /** What the sidebar says once the next selection has shown ("Saved."). */
    private MainModel.Notice afterSelect = MainModel.Notice.NONE;
    /** The profile shown when Add was pressed: closing the new one unsaved returns to it. */
    private String selectedBeforeAdd;

    ProfilesPresenter(MainModel model, AppServices services, UiTasks tasks, KiteClockPing clockPing,
            ErrorExplainer explainer, WindowDialogs dialogs) {
        this.dialogs = dialogs;
        this.model = model;
        this.services = services;
        this.sessions = services.sessions();
        this.tasks = tasks;
        this.clockPing = clockPing;
        this.explainer = explainer;
    }

    /** Shows the saved profiles, or starts the demo when there are none; true if saved ones exist. */
    boolean start() {
        sessions.loadProblem().ifPresent(problem -> model.explain(explainer.explainSettingsProblem(problem)));
        AppSettings settings = sessions.settings();
        if (settings.profiles.isEmpty()) {
            startDemo();
            return false;
        }
        // The remembered profile, unless one was chosen meanwhile (a click, or `kite-session login`'s request).
        String remembered = settings.lastProfileId != null ? settings.lastProfileId : settings.defaultProfileId;
        tasks.create(sessions::statuses).onSuccess(rows -> showRows(rows, null, remembered)).run();
        KiteProfile first = settings.profiles.get(0);
        tasks.create(() -> clockPing.measure(first.apiBase())).run();
        return true;
    }

    private void startDemo() {
        tasks.create(() -> {
            if (simulator == null) simulator = services.demo().start();
            var account = simulator.account();
            KiteProfile demo = new KiteProfile(KiteProfile.DEMO_ID, "Demo (built-in Kite simulator)", account.apiKey(),
                    account.redirectUrl(), account.userId(), simulator.baseUrl(), simulator.baseUrl());
            sessions.setDemo(demo, account.apiSecret(), account.password(), account.totpSecretBase32());
            clockPing.measure(demo.apiBase());
            return KiteProfile.DEMO_ID;
        }).onSuccess(this::refresh).run();
    }

    /**
     * Re-reads every profile's status off the FX thread, then shows it, selecting {@code selectId};
     * null keeps the selection as it is by then (else the first): a background refresh, such as
     * the check at start, never takes away a profile chosen meanwhile.
     */
    void refresh(String selectId) {
        tasks.create(sessions::statuses).onSuccess(rows -> showRows(rows, selectId, null)).run();
    }

    /** With nothing selected by then, {@code fallbackId} comes before the first row. */
    private void showRows(List<ProfileStatus> rows, String selectId, String fallbackId) {
        model.rows.setAll(rows);
        String selected = model.selectedId.get();
        Optional<ProfileStatus> target = Stream.of(selectId, selected, fallbackId).filter(Objects::nonNull)
                .flatMap(id -> rows.stream().filter(r -> r.profile().id().equals(id))).findFirst()
                .or(() -> rows.stream().findFirst());
        // A refresh must not reload the view it refreshes: only a change of profile selects.
        if (target.isPresent() && !target.get().profile().id().equals(model.selectedId.get())) {
            select(target.get().profile());
        }
    }

    /** The person picked a row (by id, as the list shows it). */
    void select(String profileId) {
        if (profileId == null || profileId.equals(model.selectedId.get())) return;
        model.rows.stream().filter(r -> r.profile().id().equals(profileId)).findFirst()
                .ifPresent(row -> select(row.profile()));
    }

    void select(KiteProfile chosen) {
        model.selectedId.set(chosen.id());
        model.profile.set(chosen);
        model.savedProfileSelected.set(!chosen.isDemo());
        model.demo.set(chosen.isDemo() && simulator != null ? simulator.account() : null);
        model.notice.set(afterSelect);
        afterSelect = MainModel.Notice.NONE;
        model.canLogin.set(false);
        AppSettings.TokenExport export = sessions.settings().exports.get(chosen.id());
        tasks.create(() -> new Selected(sessions.apiSecret(chosen).isPresent() ? sessions.describeSecrets(chosen) : null,
                sessions.loginSecrets(chosen).any(), sessions.session(chosen), ExportFileFacts.writtenAt(export)))
                .onSuccess(selected -> {
                    if (model.profile.get() != chosen) return; // the person moved on meanwhile
                    model.draft.set(new ProfileDraft(chosen, true, selected.secretStoredIn(), selected.loginSecretsStored(),
                            ExportFileFacts.editorLine(export), sessions.afterLogin(chosen).orElse("")));
                    model.canLogin.set(true);
                    model.handover.set(export == null ? Handover.NONE
                            : Handover.export(ExportFileFacts.target(export), selected.exportWrittenAt(), null));
                    model.session.set(selected.session().orElse(null));
                    model.sessionStatus.set(MainModel.Notice.NONE);
                    if (model.card.get() != MainModel.Card.EDIT_PROFILE) model.showHome();
                }).run();
        if (!chosen.isDemo()) tasks.create(() -> sessions.rememberLastProfile(chosen.id())).run();
    }

    private record Selected(String secretStoredIn, boolean loginSecretsStored, Optional<ActiveSession> session,
            Instant exportWrittenAt) {}

    /** A new profile in the editor; the first own app starts with the redirect-URL help. */
    void add() {
        boolean firstOwnApp = sessions.settings().profiles.isEmpty();
        KiteProfile fresh = KiteProfile.forKite("My Kite app", "", RedirectUrlCheck.SUGGESTED, null);
        if (model.selectedId.get() != null) selectedBeforeAdd = model.selectedId.get();
        model.selectedId.set(null);
        model.profile.set(fresh);
        model.savedProfileSelected.set(false);
        model.demo.set(null);
        model.canLogin.set(false);
        model.session.set(null);
        model.notice.set(MainModel.Notice.NONE);
        model.draft.set(ProfileDraft.unsaved(fresh));
        // The first own app: the redirect URL is what people get wrong, so its help comes first.
        model.card.set(firstOwnApp ? MainModel.Card.REDIRECT_HELP : MainModel.Card.EDIT_PROFILE);
        model.focusEditor(MainModel.EditorField.NAME);
    }

    /** Opens the selected profile's settings in the detail pane. */
    void edit() {
        if (model.draft.get() == null) return;
        model.card.set(MainModel.Card.EDIT_PROFILE);
        model.focusEditor(MainModel.EditorField.NAME);
    }

    /** Leaves the editor without saving. */
    void closeEditor() {
        ProfileDraft draft = model.draft.get();
        if (draft != null && !draft.saved()) {
            // An unsaved new profile is dropped: back to the profile shown before Add, or the list's first row.
            // Home first: a selection keeps the editor open if it is still the card shown.
            model.selectedId.set(null);
            model.card.set(MainModel.Card.WELCOME);
            showRows(List.copyOf(model.rows), selectedBeforeAdd != null ? selectedBeforeAdd : sessions.settings().lastProfileId,
                    null);
            return;
        }
        model.showHome();
    }

    void save(ProfileForm form) {
        ProfileDraft draft = model.draft.get();
        if (draft == null) return;
        Optional<String> problem = form.problem(draft.secretStored()).or(() -> AfterLoginCommand.problem(form.afterLogin()));
        if (problem.isPresent()) {
            model.notice.set(MainModel.Notice.problem(problem.get()));
            return;
        }
        KiteProfile edited = form.applyTo(draft.profile());
        String secret = form.apiSecretToSave();
        String password = form.passwordToSave();
        String totp = form.totpSecretToSave();
        String afterLogin = edited.isDemo() ? null : form.afterLoginToSave();
        Runnable save = () -> tasks.create(() -> {
            sessions.saveProfile(edited, secret);
            sessions.saveLoginSecrets(edited, password, totp);
            if (afterLogin != null) sessions.setAfterLogin(edited, afterLogin);
        }).onSuccess(() -> {
            model.selectedId.set(null); // selected afresh: the draft and the list show what was saved
            model.card.set(MainModel.Card.WELCOME);
            afterSelect = MainModel.Notice.success("Saved.");
            refresh(edited.id());
        }).run();
        // The demo keeps its secrets in memory: no passphrase for it.
        if (edited.isDemo()) save.run();
        else services.secretsGate().whenUnlocked(save);
    }

    /** Deletes the selected profile once the person confirms. */
    void delete() {
        model.selectedRow().filter(row -> dialogs.confirmDelete(row.profile().name())).ifPresent(row ->
                tasks.create(() -> sessions.deleteProfile(row.profile())).onSuccess(() -> {
                    model.selectedId.set(null);
                    model.session.set(null);
                    if (sessions.profiles().isEmpty()) startDemo();
                    else refresh(null);
                }).run());
    }

    void makeDefault() {
        model.selectedRow().ifPresent(row -> tasks.create(() -> sessions.setDefault(row.profile()))
                .onSuccess(() -> refresh(row.profile().id())).run());
    }

    /** Asks where to write the token on each login, then remembers it for the profile. */
    void chooseExport() {
        KiteProfile target = model.profile.get();
        if (target == null || target.isDemo() || !model.savedProfileSelected.get()) return;
        Optional<File> chosen = dialogs.chooseExportFile();
        if (chosen.isEmpty()) return;
        File file = chosen.get();
        AppSettings.ExportFormat format = file.getName().endsWith(".env") ? AppSettings.ExportFormat.ENV
                : AppSettings.ExportFormat.JSON;
        tasks.create(() -> sessions.setExport(target, new AppSettings.TokenExport(file.getAbsolutePath(), format)))
                .onSuccess(() -> {
                    model.selectedId.set(null);
                    select(target);
                }).run();
    }

    /** Stops the demo's simulator; the window is closing. */
    void close() {
        if (simulator != null) simulator.close();
    }
}
