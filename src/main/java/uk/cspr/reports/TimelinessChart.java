package uk.cspr.reports;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's chart: the share of each statutory step done on time, quarter by quarter, as grouped
 * bars (JFreeChart), for the partners' yearly report. A quarter in which a step was not done at all
 * has no bar for it, rather than a bar at nought.
 */
public final class TimelinessChart {

  public static final int WIDTH = 1000;
  public static final int HEIGHT = 520;

  private TimelinessChart() {
  }

  /** Rows are the measures, columns the quarters, values the per cent on time. */
  static DefaultCategoryDataset dataset(TimelinessReport report) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (TimelinessReport.Quarter quarter : report.quarters()) {
      for (TimelinessReport.Measure measure : quarter.measures()) {
        dataset.addValue(measure.shareOnTime(), measure.name(), quarter.label());
      }
    }
    return dataset;
  }

  public static byte[] png(TimelinessReport report, String partnership) {
    JFreeChart chart = ChartFactory.createBarChart(
        "Done on time, by quarter: " + partnership, null, "Per cent on time", dataset(report),
        PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xBBBBBB));
    // "October to December 2025" on two lines rather than cut to "October ..."
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    NumberAxis percent = (NumberAxis) plot.getRangeAxis();
    // room above 100 for the bars' own labels; ticks every 25, so none is drawn past 100
    percent.setRange(0, 110);
    percent.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(25));
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    // each bar says its figure: a step done late every time is a "0%" on the axis, not an empty space
    bars.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}%",
        new java.text.DecimalFormat("0.#")));
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    // colours told apart in print and by readers with colour-blindness (Okabe and Ito)
    Color[] colours = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9)};
    for (int i = 0; i < colours.length; i++) {
      bars.setSeriesPaint(i, colours[i]);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}
