/**
 * The offline handout's entry point ({@code java -jar workbook.jar}): it unpacks the workbook's jars once and runs the
 * workbook from them in a JVM of its own. Uses the JDK 11 only (it is compiled for Java 11, so that on an older java
 * than the workbook's it can say what it needs): it runs before any other jar is on a class path.
 */
package workbook.runner.handout;
