package uk.cspr.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark's section of the results: a Markdown table of figures, each beside the baseline measured in the
 * same run and their ratio, and notes. Written to target/bench/&lt;name&gt;.md (bench/run gathers the sections with
 * the machine into target/bench/results.md) and printed.
 */
public final class Results {

  private final String name;
  private final String title;
  private final List<String> lines = new ArrayList<>();
  private boolean tableOpen;

  public Results(String name, String title) {
    this.name = name;
    this.title = title;
  }

  /** Starts a table comparing ours with the baseline. */
  public Results table(String measure, String ours, String baseline) {
    lines.add("");
    lines.add("| " + measure + " | " + ours + " | " + baseline + " | ratio |");
    lines.add("|---|---:|---:|---:|");
    tableOpen = true;
    return this;
  }

  /** A row: the figure for ours, for the baseline, and ours divided by the baseline. */
  public Results row(String what, double ours, double baseline, String unit) {
    lines.add(String.format(Locale.UK, "| %s | %s %s | %s %s | %.2f× |", what, number(ours), unit, number(baseline), unit,
        ours / baseline));
    return this;
  }

  /** A row of plain figures, for tables that are not a comparison. */
  public Results cells(Object... cells) {
    StringBuilder row = new StringBuilder("|");
    for (Object cell : cells) {
      row.append(' ').append(cell instanceof Double d ? number(d) : String.valueOf(cell)).append(" |");
    }
    lines.add(row.toString());
    return this;
  }

  /** Starts a table of plain figures with these headings. */
  public Results headings(String... headings) {
    lines.add("");
    lines.add("| " + String.join(" | ", headings) + " |");
    lines.add("|" + "---|".repeat(headings.length));
    tableOpen = true;
    return this;
  }

  public Results note(String text) {
    if (tableOpen) {
      lines.add("");
      tableOpen = false;
    }
    lines.add(text);
    return this;
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.UK, "%,.0f", value);
    }
    return String.format(Locale.UK, "%.1f", value);
  }

  /** Writes the section and prints it. */
  public void write() {
    List<String> section = new ArrayList<>();
    section.add("## " + title);
    section.addAll(lines);
    section.add("");
    String text = String.join("\n", section);
    System.out.println(text);
    try {
      Path folder = Path.of("target", "bench");
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(name + ".md"), text + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
