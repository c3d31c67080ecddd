package workbook.unsafepublication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PublicationTest {

    static final class Mutable {
        int port = 1;
    }

    record Immutable(int port) {
    }

    static final class PlainHolder {
        Object value;
    }

    static final class VolatileHolder {
        volatile Object value;
    }

    static final class AtomicHolder {
        final AtomicReference<Object> value = new AtomicReference<>();
    }

    @Test
    void aPlainFieldAndFieldsNotFinalPromiseNothing() throws Exception {
        PlainHolder holder = new PlainHolder();
        holder.value = new Mutable();

        Publication publication = Publication.of(holder, holder.value);

        assertFalse(publication.safe());
        assertEquals("published through plain field PublicationTest$PlainHolder.value, and field"
                + " PublicationTest$Mutable.port is not final: this check sees nothing (no volatile, atomic or final"
                + " field) that orders the writes of the fields before the write of the reference", publication.how());
    }

    @Test
    void aVolatileOrAtomicFieldOrFinalFieldsAreSafe() throws Exception {
        VolatileHolder viaVolatile = new VolatileHolder();
        viaVolatile.value = new Mutable();
        AtomicHolder viaAtomic = new AtomicHolder();
        viaAtomic.value.set(new Mutable());
        PlainHolder immutable = new PlainHolder();
        immutable.value = new Immutable(1);

        assertTrue(Publication.of(viaVolatile, viaVolatile.value).safe());
        assertTrue(Publication.of(viaAtomic, viaAtomic.value.get()).safe());
        assertTrue(Publication.of(immutable, immutable.value).safe());
        assertTrue(Publication.of(immutable, immutable.value).how().contains("JLS 17.5"));
    }

    @Test
    void anObjectKeptWhereTheCheckCannotSeeItIsNotCalledSafe() throws Exception {
        Publication publication = Publication.of(new PlainHolder(), new Mutable());

        assertFalse(publication.safe());
        assertTrue(publication.how().startsWith("no field of PublicationTest$PlainHolder holds it"));
    }
}
