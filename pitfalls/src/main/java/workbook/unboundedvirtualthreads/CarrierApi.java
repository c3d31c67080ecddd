package workbook.unboundedvirtualthreads;

/**
 * The carrier's quoting API, a remote call. Its terms allow a client a limited number of calls in progress at once;
 * a call beyond that is refused with a {@link TooManyRequestsException} (HTTP 429).
 */
public interface CarrierApi {

    /** How many calls this client may have in progress at once. */
    int concurrentCallLimit();

    /**
     * The price of shipping the parcel, in cents.
     *
     * @throws TooManyRequestsException when {@link #concurrentCallLimit()} calls of this client are already in progress
     * @throws IllegalArgumentException when the carrier does not serve the parcel's postcode
     */
    long quote(Parcel parcel);
}
