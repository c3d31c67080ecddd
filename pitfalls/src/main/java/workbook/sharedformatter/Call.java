package workbook.sharedformatter;

/** One planned call of a round: format the instant, or parse its timestamp; both answers are known beforehand. */
record Call(boolean parse, long millis, String timestamp) {

    String show() {
        return parse ? "parse(\"" + timestamp + "\")" : "format(" + millis + ")";
    }
}
