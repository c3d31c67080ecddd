package workbook.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * How results cross from one JVM to another: a trial's verdict to its launcher, a child JVM's thread list to its
 * scenario. The records are written with the JDK's own serialization, as one line of Base64 text. JSON through Jackson
 * would need about a second to warm up in a fresh JVM, longer than most trials take to find their evidence; this
 * takes a few tens of milliseconds. Reading accepts only the harness's records and the JDK's collections.
 */
public final class Wire {

    private static final ObjectInputFilter ONLY_RESULTS = ObjectInputFilter.Config
            .createFilter("maxdepth=20;maxbytes=16000000;workbook.harness.*;java.util.*;java.lang.*;!*");

    private Wire() {
    }

    public static String encode(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The value {@link #encode} wrote; an {@link IllegalArgumentException} if the text is not one of type. */
    public static <T> T decode(String text, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(text.strip())))) {
            in.setObjectInputFilter(ONLY_RESULTS);
            return type.cast(in.readObject());
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " (" + e + ")", e);
        }
    }
}
