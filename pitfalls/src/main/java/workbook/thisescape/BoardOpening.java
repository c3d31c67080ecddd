package workbook.thisescape;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Currency;
import workbook.harness.Subjects;

/**
 * Opens a board the way {@link PriceBoard} says its callers do: by the class's public static factory method taking
 * {@code (QuoteFeed, FxRates, Currency)} if it has one, else by its public constructor taking them.
 */
final class BoardOpening {

    private static final Class<?>[] PARAMETERS = {QuoteFeed.class, FxRates.class, Currency.class};

    private BoardOpening() {
    }

    /** The call that opens a board of this class, as a caller would write it. */
    static String call(Class<? extends PriceBoard> type, Currency currency) {
        Method factory = factory(type);
        return (factory == null ? "new " + type.getSimpleName() : type.getSimpleName() + "." + factory.getName())
                + "(feed, rates, " + currency + ")";
    }

    static PriceBoard open(Class<? extends PriceBoard> type, QuoteFeed feed, FxRates rates, Currency currency) {
        Method factory = factory(type);
        if (factory == null) {
            if (Arrays.stream(type.getConstructors())
                    .noneMatch(c -> Arrays.equals(c.getParameterTypes(), PARAMETERS))) {
                throw new Subjects.SubjectException(type.getSimpleName() + " needs a public static factory method, or "
                        + "a public constructor, taking (QuoteFeed, FxRates, Currency): the scenario opens boards so",
                        null);
            }
            return Subjects.create(type, feed, rates, currency);
        }
        try {
            Object board = factory.invoke(null, feed, rates, currency);
            if (board == null) {
                throw new Subjects.SubjectException(type.getSimpleName() + "." + factory.getName() + " returned null",
                        null);
            }
            return (PriceBoard) board;
        } catch (InvocationTargetException e) {
            throw new Subjects.SubjectException(type.getSimpleName() + "." + factory.getName() + " threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new Subjects.SubjectException("cannot call " + factory + ": " + e, e);
        }
    }

    /** True when the class starts its boards in a start() method of its own, rather than when they are opened. */
    static boolean hasStart(Class<? extends PriceBoard> type) {
        try {
            return type.getMethod("start").getDeclaringClass() != PriceBoard.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Method factory(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && Arrays.equals(m.getParameterTypes(), PARAMETERS)
                        && PriceBoard.class.isAssignableFrom(m.getReturnType()))
                .findFirst().orElse(null);
    }
}
