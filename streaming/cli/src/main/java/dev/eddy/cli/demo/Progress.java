package dev.eddy.cli.demo;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The one look of every progress bar Eddy's CLI shows: task, count, rate per second, ETA. */
public final class Progress {
  private Progress() {}

  /** A progress bar on standard error for {@code total} items. */
  public static ProgressBar bar(String task, long total) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setUnit(" ev", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .build();
  }
}
