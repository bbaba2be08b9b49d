package uk.cspr.agency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Word (.docx) and OpenDocument (.odt) files are zips. Their structure is read from the zip's
 * directory, which lists each entry with its packed and unpacked size, without unpacking anything
 * but a few bytes of the one entry that names the format: a zip made to unpack to gigabytes (a
 * "zip bomb") is refused for what its directory says, at no cost.
 */
final class ZipCheck {

  /** Far more than any document has: a Word file is a few dozen entries, with its images a few hundred. */
  static final int MOST_ENTRIES = 5_000;
  /** What the entries may unpack to, all together. */
  static final long MOST_UNPACKED_BYTES = 250L * 1024 * 1024;
  /** How much smaller than its content an entry may be packed: text packs to a tenth, a bomb to a thousandth. */
  static final long MOST_PACKING_RATIO = 200;

  private ZipCheck() {}

  /** Refuses a zip that is broken, or whose directory promises far more than a document holds. */
  static void refuseIfNotADocument(String name, byte[] content) {
    inspect(name, content, zip -> {
      int entries = 0;
      long unpacked = 0;
      for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
        ZipEntry entry = all.nextElement();
        long size = entry.getSize();
        long packed = entry.getCompressedSize();
        unpacked += Math.max(size, 0);
        if (++entries > MOST_ENTRIES || size < 0 || packed < 0 || unpacked > MOST_UNPACKED_BYTES
            || size > Math.max(packed, 1) * MOST_PACKING_RATIO) {
          throw new AgencyDocuments.RefusedDocument(415, "The document " + name + " is not a document the "
              + "partnership can accept: it would unpack to far more than it holds. Save it again from your word "
              + "processor and attach it again.");
        }
      }
      return null;
    });
  }

  /** Whether the zip has the entry and, when {@code expected} is given, whether that is its content. */
  static boolean has(byte[] content, String entryName, String expected) {
    return Boolean.TRUE.equals(inspect(entryName, content, zip -> {
      ZipEntry entry = zip.getEntry(entryName);
      if (entry == null) {
        return false;
      }
      if (expected == null) {
        return true;
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return new String(in.readNBytes(expected.length() + 16), StandardCharsets.US_ASCII).trim().equals(expected);
      }
    }));
  }

  private interface Reading<T> {
    T read(ZipFile zip) throws IOException;
  }

  /** The JDK reads a zip's directory only from a file, so the document spends a moment in one. */
  private static <T> T inspect(String name, byte[] content, Reading<T> reading) {
    Path file = null;
    try {
      file = Files.createTempFile("cspr-document", ".zip");
      Files.write(file, content);
      try (ZipFile zip = new ZipFile(file.toFile())) {
        return reading.read(zip);
      }
    } catch (ZipException broken) {
      throw new AgencyDocuments.RefusedDocument(415, "The document " + name + " is damaged and cannot be read. "
          + "Save it again and attach it again.");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot check a document", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is removed with the others
        }
      }
    }
  }
}
