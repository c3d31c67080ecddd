package workbook.unsafepublication;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a holder keeps the object it hands out, read by reflection: whether the Java memory model promises that a
 * thread which finds it also finds its fields written. Supporting evidence only, for when no failure can be seen:
 * the rules are JLS 17.4 (a volatile write and read order what came before) and 17.5 (final fields).
 *
 * @param safe true when the memory model promises every reader a fully built object
 * @param how one sentence naming the field and the rule
 */
record Publication(boolean safe, String how) {

    static Publication of(Object holder, Object published) throws IllegalAccessException {
        List<String> notFinal = nonFinalFields(published.getClass());
        if (notFinal.isEmpty()) {
            return new Publication(true, "every field of " + name(published.getClass())
                    + " is final, so any thread that finds the object finds them set (JLS 17.5)");
        }
        String fields = "field " + String.join(", ", notFinal) + (notFinal.size() == 1 ? " is" : " are")
                + " not final";
        for (Class<?> type = holder.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(holder);
                String where = name(type) + "." + field.getName();
                if (value == published) {
                    return Modifier.isVolatile(field.getModifiers())
                            ? new Publication(true, "published through volatile field " + where
                                    + ": a reader that sees it also sees every write made before it (JLS 17.4.5)")
                            : new Publication(false, "published through plain field " + where + ", and " + fields
                                    + ": this check sees nothing (no volatile, atomic or final field) that orders the writes of"
                                    + " the fields before the write of the reference");
                }
                if (value instanceof AtomicReference<?> reference && reference.get() == published) {
                    return new Publication(true, "published through AtomicReference " + where
                            + ", whose set and get order like a volatile field's (JLS 17.4.5)");
                }
            }
        }
        return new Publication(false, "no field of " + name(holder.getClass()) + " holds it where this check can see"
                + " it, and " + fields);
    }

    private static List<String> nonFinalFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                    names.add(name(c) + "." + field.getName());
                }
            }
        }
        return names;
    }

    private static String name(Class<?> type) {
        return type.getName().substring(type.getName().lastIndexOf('.') + 1);
    }
}
