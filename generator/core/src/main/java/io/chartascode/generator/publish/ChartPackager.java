package io.chartascode.generator.publish;

import io.chartascode.generator.model.Application;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The archives of a rendered tree: one per application, from the files under {@code helm/<name>/}. */
public final class ChartPackager {
  private ChartPackager() {}

  /**
   * @param tree every rendered file by path relative to the output root, as {@code Generator.render}
   *     returns it
   */
  public static List<ChartArchive> archives(List<Application> applications, SortedMap<String, String> tree) {
    List<ChartArchive> archives = new ArrayList<>();
    for (Application app : applications) {
      String prefix = "helm/" + app.name() + "/";
      SortedMap<String, String> chart = new TreeMap<>();
      tree.subMap(prefix, prefix + Character.MAX_VALUE)
          .forEach((path, content) -> chart.put(path.substring(prefix.length()), content));
      archives.add(ChartArchive.of(app.name(), app.chartVersion(), chart));
    }
    return List.copyOf(archives);
  }
}
