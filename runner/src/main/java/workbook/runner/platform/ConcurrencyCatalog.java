package workbook.runner.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on one empty class among a build's tests to run the workbook's catalog there: Maven Surefire, Gradle and IDEs
 * hand test engines the classes they find, and the {@link CatalogEngine} answers for a class with this annotation.
 * What runs is set by configuration parameters (or system properties) named in {@link CatalogSettings}.
 *
 * <pre>{@code
 * @ConcurrencyCatalog
 * class ConcurrencyCatalogTest {
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConcurrencyCatalog {
}
