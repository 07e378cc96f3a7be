package org.il2sim.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that readers never see a half-written one: write a temporary file beside it, then move. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Something that writes the whole content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** Something that writes the whole content as bytes. */
    @FunctionalInterface
    public interface ByteContent {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** Writes bytes atomically, as {@link #write(Path, Content)} does text. */
    public static void writeBytes(Path target, ByteContent content) throws IOException {
        write(target, null, content);
    }

    /**
     * Writes the target atomically; an existing file is replaced. The folder must exist.
     *
     * @throws IOException when the folder is missing or writing fails (no partial file is left)
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, null);
    }

    private static void write(Path target, Content content, ByteContent bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(dir), null, "output folder does not exist");
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try {
                // temporary files are created private; the result is an ordinary readable file
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default
            }
            if (content != null) {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    content.writeTo(w);
                }
            } else {
                try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                    bytes.writeTo(out);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
