package workbook.thisescape;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The instance fields of an object as a debugger shows them, read by reflection: what any code reading them at that
 * moment finds. Also finds the board behind a listener that is not the board itself (a lambda or an inner class that
 * captured it).
 */
final class FieldValues {

    private FieldValues() {
    }

    /** The board a listener acts for: the listener itself, or an object of {@code type} it captured; else null. */
    static Object boardBehind(Object listener, Class<?> type) {
        if (type.isInstance(listener)) {
            return listener;
        }
        for (Class<?> c = listener.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    Object value = read(field, listener);
                    if (type.isInstance(value)) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    /** Field name to value, declared fields of {@code type} and its superclasses, as they are now. */
    static Map<String, Object> of(Object object, Class<?> type) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.add(0, c);
        }
        for (Class<?> c : classes) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    values.put(field.getName(), read(field, object));
                }
            }
        }
        return values;
    }

    /** True when a field holds its type's default (null, 0, false): the constructor has not assigned it yet. */
    static boolean isDefault(Object value) {
        return switch (value) {
            case null -> true;
            case Boolean b -> !b;
            case Character ch -> ch == 0;
            case Byte n -> n == 0;
            case Short n -> n == 0;
            case Integer n -> n == 0;
            case Long n -> n == 0;
            case Float n -> n == 0;
            case Double n -> n == 0;
            default -> false;
        };
    }

    /** "currency = EUR, usdRate = null", the way a debugger's variables view reads. */
    static String show(Map<String, Object> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + show(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Currency || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return value.getClass().getSimpleName() + " (" + map.size() + (map.size() == 1 ? " entry)" : " entries)");
        }
        if (value instanceof Collection<?> collection) {
            return value.getClass().getSimpleName() + " (" + collection.size() + " elements)";
        }
        return value.getClass().getSimpleName();
    }

    private static Object read(Field field, Object object) {
        try {
            field.setAccessible(true);
            return field.get(object);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "(unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }
}
