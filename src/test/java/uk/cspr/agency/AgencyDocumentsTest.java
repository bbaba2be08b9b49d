package uk.cspr.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** What a document must be to be kept: checked by content, without unpacking or running anything. */
class AgencyDocumentsTest {

  static final String PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n";

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A Word file whose second entry is this many zeros: packed a thousand times smaller than it unpacks. */
  static byte[] docx(int paddingBytes) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes());
      if (paddingBytes > 0) {
        zip.putNextEntry(new ZipEntry("word/media/padding.bin"));
        byte[] zeros = new byte[1024 * 1024];
        for (int written = 0; written < paddingBytes; written += zeros.length) {
          zip.write(zeros, 0, Math.min(zeros.length, paddingBytes - written));
        }
      }
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document/>".getBytes());
    }
    return bytes.toByteArray();
  }

  @Test
  void documentsOfTheFourKindsAreKeptAsWhatTheyAre() throws Exception {
    assertThat(AgencyDocuments.typeOf("chronology.pdf", ascii(PDF))).isEqualTo("application/pdf");
    assertThat(AgencyDocuments.typeOf("Chronology.DOCX", docx(0)))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  }

  @Test
  void aZipMadeToUnpackToFarMoreThanItHoldsIsRefusedFromItsDirectory() throws Exception {
    byte[] bomb = docx(64 * 1024 * 1024);
    assertThat(bomb.length).isLessThan(200 * 1024); // 64 MB of zeros in a few dozen kilobytes
    assertThatThrownBy(() -> AgencyDocuments.typeOf("report.docx", bomb))
        .isInstanceOf(AgencyDocuments.RefusedDocument.class)
        .hasMessageContaining("would unpack to far more than it holds");
    assertThatThrownBy(() -> AgencyDocuments.typeOf("report.docx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}))
        .hasMessageContaining("is damaged");
  }

  @Test
  void aWebPageThatStartsLikeAPdfIsNotAPdf() {
    assertThatThrownBy(() -> AgencyDocuments.typeOf("report.pdf", ascii("%PDF-<html><script>alert(1)</script></html>")))
        .hasMessageContaining("is not a PDF");
    assertThatThrownBy(() -> AgencyDocuments.typeOf("report.pdf", ascii("%PDF-1.4\n<html><body>hi</body></html>\n%%EOF")))
        .hasMessageContaining("is not a PDF");
    assertThatThrownBy(() -> AgencyDocuments.typeOf("report.pdf", ascii("%PDF-1.4 no end of file")))
        .hasMessageContaining("is not a PDF");
  }

  @Test
  void aPdfThatRunsAScriptOrAProgramWhenOpenedIsRefusedHoweverItIsWritten() throws Exception {
    for (String action : new String[] {
        "<< /OpenAction << /S /JavaScript /JS (app.alert('x')) >> >>",
        "<< /OpenAction << /S /J#61vaScript /J#53 (app.alert('x')) >> >>", // names may be escaped
        "<< /AA << /O << /S /Launch /F (cmd.exe) >> >> >>"}) {
      assertThatThrownBy(() -> AgencyDocuments.typeOf("report.pdf", ascii("%PDF-1.7\n1 0 obj " + action + " endobj\n%%EOF\n")))
          .as(action).hasMessageContaining("contains a script or an action");
    }
    // and hidden in a compressed object stream
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(packed)) {
      out.write(ascii("5 0 << /S /JavaScript /JS (app.alert('x')) >>"));
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    pdf.write(ascii("%PDF-1.7\n4 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
        + packed.size() + " >>\nstream\n"));
    pdf.write(packed.toByteArray());
    pdf.write(ascii("\nendstream\nendobj\n%%EOF\n"));
    assertThatThrownBy(() -> AgencyDocuments.typeOf("report.pdf", pdf.toByteArray()))
        .hasMessageContaining("contains a script or an action");
    // an ordinary open action (the page to show first) is not a script
    assertThat(AgencyDocuments.typeOf("report.pdf", ascii("%PDF-1.7\n1 0 obj << /OpenAction [3 0 R /FitH null] >> endobj\n%%EOF\n")))
        .isEqualTo("application/pdf");
  }
}
