package workbook.earlybufferrelease;

import java.nio.ByteBuffer;

/** The connection to the log collector. Slow: a write may take a few milliseconds. */
public interface Channel {

    /** Writes the bytes between the buffer's position and its limit, reading them while it writes. */
    void write(ByteBuffer payload);
}
