package dev.parley.storage.file.internal;

import dev.parley.spi.Account;
import dev.parley.spi.AccountRepository;
import dev.parley.spi.AccountRole;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The file store's accounts, in a {@link Journal} keyed by the lower-cased name. Thread-safe. */
final class FileAccounts implements AccountRepository {

    private final Journal journal;

    FileAccounts(Journal journal) {
        this.journal = journal;
    }

    @Override
    public boolean create(Account account) {
        Objects.requireNonNull(account, "account");
        synchronized (journal) {
            if (journal.get(key(account.name())) != null) {
                return false;
            }
            journal.apply(List.of(Journal.Op.put(key(account.name()), encode(account))));
            return true;
        }
    }

    @Override
    public Optional<Account> find(String name) {
        byte[] value = journal.get(key(name));
        return value == null ? Optional.empty() : Optional.of(decode(value));
    }

    @Override
    public boolean update(Account account) {
        synchronized (journal) {
            byte[] value = journal.get(key(account.name()));
            if (value == null) {
                return false;
            }
            Account old = decode(value);
            Account updated = new Account(old.name(), account.passwordHash(), account.role(), old.created());
            journal.apply(List.of(Journal.Op.put(key(account.name()), encode(updated))));
            return true;
        }
    }

    @Override
    public boolean delete(String name) {
        synchronized (journal) {
            if (journal.get(key(name)) == null) {
                return false;
            }
            journal.apply(List.of(Journal.Op.remove(key(name))));
            return true;
        }
    }

    @Override
    public long count() {
        return journal.entries().size();
    }

    /** {@code name} with only A-Z lower-cased: the SPI folds ASCII letters and nothing else. */
    private static String key(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static byte[] encode(Account a) {
        return Fields.writer().string(a.name()).string(a.passwordHash()).string(a.role().name())
                .instant(a.created()).toBytes();
    }

    private static Account decode(byte[] value) {
        Fields f = Fields.reader(value);
        return new Account(f.string(), f.string(), AccountRole.valueOf(f.string()), f.instant());
    }
}
