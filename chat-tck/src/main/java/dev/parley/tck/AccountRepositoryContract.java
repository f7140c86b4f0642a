package dev.parley.tck;

import static dev.parley.tck.StorageSuiteSupport.NAMES;
import static dev.parley.tck.StorageSuiteSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.spi.Account;
import dev.parley.spi.AccountRepository;
import dev.parley.spi.AccountRole;
import dev.parley.spi.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AccountRepository}, run by {@link StorageConformanceTest} for every
 * backend: names match ignoring ASCII case only and keep their registered case, creation is
 * first-wins also under concurrency, updates keep name and creation time, and everything
 * survives a reopen.
 */
abstract class AccountRepositoryContract extends RepositoryContract {

    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";

    @Test
    void createdAccountIsFoundAsRegistered() {
        AccountRepository accounts = open().accounts();
        Account ann = account("Ann", HASH, AccountRole.ADMIN);
        assertThat(accounts.create(ann)).isTrue();
        assertThat(normalize(accounts.find("Ann"))).contains(normalize(ann));
        assertThat(accounts.find("bob")).isEmpty();
    }

    @Test
    void findIgnoresAsciiCaseAndKeepsTheRegisteredCase() {
        AccountRepository accounts = open().accounts();
        accounts.create(account("Ann.Smith_42", HASH, AccountRole.USER));
        for (String spelling : List.of("ann.smith_42", "ANN.SMITH_42", "aNN.sMITH_42")) {
            assertThat(accounts.find(spelling)).as(spelling).map(Account::name).contains("Ann.Smith_42");
        }
    }

    @Test
    void onlyAsciiLettersAreCaseFolded() {
        AccountRepository accounts = open().accounts();
        assertThat(accounts.create(account("Émile", HASH, AccountRole.USER))).isTrue();
        assertThat(accounts.find("émile")).isEmpty();
        assertThat(accounts.find("ÉMILE")).map(Account::name).contains("Émile");
        assertThat(accounts.create(account("émile", HASH, AccountRole.USER))).isTrue();
        // U+212A KELVIN SIGN lower-cases to an ASCII k in Java and in many databases.
        assertThat(accounts.create(account("kate", HASH, AccountRole.USER))).isTrue();
        assertThat(accounts.find("\u212Aate")).isEmpty();
        assertThat(accounts.create(account("\u212Aate", HASH, AccountRole.USER))).isTrue();
        assertThat(accounts.count()).isEqualTo(4);
    }

    @Test
    void createReturnsFalseOnADuplicateIgnoringCaseAndChangesNothing() {
        AccountRepository accounts = open().accounts();
        Account ann = account("Ann", HASH, AccountRole.USER);
        accounts.create(ann);
        assertThat(accounts.create(account("Ann", "other", AccountRole.ADMIN))).isFalse();
        assertThat(accounts.create(account("aNN", "other", AccountRole.ADMIN))).isFalse();
        assertThat(normalize(accounts.find("ann"))).contains(normalize(ann));
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void concurrentCreatesOfOneNameHaveExactlyOneWinner() {
        AccountRepository accounts = open().accounts();
        int threads = 8;
        int names = 20;
        List<List<Boolean>> created = concurrently(threads, t -> {
            List<Boolean> wins = new ArrayList<>();
            for (int n = 0; n < names; n++) {
                wins.add(accounts.create(account(spelling("user" + n, t), "hash-" + t, AccountRole.USER)));
            }
            return wins;
        });
        for (int n = 0; n < names; n++) {
            List<Integer> winners = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                if (created.get(t).get(n)) {
                    winners.add(t);
                }
            }
            assertThat(winners).as("threads whose create of user%d returned true", n).hasSize(1);
            int winner = winners.getFirst();
            Account stored = accounts.find("USER" + n).orElseThrow();
            assertThat(stored.name()).isEqualTo(spelling("user" + n, winner));
            assertThat(stored.passwordHash()).isEqualTo("hash-" + winner);
        }
        assertThat(accounts.count()).isEqualTo(names);
    }

    @Test
    void concurrentCreatesOfDifferentNamesAllSucceed() {
        AccountRepository accounts = open().accounts();
        List<Integer> wins = concurrently(8, t -> {
            int won = 0;
            for (int n = 0; n < 10; n++) {
                won += accounts.create(account("t" + t + "-" + n, HASH, AccountRole.USER)) ? 1 : 0;
            }
            return won;
        });
        assertThat(wins).containsOnly(10);
        assertThat(accounts.count()).isEqualTo(80);
    }

