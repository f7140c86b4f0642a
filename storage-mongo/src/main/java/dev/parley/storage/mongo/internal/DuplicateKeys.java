package dev.parley.storage.mongo.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.util.function.Supplier;

/** Duplicate-key errors: a lost race on a unique index. Stateless. */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Whether {@code e} says that a unique index already holds the key. */
    static boolean is(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /**
     * Runs an upsert, once more if it lost a race with a concurrent upsert of the same key (two
     * upserts that both find nothing both insert, and the unique index refuses the second); the
     * second try finds the document and replaces it.
     */
    static <T> T retryUpsert(Supplier<T> upsert) {
        try {
            return upsert.get();
        } catch (MongoWriteException e) {
            if (!is(e)) {
                throw e;
            }
            return upsert.get();
        }
    }
}
