package com.kitesession.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work off the FX thread, results back on it: every disk, keychain and network call of the
 * window goes through here. After Cryptomator's {@code ui/common/Tasks}: a task is built with
 * its success handler and typed error handlers, then run; a failure no handler takes goes to the
 * default handler (the window explains it in plain words), never a stack trace.
 * <p>
 * The executors are injected, so presenters run synchronously in plain JUnit tests.
 */
final class UiTasks {
    private static final Logger LOG = Logger.getLogger(UiTasks.class.getName());
    private final Executor background;
    private final Executor fx;
    private final Consumer<Throwable> defaultFailure;

    UiTasks(Executor background, Executor fx, Consumer<Throwable> defaultFailure) {
        this.background = background;
        this.fx = fx;
        this.defaultFailure = defaultFailure;
    }

    /** Work that throws and returns nothing. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    <T> Task<T> create(Callable<T> work) {
        return new Task<>(work);
    }

    /** A call with no result: its success handler takes none. */
    Task<Void> create(Work work) {
        return new Task<>(() -> {
            work.run();
            return null;
        });
    }

    /** One background call with what to do after it on the FX thread. */
    final class Task<T> {
        private final Callable<T> work;
        private Consumer<T> onSuccess = result -> { };
        private final List<ErrorHandler<?>> onError = new ArrayList<>();
        private Runnable andFinally = () -> { };

        private Task(Callable<T> work) {
            this.work = work;
        }

        Task<T> onSuccess(Consumer<T> handler) {
            onSuccess = handler;
            return this;
        }

        Task<T> onSuccess(Runnable handler) {
            onSuccess = result -> handler.run();
            return this;
        }

        /** Handles failures of {@code type} (the first matching handler, in the order added). */
        <E extends Throwable> Task<T> onError(Class<E> type, Consumer<E> handler) {
            onError.add(new ErrorHandler<>(type, handler));
            return this;
        }

        /** Runs after success or failure, e.g. to end a busy state. */
        Task<T> andFinally(Runnable action) {
            andFinally = action;
            return this;
        }

        void run() {
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
                try {
                    if (error == null) onSuccess.accept(result);
                    else fail(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                } catch (RuntimeException handlerFailed) {
                    // A handler's own bug: said like any failure, and logged, never lost in the executor.
                    LOG.log(Level.WARNING, "A window task's handler failed", handlerFailed);
                    defaultFailure.accept(handlerFailed);
                } finally {
                    andFinally.run();
                }
            }, fx);
        }

        private void fail(Throwable cause) {
            for (ErrorHandler<?> handler : onError) {
                if (handler.take(cause)) return;
            }
            defaultFailure.accept(cause);
        }
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<E> handler) {
        boolean take(Throwable cause) {
            if (!type.isInstance(cause)) return false;
            handler.accept(type.cast(cause));
            return true;
        }
    }
}
