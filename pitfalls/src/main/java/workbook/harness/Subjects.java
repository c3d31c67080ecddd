package workbook.harness;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Creates instances of the code under test, with a message a learner understands when it does not fit. */
public final class Subjects {

    private Subjects() {
    }

    /** Calls the public constructor that takes these arguments (a {@code long} parameter takes a {@code Long}). */
    public static <T> T create(Class<T> type, Object... arguments) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (accepts(constructor.getParameterTypes(), arguments)) {
                try {
                    return type.cast(constructor.newInstance(arguments));
                } catch (InvocationTargetException e) {
                    throw new SubjectException(type.getSimpleName() + "'s constructor threw " + e.getCause(),
                            e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new SubjectException("cannot create " + type.getSimpleName() + ": " + e, e);
                }
            }
        }
        String wanted = Arrays.stream(arguments).map(a -> a.getClass().getSimpleName())
                .collect(Collectors.joining(", "));
        throw new SubjectException(
                type.getSimpleName() + " needs a public constructor taking (" + wanted
                        + "): the scenario creates it so",
                null);
    }

    private static boolean accepts(Class<?>[] parameters, Object[] arguments) {
        if (parameters.length != arguments.length) {
            return false;
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!MethodType.methodType(parameters[i]).wrap().returnType().isInstance(arguments[i])) {
                return false;
            }
        }
        return true;
    }

    /** The code under test cannot be used as the contract says. */
    public static final class SubjectException extends RuntimeException {
        public SubjectException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
