package uk.cspr.agency;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What makes a PDF acceptable: it is one (a PDF header and an end-of-file marker, not a web page
 * that starts like a PDF), and nothing in it runs when it is opened: no JavaScript, no launch
 * action. PDF names may hide behind {@code #xx} escapes and inside compressed object streams, so
 * names are read unescaped, in the file and in its object streams (unpacked within a budget).
 */
final class PdfCheck {

  private static final Pattern HEADER = Pattern.compile("%PDF-[12]\\.\\d");
  private static final Pattern ACTIVE = Pattern.compile("/(JavaScript|JS|Launch)(?![A-Za-z0-9])");
  private static final Pattern ESCAPED = Pattern.compile("#([0-9A-Fa-f]{2})");
  private static final Pattern WEB_PAGE = Pattern.compile("(?i)<(html|script|!doctype|body|svg)");
  /** All object streams together may unpack to this much; a PDF needing more to be checked is refused. */
  static final int UNPACKING_BUDGET = 32 * 1024 * 1024;

  private PdfCheck() {}

  static boolean isPdf(byte[] content) {
    String head = latin1(content, 0, Math.min(content.length, 1024));
    String tail = latin1(content, Math.max(0, content.length - 1024), Math.min(content.length, 1024));
    return HEADER.matcher(head).lookingAt() && tail.contains("%%EOF") && !WEB_PAGE.matcher(head).find();
  }

  /** Whether anything in the PDF would run when it is opened, or it cannot be checked within the budget. */
  static boolean runsSomething(byte[] content) {
    String text = latin1(content, 0, content.length);
    if (ACTIVE.matcher(unescaped(text)).find()) {
      return true;
    }
    int budget = UNPACKING_BUDGET;
    Matcher stream = Pattern.compile("(?<!end)stream\\r?\\n").matcher(text);
    while (stream.find()) {
      int start = stream.end();
      int end = text.indexOf("endstream", start);
      if (end < 0) {
        break;
      }
      String dictionary = text.substring(Math.max(0, stream.start() - 1024), stream.start());
      int open = dictionary.lastIndexOf("<<");
      if (open >= 0 && dictionary.substring(open).contains("/ObjStm")) {
        byte[] unpacked = inflate(content, start, end - start, budget);
        if (unpacked == null) {
          return true; // over budget: too much to check, so not accepted
        }
        budget -= unpacked.length;
        if (ACTIVE.matcher(unescaped(latin1(unpacked, 0, unpacked.length))).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The stream unpacked, or null when it would unpack beyond the budget; an unreadable one as it is. */
  private static byte[] inflate(byte[] content, int offset, int length, int budget) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(content, offset, length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished() && !inflater.needsInput()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && inflater.needsDictionary()) {
          break;
        }
        out.write(buffer, 0, n);
        if (out.size() > budget) {
          return null;
        }
      }
      return out.toByteArray();
    } catch (DataFormatException notFlate) {
      return java.util.Arrays.copyOfRange(content, offset, offset + length);
    } finally {
      inflater.end();
    }
  }

  private static String unescaped(String text) {
    return ESCAPED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  private static String latin1(byte[] content, int offset, int length) {
    return new String(content, offset, length, StandardCharsets.ISO_8859_1);
  }
}
