package dev.parley.storage.file.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Encodes the fields of one journal value and decodes them again: strings of any length, longs,
 * instants (with nanoseconds, nullable) and sets of strings. Not thread-safe; one per value.
 */
final class Fields {

    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;
    private final DataInputStream in;

    private Fields(ByteArrayOutputStream bytes, DataInputStream in) {
        this.bytes = bytes;
        this.out = bytes == null ? null : new DataOutputStream(bytes);
        this.in = in;
    }

    static Fields writer() {
        return new Fields(new ByteArrayOutputStream(), null);
    }

    static Fields reader(byte[] value) {
        return new Fields(null, new DataInputStream(new ByteArrayInputStream(value)));
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    Fields string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        try {
            out.writeInt(b.length);
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Fields number(long n) {
        try {
            out.writeLong(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Fields instant(Instant t) {
        number(t == null ? Long.MIN_VALUE : t.getEpochSecond());
        return number(t == null ? 0 : t.getNano());
    }

    Fields strings(Set<String> set) {
        number(set.size());
        set.forEach(this::string);
        return this;
    }

    String string() {
        try {
            return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long number() {
        try {
            return in.readLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Instant instant() {
        long seconds = number();
        long nanos = number();
        return seconds == Long.MIN_VALUE ? null : Instant.ofEpochSecond(seconds, nanos);
    }

    Set<String> strings() {
        long n = number();
        Set<String> set = new LinkedHashSet<>();
        for (long i = 0; i < n; i++) {
            set.add(string());
        }
        return set;
    }
}
