package workbook.runner;

/**
 * Colours for a terminal, and none for a pipe, a file, a dumb terminal or anyone who set {@code NO_COLOR}
 * (https://no-color.org).
 */
record Style(boolean colors) {

    static Style detect() {
        String noColor = System.getenv("NO_COLOR");
        return new Style((noColor == null || noColor.isEmpty()) && Terminal.interactive());
    }

    static Style plain() {
        return new Style(false);
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String dim(String text) {
        return wrap("2", text);
    }

    String red(String text) {
        return wrap("31", text);
    }

    String green(String text) {
        return wrap("32", text);
    }

    String yellow(String text) {
        return wrap("33", text);
    }

    String cyan(String text) {
        return wrap("36", text);
    }

    private String wrap(String code, String text) {
        return colors ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
