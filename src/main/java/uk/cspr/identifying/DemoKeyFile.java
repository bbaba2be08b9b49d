package uk.cspr.identifying;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's own key, beside its database in {@code ./data}, so that {@code mvn spring-boot:run}
 * needs nothing set and the demo's details still open after a restart. Deleting the data folder
 * starts afresh with both. Only this user may read it: it opens every child's details.
 */
final class DemoKeyFile {

  private static final Logger log = LoggerFactory.getLogger(DemoKeyFile.class);

  private DemoKeyFile() {}

  /** The key in the file, made first if there is none. */
  static String readOrMake(Path file) {
    Path path = file.toAbsolutePath().normalize();
    try {
      if (!Files.exists(path)) {
        try {
          make(path);
          log.info("Made a demo key for children's identifying details in {}, readable by this user only. The "
              + "demo's details open only with it; outside the demo set CSPR_IDENTITY_KEY instead.", path);
        } catch (FileAlreadyExistsException madeMeanwhile) {
          // another demo on the same folder made it first: use that one
        }
      } else {
        log.info("Children's identifying details are sealed with the demo key in {}", path);
      }
      return Files.readString(path, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("The demo key file " + path + " cannot be made or read; set CSPR_IDENTITY_KEY "
          + "or cspr.identity.key-file to a folder this user may write", e);
    }
  }

  private static void make(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
    // owner-only from the moment it exists, so the key is never readable by others, even briefly
    FileAttribute<?>[] ownerOnly = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    try (SeekableByteChannel out = Files.newByteChannel(path,
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
      if (!posix) {
        var asFile = path.toFile();
        asFile.setReadable(false, false);
        asFile.setWritable(false, false);
        asFile.setReadable(true, true);
        asFile.setWritable(true, true);
      }
      out.write(ByteBuffer.wrap((IdentityKeys.newKey() + "\n").getBytes(StandardCharsets.US_ASCII)));
    }
  }
}
