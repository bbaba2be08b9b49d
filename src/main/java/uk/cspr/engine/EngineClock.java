package uk.cspr.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, which decides when timers are due and what "today" is for every deadline. Only
 * the demo moves it (to seed cases on the days they happened, before the job executor starts); the
 * stages reach it through here, not through the engine's internals.
 */
public final class EngineClock {

  private EngineClock() {
  }

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** Stops the clock at this moment until it is moved again or given back. */
  public static void moveTo(Date moment) {
    ClockUtil.setCurrentTime(moment);
  }

  /** Gives the engine the real time again. */
  public static void backToRealTime() {
    ClockUtil.reset();
  }
}
