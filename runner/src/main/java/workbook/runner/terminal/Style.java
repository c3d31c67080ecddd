package workbook.runner.terminal;

/**
 * Colours for a terminal, and none for a pipe, a file, a dumb terminal or anyone who set {@code NO_COLOR}
 * (https://no-color.org).
 */
public record Style(boolean colors) {

    public static Style detect() {
        String noColor = System.getenv("NO_COLOR");
        return new Style((noColor == null || noColor.isEmpty()) && Terminal.interactive());
    }

    public static Style plain() {
        return new Style(false);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    public String red(String text) {
        return wrap("31", text);
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    String cyan(String text) {
        return wrap("36", text);
    }

    private String wrap(String code, String text) {
        return colors ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
