package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

// Wrong fix: copy under the lock, but a broadcast must never wait for a moderator, so when the lock is busy return
// the copy made last time. Nothing throws, but that copy can be many changes old: members who joined are missing.
// expect: DOES NOT WORK

/** A chat room: moderators let members in and out, and broadcasts go to everyone in it. */
public class Room implements ChatRoom {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> members = new ArrayList<>();
    private volatile List<String> lastCopy = List.of();

    @Override
    public void join(String member) {
        lock.lock();
        try {
            members.add(member);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void leave(String member) {
        lock.lock();
        try {
            members.remove(member);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> members() {
        if (!lock.tryLock()) {
            return lastCopy;
        }
        try {
            lastCopy = List.copyOf(members);
            return lastCopy;
        } finally {
            lock.unlock();
        }
    }
}
