package dev.parley.storage.mongo.internal;

import dev.parley.spi.StoredMessage;
import org.bson.Document;

/** Messages to and from documents of the {@code messages} collection. Stateless. */
final class MessageDocuments {

    /** Room, sender, text and the date fields of a message take less than this besides their strings. */
    static final int OVERHEAD_BYTES = 256;

    private MessageDocuments() {
    }

    static Document toDocument(StoredMessage message) {
        Document document = new Document("_id", message.id())
                .append("room", message.room())
                .append("sender", message.sender());
        return Times.put(document, "ts", message.timestamp()).append("text", message.text());
    }

    static StoredMessage fromDocument(Document document) {
        return new StoredMessage(document.get("_id", Number.class).longValue(), document.getString("room"),
                document.getString("sender"), Times.get(document, "ts"), document.getString("text"));
    }

    /** The UTF-8 length of {@code text}, without encoding it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
