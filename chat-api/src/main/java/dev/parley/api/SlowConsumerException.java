package dev.parley.api;

/**
 * A connection was closed because its peer did not read fast enough: its bounded outbound
 * queue filled up, or a write made no progress within the write timeout. The sender and the
 * other recipients are never held up by a slow peer; the slow one is disconnected instead.
 */
public class SlowConsumerException extends TransportException {

    public SlowConsumerException(String message) {
        super(message);
    }
}
