package io.chartascode.generator.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/** What a write did: files changed (new or different), unchanged, removed, and kept by hand. */
public record WriteReport(
    List<String> changed, List<String> unchanged, List<String> removed, List<String> unmanaged) {

  public WriteReport {
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
    removed = List.copyOf(removed);
    unmanaged = List.copyOf(unmanaged);
  }

  static WriteReport compare(
      Path root, SortedMap<String, String> files, Set<String> previous, Set<String> unmanaged)
      throws IOException {
    List<String> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (var file : files.entrySet()) {
      Path existing = root.resolve(file.getKey());
      byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)
          && Arrays.equals(Files.readAllBytes(existing), bytes)) {
        unchanged.add(file.getKey());
      } else {
        changed.add(file.getKey());
      }
    }
    List<String> removed =
        previous.stream().filter(p -> !files.containsKey(p)).sorted().toList();
    return new WriteReport(changed, unchanged, removed, unmanaged.stream().sorted().toList());
  }

  /** A few human lines: counts, then each changed or removed file, then hand-added files. */
  public String summary(String rootName) {
    StringBuilder s = new StringBuilder();
    s.append(rootName).append(": ")
        .append(changed.size() + unchanged.size()).append(" files, ")
        .append(changed.size()).append(" changed, ")
        .append(removed.size()).append(" removed, ")
        .append(unchanged.size()).append(" unchanged\n");
    changed.forEach(p -> s.append("  written  ").append(p).append('\n'));
    removed.forEach(p -> s.append("  removed  ").append(p).append('\n'));
    unmanaged.forEach(
        p -> s.append("  kept     ").append(p)
            .append("  (not created by the generator; move it out of ").append(rootName).append(")\n"));
    return s.toString();
  }
}
