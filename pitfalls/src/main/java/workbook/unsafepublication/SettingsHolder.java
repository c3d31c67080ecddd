package workbook.unsafepublication;

/**
 * The connection settings, shared by every request thread.
 *
 * <p>Promises beyond the result: the file is read lazily (not before the first call) and once per holder, so every
 * caller gets the same object, always with every field set; once loaded, a call takes no lock (it is on every
 * request's hot path).
 */
public interface SettingsHolder {

    ConnectionSettings settings();
}
