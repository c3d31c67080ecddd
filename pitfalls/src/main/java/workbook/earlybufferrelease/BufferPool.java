package workbook.earlybufferrelease;

import java.nio.ByteBuffer;

/** Direct buffers, reused: allocating one per message costs more than the message. */
public interface BufferPool {

    /** A buffer of at least 256 bytes, cleared, the caller's alone until it releases it. */
    ByteBuffer acquire();

    /** Gives the buffer back; whoever acquires it next may write to it at once. */
    void release(ByteBuffer buffer);
}
