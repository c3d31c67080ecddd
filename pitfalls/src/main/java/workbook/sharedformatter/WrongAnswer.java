package workbook.sharedformatter;

import java.util.List;

/**
 * A call that answered wrong, or threw: who made it, its {@code nth} call of the round, what it got, and the calls
 * the other logger was making at about that moment (the last it had begun).
 *
 * @param got the timestamp {@code format} returned, or the instant {@code parse} returned, or null if it threw
 */
record WrongAnswer(String logger, int nth, Call call, Object got, Throwable thrown, String otherLogger,
        List<Call> otherCalls) {
}