    @Test
    void updateReplacesHashAndRoleButKeepsNameAndCreationTime() {
        AccountRepository accounts = open().accounts();
        Account ann = account("Ann", HASH, AccountRole.USER);
        accounts.create(ann);
        Account change = new Account("ANN", "$argon2id$new", AccountRole.ADMIN, T0.plusSeconds(3600));
        assertThat(accounts.update(change)).isTrue();
        assertThat(normalize(accounts.find("ann")))
                .contains(normalize(ann.withPasswordHash("$argon2id$new").withRole(AccountRole.ADMIN)));
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void updateOfAnUnknownAccountReturnsFalseAndCreatesNothing() {
        AccountRepository accounts = open().accounts();
        accounts.create(account("Ann", HASH, AccountRole.USER));
        assertThat(accounts.update(account("bob", HASH, AccountRole.ADMIN))).isFalse();
        assertThat(accounts.find("bob")).isEmpty();
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void deleteIgnoresCaseAndFreesTheName() {
        AccountRepository accounts = open().accounts();
        accounts.create(account("Ann", HASH, AccountRole.USER));
        accounts.create(account("bob", HASH, AccountRole.USER));
        assertThat(accounts.delete("aNN")).isTrue();
        assertThat(accounts.find("Ann")).isEmpty();
        assertThat(accounts.delete("Ann")).isFalse();
        assertThat(accounts.delete("carol")).isFalse();
        assertThat(accounts.find("bob")).isPresent();
        assertThat(accounts.create(account("ann", "new", AccountRole.USER))).isTrue();
        assertThat(accounts.find("ANN")).map(Account::name).contains("ann");
    }

    @Test
    void countCountsAccounts() {
        AccountRepository accounts = open().accounts();
        assertThat(accounts.count()).isZero();
        for (String name : NAMES) {
            accounts.create(account(name, HASH, AccountRole.USER));
        }
        accounts.create(account("ANN", HASH, AccountRole.USER));
        assertThat(accounts.count()).isEqualTo(NAMES.size());
        accounts.delete(NAMES.getFirst());
        assertThat(accounts.count()).isEqualTo(NAMES.size() - 1);
    }

    @Test
    void accountsSurviveCloseAndReopenExactly() {
        Storage storage = open();
        List<Account> expected = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            Account a = new Account(NAMES.get(i), HASH + i, i % 2 == 0 ? AccountRole.USER : AccountRole.ADMIN,
                    T0.plusNanos(i * 1_001_001L));
            storage.accounts().create(a);
            expected.add(a);
        }
        storage.accounts().create(account("Gone", HASH, AccountRole.USER));
        storage.accounts().delete("gone");
        storage.accounts().update(expected.getFirst().withRole(AccountRole.ADMIN).withPasswordHash("changed"));
        expected.set(0, expected.getFirst().withRole(AccountRole.ADMIN).withPasswordHash("changed"));

        AccountRepository reopened = reopen(storage).accounts();
        for (Account a : expected) {
            assertThat(normalize(reopened.find(a.name()))).as(a.name()).contains(normalize(a));
        }
        assertThat(reopened.find("ZOë")).map(Account::name).contains("Zoë");
        assertThat(reopened.find("gone")).isEmpty();
        assertThat(reopened.count()).isEqualTo(NAMES.size());
        assertThat(reopened.create(account("ANN", HASH, AccountRole.USER))).isFalse();
    }

    @Test
    void everyMethodFailsWithStorageExceptionAfterClose() {
        Storage storage = open();
        AccountRepository accounts = storage.accounts();
        accounts.create(account("Ann", HASH, AccountRole.USER));
        storage.close();
        assertEachFailsWithStorageException(
                () -> accounts.create(account("bob", HASH, AccountRole.USER)),
                () -> accounts.find("Ann"),
                () -> accounts.update(account("Ann", "x", AccountRole.ADMIN)),
                () -> accounts.delete("Ann"),
                accounts::count);
    }

    private static Account account(String name, String hash, AccountRole role) {
        return new Account(name, hash, role, T0);
    }

    /** {@code name} with the ASCII letters of thread {@code t}'s own mix of cases. */
    private static String spelling(String name, int t) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(((t >> (i % 3)) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    private Optional<Account> normalize(Optional<Account> account) {
        return account.map(this::normalize);
    }

    private Account normalize(Account a) {
        return new Account(a.name(), a.passwordHash(), a.role(), fixture().normalize(a.created()));
    }
}
