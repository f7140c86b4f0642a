package dev.parley.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.AccountPolicy.PasswordHashing;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new PasswordHashing(8192, 1, 1));

    @Test
    void aHashVerifiesItsPasswordOnly() {
        String hash = hasher.hash("correct horse");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=8192,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct horsE", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void hashesKeepTheirParametersSoOldOnesStillVerifyAndAreMarkedForRehash() {
        String old = new PasswordHasher(new PasswordHashing(4096, 1, 1)).hash("pw");
        assertThat(hasher.verify("pw", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("pw"))).isFalse();
    }

    @Test
    void aHashInAnUnknownFormNeverMatches() {
        assertThat(hasher.verify("pw", "pw")).isFalse();
        assertThat(hasher.verify("pw", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.needsRehash("plain")).isTrue();
    }

    @Test
    void knownAnswerMatchesTheReferenceArgon2idVector() {
        // RFC 9106 style check through the PHC form: a hash made with a fixed salt must verify.
        String phc = "$argon2id$v=19$m=8192,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
                + java.util.Base64.getEncoder().withoutPadding().encodeToString(reference());
        assertThat(hasher.verify("password", phc)).isTrue();
    }

    private static byte[] reference() {
        var generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withSalt("somesaltsomesalt".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .withMemoryAsKB(8192).withIterations(1).withParallelism(1).build());
        byte[] out = new byte[32];
        generator.generateBytes("password".getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
        return out;
    }
}
