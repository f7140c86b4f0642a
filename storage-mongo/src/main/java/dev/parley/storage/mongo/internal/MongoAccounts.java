package dev.parley.storage.mongo.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import dev.parley.spi.Account;
import dev.parley.spi.AccountRepository;
import dev.parley.spi.AccountRole;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * The {@link AccountRepository} of the MongoDB store: one document per account, whose
 * {@code _id} is the name with ASCII letters lower-cased, so the unique {@code _id} index makes
 * names unique ignoring ASCII case and concurrent registrations of one name have one winner.
 *
 * <p>Thread-safe.
 */
final class MongoAccounts implements AccountRepository {

    private final Guard guard;
    private final MongoCollection<Document> accounts;

    /** @param accounts the accounts collection, with the write concern of the policy */
    MongoAccounts(Guard guard, MongoCollection<Document> accounts) {
        this.guard = guard;
        this.accounts = accounts;
    }

    @Override
    public boolean create(Account account) {
        Objects.requireNonNull(account, "account");
        Document document = new Document("_id", key(account.name()))
                .append("name", account.name())
                .append("passwordHash", account.passwordHash())
                .append("role", account.role().name());
        Times.put(document, "created", account.created());
        return guard.run("register the account '" + account.name() + "'", () -> {
            try {
                accounts.insertOne(document);
                return true;
            } catch (MongoWriteException e) {
                if (DuplicateKeys.is(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Account> find(String name) {
        Objects.requireNonNull(name, "name");
        return guard.run("find the account '" + name + "'",
                () -> Optional.ofNullable(accounts.find(eq("_id", key(name))).first()).map(MongoAccounts::account));
    }

    @Override
    public boolean update(Account account) {
        Objects.requireNonNull(account, "account");
        return guard.run("update the account '" + account.name() + "'", () -> accounts.updateOne(
                eq("_id", key(account.name())),
                Updates.combine(Updates.set("passwordHash", account.passwordHash()),
                        Updates.set("role", account.role().name()))).getMatchedCount() > 0);
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name");
        return guard.run("delete the account '" + name + "'",
                () -> accounts.deleteOne(eq("_id", key(name))).getDeletedCount() > 0);
    }

    @Override
    public long count() {
        return guard.run("count the accounts", () -> accounts.countDocuments());
    }

    /** {@code name} with the ASCII letters lower-cased, and nothing else changed. */
    static String key(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    private static Account account(Document document) {
        return new Account(document.getString("name"), document.getString("passwordHash"),
                AccountRole.valueOf(document.getString("role")), Times.get(document, "created"));
    }
}
