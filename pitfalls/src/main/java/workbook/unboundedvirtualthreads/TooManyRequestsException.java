package workbook.unboundedvirtualthreads;

/** The carrier's answer to a call beyond its limit of calls at once (HTTP 429). */
public class TooManyRequestsException extends RuntimeException {

    public TooManyRequestsException(String message) {
        super(message);
    }
}
