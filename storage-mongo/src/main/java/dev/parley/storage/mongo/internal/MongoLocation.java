package dev.parley.storage.mongo.internal;

import com.mongodb.ConnectionString;
import dev.parley.api.ConfigurationException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a MongoDB store lives: the connection string with the credentials resolved, the
 * database, and a masked text of the location that is safe to log or show.
 *
 * <p>Credentials come, for the user and the password each, from the first of: the location
 * ({@code mongodb://user:password@host/db}), the storage options {@code user} and
 * {@code password}, the environment variables {@code PARLEY_DB_USER} and
 * {@code PARLEY_DB_PASSWORD}. The password appears only in {@link #connectionString()}, which
 * must never be logged; {@link #toString()} is the masked text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param connectionString the driver's connection string, credentials included
 * @param database         the database of the location, {@code parley} when it names none
 * @param masked           the location with the password and any {@code authMechanismProperties}
 *                         replaced by {@code ****}
 * @param user             the user it logs in as, or {@code null} for none
 */
public record MongoLocation(ConnectionString connectionString, String database, String masked, String user) {

    /** The database used when the location names none. */
    public static final String DEFAULT_DATABASE = "parley";
    /** The environment variable with the user, used when neither the location nor the options name one. */
    public static final String USER_VARIABLE = "PARLEY_DB_USER";
    /** The environment variable with the password, used when neither the location nor the options give one. */
    public static final String PASSWORD_VARIABLE = "PARLEY_DB_PASSWORD";
    static final String MASK = "****";

    public MongoLocation {
        Objects.requireNonNull(connectionString, "connectionString");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(masked, "masked");
    }

    /**
     * Reads {@code location} ({@code mongodb://...} or {@code mongodb+srv://...}) and completes its
     * credentials from {@code options} and {@code env}.
     *
     * @param env the environment, such as {@code System::getenv}
     * @throws ConfigurationException when the location is not a MongoDB connection string, or a
     *                                password is given without a user; the message never holds
     *                                the password
     */
    public static MongoLocation parse(String location, MongoStorageOptions options, UnaryOperator<String> env) {
        Objects.requireNonNull(location, "location");
        String scheme;
        if (location.startsWith("mongodb://")) {
            scheme = "mongodb://";
        } else if (location.startsWith("mongodb+srv://")) {
            scheme = "mongodb+srv://";
        } else {
            throw new ConfigurationException("the MongoDB storage serves locations such as mongodb://host:27017/parley "
                    + "or mongodb+srv://cluster.example.com/parley, not '" + maskUserInfo(location) + "'");
        }
        String rest = location.substring(scheme.length());
        int authorityEnd = indexOfAny(rest, "/?");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        int at = authority.lastIndexOf('@');
        String urlUser = null;
        String urlPassword = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            urlUser = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            urlPassword = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            rest = rest.substring(at + 1);
        }
        String user = first(urlUser, options.user(), env.apply(USER_VARIABLE));
        String password = first(urlPassword, options.password(), env.apply(PASSWORD_VARIABLE));
        if (user == null && password != null) {
            throw new ConfigurationException("a MongoDB password was given (in the location, the storage option "
                    + "password or " + PASSWORD_VARIABLE + ") but no user; give the user in the location "
                    + "(mongodb://user@host/db), the storage option user or " + USER_VARIABLE);
        }
        String credentials = user == null ? ""
                : encode(user) + (password == null ? "" : ":" + encode(password)) + "@";
        String masked = scheme + (user == null ? "" : encode(user) + (password == null ? "" : ":" + MASK) + "@")
                + maskParameters(rest);
        ConnectionString connectionString;
        try {
            connectionString = new ConnectionString(scheme + credentials + rest);
        } catch (IllegalArgumentException e) {
            String reason = scrub(e.getMessage(), password);
            ConfigurationException failure = new ConfigurationException("storage location '" + masked
                    + "' is not a valid MongoDB connection string: " + reason
                    + "; write it as mongodb://host:27017/parley (see the MongoDB connection string documentation)");
            if (reason.equals(String.valueOf(e.getMessage()))) {
                failure.initCause(e);
            }
            throw failure;
        }
        String database = connectionString.getDatabase() == null || connectionString.getDatabase().isEmpty()
                ? DEFAULT_DATABASE : connectionString.getDatabase();
        return new MongoLocation(connectionString, database, masked, user);
    }

    /** The hosts of the location, as written ({@code host:port, ...}), or the SRV name. */
    public String hosts() {
        return String.join(", ", connectionString.getHosts());
    }

    @Override
    public String toString() {
        return masked;
    }

    /** {@code text} with the user information of a URL-like string masked, for messages about malformed locations. */
    static String maskUserInfo(String text) {
        int start = text.indexOf("://");
        if (start < 0) {
            return text;
        }
        int authorityEnd = indexOfAny(text.substring(start + 3), "/?");
        int end = authorityEnd < 0 ? text.length() : start + 3 + authorityEnd;
        int at = text.lastIndexOf('@', end - 1);
        return at <= start ? text : text.substring(0, start + 3) + MASK + text.substring(at);
    }

    private static String maskParameters(String rest) {
        int query = rest.indexOf('?');
        if (query < 0) {
            return rest;
        }
        StringBuilder out = new StringBuilder(rest.substring(0, query + 1));
        String[] parameters = rest.substring(query + 1).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            String parameter = parameters[i];
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            out.append(i == 0 ? "" : "&");
            out.append(name.equalsIgnoreCase("authMechanismProperties") && equals >= 0 ? name + "=" + MASK : parameter);
        }
        return out.toString();
    }

    private static String scrub(String message, String password) {
        String text = String.valueOf(message);
        if (password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK).replace(encode(password), MASK);
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // No cause: the decoder's message quotes the text around the bad escape, which may be the password.
            throw new ConfigurationException("the user information in the MongoDB storage location is not validly "
                    + "percent-encoded; encode : / ? # [ ] @ and % in the user and password as %XX");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
