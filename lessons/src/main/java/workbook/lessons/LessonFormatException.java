package workbook.lessons;

/** A lesson file that cannot be used, with the file and the field at fault. */
public final class LessonFormatException extends Exception {

    private final String file;
    private final String field;

    public LessonFormatException(String file, String field, String problem) {
        super(file + (field == null ? "" : ": front matter field '" + field + "'") + ": " + problem);
        this.file = file;
        this.field = field;
    }

    public String file() {
        return file;
    }

    /** The front matter field at fault, or {@code null} when the problem is the file's shape. */
    public String field() {
        return field;
    }
}
