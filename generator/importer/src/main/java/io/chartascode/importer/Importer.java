package io.chartascode.importer;

import io.chartascode.generator.check.Finding;
import io.chartascode.generator.check.ModelValidator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.OptOut;
import io.chartascode.importer.compare.Difference;
import io.chartascode.importer.compare.RenderComparison;
import io.chartascode.importer.plan.ApplicationPlan;
import io.chartascode.importer.plan.ContainerPlan;
import io.chartascode.importer.plan.ManifestAnalyzer;
import io.chartascode.importer.plan.Names;
import io.chartascode.importer.plan.PartReader;
import io.chartascode.importer.plan.PartReaders;
import io.chartascode.importer.plan.PlanInterpreter;
import io.chartascode.importer.plan.ValuePlan;
import io.chartascode.importer.read.InputObject;
import io.chartascode.importer.read.ManifestReader;
import io.chartascode.importer.source.ModelSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The pipeline: YAML → objects → plan → (model, compared with the input) → Java source. Pure: it
 * returns the source and the report and writes nothing; {@code cli.Main} does the writing.
 *
 * <p>An imported model renders what the input had wherever the model can say it. Where the input
 * breaks a guarantee the generator enforces (root, a writable root filesystem, capabilities, an
 * unpinned tag), the model keeps the input's behaviour with an explicit {@code optOut(...)} and a
 * reason, so adopting the tool changes nothing in the cluster and the opt-out shows up in review.
 */
public final class Importer {
  private static final Pattern CONTAINER = Pattern.compile("\\.(?:container|initContainer)\\[([^\\]]+)\\]");

  private Importer() {}

  /** Reads the request's files and imports them. */
  public static ImportResult importFiles(ImportRequest request) {
    return importObjects(ManifestReader.read(request.files()), request);
  }

  /** Imports objects already read, e.g. with {@link ManifestReader#parse}. */
  public static ImportResult importObjects(List<InputObject> objects, ImportRequest request) {
    ManifestAnalyzer.Result analysis = ManifestAnalyzer.analyze(objects, request);
    ApplicationPlan plan = analysis.plan();
    String className = request.className().orElse(Names.upperCamel(plan.name()));
    checkNames(request.packageName(), className);

    Application asRead = PlanInterpreter.application(plan);
    List<Finding> findings = ModelValidator.check(List.of(asRead));
    SortedMap<OptOut, String> optOuts = optOuts(plan, asRead, findings);
    if (!optOuts.isEmpty()) {
      plan = plan.withOptOuts(optOuts);
    }
    Application application = PlanInterpreter.application(plan);
    findings = ModelValidator.check(List.of(application));
    // A model with problems may not even build (a quantity that does not parse); compare once it is valid.
    List<Difference> differences =
        findings.isEmpty() ? RenderComparison.compare(application, analysis.imported()) : List.of();

    List<String> notes = new ArrayList<>(analysis.notes());
    if (!findings.isEmpty()) {
      notes.add("The model has the problems listed above, so it was not rendered and compared with the input;"
          + " fix them in the source, then run mvn generate-resources.");
    }
    if (differences.stream().anyMatch(d -> d.object().startsWith("Deployment/") && d.path().startsWith("spec.selector"))) {
      notes.add("The Deployment's selector changes, and Kubernetes does not allow that on an existing Deployment:"
          + " install the generated chart as a new release (or delete the Deployment first), or keep the"
          + " app.kubernetes.io/name and instance labels in the old selector before you switch.");
    }
    Set<String> files = new LinkedHashSet<>();
    objects.forEach(o -> files.add(o.file()));
    ImportReport report =
        new ImportReport(
            List.copyOf(files),
            analysis.imported().stream().map(o -> o.id() + " (" + o.where() + ")").toList(),
            analysis.skipped(),
            differences,
            optOuts,
            findings,
            notes);
    String source = ModelSource.write(plan, report, request.packageName(), className);
    return new ImportResult(request.packageName(), className, source, report, application);
  }

  /**
   * The opt-outs that keep the input's behaviour where it breaks a guarantee, each with the reason
   * the reviewer reads. Security findings are matched by their stable rule ids.
   */
  private static SortedMap<OptOut, String> optOuts(ApplicationPlan plan, Application asRead, List<Finding> findings) {
    SortedMap<OptOut, String> optOuts = new TreeMap<>();
    Map<String, OptOut> byRule =
        Map.of("CAC-SEC-001", OptOut.RUN_AS_ROOT, "CAC-SEC-002", OptOut.WRITABLE_ROOT_FILESYSTEM,
            "CAC-SEC-003", OptOut.CAPABILITIES);
    Map<OptOut, Set<String>> containers = new TreeMap<>();
    for (Finding f : findings) {
      OptOut optOut = byRule.get(f.ruleId());
      if (optOut != null) {
        Set<String> names = containers.computeIfAbsent(optOut, o -> new LinkedHashSet<>());
        Matcher m = CONTAINER.matcher(f.path());
        if (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    containers.forEach((optOut, names) -> optOuts.put(optOut, reason(optOut, names)));
    List<String> unpinned = new ArrayList<>();
    List<ContainerPlan> all = new ArrayList<>(plan.workload().initContainers());
    all.addAll(plan.workload().containers());
    for (ContainerPlan c : all) {
      if (c.tag() instanceof ValuePlan.Ref tag
          && (tag.parameter().defaultValue().equals("latest") || tag.parameter().defaultValue().equals(""))) {
        unpinned.add(c.name());
      }
    }
    if (!unpinned.isEmpty()) {
      optOuts.put(OptOut.LATEST_TAG, "Imported as is: container " + String.join(", ", unpinned)
          + " runs the tag latest, so a restart may pull another image. Pin a version, then remove this opt-out.");
    }
    for (PartReader<?> reader : PartReaders.ALL) {
      if (!plan.has(reader)) {
        optOuts.putAll(reader.optOutsWithout(asRead));
      }
    }
    return optOuts;
  }

  private static String reason(OptOut optOut, Set<String> containers) {
    boolean one = containers.size() == 1;
    String which = "container" + (one ? " " : "s ") + String.join(", ", containers);
    return switch (optOut) {
      case RUN_AS_ROOT -> "Imported as is: the pod does not set runAsNonRoot: true, so it may run as root."
          + " Set runAsNonRoot and a non-zero runAsUser in the pod security context, then remove this opt-out.";
      case WRITABLE_ROOT_FILESYSTEM -> "Imported as is: " + which + (one ? " does" : " do") + " not set readOnlyRootFilesystem: true."
          + " Set it, add writableDirectory(...) for the paths the process writes, then remove this opt-out.";
      case CAPABILITIES -> "Imported as is: " + which + (one ? " keeps Linux capabilities or allows" : " keep Linux capabilities or allow") + " privilege escalation."
          + " Drop ALL, set allowPrivilegeEscalation: false, then remove this opt-out.";
      case LATEST_TAG, NO_DISRUPTION_BUDGET, NO_NETWORK_POLICY -> "Imported as is.";
    };
  }

  private static void checkNames(String packageName, String className) {
    if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
      throw new ImportException("package '" + packageName + "' is not a valid Java package name, e.g. com.example.services");
    }
    if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
      throw new ImportException("class '" + className + "' is not a valid Java class name, e.g. ShopApi");
    }
  }
}
