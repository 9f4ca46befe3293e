package io.chartascode.bench;

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
 * {@code ScaleRun <services> <output-dir>}: one cold generation in a fresh JVM,
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
 * The output directory should be absent, so every file is written.
 */
public final class ScaleRun {
  private ScaleRun() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ScaleRun <services> <output-dir>");
    }
    long mainStart = System.nanoTime();
    long jvmMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    int services = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);

    long t0 = System.nanoTime();
    List<Application> model = new SyntheticCatalog(services).applications();
    long t1 = System.nanoTime();
    SortedMap<String, String> files = SyntheticCatalog.render(model);
    long t2 = System.nanoTime();
    WriteReport report = new FileTreeWriter(out).write(files);
    long t3 = System.nanoTime();

    System.out.printf(
        Locale.ROOT,
        "services=%d files=%d changed=%d jvm_ms=%d model_ms=%.1f render_ms=%.1f write_ms=%.1f"
            + " main_ms=%.1f total_ms=%.1f peak_rss_kb=%d%n",
        services, files.size(), report.changed().size(), jvmMs,
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
