package dev.parley.storage.mongo.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import dev.parley.api.StorageException;

/**
 * Turns the driver's exceptions into {@link StorageException}s that say what failed, where (the
 * masked location) and what to do. Messages never hold the password: the driver does not put it
 * in its own messages, and {@link #scrub} removes it should one ever do so. Stateless; thread-safe.
 */
final class Failures {

    /** MongoDB's error code for a missing privilege. */
    static final int UNAUTHORIZED = 13;
    /** MongoDB's error code for failed authentication. */
    static final int AUTHENTICATION_FAILED = 18;

    private Failures() {
    }

    /**
     * The exception for a failure while doing {@code what} (a verb phrase such as
     * "read the history of room 'lobby'") on {@code location}.
     */
    static StorageException of(String what, MongoLocation location, RuntimeException e) {
        String message = "MongoDB at " + location + " could not " + what + ": " + reason(e) + advice(e, location);
        return new StorageException(scrub(message, location), e);
    }

    /** {@code text} with the password of {@code location} masked, in case a server echoed it. */
    static String scrub(String text, MongoLocation location) {
        char[] password = location.connectionString().getPassword();
        if (password == null || password.length == 0) {
            return text;
        }
        return text.replace(new String(password), MongoLocation.MASK);
    }

    private static String reason(RuntimeException e) {
        if (e instanceof MongoSecurityException) {
            Throwable cause = e.getCause();
            return "the server refused the credentials" + (cause == null ? "" : " (" + cause.getMessage() + ")");
        }
        if (e instanceof MongoCommandException c) {
            return c.getErrorMessage() + " (code " + c.getErrorCode() + " " + c.getErrorCodeName() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    private static String advice(RuntimeException e, MongoLocation location) {
        if (e instanceof MongoSecurityException || isCode(e, AUTHENTICATION_FAILED)) {
            return ". Check the user" + (location.user() == null ? "" : " '" + location.user() + "'")
                    + " and password (in the location, the storage options user and password, or "
                    + MongoLocation.USER_VARIABLE + " and " + MongoLocation.PASSWORD_VARIABLE
                    + ") and the authSource parameter of the location";
        }
        if (isCode(e, UNAUTHORIZED)) {
            return ". Grant the user" + (location.user() == null ? "" : " '" + location.user() + "'")
                    + " the readWrite role on the database '" + location.database() + "'";
        }
        if (e instanceof MongoTimeoutException) {
            return ". Check that the server at " + location.hosts() + " is running and reachable from here";
        }
        if (e instanceof MongoWriteConcernException
                || e instanceof MongoBulkWriteException b && b.getWriteConcernError() != null) {
            return ". The server applied the write but the replica set did not confirm it in time, so it may be "
                    + "lost if the primary fails; check the health of the replica set";
        }
        if (e instanceof MongoSocketException) {
            return ". The connection to the server was lost; later requests try again";
        }
        return "";
    }

    private static boolean isCode(RuntimeException e, int code) {
        return e instanceof MongoException m && m.getCode() == code;
    }
}
