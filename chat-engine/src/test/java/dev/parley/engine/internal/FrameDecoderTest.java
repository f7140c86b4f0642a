package dev.parley.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final List<String> frames = new ArrayList<>();
    private final List<String> junk = new ArrayList<>();
    private final List<Integer> oversized = new ArrayList<>();
    private final FrameDecoder.Sink sink = new FrameDecoder.Sink() {
        @Override
        public void onFrame(byte[] frame) {
            frames.add(new String(frame, StandardCharsets.UTF_8));
        }

        @Override
        public void onJunk(String text) {
            junk.add(text);
        }

        @Override
        public void onOversized(int max) {
            oversized.add(max);
        }
    };

    private void feed(FrameDecoder decoder, String text) {
        decoder.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), sink);
    }

    @Test
    void splitsNewlineDelimitedObjects() {
        FrameDecoder decoder = new FrameDecoder(1024);
        feed(decoder, "{\"request\":\"help\"}\n{\"request\":\"names\"}\n");
        assertThat(frames).containsExactly("{\"request\":\"help\"}", "{\"request\":\"names\"}");
    }

    @Test
    void splitsConcatenatedObjectsWithoutDelimiter() {
        FrameDecoder decoder = new FrameDecoder(1024);
        feed(decoder, "{\"a\":1}{\"b\":2}[3]");
        assertThat(frames).containsExactly("{\"a\":1}", "{\"b\":2}", "[3]");
    }

    @Test
    void keepsPrettyPrintedObjectWhole() {
        FrameDecoder decoder = new FrameDecoder(1024);
        feed(decoder, "{\n  \"request\": \"login\",\n  \"content\": {\"x\": [1, {}]}\n}\n");
        assertThat(frames).containsExactly("{\n  \"request\": \"login\",\n  \"content\": {\"x\": [1, {}]}\n}");
    }

    @Test
    void ignoresBracesAndEscapedQuotesInsideStrings() {
        FrameDecoder decoder = new FrameDecoder(1024);
        feed(decoder, "{\"content\":\"}{ \\\" \\\\\"}{\"x\":\"]\"}");
        assertThat(frames).containsExactly("{\"content\":\"}{ \\\" \\\\\"}", "{\"x\":\"]\"}");
    }

    @Test
    void reassemblesObjectSplitAcrossReads() {
        FrameDecoder decoder = new FrameDecoder(1024);
        feed(decoder, "{\"request\":");
        assertThat(frames).isEmpty();
        assertThat(decoder.hasPartialFrame()).isTrue();
        feed(decoder, "\"msg\",\"content\":\"h");
        feed(decoder, "i\"}");
        assertThat(frames).containsExactly("{\"request\":\"msg\",\"content\":\"hi\"}");
        assertThat(decoder.hasPartialFrame()).isFalse();
    }

    @Test
    void keepsMultiByteCharactersSplitAcrossReads() {
        FrameDecoder decoder = new FrameDecoder(1024);
        byte[] bytes = "{\"content\":\"blåbær 😀\"}".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            decoder.feed(ByteBuffer.wrap(new byte[] {b}), sink);
        }
        assertThat(frames).containsExactly("{\"content\":\"blåbær 😀\"}");
    }

    @Test
    void reportsJunkOnceAndRecoversAtNextObject() {
        FrameDecoder decoder = new FrameDecoder(1024);
        feed(decoder, "hello there\n{\"request\":\"help\"}oops{\"request\":\"names\"}");
        assertThat(junk).containsExactly("hello there", "oops");
        assertThat(frames).containsExactly("{\"request\":\"help\"}", "{\"request\":\"names\"}");
    }

    @Test
    void passesMalformedButBalancedObjectOnForTheCodecToReject() {
        FrameDecoder decoder = new FrameDecoder(1024);
        feed(decoder, "{\"request\": help}\n");
        assertThat(frames).containsExactly("{\"request\": help}");
    }

    @Test
    void reportsOversizedFrameOnceAndIgnoresTheRest() {
        FrameDecoder decoder = new FrameDecoder(16);
        feed(decoder, "{\"content\":\"0123456789\"}{\"a\":1}");
        feed(decoder, "{\"b\":2}");
        assertThat(oversized).containsExactly(16);
        assertThat(frames).isEmpty();
        assertThat(decoder.failed()).isTrue();
    }

    @Test
    void acceptsFrameOfExactlyTheMaximum() {
        FrameDecoder decoder = new FrameDecoder(8);
        feed(decoder, "{\"a\":12}");
        assertThat(frames).containsExactly("{\"a\":12}");
        assertThat(oversized).isEmpty();
    }

    @Test
    void treatsEndlessJunkAsOversized() {
        FrameDecoder decoder = new FrameDecoder(32);
        feed(decoder, "x".repeat(100));
        assertThat(oversized).containsExactly(32);
    }
}
