package workbook.unsafepublication;

/** The settings file: {@code key=value} lines. Reading it is slow (a disk, a config server). */
public interface SettingsFile {

    String read();
}
