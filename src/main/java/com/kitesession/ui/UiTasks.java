package com.kitesession.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Work off the FX thread, results back on it: every disk, keychain and network call of the
 * window goes through {@link #run}. A failure goes to one handler (the window explains it in
 * plain words), never a stack trace.
 */
final class UiTasks {
    private final Executor background;
    private final Executor fx;
    private final Consumer<Throwable> onFailure;

    UiTasks(Executor background, Executor fx, Consumer<Throwable> onFailure) {
        this.background = background;
        this.fx = fx;
        this.onFailure = onFailure;
    }

    /** Runs {@code work} in the background and hands its result to {@code then} on the FX thread. */
    <T> void run(Callable<T> work, Consumer<T> then) {
        CompletableFuture<T> task;
        try {
            task = CompletableFuture.supplyAsync(() -> {
                try {
                    return work.call();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, background);
        } catch (RejectedExecutionException e) {
            return; // the app is closing: a timer's last tick has nothing left to do
        }
        task.whenCompleteAsync((result, error) -> {
            if (error == null) {
                then.accept(result);
            } else {
                onFailure.accept(error.getCause() != null ? error.getCause() : error);
            }
        }, fx);
    }
}
