package io.github.camelclaid.ledger;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelclaid.client.model.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger kept in memory and in an append-only file, so that its tasks survive a restart, a {@code kill -9} and, for
 * the changes the {@link TaskLedger} rules call durable, a power cut. For one process at a time: use
 * {@code JdbcTaskLedger} for several.
 *
 * <p>
 * <b>Format.</b> UTF-8 text, one JSON object per line, each carrying its format version {@code "v":1}. A
 * {@code "type":"task"} line holds the whole current state of one task, so the last line for a key wins; a
 * {@code "type":"purge"} line lists keys forgotten by {@link #purgeFinished}. Times are ISO-8601 instants. A task's
 * owner and lease are never written: a restarted process holds nothing, so every task it reads back is unclaimed.
 *
 * <p>
 * <b>When it writes and syncs.</b> Every change is written to the file before the operation returns, with no buffer in
 * this JVM, so a {@code kill -9} loses nothing. {@link #record}, {@link #outputDelivered} and {@link #finish} also
 * {@linkplain FileChannel#force fsync} before returning: a producer returns only once its task is on disk, and a task
 * is marked finished only once that is on disk too. {@link #reschedule} and purges are not synced (a power cut may undo
 * a poll count or bring back a finished task to purge again, both harmless), which keeps polling cheap. Claims are not
 * written at all. When the file system refuses a write (no space left, a read-only file system), what made it of the
 * line is cut off again, the change is undone in memory too and the operation throws a {@link TaskLedgerException}; the
 * ledger goes on, and {@link #checkWritable} keeps paid submissions back until the file takes writes again. When an
 * fsync fails, the operation throws an {@link UncheckedIOException} and the ledger refuses every operation from then
 * on: the OS may have dropped data it reported written, and reopening the file (a restart) is the way back.
 *
 * <p>
 * <b>Recovery.</b> On opening, the file is read back. A last line cut short by a crash is skipped with a warning and
 * cut off; a damaged line anywhere else is corruption, and opening fails naming the line.
 *
 * <p>
 * <b>Compaction.</b> When the file has more than {@code max(1000, 4 × tasks)} lines, and on opening when it has any
 * line to spare, it is rewritten with one line per task into {@code <file>.tmp}, synced and renamed over the file.
 *
 * <p>
 * <b>One process.</b> The ledger holds an exclusive lock on {@code <file>.lock} while open (a separate file because
 * compaction replaces the ledger file, and a lock on the replaced file would guard nothing). Opening a file that
 * another process or another ledger in this JVM has open fails at once. The lock file is left in place on close.
 */
public class FileTaskLedger extends InMemoryTaskLedger {

    private static final Logger LOG = LoggerFactory.getLogger(FileTaskLedger.class);

    private static final long MIN_COMPACTION_LINES = 1000;
    private static final long LINES_PER_TASK_BEFORE_COMPACTION = 4;
    /** The free space below which submissions are held back: a record then might not fit. */
    private static final long SPACE_RESERVE = 64 * 1024;

    /**
     * Ledger files open in this JVM. The OS lock cannot tell two channels of one process apart, and on POSIX closing
     * any channel to a file drops every lock the process holds on it, so a second open in this JVM must be refused
     * before it touches the lock file.
     */
    private static final Set<Path> OPEN_FILES = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path openFileKey;
    private FileChannel lock;
    private FileChannel channel;
    private long lines;
    private long tasks;
    private long compactionDeferredUntil;
    private boolean closed;
    private IOException writeFailure;
    /** Why the last write was refused, until a write succeeds again. */
    private IOException refusal;

    /**
     * Opens the ledger in {@code file}, creating the file and its directories if needed, and reads back the tasks it
     * holds. Throws IllegalStateException when the file is in use or corrupt, UncheckedIOException when it cannot be
     * read or written.
     */
    public FileTaskLedger(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.openFileKey = createParentDirectories(this.file);
        if (!OPEN_FILES.add(openFileKey)) {
            throw inUse();
        }
        try {
            lock = lock(sibling(".lock"));
            open();
        } catch (RuntimeException | Error e) {
            closeQuietly(channel);
            release();
            throw e;
        }
    }

    /**
     * Opens the ledger in the file at this path, as {@link #FileTaskLedger(Path)} does. For configuration by
     * properties, where Camel has no conversion from a String to a Path:
     * {@code camel.component.claid.task-ledger = #class:io.github.camelclaid.ledger.FileTaskLedger('/var/lib/app/claid-tasks.jsonl')}.
     */
    public FileTaskLedger(String file) {
        this(Path.of(file));
    }

    /** The ledger file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized boolean record(TrackedTask task) {
        checkUsable();
        boolean added = super.find(task.key()).isEmpty();
        if (added) {
            // counted before the write, so a compaction the write sets off sizes itself on the right count
            tasks++;
        }
        try {
            return super.record(task);
        } catch (RuntimeException e) {
            if (added) {
                tasks--;
            }
            throw e;
        }
    }

    /**
     * {@inheritDoc} The file system must be writable and have {@value #SPACE_RESERVE} bytes free (a task's line is a few
     * hundred), asked of it each time; after a refused write, a line that changes nothing (an empty purge) is written and
     * synced, to learn whether the file takes writes again.
     */
    @Override
    public synchronized void checkWritable() {
        checkUsable();
        String why = null;
        try {
            // looked up each time: a remount changes what the store says
            FileStore store = Files.getFileStore(file);
            long free = store.getUsableSpace();
            if (store.isReadOnly()) {
                why = "its file system is read-only";
            } else if (free < SPACE_RESERVE) {
                why = "only " + free + " bytes left on its disk";
            }
        } catch (IOException e) {
            // unknown: the write itself tells
        }
        if (why == null && refusal != null) {
            try {
                append(LedgerLines.purge(List.of()), true);
            } catch (TaskLedgerException e) {
                why = refusal.toString();
            }
        }
        if (why != null) {
            throw new TaskLedgerException("The task ledger file " + file + " cannot be written (" + why + "), so a"
                    + " task submitted now could not be recorded: not submitting it. Free space on its disk, or make it"
                    + " writable; submissions go on by themselves once the file takes writes");
        }
    }

    @Override
    public synchronized Optional<TrackedTask> find(TaskKey key) {
        checkUsable();
        return super.find(key);
    }

    @Override
    public synchronized List<TrackedTask> findById(long id) {
        checkUsable();
        return super.findById(id);
    }

    @Override
    public synchronized boolean adopt(TaskKey key, Map<String, String> correlation, String requestKey) {
        checkUsable();
        return super.adopt(key, correlation, requestKey);
    }

    @Override
    public synchronized Optional<TrackedTask> findByRequestKey(String requestKey) {
        checkUsable();
        return super.findByRequestKey(requestKey);
    }

    @Override
    public synchronized List<TrackedTask> due(Instant now, int limit) {
        checkUsable();
        return super.due(now, limit);
    }

    @Override
    public synchronized int openCount() {
        checkUsable();
        return super.openCount();
    }

    @Override
    public synchronized Optional<TrackedTask> claim(TaskKey key, String owner, Instant now, Instant until) {
        checkUsable();
        return super.claim(key, owner, now, until);
    }

    @Override
    public synchronized int renewLeases(String owner, Collection<TaskKey> keys, Instant until) {
        checkUsable();
        return super.renewLeases(owner, keys, until);
    }

    @Override
    public synchronized void reschedule(TaskKey key, String owner, TaskStatus seen, boolean polled,
            Instant nextPollAt) {
        checkUsable();
        super.reschedule(key, owner, seen, polled, nextPollAt);
    }

    @Override
    public synchronized void outputDelivered(TaskKey key, String owner, int outputIndex) {
        checkUsable();
        super.outputDelivered(key, owner, outputIndex);
    }

    @Override
    public synchronized void finish(TaskKey key, TaskStatus status, Instant at) {
        checkUsable();
        super.finish(key, status, at);
    }

    @Override
    public synchronized int purgeFinished(Instant before) {
        checkUsable();
        return super.purgeFinished(before);
    }

    /** Syncs what was written, closes the file and releases the lock. Later operations throw IllegalStateException. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (writeFailure == null) {
                // the reschedules written since the last durable change, so a clean stop keeps them too
                channel.force(false);
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the task ledger file " + file, e);
        } finally {
            closeQuietly(channel);
            release();
        }
    }

    @Override
    protected void stored(TrackedTask task, boolean durable) {
        append(LedgerLines.task(task), durable);
    }

    @Override
    protected void purged(List<TaskKey> keys) {
        tasks -= keys.size();
        try {
            // durable: a forgotten claim that came back after a crash would hold its work as if it had been paid
            append(LedgerLines.purge(keys), true);
        } catch (RuntimeException e) {
            tasks += keys.size();
            throw e;
        }
    }

    // ---- opening and reading back

    private void open() {
        boolean existed = Files.exists(file);
        Replay replay = replay();
        replay.tasks.values().forEach(this::load);
        tasks = replay.tasks.size();
        lines = replay.lines;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            // a torn last line is cut off, or the next line would be joined to it
            channel.truncate(replay.validEnd);
            channel.position(replay.validEnd);
            if (replay.missingNewline) {
                write(channel, new byte[] {'\n'});
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the task ledger file " + file, e);
        }
        if (!existed) {
            syncDirectory();
        }
        if (lines > tasks) {
            compact();
        }
    }

    /** What the file holds: the tasks, how many lines hold them, and where the last good line ends. */
    private static final class Replay {
        final Map<TaskKey, TrackedTask> tasks = new LinkedHashMap<>();
        long lines;
        long validEnd;
        boolean missingNewline;
    }

    private Replay replay() {
        Replay replay = new Replay();
        if (!Files.exists(file)) {
            return replay;
        }
        try (InputStream in = Files.newInputStream(file)) {
            LineReader reader = new LineReader(in);
            Line unparsed = null;
            IOException unparsedCause = null;
            for (Line line = reader.next(); line != null; line = reader.next()) {
                if (line.isBlank()) {
                    continue;
                }
                if (unparsed != null) {
                    throw corrupt(unparsed, "it is not valid JSON, and is not the last line, so it is not a write"
                            + " interrupted by a crash: " + describe(unparsedCause), unparsedCause);
                }
                JsonNode json;
                try {
                    json = LedgerLines.parse(line.bytes);
                } catch (IOException e) {
                    // torn if it turns out to be the last line; corrupt if another follows
                    unparsed = line;
                    unparsedCause = e;
                    continue;
                }
                apply(replay, decode(line, json));
                replay.lines++;
                replay.validEnd = line.end;
                replay.missingNewline = !line.terminated;
            }
            if (unparsed != null) {
                LOG.warn("Ignoring line {} of the task ledger file {}: it was cut short, by a crash during the write"
                        + " ({}). Changes written before it are kept.", unparsed.number, file,
                        describe(unparsedCause));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the task ledger file " + file, e);
        }
        return replay;
    }

    private static String describe(IOException parseFailure) {
        // without Jackson's location suffix, which names a byte array rather than the file and line
        return parseFailure instanceof JsonProcessingException json ? json.getOriginalMessage()
                : parseFailure.getMessage();
    }

    private LedgerLines.Entry decode(Line line, JsonNode json) {
        try {
            return LedgerLines.decode(json);
        } catch (RuntimeException e) {
            // valid JSON is never a torn write, wherever it is: skipping it would lose what it records
            throw corrupt(line, e.getMessage(), e);
        }
    }

    private static void apply(Replay replay, LedgerLines.Entry entry) {
        if (entry.task() != null) {
            replay.tasks.put(entry.task().key(), entry.task());
        } else {
            entry.purged().forEach(replay.tasks::remove);
        }
    }

    private IllegalStateException corrupt(Line line, String why, Throwable cause) {
        return new IllegalStateException("The task ledger file " + file + " is corrupt at line " + line.number + ": "
                + why, cause);
    }

    // ---- writing

    private void append(byte[] line, boolean durable) {
        checkUsable();
        long end = -1;
        try {
            end = channel.position();
            write(channel, line);
        } catch (IOException e) {
            throw refused(end, e);
        }
        if (durable) {
            try {
                channel.force(false);
            } catch (IOException e) {
                // not retried: after a failed fsync the OS may have dropped the data yet report the next fsync clean
                writeFailure = e;
                throw new UncheckedIOException("Could not sync the task ledger file " + file, e);
            }
        }
        refusal = null;
        lines++;
        if (lines > compactionThreshold() && lines > compactionDeferredUntil) {
            compact();
        }
    }

    /**
     * A write the file system refused (no space left, a read-only file system, a file size limit): whatever part of
     * the line made it is cut off again, so the file holds exactly what it held before, and the change is not made
     * (memory goes back too). The ledger goes on: the next write tries again, and {@link #checkWritable} keeps paid
     * submissions back until one succeeds. If even the cut fails, the ledger refuses everything until reopened.
     */
    private TaskLedgerException refused(long end, IOException e) {
        refusal = e;
        try {
            channel.truncate(end);
            channel.position(end);
        } catch (IOException | IllegalArgumentException cut) {
            writeFailure = e;
            e.addSuppressed(cut);
        }
        return new TaskLedgerException("Could not write to the task ledger file " + file + " (" + e
                + "): the change was not made. Free space on its disk, or make it writable: the ledger goes on by"
                + " itself once it can write", e);
    }

    private long compactionThreshold() {
        return Math.max(MIN_COMPACTION_LINES, LINES_PER_TASK_BEFORE_COMPACTION * tasks);
    }

    private void compact() {
        List<TrackedTask> current = snapshot();
        Path tmp = sibling(".tmp");
        try {
            writeAll(tmp, current);
        } catch (IOException e) {
            deferCompaction(tmp, e);
            return;
        }
        try {
            // closed before the move: Windows will not replace a file that is open
            channel.close();
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deferCompaction(tmp, e);
            channel = reopenForAppend();
            return;
        }
        syncDirectory();
        channel = reopenForAppend();
        lines = current.size();
        tasks = current.size();
        LOG.debug("Compacted the task ledger file {} to {} lines", file, lines);
    }

    private static void writeAll(Path target, List<TrackedTask> tasks) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(out), 64 * 1024);
            for (TrackedTask task : tasks) {
                buffered.write(LedgerLines.task(task));
            }
            buffered.flush();
            out.force(true);
        }
    }

    private void deferCompaction(Path tmp, IOException cause) {
        LOG.warn("Could not compact the task ledger file {}; it keeps growing, and compaction is tried again later",
                file, cause);
        compactionDeferredUntil = lines + compactionThreshold();
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", tmp, e);
        }
    }

    private FileChannel reopenForAppend() {
        try {
            FileChannel reopened = FileChannel.open(file, StandardOpenOption.WRITE);
            reopened.position(reopened.size());
            return reopened;
        } catch (IOException e) {
            writeFailure = e;
            throw new UncheckedIOException("Could not reopen the task ledger file " + file + " after compacting it",
                    e);
        }
    }

    /** Makes a file's creation or renaming itself survive a power cut, where the platform allows syncing a directory. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows, for one, cannot open a directory as a channel
            LOG.debug("Could not sync the directory of {}", file, e);
        }
    }

    private static void write(FileChannel target, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
    }

    // ---- the one-process lock

    private static Path createParentDirectories(Path file) {
        try {
            Path parent = Files.createDirectories(file.getParent());
            // the real path, so two spellings of one directory (a symlink) are one file in OPEN_FILES
            return parent.toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the directory of the task ledger file " + file, e);
        }
    }

    private FileChannel lock(Path lockFile) {
        FileChannel locked;
        try {
            locked = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the lock file " + lockFile, e);
        }
        try {
            if (locked.tryLock() != null) {
                return locked;
            }
        } catch (OverlappingFileLockException e) {
            // locked by code in this JVM other than a FileTaskLedger
        } catch (IOException e) {
            closeQuietly(locked);
            throw new UncheckedIOException("Could not lock " + lockFile, e);
        }
        closeQuietly(locked);
        throw inUse();
    }

    private IllegalStateException inUse() {
        return new IllegalStateException("The task ledger file " + file + " is in use by another process (or another"
                + " FileTaskLedger in this one); the file ledger is for one process — use JdbcTaskLedger for several");
    }

    private void release() {
        // closing the channel releases its lock
        closeQuietly(lock);
        OPEN_FILES.remove(openFileKey);
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("The task ledger file " + file + " is closed");
        }
        if (writeFailure != null) {
            throw new IllegalStateException("The task ledger file " + file + " could not be written earlier ("
                    + writeFailure + "), so it may lack changes made in memory; open it again to go on from what it"
                    + " holds", writeFailure);
        }
    }

    private Path sibling(String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Could not close a channel", e);
        }
    }

    // ---- splitting the file into lines

    /** One line of the file: its bytes without the newline, and the offset just past its end (newline included). */
    private record Line(long number, long end, byte[] bytes, boolean terminated) {

        boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Splits by the newline byte alone, counting bytes, so the offsets are exact for the truncation and a damaged tail
     * (a stray carriage return, broken UTF-8) cannot split one line into two.
     */
    private static final class LineReader {

        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private long offset;
        private long number;

        LineReader(InputStream in) {
            this.in = in;
        }

        Line next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (position == limit && !fill()) {
                    return line.size() == 0 ? null : new Line(++number, offset, line.toByteArray(), false);
                }
                int newline = indexOfNewline();
                int end = newline < 0 ? limit : newline;
                line.write(buffer, position, end - position);
                offset += end - position;
                position = end;
                if (newline >= 0) {
                    position++;
                    offset++;
                    return new Line(++number, offset, line.toByteArray(), true);
                }
            }
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer);
            position = 0;
            limit = Math.max(read, 0);
            return read > 0;
        }

        private int indexOfNewline() {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
