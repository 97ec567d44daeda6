package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Background work with typed error handlers, run on synchronous executors. */
class UiTasksTest {
    private final List<String> events = new ArrayList<>();
    private final List<Throwable> unhandled = new ArrayList<>();
    private final UiTasks tasks = new UiTasks(Runnable::run, Runnable::run, unhandled::add);

    @Test
    void theSuccessHandlerGetsTheResultThenFinallyRuns() {
        tasks.create(() -> 42)
                .onSuccess(result -> events.add("success " + result))
                .onError(Exception.class, e -> events.add("error"))
                .andFinally(() -> events.add("finally"))
                .run();
        assertEquals(List.of("success 42", "finally"), events);
        assertEquals(List.of(), unhandled);
    }

    @Test
    void workWithoutResultCallsTheRunnableHandler() {
        tasks.create(() -> events.add("work")).onSuccess(() -> events.add("done")).run();
        assertEquals(List.of("work", "done"), events);
    }

    @Test
    void theFirstHandlerOfAMatchingTypeTakesTheFailure() {
        FileNotFoundException missing = new FileNotFoundException("settings.json");
        tasks.create(() -> {
            throw missing;
        })
                .onSuccess(() -> events.add("success"))
                .onError(IllegalStateException.class, e -> events.add("illegal state"))
                .onError(IOException.class, e -> {
                    assertSame(missing, e);
                    events.add("io");
                })
                .onError(FileNotFoundException.class, e -> events.add("not found"))
                .andFinally(() -> events.add("finally"))
                .run();
        assertEquals(List.of("io", "finally"), events);
        assertEquals(List.of(), unhandled);
    }

    @Test
    void aFailureNoHandlerTakesGoesToTheDefaultHandlerUnwrapped() {
        IOException disk = new IOException("disk full");
        tasks.create(() -> {
            throw disk;
        }).onError(IllegalArgumentException.class, e -> events.add("illegal argument"))
                .andFinally(() -> events.add("finally")).run();
        assertEquals(List.of("finally"), events);
        assertEquals(List.of(disk), unhandled);
    }

    @Test
    void anUncheckedFailureIsHandledLikeAChecked() {
        IllegalStateException bug = new IllegalStateException("bug");
        tasks.create(() -> {
            throw bug;
        }).run();
        assertEquals(List.of(bug), unhandled);
    }

    @Test
    void aHandlerThatThrowsGoesToTheDefaultHandlerAndFinallyStillRuns() {
        IllegalStateException handlerBug = new IllegalStateException("handler bug");
        tasks.create(() -> "done").onSuccess(result -> {
            throw handlerBug;
        }).andFinally(() -> events.add("finally")).run();
        assertEquals(List.of(handlerBug), unhandled);
        assertEquals(List.of("finally"), events);
    }

    @Test
    void aShutDownExecutorIsIgnored() {
        PresenterTestBase.SameThreadExecutor closed = new PresenterTestBase.SameThreadExecutor();
        closed.shutdown();
        UiTasks closing = new UiTasks(closed, Runnable::run, unhandled::add);
        closing.create(() -> events.add("work"))
                .onSuccess(() -> events.add("success"))
                .onError(Throwable.class, e -> events.add("error"))
                .andFinally(() -> events.add("finally"))
                .run();
        assertEquals(List.of(), events);
        assertEquals(List.of(), unhandled);
    }

    @Test
    void nothingHappensOnTheFxSideUntilItsExecutorRunsIt() {
        List<Runnable> fxQueue = new ArrayList<>();
        UiTasks queued = new UiTasks(Runnable::run, fxQueue::add, unhandled::add);
        queued.create(() -> "token").onSuccess(result -> events.add(result)).andFinally(() -> events.add("finally")).run();
        assertEquals(List.of(), events);
        assertEquals(1, fxQueue.size());
        fxQueue.get(0).run();
        assertEquals(List.of("token", "finally"), events);
    }
}
