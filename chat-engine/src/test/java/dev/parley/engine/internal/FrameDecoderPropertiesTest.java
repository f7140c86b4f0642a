package dev.parley.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Any split of any concatenation of valid frames decodes to the same frames. */
class FrameDecoderPropertiesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withChars('"', '{', '}', '\\').ofMaxLength(40);
        Arbitrary<Boolean> pretty = Arbitraries.of(true, false);
        return Combinators.combine(Arbitraries.of("login", "msg", "names", "help", "x"), text, pretty)
                .as((request, content, indent) -> {
                    ObjectNode node = MAPPER.createObjectNode();
                    node.put("request", request);
                    node.put("content", content);
                    node.putObject("nested").putArray("list").add("{[\"]}").add(1);
                    return indent ? node.toPrettyString() : node.toString();
                });
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", "\n", "\r\n", " ", "\n\n", "\t");
    }

    @Property(tries = 300)
    void anySplitOfAnyConcatenationDecodesToTheSameFrames(
            @ForAll @Size(min = 1, max = 8) List<@From("frames") String> frames,
            @ForAll("separators") String separator,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 64) Integer> chunkSizes) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (String frame : frames) {
            stream.writeBytes(frame.getBytes(StandardCharsets.UTF_8));
            stream.writeBytes(separator.getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = stream.toByteArray();

        List<String> decoded = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(1 << 20);
        FrameDecoder.Sink sink = new FrameDecoder.Sink() {
            @Override
            public void onFrame(byte[] frame) {
                decoded.add(new String(frame, StandardCharsets.UTF_8));
            }

            @Override
            public void onJunk(String junk) {
                throw new AssertionError("junk in a valid stream: " + junk);
            }

            @Override
            public void onOversized(int max) {
                throw new AssertionError("oversized");
            }
        };
        int offset = 0;
        int i = 0;
        while (offset < bytes.length) {
            int size = chunkSizes.isEmpty() ? bytes.length : chunkSizes.get(i++ % chunkSizes.size());
            int end = Math.min(bytes.length, offset + size);
            decoder.feed(ByteBuffer.wrap(bytes, offset, end - offset), sink);
            offset = end;
        }
        assertThat(decoded).containsExactlyElementsOf(frames);
        assertThat(decoder.hasPartialFrame()).isFalse();
    }
}
