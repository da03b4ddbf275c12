package io.silkgate.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps the original bytes of every accepted document, unchanged, under the data dir. File names are the
 * gateway's own document ids, never anything a submitter chose.
 */
public final class DocumentArchive {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;
    private final boolean sync;

    /** An archive that forces every original to the disk before it answers (for a ledger that does too). */
    public DocumentArchive(Path root) {
        this(root, true);
    }

    /**
     * @param sync force each original to the disk before answering. The archive is worth no more than the ledger
     *             row that points at it: with the embedded H2 ledger, which survives a killed process but not a
     *             power cut (it does not fsync its commits), the fsync only made each acceptance wait for the disk.
     */
    public DocumentArchive(Path root, boolean sync) {
        this.root = root;
        this.sync = sync;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archive folder " + root, e);
        }
    }

    /**
     * Writes the file under a temporary name, forces it to the disk when this archive syncs, then renames it
     * atomically: a crash never leaves a half-written original under a document's name. The fan-out folders are
     * created when the first write into them finds them missing, not checked on every store.
     */
    public void store(String documentId, byte[] original) {
        Path target = fileOf(documentId);
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            try {
                write(temp, original);
            } catch (NoSuchFileException e) {
                Files.createDirectories(target.getParent());
                write(temp, original);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive document " + documentId, e);
        }
    }

    private void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            if (sync) {
                ch.force(true);
            }
        }
    }

    public Optional<byte[]> read(String documentId) {
        if (!ID.matcher(documentId).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(fileOf(documentId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read archived document " + documentId, e);
        }
    }

    /**
     * Deletes the originals last written before {@code cutoff} whose document {@code isFinished}; returns how many.
     * Half-written files of a crashed store are removed too.
     */
    public int deleteOlderThan(java.time.Instant cutoff, java.util.function.Predicate<String> isFinished) {
        int deleted = 0;
        try (java.util.stream.Stream<Path> files = Files.walk(root, 3)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = f.getFileName().toString();
                boolean old = Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
                if (old && (name.endsWith(".part") || (ID.matcher(name).matches() && isFinished.test(name)))) {
                    Files.deleteIfExists(f);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep the archive " + root, e);
        }
        return deleted;
    }

    private Path fileOf(String documentId) {
        if (!ID.matcher(documentId).matches()) {
            throw new IllegalArgumentException("not a document id: " + documentId);
        }
        // two levels of fan-out keep folders small at millions of documents
        return root.resolve(documentId.substring(0, 2)).resolve(documentId.substring(2, 4)).resolve(documentId);
    }
}
