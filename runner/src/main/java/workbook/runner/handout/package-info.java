/**
 * The offline handout's entry point ({@code java -jar workbook.jar}): it unpacks the workbook's jars once and runs the
 * workbook from them in a JVM of its own. Uses the JDK only: it runs before any other jar is on a class path.
 */
package workbook.runner.handout;
