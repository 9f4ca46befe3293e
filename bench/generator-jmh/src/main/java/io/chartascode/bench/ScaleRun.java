package io.chartascode.bench;

import io.chartascode.generator.Generator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.generator.write.WriteReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * {@code ScaleRun <services> <output-dir> [--compare-first]}: one cold generation in a fresh JVM,
 * the way {@code generate-resources} runs it, split into its steps. Prints one line of {@code
 * key=value}:
 *
 * <ul>
 *   <li>{@code jvm_ms}: from JVM start to {@code main} (what Maven's start-up adds comes on top);
 *   <li>{@code model_ms}, {@code render_ms} (validation included), {@code write_ms}: the steps;
 *   <li>{@code main_ms}: all of {@code main}, {@code total_ms}: JVM start to the end of the write;
 *   <li>{@code peak_rss_kb}: the process's peak resident set ({@code VmHWM}), where Linux reports
 *       it.
 * </ul>
 *
 * The output directory should be empty or absent, so every file is written. {@code --compare-first}
 * tries what {@code FileTreeWriter} could do on an unchanged tree: compare with it ({@code
 * FileTreeWriter.isCurrent}) and write only when something differs, instead of staging every file
 * and then finding that nothing changed.
 */
public final class ScaleRun {
  private ScaleRun() {}

  public static void main(String[] args) throws IOException {
    boolean compareFirst = args.length == 3 && args[2].equals("--compare-first");
    if (args.length != 2 && !compareFirst) {
      throw new IllegalArgumentException(
          "usage: ScaleRun <services> <output-dir> [--compare-first]");
    }
    long mainStart = System.nanoTime();
    long jvmMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    int services = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);

    long t0 = System.nanoTime();
    List<Application> model = new SyntheticCatalog(services).applications();
    long t1 = System.nanoTime();
    SortedMap<String, String> files = Generator.render(model);
    long t2 = System.nanoTime();
    int changed;
    if (compareFirst && FileTreeWriter.isCurrent(out, files)) {
      changed = 0;
    } else {
      WriteReport report = new FileTreeWriter(out).write(files);
      changed = report.changed().size();
    }
    long t3 = System.nanoTime();

    System.out.printf(
        Locale.ROOT,
        "services=%d files=%d changed=%d jvm_ms=%d model_ms=%.1f render_ms=%.1f write_ms=%.1f"
            + " main_ms=%.1f total_ms=%.1f peak_rss_kb=%d%n",
        services, files.size(), changed, jvmMs,
        ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t3 - mainStart), jvmMs + ms(t3 - mainStart),
        peakRssKb());
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** {@code VmHWM} from /proc/self/status, or -1 where there is none. */
  static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux: no figure.
    }
    return -1;
  }
}
