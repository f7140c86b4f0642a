package dev.parley.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.StorageException;
import dev.parley.spi.NewMessage;
import dev.parley.spi.Storage;
import dev.parley.spi.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Base of the repository contracts that {@link StorageConformanceTest} runs as nested tests: each
 * contract gets its storages from the suite through {@link #fixture()}. One thread at a time.
 */
abstract class RepositoryContract {

    /** The suite's storages for the running test. */
    abstract StorageFixture fixture();

    final Storage open() {
        return fixture().open();
    }

    final Storage reopen(Storage storage) {
        return fixture().reopen(storage);
    }

    /** Appends {@code message} and waits for it, failing after the suite's timeout. */
    final StoredMessage store(Storage storage, NewMessage message) {
        try {
            return storage.messages().append(message)
                    .get(fixture().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an append", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("append did not complete normally within " + fixture().timeout(), e);
        }
    }

    /** Asserts that each call fails with a {@link StorageException}, as after {@link Storage#close()}. */
    static void assertEachFailsWithStorageException(ThrowingCallable... calls) {
        for (int i = 0; i < calls.length; i++) {
            assertThatThrownBy(calls[i]).as("call %d after close", i).isInstanceOf(StorageException.class);
        }
    }

    /**
     * Runs {@code task(t)} for {@code threads} threads that start together, and returns their
     * results in thread order, failing after the suite's timeout.
     */
    final <T> List<T> concurrently(int threads, IntFunction<T> task) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<T> call = () -> {
                    start.await();
                    return task.apply(thread);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(fixture().timeout().toMillis(), TimeUnit.MILLISECONDS));
            }
            assertThat(results).hasSize(threads);
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the threads", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a thread failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the threads did not finish within " + fixture().timeout(), e);
        } finally {
            pool.shutdownNow();
        }
    }
}
