package dev.parley.storage.mongo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.ConfigurationException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MongoLocationTest {

    private static final UnaryOperator<String> NO_ENV = name -> null;
    private static final MongoStorageOptions NO_OPTIONS = MongoStorageOptions.parse(Map.of());

    @Test
    void takesTheDatabaseFromThePathAndDefaultsToParley() {
        assertThat(parse("mongodb://db1:27017,db2:27018/chat?replicaSet=rs0").database()).isEqualTo("chat");
        assertThat(parse("mongodb://localhost").database()).isEqualTo("parley");
        assertThat(parse("mongodb://localhost/").database()).isEqualTo("parley");
        assertThat(parse("mongodb://localhost/?w=majority").database()).isEqualTo("parley");
        assertThat(parse("mongodb://db1:27017,db2:27018/chat").hosts()).isEqualTo("db1:27017, db2:27018");
    }

    @Test
    void credentialsInTheLocationAreUsedAndMasked() {
        MongoLocation location = parse("mongodb://ann:pa%3Ass%40word@db:27017/chat?authSource=admin");
        assertThat(location.user()).isEqualTo("ann");
        assertThat(location.connectionString().getUsername()).isEqualTo("ann");
        assertThat(new String(location.connectionString().getPassword())).isEqualTo("pa:ss@word");
        assertThat(location.connectionString().getCredential().getSource()).isEqualTo("admin");
        assertThat(location.toString()).isEqualTo("mongodb://ann:****@db:27017/chat?authSource=admin");
        assertThat(location.masked()).doesNotContain("pa%3Ass").doesNotContain("word");
    }

    @Test
    void optionsThenEnvironmentFillInWhatTheLocationLacks() {
        UnaryOperator<String> env = Map.of("PARLEY_DB_USER", "envuser", "PARLEY_DB_PASSWORD", "envpass")::get;
        MongoLocation fromEnv = MongoLocation.parse("mongodb://db/chat", NO_OPTIONS, env);
        assertThat(fromEnv.user()).isEqualTo("envuser");
        assertThat(new String(fromEnv.connectionString().getPassword())).isEqualTo("envpass");
        assertThat(fromEnv.toString()).isEqualTo("mongodb://envuser:****@db/chat");

        MongoStorageOptions options = MongoStorageOptions.parse(Map.of("user", "optuser", "password", "opt pass/é"));
        MongoLocation fromOptions = MongoLocation.parse("mongodb://db/chat", options, env);
        assertThat(fromOptions.user()).isEqualTo("optuser");
        assertThat(new String(fromOptions.connectionString().getPassword())).isEqualTo("opt pass/é");

        MongoLocation userInLocation = MongoLocation.parse("mongodb://urluser@db/chat", options, env);
        assertThat(userInLocation.user()).isEqualTo("urluser");
        assertThat(new String(userInLocation.connectionString().getPassword())).isEqualTo("opt pass/é");
        assertThat(userInLocation.toString()).isEqualTo("mongodb://urluser:****@db/chat");
    }

    @Test
    void noCredentialsMeansNoLogin() {
        MongoLocation location = parse("mongodb://db/chat");
        assertThat(location.user()).isNull();
        assertThat(location.connectionString().getCredential()).isNull();
        assertThat(location.toString()).isEqualTo("mongodb://db/chat");
    }

    @Test
    void srvLocationsAreServed() {
        MongoLocation location = parse("mongodb+srv://ann:secret@cluster0.example.com/chat");
        assertThat(location.connectionString().isSrvProtocol()).isTrue();
        assertThat(location.toString()).isEqualTo("mongodb+srv://ann:****@cluster0.example.com/chat");
    }

    @Test
    void authMechanismPropertiesAreMaskedToo() {
        MongoLocation location = parse("mongodb://db/chat?authMechanism=MONGODB-AWS"
                + "&authMechanismProperties=AWS_SESSION_TOKEN:tok3n&appName=x");
        assertThat(location.toString()).doesNotContain("tok3n")
                .isEqualTo("mongodb://db/chat?authMechanism=MONGODB-AWS&authMechanismProperties=****&appName=x");
    }

    @Test
    void aPasswordWithoutAUserIsRefused() {
        UnaryOperator<String> env = Map.of("PARLEY_DB_PASSWORD", "envpass")::get;
        assertThatThrownBy(() -> MongoLocation.parse("mongodb://db/chat", NO_OPTIONS, env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no user").hasMessageContaining("PARLEY_DB_USER").hasMessageNotContaining("envpass");
    }

    @Test
    void invalidLocationsAreRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> parse("postgres://ann:secret@db/chat"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mongodb://host:27017/parley").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> parse("mongodb://ann:secret@db:notaport/chat"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not a valid MongoDB connection string")
                .hasMessageContaining("mongodb://ann:****@db:notaport/chat")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> parse("mongodb://ann:se%ZZcret@db/chat"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("percent-encoded").hasMessageNotContaining("se%ZZ").hasNoCause();
    }

    @Test
    void maskUserInfoHidesWhateverPrecedesTheAtSign() {
        assertThat(MongoLocation.maskUserInfo("postgres://ann:secret@db/chat")).isEqualTo("postgres://****@db/chat");
        assertThat(MongoLocation.maskUserInfo("file:./data")).isEqualTo("file:./data");
        assertThat(MongoLocation.maskUserInfo("x://db/a@b")).isEqualTo("x://db/a@b");
    }

    @Test
    void optionsMaskThePasswordWhenPrinted() {
        MongoStorageOptions options = MongoStorageOptions.parse(Map.of("user", "ann", "password", "secret"));
        assertThat(options.toString()).contains("ann").doesNotContain("secret");
    }

    private static MongoLocation parse(String location) {
        return MongoLocation.parse(location, NO_OPTIONS, NO_ENV);
    }
}
