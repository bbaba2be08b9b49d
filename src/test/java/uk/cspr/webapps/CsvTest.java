package uk.cspr.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void cellsAreQuotedAsSpreadsheetsReadThemAndNeverRunAsFormulas() {
    assertThat(Csv.cell("Police")).isEqualTo("Police");
    assertThat(Csv.cell("Smith, J")).isEqualTo("\"Smith, J\"");
    assertThat(Csv.cell("said \"no\"")).isEqualTo("\"said \"\"no\"\"\"");
    assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(Csv.cell("+44 1234")).isEqualTo("'+44 1234");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.cell(-3)).isEqualTo("-3"); // a number stays a number: working days overdue
    assertThat(Csv.cell(null)).isEmpty();
    assertThat(Csv.cell(true)).isEqualTo("true");
  }

  @Test
  void aHeaderThenARowPerRecordWithCrlf() {
    record Row(String a, Integer b) {}
    String csv = Csv.of(List.of(new Csv.Column<Row>("a", Row::a), new Csv.Column<Row>("b", Row::b)),
        List.of(new Row("x", 1), new Row("y, z", null)));
    assertThat(csv).isEqualTo("a,b\r\nx,1\r\n\"y, z\",\r\n");
  }
}
