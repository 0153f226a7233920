package dev.onrush.core.sink;

import java.nio.file.Path;

/**
 * A run folder cannot be used: it cannot be created or written, is not a folder, has too little free space, or
 * another run holds it ({@link RunFolderLock}). Thrown by {@link dev.onrush.core.Onrush#run} and
 * {@link dev.onrush.core.Onrush#start} before any load is sent; the message names the folder and the reason.
 */
public final class RunFolderException extends RuntimeException {

    private final Path dir;

    /**
     * @param dir    the folder
     * @param reason what is wrong with it, a phrase that follows the folder's name
     * @param cause  the I/O failure behind it, or {@code null}
     */
    public RunFolderException(Path dir, String reason, Throwable cause) {
        super("cannot use " + dir + " as the run folder: " + reason, cause);
        this.dir = dir;
    }

    /** The folder that cannot be used. */
    public Path dir() {
        return dir;
    }
}
