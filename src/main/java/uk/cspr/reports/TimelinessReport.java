package uk.cspr.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * How timely the partnership's reviews were in a period, from the outcomes the processes record
 * (contract, "Recorded outcomes"): for the partners' yearly report, Ofsted and the public.
 *
 * @param measures each statutory step done in the period, with how many were on time
 * @param lateNotifications why each notification made late was late, in the coordinators' words
 * @param delayedReviews why each local review signed off late was delayed
 * @param quarters the same measures by calendar quarter, for the chart
 */
public record TimelinessReport(LocalDate from, LocalDate to, List<Measure> measures, List<Reason> lateNotifications,
    List<Reason> delayedReviews, List<Quarter> quarters) {

  /**
   * @param key {@code notifications}, {@code rapidReviews}, {@code localReviews}, {@code publications} or {@code actions}
   * @param deadline the timescale it is measured against, in words
   * @param shareOnTime per cent, to one decimal place; null when none was done
   * @param medianWorkingDays from the start of its clock to the day it was done; null when none (or not measured)
   */
  public record Measure(String key, String name, String deadline, int count, int onTime, Double shareOnTime,
      Double medianWorkingDays) {}

  public record Reason(String reference, LocalDate on, String reason) {}

  /** @param label "January to March 2026" */
  public record Quarter(String label, LocalDate from, LocalDate to, List<Measure> measures) {}
}
