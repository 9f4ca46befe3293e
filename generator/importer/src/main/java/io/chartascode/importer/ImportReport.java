package io.chartascode.importer;

import io.chartascode.generator.check.Finding;
import io.chartascode.generator.model.OptOut;
import io.chartascode.importer.compare.Difference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a user must know about one import. The same lines head the generated source, as a
 * comment, and are printed by the command, so nothing is only in one place.
 *
 * @param files the input files, as named
 * @param imported the objects the model describes, {@code Deployment/web (chart.yaml:12)}
 * @param skipped the objects it does not
 * @param differences every field the model renders differently from the input
 * @param optOuts guarantees the model gives up so that it renders what the input had
 * @param findings what validation still reports; the generator refuses the model until they are fixed
 * @param notes decisions the importer took (a placeholder, a renamed port, a dropped namespace)
 */
public record ImportReport(
    List<String> files,
    List<String> imported,
    List<Skipped> skipped,
    List<Difference> differences,
    SortedMap<OptOut, String> optOuts,
    List<Finding> findings,
    List<String> notes) {

  public ImportReport {
    files = List.copyOf(files);
    imported = List.copyOf(imported);
    skipped = List.copyOf(skipped);
    differences = List.copyOf(differences);
    optOuts = Collections.unmodifiableSortedMap(new TreeMap<>(optOuts));
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  /** Whether the model is valid and renders the imported objects exactly as the input has them. */
  public boolean exact() {
    return findings.isEmpty() && differences.isEmpty();
  }

  /** The report as text lines, without a trailing newline. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Imported by the chart-as-code importer from " + String.join(", ", files) + ".");
    section(lines, "Objects the model describes (" + imported.size() + ")", imported);
    section(lines, "Not imported: the model does not describe these (" + skipped.size() + ")",
        skipped.stream().map(Skipped::toString).toList());
    section(lines, "Rendered differently by the model (" + differences.size() + "; input -> model)",
        differences.stream().map(Difference::toString).toList());
    section(lines, "Guarantees given up so the objects stay as they were; remove each once fixed",
        optOuts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    section(lines, "Problems mvn generate-resources will report until they are fixed (" + findings.size() + ")",
        findings.stream().map(Finding::toString).toList());
    section(lines, "Notes", notes);
    if (exact()) {
      lines.add("");
      lines.add("The model renders the imported objects exactly as they are in the input.");
    }
    return lines;
  }

  private static void section(List<String> lines, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add(title + ":");
    items.forEach(item -> lines.add("  " + item));
  }
}
